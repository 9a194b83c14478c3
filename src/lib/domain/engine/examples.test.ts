import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatErrors, parseScenario } from '../parse.ts';
import type { Attempt, Scenario } from '../schema.ts';
import { evaluateAttempt } from './index.ts';

const EXAMPLES_DIR = new URL('../../examples/', import.meta.url);

function loadExample(file: string): Scenario {
	const parsed = parseScenario(readFileSync(new URL(file, EXAMPLES_DIR), 'utf8'));
	if (!parsed.ok) throw new Error(`${file} does not parse:\n${formatErrors(parsed.errors)}`);
	return parsed.scenario;
}

const FILES = readdirSync(EXAMPLES_DIR)
	.filter((f) => f.endsWith('.json'))
	.sort();

const ATTEMPTS: { file: string; name: string; scenario: Scenario; attempt: Attempt }[] =
	FILES.flatMap((file) => {
		const scenario = loadExample(file);
		return (scenario.attempts ?? []).map((attempt) => ({
			file,
			name: attempt.name,
			scenario,
			attempt
		}));
	});

describe('examples in src/lib/examples', () => {
	it('S0-S6: the three example files are present, parse and have attempts with expectations', () => {
		expect(FILES).toHaveLength(3);
		for (const file of FILES) {
			const attempts = loadExample(file).attempts ?? [];
			expect(attempts.length).toBeGreaterThan(0);
			expect(attempts.every((a) => a.expect !== undefined)).toBe(true);
		}
	});

	for (const testCase of ATTEMPTS) {
		it(`S0-S6 ${testCase.file}: ${testCase.name} meets its expectation`, () => {
			const { scenario, attempt } = testCase;
			const expected = attempt.expect;
			expect(expected).toBeDefined();
			if (!expected) return;
			const result = evaluateAttempt(scenario, attempt);
			expect(result.outcome).toBe(expected.outcome);
			if (expected.step !== undefined) expect(result.step).toBe(expected.step);
			if (expected.consentPrompted !== undefined)
				expect(result.consentPrompted).toBe(expected.consentPrompted);
		});
	}

	for (const testCase of ATTEMPTS) {
		it(`S0-S6 ${testCase.file}: ${testCase.name} has a trace with a message and rule IDs on every step`, () => {
			const { scenario, attempt } = testCase;
			const result = evaluateAttempt(scenario, attempt);
			for (const step of result.trace) {
				expect(step.message.trim()).not.toBe('');
				expect(step.rules.some((r) => /^[RMSVA]\d+$/.test(r))).toBe(true);
				if (
					step.outcome === 'failed' &&
					(step.step === 'outbound' || step.step === 'inbound' || step.step === 'conditionalAccess')
				)
					expect(step.settingPath).toBeTruthy();
			}
			if (result.trace.some((s) => s.step === 'preconditions' && s.outcome === 'passed'))
				expect(result.signIns).toHaveLength(2);
		});
	}
});
