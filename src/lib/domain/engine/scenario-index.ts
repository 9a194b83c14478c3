/**
 * Lookup tables for one scenario, built once and cached per scenario object. Scenarios are never
 * mutated in place (every command returns a new object), so a WeakMap keyed by the object is a safe
 * cache: the matrix evaluates ~500,000 attempts per 100-tenant scenario and cannot afford linear scans.
 */
import type { ConfigurationPartner, Group, Scenario, Tenant, User } from '../schema.ts';

export type MembershipMode = 'transitive' | 'direct';

export interface TenantIndex {
	tenant: Tenant;
	partners: Map<string, ConfigurationPartner>;
	groupsById: Map<string, Group>;
	usersById: Map<string, User>;
	/** Cached group IDs per user and mode (A3). */
	memberships: Map<string, ReadonlySet<string>>;
	/** Groups that list a given object (user or group) directly. */
	parents: Map<string, string[]>;
}

export interface ScenarioIndex {
	tenantsById: Map<string, TenantIndex>;
	tenantsByDomain: Map<string, TenantIndex>;
	usersByRef: Map<string, { tenant: TenantIndex; user: User }>;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

function indexTenant(tenant: Tenant): TenantIndex {
	const parents = new Map<string, string[]>();
	for (const group of tenant.groups) {
		for (const member of group.members) {
			const list = parents.get(member);
			if (list) list.push(group.id);
			else parents.set(member, [group.id]);
		}
	}
	return {
		tenant,
		partners: new Map(tenant.crossTenantAccessPolicy.partners.map((p) => [p.tenantId, p])),
		groupsById: new Map(tenant.groups.map((g) => [g.id, g])),
		usersById: new Map(tenant.users.map((u) => [u.id, u])),
		memberships: new Map(),
		parents
	};
}

/** The index for a scenario (built on first use). */
export function indexScenario(scenario: Scenario): ScenarioIndex {
	const hit = cache.get(scenario);
	if (hit) return hit;
	const index: ScenarioIndex = {
		tenantsById: new Map(),
		tenantsByDomain: new Map(),
		usersByRef: new Map()
	};
	for (const tenant of scenario.tenants) {
		const t = indexTenant(tenant);
		index.tenantsById.set(tenant.tenantId, t);
		index.tenantsByDomain.set(tenant.domain.toLowerCase(), t);
		for (const user of tenant.users) {
			index.usersByRef.set(user.id, { tenant: t, user });
			index.usersByRef.set(user.userPrincipalName.toLowerCase(), { tenant: t, user });
		}
	}
	cache.set(scenario, index);
	return index;
}

/**
 * The groups of `objectId` in its tenant: direct parents only, or every ancestor (A3). Cycles, which a
 * hand-written file may contain, end the walk instead of looping.
 */
export function groupsOf(
	t: TenantIndex,
	objectId: string,
	mode: MembershipMode
): ReadonlySet<string> {
	const key = `${mode}:${objectId}`;
	const hit = t.memberships.get(key);
	if (hit) return hit;
	const found = new Set<string>(t.parents.get(objectId) ?? []);
	if (mode === 'transitive') {
		const queue = [...found];
		for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
			for (const parent of t.parents.get(next) ?? []) {
				if (!found.has(parent)) {
					found.add(parent);
					queue.push(parent);
				}
			}
		}
	}
	t.memberships.set(key, found);
	return found;
}
