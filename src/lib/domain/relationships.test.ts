import { describe, expect, it } from 'vitest';
import { loadFrozen } from './test-fixtures/frozen.ts';
import { relationships, type Relationship } from './relationships.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example2 from '../examples/example-2-fabrikam-marketing-only.json';
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
});
