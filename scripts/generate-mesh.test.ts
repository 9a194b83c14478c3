import { describe, expect, it } from 'vitest';
import { evaluateAttempt } from '../src/lib/domain/engine/index.ts';
import { formatErrors, parseScenario } from '../src/lib/domain/parse.ts';
import { MESH_GROUPS, generateMesh, meshTenantId } from './generate-mesh.ts';

describe('generateMesh', () => {
	it('makes a valid 3-tenant full mesh with the expected counts', () => {
		const generated = generateMesh({ tenants: 3 });
		const parsed = parseScenario(JSON.stringify(generated));
		if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
		const { tenants } = parsed.scenario;
		expect(tenants).toHaveLength(3);
		tenants.forEach((tenant, i) => {
			expect(tenant.users).toHaveLength(50);
			expect(tenant.groups.map((g) => g.displayName)).toEqual(MESH_GROUPS);
			const groupIds = new Set(tenant.groups.map((g) => g.id));
			expect(tenant.groups.some((g) => g.members.some((m) => groupIds.has(m)))).toBe(true);
			expect(tenant.crossTenantAccessPolicy.partners.map((p) => p.tenantId).sort()).toEqual(
				[0, 1, 2]
					.filter((k) => k !== i)
					.map(meshTenantId)
					.sort()
			);
			expect(tenant.conditionalAccessPolicies?.map((p) => p.state)).toContain('disabled');
			expect(tenant.conditionalAccessPolicies?.map((p) => p.state)).toContain(
				'enabledForReportingButNotEnforced'
			);
		});
		expect(generateMesh({ tenants: 3 })).toEqual(generated);
	});

	it('gives a matrix whose attempts end at every kind of step', () => {
		const parsed = parseScenario(generateMesh({ tenants: 10, usersPerTenant: 5 }));
		if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
		const scenario = parsed.scenario;
		const ends = new Map<string, number>();
		for (const home of scenario.tenants)
			for (const user of home.users)
				for (const resource of scenario.tenants) {
					if (resource === home) continue;
					const r = evaluateAttempt(scenario, {
						name: 'matrix',
						user: user.id,
						resourceTenant: resource.tenantId,
						application: 'Office365'
					});
					const end = r.step ?? 'granted';
					ends.set(end, (ends.get(end) ?? 0) + 1);
				}
		expect([...ends.values()].reduce((a, b) => a + b, 0)).toBe(10 * 5 * 9);
		expect([...ends.keys()].sort()).toEqual(
			['conditionalAccess', 'granted', 'inbound', 'outbound'].sort()
		);
	});
});
