/**
 * Issue 6, export: the Microsoft Graph v1.0 requests that take a tenant's cross-tenant access
 * settings from `before` to `after`, and the same as a Microsoft Graph PowerShell script. Only what
 * changed is sent: top-level properties compared with `jsonEqual`, absent and `null` being the same
 * (both mean "inherit" in a partner, R1), so a tab set back to "Default settings" is sent as `null`.
 */
import { jsonEqual } from '../audit.ts';
import type { ConfigurationPartner, Tenant } from '../schema.ts';

export const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';
export const DEFAULT_URL = `${GRAPH_V1}/policies/crossTenantAccessPolicy/default`;
export const PARTNERS_URL = `${GRAPH_V1}/policies/crossTenantAccessPolicy/partners`;

/** Conditional Access policies (see export-ca.ts). */
export const CA_POLICIES_URL = `${GRAPH_V1}/identity/conditionalAccess/policies`;

export function caPolicyUrl(policyId: string): string {
	return `${CA_POLICIES_URL}/${encodeURIComponent(policyId)}`;
}

export function partnerUrl(partnerTenantId: string): string {
	return `${PARTNERS_URL}/${encodeURIComponent(partnerTenantId)}`;
}

export interface GraphRequest {
	method: 'PATCH' | 'POST' | 'DELETE';
	url: string;
	body?: Record<string, unknown>;
}

type Json = Record<string, unknown>;

/**
 * Never written: the entry's key (`tenantId` is in the URL of a PATCH), properties Graph computes
 * (`isServiceDefault`, `isInMultiTenantOrganization`), the `identitySynchronization` relationship
 * (a navigation property with its own endpoint, `.../partners/{id}/identitySynchronization`) and
 * response metadata.
 */
const NOT_WRITTEN = new Set([
	'tenantId',
	'isServiceDefault',
	'isInMultiTenantOrganization',
	'identitySynchronization'
]);
const writable = (name: string) => !NOT_WRITTEN.has(name) && !name.startsWith('@odata.');

/** The changed top-level properties, with their new value (`null` for one that was removed). */
export function changedProperties(
	before: Json,
	after: Json,
	isWritable: (name: string) => boolean = writable
): Json {
	const changes: Json = {};
	for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
		if (!isWritable(name)) continue;
		const next = after[name] ?? null;
		if (!jsonEqual(before[name] ?? null, next)) changes[name] = next;
	}
	return changes;
}

/** A new partner whole; `null` properties are left out (absent already means "inherit", R1). */
function newPartnerBody(partner: ConfigurationPartner): Json {
	return Object.fromEntries(
		Object.entries(partner).filter(
			([name, value]) => value != null && (name === 'tenantId' || writable(name))
		)
	);
}

const key = (id: string) => id.toLowerCase();

/**
 * The requests that turn `before`'s cross-tenant access settings into `after`'s: PATCH the default
 * (changed properties only), POST new partners whole, PATCH changed partners (changed properties
 * only), DELETE removed partners. Partners are matched by tenantId. Unchanged settings give [].
 */
export function graphRequests(before: Tenant, after: Tenant): GraphRequest[] {
	const oldPolicy = before.crossTenantAccessPolicy;
	const newPolicy = after.crossTenantAccessPolicy;
	if (oldPolicy === newPolicy) return [];
	const requests: GraphRequest[] = [];

	const defaultChanges = changedProperties(oldPolicy.default, newPolicy.default);
	if (Object.keys(defaultChanges).length > 0) {
		requests.push({ method: 'PATCH', url: DEFAULT_URL, body: defaultChanges });
	}

	const oldPartners = new Map(oldPolicy.partners.map((p) => [key(p.tenantId), p]));
	const newIds = new Set(newPolicy.partners.map((p) => key(p.tenantId)));
	for (const partner of newPolicy.partners) {
		const old = oldPartners.get(key(partner.tenantId));
		if (!old) {
			requests.push({ method: 'POST', url: PARTNERS_URL, body: newPartnerBody(partner) });
			continue;
		}
		if (old === partner) continue;
		const changes = changedProperties(old, partner);
		if (Object.keys(changes).length > 0) {
			requests.push({ method: 'PATCH', url: partnerUrl(old.tenantId), body: changes });
		}
	}
	for (const old of oldPolicy.partners) {
		if (!newIds.has(key(old.tenantId))) {
			requests.push({ method: 'DELETE', url: partnerUrl(old.tenantId) });
		}
	}
	return requests;
}

// ---- Microsoft Graph PowerShell ----

const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A PowerShell single-quoted string: the only character to escape is `'`, written twice. */
export function psString(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

function psKey(name: string): string {
	return BARE_KEY.test(name) ? name : psString(name);
}

/** A JSON value as a PowerShell literal (`@{ }` hashtables, `@( )` arrays, `$null`, `$true`). */
export function psValue(value: unknown, indent = ''): string {
	const inner = `${indent}\t`;
	if (value === null || value === undefined) return '$null';
	if (typeof value === 'boolean') return value ? '$true' : '$false';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '$null';
	if (typeof value === 'string') return psString(value);
	if (Array.isArray(value)) {
		if (value.length === 0) return '@()';
		return `@(\n${value.map((v) => `${inner}${psValue(v, inner)}`).join('\n')}\n${indent})`;
	}
	const entries = Object.entries(value as Json).filter(([, v]) => v !== undefined);
	if (entries.length === 0) return '@{}';
	const lines = entries.map(([k, v]) => `${inner}${psKey(k)} = ${psValue(v, inner)}`);
	return `@{\n${lines.join('\n')}\n${indent}}`;
}

function partnerIdOf(url: string): string {
	return decodeURIComponent(url.slice(PARTNERS_URL.length + 1));
}

function psCommand(request: GraphRequest): string {
	const params = request.body ? `$params = ${psValue(request.body)}\n` : '';
	if (request.url === CA_POLICIES_URL && request.method === 'POST') {
		return `${params}New-MgIdentityConditionalAccessPolicy -BodyParameter $params`;
	}
	if (request.url.startsWith(`${CA_POLICIES_URL}/`)) {
		const id = `-ConditionalAccessPolicyId ${psString(decodeURIComponent(request.url.slice(CA_POLICIES_URL.length + 1)))}`;
		if (request.method === 'PATCH') {
			return `${params}Update-MgIdentityConditionalAccessPolicy ${id} -BodyParameter $params`;
		}
		if (request.method === 'DELETE') return `Remove-MgIdentityConditionalAccessPolicy ${id}`;
	}
	const id = (url: string) =>
		`-CrossTenantAccessPolicyConfigurationPartnerTenantId ${psString(partnerIdOf(url))}`;
	if (request.url === DEFAULT_URL && request.method === 'PATCH') {
		return `${params}Update-MgPolicyCrossTenantAccessPolicyDefault -BodyParameter $params`;
	}
	if (request.url === PARTNERS_URL && request.method === 'POST') {
		return `${params}New-MgPolicyCrossTenantAccessPolicyPartner -BodyParameter $params`;
	}
	if (request.url.startsWith(`${PARTNERS_URL}/`) && request.method === 'PATCH') {
		return `${params}Update-MgPolicyCrossTenantAccessPolicyPartner ${id(request.url)} -BodyParameter $params`;
	}
	if (request.url.startsWith(`${PARTNERS_URL}/`) && request.method === 'DELETE') {
		return `Remove-MgPolicyCrossTenantAccessPolicyPartner ${id(request.url)}`;
	}
	throw new Error(`no PowerShell command for ${request.method} ${request.url}`);
}

const isCaUrl = (url: string) => url === CA_POLICIES_URL || url.startsWith(`${CA_POLICIES_URL}/`);

/**
 * The delegated permissions the requests need: cross-tenant access settings, and for Conditional
 * Access policies the two the Graph reference names for creating and changing them.
 */
export function requiredScopes(requests: readonly GraphRequest[]): string[] {
	const ca = requests.some((r) => isCaUrl(r.url));
	const ctap = requests.some((r) => !isCaUrl(r.url)) || !ca;
	return [
		...(ctap ? ['Policy.ReadWrite.CrossTenantAccess'] : []),
		...(ca ? ['Policy.ReadWrite.ConditionalAccess', 'Policy.Read.All'] : [])
	];
}

/**
 * The requests as a Microsoft Graph PowerShell script (module Microsoft.Graph.Identity.SignIns):
 * `Connect-MgGraph` with the scopes needed, then one command per request, in order.
 */
export function powershellScript(requests: readonly GraphRequest[]): string {
	const scopes = requiredScopes(requests)
		.map((s) => `"${s}"`)
		.join(', ');
	const lines = [`Connect-MgGraph -Scopes ${scopes}`, ...requests.map(psCommand)];
	return `${lines.join('\n\n')}\n`;
}
