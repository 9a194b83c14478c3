/**
 * The "real tenant" baseline of the Graph export, per scenario record and tenant: the tenant as it
 * was right after the last import, or, before any import, as it was when first shown. Module-level,
 * so it outlives the component while the page is open (not saved: a reload starts from the scenario).
 */
import { SvelteMap } from 'svelte/reactivity';
import type { Tenant } from '$lib/domain/schema.ts';

const baselines = new SvelteMap<string, Tenant>();

export function baselineKey(recordId: string | undefined, tenantId: string): string {
	return `${recordId ?? 'none'}:${tenantId}`;
}

export function getBaseline(key: string): Tenant | undefined {
	return baselines.get(key);
}

export function setBaseline(key: string, tenant: Tenant): void {
	baselines.set(key, tenant);
}

/** Records `tenant` as the baseline only when none is known yet (first render). */
export function ensureBaseline(key: string, tenant: Tenant): void {
	if (!baselines.has(key)) baselines.set(key, tenant);
}
