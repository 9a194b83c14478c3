/**
 * The "real tenant" baseline of the Graph export, per scenario record and tenant: the cross-tenant
 * access settings as they were right after the last import, or, before any import, as they were when
 * first shown. Kept in memory for the page and saved in the store's settings (IndexedDB, the `meta`
 * object store: no schema change), so a reload keeps the diff and the export. Only what the export
 * compares is kept (cross-tenant access settings and Conditional Access policies); the rest of the
 * tenant comes from the scenario.
 */
import { SvelteMap } from 'svelte/reactivity';
import * as z from 'zod';
import {
	conditionalAccessPolicySchema,
	crossTenantAccessPolicySchema,
	type Tenant
} from '$lib/domain/schema.ts';
import type { ScenarioStore } from '$lib/storage/store.ts';

/** The part of a tenant the export compares. */
export type BaselineSettings = Pick<
	Tenant,
	'crossTenantAccessPolicy' | 'conditionalAccessPolicies'
>;

const settingsSchema = z.object({
	crossTenantAccessPolicy: crossTenantAccessPolicySchema,
	conditionalAccessPolicies: z.array(conditionalAccessPolicySchema).optional()
});

export type BaselineState =
	| { kind: 'loading' }
	| { kind: 'ready'; settings: BaselineSettings; saved: boolean; problem?: string };

const baselines = new SvelteMap<string, BaselineState>();

const META_PREFIX = 'graphBaseline:';
const BASELINE_VERSION = 1;

interface StoredBaseline {
	version: typeof BASELINE_VERSION;
	savedAt: number;
	settings: BaselineSettings;
}

export function baselineKey(recordId: string | undefined, tenantId: string): string {
	return `${recordId ?? 'none'}:${tenantId}`;
}

export function getBaseline(key: string): BaselineState | undefined {
	return baselines.get(key);
}

function reasonOf(error: unknown): string {
	if (error && typeof error === 'object' && 'reason' in error) return String(error.reason);
	return error instanceof Error ? error.message : String(error);
}

/** Reads a saved baseline; anything that does not parse is treated as absent. */
function parseStored(value: unknown): BaselineSettings | null {
	if (!value || typeof value !== 'object') return null;
	const stored = value as Partial<StoredBaseline>;
	if (stored.version !== BASELINE_VERSION) return null;
	const parsed = settingsSchema.safeParse(stored.settings);
	return parsed.success ? parsed.data : null;
}

function pick(tenant: BaselineSettings): BaselineSettings {
	const { crossTenantAccessPolicy, conditionalAccessPolicies } = tenant;
	return conditionalAccessPolicies
		? { crossTenantAccessPolicy, conditionalAccessPolicies }
		: { crossTenantAccessPolicy };
}

/** Records and saves the tenant's settings as the baseline; the state says whether they were saved. */
export async function setBaseline(
	store: ScenarioStore,
	key: string,
	tenant: BaselineSettings
): Promise<BaselineState> {
	const settings = pick(tenant);
	const pending: BaselineState = { kind: 'ready', settings, saved: false };
	baselines.set(key, pending);
	const record: StoredBaseline = { version: BASELINE_VERSION, savedAt: Date.now(), settings };
	let state: BaselineState;
	try {
		await store.setMeta(META_PREFIX + key, $state.snapshot(record));
		state = { kind: 'ready', settings, saved: true };
	} catch (error) {
		state = {
			kind: 'ready',
			settings,
			saved: false,
			problem: `The imported settings could not be stored (${reasonOf(error)}): the comparison lasts until this page is reloaded.`
		};
	}
	// A newer call may have replaced the baseline meanwhile; keep the newest.
	if (baselines.get(key) === pending) baselines.set(key, state);
	return state;
}

/**
 * Loads the saved baseline for `key` once per page; when none is saved, `initial` (the tenant's
 * settings as first shown) becomes the baseline and is saved.
 */
export async function loadBaseline(
	store: ScenarioStore,
	key: string,
	initial: () => BaselineSettings | undefined
): Promise<void> {
	if (baselines.has(key)) return;
	baselines.set(key, { kind: 'loading' });
	let saved: BaselineSettings | null;
	try {
		saved = parseStored(await store.getMeta(META_PREFIX + key));
	} catch {
		saved = null;
	}
	// An import while reading wins: it is newer than anything saved.
	if (baselines.get(key)?.kind !== 'loading') return;
	if (saved) {
		baselines.set(key, { kind: 'ready', settings: saved, saved: true });
		return;
	}
	const tenant = initial();
	if (tenant) await setBaseline(store, key, tenant);
	else baselines.delete(key);
}
