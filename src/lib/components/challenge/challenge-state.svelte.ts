/**
 * Challenge mode: which stored scenarios were opened from challenge links (the store's meta, keyed by
 * scenario ID, so it survives a reload and never touches the scenario JSON), the live goal status of
 * the open one, and its first solve. One instance per playground, watching whether or not any panel is
 * open, so a solve made anywhere is noticed and saved.
 */
import {
	markSolved,
	newChallengeRecord,
	parseChallengeRecords,
	showSpoilers,
	type ChallengeRecord,
	type ChallengeRecords
} from '$lib/domain/challenge-record.ts';
import type { ChallengeMarker } from '$lib/domain/challenge-marker.ts';
import { goalStatus, type GoalStatus } from '$lib/domain/lessons/check.ts';
import type { Scenario } from '$lib/domain/schema.ts';
import type { Playground } from '$lib/state/playground.svelte.ts';
import type { ScenarioStore } from '$lib/storage/store.ts';

const KEY = 'challenges';

function reason(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Remembers that the stored scenario `id` was opened from a challenge link (called before the app shows it). */
export async function registerChallenge(
	store: ScenarioStore,
	id: string,
	scenario: Scenario,
	marker: ChallengeMarker,
	now = Date.now()
): Promise<void> {
	const records = parseChallengeRecords(await store.getMeta(KEY));
	const record = newChallengeRecord(scenario, marker, now);
	if (record.goal.length === 0) return;
	await store.setMeta(KEY, { ...records, [id]: record });
}

export class ChallengeState {
	loaded = $state(false);
	error = $state<string | null>(null);
	records = $state.raw<ChallengeRecords>({});
	readonly #playground: Playground;
	readonly #now: () => number;

	constructor(playground: Playground, now: () => number = Date.now) {
		this.#playground = playground;
		this.#now = now;
	}

	async load(): Promise<void> {
		try {
			this.records = parseChallengeRecords(await this.#playground.store.getMeta(KEY));
		} catch (error) {
			this.error = `Your challenges could not be read: ${reason(error)}`;
		}
		this.loaded = true;
	}

	get currentId(): string | null {
		const id = this.#playground.record?.id;
		return id && this.records[id] ? id : null;
	}

	/** The challenge of the open scenario, if it came from a challenge link. */
	get current(): ChallengeRecord | null {
		const id = this.currentId;
		return id ? (this.records[id] ?? null) : null;
	}

	/** The goal against the open scenario, as the engine decides it now. */
	get status(): GoalStatus | null {
		const current = this.current;
		const scenario = this.#playground.scenario;
		return current && scenario ? goalStatus(current, scenario) : null;
	}

	/** The simulator hides its fixes while this is true: they would give the answer away. */
	get guarded(): boolean {
		return this.current !== null && !this.current.spoilersShown;
	}

	revealSpoilers(): Promise<void> {
		const id = this.currentId;
		return id ? this.#update(id, (r) => showSpoilers(r, id)) : Promise.resolve();
	}

	/** Stores the first solve (once); called whenever the status is complete. */
	solved(): Promise<void> {
		const id = this.currentId;
		return id ? this.#update(id, (r) => markSolved(r, id, this.#now())) : Promise.resolve();
	}

	/** Leaves challenge mode for the open scenario: it becomes an ordinary scenario. */
	leave(): Promise<void> {
		const id = this.currentId;
		if (!id) return Promise.resolve();
		return this.#update(id, (r) => {
			const next = { ...r };
			delete next[id];
			return next;
		});
	}

	/**
	 * Changes the record of `id`. The screen follows at once; the store gets what it holds now (another
	 * tab may have added a challenge since this one loaded) with only `id`'s record replaced, so one
	 * tab never writes back another's challenges as they were before.
	 */
	async #update(
		id: string,
		change: (records: ChallengeRecords) => ChallengeRecords
	): Promise<void> {
		const local = change(this.records);
		if (local === this.records) return;
		this.records = local;
		try {
			const store = this.#playground.store;
			const next = { ...parseChallengeRecords(await store.getMeta(KEY)) };
			const mine = local[id];
			if (mine) next[id] = mine;
			else delete next[id];
			await store.setMeta(KEY, next);
			this.records = next;
			this.error = null;
		} catch (error) {
			this.error = `Your challenge progress could not be saved: ${reason(error)}`;
		}
	}
}

const states = new WeakMap<Playground, ChallengeState>();

/**
 * The one challenge state of `playground`. The first call loads it and starts watching for a solve,
 * independent of which panel is open.
 */
export function challengesFor(playground: Playground): ChallengeState {
	let state = states.get(playground);
	if (!state) {
		const created = new ChallengeState(playground);
		state = created;
		states.set(playground, created);
		void created.load();
		$effect.root(() => {
			$effect(() => {
				const current = created.current;
				if (current && current.solvedAt === undefined && created.status?.complete)
					void created.solved();
			});
		});
	}
	return state;
}
