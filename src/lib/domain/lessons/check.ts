/**
 * Live goal checking, shared by lessons and challenges: runs each goal attempt through the engine and
 * compares it with its expectation.
 */
import { evaluateAttempt, type AttemptResult, type BlockStepId } from '../engine/index.ts';
import { meetsExpectation } from '../expectation.ts';
import type { Scenario } from '../schema.ts';
import type { GoalItem, Lesson, PredictionStep } from './types.ts';

export interface GoalItemStatus {
	text: string;
	met: boolean;
	result: AttemptResult;
	rules?: readonly string[];
}

export interface GoalStatus {
	items: GoalItemStatus[];
	/** Every item is met. */
	complete: boolean;
}

/** Any goal: a lesson's, or a challenge's (`{ goal: challengeGoals(scenario) }`). */
export function goalStatus(
	owner: { readonly goal: readonly GoalItem[] },
	scenario: Scenario
): GoalStatus {
	const items = owner.goal.map((item) => {
		const result = evaluateAttempt(scenario, item.attempt);
		const met = meetsExpectation(item.expect, result) === true;
		return { text: item.text, met, result, ...(item.rules ? { rules: item.rules } : {}) };
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
