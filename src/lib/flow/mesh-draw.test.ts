import { describe, expect, it } from 'vitest';
import type { Relationship } from '../domain/relationships.ts';
import type { Box } from './edge-path.ts';
import { curveDistance, drawMesh, meshLines, nearestLine, nodeBoxes } from './mesh-draw.ts';
import { trustEdge } from './to-flow.ts';
import type { TenantFlowNode } from './types.ts';

const rel = (from: string, to: string, state: Relationship['state']): Relationship => ({
	from,
	to,
	state,
	label: '',
	scope: 'nobody',
	users: [],
	outboundSource: 'default',
	inboundSource: 'default'
});
const card = (x: number, y: number): Box => ({ x, y, width: 200, height: 100 });
const boxes = new Map([
	['a', card(0, 0)],
	['b', card(600, 0)],
	['c', card(0, 400)]
]);
const edges = [
	trustEdge(rel('a', 'b', 'established'), 'A', 'B', false, false),
	trustEdge(rel('a', 'c', 'blocked'), 'A', 'C', true, false),
	trustEdge(rel('c', 'a', 'outboundOnly'), 'C', 'A', true, false),
	trustEdge(rel('a', 'x', 'blocked'), 'A', 'X', false, false)
];

describe('mesh lines', () => {
	it('has a line for each edge whose two cards are measured', () => {
		const lines = meshLines(edges, boxes);
		expect(lines.map((l) => l.id)).toEqual([edges[0]!.id, edges[1]!.id, edges[2]!.id]);
		// a → b runs straight from card border to card border, at mid height.
		expect(lines[0]?.curve).toMatchObject({ start: { x: 202, y: 50 }, control: null });
		expect(lines[1]?.curve.control).not.toBeNull();
	});

	it('reads boxes only from measured nodes', () => {
		const node = (id: string, measured?: { width: number; height: number }) =>
			({ id, position: { x: 5, y: 6 }, data: {}, measured }) as unknown as TenantFlowNode;
		const result = nodeBoxes([node('m', { width: 10, height: 20 }), node('u')]);
		expect([...result]).toEqual([['m', { x: 5, y: 6, width: 10, height: 20 }]]);
	});

	it('finds the line under the pointer, and none away from every line', () => {
		const lines = meshLines(edges, boxes);
		expect(nearestLine(lines, { x: 400, y: 53 }, 7)?.id).toBe(edges[0]!.id);
		expect(nearestLine(lines, { x: 400, y: 70 }, 7)).toBeNull();
		expect(curveDistance(lines[0]!.curve, { x: 400, y: 60 })).toBeCloseTo(10);
		// Near the two bent lines between a and c, the nearer one wins.
		const bent = lines.filter((l) => l.curve.control);
		for (const line of bent) {
			const middle = {
				x: (line.curve.start.x + 2 * line.curve.control!.x + line.curve.end.x) / 4,
				y: (line.curve.start.y + 2 * line.curve.control!.y + line.curve.end.y) / 4
			};
			expect(nearestLine(lines, middle, 7)?.id).toBe(line.id);
		}
	});

	it('draws one hairline stroke per state and fills nothing', () => {
		const calls: string[] = [];
		const ctx = {
			save: () => calls.push('save'),
			restore: () => calls.push('restore'),
			stroke: () => calls.push(`stroke ${ctx.strokeStyle} ${ctx.lineWidth}`),
			fill: () => calls.push('fill'),
			strokeStyle: '',
			lineWidth: 0,
			globalAlpha: 1
		};
		globalThis.Path2D ??= class {
			moveTo() {}
			lineTo() {}
			quadraticCurveTo() {}
		} as unknown as typeof Path2D;
		const colors = { ok: 'green', warn: 'orange', bad: 'red' };
		drawMesh(ctx as unknown as CanvasRenderingContext2D, meshLines(edges, boxes), {
			colors,
			alpha: 0.5,
			zoom: 0.5,
			ratio: 2
		});
		expect(calls).toEqual(['save', 'stroke green 1', 'stroke red 1', 'stroke orange 1', 'restore']);
		expect(ctx.globalAlpha).toBe(0.5);
	});

	it('skips lines outside the visible part', () => {
		let strokes = 0;
		const ctx = {
			save() {},
			restore() {},
			stroke: () => strokes++,
			strokeStyle: '',
			lineWidth: 0,
			globalAlpha: 1
		};
		drawMesh(ctx as unknown as CanvasRenderingContext2D, meshLines(edges, boxes), {
			colors: { ok: 'g', warn: 'o', bad: 'r' },
			alpha: 1,
			zoom: 1,
			ratio: 1,
			visible: { x: 300, y: -50, width: 200, height: 120 }
		});
		expect(strokes).toBe(1);
	});
});
