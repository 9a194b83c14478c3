import { describe, expect, it } from 'vitest';
import { parseScenario } from '../domain/parse.ts';
import { relationships } from '../domain/relationships.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import { borderPoint, edgeCurve, pointOnCurve, type Box } from './edge-path.ts';
import { estimateLabelSize, movePlacement, nodeBox, placeEdges } from './label-placement.ts';
import { summarizeIssues, toFlow } from './to-flow.ts';
import type { TenantFlowNode } from './types.ts';

const card = (x: number, y: number): Box => ({ x, y, width: 200, height: 110 });

function example1Graph() {
	const parsed = parseScenario(structuredClone(example1));
	if (!parsed.ok) throw new Error('example 1 does not parse');
	const s = parsed.scenario;
	const flow = toFlow(s, relationships(s), summarizeIssues([]), s.layout ?? {});
	const nodes: TenantFlowNode[] = flow.nodes.map((n) => ({
		...n,
		measured: { width: 200, height: 110 }
	}));
	return { nodes, edges: flow.edges };
}

function intersects(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('edge geometry', () => {
	it('leaves a card on its border, towards the other card', () => {
		expect(borderPoint(card(0, 0), { x: 500, y: 55 })).toEqual({ x: 200, y: 55 });
		const up = borderPoint(card(0, 0), { x: 100, y: -300 });
		expect(up.x).toBeCloseTo(100);
		expect(up.y).toBeCloseTo(0);
	});

	it('draws a single direction straight, and two directions bent to opposite sides', () => {
		const a = card(0, 0);
		const b = card(420, 0);
		const straight = edgeCurve(a, b, false);
		expect(straight.control).toBeNull();
		expect(pointOnCurve(straight, 0.5).y).toBeCloseTo(55);
		const there = pointOnCurve(edgeCurve(a, b, true), 0.5);
		const back = pointOnCurve(edgeCurve(b, a, true), 0.5);
		expect(there.y).toBeGreaterThan(55 + 30);
		expect(back.y).toBeLessThan(55 - 30);
	});
});

describe('placeEdges', () => {
	it('waits for measured cards before drawing an edge', () => {
		const { nodes, edges } = example1Graph();
		const unmeasured = nodes.map((n) => ({ ...n, measured: undefined }));
		expect(nodeBox(unmeasured[0]!)).toBeNull();
		expect(placeEdges(unmeasured, edges).size).toBe(0);
	});

	it('example 1: every label in full, none covering a card or another label', () => {
		const { nodes, edges } = example1Graph();
		const placed = placeEdges(nodes, edges);
		expect(placed.size).toBe(edges.length);
		const labels = edges.map((e) => {
			const p = placed.get(e.id)!;
			expect(p.compact).toBe(false);
			const size = estimateLabelSize(e.data!);
			return { x: p.labelX - size.width / 2, y: p.labelY - size.height / 2, ...size };
		});
		const cards = nodes.map((n) => nodeBox(n)!);
		labels.forEach((label, i) => {
			for (const c of cards) expect(intersects(label, c)).toBe(false);
			labels.slice(i + 1).forEach((other) => expect(intersects(label, other)).toBe(false));
		});
	});

	it('falls back to a compact label when the full one fits nowhere', () => {
		const { nodes, edges } = example1Graph();
		// Squeeze the cards together: no room left between them for full labels.
		const squeezed = nodes.map((n, i) => ({ ...n, position: { x: i * 230, y: 0 } }));
		const placed = [...placeEdges(squeezed, edges).values()];
		expect(placed.some((p) => p.compact)).toBe(true);
		expect(estimateLabelSize(edges[2]!.data!, true).height).toBeLessThan(
			estimateLabelSize(edges[2]!.data!).height
		);
	});

	it("during a drag, moves only the dragged card's edges (compact, mid-line) and keeps the rest", () => {
		const { nodes, edges } = example1Graph();
		const settled = placeEdges(nodes, edges);
		const dragged = nodes[0]!;
		const moved = nodes.map((n) =>
			n === dragged ? { ...n, position: { x: n.position.x + 300, y: n.position.y + 40 } } : n
		);
		const during = movePlacement(moved, edges, settled, new Set([dragged.id]));
		expect(during.size).toBe(edges.length);
		for (const edge of edges) {
			const touched = edge.source === dragged.id || edge.target === dragged.id;
			const now = during.get(edge.id)!;
			if (!touched) {
				expect(now).toBe(settled.get(edge.id));
				continue;
			}
			expect(now.compact).toBe(true);
			expect(now.path).not.toBe(settled.get(edge.id)?.path);
			// The line starts or ends on the moved card.
			const box = nodeBox(moved[0]!)!;
			const [x, y] = now.path.split(' ').slice(1, 3).map(Number);
			const [ex, ey] = now.path.split(' ').slice(-2).map(Number);
			const onCard = (px: number, py: number) =>
				px >= box.x - 6 &&
				px <= box.x + box.width + 6 &&
				py >= box.y - 6 &&
				py <= box.y + box.height + 6;
			expect(onCard(x!, y!) || onCard(ex!, ey!)).toBe(true);
		}
	});
});
