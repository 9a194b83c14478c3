import { describe, expect, it } from 'vitest';
import { generateMesh, meshTenantId } from '../../../scripts/generate-mesh.ts';
import { setDirectConnect } from '../domain/commands.ts';
import { moveTenant } from '../domain/layout-commands.ts';
import { parseScenario } from '../domain/parse.ts';
import { relationships } from '../domain/relationships.ts';
import type { Scenario } from '../domain/schema.ts';
import { validateScenario } from '../domain/validate.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example2 from '../examples/example-2-fabrikam-marketing-only.json';
import example3 from '../examples/example-3-mfa-trust-and-auto-redemption.json';
import { memoIssues, memoRelationships } from './memo.ts';
import { summarizeIssues } from './to-flow.ts';

function load(json: unknown): Scenario {
	const parsed = parseScenario(structuredClone(json));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.scenario;
}

const mesh = (tenants: number) => load(generateMesh({ tenants, usersPerTenant: 6 }));
const key = (r: { from: string; to: string }) => `${r.from} ${r.to}`;

/** Tenant 0 blocks outbound direct connect to `partner` in its partner entry (S1). */
function blockOutbound(s: Scenario, partner = meshTenantId(1)): Scenario {
	return setDirectConnect(s, {
		tenantId: meshTenantId(0),
		partnerTenantId: partner,
		direction: 'outbound',
		usersAndGroups: { accessType: 'blocked', targets: [{ target: 'AllUsers', targetType: 'user' }] }
	});
}

describe('memoRelationships', () => {
	it('S1+S2: gives exactly what relationships() gives, for the examples and a mesh', () => {
		for (const s of [load(example1), load(example2), load(example3), mesh(7)]) {
			expect(memoRelationships(s)).toEqual(relationships(s));
		}
	});

	it('after an edit to one tenant, recomputes only the pairs that tenant is part of', () => {
		const before = mesh(6);
		const old = new Map(memoRelationships(before).map((r) => [key(r), r]));
		// A partner Tenant 0's outbound lets someone reach today (established or waiting for inbound).
		const target = memoRelationships(before).find(
			(r) => r.from === meshTenantId(0) && (r.state === 'established' || r.state === 'outboundOnly')
		);
		if (!target) throw new Error('the mesh has no open outbound from Tenant 0');
		const after = blockOutbound(before, target.to);
		const next = memoRelationships(after);
		expect(next).toEqual(relationships(after));
		const edited = meshTenantId(0);
		for (const rel of next) {
			const touched = rel.from === edited || rel.to === edited;
			expect(rel === old.get(key(rel)), key(rel)).toBe(!touched);
		}
		// The edit itself shows: S1 now stops Tenant 0's users at home.
		const changed = next.find((r) => r.from === edited && r.to === target.to);
		expect(changed?.state).toBe(target.state === 'established' ? 'inboundOnly' : 'blocked');
	});

	it('A3: keeps transitive and direct membership apart', () => {
		const s = mesh(4);
		const direct: Scenario = { ...s, options: { ...s.options, groupMembership: 'direct' } };
		expect(memoRelationships(s)).toEqual(relationships(s));
		expect(memoRelationships(direct)).toEqual(relationships(direct));
	});

	it('moving a card changes nothing it depends on: the very same list comes back', () => {
		const s = mesh(5);
		const moved = moveTenant(s, meshTenantId(2), { x: 999, y: 111 });
		expect(moved).not.toBe(s);
		expect(memoRelationships(moved)).toBe(memoRelationships(s));
	});

	it('falls back to the whole computation when two tenants share an ID', () => {
		const s = load(example1);
		const twin = { ...s, tenants: [...s.tenants, s.tenants[0]!] };
		expect(memoRelationships(twin)).toEqual(relationships(twin));
	});
});

describe('memoIssues', () => {
	it('V1-V11: counts the same badges as validateScenario, and reuses them for a layout change', () => {
		const s = mesh(5);
		const issues = memoIssues(s);
		expect(issues).toEqual(summarizeIssues(validateScenario(s)));
		expect(memoIssues(moveTenant(s, meshTenantId(1), { x: 5, y: 5 }))).toBe(issues);
		const edited = blockOutbound(s);
		expect(memoIssues(edited)).not.toBe(issues);
		expect(memoIssues(edited)).toEqual(summarizeIssues(validateScenario(edited)));
	});
});
