/**
 * The trust graph's node and edge shapes, in one place. They are `type` aliases (not interfaces) so
 * they satisfy Svelte Flow's `Record<string, unknown>` data constraint.
 */
import type { Edge, Node } from '@xyflow/svelte';
import type { RelationshipState } from '../domain/relationships.ts';
import type { Tenant } from '../domain/schema.ts';
import type { ValidationRuleId } from '../domain/validate.ts';

export type Point = { x: number; y: number };

/** Canvas positions by tenant ID, as `scenario.layout` stores them. */
export type Layout = Record<string, Point>;

/** What the graph draws attention to while the simulator walks (the shape of `UiState.highlight`). */
export type FlowHighlight = {
	tenantId: string | null;
	edge: { from: string; to: string } | null;
};

/** A tenant's validation issues, counted for its badge (V1-V11). */
export type IssueSummary = {
	errors: number;
	warnings: number;
	/** The distinct rule IDs broken, in rule order. */
	rules: ValidationRuleId[];
};

export type TenantNodeData = {
	tenantId: string;
	name: string;
	domain: string;
	license: Tenant['license'];
	users: number;
	groups: number;
	issues: IssueSummary;
	/** The simulator is checking a setting of this tenant right now. */
	checking: boolean;
};

export type TenantFlowNode = Node<TenantNodeData, 'tenant'>;

export type TrustEdgeData = {
	from: string;
	to: string;
	fromName: string;
	toName: string;
	state: RelationshipState;
	/** The relationship's plain-words label ("Contoso has not allowed inbound from Fabrikam"). */
	label: string;
	/** "all users", "Marketing only", or "nobody". */
	scope: string;
	/** The other direction between the same pair also has an edge: both are curved apart. */
	hasReverse: boolean;
	/** The simulator is walking this direction right now. */
	highlighted: boolean;
};

export type TrustFlowEdge = Edge<TrustEdgeData, 'trust'>;

export type FlowGraph = { nodes: TenantFlowNode[]; edges: TrustFlowEdge[] };
