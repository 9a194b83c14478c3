import { describe, expect, it } from 'vitest';
import { autoLayout, NODE_HEIGHT, NODE_WIDTH } from './auto-layout.ts';
import type { Layout } from './types.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);

/** No two cards overlap, with room left for an edge label between them. */
function apart(layout: Layout): boolean {
	const points = Object.values(layout);
	return points.every((a, i) =>
		points
			.slice(i + 1)
			.every(
				(b) => Math.abs(a.x - b.x) >= NODE_WIDTH + 100 || Math.abs(a.y - b.y) >= NODE_HEIGHT + 100
			)
	);
}

describe('autoLayout', () => {
	it('keeps every stored position as it is', () => {
		const stored = { t0: { x: 5, y: 7 }, t1: { x: 400, y: 0 } };
		const layout = autoLayout(ids(2), stored);
		expect(layout).toEqual(stored);
	});

	it.each([1, 2, 3, 4, 6, 8, 9, 20])('places %i unplaced tenants apart, on whole pixels', (n) => {
		const layout = autoLayout(ids(n));
		expect(Object.keys(layout)).toEqual(ids(n));
		expect(apart(layout)).toBe(true);
		for (const p of Object.values(layout)) {
			expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
			expect(p.x).toBeGreaterThanOrEqual(0);
			expect(p.y).toBeGreaterThanOrEqual(0);
		}
	});

	it('puts three tenants on a circle: two side by side on top, one below between them', () => {
		const layout = autoLayout(ids(3));
		const [a, b, c] = ids(3).map((id) => layout[id] ?? { x: NaN, y: NaN });
		expect(a?.y).toBe(b?.y);
		expect(c!.y).toBeGreaterThan(a!.y);
		expect(c!.x).toBeGreaterThan(a!.x);
		expect(c!.x).toBeLessThan(b!.x);
	});

	it('places newcomers in a row under the placed tenants', () => {
		const stored = { t0: { x: 100, y: 0 }, t1: { x: 520, y: 300 } };
		const layout = autoLayout(ids(4), stored);
		expect(layout.t2?.y).toBeGreaterThan(300 + NODE_HEIGHT);
		expect(layout.t3?.y).toBe(layout.t2?.y);
		expect(layout.t2?.x).toBe(100);
		expect(apart(layout)).toBe(true);
	});

	it('is deterministic', () => {
		expect(autoLayout(ids(5))).toEqual(autoLayout(ids(5)));
	});
});
