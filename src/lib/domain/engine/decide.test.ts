import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from '../test-fixtures/arbitrary-scenario.ts';
import { createDecider, evaluateAttempt } from './index.ts';

describe('outcome-only decider', () => {
	it('property: gives evaluateAttempt’s outcome, step, error code and prompts for random scenarios', () => {
		fc.assert(
			fc.property(scenarioArb, (scenario) => {
				const decide = createDecider(scenario);
				for (const attempt of scenario.attempts ?? []) {
					const full = evaluateAttempt(scenario, attempt);
					// Twice, so a cached pair must give the same answer as a fresh one.
					for (let i = 0; i < 2; i++)
						expect(decide(attempt)).toEqual({
							outcome: full.outcome,
							step: full.step,
							errorCode: full.errorCode,
							consentPrompted: full.consentPrompted,
							homeMfaPrompted: full.homeMfaPrompted
						});
				}
			}),
			{ numRuns: 400 }
		);
	});
});
