import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFrozen } from './test-fixtures/frozen.ts';
import { setDirectConnect } from './commands.ts';
import { evaluateAttempt } from './engine/index.ts';
import { cellKey, diffMatrix, matrixAttempt, reachMatrix } from './reach-matrix.ts';
import type { Scenario } from './schema.ts';
import { scenarioArb } from './test-fixtures/arbitrary-scenario.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example2 from '../examples/example-2-fabrikam-marketing-only.json';
import example3 from '../examples/example-3-mfa-trust-and-auto-redemption.json';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';
const ISAIAH = 'isaiah@fabrikam.com';

/** Every cell against the full engine, for every home tenant of the scenario. */
function expectMatchesEngine(scenario: Scenario): number {
	let checked = 0;
	for (const home of scenario.tenants) {
		const matrix = reachMatrix(scenario, home.tenantId);
		expect(matrix.rows.map((r) => r.user.id)).toEqual(home.users.map((u) => u.id));
		for (const row of matrix.rows) {
			expect(row.cells.map((c) => c.resourceTenantId)).toEqual(
				matrix.columns.map((t) => t.tenantId)
			);
			row.cells.forEach((cell, i) => {
				const resource = matrix.columns[i];
				if (!resource) throw new Error('a cell without a column');
				const full = evaluateAttempt(scenario, matrixAttempt(row.user, resource));
				expect(cell.decision).toEqual({
					outcome: full.outcome,
					step: full.step,
					errorCode: full.errorCode,
					consentPrompted: full.consentPrompted,
					homeMfaPrompted: full.homeMfaPrompted
				});
				checked++;
			});
		}
	}
	return checked;
}

function cellOf(scenario: Scenario, homeId: string, upn: string, resourceId: string) {
	const matrix = reachMatrix(scenario, homeId);
	const row = matrix.rows.find((r) => r.user.userPrincipalName === upn);
	return row?.cells.find((c) => c.resourceTenantId === resourceId)?.decision;
}

describe('reachMatrix (who can reach whom)', () => {
	it.each([
		['example 1', example1],
		['example 2', example2],
		['example 3', example3]
	])(
		'S0-S5: every cell of %s equals evaluateAttempt for Teams with a default session',
		(_, json) => {
			expect(expectMatchesEngine(loadFrozen(json))).toBeGreaterThan(0);
		}
	);

	it('property: every cell equals evaluateAttempt for random scenarios', () => {
		fc.assert(
			fc.property(scenarioArb, (scenario) => {
				expectMatchesEngine(scenario);
			}),
			{ numRuns: 150 }
		);
	});

	it('columns are the other tenants in scenario order; rows carry the display names of their groups', () => {
		const ex2 = loadFrozen(example2);
		const matrix = reachMatrix(ex2, FABRIKAM);
		expect(matrix.columns.map((t) => t.tenantId)).toEqual([CONTOSO, NORTHWIND]);
		const groups = Object.fromEntries(matrix.rows.map((r) => [r.user.userPrincipalName, r.groups]));
		expect(groups).toEqual({
			'alex@fabrikam.com': ['Marketing'],
			'diego@fabrikam.com': ['Marketing'],
			[ISAIAH]: []
		});
	});

	it('S1: a Fabrikam user outside Marketing is blocked at outbound with AADSTS500212 (example 2)', () => {
		const decision = cellOf(loadFrozen(example2), FABRIKAM, ISAIAH, CONTOSO);
		expect(decision).toMatchObject({ outcome: 'blocked', step: 'outbound', errorCode: 500212 });
	});

	it('S2: Northwind lets everyone out, but Contoso does not let them in (AADSTS500213)', () => {
		const decision = cellOf(loadFrozen(example1), NORTHWIND, 'lynne@northwind.com', CONTOSO);
		expect(decision).toMatchObject({ outcome: 'blocked', step: 'inbound', errorCode: 500213 });
	});

	it('a tenant that is not in the scenario gives an empty matrix', () => {
		expect(reachMatrix(loadFrozen(example1), 'nowhere')).toEqual({
			homeTenantId: 'nowhere',
			rows: [],
			columns: []
		});
	});

	it('matrixAttempt names the cell and asks for Teams (Office365)', () => {
		const ex1 = loadFrozen(example1);
		const fabrikam = ex1.tenants.find((t) => t.tenantId === FABRIKAM);
		const contoso = ex1.tenants.find((t) => t.tenantId === CONTOSO);
		const alex = fabrikam?.users.find((u) => u.userPrincipalName === 'alex@fabrikam.com');
		if (!alex || !contoso) throw new Error('example 1 changed');
		expect(matrixAttempt(alex, contoso)).toEqual({
			name: 'Alex Wilber → Contoso',
			user: 'alex@fabrikam.com',
			resourceTenant: 'contoso.com',
			application: 'Office365'
		});
	});
});

describe('diffMatrix', () => {
	it('S1: narrowing outbound to Marketing loses Isaiah only (example 1 → example 2)', () => {
		const diff = diffMatrix(
			reachMatrix(loadFrozen(example1), FABRIKAM),
			reachMatrix(loadFrozen(example2), FABRIKAM)
		);
		const changed = [...diff.cells.values()].filter((c) => c.change !== 'unchanged');
		expect(changed.map((c) => [c.userId, c.resourceTenantId, c.change])).toEqual([
			[expect.any(String), CONTOSO, 'lost']
		]);
		const isaiah = loadFrozen(example2).tenants[1]?.users.find(
			(u) => u.userPrincipalName === ISAIAH
		);
		expect(changed[0]?.userId).toBe(isaiah?.id);
		expect(changed[0]?.after).toMatchObject({ step: 'outbound' });
		expect(diff).toMatchObject({ gained: 0, lost: 1, unchanged: 5 });
	});

	it('S1+S2: widening both sides again gains the same cell back (example 2 → example 1)', () => {
		const diff = diffMatrix(
			reachMatrix(loadFrozen(example2), FABRIKAM),
			reachMatrix(loadFrozen(example1), FABRIKAM)
		);
		expect(diff).toMatchObject({ gained: 1, lost: 0, unchanged: 5 });
	});

	it('S2: Contoso allowing Northwind inbound gains Lynne → Contoso', () => {
		const before = loadFrozen(example1);
		const after = setDirectConnect(before, {
			tenantId: CONTOSO,
			partnerTenantId: NORTHWIND,
			direction: 'inbound',
			usersAndGroups: {
				accessType: 'allowed',
				targets: [{ target: 'AllUsers', targetType: 'user' }]
			},
			applications: {
				accessType: 'allowed',
				targets: [{ target: 'AllApplications', targetType: 'application' }]
			}
		});
		const diff = diffMatrix(reachMatrix(before, NORTHWIND), reachMatrix(after, NORTHWIND));
		const lynne = before.tenants[2]?.users[0]?.id ?? '';
		expect(diff.cells.get(cellKey(lynne, CONTOSO))).toMatchObject({
			change: 'gained',
			before: { outcome: 'blocked', step: 'inbound' },
			after: { outcome: 'granted' }
		});
		expect(diff).toMatchObject({ gained: 1, lost: 0 });
	});

	it('a cell that exists on one side only counts as blocked on the other', () => {
		const ex1 = loadFrozen(example1);
		const without = { ...ex1, tenants: ex1.tenants.filter((t) => t.tenantId !== CONTOSO) };
		const diff = diffMatrix(reachMatrix(without, FABRIKAM), reachMatrix(ex1, FABRIKAM));
		// Contoso appears: all three Fabrikam users gain it; Northwind stays blocked for all.
		expect(diff).toMatchObject({ gained: 3, lost: 0, unchanged: 3 });
		const back = diffMatrix(reachMatrix(ex1, FABRIKAM), reachMatrix(without, FABRIKAM));
		expect(back).toMatchObject({ gained: 0, lost: 3, unchanged: 3 });
		expect([...back.cells.values()].filter((c) => c.after === null)).toHaveLength(3);
	});

	it('still blocked but at another step is unchanged, marked as moved', () => {
		const before = loadFrozen(example1);
		// Northwind stops letting anyone out: the block moves from Contoso's inbound to Northwind's outbound.
		const after = setDirectConnect(before, {
			tenantId: NORTHWIND,
			partnerTenantId: null,
			direction: 'outbound',
			usersAndGroups: {
				accessType: 'blocked',
				targets: [{ target: 'AllUsers', targetType: 'user' }]
			},
			applications: {
				accessType: 'blocked',
				targets: [{ target: 'AllApplications', targetType: 'application' }]
			}
		});
		const diff = diffMatrix(reachMatrix(before, NORTHWIND), reachMatrix(after, NORTHWIND));
		const lynne = before.tenants[2]?.users[0]?.id ?? '';
		expect(diff.cells.get(cellKey(lynne, CONTOSO))).toMatchObject({
			change: 'unchanged',
			stepMoved: true,
			before: { step: 'inbound' },
			after: { step: 'outbound' }
		});
	});
});
