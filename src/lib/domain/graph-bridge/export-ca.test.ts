import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../audit.ts';
import type { ConditionalAccessPolicy, Tenant } from '../schema.ts';
import { scenarioArb } from '../test-fixtures/arbitrary-scenario.ts';
import { IDS, scenario } from '../test-fixtures/scenario-builder.ts';
import { applyGraphRequests } from './apply.ts';
import { conditionalAccessRequests } from './export-ca.ts';
import { CA_POLICIES_URL, caPolicyUrl, powershellScript, requiredScopes } from './export.ts';
import { CA_POLICY_ID, conditionalAccessBody } from './fixtures.ts';
import { importGraphInto } from './import.ts';

function fabrikamWithPolicy(): Tenant {
	const result = importGraphInto(scenario().build(), IDS.fabrikam, conditionalAccessBody());
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	const tenant = result.scenario.tenants.find((t) => t.tenantId === IDS.fabrikam);
	if (!tenant) throw new Error('no Fabrikam');
	return tenant;
}

const withPolicies = (t: Tenant, list: ConditionalAccessPolicy[]): Tenant => ({
	...t,
	conditionalAccessPolicies: list
});

describe('conditionalAccessRequests (issue 6, item 4)', () => {
	const before = fabrikamWithPolicy();
	const policy = before.conditionalAccessPolicies?.[0] as ConditionalAccessPolicy;

	it('sends nothing when the policies did not change', () => {
		expect(conditionalAccessRequests(before, before)).toEqual([]);
		expect(conditionalAccessRequests(before, structuredClone(before))).toEqual([]);
	});

	it('PATCHes only the changed top-level property, with the PowerShell cmdlet and scopes', () => {
		const changed = {
			...policy,
			grantControls: { operator: 'OR' as const, builtInControls: ['block'] }
		};
		const requests = conditionalAccessRequests(before, withPolicies(before, [changed]));
		expect(requests).toEqual([
			{
				method: 'PATCH',
				url: caPolicyUrl(CA_POLICY_ID),
				body: { grantControls: changed.grantControls }
			}
		]);
		const script = powershellScript(requests);
		expect(script).toContain(
			'Connect-MgGraph -Scopes "Policy.ReadWrite.ConditionalAccess", "Policy.Read.All"'
		);
		expect(script).toContain(
			`Update-MgIdentityConditionalAccessPolicy -ConditionalAccessPolicyId '${CA_POLICY_ID}' -BodyParameter $params`
		);
	});

	it('POSTs a new policy without read-only properties and DELETEs a removed one', () => {
		const added: ConditionalAccessPolicy = {
			...policy,
			id: '11111111-2222-4333-8444-555555555555',
			displayName: 'Block direct connect from everyone else',
			createdDateTime: '2024-01-01T00:00:00Z'
		};
		const requests = conditionalAccessRequests(before, withPolicies(before, [added]));
		expect(requests.map((r) => [r.method, r.url])).toEqual([
			['POST', CA_POLICIES_URL],
			['DELETE', caPolicyUrl(CA_POLICY_ID)]
		]);
		expect(requests[0]?.body).not.toHaveProperty('id');
		expect(requests[0]?.body).not.toHaveProperty('createdDateTime');
		expect(requests[0]?.body).toMatchObject({ displayName: added.displayName, state: 'enabled' });
		const script = powershellScript(requests);
		expect(script).toContain('New-MgIdentityConditionalAccessPolicy -BodyParameter $params');
		expect(script).toContain(
			`Remove-MgIdentityConditionalAccessPolicy -ConditionalAccessPolicyId '${CA_POLICY_ID}'`
		);
		expect(requiredScopes([])).toEqual(['Policy.ReadWrite.CrossTenantAccess']);
	});

	it('property: the requests applied to the old policies give the new ones (new ids aside)', () => {
		const states = ['enabled', 'disabled', 'enabledForReportingButNotEnforced'] as const;
		fc.assert(
			fc.property(
				scenarioArb,
				fc.array(fc.constantFrom(...states), { minLength: 4, maxLength: 4 }),
				fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
				(s, newStates, keep) => {
					const [t0, t1] = s.tenants;
					if (!t0 || !t1) return;
					const old = t0.conditionalAccessPolicies ?? [];
					const kept = old
						.filter((_, i) => keep[i])
						.map((p, i) => (i % 2 ? { ...p, state: newStates[i] ?? p.state } : p));
					const added = (t1.conditionalAccessPolicies ?? []).map((p) => ({
						...p,
						id: `new-${p.id}`
					}));
					const after = withPolicies(t0, [...kept, ...added]);
					const applied = applyGraphRequests(t0, conditionalAccessRequests(t0, after));
					const result = applied.conditionalAccessPolicies ?? [];
					expect(result.slice(0, kept.length)).toEqual(kept);
					const strip = ({ id: _id, ...rest }: ConditionalAccessPolicy) => (void _id, rest);
					expect(result.slice(kept.length).map(strip)).toEqual(added.map(strip));
					expect(jsonEqual(applied.crossTenantAccessPolicy, t0.crossTenantAccessPolicy)).toBe(true);
				}
			),
			{ numRuns: 100 }
		);
	});
});
