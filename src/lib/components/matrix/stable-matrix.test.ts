import { describe, expect, it } from 'vitest';
import { setDirectConnect } from '$lib/domain/commands.ts';
import { reachMatrix } from '$lib/domain/reach-matrix.ts';
import { loadFrozen } from '$lib/domain/test-fixtures/frozen.ts';
import example1 from '$lib/examples/example-1-fabrikam-all-users.json';
import { keepUnchanged, MatrixViews } from './stable-matrix.ts';

const ex1 = loadFrozen(example1);
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
/** S2: Contoso closes its inbound door to Fabrikam: every Fabrikam user's Contoso cell changes. */
const closed = setDirectConnect(ex1, {
	tenantId: CONTOSO,
	partnerTenantId: FABRIKAM,
	direction: 'inbound',
	usersAndGroups: { accessType: 'blocked', targets: [{ target: 'AllUsers', targetType: 'user' }] }
});

describe('keepUnchanged (the matrix hands Svelte the same objects for unchanged cells)', () => {
	it('an edit that changes nothing for the home tenant keeps every row, cell and the columns', () => {
		const before = reachMatrix(ex1, FABRIKAM);
		const renamed = { ...ex1, name: 'renamed' };
		const after = keepUnchanged(before, reachMatrix(renamed, FABRIKAM));
		expect(after.rows).toHaveLength(before.rows.length);
		after.rows.forEach((row, i) => expect(row).toBe(before.rows[i]));
		expect(after.columns).toBe(before.columns);
	});

	it('S2: closing Contoso inbound changes the Contoso cells only; the others keep their objects', () => {
		const before = reachMatrix(ex1, FABRIKAM);
		const after = keepUnchanged(before, reachMatrix(closed, FABRIKAM));
		for (const [r, row] of after.rows.entries()) {
			const old = before.rows[r];
			expect(row).not.toBe(old);
			for (const [c, cell] of row.cells.entries()) {
				if (cell.resourceTenantId === CONTOSO) {
					expect(cell.decision).toMatchObject({ outcome: 'blocked', step: 'inbound' });
					expect(cell).not.toBe(old?.cells[c]);
				} else {
					expect(cell).toBe(old?.cells[c]);
				}
			}
		}
	});

	it('another home tenant starts afresh', () => {
		const before = reachMatrix(ex1, FABRIKAM);
		const other = reachMatrix(ex1, CONTOSO);
		expect(keepUnchanged(before, other)).toBe(other);
	});
});

describe('MatrixViews (what each cell component reads)', () => {
	const fabrikam = () => {
		const t = ex1.tenants.find((x) => x.tenantId === FABRIKAM);
		if (!t) throw new Error('no Fabrikam');
		return t;
	};

	it('an edit that changes one column keeps every other cell view, and a rename keeps them all', () => {
		const views = new MatrixViews();
		const first = keepUnchanged(null, reachMatrix(ex1, FABRIKAM));
		const before = views.sections(first, fabrikam(), null);
		const renamed = keepUnchanged(first, reachMatrix({ ...ex1, name: 'x' }, FABRIKAM));
		const same = views.sections(renamed, fabrikam(), null);
		same.forEach((s, i) => s.rows.forEach((r, j) => expect(r).toBe(before[i]?.rows[j])));

		const after = views.sections(
			keepUnchanged(renamed, reachMatrix(closed, FABRIKAM)),
			fabrikam(),
			null
		);
		let changed = 0;
		after.forEach((s, i) =>
			s.rows.forEach((r, j) =>
				r.cells.forEach((c, k) => {
					const old = before[i]?.rows[j]?.cells[k];
					if (c.resource.tenantId === CONTOSO) {
						changed++;
						expect(c).not.toBe(old);
					} else expect(c).toBe(old);
				})
			)
		);
		expect(changed).toBeGreaterThan(0);
	});

	it('sections follow the home tenant’s groups; a user in no group gets their own section', () => {
		const views = new MatrixViews();
		const sections = views.sections(reachMatrix(ex1, FABRIKAM), fabrikam(), null);
		expect(sections.map((s) => s.heading)).toEqual(
			fabrikam().groups.length > 0
				? expect.arrayContaining([fabrikam().groups[0]?.displayName])
				: [null]
		);
		const listed = new Set(sections.flatMap((s) => s.rows.map((r) => r.user.id)));
		expect(listed.size).toBe(fabrikam().users.length);
	});
});
