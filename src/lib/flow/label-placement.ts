/**
 * Where each edge's label goes: at the middle of its line when there is room, else slid along the
 * line to the nearest spot that covers no card and no label placed before it; when the full label
 * fits nowhere, a compact one (icon, state word, scope) takes its place and the full words stay in
 * its accessible name and tooltip. Label sizes are estimated from their words (TrustEdge keeps to
 * the same width and font sizes), so placement stays a pure function of the graph.
 */
import {
	curvePath,
	edgeCurve,
	pointOnCurve,
	type Box,
	type Curve,
	type EdgeGeometry
} from './edge-path.ts';
import { STATE_WORDS, stateDetail } from './state-words.ts';
import type { TenantFlowNode, TrustEdgeData, TrustFlowEdge } from './types.ts';

export type Size = { width: number; height: number };

/** An edge ready to draw; `compact` when only the short label found room. */
export type PlacedEdge = EdgeGeometry & { compact: boolean };

/** Measured in the browser at the label's font sizes: text width, padding and border, line height. */
const TEXT_WIDTH = 186;
const CHROME = 17;
const LINE = 15;
const MARGIN = 6;
/** Label positions tried along the line, best first. */
const CANDIDATES = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73];

function lines(chars: number, charWidth: number): { width: number; count: number } {
	const width = chars * charWidth;
	return { width: Math.min(width, TEXT_WIDTH), count: Math.max(1, Math.ceil(width / TEXT_WIDTH)) };
}

/** A slightly generous estimate of a label's size from its lines of words (one line when compact). */
export function estimateLabelSize(data: TrustEdgeData, compact = false): Size {
	const direction = lines(`${data.fromName} → ${data.toName}`.length, 6);
	const words = STATE_WORDS[data.state];
	const state =
		data.state === 'established'
			? lines(`${words.icon} ${words.word} · ${data.scope}`.length, 6)
			: lines(`${words.icon} ${words.word}`.length, 7.2);
	const detail = data.state === 'established' ? null : lines(stateDetail(data).length, 6.3);
	const checking = data.highlighted ? 1 : 0;
	if (compact) return { width: state.width + CHROME, height: (state.count + checking) * LINE + 10 };
	const count = direction.count + state.count + (detail?.count ?? 0) + checking;
	return {
		width: Math.max(direction.width, state.width, detail?.width ?? 0) + CHROME,
		height: count * LINE + 10
	};
}

function overlap(a: Box, b: Box): number {
	const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	return w > 0 && h > 0 ? w * h : 0;
}

function grow(box: Box, by: number): Box {
	return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/** The card of a node once Svelte Flow has measured it. */
export function nodeBox(node: TenantFlowNode): Box | null {
	const width = node.measured?.width;
	const height = node.measured?.height;
	return width && height ? { ...node.position, width, height } : null;
}

/** The best spot along the curve for a label of `size`: the first that overlaps nothing, else the least bad. */
function bestSpot(curve: Curve, size: Size, taken: readonly Box[]): { box: Box; score: number } {
	let best: { box: Box; score: number } | null = null;
	for (const t of CANDIDATES) {
		const p = pointOnCurve(curve, t);
		const box = { x: p.x - size.width / 2, y: p.y - size.height / 2, ...size };
		const score = taken.reduce((sum, o) => sum + overlap(box, o), 0);
		if (!best || score < best.score) best = { box, score };
		if (score === 0) break;
	}
	return best as { box: Box; score: number };
}

/** Paths and label points for every edge whose two cards are measured. */
export function placeEdges(
	nodes: readonly TenantFlowNode[],
	edges: readonly TrustFlowEdge[]
): Map<string, PlacedEdge> {
	const boxes = new Map<string, Box>();
	for (const node of nodes) {
		const box = nodeBox(node);
		if (box) boxes.set(node.id, box);
	}
	const obstacles = [...boxes.values()].map((b) => grow(b, MARGIN));
	const placed: Box[] = [];
	const result = new Map<string, PlacedEdge>();
	for (const edge of edges) {
		const source = boxes.get(edge.source);
		const target = boxes.get(edge.target);
		if (!source || !target || !edge.data) continue;
		const curve = edgeCurve(source, target, edge.data.hasReverse);
		const taken = [...obstacles, ...placed];
		let spot = { ...bestSpot(curve, estimateLabelSize(edge.data), taken), compact: false };
		if (spot.score > 0) {
			const small = bestSpot(curve, estimateLabelSize(edge.data, true), taken);
			if (small.score < spot.score) spot = { ...small, compact: true };
		}
		placed.push(grow(spot.box, MARGIN));
		result.set(edge.id, {
			path: curvePath(curve),
			labelX: Math.round(spot.box.x + spot.box.width / 2),
			labelY: Math.round(spot.box.y + spot.box.height / 2),
			compact: spot.compact
		});
	}
	return result;
}

/**
 * Placement during a drag, without re-placing every label: edges that do not touch a moving card
 * keep their settled geometry (`settled`, the last full `placeEdges`); edges that do follow the
 * card live, compact, with their label at the middle of the line. The full placement runs again
 * when the drag ends.
 */
export function movePlacement(
	nodes: readonly TenantFlowNode[],
	edges: readonly TrustFlowEdge[],
	settled: ReadonlyMap<string, PlacedEdge>,
	moving: ReadonlySet<string>
): Map<string, PlacedEdge> {
	const result = new Map<string, PlacedEdge>();
	const all = new Map(nodes.map((n) => [n.id, n]));
	for (const edge of edges) {
		if (!moving.has(edge.source) && !moving.has(edge.target)) {
			const kept = settled.get(edge.id);
			if (kept) result.set(edge.id, kept);
			continue;
		}
		const source = boxOf(all.get(edge.source));
		const target = boxOf(all.get(edge.target));
		if (!source || !target || !edge.data) continue;
		const curve = edgeCurve(source, target, edge.data.hasReverse);
		const middle = pointOnCurve(curve, 0.5);
		result.set(edge.id, {
			path: curvePath(curve),
			labelX: Math.round(middle.x),
			labelY: Math.round(middle.y),
			compact: true
		});
	}
	return result;
}

const boxOf = (node: TenantFlowNode | undefined) => (node ? nodeBox(node) : null);
