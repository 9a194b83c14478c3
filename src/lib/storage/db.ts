/**
 * The IndexedDB database: one typed schema and an upgrade ladder. Each version only adds to the
 * previous one (`if (oldVersion < n)`), so a browser that last ran any older trustwalk upgrades
 * step by step and keeps its data. Never edit a rung; add a new one and bump DB_VERSION.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { StoredAudit, StoredMeta, StoredScenario, StoredSnapshot } from './records.ts';

export const DB_NAME = 'trustwalk';
export const DB_VERSION = 2;

export interface TrustwalkDB extends DBSchema {
	scenarios: { key: string; value: StoredScenario };
	meta: { key: string; value: StoredMeta };
	snapshots: { key: string; value: StoredSnapshot; indexes: { byScenario: string } };
	audit: { key: number; value: StoredAudit; indexes: { byScenario: string } };
}

export type TrustwalkDatabase = IDBPDatabase<TrustwalkDB>;

type UpgradeTransaction = IDBPTransaction<TrustwalkDB, StoreNames<TrustwalkDB>[], 'versionchange'>;

/**
 * The upgrade ladder. `_tx` is the upgrade transaction, for a future rung that has to move data
 * (e.g. `tx.objectStore('scenarios')` to rewrite records) rather than only add stores.
 */
function upgrade(db: TrustwalkDatabase, oldVersion: number, _tx?: UpgradeTransaction): void {
	if (oldVersion < 1) {
		db.createObjectStore('scenarios', { keyPath: 'id' });
		db.createObjectStore('meta', { keyPath: 'key' });
	}
	if (oldVersion < 2) {
		const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' });
		snapshots.createIndex('byScenario', 'scenarioId');
		const audit = db.createObjectStore('audit', { keyPath: 'seq', autoIncrement: true });
		audit.createIndex('byScenario', 'scenarioId');
	}
}

export interface OpenOptions {
	/** The IndexedDB factory to use; the page's `indexedDB` when left out (tests pass a fresh one). */
	idbFactory?: IDBFactory;
	/**
	 * Another tab opened a newer trustwalk database. This connection has been closed so that tab can
	 * upgrade; the UI should say "trustwalk was updated in another tab: reload".
	 */
	onVersionChange?: () => void;
	/** An older trustwalk in another tab holds the database open; opening waits until it closes. */
	onBlocked?: () => void;
	/** The browser closed the connection abnormally (storage cleared, disk error). */
	onTerminated?: () => void;
}

/**
 * Opens (creating or upgrading) the trustwalk database. This is idb's `openDB` with one addition:
 * `openDB` always uses the global `indexedDB`, so the request is made on the given factory and
 * handed to idb's `wrap`, with the same events `openDB` listens to.
 */
export function openTrustwalkDb(options: OpenOptions = {}): Promise<TrustwalkDatabase> {
	const factory = options.idbFactory ?? globalThis.indexedDB;
	const request = factory.open(DB_NAME, DB_VERSION);
	request.addEventListener('upgradeneeded', (event) => {
		const db = wrap(request.result) as unknown as TrustwalkDatabase;
		const tx = request.transaction ? wrap(request.transaction) : undefined;
		upgrade(db, event.oldVersion, tx as unknown as UpgradeTransaction | undefined);
	});
	request.addEventListener('blocked', () => options.onBlocked?.());
	const opened = wrap(request) as unknown as Promise<TrustwalkDatabase>;
	return opened.then((db) => {
		// Without closing, the other tab's upgrade would wait (blocked) until this tab is closed.
		db.addEventListener('versionchange', () => {
			db.close();
			options.onVersionChange?.();
		});
		db.addEventListener('close', () => options.onTerminated?.());
		return db;
	});
}
