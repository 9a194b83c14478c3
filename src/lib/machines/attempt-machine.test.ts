import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { evaluateAttempt } from '../domain/engine/index.ts';
import { parseScenario } from '../domain/parse.ts';
import type { Attempt, Scenario } from '../domain/schema.ts';
import { scenarioArb } from '../domain/test-fixtures/arbitrary-scenario.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example3 from '../examples/example-3-mfa-trust-and-auto-redemption.json';
import { attemptMachine, type AttemptEvent } from './attempt-machine.ts';

type Snapshot = SnapshotFrom<typeof attemptMachine>;

function load(json: unknown): Scenario {
	const parsed = parseScenario(json);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.scenario;
}

function attemptNamed(scenario: Scenario, name: string): Attempt {
	const found = scenario.attempts?.find((a) => a.name === name);
	if (!found) throw new Error(`no attempt ${name}`);
	return found;
}

function start(scenario: Scenario, attempt: Attempt): Snapshot {
	return initialTransition(attemptMachine, { scenario, attempt })[0];
}

function send(snapshot: Snapshot, ...events: AttemptEvent['type'][]): Snapshot {
	return events.reduce((s, type) => transition(attemptMachine, s, { type })[0], snapshot);
}

/** Steps like a user would: Step, and at a question the attempt's own answer. */
function walkByHand(snapshot: Snapshot): Snapshot {
	let s = snapshot;
	for (let i = 0; i < 20 && !s.context.result; i++) {
		const { answers } = s.context.attempt;
		if (s.matches({ conditionalAccess: 'homeMfaChallenge' }))
			s = send(s, answers?.homeMfa === 'fail' ? 'mfa.fail' : 'mfa.complete');
		else if (s.matches({ consent: 'prompt' }))
			s = send(s, answers?.consent === 'decline' ? 'consent.decline' : 'consent.accept');
		else s = send(s, 'step.next');
	}
	return s;
}

const ex1 = load(example1);
const ex3 = load(example3);

describe('attempt machine', () => {
	it('S1-S6: steps idle → preconditions → outbound → inbound → conditional access → consent prompt', () => {
		const attempt = attemptNamed(ex1, 'Fabrikam user opens a Contoso shared channel');
		const seen: unknown[] = [];
		let s = start(ex1, attempt);
		seen.push(s.value);
		for (let i = 0; i < 5; i++) {
			s = send(s, 'step.next');
			seen.push(s.value);
		}
		expect(seen).toEqual([
			'idle',
			'preconditions',
			'outbound',
			'inbound',
			{ conditionalAccess: 'passed' },
			{ consent: 'prompt' }
		]);
		expect(s.context.waiting?.wait).toBe('consent');
		s = send(s, 'consent.accept', 'step.next');
		expect(s.value).toBe('tokenIssued');
		expect(s.context.result?.token?.lifetimeSeconds).toBe(3600);
	});

	it('step.back returns to the previous step exactly as it was', () => {
		const attempt = attemptNamed(ex1, 'Fabrikam user opens a Contoso shared channel');
		const before = send(start(ex1, attempt), 'step.next', 'step.next', 'step.next');
		const after = send(before, 'step.next', 'step.back');
		expect(after.value).toEqual(before.value);
		expect(after.context).toEqual(before.context);
		expect(send(after, 'step.back', 'step.back', 'step.back').value).toBe('idle');
	});

	it('step.back from a finished attempt reopens the last question', () => {
		const attempt = attemptNamed(ex1, 'Consent declined');
		const done = walkByHand(start(ex1, attempt));
		expect(done.value).toBe('blocked');
		const back = send(done, 'step.back');
		expect(back.value).toEqual({ consent: 'prompt' });
		expect(back.context.result).toBeNull();
		expect(send(back, 'consent.accept', 'step.next').value).toBe('tokenIssued');
	});

	it('S4/A7: declining consent blocks at the consent step', () => {
		const attempt = attemptNamed(ex1, 'Fabrikam user opens a Contoso shared channel');
		const s = send(
			start(ex1, attempt),
			'step.next',
			'step.next',
			'step.next',
			'step.next',
			'step.next',
			'consent.decline'
		);
		expect(s.value).toBe('blocked');
		expect(s.context.result).toMatchObject({
			outcome: 'blocked',
			step: 'consent',
			errorCode: null,
			consentPrompted: true
		});
	});

	it('S3/A5: the home MFA challenge waits for mfa.complete or mfa.fail', () => {
		const attempt = attemptNamed(ex3, 'No MFA yet: challenged at home, completes it');
		const waiting = send(start(ex3, attempt), 'step.next', 'step.next', 'step.next', 'step.next');
		expect(waiting.value).toEqual({ conditionalAccess: 'homeMfaChallenge' });
		expect(send(waiting, 'step.next').value).toEqual({ conditionalAccess: 'homeMfaChallenge' });
		expect(send(waiting, 'mfa.complete').value).toEqual({ conditionalAccess: 'passed' });
		const failed = send(waiting, 'mfa.fail');
		expect(failed.value).toBe('blocked');
		expect(failed.context.result?.errorCode).toBe(53003);
	});

	it('run.toEnd answers with the attempt’s answers and can be undone one step at a time', () => {
		const attempt = attemptNamed(ex3, 'No MFA yet: challenged at home, gives up');
		const s = send(start(ex3, attempt), 'step.next', 'run.toEnd');
		expect(s.value).toBe('blocked');
		expect(s.context.running).toBe(false);
		expect(send(s, 'step.back').value).toEqual({ conditionalAccess: 'homeMfaChallenge' });
	});

	it('reset returns to idle with an empty trace', () => {
		const attempt = attemptNamed(ex1, 'Northwind user knocks on Contoso');
		const s = send(start(ex1, attempt), 'run.toEnd', 'reset');
		expect(s.value).toBe('idle');
		expect(s.context.trace).toEqual([]);
		expect(s.context.history).toEqual([]);
	});

	it('every example attempt ends where the engine says', () => {
		for (const scenario of [ex1, ex3]) {
			for (const attempt of scenario.attempts ?? []) {
				const s = send(start(scenario, attempt), 'run.toEnd');
				expect(s.context.result, attempt.name).toEqual(evaluateAttempt(scenario, attempt));
			}
		}
	});

	it('property: for random scenarios the machine gives the engine’s outcome, step and trace', () => {
		fc.assert(
			fc.property(scenarioArb, fc.array(fc.boolean(), { maxLength: 12 }), (scenario, backs) => {
				expect(parseScenario(scenario).ok).toBe(true);
				for (const attempt of scenario.attempts ?? []) {
					const engine = evaluateAttempt(scenario, attempt);
					expect(send(start(scenario, attempt), 'run.toEnd').context.result).toEqual(engine);
					// Stepping by hand with Back pressed at random points ends in the same place.
					let s = start(scenario, attempt);
					for (const back of backs) s = back ? send(s, 'step.back') : walkOne(s);
					expect(walkByHand(s).context.result).toEqual(engine);
				}
			}),
			{ numRuns: 300 }
		);
	});
});

function walkOne(s: Snapshot): Snapshot {
	const { answers } = s.context.attempt;
	if (s.matches({ conditionalAccess: 'homeMfaChallenge' }))
		return send(s, answers?.homeMfa === 'fail' ? 'mfa.fail' : 'mfa.complete');
	if (s.matches({ consent: 'prompt' }))
		return send(s, answers?.consent === 'decline' ? 'consent.decline' : 'consent.accept');
	return send(s, 'step.next');
}
