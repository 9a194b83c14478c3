/** Lookups of tenants, users and applications by the references a scenario uses. */
import type { Scenario, Tenant, User } from './schema.ts';
import { OFFICE365_SHORTHAND, TEAMS_APP_ID, findMicrosoftApp } from './microsoft-apps.ts';

export interface ResolvedApp {
	appId: string;
	displayName: string;
	/** Microsoft first-party: in the Office 365 suite and reachable through direct connect (S0). */
	microsoft: boolean;
}

/** A tenant by its ID or its domain (case-insensitive). */
export function findTenant(scenario: Scenario, ref: string): Tenant | undefined {
	const lower = ref.toLowerCase();
	return scenario.tenants.find((t) => t.tenantId === ref || t.domain.toLowerCase() === lower);
}

export function findTenantById(scenario: Scenario, tenantId: string): Tenant | undefined {
	return scenario.tenants.find((t) => t.tenantId === tenantId);
}

/** A user by userPrincipalName (case-insensitive) or object ID, with the home tenant that holds it. */
export function findUser(
	scenario: Scenario,
	ref: string
): { tenant: Tenant; user: User } | undefined {
	const lower = ref.toLowerCase();
	for (const tenant of scenario.tenants) {
		const user = tenant.users.find(
			(u) => u.id === ref || u.userPrincipalName.toLowerCase() === lower
		);
		if (user) return { tenant, user };
	}
	return undefined;
}

/** An application the resource tenant offers: a built-in Microsoft app, `Office365`, or one of its own. */
export function findApp(resource: Tenant, ref: string): ResolvedApp | undefined {
	const appId = ref === OFFICE365_SHORTHAND ? TEAMS_APP_ID : ref;
	const builtIn = findMicrosoftApp(appId);
	if (builtIn) return { ...builtIn, microsoft: true };
	const own = resource.applications.find((a) => a.appId === appId);
	return own ? { appId: own.appId, displayName: own.displayName, microsoft: false } : undefined;
}

/** A display label for a tenant ID, whether modelled in the scenario or not. */
export function tenantLabel(scenario: Scenario, tenantId: string): string {
	return findTenantById(scenario, tenantId)?.displayName ?? `external tenant ${tenantId}`;
}
