/** Which tenant a panel shows when the user has not said: the one they picked, else the selection. */
import type { Tenant } from '$lib/domain/schema.ts';
import type { Selection } from './ui.svelte.ts';

/**
 * The first of `preferred` that is a tenant of the scenario, else the tenant selected on the graph
 * (for a selected pair, its `side`), else the first tenant; null without tenants.
 */
export function tenantToShow(
	tenants: readonly Tenant[],
	preferred: string | null | undefined,
	selection: Selection,
	side: 'from' | 'to'
): string | null {
	const selected =
		selection.kind === 'tenant'
			? selection.tenantId
			: selection.kind === 'pair'
				? selection[side]
				: null;
	return (
		[preferred, selected].find((id) => id && tenants.some((t) => t.tenantId === id)) ??
		tenants[0]?.tenantId ??
		null
	);
}
