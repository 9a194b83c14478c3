/**
 * The attempt machine's context and its pure transitions. Every decision is a call into the engine
 * (`runStep`, `recordStep`, `finishAttempt`); this file only keeps track of where the walk is.
 */
import type { Attempt, Scenario } from '../domain/schema.ts';
import {
	finishAttempt,
	nextStep,
	prepareAttempt,
	recordStep,
	runStep,
	unresolvedResult,
	type AttemptResult,
	type PreparedAttempt,
	type StepAnswers,
	type StepOutcome,
	type TraceStep,
	type WalkFlags,
	type WalkStep
} from '../domain/engine/index.ts';

/** Where the walk stands; each position is one state of the machine. */
export type Position =
	| 'idle'
	| 'preconditions'
	| 'outbound'
	| 'inbound'
	| 'homeMfaChallenge'
	| 'conditionalAccess'
	| 'consentPrompt'
	| 'consent'
	| 'tokenIssued'
	| 'blocked';

export interface WalkContext {
	scenario: Scenario;
	attempt: Attempt;
	prepared: PreparedAttempt | null;
	/** Why the attempt cannot even start (a dangling reference), or null. */
	unresolved: string | null;
	position: Position;
	/** The last step the engine decided. */
	last: WalkStep | null;
	trace: TraceStep[];
	flags: WalkFlags;
	/** What the user is being asked, while the machine waits. */
	waiting: { wait: 'homeMfa' | 'consent'; message: string } | null;
	/** Set once the walk reaches tokenIssued or blocked. */
	result: AttemptResult | null;
}

export function startWalk(scenario: Scenario, attempt: Attempt): WalkContext {
	const prepared = prepareAttempt(scenario, attempt);
	return {
		scenario,
		attempt,
		prepared: prepared.ok ? prepared.prepared : null,
		unresolved: prepared.ok ? null : prepared.message,
		position: 'idle',
		last: null,
		trace: [],
		flags: { consentPrompted: false, homeMfaPrompted: false, token: null },
		waiting: null,
		result: null
	};
}

const PASSED_POSITION: Record<WalkStep, Position> = {
	preconditions: 'preconditions',
	outbound: 'outbound',
	inbound: 'inbound',
	conditionalAccess: 'conditionalAccess',
	consent: 'consent',
	token: 'tokenIssued'
};

type Peek = { kind: 'unresolved' } | { kind: 'end' } | (StepOutcome & { at: WalkStep });

/** What the next step would do, given the user's answer to a pending question (if any). */
export function peek(ctx: WalkContext, answers: StepAnswers = {}): Peek {
	if (!ctx.prepared) return { kind: 'unresolved' };
	const at = ctx.waiting
		? ctx.waiting.wait === 'homeMfa'
			? 'conditionalAccess'
			: 'consent'
		: nextStep(ctx.last);
	if (at === null || ctx.result) return { kind: 'end' };
	return { ...runStep(ctx.prepared, at, answers), at };
}

/** The position the walk reaches with the next step (or the answer to a question). */
export function positionAfter(ctx: WalkContext, answers: StepAnswers = {}): Position {
	const next = peek(ctx, answers);
	switch (next.kind) {
		case 'unresolved':
			return 'blocked';
		case 'end':
			return ctx.position;
		case 'waiting':
			return next.wait === 'homeMfa' ? 'homeMfaChallenge' : 'consentPrompt';
		case 'decided':
			return next.step.outcome === 'failed' ? 'blocked' : PASSED_POSITION[next.at];
	}
}

/** Takes the next step (or applies the answer to the pending question) and returns the new context. */
export function advance(ctx: WalkContext, answers: StepAnswers = {}): WalkContext {
	const next = peek(ctx, answers);
	if (next.kind === 'end') return ctx;
	if (next.kind === 'unresolved')
		return {
			...ctx,
			position: 'blocked',
			result: unresolvedResult(ctx.unresolved ?? 'The attempt cannot start.')
		};
	const position = positionAfter(ctx, answers);
	if (next.kind === 'waiting')
		return { ...ctx, position, waiting: { wait: next.wait, message: next.message } };
	const p = ctx.prepared as PreparedAttempt;
	const trace = [...ctx.trace, recordStep(p, next.step)];
	const flags: WalkFlags = {
		consentPrompted: ctx.flags.consentPrompted || next.prompted === 'consent',
		homeMfaPrompted: ctx.flags.homeMfaPrompted || next.prompted === 'homeMfa',
		token: next.token ?? ctx.flags.token
	};
	const done = position === 'blocked' || position === 'tokenIssued';
	return {
		...ctx,
		position,
		last: next.at,
		trace,
		flags,
		waiting: null,
		result: done ? finishAttempt(p, trace, flags) : null
	};
}
