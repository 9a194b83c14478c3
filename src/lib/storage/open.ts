/**
 * The app's entry to storage: IndexedDB when the browser lets us open it, otherwise memory, with
 * the reason, so the UI can say "changes last until this tab closes" instead of failing silently.
 */
import { openTrustwalkDb, type OpenOptions } from './db.ts';
import { toStorageError, type StorageError } from './errors.ts';
import { createIdbStore, createMemoryStore, type ScenarioStore } from './store.ts';

export interface OpenedStore {
	store: ScenarioStore;
	/** Why IndexedDB could not be used, when `store.kind` is 'memory'. */
	fallbackReason?: StorageError;
}

export async function openScenarioStore(options: OpenOptions = {}): Promise<OpenedStore> {
	const factory = options.idbFactory ?? globalThis.indexedDB;
	if (factory === undefined) {
		const reason = toStorageError(
			new DOMException('this browser offers no IndexedDB', 'NotSupportedError'),
			'open the database'
		);
		return { store: createMemoryStore(), fallbackReason: reason };
	}
	try {
		return { store: createIdbStore(await openTrustwalkDb({ ...options, idbFactory: factory })) };
	} catch (error) {
		return {
			store: createMemoryStore(),
			fallbackReason: toStorageError(error, 'open the database')
		};
	}
}
