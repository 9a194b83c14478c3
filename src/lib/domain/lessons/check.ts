/** Live goal checking: runs each goal attempt through the engine and compares it with its expectation. */
import { evaluateAttempt, type AttemptResult, type BlockStepId } from '../engine/index.ts';
import { meetsExpectation } from '../expectation.ts';
import type { Scenario } from '../schema.ts';
import type { Lesson, PredictionStep } from './types.ts';

export interface GoalItemStatus {
	text: string;
	met: boolean;
	result: AttemptResult;
}

export interface GoalStatus {
	items: GoalItemStatus[];
	/** Every item is met. */
	complete: boolean;
}

export function goalStatus(lesson: Pick<Lesson, 'goal'>, scenario: Scenario): GoalStatus {
	const items = lesson.goal.map((item) => {
		const result = evaluateAttempt(scenario, item.attempt);
		return { text: item.text, met: meetsExpectation(item.expect, result) === true, result };
	});
	return { items, complete: items.length > 0 && items.every((i) => i.met) };
}

/** Whether `step` passed in `result`; null when the attempt stopped before reaching it. */
export function stepPassed(
	result: AttemptResult,
	step: PredictionStep | BlockStepId
): boolean | null {
	const found = result.trace.find((s) => s.step === step);
	return found ? found.outcome === 'passed' : null;
}

/** What the engine says about the lesson's prediction in `scenario` (the start, for the reveal). */
export function predictionTruth(lesson: Lesson, scenario: Scenario = lesson.start): boolean | null {
	const item = lesson.goal[lesson.prediction.attemptIndex];
	if (!item) return null;
	return stepPassed(evaluateAttempt(scenario, item.attempt), lesson.prediction.step);
}
