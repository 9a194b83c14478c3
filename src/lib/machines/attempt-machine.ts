/**
 * The access attempt, one step per event. States follow the rules file's steps; guards ask the walk
 * (and through it the engine) where the next step leads, so no policy logic lives here. Back restores
 * the whole previous context from a stack, so a step undone is exactly as it was.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { Attempt, Scenario } from '../domain/schema.ts';
import type { StepAnswers } from '../domain/engine/index.ts';
import { advance, positionAfter, startWalk, type Position, type WalkContext } from './walk.ts';

export interface AttemptMachineContext extends WalkContext {
	/** Contexts before each step, newest last, for `step.back`. */
	history: WalkContext[];
	/** True while `run.toEnd` drives the walk. */
	running: boolean;
}

export type AttemptEvent =
	| { type: 'step.next' }
	| { type: 'step.back' }
	| { type: 'run.toEnd' }
	| { type: 'reset' }
	| { type: 'mfa.complete' }
	| { type: 'mfa.fail' }
	| { type: 'consent.accept' }
	| { type: 'consent.decline' };

export interface AttemptInput {
	scenario: Scenario;
	attempt: Attempt;
}

const STATE_ID: Record<Position, string> = {
	idle: '#attempt.idle',
	preconditions: '#attempt.preconditions',
	outbound: '#attempt.outbound',
	inbound: '#attempt.inbound',
	homeMfaChallenge: '#attempt.conditionalAccess.homeMfaChallenge',
	conditionalAccess: '#attempt.conditionalAccess.passed',
	consentPrompt: '#attempt.consent.prompt',
	consent: '#attempt.consent.passed',
	tokenIssued: '#attempt.tokenIssued',
	blocked: '#attempt.blocked'
};
const POSITIONS = Object.keys(STATE_ID) as Position[];

function answersFor(event: AttemptEvent): StepAnswers {
	switch (event.type) {
		case 'mfa.complete':
			return { homeMfa: 'complete' };
		case 'mfa.fail':
			return { homeMfa: 'fail' };
		case 'consent.accept':
			return { consent: 'accept' };
		case 'consent.decline':
			return { consent: 'decline' };
		default:
			return {};
	}
}

function walkOf({ history: _h, running: _r, ...walk }: AttemptMachineContext): WalkContext {
	return walk;
}

/** The event `run.toEnd` sends next: the attempt's own answers at a question, else another step. */
function runEvent(ctx: AttemptMachineContext): AttemptEvent | null {
	if (ctx.result) return null;
	if (ctx.position === 'homeMfaChallenge')
		return { type: ctx.attempt.answers?.homeMfa === 'fail' ? 'mfa.fail' : 'mfa.complete' };
	if (ctx.position === 'consentPrompt')
		return {
			type: ctx.attempt.answers?.consent === 'decline' ? 'consent.decline' : 'consent.accept'
		};
	return { type: 'step.next' };
}

/** Transitions to whichever of `targets` the next step leads to. */
function go(...targets: Position[]) {
	return targets.map((to) => ({
		guard: { type: 'leadsTo' as const, params: { to } },
		target: STATE_ID[to],
		actions: 'advance' as const
	}));
}

export const attemptMachine = setup({
	types: {
		context: {} as AttemptMachineContext,
		events: {} as AttemptEvent,
		input: {} as AttemptInput
	},
	guards: {
		leadsTo: ({ context, event }, params: { to: Position }) =>
			positionAfter(walkOf(context), answersFor(event)) === params.to,
		backTo: ({ context }, params: { to: Position }) =>
			context.history.at(-1)?.position === params.to,
		canRun: ({ context }) => runEvent(context) !== null
	},
	actions: {
		advance: assign(({ context, event }) => ({
			...advance(walkOf(context), answersFor(event)),
			history: [...context.history, walkOf(context)]
		})),
		back: assign(({ context }) => ({
			...(context.history.at(-1) ?? walkOf(context)),
			history: context.history.slice(0, -1),
			running: false
		})),
		reset: assign(({ context }) => ({
			...startWalk(context.scenario, context.attempt),
			history: [],
			running: false
		})),
		startRun: enqueueActions(({ context, enqueue }) => {
			const event = runEvent(context);
			if (!event) return;
			enqueue.assign({ running: true });
			enqueue.raise(event);
		}),
		continueRun: enqueueActions(({ context, enqueue }) => {
			const event = context.running ? runEvent(context) : null;
			if (event) enqueue.raise(event);
			else if (context.running) enqueue.assign({ running: false });
		})
	}
}).createMachine({
	id: 'attempt',
	context: ({ input }) => ({
		...startWalk(input.scenario, input.attempt),
		history: [],
		running: false
	}),
	initial: 'idle',
	on: {
		'step.back': POSITIONS.map((to) => ({
			guard: { type: 'backTo' as const, params: { to } },
			target: STATE_ID[to],
			actions: 'back' as const
		})),
		'run.toEnd': { guard: 'canRun', actions: 'startRun' },
		reset: { target: '.idle', actions: 'reset' }
	},
	states: {
		idle: { entry: 'continueRun', on: { 'step.next': go('blocked', 'preconditions') } },
		preconditions: { entry: 'continueRun', on: { 'step.next': go('blocked', 'outbound') } },
		outbound: { entry: 'continueRun', on: { 'step.next': go('blocked', 'inbound') } },
		inbound: {
			entry: 'continueRun',
			on: { 'step.next': go('blocked', 'homeMfaChallenge', 'conditionalAccess') }
		},
		conditionalAccess: {
			initial: 'passed',
			states: {
				homeMfaChallenge: {
					entry: 'continueRun',
					on: {
						'mfa.complete': go('blocked', 'conditionalAccess'),
						'mfa.fail': go('blocked')
					}
				},
				passed: {
					entry: 'continueRun',
					on: { 'step.next': go('blocked', 'consentPrompt', 'consent') }
				}
			}
		},
		consent: {
			initial: 'passed',
			states: {
				prompt: {
					entry: 'continueRun',
					on: {
						'consent.accept': go('blocked', 'consent'),
						'consent.decline': go('blocked')
					}
				},
				passed: { entry: 'continueRun', on: { 'step.next': go('tokenIssued') } }
			}
		},
		tokenIssued: { entry: 'continueRun' },
		blocked: { entry: 'continueRun' }
	}
});
