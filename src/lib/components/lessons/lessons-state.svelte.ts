/**
 * What the Lessons panel remembers between visits, kept in the store's meta (local only): the
 * progress record, the lesson being followed, and which stored scenario belongs to which lesson.
 * The panel is rebuilt each time it is opened, so everything it needs again lives here, in one
 * instance per playground (`lessonsFor`) that also notices a completed lesson while the panel is
 * closed (the learner may solve it from the Tenants panel) and saves it.
 */
import { untrack } from 'svelte';
import { findLesson, LESSONS } from '$lib/domain/lessons/catalog.ts';
import { goalStatus } from '$lib/domain/lessons/check.ts';
import {
	markCompleted,
	parseProgress,
	progressOf,
	recordPrediction,
	resetLesson,
	useHint,
	type LessonProgress
} from '$lib/domain/lessons/progress.ts';
import type { Lesson } from '$lib/domain/lessons/types.ts';
import type { Playground } from '$lib/state/playground.svelte.ts';

const PROGRESS = 'lessonProgress';
const ACTIVE = 'activeLesson';

/** The lesson being followed and, per lesson, the scenario record it was started in. */
interface Active {
	lessonId: string | null;
	scenarios: Record<string, string>;
}

function parseActive(value: unknown): Active {
	const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
	const scenarios: Record<string, string> = {};
	if (typeof v.scenarios === 'object' && v.scenarios !== null)
		for (const [k, id] of Object.entries(v.scenarios as Record<string, unknown>))
			if (typeof id === 'string' && findLesson(k)) scenarios[k] = id;
	const lessonId = typeof v.lessonId === 'string' && findLesson(v.lessonId) ? v.lessonId : null;
	return { lessonId, scenarios };
}

export class LessonsState {
	loaded = $state(false);
	/** Set when the learner moved between the index and a lesson: the view that appears takes focus. */
	moved = $state(false);
	/** A storage failure, shown instead of swallowed. */
	error = $state<string | null>(null);
	progress = $state.raw<LessonProgress>({});
	active = $state.raw<Active>({ lessonId: null, scenarios: {} });
	readonly #playground: Playground;

	constructor(playground: Playground) {
		this.#playground = playground;
	}

	async load(): Promise<void> {
		const store = this.#playground.store;
		try {
			const [progress, active] = await Promise.all([
				store.getMeta(PROGRESS),
				store.getMeta(ACTIVE)
			]);
			this.progress = parseProgress(progress);
			this.active = parseActive(active);
		} catch (error) {
			this.error = `Your lesson progress could not be read: ${error instanceof Error ? error.message : String(error)}`;
		}
		this.loaded = true;
	}

	/** The lesson shown, when its scenario is the one open in the app. */
	get current(): Lesson | null {
		const id = this.active.lessonId;
		const lesson = id ? findLesson(id) : undefined;
		const record = this.#playground.record;
		if (!lesson || !record || this.active.scenarios[lesson.id] !== record.id) return null;
		return lesson;
	}

	/** Nobody ever started a lesson here: the index offers the first one. */
	get firstVisit(): boolean {
		return (
			Object.keys(this.progress).length === 0 && Object.keys(this.active.scenarios).length === 0
		);
	}

	started(lessonId: string): boolean {
		return lessonId in this.progress || lessonId in this.active.scenarios;
	}

	/** Continues a lesson in its own scenario when it still exists, else starts it from the beginning. */
	async start(lesson: Lesson, fresh = false): Promise<void> {
		const playground = this.#playground;
		const before = playground.record?.id;
		const existing = fresh ? undefined : this.active.scenarios[lesson.id];
		if (existing && playground.library.some((r) => r.id === existing)) {
			await playground.open(existing);
		} else {
			await playground.createFrom({ ...lesson.start, name: `Lesson: ${lesson.title}` }, 'user');
		}
		const record = playground.record;
		const opened = existing ? record?.id === existing : record && record.id !== before;
		if (!record || !opened) {
			this.error = `The scenario of “${lesson.title}” could not be opened; see the save status above.`;
			return;
		}
		this.moved = true;
		const progress = fresh ? resetLesson(this.progress, lesson.id) : this.progress;
		await this.#saveProgress(
			lesson.id in progress
				? progress
				: { ...progress, [lesson.id]: progressOf(progress, lesson.id) }
		);
		await this.#saveActive({
			lessonId: lesson.id,
			scenarios: { ...this.active.scenarios, [lesson.id]: record.id }
		});
	}

	async leave(): Promise<void> {
		this.moved = true;
		await this.#saveActive({ ...this.active, lessonId: null });
	}

	/** Called by the view that appeared: true once after a move, so focus follows the learner. */
	takeMove(): boolean {
		// Untracked: the view's attachment must not re-run when a later move sets the flag again.
		return untrack(() => {
			const moved = this.moved;
			this.moved = false;
			return moved;
		});
	}

	next(lesson: Lesson): Lesson | null {
		const i = LESSONS.findIndex((l) => l.id === lesson.id);
		return LESSONS[i + 1] ?? null;
	}

	hint(lesson: Lesson): Promise<void> {
		return this.#saveProgress(useHint(this.progress, lesson.id, lesson.hints.length));
	}

	predict(lesson: Lesson, correct: boolean): Promise<void> {
		return this.#saveProgress(recordPrediction(this.progress, lesson.id, correct));
	}

	complete(lesson: Lesson): Promise<void> {
		return this.#saveProgress(markCompleted(this.progress, lesson.id));
	}

	async #saveProgress(next: LessonProgress): Promise<void> {
		if (next === this.progress) return;
		this.progress = next;
		await this.#write(PROGRESS, next);
	}

	async #saveActive(next: Active): Promise<void> {
		this.active = next;
		await this.#write(ACTIVE, next);
	}

	async #write(key: string, value: unknown): Promise<void> {
		try {
			await this.#playground.store.setMeta(key, value);
			this.error = null;
		} catch (error) {
			this.error = `Your lesson progress could not be saved: ${error instanceof Error ? error.message : String(error)}`;
		}
	}
}

const states = new WeakMap<Playground, LessonsState>();

/**
 * The one lessons state of `playground`: the first call loads it and starts watching the open
 * scenario, so a lesson completed with the Lessons panel closed is stored as completed at once.
 */
export function lessonsFor(playground: Playground): LessonsState {
	let state = states.get(playground);
	if (!state) {
		const created = new LessonsState(playground);
		state = created;
		states.set(playground, created);
		void created.load();
		$effect.root(() => {
			$effect(() => {
				if (!created.loaded) return;
				const lesson = created.current;
				const scenario = playground.scenario;
				if (!lesson || !scenario || progressOf(created.progress, lesson.id).completed) return;
				if (goalStatus(lesson, scenario).complete) void created.complete(lesson);
			});
		});
	}
	return state;
}
