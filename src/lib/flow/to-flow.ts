/**
 * Scenario → Svelte Flow nodes and edges. Pure: the graph component recomputes the whole graph from
 * the scenario and replaces its arrays; it never edits a node in place.
 */
import type { Relationship } from '../domain/relationships.ts';
import type { Scenario, Tenant } from '../domain/schema.ts';
import type { ValidationIssue, ValidationRuleId } from '../domain/validate.ts';
import { autoLayout } from './auto-layout.ts';
import { STATE_WORDS, stateDetail } from './state-words.ts';
import type {
	FlowGraph,
	FlowHighlight,
	IssueSummary,
	Layout,
	Point,
	TenantFlowNode,
	TrustFlowEdge
} from './types.ts';

export const NO_HIGHLIGHT: FlowHighlight = { tenantId: null, edge: null };
export const NO_ISSUES: IssueSummary = { errors: 0, warnings: 0, rules: [] };

/** The edge ID of the direction `from` → `to` (IDs are GUIDs, so `__` cannot be ambiguous). */
export function edgeId(from: string, to: string): string {
	return `trust__${from}__${to}`;
}

const ruleNumber = (rule: ValidationRuleId) => Number(rule.slice(1));

/** Counts `validateScenario` issues per tenant for the node badges. */
export function summarizeIssues(issues: readonly ValidationIssue[]): Map<string, IssueSummary> {
	const byTenant = new Map<string, IssueSummary>();
	for (const issue of issues) {
		const prev = byTenant.get(issue.tenantId) ?? NO_ISSUES;
		byTenant.set(issue.tenantId, {
			errors: prev.errors + (issue.severity === 'error' ? 1 : 0),
			warnings: prev.warnings + (issue.severity === 'warning' ? 1 : 0),
			rules: prev.rules.includes(issue.rule)
				? prev.rules
				: [...prev.rules, issue.rule].sort((a, b) => ruleNumber(a) - ruleNumber(b))
		});
	}
	return byTenant;
}

/** The node of one tenant at `position`. */
export function tenantNode(
	tenant: Tenant,
	position: Point,
	issues: IssueSummary,
	checking: boolean
): TenantFlowNode {
	return {
		id: tenant.tenantId,
		type: 'tenant',
		position,
		deletable: false,
		connectable: false,
		data: {
			tenantId: tenant.tenantId,
			name: tenant.displayName,
			domain: tenant.domain,
			license: tenant.license,
			users: tenant.users.length,
			groups: tenant.groups.length,
			issues,
			checking
		}
	};
}

/** The edge of one relationship (one direction between two tenants). */
export function trustEdge(
	rel: Relationship,
	fromName: string,
	toName: string,
	hasReverse: boolean,
	highlighted: boolean
): TrustFlowEdge {
	const words = STATE_WORDS[rel.state];
	return {
		id: edgeId(rel.from, rel.to),
		type: 'trust',
		source: rel.from,
		target: rel.to,
		deletable: false,
		selectable: false,
		focusable: false,
		zIndex: highlighted ? 1 : 0,
		ariaLabel: `${fromName} to ${toName}: ${words.word}, ${stateDetail(rel)}`,
		data: {
			from: rel.from,
			to: rel.to,
			fromName,
			toName,
			state: rel.state,
			label: rel.label,
			scope: rel.scope,
			hasReverse,
			highlighted
		}
	};
}

/** Whether `highlight` points at the direction `from` → `to`. */
export function isHighlighted(highlight: FlowHighlight, from: string, to: string): boolean {
	return highlight.edge?.from === from && highlight.edge.to === to;
}

/**
 * One node per tenant, placed at its stored position (`layout`) or an automatic one, and one edge per
 * relationship (an ordered pair with any direct connect setting).
 */
export function toFlow(
	scenario: Scenario,
	relationships: readonly Relationship[],
	issuesByTenant: ReadonlyMap<string, IssueSummary>,
	layout: Layout,
	highlight: FlowHighlight = NO_HIGHLIGHT
): FlowGraph {
	const positions = autoLayout(
		scenario.tenants.map((t) => t.tenantId),
		layout
	);
	const names = new Map(scenario.tenants.map((t) => [t.tenantId, t.displayName]));
	const nodes = scenario.tenants.map((tenant) =>
		tenantNode(
			tenant,
			positions[tenant.tenantId] ?? { x: 0, y: 0 },
			issuesByTenant.get(tenant.tenantId) ?? NO_ISSUES,
			highlight.tenantId === tenant.tenantId
		)
	);
	const pairs = new Set(relationships.map((r) => `${r.from} ${r.to}`));
	const edges = relationships.map((rel) =>
		trustEdge(
			rel,
			names.get(rel.from) ?? rel.from,
			names.get(rel.to) ?? rel.to,
			pairs.has(`${rel.to} ${rel.from}`),
			isHighlighted(highlight, rel.from, rel.to)
		)
	);
	return { nodes, edges };
}

/**
 * The new nodes, keeping what Svelte Flow measured on the previous ones (so a recomputed graph does
 * not blink while its cards are measured again) and their selection.
 */
export function keepMeasured(
	next: readonly TenantFlowNode[],
	previous: readonly TenantFlowNode[]
): TenantFlowNode[] {
	const before = new Map(previous.map((n) => [n.id, n]));
	return next.map((node) => {
		const old = before.get(node.id);
		return old?.measured ? { ...node, measured: old.measured, selected: old.selected } : node;
	});
}
