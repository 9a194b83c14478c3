import { describe, expect, it } from 'vitest';
import { evaluateAttempt } from '../engine/index.ts';
import { formatErrors, parseScenario } from '../parse.ts';
import type { Scenario } from '../schema.ts';
import { validateScenario } from '../validate.ts';
import { LESSONS, findLesson } from './catalog.ts';
import { goalStatus, predictionTruth, stepPassed } from './check.ts';
import type { Lesson } from './types.ts';

/** The rule IDs of the domain rules file (S0-S6, R1-R4, M1-M4, V1-V11, A1-A8, D1-D5). */
const range = (prefix: string, from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
const RULE_IDS = new Set([
	...range('S', 0, 6),
	...range('R', 1, 4),
	...range('M', 1, 4),
	...range('V', 1, 11),
	...range('A', 1, 8),
	...range('D', 1, 5)
]);

function parses(scenario: Scenario): void {
	const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
	if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
	expect(parsed.ok).toBe(true);
	// The editor would neither refuse nor warn about a lesson's settings (V1-V11).
	expect(validateScenario(scenario)).toEqual([]);
}

function checkLesson(lesson: Lesson): void {
	// The start parses and its goal does not hold yet.
	parses(lesson.start);
	const atStart = goalStatus(lesson, lesson.start);
	expect(atStart.items).toHaveLength(lesson.goal.length);
	expect(atStart.complete).toBe(false);

	// The documented solution parses and meets every goal item.
	const solved = lesson.solution(lesson.start);
	parses(solved);
	const after = goalStatus(lesson, solved);
	expect(after.items.filter((i) => !i.met).map((i) => i.text)).toEqual([]);
	expect(after.complete).toBe(true);

	// The prediction asks about a step the attempt reaches, and its answer is the engine's.
	const item = lesson.goal[lesson.prediction.attemptIndex];
	expect(item).toBeDefined();
	const truth = stepPassed(evaluateAttempt(lesson.start, item!.attempt), lesson.prediction.step);
	expect(truth).not.toBeNull();
	expect(truth).toBe(lesson.prediction.answer);
	expect(predictionTruth(lesson)).toBe(lesson.prediction.answer);

	// The teaching material is there.
	const paragraphs = lesson.explanation.split('\n\n');
	expect(paragraphs.length).toBeGreaterThanOrEqual(2);
	expect(paragraphs.length).toBeLessThanOrEqual(4);
	expect(lesson.hints.length).toBeGreaterThanOrEqual(2);
	expect(lesson.learned.length).toBeGreaterThan(0);
	expect(lesson.rules.length).toBeGreaterThan(0);
}

describe('lesson catalog', () => {
	for (const lesson of LESSONS) {
		it(`${lesson.rules.join(', ')}: lesson "${lesson.id}" starts unsolved and its solution meets the goal`, () => {
			checkLesson(lesson);
		});
	}

	it('has at least eight lessons with unique IDs', () => {
		expect(LESSONS.length).toBeGreaterThanOrEqual(8);
		const ids = LESSONS.map((l) => l.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(findLesson(id)?.id).toBe(id);
		expect(findLesson('no-such-lesson')).toBeUndefined();
	});

	it('cites only rule IDs that exist (S0-S6, R1-R4, M1-M4, V1-V11, A1-A8, D1-D5)', () => {
		const unknown = LESSONS.flatMap((l) => l.rules.filter((r) => !RULE_IDS.has(r)));
		expect(unknown).toEqual([]);
	});

	it('covers the topics of issue 7', () => {
		const cited = new Set(LESSONS.flatMap((l) => l.rules));
		for (const id of ['D1', 'S1', 'S2', 'R1', 'M1', 'M3', 'M4', 'S3', 'A5', 'R4', 'S4', 'A8'])
			expect(cited.has(id), id).toBe(true);
		const text = LESSONS.map((l) => l.explanation).join(' ');
		expect(text).toMatch(/service provider/i); // V8
		expect(text).toMatch(/SMS/); // V7
		expect(text).toMatch(/P1/); // V6
	});

	it('lessons do not share mutable start scenarios with their solutions', () => {
		for (const lesson of LESSONS) {
			const before = JSON.stringify(lesson.start);
			lesson.solution(lesson.start);
			expect(JSON.stringify(lesson.start)).toBe(before);
		}
	});
});

describe('goalStatus', () => {
	it('S1: reports each item with its engine result', () => {
		const lesson = LESSONS[0]!;
		const status = goalStatus(lesson, lesson.start);
		expect(status.items[0]?.text).toBe(lesson.goal[0]?.text);
		expect(status.items[0]?.result.step).toBe('outbound');
		expect(status.items[0]?.met).toBe(false);
	});

	it('an empty goal is never complete', () => {
		expect(goalStatus({ goal: [] }, LESSONS[0]!.start).complete).toBe(false);
	});
});
