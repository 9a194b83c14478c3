/**
 * ScenarioStore in memory, for browsers without usable IndexedDB. It copies with structuredClone
 * on the way in and out, as IndexedDB does, so callers see the same behaviour: a value kept by the
 * caller can be changed without changing the stored one.
 */
import { buildBackup, prepareImport } from './backup.ts';
import { attempt } from './errors.ts';
import { newestScenariosFirst, newestSnapshotsFirst, withoutSeq } from './order.ts';
import type { StoredAudit, StoredScenario, StoredSnapshot } from './records.ts';
import type { ImportResult, PutResult, ScenarioStore } from './store.ts';

function exists(what: string): DOMException {
	return new DOMException(`a ${what} with this id already exists`, 'ConstraintError');
}

export function createMemoryStore(): ScenarioStore {
	const scenarios = new Map<string, StoredScenario>();
	const snapshots = new Map<string, StoredSnapshot>();
	const audit: StoredAudit[] = [];
	const meta = new Map<string, unknown>();
	let nextSeq = 1;
	const copy = structuredClone;
	const snapshotsOf = (scenarioId: string) =>
		[...snapshots.values()].filter((s) => s.scenarioId === scenarioId);

	return {
		kind: 'memory',

		list: () =>
			attempt('list the scenarios', () =>
				Promise.resolve(newestScenariosFirst([...scenarios.values()].map((s) => copy(s))))
			),

		get: (id) => attempt('read the scenario', () => Promise.resolve(copy(scenarios.get(id)))),

		put: (record) =>
			attempt<PutResult>('save the scenario', () => {
				const current = scenarios.get(record.id);
				if (current && current.revision >= record.revision)
					return Promise.resolve({ ok: false, reason: 'stale', current: copy(current) } as const);
				scenarios.set(record.id, copy(record));
				return Promise.resolve({ ok: true, revision: record.revision } as const);
			}),

		create: (record) =>
			attempt('create the scenario', () => {
				if (scenarios.has(record.id)) throw exists('scenario');
				const stored: StoredScenario = copy({ ...record, revision: 1 });
				scenarios.set(stored.id, stored);
				return Promise.resolve(copy(stored));
			}),

		delete: (id) =>
			attempt('delete the scenario', () => {
				const scenario = scenarios.get(id);
				if (!scenario) return Promise.resolve(undefined);
				const removed = snapshotsOf(id);
				for (const s of removed) snapshots.delete(s.id);
				scenarios.delete(id);
				return Promise.resolve({ scenario, snapshots: newestSnapshotsFirst(removed) });
			}),

		restore: (record, list = []) =>
			attempt('restore the scenario', () => {
				const copies = { record: copy(record), snapshots: list.map((s) => copy(s)) };
				scenarios.set(record.id, copies.record);
				for (const s of copies.snapshots) snapshots.set(s.id, s);
				return Promise.resolve();
			}),

		listSnapshots: (scenarioId) =>
			attempt('list the snapshots', () =>
				Promise.resolve(newestSnapshotsFirst(snapshotsOf(scenarioId).map((s) => copy(s))))
			),

		addSnapshot: (snapshot) =>
			attempt('save the snapshot', () => {
				if (snapshots.has(snapshot.id)) throw exists('snapshot');
				snapshots.set(snapshot.id, copy(snapshot));
				return Promise.resolve();
			}),

		deleteSnapshot: (id) =>
			attempt('delete the snapshot', () => {
				snapshots.delete(id);
				return Promise.resolve();
			}),

		appendAudit: (records) =>
			attempt('write the audit log', () => {
				// Copy all first, so a record that cannot be cloned leaves the log unchanged.
				const copies = records.map((r) => copy(withoutSeq(r)));
				const seqs = copies.map((r) => {
					const seq = nextSeq++;
					audit.push({ ...r, seq });
					return seq;
				});
				return Promise.resolve(seqs);
			}),

		listAudit: (scenarioId, tenantId) =>
			attempt('read the audit log', () =>
				Promise.resolve(
					audit
						.filter((r) => r.scenarioId === scenarioId)
						.filter((r) => tenantId === undefined || r.tenantId === tenantId)
						.map((r) => copy(r))
				)
			),

		getMeta: (key) => attempt('read a setting', () => Promise.resolve(copy(meta.get(key)))),

		setMeta: (key, value) =>
			attempt('save a setting', () => {
				meta.set(key, copy(value));
				return Promise.resolve();
			}),

		exportAll: () =>
			attempt('export the scenarios', () =>
				Promise.resolve(
					buildBackup(
						newestScenariosFirst([...scenarios.values()].map((s) => copy(s))),
						newestSnapshotsFirst([...snapshots.values()].map((s) => copy(s)))
					)
				)
			),

		importBackup: (data) =>
			attempt<ImportResult>('import the backup', () => {
				const prepared = prepareImport(data);
				if (!prepared.ok) return Promise.resolve(prepared);
				for (const s of prepared.scenarios) scenarios.set(s.id, s);
				for (const s of prepared.snapshots) snapshots.set(s.id, s);
				return Promise.resolve({ ok: true, ids: prepared.scenarios.map((s) => s.id) } as const);
			}),

		close: () => undefined
	};
}
