/**
 * The playground's data: the library of stored scenarios and the one being edited. Every edit is a
 * pure function applied to the immutable scenario (undoable), saved after a short pause, audited
 * from the before/after diff, and announced to other tabs. A failed save is shown, never swallowed;
 * a newer save from another tab is never overwritten by an older one.
 */
import { createContext } from 'svelte';
import { auditChanges, type AuditRecord } from '../domain/audit.ts';
import { parseScenario, type ScenarioError } from '../domain/parse.ts';
import type { Scenario } from '../domain/schema.ts';
import { readScenario } from '../storage/load.ts';
import type { StoredScenario } from '../storage/records.ts';
import { resetExamples, seedExamples, type ExampleFile } from '../storage/seed.ts';
import type { DeletedScenario, ScenarioStore } from '../storage/store.ts';
import { StorageError } from '../storage/errors.ts';
import { newId } from '../storage/id.ts';
import type { Sync, SyncMessage } from '../storage/broadcast.ts';
import { ScenarioHistory } from './history.svelte.ts';

export type SaveStatus =
	| { kind: 'saved' }
	| { kind: 'pending' }
	| { kind: 'saving' }
	| { kind: 'error'; reason: string }
	| { kind: 'conflict'; newer: StoredScenario };

export interface PlaygroundDeps {
	store: ScenarioStore;
	/** Why the store is in memory, when IndexedDB could not be opened. */
	fallbackReason?: string;
	sync?: Sync;
	examples: readonly ExampleFile[];
	now?: () => number;
	saveDelayMs?: number;
	/** A shared link viewed without saving: edits are refused with a notice. */
	readOnly?: boolean;
}

const LAST_OPENED = 'lastOpened';

export class Playground {
	library = $state.raw<StoredScenario[]>([]);
	/** The stored record behind the scenario being edited, as last saved or loaded. */
	record = $state.raw<StoredScenario | null>(null);
	scenario = $state.raw<Scenario | null>(null);
	/** Set when the chosen record does not parse: the app shows the errors, never a blank page. */
	openErrors = $state.raw<ScenarioError[] | null>(null);
	status = $state.raw<SaveStatus>({ kind: 'saved' });
	/** A short message about something that happened elsewhere (another tab). */
	notice = $state<string | null>(null);
	/** The last deleted scenario, until its deletion is undone or another one replaces it. */
	deleted = $state.raw<DeletedScenario | null>(null);
	readonly history = new ScenarioHistory();
	readonly storageKind: 'indexeddb' | 'memory';
	readonly fallbackReason: string | undefined;
	readonly readOnly: boolean;

	#store: ScenarioStore;
	#sync: Sync | undefined;
	#examples: readonly ExampleFile[];
	#now: () => number;
	#delay: number;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#dirty = false;
	#pendingAudit: AuditRecord[] = [];
	#unsubscribe: (() => void) | undefined;

	constructor(deps: PlaygroundDeps) {
		this.#store = deps.store;
		this.#sync = deps.sync;
		this.#examples = deps.examples;
		this.#now = deps.now ?? Date.now;
		this.#delay = deps.saveDelayMs ?? 300;
		this.storageKind = deps.store.kind;
		this.fallbackReason = deps.fallbackReason;
		this.readOnly = deps.readOnly ?? false;
	}

	get store(): ScenarioStore {
		return this.#store;
	}

	/** Seeds the examples on a first visit and opens the last-used scenario (or the first). */
	async init(): Promise<void> {
		this.#unsubscribe = this.#sync?.subscribe((m) => void this.#onSync(m));
		await this.#guard('load your scenarios', async () => {
			await seedExamples(this.#store, this.#examples);
			await this.refreshLibrary();
			const last = await this.#store.getMeta(LAST_OPENED);
			const target = this.library.find((r) => r.id === last) ?? this.library[0];
			if (target) await this.open(target.id);
		});
	}

	async refreshLibrary(): Promise<void> {
		this.library = await this.#store.list();
	}

	/** Opens a stored scenario, saving the current one first. */
	async open(id: string): Promise<void> {
		await this.flush();
		const record = await this.#store.get(id);
		if (!record) return;
		this.history.clear();
		this.record = record;
		const parsed = readScenario(record);
		this.scenario = parsed.ok ? parsed.scenario : null;
		this.openErrors = parsed.ok ? null : parsed.errors;
		this.status = { kind: 'saved' };
		await this.#guard('remember the open scenario', () => this.#store.setMeta(LAST_OPENED, id));
	}

	/** Applies a pure edit; returns false when it changed nothing. */
	apply(change: (scenario: Scenario) => Scenario): boolean {
		const before = this.scenario;
		if (!before) return false;
		if (this.readOnly) {
			this.notice =
				'This is a read-only view of a shared link. Open it as a new scenario to change it.';
			return false;
		}
		const after = change(before);
		if (after === before) return false;
		this.history.record(before);
		this.#commit(before, after);
		return true;
	}

	undo(): void {
		const current = this.scenario;
		const previous = current && this.history.undo(current);
		if (current && previous) this.#commit(current, previous);
	}

	redo(): void {
		const current = this.scenario;
		const next = current && this.history.redo(current);
		if (current && next) this.#commit(current, next);
	}

	#commit(before: Scenario, after: Scenario): void {
		this.scenario = after;
		// A transient timestamp for the audit record, not reactive state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const at = new Date(this.#now()).toISOString();
		this.#pendingAudit.push(...auditChanges(before, after, at));
		this.#dirty = true;
		this.status = { kind: 'pending' };
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.#delay);
	}

	/** Writes pending changes now (the page calls this when it is hidden). */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		const record = this.record;
		const scenario = this.scenario;
		if (!this.#dirty || !record || !scenario || this.status.kind === 'conflict') return;
		this.status = { kind: 'saving' };
		const next: StoredScenario = {
			...record,
			name: scenario.name,
			document: scenario,
			revision: record.revision + 1,
			updatedAt: this.#now()
		};
		try {
			const result = await this.#store.put(next);
			if (!result.ok) {
				this.status = { kind: 'conflict', newer: result.current };
				return;
			}
			this.record = { ...next, revision: result.revision };
			this.#dirty = false;
			const audit = this.#pendingAudit.map((a) => ({ ...a, scenarioId: record.id }));
			this.#pendingAudit = [];
			if (audit.length > 0) await this.#store.appendAudit(audit);
			this.#sync?.announce({ type: 'saved', id: record.id, revision: result.revision });
			this.status = { kind: 'saved' };
			// The saved record moves to the front (the list is newest first); re-reading every stored
			// scenario after each edit cost a quarter of a second with large ones. Other tabs' changes
			// arrive through #onSync, which does re-read.
			const saved = this.record;
			this.library = [saved, ...this.library.filter((r) => r.id !== saved.id)];
		} catch (error) {
			this.status = { kind: 'error', reason: reasonOf(error) };
		}
	}

	/** After a conflict: load the other tab's newer version (this tab's edits stay undoable). */
	takeNewer(): void {
		if (this.status.kind !== 'conflict' || !this.scenario) return;
		const newer = this.status.newer;
		const parsed = readScenario(newer);
		this.history.record(this.scenario);
		this.record = newer;
		this.#dirty = false;
		this.#pendingAudit = [];
		this.scenario = parsed.ok ? parsed.scenario : this.scenario;
		this.status = { kind: 'saved' };
	}

	/** After a conflict: keep this tab's version as a new scenario, leaving the newer one untouched. */
	async keepMineAsCopy(): Promise<void> {
		if (this.status.kind !== 'conflict' || !this.scenario) return;
		const mine = { ...this.scenario, name: `${this.scenario.name} (copy from this tab)` };
		this.status = { kind: 'saved' };
		this.#dirty = false;
		await this.createFrom(mine, 'user');
	}

	async #onSync(message: SyncMessage): Promise<void> {
		await this.#guard('follow another tab', async () => {
			await this.refreshLibrary();
			const current = this.record;
			if (!current || message.id !== current.id) return;
			if (message.type === 'deleted') {
				this.notice =
					'This scenario was deleted in another tab. Your copy here is still open; any edit saves it again.';
				return;
			}
			if (message.type !== 'saved' || message.revision <= current.revision) return;
			const newer = await this.#store.get(current.id);
			if (!newer) return;
			if (this.#dirty) {
				this.status = { kind: 'conflict', newer };
				return;
			}
			const parsed = readScenario(newer);
			this.record = newer;
			if (parsed.ok) this.scenario = parsed.scenario;
			this.notice = 'Updated with changes saved in another tab.';
		});
	}

	// ---- the library ----

	/** Stores a scenario as a new record and opens it. */
	async createFrom(scenario: Scenario, origin: StoredScenario['origin']): Promise<void> {
		await this.#guard('create the scenario', async () => {
			const at = this.#now();
			const created = await this.#store.create({
				id: newId(),
				name: scenario.name,
				document: scenario,
				createdAt: at,
				updatedAt: at,
				origin
			});
			this.#sync?.announce({ type: 'created', id: created.id });
			await this.refreshLibrary();
			await this.open(created.id);
		});
	}

	/** Imports a scenario file: nothing changes unless it parses. */
	async importFile(text: string): Promise<ScenarioError[] | null> {
		const parsed = parseScenario(text);
		if (!parsed.ok) return parsed.errors;
		await this.createFrom(parsed.scenario, 'import');
		return null;
	}

	async duplicate(id: string): Promise<void> {
		const record = await this.#store.get(id);
		const parsed = record && readScenario(record);
		if (parsed?.ok)
			await this.createFrom({ ...parsed.scenario, name: `${parsed.scenario.name} (copy)` }, 'user');
	}

	async rename(id: string, name: string): Promise<void> {
		if (this.record?.id === id) {
			this.apply((s) => ({ ...s, name }));
			return;
		}
		await this.#guard('rename the scenario', async () => {
			const record = await this.#store.get(id);
			const parsed = record && readScenario(record);
			if (!record || !parsed?.ok) return;
			await this.#store.put({
				...record,
				name,
				document: { ...parsed.scenario, name },
				revision: record.revision + 1,
				updatedAt: this.#now()
			});
			await this.refreshLibrary();
		});
	}

	/** Deletes a scenario; `undoDelete` brings it back until the next deletion. */
	async remove(id: string): Promise<void> {
		await this.#guard('delete the scenario', async () => {
			if (this.record?.id === id) await this.flush();
			const removed = await this.#store.delete(id);
			if (!removed) return;
			this.deleted = removed;
			this.#sync?.announce({ type: 'deleted', id });
			await this.refreshLibrary();
			if (this.record?.id === id) {
				this.record = null;
				this.scenario = null;
				this.history.clear();
				const next = this.library[0];
				if (next) await this.open(next.id);
			}
		});
	}

	async undoDelete(): Promise<void> {
		const deleted = this.deleted;
		if (!deleted) return;
		await this.#guard('restore the scenario', async () => {
			await this.#store.restore(deleted.scenario, deleted.snapshots);
			this.deleted = null;
			this.#sync?.announce({ type: 'created', id: deleted.scenario.id });
			await this.refreshLibrary();
			await this.open(deleted.scenario.id);
		});
	}

	async resetExamples(): Promise<void> {
		await this.#guard('reset the examples', async () => {
			await this.flush();
			await resetExamples(this.#store, this.#examples);
			await this.refreshLibrary();
			const stillThere = this.library.some((r) => r.id === this.record?.id);
			const target = stillThere ? this.record?.id : this.library[0]?.id;
			if (target) await this.open(target);
		});
	}

	/** The current scenario as a file's text (also the "Export now" escape when saving fails). */
	exportCurrent(): string | null {
		return this.scenario ? `${JSON.stringify(this.scenario, null, 2)}\n` : null;
	}

	close(): void {
		this.#unsubscribe?.();
		clearTimeout(this.#timer);
	}

	/** Runs a storage action; a failure becomes the visible status instead of an unhandled rejection. */
	async #guard(action: string, run: () => Promise<void>): Promise<void> {
		try {
			await run();
		} catch (error) {
			this.status = { kind: 'error', reason: `could not ${action}: ${reasonOf(error)}` };
		}
	}
}

function reasonOf(error: unknown): string {
	if (error instanceof StorageError) return error.reason;
	return error instanceof Error ? error.message : String(error);
}

export const [getPlayground, setPlayground] = createContext<Playground>();
