import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AttemptResult } from '../src/lib/domain/engine/index.ts';
import {
	exitCodeFor,
	formatSummary,
	meetsExpectation,
	parseArgs,
	runCheck,
	verdictWords,
	type CheckRow
} from './check-run.ts';

const example1 = readFileSync(
	new URL('../src/lib/examples/example-1-fabrikam-all-users.json', import.meta.url),
	'utf8'
);

function row(fields: Partial<CheckRow>): CheckRow {
	return {
		name: 'a',
		outcome: 'granted',
		step: null,
		errorCode: 0,
		consentPrompted: false,
		expectMet: null,
		trace: [],
		...fields
	};
}

describe('parseArgs', () => {
	it.each([
		[['f.json'], { kind: 'run', file: 'f.json', json: false }],
		[['--json', 'f.json'], { kind: 'run', file: 'f.json', json: true }],
		[['f.json', '--json'], { kind: 'run', file: 'f.json', json: true }],
		[['--', '--odd-name.json'], { kind: 'run', file: '--odd-name.json', json: false }],
		[['--help'], { kind: 'help' }],
		[[], { kind: 'usage', message: 'no scenario file given' }],
		[['a.json', 'b.json'], { kind: 'usage', message: 'one scenario file at a time (got 2)' }],
		[['--jsn', 'a.json'], { kind: 'usage', message: 'unknown option --jsn' }]
	])('%j', (argv, expected) => {
		expect(parseArgs(argv)).toEqual(expected);
	});
});

describe('meeting an expectation', () => {
	const blockedInbound: AttemptResult = {
		outcome: 'blocked',
		step: 'inbound',
		errorCode: 500213,
		consentPrompted: false,
		homeMfaPrompted: false,
		trace: [],
		token: null,
		signIns: []
	};
	it.each([
		['no expect', undefined, null],
		['outcome only', { outcome: 'blocked' }, true],
		['outcome and step', { outcome: 'blocked', step: 'inbound' }, true],
		['another step', { outcome: 'blocked', step: 'outbound' }, false],
		['another outcome', { outcome: 'granted' }, false],
		['consent as given', { outcome: 'blocked', consentPrompted: false }, true],
		['consent differs', { outcome: 'blocked', consentPrompted: true }, false]
	] as const)('%s', (_name, expectation, met) => {
		expect(meetsExpectation(expectation, blockedInbound)).toBe(met);
	});

	it.each([
		[undefined, row({}), 'no expectation'],
		[{ outcome: 'granted' }, row({ expectMet: true }), 'meets expectation'],
		[
			{ outcome: 'blocked', step: 'inbound' },
			row({ expectMet: false }),
			'DIFFERS: expected blocked at inbound, got granted'
		],
		[
			{ outcome: 'granted' },
			row({ outcome: 'blocked', step: 'outbound', errorCode: 500212, expectMet: false }),
			'DIFFERS: expected granted, got blocked at outbound'
		],
		[
			{ outcome: 'granted', consentPrompted: false },
			row({ consentPrompted: true, expectMet: false }),
			'DIFFERS: expected granted (no consent prompt), got granted (consent prompted)'
		]
	] as const)('words for %j', (expectation, r, words) => {
		expect(verdictWords(expectation, r)).toBe(words);
	});
});

describe('summary and exit code', () => {
	it('counts outcomes and verdicts; any difference exits 1', () => {
		const rows = [
			row({ expectMet: true }),
			row({ outcome: 'blocked', step: 'inbound', expectMet: false }),
			row({})
		];
		expect(formatSummary(rows)).toBe(
			'3 attempts (2 granted, 1 blocked): 1 met, 1 differs, 1 without expectation'
		);
		expect(exitCodeFor(rows)).toBe(1);
		expect(exitCodeFor([row({}), row({ expectMet: true })])).toBe(0);
		expect(exitCodeFor([])).toBe(0);
	});

	it('a scenario without attempts passes with a note', () => {
		const doc = JSON.parse(example1) as Record<string, unknown>;
		delete doc.attempts;
		const out = runCheck('x.json', JSON.stringify(doc), false);
		expect(out).toEqual({ stdout: 'x.json: no attempts to check\n', stderr: '', code: 0 });
		expect(runCheck('x.json', JSON.stringify(doc), true).stdout).toBe('[]\n');
	});

	it('an invalid file exits 2 with its errors on stderr, in --json mode too', () => {
		const out = runCheck('x.json', '{"format":"trustwalk/scenario","version":1}', true);
		expect(out.code).toBe(2);
		expect(out.stdout).toBe('');
		expect(out.stderr).toMatch(/^x\.json is not a valid trustwalk scenario:\nname: /);
		expect(out.stderr).toContain('\ntenants: ');
	});
});
