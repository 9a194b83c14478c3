/**
 * The one storage interface the app talks to. Two implementations keep the same contract (one test
 * suite runs against both): IndexedDB, and memory for browsers where IndexedDB is unavailable
 * (private modes, blocked storage), where scenarios last until the tab closes.
 */
import type { ScenarioError } from '../domain/parse.ts';
import type { Backup, StoredAudit, StoredScenario, StoredSnapshot } from './records.ts';

export type PutResult =
	{ ok: true; revision: number } | { ok: false; reason: 'stale'; current: StoredScenario };

export type NewScenario = Omit<StoredScenario, 'revision'>;

/** What `delete` removed, so an undo can hand it back to `restore`. */
export interface DeletedScenario {
	scenario: StoredScenario;
	snapshots: StoredSnapshot[];
}

export type ImportResult = { ok: true; ids: string[] } | { ok: false; errors: ScenarioError[] };

/** Every method rejects with a StorageError when the browser refuses; none writes half a change. */
export interface ScenarioStore {
	readonly kind: 'indexeddb' | 'memory';
	/** All scenarios, most recently updated first. */
	list(): Promise<StoredScenario[]>;
	get(id: string): Promise<StoredScenario | undefined>;
	/**
	 * Saves when `record.revision` is above the stored one (callers send stored + 1); otherwise
	 * writes nothing and returns the newer stored record, so older data never overwrites newer
	 * (another tab saved first). A record that is not stored (deleted elsewhere) is written.
	 */
	put(record: StoredScenario): Promise<PutResult>;
	/** Adds a new scenario at revision 1; fails if the id exists. */
	create(record: NewScenario): Promise<StoredScenario>;
	/** Deletes a scenario and its snapshots (its audit log stays); undefined if it did not exist. */
	delete(id: string): Promise<DeletedScenario | undefined>;
	/** Undo of delete: writes the record (and its snapshots) back as they were. */
	restore(record: StoredScenario, snapshots?: readonly StoredSnapshot[]): Promise<void>;
	/** A scenario's snapshots, newest first. */
	listSnapshots(scenarioId: string): Promise<StoredSnapshot[]>;
	addSnapshot(snapshot: StoredSnapshot): Promise<void>;
	deleteSnapshot(id: string): Promise<void>;
	/** Appends audit records in order (ignoring any `seq` given); returns their sequence numbers. */
	appendAudit(records: readonly StoredAudit[]): Promise<number[]>;
	/** A scenario's audit log in the order written, optionally one tenant's. */
	listAudit(scenarioId: string, tenantId?: string): Promise<StoredAudit[]>;
	getMeta(key: string): Promise<unknown>;
	setMeta(key: string, value: unknown): Promise<void>;
	/** Every scenario and snapshot, as a `trustwalk/backup` file. */
	exportAll(): Promise<Backup>;
	/**
	 * Adds the scenarios (and their snapshots) of a backup (object or JSON text) as new records with
	 * new ids. Any invalid part is reported with its path and nothing is written.
	 */
	importBackup(data: unknown): Promise<ImportResult>;
	close(): void;
}

export { createIdbStore } from './idb-store.ts';
export { createMemoryStore } from './memory-store.ts';
export { StorageError } from './errors.ts';
