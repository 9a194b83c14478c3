/**
 * Pure commands for the attempts saved in a scenario (the simulator's "save with this outcome"), and
 * the helpers that turn a finished walk into what is saved: its expectation and the answers given, so
 * re-running the saved attempt reproduces the walk.
 */
import type { AttemptResult } from './engine/index.ts';
import type { Attempt, Expectation, Scenario } from './schema.ts';

/** How the user answers the questions of a walk (the attempt's `answers`). */
export type Answers = NonNullable<Attempt['answers']>;

/** Saves `attempt`: replaces the saved attempt with the same name, or appends it. Unchanged input stays the same object. */
export function saveAttempt(scenario: Scenario, attempt: Attempt): Scenario {
	const name = attempt.name.trim();
	if (name === '') return scenario;
	const saved: Attempt = { ...attempt, name };
	const attempts = scenario.attempts ?? [];
	const index = attempts.findIndex((a) => a.name === name);
	if (index >= 0 && JSON.stringify(attempts[index]) === JSON.stringify(saved)) return scenario;
	const next =
		index >= 0 ? attempts.map((a, i) => (i === index ? saved : a)) : [...attempts, saved];
	return { ...scenario, attempts: next };
}

/** Removes the saved attempt called `name`; the scenario is returned unchanged when there is none. */
export function removeAttempt(scenario: Scenario, name: string): Scenario {
	const attempts = scenario.attempts ?? [];
	if (!attempts.some((a) => a.name === name)) return scenario;
	return { ...scenario, attempts: attempts.filter((a) => a.name !== name) };
}

/** The expectation a result meets: its outcome, the step that blocked it (S0-S4), and whether consent was asked (S4). */
export function expectationFrom(result: AttemptResult): Expectation {
	return {
		outcome: result.outcome,
		...(result.outcome === 'blocked' && result.step !== null ? { step: result.step } : {}),
		consentPrompted: result.consentPrompted
	};
}

/**
 * The answers given during a walk (home MFA challenge, A5; consent prompt, A7), over `base`. Only
 * answers that differ from the engine's defaults (complete, accept) are written, so saved files stay short.
 */
export function answersFrom(result: AttemptResult, base: Answers = {}): Answers | undefined {
	const answers: Answers = { ...base };
	const mfa = result.trace.find((s) => s.step === 'conditionalAccess')?.details?.homeMfa;
	if (mfa === 'completed') answers.homeMfa = 'complete';
	if (mfa === 'failed') answers.homeMfa = 'fail';
	const consent = result.trace.find((s) => s.step === 'consent')?.details?.consent;
	if (consent === 'accepted') answers.consent = 'accept';
	if (consent === 'declined') answers.consent = 'decline';
	if (answers.homeMfa === 'complete') delete answers.homeMfa;
	if (answers.consent === 'accept') delete answers.consent;
	return Object.keys(answers).length > 0 ? answers : undefined;
}
