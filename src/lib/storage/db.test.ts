import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION, openTrustwalkDb } from './db.ts';
import { openScenarioStore } from './open.ts';
import { auditRecord, scenarioRecord, snapshotRecord } from './store-fixtures.ts';
import { createIdbStore, StorageError } from './store.ts';

/** Opens the database with the plain IndexedDB API, as an older (or newer) trustwalk would. */
function openRaw(
	factory: IDBFactory,
	version: number,
	upgrade: (db: IDBDatabase) => void = () => undefined
): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = factory.open(DB_NAME, version);
		request.onupgradeneeded = () => upgrade(request.result);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('open failed'));
	});
}

function rawPut(db: IDBDatabase, store: string, value: unknown): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction(store, 'readwrite');
		tx.objectStore(store).put(value);
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('write failed'));
	});
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('openTrustwalkDb', () => {
	it('creates every store of the current version in a new browser', async () => {
		const db = await openTrustwalkDb({ idbFactory: new IDBFactory() });
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual(['audit', 'meta', 'scenarios', 'snapshots']);
		expect([...db.transaction('snapshots').store.indexNames]).toEqual(['byScenario']);
		db.close();
	});

	it('upgrades a version 1 database, keeping its scenarios and adding snapshots and audit', async () => {
		const factory = new IDBFactory();
		const v1 = await openRaw(factory, 1, (db) => {
			db.createObjectStore('scenarios', { keyPath: 'id' });
			db.createObjectStore('meta', { keyPath: 'key' });
		});
		await rawPut(v1, 'scenarios', { ...scenarioRecord(), revision: 4 });
		await rawPut(v1, 'meta', { key: 'seeded', value: true });
		v1.close();

		const db = await openTrustwalkDb({ idbFactory: factory });
		expect(db.version).toBe(2);
		expect([...db.objectStoreNames].sort()).toEqual(['audit', 'meta', 'scenarios', 'snapshots']);
		const store = createIdbStore(db);
		expect(await store.get('scenario-1')).toMatchObject({
			name: 'Fabrikam and Contoso',
			revision: 4
		});
		expect(await store.getMeta('seeded')).toBe(true);
		await store.addSnapshot(snapshotRecord());
		await store.appendAudit([{ ...auditRecord(), scenarioId: 'scenario-1' }]);
		expect(await store.listSnapshots('scenario-1')).toHaveLength(1);
		expect(await store.listAudit('scenario-1')).toHaveLength(1);
		db.close();
	});

	it('closes itself and calls onVersionChange when another tab opens a newer version', async () => {
		const factory = new IDBFactory();
		const onVersionChange = vi.fn();
		const db = await openTrustwalkDb({ idbFactory: factory, onVersionChange });
		const store = createIdbStore(db);

		const newer = await openRaw(factory, DB_VERSION + 1);
		expect(onVersionChange).toHaveBeenCalledOnce();
		expect(newer.version).toBe(DB_VERSION + 1);
		await expect(store.list()).rejects.toBeInstanceOf(StorageError);
		newer.close();
	});

	it('calls onBlocked while an older tab keeps the database open, and opens once it closes', async () => {
		const factory = new IDBFactory();
		const old = await openRaw(factory, 1, (db) => {
			db.createObjectStore('scenarios', { keyPath: 'id' });
			db.createObjectStore('meta', { keyPath: 'key' });
		});
		// An older trustwalk that does not close on versionchange.
		const onBlocked = vi.fn(() => old.close());
		const db = await openTrustwalkDb({ idbFactory: factory, onBlocked });
		expect(onBlocked).toHaveBeenCalledOnce();
		expect(db.version).toBe(DB_VERSION);
		db.close();
	});
});

describe('failing writes', () => {
	it('a full disk rejects with a readable StorageError and leaves the stored record as it was', async () => {
		const store = createIdbStore(await openTrustwalkDb({ idbFactory: new IDBFactory() }));
		const created = await store.create(scenarioRecord());
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		const error = await store
			.put({ ...created, name: 'new', revision: 2 })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).reason).toBe("the browser's storage for this site is full");
		expect((error as StorageError).message).toBe(
			"Could not save the scenario: the browser's storage for this site is full"
		);
		vi.restoreAllMocks();
		expect(await store.get(created.id)).toEqual(created);
	});

	it('a write failing half-way through an import rolls back the part already written', async () => {
		const source = createIdbStore(await openTrustwalkDb({ idbFactory: new IDBFactory() }));
		await source.create(scenarioRecord({ id: 'a' }));
		await source.create(scenarioRecord({ id: 'b' }));
		const backup = await source.exportAll();

		const store = createIdbStore(await openTrustwalkDb({ idbFactory: new IDBFactory() }));
		// The real add, called from the stub for every write but the failing one.
		// eslint-disable-next-line @typescript-eslint/unbound-method
		const add = IDBObjectStore.prototype.add;
		let calls = 0;
		vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['add']>
		) {
			calls += 1;
			if (calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return add.apply(this, args);
		});
		await expect(store.importBackup(backup)).rejects.toMatchObject({
			name: 'StorageError',
			reason: "the browser's storage for this site is full"
		});
		expect(calls).toBe(2);
		vi.restoreAllMocks();
		expect(await store.list()).toEqual([]);
	});

	it('a closed connection rejects with the DOMException name and message as the reason', async () => {
		const db = await openTrustwalkDb({ idbFactory: new IDBFactory() });
		const store = createIdbStore(db);
		store.close();
		const error = await store.setMeta('k', 1).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).reason).toMatch(/^InvalidStateError/);
	});
});

describe('openScenarioStore', () => {
	it('uses IndexedDB when it opens', async () => {
		const { store, fallbackReason } = await openScenarioStore({ idbFactory: new IDBFactory() });
		expect(store.kind).toBe('indexeddb');
		expect(fallbackReason).toBeUndefined();
		store.close();
	});

	it('says to reload when a newer trustwalk in another tab has already upgraded the data', async () => {
		const factory = new IDBFactory();
		(await openRaw(factory, DB_VERSION + 1)).close();
		const { store, fallbackReason } = await openScenarioStore({ idbFactory: factory });
		expect(store.kind).toBe('memory');
		expect(fallbackReason?.reason).toMatch(/newer trustwalk .* reload/);
	});

	it('falls back to memory, with the reason, when IndexedDB cannot be opened', async () => {
		const factory = new IDBFactory();
		vi.spyOn(factory, 'open').mockImplementation(() => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		});
		const { store, fallbackReason } = await openScenarioStore({ idbFactory: factory });
		expect(store.kind).toBe('memory');
		expect(fallbackReason?.reason).toBe('SecurityError: The operation is insecure.');
		expect((await store.create(scenarioRecord())).revision).toBe(1);
	});
});
