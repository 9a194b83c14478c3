/**
 * Pure commands for a tenant's own applications and its Conditional Access policies; same contract
 * as `directory-commands.ts`. Removing an app removes the attempts that open it (S0 what-if attempts).
 */
import { findTenant } from './directory.ts';
import { findMicrosoftApp } from './microsoft-apps.ts';
import type { Application, ConditionalAccessPolicy, Scenario, Tenant } from './schema.ts';
import { isGuid, mapTenant, withAttempts, type FieldError } from './directory-commands.ts';

function tenantOf(scenario: Scenario, tenantId: string): Tenant | undefined {
	return scenario.tenants.find((t) => t.tenantId === tenantId);
}

// ---- applications ----

export function appFieldErrors(
	tenant: Tenant,
	app: Application,
	currentAppId?: string
): FieldError[] {
	const errors: FieldError[] = [];
	if (app.displayName.trim() === '')
		errors.push({ field: 'displayName', message: 'Enter the application name.' });
	const id = app.appId.trim().toLowerCase();
	const builtIn = findMicrosoftApp(id);
	if (!isGuid(id))
		errors.push({ field: 'appId', message: 'An app ID is a GUID (the application (client) ID).' });
	else if (builtIn)
		errors.push({
			field: 'appId',
			message: `${builtIn.displayName} is a Microsoft app every tenant already has.`
		});
	else if (
		tenant.applications.some((a) => a.appId !== currentAppId && a.appId.toLowerCase() === id)
	)
		errors.push({ field: 'appId', message: 'This tenant already has an app with this ID.' });
	return errors;
}

export function addApplication(scenario: Scenario, tenantId: string, app: Application): Scenario {
	const tenant = tenantOf(scenario, tenantId);
	if (!tenant || appFieldErrors(tenant, app).length > 0) return scenario;
	return mapTenant(scenario, tenantId, (t) => ({ ...t, applications: [...t.applications, app] }));
}

export function updateApplication(
	scenario: Scenario,
	tenantId: string,
	appId: string,
	patch: Partial<Pick<Application, 'displayName'>>
): Scenario {
	const tenant = tenantOf(scenario, tenantId);
	const app = tenant?.applications.find((a) => a.appId === appId);
	if (!tenant || !app || appFieldErrors(tenant, { ...app, ...patch }, appId).length > 0)
		return scenario;
	return mapTenant(scenario, tenantId, (t) => ({
		...t,
		applications: t.applications.map((a) => (a.appId === appId ? { ...a, ...patch } : a))
	}));
}

function attemptUsesApp(scenario: Scenario, tenantId: string, appId: string) {
	return (a: { resourceTenant: string; application: string }) =>
		findTenant(scenario, a.resourceTenant)?.tenantId === tenantId && a.application === appId;
}

export function removeApplicationImpact(scenario: Scenario, tenantId: string, appId: string) {
	return {
		attempts: (scenario.attempts ?? []).filter(attemptUsesApp(scenario, tenantId, appId)).length
	};
}

/** Removes one of the tenant's own apps and the attempts that open it (they could not parse). */
export function removeApplication(scenario: Scenario, tenantId: string, appId: string): Scenario {
	const tenant = tenantOf(scenario, tenantId);
	if (!tenant?.applications.some((a) => a.appId === appId)) return scenario;
	const uses = attemptUsesApp(scenario, tenantId, appId);
	const changed = mapTenant(scenario, tenantId, (t) => ({
		...t,
		applications: t.applications.filter((a) => a.appId !== appId)
	}));
	return withAttempts(
		changed,
		(scenario.attempts ?? []).filter((a) => !uses(a))
	);
}

// ---- Conditional Access policies ----

/** Adds a policy, or replaces the one with the same ID (the form writes whole policies). */
export function saveCaPolicy(
	scenario: Scenario,
	tenantId: string,
	policy: ConditionalAccessPolicy
): Scenario {
	if (!tenantOf(scenario, tenantId)) return scenario;
	return mapTenant(scenario, tenantId, (t) => {
		const list = t.conditionalAccessPolicies ?? [];
		const exists = list.some((p) => p.id === policy.id);
		return {
			...t,
			conditionalAccessPolicies: exists
				? list.map((p) => (p.id === policy.id ? policy : p))
				: [...list, policy]
		};
	});
}

export function removeCaPolicy(scenario: Scenario, tenantId: string, policyId: string): Scenario {
	const tenant = tenantOf(scenario, tenantId);
	if (!tenant?.conditionalAccessPolicies?.some((p) => p.id === policyId)) return scenario;
	return mapTenant(scenario, tenantId, (t) => ({
		...t,
		conditionalAccessPolicies: (t.conditionalAccessPolicies ?? []).filter((p) => p.id !== policyId)
	}));
}
