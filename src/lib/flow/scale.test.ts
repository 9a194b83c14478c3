import { describe, expect, it } from 'vitest';
import type { Relationship } from '../domain/relationships.ts';
import { AT_SCALE_EDGES, isAtScale, labelledEdges, lineEdges, scaleNote } from './scale.ts';
import { trustEdge } from './to-flow.ts';
import { NO_HIGHLIGHT } from './to-flow.ts';

const ids = ['a', 'b', 'c', 'd'];
const rel = (from: string, to: string): Relationship => ({
	from,
	to,
	state: 'blocked',
	label: `${from} to ${to}`,
	scope: 'nobody',
	users: [],
	outboundSource: 'default',
	inboundSource: 'default'
});
/** A full mesh of four tenants: 12 directions. */
const edges = ids.flatMap((from) =>
	ids.filter((to) => to !== from).map((to) => trustEdge(rel(from, to), from, to, true, false))
);
const names = (list: { source: string; target: string }[]) =>
	list.map((e) => `${e.source}${e.target}`);
const none = { kind: 'none' } as const;

describe('the graph at scale', () => {
	it('starts above the threshold', () => {
		expect(isAtScale(AT_SCALE_EDGES)).toBe(false);
		expect(isAtScale(AT_SCALE_EDGES + 1)).toBe(true);
		expect(isAtScale(9900)).toBe(true);
	});

	it("labels the selected tenant's directions, both ways, and nothing else", () => {
		const focus = {
			selection: { kind: 'tenant', tenantId: 'b' } as const,
			highlight: NO_HIGHLIGHT
		};
		expect(names(labelledEdges(edges, { ...focus, hover: null }))).toEqual([
			'ab',
			'ba',
			'bc',
			'bd',
			'cb',
			'db'
		]);
	});

	it('labels both directions of a selected pair', () => {
		const selection = { kind: 'pair', from: 'c', to: 'a' } as const;
		expect(
			names(labelledEdges(edges, { selection, highlight: NO_HIGHLIGHT, hover: null }))
		).toEqual(['ac', 'ca']);
	});

	it('adds the simulated and the hovered direction last, once each', () => {
		const focus = {
			selection: { kind: 'tenant', tenantId: 'a' } as const,
			highlight: { tenantId: 'c', edge: { from: 'c', to: 'd' } },
			hover: { from: 'd', to: 'b' }
		};
		expect(names(labelledEdges(edges, focus))).toEqual([
			'ab',
			'ac',
			'ad',
			'ba',
			'ca',
			'da',
			'cd',
			'db'
		]);
		const hoverSelected = { ...focus, hover: { from: 'a', to: 'b' } };
		expect(names(labelledEdges(edges, hoverSelected))).toHaveLength(7);
		expect(labelledEdges(edges, { selection: none, highlight: NO_HIGHLIGHT, hover: null })).toEqual(
			[]
		);
	});

	it('the line layer leaves out the selected directions (their labelled edges draw them)', () => {
		expect(lineEdges(edges, none)).toHaveLength(12);
		const lines = names(lineEdges(edges, { kind: 'tenant', tenantId: 'a' }));
		expect(lines).toHaveLength(6);
		expect(lines.some((n) => n.includes('a'))).toBe(false);
	});

	it('says how many relationships there are and where every one is named', () => {
		expect(scaleNote(9900, null)).toBe(
			'9,900 relationships: select a tenant, or point at a line, to see its labels; the list view names them all.'
		);
		expect(scaleNote(1234567, 'Tenant 3')).toContain(
			'1,234,567 relationships: labels shown for Tenant 3'
		);
		expect(scaleNote(420, 'Tenant 3')).toMatch(/^420 relationships/);
	});
});
