/**
 * Geometry of a trust edge: a line from card border to card border, aimed at the card centres (so
 * edges float instead of sticking to fixed handles). When both directions of a pair have an edge,
 * each bends to its own right-hand side, so the two never lie on top of each other.
 */
import type { Point } from './types.ts';

export type Box = { x: number; y: number; width: number; height: number };

/** A straight segment (no control point) or a quadratic Bézier curve. */
export type Curve = { start: Point; control: Point | null; end: Point };

/** What TrustEdge draws: the SVG path and the centre of its label. */
export type EdgeGeometry = { path: string; labelX: number; labelY: number };

const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const fixed = (n: number) => Math.round(n * 10) / 10;

/** Where the ray from the box centre towards `toward` leaves the box, `gap` pixels further out. */
export function borderPoint(box: Box, toward: Point, gap = 0): Point {
	const c = centre(box);
	const dx = toward.x - c.x;
	const dy = toward.y - c.y;
	const length = Math.hypot(dx, dy);
	if (length === 0) return c;
	const scale = Math.min(
		dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
		dy === 0 ? Infinity : box.height / 2 / Math.abs(dy)
	);
	return {
		x: c.x + dx * scale + (dx / length) * gap,
		y: c.y + dy * scale + (dy / length) * gap
	};
}

/** How far the curve's middle moves off the straight line when the reverse edge exists too. */
export function bendFor(distance: number): number {
	return Math.min(70, Math.max(36, distance * 0.11));
}

/**
 * The curve from `source` to `target`. `curved` bends it to the right of its direction of travel
 * (screen coordinates, y down), by an amount that grows with the distance.
 */
export function edgeCurve(source: Box, target: Box, curved: boolean, arrowGap = 4): Curve {
	const a = centre(source);
	const b = centre(target);
	if (!curved) {
		return {
			start: borderPoint(source, b, 2),
			control: null,
			end: borderPoint(target, a, arrowGap)
		};
	}
	const dx = b.x - a.x;
	const dy = b.y - a.y;
	const distance = Math.hypot(dx, dy) || 1;
	// The midpoint of a quadratic curve lies halfway between the chord and the control point.
	const offset = bendFor(distance) * 2;
	const control = {
		x: (a.x + b.x) / 2 - (dy / distance) * offset,
		y: (a.y + b.y) / 2 + (dx / distance) * offset
	};
	return {
		start: borderPoint(source, control, 2),
		control,
		end: borderPoint(target, control, arrowGap)
	};
}

/** The point at `t` (0 at the start, 1 at the end) along the curve. */
export function pointOnCurve(curve: Curve, t: number): Point {
	const { start: s, control: c, end: e } = curve;
	if (!c) return { x: s.x + (e.x - s.x) * t, y: s.y + (e.y - s.y) * t };
	const u = 1 - t;
	return {
		x: u * u * s.x + 2 * u * t * c.x + t * t * e.x,
		y: u * u * s.y + 2 * u * t * c.y + t * t * e.y
	};
}

export function curvePath(curve: Curve): string {
	const { start: s, control: c, end: e } = curve;
	const from = `M ${fixed(s.x)} ${fixed(s.y)}`;
	return c
		? `${from} Q ${fixed(c.x)} ${fixed(c.y)} ${fixed(e.x)} ${fixed(e.y)}`
		: `${from} L ${fixed(e.x)} ${fixed(e.y)}`;
}
