/**
 * Keeps the objects of cells and rows whose decision did not change. An edit usually changes a few
 * of thousands of cells (100 tenants × 50 users: 4,950); handing Svelte the very same row and cell
 * objects lets it skip those cells entirely instead of re-deriving every cell's texts.
 */
import type { Decision } from '$lib/domain/engine/index.ts';
import {
	cellKey,
	type CellDiff,
	type MatrixCell,
	type MatrixDiff,
	type MatrixRow,
	type ReachMatrix
} from '$lib/domain/reach-matrix.ts';
import type { Tenant, User } from '$lib/domain/schema.ts';

function sameDecision(a: Decision, b: Decision): boolean {
	return (
		a.outcome === b.outcome &&
		a.step === b.step &&
		a.errorCode === b.errorCode &&
		a.consentPrompted === b.consentPrompted &&
		a.homeMfaPrompted === b.homeMfaPrompted
	);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((s, i) => s === b[i]);
}

function keepRow(prev: MatrixRow | undefined, next: MatrixRow): MatrixRow {
	if (!prev || prev.user !== next.user || !sameStrings(prev.groupIds, next.groupIds)) return next;
	const before = new Map(prev.cells.map((c) => [c.resourceTenantId, c]));
	let changed = prev.cells.length !== next.cells.length;
	const cells = next.cells.map((cell, i): MatrixCell => {
		const old = before.get(cell.resourceTenantId);
		if (old && sameDecision(old.decision, cell.decision)) {
			if (prev.cells[i] !== old) changed = true;
			return old;
		}
		changed = true;
		return cell;
	});
	return changed ? { ...next, cells } : prev;
}

/** `next`, with every row and cell that equals its counterpart in `prev` replaced by that object. */
export function keepUnchanged(prev: ReachMatrix | null, next: ReachMatrix): ReachMatrix {
	if (!prev || prev.homeTenantId !== next.homeTenantId) return next;
	const before = new Map(prev.rows.map((r) => [r.user.id, r]));
	const rows = next.rows.map((row) => keepRow(before.get(row.user.id), row));
	const sameColumns =
		prev.columns.length === next.columns.length &&
		prev.columns.every((t, i) => t === next.columns[i]);
	return { ...next, rows, columns: sameColumns ? prev.columns : next.columns };
}

/** One cell as the table shows it; everything the cell component needs, so it reads nothing else. */
export interface CellView {
	user: User;
	resource: Tenant;
	homeName: string;
	decision: Decision;
	diff: CellDiff | null;
	tipId: string;
}

export interface RowView {
	user: User;
	cells: CellView[];
}

export interface SectionView {
	id: string;
	heading: string | null;
	rows: RowView[];
}

function sameDiff(a: CellDiff | null, b: CellDiff | null): boolean {
	if (a === null || b === null) return a === b;
	const same = (x: Decision | null, y: Decision | null) =>
		x === null || y === null ? x === y : sameDecision(x, y);
	return (
		a.change === b.change &&
		a.stepMoved === b.stepMoved &&
		same(a.before, b.before) &&
		same(a.after, b.after)
	);
}

/**
 * The table's sections (one per group of the home tenant, then the users in no group), rows and
 * cells as view objects that keep their identity while nothing they show changes. A cell component
 * then depends only on its own view object, not on the whole matrix: an edit marks and re-renders
 * the cells it changed, not all of them (thousands at 100 tenants).
 */
export class MatrixViews {
	#cells = new WeakMap<MatrixCell, Map<string, CellView>>();
	#rows = new WeakMap<MatrixRow, Map<string, RowView>>();

	#cell(
		cell: MatrixCell,
		row: MatrixRow,
		resource: Tenant,
		homeName: string,
		sectionId: string,
		diff: CellDiff | null
	): CellView {
		let bySection = this.#cells.get(cell);
		if (!bySection) this.#cells.set(cell, (bySection = new Map<string, CellView>()));
		const old = bySection.get(sectionId);
		if (
			old &&
			old.resource === resource &&
			old.user === row.user &&
			old.homeName === homeName &&
			sameDiff(old.diff, diff)
		)
			return old;
		const view: CellView = {
			user: row.user,
			resource,
			homeName,
			decision: cell.decision,
			diff,
			tipId: `tip-${sectionId}-${row.user.id}-${resource.tenantId}`
		};
		bySection.set(sectionId, view);
		return view;
	}

	#row(
		row: MatrixRow,
		columns: readonly Tenant[],
		homeName: string,
		sectionId: string,
		diff: MatrixDiff | null
	): RowView {
		const cells: CellView[] = [];
		row.cells.forEach((cell, i) => {
			const resource = columns[i];
			if (!resource) return;
			const change = diff?.cells.get(cellKey(row.user.id, resource.tenantId)) ?? null;
			cells.push(this.#cell(cell, row, resource, homeName, sectionId, change));
		});
		let bySection = this.#rows.get(row);
		if (!bySection) this.#rows.set(row, (bySection = new Map<string, RowView>()));
		const old = bySection.get(sectionId);
		if (old && old.cells.length === cells.length && old.cells.every((c, i) => c === cells[i]))
			return old;
		const view = { user: row.user, cells };
		bySection.set(sectionId, view);
		return view;
	}

	sections(matrix: ReachMatrix, home: Tenant, diff: MatrixDiff | null): SectionView[] {
		const section = (id: string, heading: string | null, rows: MatrixRow[]): SectionView => ({
			id,
			heading,
			rows: rows.map((r) => this.#row(r, matrix.columns, home.displayName, id, diff))
		});
		if (home.groups.length === 0) return [section('all', null, matrix.rows)];
		const sections = home.groups
			.map((g) =>
				section(
					g.id,
					g.displayName,
					matrix.rows.filter((r) => r.groupIds.includes(g.id))
				)
			)
			.filter((s) => s.rows.length > 0);
		const loose = matrix.rows.filter((r) => r.groupIds.length === 0);
		if (loose.length > 0) sections.push(section('none', 'In no group', loose));
		return sections;
	}
}
