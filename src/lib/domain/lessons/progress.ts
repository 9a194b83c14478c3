/**
 * Lesson progress, a plain JSON-able record (to be kept in StoredScenario.lessonProgress or in meta).
 * Every function returns a new record and never mutates the one it gets.
 */
export interface LessonProgressEntry {
	completed: boolean;
	hintsUsed: number;
	/** Whether the learner's prediction was right; absent until they answered. */
	predicted?: boolean;
}

export type LessonProgress = Record<string, LessonProgressEntry>;

export function emptyProgress(): LessonProgress {
	return {};
}

export function progressOf(progress: LessonProgress, lessonId: string): LessonProgressEntry {
	return progress[lessonId] ?? { completed: false, hintsUsed: 0 };
}

function update(
	progress: LessonProgress,
	lessonId: string,
	change: (e: LessonProgressEntry) => LessonProgressEntry
): LessonProgress {
	return { ...progress, [lessonId]: change(progressOf(progress, lessonId)) };
}

/** One more hint revealed, never more than `hintCount`. */
export function useHint(
	progress: LessonProgress,
	lessonId: string,
	hintCount: number
): LessonProgress {
	return update(progress, lessonId, (e) => ({
		...e,
		hintsUsed: Math.min(Math.max(hintCount, 0), e.hintsUsed + 1)
	}));
}

/** Records the first answer to the prediction; a later answer does not change it. */
export function recordPrediction(
	progress: LessonProgress,
	lessonId: string,
	correct: boolean
): LessonProgress {
	if (progressOf(progress, lessonId).predicted !== undefined) return progress;
	return update(progress, lessonId, (e) => ({ ...e, predicted: correct }));
}

/** Completion sticks: breaking the scenario afterwards does not take it back. */
export function markCompleted(progress: LessonProgress, lessonId: string): LessonProgress {
	if (progressOf(progress, lessonId).completed) return progress;
	return update(progress, lessonId, (e) => ({ ...e, completed: true }));
}

/** Starts a lesson over: its entry is removed. */
export function resetLesson(progress: LessonProgress, lessonId: string): LessonProgress {
	if (!(lessonId in progress)) return progress;
	const rest = { ...progress };
	delete rest[lessonId];
	return rest;
}

export function completedCount(progress: LessonProgress, lessonIds: readonly string[]): number {
	return lessonIds.filter((id) => progressOf(progress, id).completed).length;
}

/** Reads progress back from storage: anything malformed is dropped, never thrown. */
export function parseProgress(value: unknown): LessonProgress {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
	const out: LessonProgress = {};
	for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
		if (typeof raw !== 'object' || raw === null) continue;
		const r = raw as Record<string, unknown>;
		const hints = typeof r.hintsUsed === 'number' && r.hintsUsed >= 0 ? Math.floor(r.hintsUsed) : 0;
		const entry: LessonProgressEntry = { completed: r.completed === true, hintsUsed: hints };
		if (typeof r.predicted === 'boolean') entry.predicted = r.predicted;
		out[id] = entry;
	}
	return out;
}
