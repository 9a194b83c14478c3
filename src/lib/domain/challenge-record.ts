/**
 * What the browser remembers about challenges opened from links, keyed by the stored scenario's ID (in
 * the store's meta, never in the scenario): the goal frozen when the link was opened, so editing or
 * deleting the scenario's attempts cannot change what counts as solved, and when it was first solved.
 */
import { challengeGoals } from './challenge.ts';
import type { ChallengeMarker } from './challenge-marker.ts';
import type { GoalItem } from './lessons/types.ts';
import { attemptSchema, expectationSchema, type Scenario } from './schema.ts';

export interface ChallengeRecord {
	title: string;
	brief?: string;
	goal: GoalItem[];
	openedAt: number;
	/** The first time every goal item held. */
	solvedAt?: number;
	/** The learner asked to see the simulator's fixes (they give part of the answer away). */
	spoilersShown?: boolean;
}

export type ChallengeRecords = Record<string, ChallengeRecord>;

/** The record for a challenge link's scenario, as it was opened. */
export function newChallengeRecord(
	scenario: Scenario,
	marker: ChallengeMarker,
	now: number
): ChallengeRecord {
	const title = marker.title?.trim() || scenario.name.replace(/^Challenge:\s*/i, '');
	return {
		title,
		...(marker.brief?.trim() ? { brief: marker.brief.trim() } : {}),
		goal: challengeGoals(scenario),
		openedAt: now
	};
}

function readGoalItem(value: unknown): GoalItem | null {
	if (typeof value !== 'object' || value === null) return null;
	const v = value as Record<string, unknown>;
	const attempt = attemptSchema.safeParse(v.attempt);
	const expect = expectationSchema.safeParse(v.expect);
	if (!attempt.success || !expect.success || typeof v.text !== 'string') return null;
	const rules = Array.isArray(v.rules) ? v.rules.filter((r) => typeof r === 'string') : undefined;
	return {
		attempt: attempt.data,
		expect: expect.data,
		text: v.text,
		...(rules ? { rules } : {})
	};
}

function readRecord(value: unknown): ChallengeRecord | null {
	if (typeof value !== 'object' || value === null) return null;
	const v = value as Record<string, unknown>;
	if (typeof v.title !== 'string' || !Array.isArray(v.goal) || typeof v.openedAt !== 'number')
		return null;
	const goal = v.goal.map(readGoalItem);
	if (goal.length === 0 || goal.some((g) => g === null)) return null;
	return {
		title: v.title,
		...(typeof v.brief === 'string' ? { brief: v.brief } : {}),
		goal: goal as GoalItem[],
		openedAt: v.openedAt,
		...(typeof v.solvedAt === 'number' ? { solvedAt: v.solvedAt } : {}),
		...(v.spoilersShown === true ? { spoilersShown: true } : {})
	};
}

/** Reads the stored records; anything malformed is dropped rather than trusted. */
export function parseChallengeRecords(value: unknown): ChallengeRecords {
	const out: ChallengeRecords = {};
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
	for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
		const record = readRecord(entry);
		if (record) out[id] = record;
	}
	return out;
}

/** Marks the first solve; the same object when it was solved before (nothing to save). */
export function markSolved(records: ChallengeRecords, id: string, now: number): ChallengeRecords {
	const record = records[id];
	if (!record || record.solvedAt !== undefined) return records;
	return { ...records, [id]: { ...record, solvedAt: now } };
}

export function showSpoilers(records: ChallengeRecords, id: string): ChallengeRecords {
	const record = records[id];
	if (!record || record.spoilersShown) return records;
	return { ...records, [id]: { ...record, spoilersShown: true } };
}
