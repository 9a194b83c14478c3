/**
 * The engine's entry points. `runStep` is the one dispatcher both the engine loop and the attempt
 * machine call; `finishAttempt` turns a finished trace into the result (outcome, code, token, logs).
 */
import type { Attempt, Scenario } from '../schema.ts';
import { checkConditionalAccess, type HomeMfaAnswer } from './ca-step.ts';
import { checkConsent, issueToken, writeSignIns, type ConsentAnswer } from './completion.ts';
import { prepareAttempt, type PreparedAttempt } from './prepare.ts';
import { checkDirectConnect, checkPreconditions, makeStep } from './steps.ts';
import type { AccessToken, AttemptResult, BlockStepId, TraceStep } from './types.ts';

export const STEP_ORDER = [
	'preconditions',
	'outbound',
	'inbound',
	'conditionalAccess',
	'consent',
	'token'
] as const;
export type WalkStep = (typeof STEP_ORDER)[number];

export interface StepAnswers {
	homeMfa?: HomeMfaAnswer;
	consent?: ConsentAnswer;
}

export type StepOutcome =
	| { kind: 'decided'; step: TraceStep; prompted?: 'homeMfa' | 'consent'; token?: AccessToken }
	| { kind: 'waiting'; wait: 'homeMfa' | 'consent'; message: string };

/** Evaluates one step; for a step that asks the user, `answers` holds the reply (or nothing yet). */
export function runStep(
	p: PreparedAttempt,
	step: WalkStep,
	answers: StepAnswers = {}
): StepOutcome {
	switch (step) {
		case 'preconditions':
			return { kind: 'decided', step: checkPreconditions(p) };
		case 'outbound':
		case 'inbound':
			return { kind: 'decided', step: checkDirectConnect(p, step) };
		case 'conditionalAccess': {
			const ca = checkConditionalAccess(p, answers.homeMfa);
			if (ca.kind === 'homeMfaChallenge')
				return { kind: 'waiting', wait: 'homeMfa', message: ca.message };
			return {
				kind: 'decided',
				step: ca.step,
				prompted: ca.homeMfaPrompted ? 'homeMfa' : undefined
			};
		}
		case 'consent': {
			const consent = checkConsent(p, answers.consent);
			if (consent.kind === 'prompt')
				return { kind: 'waiting', wait: 'consent', message: consent.message };
			return {
				kind: 'decided',
				step: consent.step,
				prompted: consent.consentPrompted ? 'consent' : undefined
			};
		}
		case 'token': {
			const { step: tokenStep, token } = issueToken(p);
			return { kind: 'decided', step: tokenStep, token };
		}
	}
}

/** The step after `step`, or null after the token. */
export function nextStep(step: WalkStep | null): WalkStep | null {
	if (step === null) return 'preconditions';
	return STEP_ORDER[STEP_ORDER.indexOf(step) + 1] ?? null;
}

/** A8: when outbound fails, say whether inbound would have failed too (outbound is reported first). */
function noteOrder(p: PreparedAttempt, step: TraceStep): TraceStep {
	if (step.step !== 'outbound' || step.outcome !== 'failed') return step;
	const inbound = checkDirectConnect(p, 'inbound');
	if (inbound.outcome === 'passed') return step;
	return {
		...step,
		assumptions: [...step.assumptions, 'A8'],
		message: `${step.message} ${p.resource.tenant.displayName} would not let the user in either: outbound is checked first (A8), so both admins have to act.`
	};
}

/** Wraps a decided step with cross-step notes; the machine appends exactly what this returns. */
export function recordStep(p: PreparedAttempt, step: TraceStep): TraceStep {
	return noteOrder(p, step);
}

export interface WalkFlags {
	consentPrompted: boolean;
	homeMfaPrompted: boolean;
	token: AccessToken | null;
}

/** Builds the result from a finished trace: adds the sign-in logs when the attempt reached Entra. */
export function finishAttempt(
	p: PreparedAttempt,
	trace: readonly TraceStep[],
	flags: WalkFlags
): AttemptResult {
	const failed = trace.find((s) => s.outcome === 'failed');
	const reachedEntra = trace.some((s) => s.step === 'preconditions' && s.outcome === 'passed');
	const logs = reachedEntra ? writeSignIns(p, trace) : null;
	return {
		outcome: failed ? 'blocked' : 'granted',
		step: failed ? (failed.step as BlockStepId) : null,
		errorCode: failed ? failed.errorCode : 0,
		consentPrompted: flags.consentPrompted,
		homeMfaPrompted: flags.homeMfaPrompted,
		trace: logs ? [...trace, logs.step] : [...trace],
		token: failed ? null : flags.token,
		signIns: logs?.records ?? []
	};
}

/** The result for an attempt whose references do not resolve: blocked before Entra, with the reason. */
export function unresolvedResult(message: string): AttemptResult {
	return {
		outcome: 'blocked',
		step: 'preconditions',
		errorCode: null,
		consentPrompted: false,
		homeMfaPrompted: false,
		trace: [makeStep({ step: 'preconditions', outcome: 'failed', rules: ['S0'], message })],
		token: null,
		signIns: []
	};
}

/** Runs an attempt to its end, answering prompts with the attempt's answers (accept and complete by default). */
export function evaluateAttempt(scenario: Scenario, attempt: Attempt): AttemptResult {
	const prepared = prepareAttempt(scenario, attempt);
	if (!prepared.ok) return unresolvedResult(prepared.message);
	const p = prepared.prepared;
	const answers: StepAnswers = {
		homeMfa: attempt.answers?.homeMfa ?? 'complete',
		consent: attempt.answers?.consent ?? 'accept'
	};
	const trace: TraceStep[] = [];
	const flags: WalkFlags = { consentPrompted: false, homeMfaPrompted: false, token: null };
	for (let step = nextStep(null); step !== null; step = nextStep(step)) {
		const outcome = runStep(p, step, answers);
		if (outcome.kind === 'waiting') throw new Error('unreachable: every prompt has an answer here');
		trace.push(recordStep(p, outcome.step));
		if (outcome.prompted === 'consent') flags.consentPrompted = true;
		if (outcome.prompted === 'homeMfa') flags.homeMfaPrompted = true;
		if (outcome.token) flags.token = outcome.token;
		if (outcome.step.outcome === 'failed') break;
	}
	return finishAttempt(p, trace, flags);
}
