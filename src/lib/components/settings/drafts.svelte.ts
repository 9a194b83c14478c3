/**
 * Unsaved settings drafts, kept outside the forms. Switching tab, organization, tenant or panel
 * unmounts a form; a draft held in the form would vanish with it, silently. Here a draft stays
 * until it is saved or cancelled, so coming back shows it again, and closing or reloading the page
 * while one exists asks first (the browser's own "Leave site?" question).
 *
 * Drafts live for the page session only: they are work in progress, not the scenario.
 */
import { SvelteMap } from 'svelte/reactivity';
import { jsonEqual } from '$lib/domain/audit.ts';

/** A draft and the saved value it started from, to notice a change made elsewhere meanwhile. */
interface Draft {
	base: unknown;
	value: unknown;
}

const drafts = new SvelteMap<string, Draft>();

/** One draft's key: the scenario, the tenant and the setting path the form edits. */
export function draftKey(scenarioId: string | undefined, tenantId: string, path: string): string {
	return `${scenarioId ?? ''}\u0000${tenantId}\u0000${path}`;
}

/** The draft under `key`, or null when the form shows the saved value. */
export function readDraft<T>(key: string): T | null {
	return (drafts.get(key)?.value as T | undefined) ?? null;
}

/**
 * Keeps `value` as the draft under `key`; a value equal to what is saved (or null) ends the draft,
 * so Cancel, Save, and editing back to the saved value all leave nothing pending.
 */
export function writeDraft<T>(key: string, value: T | null, saved: T | undefined): void {
	if (value === null || jsonEqual(value, saved)) drafts.delete(key);
	else drafts.set(key, { base: drafts.get(key)?.base ?? saved, value });
}

/**
 * Whether the saved value changed since the draft began (an import, an undo, a fix hint, another
 * tab): the form then says that Save would write over that change.
 */
export function draftIsStale(key: string, saved: unknown): boolean {
	const draft = drafts.get(key);
	return draft !== undefined && !jsonEqual(draft.base, saved);
}

/** How many settings have unsaved changes, across tenants and scenarios. */
export function pendingDrafts(): number {
	return drafts.size;
}

if (typeof window !== 'undefined') {
	window.addEventListener('beforeunload', (event) => {
		// Browsers show their own wording; a custom message is ignored.
		if (drafts.size > 0) event.preventDefault();
	});
}
