import { describe, expect, it } from 'vitest';
import { parseScenario } from '../domain/parse.ts';
import { relationships } from '../domain/relationships.ts';
import type { Scenario } from '../domain/schema.ts';
import { validateScenario } from '../domain/validate.ts';
import example2 from '../examples/example-2-fabrikam-marketing-only.json';
import { FlowMemo, reconcileNodes } from './flow-memo.ts';
import { edgeId, summarizeIssues, toFlow } from './to-flow.ts';
import type { FlowHighlight } from './types.ts';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';

function load(json: unknown): Scenario {
	const parsed = parseScenario(structuredClone(json));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.scenario;
}

function build(memo: FlowMemo, s: Scenario, highlight?: FlowHighlight) {
	const issues = summarizeIssues(validateScenario(s));
	return {
		nodes: memo.nodes(s, issues, s.layout ?? {}, highlight),
		edges: memo.edges(s, relationships(s), highlight)
	};
}

describe('FlowMemo', () => {
	it('builds the same nodes and edges as toFlow', () => {
		const s = load(example2);
		const highlight = { tenantId: CONTOSO, edge: { from: FABRIKAM, to: CONTOSO } };
		const expected = toFlow(
			s,
			relationships(s),
			summarizeIssues(validateScenario(s)),
			s.layout ?? {},
			highlight
		);
		expect(build(new FlowMemo(), s, highlight)).toEqual(expected);
	});

	it('a new highlight replaces only the node and edge it points at', () => {
		const s = load(example2);
		const memo = new FlowMemo();
		const rels = relationships(s);
		const issues = summarizeIssues(validateScenario(s));
		const before = { nodes: memo.nodes(s, issues, s.layout ?? {}), edges: memo.edges(s, rels) };
		const lit = { tenantId: FABRIKAM, edge: { from: FABRIKAM, to: CONTOSO } };
		const nodes = memo.nodes(s, issues, s.layout ?? {}, lit);
		const edges = memo.edges(s, rels, lit);
		nodes.forEach((n, i) => expect(n === before.nodes[i], n.id).toBe(n.id !== FABRIKAM));
		edges.forEach((e, i) =>
			expect(e === before.edges[i], e.id).toBe(e.id !== edgeId(FABRIKAM, CONTOSO))
		);
		expect(edges.find((e) => e.id === edgeId(FABRIKAM, CONTOSO))?.data?.highlighted).toBe(true);
	});

	it('a moved card gets a new node at its new position; the others stay', () => {
		const s = load(example2);
		const memo = new FlowMemo();
		const issues = summarizeIssues(validateScenario(s));
		const before = memo.nodes(s, issues, s.layout ?? {});
		const layout = { ...s.layout, [CONTOSO]: { x: 1, y: 2 } };
		const after = memo.nodes({ ...s, layout }, issues, layout);
		expect(after.find((n) => n.id === CONTOSO)?.position).toEqual({ x: 1, y: 2 });
		after.forEach((n, i) => expect(n === before[i]).toBe(n.id !== CONTOSO));
	});
});

describe('reconcileNodes', () => {
	it("keeps Svelte Flow's measured copy of an unchanged node and carries sizes to a changed one", () => {
		const s = load(example2);
		const memo = new FlowMemo();
		const issues = summarizeIssues(validateScenario(s));
		const built = memo.nodes(s, issues, s.layout ?? {});
		const shown = built.map((n) => ({ ...n, measured: { width: 200, height: 110 } }));
		const layout = { ...s.layout, [CONTOSO]: { x: 1, y: 2 } };
		const next = memo.nodes({ ...s, layout }, issues, layout);
		const result = reconcileNodes(next, built, shown);
		result.forEach((n, i) => {
			if (n.id === CONTOSO) {
				expect(n).not.toBe(shown[i]);
				expect(n).toMatchObject({
					position: { x: 1, y: 2 },
					measured: { width: 200, height: 110 }
				});
			} else expect(n).toBe(shown[i]);
		});
	});

	it('puts a card back at its stored position when the shown copy was dragged elsewhere', () => {
		const s = load(example2);
		const built = new FlowMemo().nodes(s, new Map(), s.layout ?? {});
		const shown = built.map((n) => ({ ...n, position: { x: -5, y: -5 } }));
		const result = reconcileNodes(built, built, shown);
		expect(result.map((n) => n.position)).toEqual(built.map((n) => n.position));
	});
});
