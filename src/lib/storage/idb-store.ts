/**
 * ScenarioStore on IndexedDB. Each method is one transaction; every request and the transaction's
 * completion are awaited, and a failure aborts the transaction so nothing is half-written.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { prepareImport } from './backup.ts';
import { buildBackup } from './backup.ts';
import type { TrustwalkDB, TrustwalkDatabase } from './db.ts';
import { attempt } from './errors.ts';
import { newestScenariosFirst, newestSnapshotsFirst, withoutSeq } from './order.ts';
import type { StoredScenario } from './records.ts';
import type { ScenarioStore } from './store.ts';

type Names = StoreNames<TrustwalkDB>;

/**
 * Runs `body` in a readwrite transaction and resolves once the transaction has committed. If
 * anything fails, the transaction is aborted, so its earlier writes are rolled back.
 */
async function inWriteTransaction<S extends Names[], T>(
	db: TrustwalkDatabase,
	stores: S,
	body: (tx: IDBPTransaction<TrustwalkDB, S, 'readwrite'>) => Promise<T>
): Promise<T> {
	const tx = db.transaction(stores, 'readwrite');
	// `done` rejects when we abort below; mark it handled here and await it where it matters.
	tx.done.catch(() => undefined);
	try {
		const result = await body(tx);
		await tx.done;
		return result;
	} catch (error) {
		try {
			tx.abort();
		} catch {
			// Already finished or aborted: nothing left to roll back.
		}
		throw error;
	}
}

export function createIdbStore(db: TrustwalkDatabase): ScenarioStore {
	return {
		kind: 'indexeddb',

		list: () =>
			attempt('list the scenarios', async () => newestScenariosFirst(await db.getAll('scenarios'))),

		get: (id) => attempt('read the scenario', () => db.get('scenarios', id)),

		put: (record) =>
			attempt('save the scenario', () =>
				inWriteTransaction(db, ['scenarios'], async (tx) => {
					const store = tx.objectStore('scenarios');
					const current = await store.get(record.id);
					if (current && current.revision >= record.revision)
						return { ok: false, reason: 'stale', current } as const;
					await store.put(record);
					return { ok: true, revision: record.revision } as const;
				})
			),

		create: (record) =>
			attempt('create the scenario', async () => {
				const stored: StoredScenario = { ...record, revision: 1 };
				await inWriteTransaction(db, ['scenarios'], (tx) =>
					tx.objectStore('scenarios').add(stored)
				);
				return stored;
			}),

		delete: (id) =>
			attempt('delete the scenario', () =>
				inWriteTransaction(db, ['scenarios', 'snapshots'], async (tx) => {
					const scenario = await tx.objectStore('scenarios').get(id);
					if (!scenario) return undefined;
					const snapshotStore = tx.objectStore('snapshots');
					const snapshots = await snapshotStore.index('byScenario').getAll(id);
					for (const snapshot of snapshots) await snapshotStore.delete(snapshot.id);
					await tx.objectStore('scenarios').delete(id);
					return { scenario, snapshots: newestSnapshotsFirst(snapshots) };
				})
			),

		restore: (record, snapshots = []) =>
			attempt('restore the scenario', () =>
				inWriteTransaction(db, ['scenarios', 'snapshots'], async (tx) => {
					await tx.objectStore('scenarios').put(record);
					for (const snapshot of snapshots) await tx.objectStore('snapshots').put(snapshot);
				})
			),

		listSnapshots: (scenarioId) =>
			attempt('list the snapshots', async () =>
				newestSnapshotsFirst(await db.getAllFromIndex('snapshots', 'byScenario', scenarioId))
			),

		addSnapshot: (snapshot) =>
			attempt('save the snapshot', () =>
				inWriteTransaction(db, ['snapshots'], async (tx) => {
					await tx.objectStore('snapshots').add(snapshot);
				})
			),

		deleteSnapshot: (id) =>
			attempt('delete the snapshot', () =>
				inWriteTransaction(db, ['snapshots'], (tx) => tx.objectStore('snapshots').delete(id))
			),

		appendAudit: (records) =>
			attempt('write the audit log', () =>
				inWriteTransaction(db, ['audit'], async (tx) => {
					const seqs: number[] = [];
					for (const record of records)
						seqs.push(await tx.objectStore('audit').add(withoutSeq(record)));
					return seqs;
				})
			),

		listAudit: (scenarioId, tenantId) =>
			attempt('read the audit log', async () => {
				const records = await db.getAllFromIndex('audit', 'byScenario', scenarioId);
				return tenantId === undefined ? records : records.filter((r) => r.tenantId === tenantId);
			}),

		getMeta: (key) => attempt('read a setting', async () => (await db.get('meta', key))?.value),

		setMeta: (key, value) =>
			attempt('save a setting', () =>
				inWriteTransaction(db, ['meta'], async (tx) => {
					await tx.objectStore('meta').put({ key, value });
				})
			),

		exportAll: () =>
			attempt('export the scenarios', async () => {
				const tx = db.transaction(['scenarios', 'snapshots'], 'readonly');
				const [scenarios, snapshots] = await Promise.all([
					tx.objectStore('scenarios').getAll(),
					tx.objectStore('snapshots').getAll(),
					tx.done
				]);
				return buildBackup(newestScenariosFirst(scenarios), newestSnapshotsFirst(snapshots));
			}),

		importBackup: (data) =>
			attempt('import the backup', async () => {
				const prepared = prepareImport(data);
				if (!prepared.ok) return prepared;
				await inWriteTransaction(db, ['scenarios', 'snapshots'], async (tx) => {
					for (const s of prepared.scenarios) await tx.objectStore('scenarios').add(s);
					for (const s of prepared.snapshots) await tx.objectStore('snapshots').add(s);
				});
				return { ok: true, ids: prepared.scenarios.map((s) => s.id) };
			}),

		close: () => db.close()
	};
}
