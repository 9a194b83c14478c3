/**
 * Keeps the objects of cells and rows whose decision did not change. An edit usually changes a few
 * of thousands of cells (100 tenants × 50 users: 4,950); handing Svelte the very same row and cell
 * objects lets it skip those cells entirely instead of re-deriving every cell's texts.
 */
import type { Decision } from '$lib/domain/engine/index.ts';
import type { MatrixCell, MatrixRow, ReachMatrix } from '$lib/domain/reach-matrix.ts';

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
