/**
 * Presentation helpers for the Graph bridge: placeholder tenants for unknown partners, and the
 * setting-by-setting rows of one export request (old value from the baseline, new from the body).
 */
import { newTenant } from '$lib/domain/factory.ts';
import {
	CA_POLICIES_URL,
	DEFAULT_URL,
	PARTNERS_URL,
	type GraphRequest
} from '$lib/domain/graph-bridge/export.ts';
import type { Scenario, Tenant } from '$lib/domain/schema.ts';

/** Adds one placeholder tenant per partner tenant ID not yet in the scenario. Pure. */
export function addPlaceholderTenants(scenario: Scenario, ids: readonly string[]): Scenario {
	const known = new Set(scenario.tenants.map((t) => t.tenantId.toLowerCase()));
	const added = ids
		.filter((id) => !known.has(id.toLowerCase()))
		.map((id) => newTenant(`External ${id.slice(0, 8)}`, `${id.slice(0, 8)}.example`, id));
	return added.length === 0 ? scenario : { ...scenario, tenants: [...scenario.tenants, ...added] };
}

export interface DiffRow {
	name: string;
	old: unknown;
	new: unknown;
}

/** The partner tenant ID at the end of a `.../partners/{id}` URL, or null. */
export function partnerIdOf(url: string): string | null {
	if (!url.startsWith(`${PARTNERS_URL}/`)) return null;
	return decodeURIComponent(url.slice(PARTNERS_URL.length + 1));
}

/** What one request changes, property by property, against the baseline tenant. */
export function diffRows(baseline: Tenant, request: GraphRequest): DiffRow[] {
	const policy = baseline.crossTenantAccessPolicy;
	let before: Record<string, unknown> | undefined;
	if (request.url === DEFAULT_URL) before = policy.default;
	else if (request.url.startsWith(`${CA_POLICIES_URL}/`)) {
		const id = decodeURIComponent(request.url.slice(CA_POLICIES_URL.length + 1)).toLowerCase();
		before = baseline.conditionalAccessPolicies?.find((p) => p.id.toLowerCase() === id);
	} else {
		const id = (partnerIdOf(request.url) ?? '').toLowerCase();
		before = policy.partners.find((p) => p.tenantId.toLowerCase() === id);
	}
	if (request.method === 'DELETE') {
		return Object.keys(before ?? {})
			.filter((name) => name !== 'tenantId' && name !== 'id')
			.map((name) => ({ name, old: before?.[name] ?? null, new: undefined }));
	}
	return Object.entries(request.body ?? {}).map(([name, value]) => ({
		name,
		old: before?.[name] ?? null,
		new: value
	}));
}

export function json(value: unknown): string {
	return value === undefined ? '(removed)' : JSON.stringify(value, null, 2);
}

export function requestsText(requests: readonly GraphRequest[]): string {
	return requests
		.map((r) => `${r.method} ${r.url}${r.body ? `\n${JSON.stringify(r.body, null, 2)}` : ''}`)
		.join('\n\n');
}

/**
 * The real tenant after an import: the previous real tenant (`baseline`) with the same import
 * applied, so edits made here and not yet applied to the real tenant stay in the export. Without a
 * baseline, the import's own result. Undefined when the import fails.
 */
export function realTenantAfter(
	scenario: Scenario,
	tenantId: string,
	baseline: Tenant | undefined,
	run: (s: Scenario) => { ok: true; scenario: Scenario } | { ok: false }
): Tenant | undefined {
	const withReal = baseline
		? {
				...scenario,
				tenants: scenario.tenants.map((t) => (t.tenantId === tenantId ? baseline : t))
			}
		: scenario;
	const result = run(withReal);
	return result.ok ? result.scenario.tenants.find((t) => t.tenantId === tenantId) : undefined;
}
