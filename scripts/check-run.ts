/**
 * The logic of `npm run check -- FILE [--json]` (SCENARIO-FORMAT.md), free of process and file I/O so
 * it can be tested in-process: arguments in, a parsed scenario evaluated into rows, rows into lines,
 * and the exit code (0 every expectation met, 1 some differ, 2 the file could not be checked).
 */
import { evaluateAttempt } from '../src/lib/domain/engine/index.ts';
import type { AttemptResult, BlockStepId, TraceStep } from '../src/lib/domain/engine/index.ts';
import { meetsExpectation } from '../src/lib/domain/expectation.ts';
import { formatErrors, parseScenario } from '../src/lib/domain/parse.ts';
import type { Expectation, Scenario } from '../src/lib/domain/schema.ts';

// The one definition of meeting `expect` (outcome equal; step and consentPrompted where given),
// shared with the app so the CLI and the UI cannot disagree.
export { meetsExpectation };

export const USAGE = 'usage: npm run check -- FILE [--json]';

export const EXIT_OK = 0;
export const EXIT_DIFFERS = 1;
export const EXIT_INVALID = 2;

export type CheckArgs =
	| { kind: 'run'; file: string; json: boolean }
	| { kind: 'help' }
	| { kind: 'usage'; message: string };

/** Reads `FILE [--json]` (in any order); anything else is a usage error. */
export function parseArgs(argv: readonly string[]): CheckArgs {
	let json = false;
	const files: string[] = [];
	let optionsDone = false;
	for (const arg of argv) {
		if (!optionsDone && arg === '--') optionsDone = true;
		else if (!optionsDone && arg === '--json') json = true;
		else if (!optionsDone && (arg === '--help' || arg === '-h')) return { kind: 'help' };
		else if (!optionsDone && arg.startsWith('-') && arg !== '-')
			return { kind: 'usage', message: `unknown option ${arg}` };
		else files.push(arg);
	}
	if (files.length === 0) return { kind: 'usage', message: 'no scenario file given' };
	if (files.length > 1)
		return { kind: 'usage', message: `one scenario file at a time (got ${files.length})` };
	return { kind: 'run', file: files[0] as string, json };
}

/** One attempt's result, in the shape `--json` prints (SCENARIO-FORMAT.md). */
export interface CheckRow {
	name: string;
	outcome: AttemptResult['outcome'];
	step: BlockStepId | null;
	errorCode: number | null;
	consentPrompted: boolean;
	expectMet: boolean | null;
	trace: TraceStep[];
}

/** Evaluates every attempt of the scenario, in file order. */
export function checkScenario(scenario: Scenario): CheckRow[] {
	return (scenario.attempts ?? []).map((attempt) => {
		const result = evaluateAttempt(scenario, attempt);
		return {
			name: attempt.name,
			outcome: result.outcome,
			step: result.step,
			errorCode: result.errorCode,
			consentPrompted: result.consentPrompted,
			expectMet: meetsExpectation(attempt.expect, result),
			trace: result.trace
		};
	});
}

function consentWords(prompted: boolean): string {
	return prompted ? 'consent prompted' : 'no consent prompt';
}

/** "blocked at inbound (no consent prompt)": the parts of an outcome an expectation speaks about. */
function outcomeWords(
	outcome: string,
	step: string | null | undefined,
	consent: boolean | undefined
): string {
	const at = step ? ` at ${step}` : '';
	return consent === undefined ? `${outcome}${at}` : `${outcome}${at} (${consentWords(consent)})`;
}

/** `meets expectation`, `no expectation` or `DIFFERS: expected blocked at inbound, got granted`. */
export function verdictWords(expectation: Expectation | undefined, row: CheckRow): string {
	if (!expectation || row.expectMet === null) return 'no expectation';
	if (row.expectMet) return 'meets expectation';
	const gotStep = row.outcome === 'blocked' ? row.step : null;
	const consent = expectation.consentPrompted === undefined ? undefined : row.consentPrompted;
	return `DIFFERS: expected ${outcomeWords(expectation.outcome, expectation.step, expectation.consentPrompted)}, got ${outcomeWords(row.outcome, gotStep, consent)}`;
}

function codeWords(row: CheckRow): string {
	return row.errorCode === null ? 'no error code' : `code ${row.errorCode}`;
}

/** One line per attempt: name, outcome, step, error code, verdict. */
export function formatRow(row: CheckRow, expectation: Expectation | undefined): string {
	const what = row.step ? `${row.outcome} at ${row.step}` : row.outcome;
	const mark = row.expectMet === false ? '✗' : row.expectMet ? '✓' : '·';
	return `${mark} ${row.name}: ${what}, ${codeWords(row)}; ${verdictWords(expectation, row)}`;
}

export function formatSummary(rows: readonly CheckRow[]): string {
	if (rows.length === 0) return 'no attempts to check';
	const granted = rows.filter((r) => r.outcome === 'granted').length;
	const met = rows.filter((r) => r.expectMet === true).length;
	const differ = rows.filter((r) => r.expectMet === false).length;
	const none = rows.filter((r) => r.expectMet === null).length;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const parts = [`${met} met`, `${differ} differ${differ === 1 ? 's' : ''}`];
	if (none > 0) parts.push(`${none} without expectation`);
	return `${plural(rows.length, 'attempt')} (${granted} granted, ${rows.length - granted} blocked): ${parts.join(', ')}`;
}

export function exitCodeFor(rows: readonly CheckRow[]): number {
	return rows.some((r) => r.expectMet === false) ? EXIT_DIFFERS : EXIT_OK;
}

export interface CheckOutput {
	stdout: string;
	stderr: string;
	code: number;
}

/** The whole check of one file's text; `label` is how the file is named in messages. */
export function runCheck(label: string, text: string, json: boolean): CheckOutput {
	const parsed = parseScenario(text);
	if (!parsed.ok)
		return {
			stdout: '',
			stderr: `${label} is not a valid trustwalk scenario:\n${formatErrors(parsed.errors)}\n`,
			code: EXIT_INVALID
		};
	const rows = checkScenario(parsed.scenario);
	const code = exitCodeFor(rows);
	if (json) return { stdout: `${JSON.stringify(rows, null, 2)}\n`, stderr: '', code };
	const attempts = parsed.scenario.attempts ?? [];
	const lines = rows.map((row, i) => formatRow(row, attempts[i]?.expect));
	lines.push(`${label}: ${formatSummary(rows)}`);
	return { stdout: `${lines.join('\n')}\n`, stderr: '', code };
}
