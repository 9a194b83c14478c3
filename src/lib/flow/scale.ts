/**
 * The graph at scale. A labelled edge is a Svelte component with its own label; thousands of them
 * cannot render quickly (a 100-tenant full mesh has 9,900 directions). Above `AT_SCALE_EDGES` the
 * canvas draws every direction as a plain line in one layer (MeshEdges) and gives labelled edge
 * components only to the directions in focus: the selected tenant's, the selected pair's, the one
 * the simulator walks and the one under the pointer. The text mirror still names every direction.
 */
import type { Selection } from '../state/ui.svelte.ts';
import type { FlowHighlight, TrustFlowEdge } from './types.ts';

/** More edges than this and the graph draws lines, labelling only the directions in focus. */
export const AT_SCALE_EDGES = 300;

/** Up to this many edges, labels are re-placed on every drag frame (cheap); above, when it ends. */
export const LIVE_PLACEMENT_EDGES = 40;

export function isAtScale(edgeCount: number): boolean {
	return edgeCount > AT_SCALE_EDGES;
}

/** What the graph puts in focus at scale. */
export interface Focus {
	selection: Selection;
	highlight: FlowHighlight;
	/** The direction under the pointer. */
	hover: { from: string; to: string } | null;
}

/** Whether the selection alone (a tenant or a pair, not the pointer) puts this direction in focus. */
export function isSelected(selection: Selection, from: string, to: string): boolean {
	if (selection.kind === 'tenant') return from === selection.tenantId || to === selection.tenantId;
	if (selection.kind === 'pair') {
		return (
			(from === selection.from && to === selection.to) ||
			(from === selection.to && to === selection.from)
		);
	}
	return false;
}

/**
 * The edges that get a labelled component at scale: the selected ones in their original order, then
 * the simulated and the hovered one (placed last, so pointing never moves the other labels).
 */
export function labelledEdges(edges: readonly TrustFlowEdge[], focus: Focus): TrustFlowEdge[] {
	const { selection, highlight, hover } = focus;
	const selected = edges.filter((e) => isSelected(selection, e.source, e.target));
	for (const pair of [highlight.edge, hover]) {
		const extra = pair && edges.find((e) => e.source === pair.from && e.target === pair.to);
		if (extra && !selected.includes(extra)) selected.push(extra);
	}
	return selected;
}

/**
 * The edges the line layer draws: all but the selected ones, which their labelled components draw
 * on top (the hovered and simulated ones stay in the layer too, so pointing never redraws it).
 */
export function lineEdges(edges: readonly TrustFlowEdge[], selection: Selection): TrustFlowEdge[] {
	if (selection.kind === 'none') return edges as TrustFlowEdge[];
	return edges.filter((e) => !isSelected(selection, e.source, e.target));
}

/** The note shown over the canvas at scale; `selected` names the tenant or pair in focus. */
export function scaleNote(edgeCount: number, selected: string | null): string {
	const count = String(edgeCount).replace(/\B(?=(\d{3})+$)/g, ',');
	const shown = selected
		? `labels shown for ${selected} and the line under the pointer`
		: 'select a tenant, or point at a line, to see its labels';
	return `${count} relationships: ${shown}; the list view names them all.`;
}
