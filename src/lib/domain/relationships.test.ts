import { describe, expect, it } from 'vitest';
import { loadFrozen } from './test-fixtures/frozen.ts';
import { relationships, type Relationship } from './relationships.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example2 from '../examples/example-2-fabrikam-marketing-only.json';
import { setDirectConnect } from './commands.ts';
import { evaluateAttempt } from './engine/index.ts';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';

function edge(list: Relationship[], from: string, to: string) {
	return list.find((r) => r.from === from && r.to === to);
}

describe('relationships (graph edges)', () => {
	const ex1 = loadFrozen(example1);
	const rel1 = relationships(ex1);

	it('S1+S2: both sides allowing everyone is established for all users', () => {
		expect(edge(rel1, FABRIKAM, CONTOSO)).toMatchObject({
			state: 'established',
			scope: 'all users',
			outboundSource: 'partner',
			inboundSource: 'partner'
		});
		expect(edge(rel1, CONTOSO, FABRIKAM)?.state).toBe('established');
	});

	it('S2 mutual trust: Northwind allows outbound but nobody lets it in, so the edge names the resource admin', () => {
		expect(edge(rel1, NORTHWIND, CONTOSO)).toMatchObject({
			state: 'outboundOnly',
			label: 'Contoso has not allowed inbound from Northwind Traders',
			outboundSource: 'default',
			inboundSource: 'default'
		});
	});

	it('D1: two tenants that never configured each other get no edge', () => {
		expect(edge(rel1, CONTOSO, NORTHWIND)).toBeUndefined();
		expect(rel1).toHaveLength(4);
	});

	it('M1: a group-scoped pair is labelled with the group', () => {
		const rel2 = relationships(loadFrozen(example2));
		expect(edge(rel2, FABRIKAM, CONTOSO)).toMatchObject({
			state: 'established',
			scope: 'Marketing only'
		});
		expect(edge(rel2, FABRIKAM, CONTOSO)?.users).toHaveLength(2);
	});

	it('the users an edge lists are exactly those the engine lets through outbound and inbound', () => {
		const ex2 = loadFrozen(example2);
		for (const r of relationships(ex2)) {
			const home = ex2.tenants.find((t) => t.tenantId === r.from);
			for (const user of home?.users ?? []) {
				const result = evaluateAttempt(ex2, {
					name: 'x',
					user: user.id,
					resourceTenant: r.to,
					application: 'Office365'
				});
				const passesBoth = !['outbound', 'inbound'].includes(result.step ?? '');
				expect(r.users.includes(user.id), `${user.displayName} → ${r.to}`).toBe(passesBoth);
			}
		}
	});

	it('S0 (A4): tenants in different clouds are blocked whatever both allow, as the engine decides', () => {
		const split = {
			...ex1,
			tenants: ex1.tenants.map((t) =>
				t.tenantId === FABRIKAM ? { ...t, cloud: 'usGovernment' as const } : t
			)
		};
		const r = edge(relationships(split), FABRIKAM, CONTOSO);
		expect(r).toMatchObject({ state: 'blocked', users: [], scope: 'nobody' });
		expect(r?.label).toMatch(/Different clouds .*US Government.*A4/);
		const user = split.tenants.find((t) => t.tenantId === FABRIKAM)?.users[0];
		const result = evaluateAttempt(split, {
			name: 'x',
			user: user?.id ?? '',
			resourceTenant: CONTOSO,
			application: 'Office365'
		});
		expect([result.outcome, result.step]).toEqual(['blocked', 'preconditions']);
	});

	it('S1+S2: each side allowing different users is not one-sided: nobody is allowed by both', () => {
		const ex2 = loadFrozen(example2);
		const fabrikam = ex2.tenants.find((t) => t.tenantId === FABRIKAM);
		const marketing = new Set(fabrikam?.groups[0]?.members);
		const outsider = fabrikam?.users.find((u) => !marketing.has(u.id));
		if (!outsider) throw new Error('Example 2 has a Fabrikam user outside Marketing');
		// Fabrikam lets out only someone outside Marketing; Contoso lets in only Marketing.
		const disjoint = setDirectConnect(ex2, {
			tenantId: FABRIKAM,
			partnerTenantId: CONTOSO,
			direction: 'outbound',
			usersAndGroups: {
				accessType: 'allowed',
				targets: [{ target: outsider.id, targetType: 'user' }]
			}
		});
		const r = edge(relationships(disjoint), FABRIKAM, CONTOSO);
		expect(r).toMatchObject({ state: 'blocked', users: [] });
		expect(r?.label).toBe('Both sides allow someone, but no Fabrikam user is allowed by both');
	});
});
