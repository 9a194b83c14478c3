/**
 * `toFlow` with memory: the same nodes and edges as `toFlow`, but an unchanged tenant or direction
 * keeps the very object it had in the previous build. Svelte Flow and the edge components then skip
 * everything that did not change, so an edit to one tenant touches its card and its edges only.
 */
import type { Relationship } from '../domain/relationships.ts';
import type { Scenario, Tenant } from '../domain/schema.ts';
import { autoLayout } from './auto-layout.ts';
import { isHighlighted, NO_HIGHLIGHT, NO_ISSUES, tenantNode, trustEdge } from './to-flow.ts';
import type {
	FlowHighlight,
	IssueSummary,
	Layout,
	Point,
	TenantFlowNode,
	TrustFlowEdge
} from './types.ts';

interface NodeInputs {
	tenant: Tenant;
	position: Point;
	issues: IssueSummary;
	checking: boolean;
	node: TenantFlowNode;
}

const sameIssues = (a: IssueSummary, b: IssueSummary) =>
	a === b ||
	(a.errors === b.errors && a.warnings === b.warnings && a.rules.join() === b.rules.join());

export class FlowMemo {
	#nodes = new Map<string, NodeInputs>();
	#edges = new WeakMap<Relationship, TrustFlowEdge>();

	/** The tenant nodes; a node whose tenant, position, badge and highlight are unchanged is reused. */
	nodes(
		scenario: Scenario,
		issuesByTenant: ReadonlyMap<string, IssueSummary>,
		layout: Layout,
		highlight: FlowHighlight = NO_HIGHLIGHT
	): TenantFlowNode[] {
		const positions = autoLayout(
			scenario.tenants.map((t) => t.tenantId),
			layout
		);
		const seen = new Map<string, NodeInputs>();
		const nodes = scenario.tenants.map((tenant) => {
			const position = positions[tenant.tenantId] ?? { x: 0, y: 0 };
			const issues = issuesByTenant.get(tenant.tenantId) ?? NO_ISSUES;
			const checking = highlight.tenantId === tenant.tenantId;
			const old = this.#nodes.get(tenant.tenantId);
			const same =
				old &&
				old.tenant === tenant &&
				old.position.x === position.x &&
				old.position.y === position.y &&
				old.checking === checking &&
				sameIssues(old.issues, issues);
			const node = same ? old.node : tenantNode(tenant, position, issues, checking);
			seen.set(tenant.tenantId, { tenant, position, issues, checking, node });
			return node;
		});
		this.#nodes = seen;
		return nodes;
	}

	/** One edge per relationship; an edge is reused while its relationship object and highlight stay. */
	edges(
		scenario: Scenario,
		relationships: readonly Relationship[],
		highlight: FlowHighlight = NO_HIGHLIGHT
	): TrustFlowEdge[] {
		const names = new Map(scenario.tenants.map((t) => [t.tenantId, t.displayName]));
		const pairs = new Set(relationships.map((r) => `${r.from} ${r.to}`));
		return relationships.map((rel) => {
			const hasReverse = pairs.has(`${rel.to} ${rel.from}`);
			const highlighted = isHighlighted(highlight, rel.from, rel.to);
			const old = this.#edges.get(rel);
			if (old?.data && old.data.hasReverse === hasReverse && old.data.highlighted === highlighted)
				return old;
			const edge = trustEdge(
				rel,
				names.get(rel.from) ?? rel.from,
				names.get(rel.to) ?? rel.to,
				hasReverse,
				highlighted
			);
			this.#edges.set(rel, edge);
			return edge;
		});
	}
}

/**
 * The nodes to hand to Svelte Flow: each node of `next` that is the same object as in the previous
 * build (`built`) keeps Svelte Flow's current copy (`shown`, with its measured size); a changed node
 * is taken from `next` with the measured size and selection carried over, so it does not blink.
 */
export function reconcileNodes(
	next: readonly TenantFlowNode[],
	built: readonly TenantFlowNode[],
	shown: readonly TenantFlowNode[]
): TenantFlowNode[] {
	const before = new Map(built.map((n) => [n.id, n]));
	const current = new Map(shown.map((n) => [n.id, n]));
	return next.map((node) => {
		const old = current.get(node.id);
		if (!old) return node;
		if (before.get(node.id) === node && old.position === node.position) return old;
		return old.measured ? { ...node, measured: old.measured, selected: old.selected } : node;
	});
}
