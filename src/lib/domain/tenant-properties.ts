/**
 * Editing a tenant's own properties (name, domain, tenant ID, cloud, licence) without breaking the
 * scenario: a new domain carries the users' UPN suffixes with it, a new tenant ID every reference.
 */
import { findTenant } from './directory.ts';
import type { ConditionalAccessPolicy, Scenario, Tenant } from './schema.ts';
import { mapAttempts, mapTenant, tenantFieldErrors } from './directory-commands.ts';

export type TenantPatch = Partial<
	Pick<Tenant, 'displayName' | 'domain' | 'tenantId' | 'cloud' | 'license'>
>;

export interface TenantPatchImpact {
	/** Users whose UPN suffix moves to the new domain. */
	upns: number;
	/** Attempts whose user or resource tenant reference is rewritten. */
	attempts: number;
	/** Partner entries and CA policy tenant lists in other tenants that follow a new tenant ID. */
	references: number;
}

function replaceSuffix(upn: string, oldDomain: string, newDomain: string): string {
	const suffix = `@${oldDomain.toLowerCase()}`;
	return upn.toLowerCase().endsWith(suffix)
		? `${upn.slice(0, upn.length - suffix.length)}@${newDomain}`
		: upn;
}

function renameTenantInPolicy(
	policy: ConditionalAccessPolicy,
	from: string,
	to: string
): ConditionalAccessPolicy {
	const users = policy.conditions.users;
	if (!users) return policy;
	const swap = (spec: typeof users.includeGuestsOrExternalUsers) => {
		const members = spec?.externalTenants?.members;
		if (!spec?.externalTenants || !members?.includes(from)) return spec;
		const renamed = members.map((m) => (m === from ? to : m));
		return { ...spec, externalTenants: { ...spec.externalTenants, members: renamed } };
	};
	const include = swap(users.includeGuestsOrExternalUsers);
	const exclude = swap(users.excludeGuestsOrExternalUsers);
	if (
		include === users.includeGuestsOrExternalUsers &&
		exclude === users.excludeGuestsOrExternalUsers
	)
		return policy;
	return {
		...policy,
		conditions: {
			...policy.conditions,
			users: {
				...users,
				includeGuestsOrExternalUsers: include,
				excludeGuestsOrExternalUsers: exclude
			}
		}
	};
}

/** Points every reference to tenant ID `from` at `to`: partners, CA tenant lists, layout, attempts. */
function renameTenantId(scenario: Scenario, from: string, to: string): Scenario {
	const layout = scenario.layout;
	const moved =
		layout && from in layout
			? Object.fromEntries(Object.entries(layout).map(([k, v]) => [k === from ? to : k, v]))
			: layout;
	const renamed: Scenario = {
		...scenario,
		tenants: scenario.tenants.map((t) => {
			const policy = t.crossTenantAccessPolicy;
			return {
				...t,
				tenantId: t.tenantId === from ? to : t.tenantId,
				crossTenantAccessPolicy: {
					...policy,
					partners: policy.partners.map((p) => (p.tenantId === from ? { ...p, tenantId: to } : p))
				},
				...(t.conditionalAccessPolicies && {
					conditionalAccessPolicies: t.conditionalAccessPolicies.map((p) =>
						renameTenantInPolicy(p, from, to)
					)
				})
			};
		}),
		...(moved ? { layout: moved } : {})
	};
	return mapAttempts(renamed, (a) =>
		a.resourceTenant === from ? { ...a, resourceTenant: to } : a
	);
}

/** What `updateTenantProperties` repairs along with the change, for the UI to announce. */
export function tenantPatchImpact(
	scenario: Scenario,
	tenantId: string,
	patch: TenantPatch
): TenantPatchImpact {
	const tenant = findTenant(scenario, tenantId);
	const impact = { upns: 0, attempts: 0, references: 0 };
	if (!tenant) return impact;
	const after = updateTenantProperties(scenario, tenantId, patch);
	if (after === scenario) return impact;
	const domainChanged =
		patch.domain !== undefined && patch.domain.toLowerCase() !== tenant.domain.toLowerCase();
	if (domainChanged) impact.upns = tenant.users.length;
	(scenario.attempts ?? []).forEach((a, i) => {
		const b = after.attempts?.[i];
		if (b && (a.user !== b.user || a.resourceTenant !== b.resourceTenant)) impact.attempts++;
	});
	if (patch.tenantId !== undefined && patch.tenantId !== tenantId) {
		for (const t of scenario.tenants) {
			impact.references += t.crossTenantAccessPolicy.partners.filter(
				(p) => p.tenantId === tenantId
			).length;
			impact.references += (t.conditionalAccessPolicies ?? []).filter(
				(p) => renameTenantInPolicy(p, tenantId, '') !== p
			).length;
		}
	}
	return impact;
}

/**
 * Edits a tenant's own properties. A new domain rewrites its users' UPN suffixes (the parser wants
 * every UPN to end with the tenant's domain) and the attempts that name them; a new tenant ID moves
 * every reference to it. A duplicate domain or ID is refused.
 */
export function updateTenantProperties(
	scenario: Scenario,
	tenantId: string,
	patch: TenantPatch
): Scenario {
	const tenant = scenario.tenants.find((t) => t.tenantId === tenantId);
	if (!tenant) return scenario;
	const next = { ...tenant, ...patch };
	if (tenantFieldErrors(scenario, next, tenantId).length > 0) return scenario;
	let result = mapTenant(scenario, tenantId, (t) => ({ ...t, ...patch }));
	if (next.domain.toLowerCase() !== tenant.domain.toLowerCase()) {
		const oldUpns = new Set(tenant.users.map((u) => u.userPrincipalName.toLowerCase()));
		result = mapTenant(result, tenantId, (t) => ({
			...t,
			users: t.users.map((u) => ({
				...u,
				userPrincipalName: replaceSuffix(u.userPrincipalName, tenant.domain, next.domain)
			}))
		}));
		result = mapAttempts(result, (a) => ({
			...a,
			user: oldUpns.has(a.user.toLowerCase())
				? replaceSuffix(a.user, tenant.domain, next.domain)
				: a.user,
			resourceTenant:
				a.resourceTenant.toLowerCase() === tenant.domain.toLowerCase()
					? next.domain
					: a.resourceTenant
		}));
	}
	if (next.tenantId !== tenantId) result = renameTenantId(result, tenantId, next.tenantId);
	return result;
}
