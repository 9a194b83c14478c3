/**
 * The line layer of the graph at scale: every direction as a plain line on a canvas, in the same
 * geometry as the labelled edges (edge-path.ts), coloured by state, with its arrowhead. The lines
 * are hairlines (one device pixel, one stroke per state): a software rasteriser draws 9,900 of them
 * in tens of milliseconds, while wider or dashed ones take seconds. So the layer tells states apart
 * by colour only; the labelled edges in focus add the icon, word and line style (legend), and the
 * text mirror names every relationship. Also finds the line under the pointer, to label it.
 */
import type { RelationshipState } from '../domain/relationships.ts';
import { edgeCurve, pointOnCurve, type Box, type Curve } from './edge-path.ts';
import { nodeBox } from './label-placement.ts';
import { stateTone } from './state-words.ts';
import type { Point, TenantFlowNode, TrustFlowEdge } from './types.ts';

export interface MeshLine {
	id: string;
	from: string;
	to: string;
	state: RelationshipState;
	curve: Curve;
}

export type Tone = 'ok' | 'warn' | 'bad';

export interface MeshStyle {
	colors: Record<Tone, string>;
	/** Opacity of the lines (lower while a tenant's labelled edges are in front). */
	alpha: number;
	/** The viewport zoom: widths and arrowheads keep their size on screen. */
	zoom: number;
	/** Device pixels per CSS pixel: a hairline is one device pixel wide. */
	ratio: number;
	/** The part of the canvas on screen, in flow coordinates: lines outside it are skipped. */
	visible?: Box;
}

/** The measured cards' boxes, by node ID. */
export function nodeBoxes(nodes: readonly TenantFlowNode[]): Map<string, Box> {
	const result = new Map<string, Box>();
	for (const node of nodes) {
		const box = nodeBox(node);
		if (box) result.set(node.id, box);
	}
	return result;
}

/** The lines of `edges` whose two cards have a box (measured). */
export function meshLines(
	edges: readonly TrustFlowEdge[],
	boxes: ReadonlyMap<string, Box>
): MeshLine[] {
	const lines: MeshLine[] = [];
	for (const edge of edges) {
		const source = boxes.get(edge.source);
		const target = boxes.get(edge.target);
		if (!source || !target || !edge.data) continue;
		lines.push({
			id: edge.id,
			from: edge.source,
			to: edge.target,
			state: edge.data.state,
			curve: edgeCurve(source, target, edge.data.hasReverse)
		});
	}
	return lines;
}

/** The bounding box of a curve (its control point included: a safe overestimate). */
export function curveBox(curve: Curve): Box {
	const xs = [curve.start.x, curve.end.x, curve.control?.x ?? curve.start.x];
	const ys = [curve.start.y, curve.end.y, curve.control?.y ?? curve.start.y];
	const x = Math.min(...xs);
	const y = Math.min(...ys);
	return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

const touches = (a: Box, b: Box) =>
	a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

const ARROW = 7;

/** Draws `lines` (the caller has set the canvas transform to flow coordinates). */
export function drawMesh(
	ctx: CanvasRenderingContext2D,
	lines: readonly MeshLine[],
	style: MeshStyle
): void {
	const paths = new Map<RelationshipState, Path2D>();
	const size = ARROW / style.zoom;
	for (const line of lines) {
		const { start, control, end } = line.curve;
		if (style.visible && !touches(curveBox(line.curve), style.visible)) continue;
		let path = paths.get(line.state);
		if (!path) paths.set(line.state, (path = new Path2D()));
		path.moveTo(start.x, start.y);
		if (control) path.quadraticCurveTo(control.x, control.y, end.x, end.y);
		else path.lineTo(end.x, end.y);
		// An open arrowhead in the same hairline stroke: filling thousands of small triangles is
		// far slower than stroking them.
		const from = control ?? start;
		const length = Math.hypot(end.x - from.x, end.y - from.y) || 1;
		const ux = (end.x - from.x) / length;
		const uy = (end.y - from.y) / length;
		path.moveTo(end.x - ux * size - uy * size * 0.5, end.y - uy * size + ux * size * 0.5);
		path.lineTo(end.x, end.y);
		path.lineTo(end.x - ux * size + uy * size * 0.5, end.y - uy * size - ux * size * 0.5);
	}
	ctx.save();
	ctx.globalAlpha = style.alpha;
	ctx.lineWidth = 1 / (style.zoom * style.ratio);
	for (const [state, path] of paths) {
		ctx.strokeStyle = style.colors[stateTone(state)];
		ctx.stroke(path);
	}
	ctx.restore();
}

function segmentDistance(p: Point, a: Point, b: Point): number {
	const dx = b.x - a.x;
	const dy = b.y - a.y;
	const length2 = dx * dx + dy * dy;
	const t =
		length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
	return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

const SAMPLES = 12;

/** The distance from `p` to the curve (measured along a 12-segment approximation). */
export function curveDistance(curve: Curve, p: Point): number {
	if (!curve.control) return segmentDistance(p, curve.start, curve.end);
	let best = Infinity;
	let previous = curve.start;
	for (let i = 1; i <= SAMPLES; i++) {
		const next = pointOnCurve(curve, i / SAMPLES);
		best = Math.min(best, segmentDistance(p, previous, next));
		previous = next;
	}
	return best;
}

/** The line nearest to `p` within `tolerance` (flow units), or null. */
export function nearestLine(
	lines: readonly MeshLine[],
	p: Point,
	tolerance: number
): MeshLine | null {
	const around: Box = {
		x: p.x - tolerance,
		y: p.y - tolerance,
		width: 2 * tolerance,
		height: 2 * tolerance
	};
	let best: MeshLine | null = null;
	let bestDistance = tolerance;
	for (const line of lines) {
		if (!touches(curveBox(line.curve), around)) continue;
		const distance = curveDistance(line.curve, p);
		if (distance <= bestDistance) {
			best = line;
			bestDistance = distance;
		}
	}
	return best;
}
