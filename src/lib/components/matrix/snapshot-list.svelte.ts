/**
 * The snapshots of the open scenario, read from storage. A load that finishes after a newer one started
 * (the user switched scenarios) is dropped, so the list always belongs to the scenario asked last.
 */
import { StorageError } from '$lib/storage/errors.ts';
import { newId } from '$lib/storage/id.ts';
import type { StoredSnapshot } from '$lib/storage/records.ts';
import type { ScenarioStore } from '$lib/storage/store.ts';

function reasonOf(error: unknown): string {
	if (error instanceof StorageError) return error.reason;
	return error instanceof Error ? error.message : String(error);
}

export class SnapshotList {
	items = $state.raw<StoredSnapshot[]>([]);
	error = $state<string | null>(null);
	#ticket = 0;

	async load(store: ScenarioStore, scenarioId: string): Promise<void> {
		const ticket = ++this.#ticket;
		try {
			const items = await store.listSnapshots(scenarioId);
			if (ticket !== this.#ticket) return;
			this.items = items;
			this.error = null;
		} catch (error) {
			if (ticket === this.#ticket) this.error = `Could not read the snapshots: ${reasonOf(error)}`;
		}
	}

	/** Stores the scenario as it is now; returns the snapshot, or null when the browser refused. */
	async take(
		store: ScenarioStore,
		scenarioId: string,
		name: string,
		document: unknown
	): Promise<StoredSnapshot | null> {
		const snapshot: StoredSnapshot = {
			id: newId(),
			scenarioId,
			name,
			document,
			createdAt: Date.now()
		};
		try {
			await store.addSnapshot(snapshot);
		} catch (error) {
			this.error = `Could not save the snapshot: ${reasonOf(error)}`;
			return null;
		}
		await this.load(store, scenarioId);
		return snapshot;
	}
}
