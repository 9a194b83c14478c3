/**
 * Who can reach whom: every user of one home tenant against every other tenant's Microsoft Teams
 * shared channels (S0-S5 with a default session: no claims, no prior consent, default answers). The
 * cells come from the engine's outcome-only decider, so the matrix cannot disagree with the simulator.
 */
import { createDecider, type Decision } from './engine/index.ts';
import { groupsOf, indexScenario } from './engine/scenario-index.ts';
import type { Attempt, Scenario, Tenant, User } from './schema.ts';

/** In an attempt, `Office365` stands for Microsoft Teams: the app direct connect serves. */
export const MATRIX_APPLICATION = 'Office365';

export interface MatrixCell {
	resourceTenantId: string;
	decision: Decision;
}

export interface MatrixRow {
	user: User;
	/** Display names of the user's groups in the home tenant (nested ones too unless A3 says direct). */
	groups: string[];
	/** The same groups' object IDs, in the tenant's order. */
	groupIds: string[];
	cells: MatrixCell[];
}

export interface ReachMatrix {
	homeTenantId: string;
	rows: MatrixRow[];
	/** Every other tenant of the scenario, in scenario order. */
	columns: Tenant[];
}

/** The attempt behind one cell: the simulator opens exactly this. */
export function matrixAttempt(user: User, resource: Tenant): Attempt {
	return {
		name: `${user.displayName} → ${resource.displayName}`,
		user: user.userPrincipalName,
		resourceTenant: resource.domain,
		application: MATRIX_APPLICATION
	};
}

/** S0-S5 for each user of `homeTenantId` against each other tenant; empty when the tenant is missing. */
export function reachMatrix(scenario: Scenario, homeTenantId: string): ReachMatrix {
	const home = indexScenario(scenario).tenantsById.get(homeTenantId);
	if (!home) return { homeTenantId, rows: [], columns: [] };
	const decide = createDecider(scenario);
	const membership = scenario.options?.groupMembership ?? 'transitive';
	const columns = scenario.tenants.filter((t) => t.tenantId !== homeTenantId);
	const rows = home.tenant.users.map((user): MatrixRow => {
		const memberOf = groupsOf(home, user.id, membership);
		const groups = home.tenant.groups.filter((g) => memberOf.has(g.id));
		return {
			user,
			groups: groups.map((g) => g.displayName),
			groupIds: groups.map((g) => g.id),
			cells: columns.map((resource) => ({
				resourceTenantId: resource.tenantId,
				decision: decide(matrixAttempt(user, resource))
			}))
		};
	});
	return { homeTenantId, rows, columns };
}

export type CellChange = 'gained' | 'lost' | 'unchanged';

export interface CellDiff {
	userId: string;
	resourceTenantId: string;
	/** Null when the user or the tenant was not there: counted as no access. */
	before: Decision | null;
	after: Decision | null;
	change: CellChange;
	/** Still blocked, but at another step than before. */
	stepMoved: boolean;
}

export interface MatrixDiff {
	/** Every cell of either matrix, keyed by `cellKey`. */
	cells: Map<string, CellDiff>;
	gained: number;
	lost: number;
	unchanged: number;
}

export function cellKey(userId: string, resourceTenantId: string): string {
	return `${userId}\u0000${resourceTenantId}`;
}

function cellsOf(matrix: ReachMatrix): Map<string, Decision> {
	const out = new Map<string, Decision>();
	for (const row of matrix.rows)
		for (const cell of row.cells)
			out.set(cellKey(row.user.id, cell.resourceTenantId), cell.decision);
	return out;
}

function changeOf(before: Decision | null, after: Decision | null): CellChange {
	const was = before?.outcome === 'granted';
	const is = after?.outcome === 'granted';
	if (was === is) return 'unchanged';
	return is ? 'gained' : 'lost';
}

/**
 * Compares two matrices of the same home tenant cell by cell (matched by user ID and resource tenant
 * ID). A cell that exists on one side only counts as blocked on the other: a user who is gone reaches
 * nothing, and a new user who can reach a tenant has gained that access.
 */
export function diffMatrix(before: ReachMatrix, after: ReachMatrix): MatrixDiff {
	const was = cellsOf(before);
	const is = cellsOf(after);
	const cells = new Map<string, CellDiff>();
	let gained = 0;
	let lost = 0;
	let unchanged = 0;
	for (const key of new Set([...was.keys(), ...is.keys()])) {
		const [userId = '', resourceTenantId = ''] = key.split('\u0000');
		const b = was.get(key) ?? null;
		const a = is.get(key) ?? null;
		const change = changeOf(b, a);
		if (change === 'gained') gained++;
		else if (change === 'lost') lost++;
		else unchanged++;
		const stepMoved =
			change === 'unchanged' &&
			b?.outcome === 'blocked' &&
			a?.outcome === 'blocked' &&
			b.step !== a.step;
		cells.set(key, { userId, resourceTenantId, before: b, after: a, change, stepMoved });
	}
	return { cells, gained, lost, unchanged };
}
