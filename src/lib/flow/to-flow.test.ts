import { describe, expect, it } from 'vitest';
import { parseScenario } from '../domain/parse.ts';
import { relationships } from '../domain/relationships.ts';
import type { Scenario } from '../domain/schema.ts';
import { validateScenario } from '../domain/validate.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example2 from '../examples/example-2-fabrikam-marketing-only.json';
import { autoLayout } from './auto-layout.ts';
import { edgeId, keepMeasured, summarizeIssues, toFlow } from './to-flow.ts';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';

function load(json: unknown): Scenario {
	const parsed = parseScenario(structuredClone(json));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.scenario;
}

function flowOf(scenario: Scenario, highlight?: Parameters<typeof toFlow>[4]) {
	const issues = summarizeIssues(validateScenario(scenario));
	return toFlow(scenario, relationships(scenario), issues, scenario.layout ?? {}, highlight);
}

/** Example 1 with Fabrikam's default inbound breaking V3 and Northwind's outbound breaking V11. */
function withIssues(): Scenario {
	const s = load(example1);
	const fabrikam = s.tenants.find((t) => t.tenantId === FABRIKAM)!;
	fabrikam.crossTenantAccessPolicy.default.b2bDirectConnectInbound = {
		usersAndGroups: {
			accessType: 'blocked',
			targets: [{ target: 'AllUsers', targetType: 'user' }]
		},
		applications: {
			accessType: 'allowed',
			targets: [{ target: 'Office365', targetType: 'application' }]
		}
	};
	const northwind = s.tenants.find((t) => t.tenantId === NORTHWIND)!;
	northwind.crossTenantAccessPolicy.default.b2bDirectConnectOutbound = {
		usersAndGroups: {
			accessType: 'allowed',
			targets: [
				{ target: 'AllUsers', targetType: 'user' },
				{ target: northwind.users[0]!.id, targetType: 'user' }
			]
		},
		applications: {
			accessType: 'allowed',
			targets: [{ target: 'AllApplications', targetType: 'application' }]
		}
	};
	return s;
}

describe('toFlow nodes', () => {
	it('has one tenant node per tenant, with its name, domain, licence and counts', () => {
		const s = load(example1);
		const { nodes } = flowOf(s);
		expect(nodes.map((n) => n.id)).toEqual(s.tenants.map((t) => t.tenantId));
		expect(nodes.every((n) => n.type === 'tenant' && n.deletable === false)).toBe(true);
		expect(nodes.find((n) => n.id === FABRIKAM)?.data).toMatchObject({
			name: 'Fabrikam',
			domain: 'fabrikam.com',
			license: 'p1',
			users: 3,
			groups: 1,
			issues: { errors: 0, warnings: 0, rules: [] },
			checking: false
		});
	});

	it('places nodes at their stored positions', () => {
		const s = load(example1);
		const { nodes } = flowOf(s);
		for (const node of nodes) expect(node.position).toEqual(s.layout?.[node.id]);
	});

	it('falls back to the automatic layout for tenants without a stored position', () => {
		const s = load(example1);
		const partial = { ...s, layout: { [CONTOSO]: { x: 10, y: 20 } } };
		const { nodes } = flowOf(partial);
		const auto = autoLayout([CONTOSO, FABRIKAM, NORTHWIND], partial.layout);
		expect(nodes.find((n) => n.id === CONTOSO)?.position).toEqual({ x: 10, y: 20 });
		expect(nodes.find((n) => n.id === FABRIKAM)?.position).toEqual(auto[FABRIKAM]);
		expect(nodes.find((n) => n.id === NORTHWIND)?.position).toEqual(auto[NORTHWIND]);
		expect(flowOf({ ...s, layout: undefined }).nodes.map((n) => n.position)).toEqual(
			Object.values(autoLayout(s.tenants.map((t) => t.tenantId)))
		);
	});

	it('V3 / V11: badges count errors and warnings per tenant, with the rule IDs', () => {
		const { nodes } = flowOf(withIssues());
		const issues = (id: string) => nodes.find((n) => n.id === id)?.data.issues;
		expect(issues(FABRIKAM)).toMatchObject({ errors: 1, rules: ['V3'] });
		expect(issues(NORTHWIND)).toMatchObject({ errors: 0, warnings: 1, rules: ['V11'] });
		expect(issues(CONTOSO)).toEqual({ errors: 0, warnings: 0, rules: [] });
	});

	it('marks the tenant the simulator is checking', () => {
		const { nodes } = flowOf(load(example1), { tenantId: CONTOSO, edge: null });
		expect(nodes.filter((n) => n.data.checking).map((n) => n.id)).toEqual([CONTOSO]);
	});
});

describe('toFlow edges', () => {
	it('S1+S2: one trust edge per relationship, carrying its state, label and scope', () => {
		const s = load(example1);
		const { edges } = flowOf(s);
		expect(edges).toHaveLength(relationships(s).length);
		const one = edges.find((e) => e.id === edgeId(NORTHWIND, CONTOSO));
		expect(one).toMatchObject({ type: 'trust', source: NORTHWIND, target: CONTOSO });
		expect(one?.data).toMatchObject({
			state: 'outboundOnly',
			label: 'Contoso has not allowed inbound from Northwind Traders',
			fromName: 'Northwind Traders',
			toName: 'Contoso',
			hasReverse: false,
			highlighted: false
		});
		expect(one?.ariaLabel).toContain('one-sided');
	});

	it('M1: a group-scoped direction keeps its scope; both directions of a pair know of each other', () => {
		const { edges } = flowOf(load(example2));
		const fc = edges.find((e) => e.id === edgeId(FABRIKAM, CONTOSO));
		expect(fc?.data).toMatchObject({
			state: 'established',
			scope: 'Marketing only',
			hasReverse: true
		});
		expect(edges.find((e) => e.id === edgeId(CONTOSO, FABRIKAM))?.data?.hasReverse).toBe(true);
	});

	it('highlights the direction being walked and raises it above the others', () => {
		const { edges } = flowOf(load(example1), {
			tenantId: null,
			edge: { from: FABRIKAM, to: CONTOSO }
		});
		const lit = edges.filter((e) => e.data?.highlighted);
		expect(lit.map((e) => e.id)).toEqual([edgeId(FABRIKAM, CONTOSO)]);
		expect(lit[0]?.zIndex).toBe(1);
	});

	it('edges are for the canvas only: not deletable, selectable or separately focusable', () => {
		const { edges } = flowOf(load(example1));
		for (const e of edges) {
			expect([e.deletable, e.selectable, e.focusable]).toEqual([false, false, false]);
		}
	});
});

describe('keepMeasured', () => {
	it('carries measured sizes and selection over to the recomputed nodes', () => {
		const s = load(example1);
		const before = flowOf(s).nodes.map((n) =>
			n.id === CONTOSO ? { ...n, measured: { width: 200, height: 110 }, selected: true } : n
		);
		const next = flowOf(s).nodes;
		const kept = keepMeasured(next, before);
		expect(kept.find((n) => n.id === CONTOSO)).toMatchObject({
			measured: { width: 200, height: 110 },
			selected: true
		});
		expect(kept.find((n) => n.id === FABRIKAM)).toBe(next.find((n) => n.id === FABRIKAM));
	});
});
