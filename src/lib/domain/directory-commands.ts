/**
 * Pure directory commands, shared helpers and tenants (add, remove). Users and groups are in
 * `directory-objects.ts`, apps and Conditional Access policies in `directory-apps.ts`, a tenant's
 * own properties in `tenant-properties.ts`. Every command returns a new scenario (never mutating)
 * that still passes `parseScenario`: domains and tenant IDs stay unique, UPNs keep ending with their
 * tenant's domain, group members exist, attempts name users, tenants and apps that exist. A change
 * that would break one of these carries its repair with it (rewritten UPNs, removed attempts); the
 * `*Impact` functions count the repair so the UI can say so. Refused input (see the `*FieldErrors`
 * checks) leaves the scenario unchanged: the same object, so `playground.apply` records nothing.
 */
import { findTenant, findUser } from './directory.ts';
import type { Attempt, Scenario, Tenant } from './schema.ts';

export interface FieldError {
	field: string;
	message: string;
}

const DOMAIN_PATTERN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
	return GUID_PATTERN.test(value);
}

export function mapTenant(
	scenario: Scenario,
	tenantId: string,
	change: (t: Tenant) => Tenant
): Scenario {
	return {
		...scenario,
		tenants: scenario.tenants.map((t) => (t.tenantId === tenantId ? change(t) : t))
	};
}

/** Keeps `attempts` absent when it was absent, so a round trip does not add an empty list. */
export function withAttempts(scenario: Scenario, attempts: Attempt[]): Scenario {
	return scenario.attempts === undefined && attempts.length === 0
		? scenario
		: { ...scenario, attempts };
}

/** Rewrites each attempt (when there are attempts at all). */
export function mapAttempts(scenario: Scenario, change: (a: Attempt) => Attempt): Scenario {
	return scenario.attempts ? { ...scenario, attempts: scenario.attempts.map(change) } : scenario;
}

// ---- tenants ----

export interface TenantFields {
	displayName: string;
	domain: string;
	tenantId: string;
}

/** Refusals for a tenant's name, domain and ID; domains and tenant IDs are unique in a scenario. */
export function tenantFieldErrors(
	scenario: Scenario,
	fields: TenantFields,
	currentTenantId?: string
): FieldError[] {
	const errors: FieldError[] = [];
	const others = scenario.tenants.filter((t) => t.tenantId !== currentTenantId);
	if (fields.displayName.trim() === '')
		errors.push({ field: 'displayName', message: 'Enter a display name.' });
	const domain = fields.domain.trim().toLowerCase();
	const sameDomain = others.find((t) => t.domain.toLowerCase() === domain);
	if (!DOMAIN_PATTERN.test(domain))
		errors.push({ field: 'domain', message: 'Enter a domain name such as woodgrove.com.' });
	else if (sameDomain)
		errors.push({
			field: 'domain',
			message: `${sameDomain.displayName} already uses ${sameDomain.domain}: each tenant needs its own domain.`
		});
	const id = fields.tenantId.trim();
	const sameId = others.find((t) => t.tenantId.toLowerCase() === id.toLowerCase());
	if (!isGuid(id))
		errors.push({
			field: 'tenantId',
			message: 'A tenant ID is a GUID, like 3f2504e0-4f89-41d3-9a0c-0305e82c3301.'
		});
	else if (sameId)
		errors.push({
			field: 'tenantId',
			message: `${sameId.displayName} already has this tenant ID: tenant IDs are unique.`
		});
	return errors;
}

const GRID = { x: 420, y: 300, columns: 3 };

/** The first free spot on a 3-column grid, away from every tenant already placed on the graph. */
export function nextLayoutPosition(layout: Scenario['layout']): { x: number; y: number } {
	const taken = Object.values(layout ?? {});
	for (let i = 0; ; i++) {
		const spot = { x: (i % GRID.columns) * GRID.x, y: Math.floor(i / GRID.columns) * GRID.y };
		const free = taken.every(
			(p) => Math.abs(p.x - spot.x) >= GRID.x / 2 || Math.abs(p.y - spot.y) >= GRID.y / 2
		);
		if (free) return spot;
	}
}

/** Adds a tenant and places it on the graph; a duplicate domain or tenant ID is refused. */
export function addTenant(scenario: Scenario, tenant: Tenant): Scenario {
	if (tenantFieldErrors(scenario, tenant).length > 0) return scenario;
	return {
		...scenario,
		tenants: [...scenario.tenants, tenant],
		layout: { ...scenario.layout, [tenant.tenantId]: nextLayoutPosition(scenario.layout) }
	};
}

function attemptTouchesTenant(scenario: Scenario, attempt: Attempt, tenantId: string): boolean {
	return (
		findUser(scenario, attempt.user)?.tenant.tenantId === tenantId ||
		findTenant(scenario, attempt.resourceTenant)?.tenantId === tenantId
	);
}

export interface RemoveTenantImpact {
	attempts: number;
	/** Partner entries in other tenants that stay, now naming an external tenant. */
	partnerEntries: number;
}

export function removeTenantImpact(scenario: Scenario, tenantId: string): RemoveTenantImpact {
	return {
		attempts: (scenario.attempts ?? []).filter((a) => attemptTouchesTenant(scenario, a, tenantId))
			.length,
		partnerEntries: scenario.tenants.filter((t) =>
			t.crossTenantAccessPolicy.partners.some((p) => p.tenantId === tenantId)
		).length
	};
}

/**
 * Removes a tenant, its layout entry and the attempts that name it or its users. Partner entries in
 * other tenants stay: they now describe a tenant outside the scenario, as real ones often do.
 */
export function removeTenant(scenario: Scenario, tenantId: string): Scenario {
	if (!scenario.tenants.some((t) => t.tenantId === tenantId)) return scenario;
	const attempts = (scenario.attempts ?? []).filter(
		(a) => !attemptTouchesTenant(scenario, a, tenantId)
	);
	const layout = scenario.layout
		? Object.fromEntries(Object.entries(scenario.layout).filter(([k]) => k !== tenantId))
		: undefined;
	return withAttempts(
		{
			...scenario,
			tenants: scenario.tenants.filter((t) => t.tenantId !== tenantId),
			...(layout ? { layout } : {})
		},
		attempts
	);
}
