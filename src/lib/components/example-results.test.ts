import { describe, expect, it } from 'vitest';
import type { AttemptResult } from '$lib/domain/engine/index.ts';
import {
	blockedAt,
	builtInExamples,
	evaluateExample,
	meetsExpectation
} from './example-results.ts';

const blocked = (fields: Partial<AttemptResult>) =>
	({ outcome: 'blocked', consentPrompted: false, ...fields }) as AttemptResult;

describe('example results for the first page', () => {
	it('reads every built-in example, and each attempt meets its expectation', () => {
		const reports = builtInExamples();
		expect(reports).toHaveLength(3);
		for (const report of reports) {
			expect(report.ok, report.file).toBe(true);
			if (!report.ok) continue;
			for (const item of report.attempts)
				expect(item.meetsExpectation, item.attempt.name).not.toBe(false);
		}
	});

	it('turns a broken file into its errors with paths, named after the file when it has no name', () => {
		const report = evaluateExample('broken.json', { format: 'trustwalk/scenario', version: 1 });
		expect(report.ok).toBe(false);
		expect(report.name).toBe('broken.json');
		if (report.ok) return;
		expect(report.errors.map((e) => e.path)).toContain('name');
	});

	it('names where an attempt was blocked, with the code written the way Entra shows it', () => {
		expect(blockedAt(blocked({ step: 'inbound', errorCode: 500213 }))).toBe(
			'at inbound · AADSTS500213'
		);
		expect(blockedAt(blocked({ step: 'conditionalAccess', errorCode: 53003 }))).toBe(
			'at Conditional Access · error 53003'
		);
		expect(blockedAt(blocked({ step: 'consent', errorCode: null }))).toBe('at consent');
		expect(blockedAt(blocked({ outcome: 'granted', step: null, errorCode: 0 }))).toBeNull();
	});

	it('compares only the fields an expectation names', () => {
		const result = blocked({ step: 'outbound', errorCode: 500212 });
		expect(meetsExpectation(undefined, result)).toBeNull();
		expect(meetsExpectation({ outcome: 'blocked' }, result)).toBe(true);
		expect(meetsExpectation({ outcome: 'blocked', step: 'inbound' }, result)).toBe(false);
		expect(meetsExpectation({ outcome: 'blocked', consentPrompted: true }, result)).toBe(false);
		expect(meetsExpectation({ outcome: 'granted' }, result)).toBe(false);
	});
});
