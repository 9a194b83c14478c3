/**
 * The graph's two costly inputs, remembered across edits. Scenarios are immutable and commands keep
 * every tenant they do not change (the same object), so:
 * - a direction's relationship depends only on its two tenants (and the membership mode, A3): it is
 *   remembered per ordered pair of tenant objects, and an edit to one tenant recomputes only the
 *   pairs it is part of;
 * - validation reads nothing but `scenario.tenants` (the V rules look at tenants only): its badge
 *   counts are remembered per tenants array, so moving a card (a layout change) costs nothing.
 * The results equal `relationships(scenario)` and `summarizeIssues(validateScenario(scenario))`.
 */
import { relationships, type Relationship } from '../domain/relationships.ts';
import type { Scenario, Tenant } from '../domain/schema.ts';
import { validateScenario } from '../domain/validate.ts';
import { summarizeIssues } from './to-flow.ts';
import type { IssueSummary } from './types.ts';

type Mode = 'transitive' | 'direct';
/** home tenant → resource tenant → its relationship, or null when no setting links them. */
type PairMemo = WeakMap<Tenant, WeakMap<Tenant, Relationship | null>>;

const pairMemos: Record<Mode, PairMemo> = { transitive: new WeakMap(), direct: new WeakMap() };
const wholeMemos: Record<Mode, WeakMap<readonly Tenant[], Relationship[]>> = {
	transitive: new WeakMap(),
	direct: new WeakMap()
};
const issueMemo = new WeakMap<readonly Tenant[], Map<string, IssueSummary>>();

function remember(memo: PairMemo, home: Tenant, resource: Tenant, rel: Relationship | null) {
	let row = memo.get(home);
	if (!row) memo.set(home, (row = new WeakMap()));
	row.set(resource, rel);
}

/**
 * Fills the memo for every ordered pair of `tenants` from one `relationships` result. A pair already
 * remembered keeps its object: its two tenants are the same, so its relationship is equal.
 */
function rememberAll(memo: PairMemo, tenants: readonly Tenant[], rels: readonly Relationship[]) {
	const byPair = new Map(rels.map((r) => [`${r.from} ${r.to}`, r]));
	for (const home of tenants) {
		for (const resource of tenants) {
			if (home === resource) continue;
			if (memo.get(home)?.get(resource) !== undefined) continue;
			remember(memo, home, resource, byPair.get(`${home.tenantId} ${resource.tenantId}`) ?? null);
		}
	}
}

/** `relationships(scenario)`, recomputing only the tenant pairs not seen before. */
export function memoRelationships(scenario: Scenario): Relationship[] {
	const mode: Mode = scenario.options?.groupMembership ?? 'transitive';
	const tenants = scenario.tenants;
	const whole = wholeMemos[mode].get(tenants);
	if (whole) return whole;
	// Two tenants with one ID would share a row of the engine's index: no pairwise shortcut then.
	if (new Set(tenants.map((t) => t.tenantId)).size !== tenants.length)
		return relationships(scenario);

	const memo = pairMemos[mode];
	const missing: [Tenant, Tenant][] = [];
	tenants.forEach((a, i) => {
		for (const b of tenants.slice(i + 1)) {
			if (memo.get(a)?.get(b) === undefined || memo.get(b)?.get(a) === undefined)
				missing.push([a, b]);
		}
	});
	const pairCount = (tenants.length * (tenants.length - 1)) / 2;
	if (missing.length > pairCount / 4) {
		// Mostly new (a scenario just opened): one pass over the whole scenario is quicker.
		rememberAll(memo, tenants, relationships(scenario));
	} else {
		for (const [a, b] of missing) {
			rememberAll(memo, [a, b], relationships({ ...scenario, tenants: [a, b] }));
		}
	}
	const result: Relationship[] = [];
	for (const home of tenants) {
		for (const resource of tenants) {
			const rel = home === resource ? null : memo.get(home)?.get(resource);
			if (rel) result.push(rel);
		}
	}
	wholeMemos[mode].set(tenants, result);
	return result;
}

/** Each tenant's validation badge counts (V1-V11), remembered per tenants array. */
export function memoIssues(scenario: Scenario): Map<string, IssueSummary> {
	const hit = issueMemo.get(scenario.tenants);
	if (hit) return hit;
	const issues = summarizeIssues(validateScenario(scenario));
	issueMemo.set(scenario.tenants, issues);
	return issues;
}
