// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../domain/parse.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import { attemptMachine } from './attempt-machine.ts';
import { ReactiveActor } from './reactive-actor.svelte.ts';

describe('ReactiveActor', () => {
	it('an effect reading the snapshot re-runs on every machine step', () => {
		const parsed = parseScenario(example1);
		if (!parsed.ok) throw new Error('example 1 must parse');
		const attempt = parsed.scenario.attempts?.[0];
		if (!attempt) throw new Error('example 1 has attempts');
		const actor = new ReactiveActor(attemptMachine, {
			input: { scenario: parsed.scenario, attempt }
		});
		const seen: unknown[] = [];
		const cleanup = $effect.root(() => {
			$effect(() => {
				seen.push(actor.snapshot.value);
			});
		});
		flushSync();
		actor.send({ type: 'step.next' });
		flushSync();
		actor.send({ type: 'step.next' });
		flushSync();
		expect(seen).toEqual(['idle', 'preconditions', 'outbound']);
		cleanup();
		actor.stop();
	});
});
