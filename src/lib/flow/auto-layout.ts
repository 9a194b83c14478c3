/**
 * Where a tenant goes on the canvas when the scenario stores no position for it: a circle when
 * nothing is placed yet (few tenants), a grid for many, and a row under the placed ones otherwise.
 * Deterministic, so the same scenario always opens the same way.
 */
import type { Layout, Point } from './types.ts';

/** The card size the layout plans for (TenantNode keeps to this width). */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 120;
/** Room between cards for the edge labels. */
const GAP_X = 220;
const GAP_Y = 180;
const CIRCLE_MAX = 8;

const round = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });

function grid(count: number, origin: Point, columns: number): Point[] {
	return Array.from({ length: count }, (_, i) => ({
		x: origin.x + (i % columns) * (NODE_WIDTH + GAP_X),
		y: origin.y + Math.floor(i / columns) * (NODE_HEIGHT + GAP_Y)
	}));
}

/** n points on a circle, the first two side by side on top (a triangle for three, a square for four). */
function circle(count: number): Point[] {
	if (count === 1) return [{ x: 0, y: 0 }];
	if (count === 2) return grid(2, { x: 0, y: 0 }, 2);
	const radius = Math.max(260, (count * (NODE_WIDTH + GAP_X * 0.6)) / (2 * Math.PI));
	const start = -Math.PI / 2 - Math.PI / count;
	const points = Array.from({ length: count }, (_, i) => {
		const angle = start + (2 * Math.PI * i) / count;
		return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
	});
	const minX = Math.min(...points.map((p) => p.x));
	const minY = Math.min(...points.map((p) => p.y));
	return points.map((p) => ({ x: p.x - minX, y: p.y - minY }));
}

/** Every tenant's position: the stored one when there is one, else an automatic one. */
export function autoLayout(tenantIds: readonly string[], stored: Layout = {}): Layout {
	const placed = tenantIds.filter((id) => stored[id] !== undefined);
	const missing = tenantIds.filter((id) => stored[id] === undefined);
	const result: Layout = {};
	for (const id of placed) result[id] = stored[id] as Point;
	if (missing.length === 0) return result;

	let points: Point[];
	if (placed.length === 0) {
		points =
			missing.length <= CIRCLE_MAX
				? circle(missing.length)
				: grid(missing.length, { x: 0, y: 0 }, Math.ceil(Math.sqrt(missing.length)));
	} else {
		const xs = placed.map((id) => result[id]?.x ?? 0);
		const ys = placed.map((id) => result[id]?.y ?? 0);
		const below = { x: Math.min(...xs), y: Math.max(...ys) + NODE_HEIGHT + GAP_Y };
		points = grid(missing.length, below, Math.max(3, Math.ceil(Math.sqrt(missing.length))));
	}
	missing.forEach((id, i) => {
		result[id] = round(points[i] ?? { x: 0, y: 0 });
	});
	return result;
}

/** How the canvas frames the cards: room around them for edge labels and the legend. */
export const FIT_VIEW_OPTIONS = {
	padding: { top: '72px', bottom: '36px', left: '40px', right: '40px' },
	maxZoom: 1.1,
	minZoom: 0.4
} as const;
