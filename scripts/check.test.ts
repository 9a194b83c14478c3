/**
 * `npm run check` end to end: each case spawns the real CLI (about half a second each), so the cases
 * run concurrently and the finer points are tested in-process in check-run.test.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const EXAMPLES = 'src/lib/examples';
const example1Path = `${EXAMPLES}/example-1-fabrikam-all-users.json`;
const example1Text = readFileSync(join(root, example1Path), 'utf8');

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs `tsx scripts/check.ts ...args` from the repository root, never rejecting. */
function runCli(...args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		execFile(tsx, ['scripts/check.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
			resolve({ code, stdout, stderr });
		});
	});
}

const tmp = mkdtempSync(join(tmpdir(), 'trustwalk-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes example 1, changed by `edit`, to a temp file and returns its path. */
function variant(name: string, edit: (doc: Record<string, unknown>) => void): string {
	const doc = JSON.parse(example1Text) as Record<string, unknown>;
	edit(doc);
	const file = join(tmp, `${name}.json`);
	writeFileSync(file, JSON.stringify(doc));
	return file;
}

function firstAttempt(doc: Record<string, unknown>): Record<string, unknown> {
	return (doc.attempts as Record<string, unknown>[])[0] as Record<string, unknown>;
}

const STACK_LINE = /^\s+at /m;
const TIMEOUT = 30_000;

describe.concurrent('npm run check', () => {
	// Example 1 exits 0 in the --json case below; one spawn fewer.
	it.each([
		['example-2-fabrikam-marketing-only.json', 3],
		['example-3-mfa-trust-and-auto-redemption.json', 4]
	])(
		'exit 0: %s meets every expectation',
		async (file, attempts) => {
			const run = await runCli(`${EXAMPLES}/${file}`);
			expect(run.stderr).toBe('');
			const lines = run.stdout.trimEnd().split('\n');
			expect(lines).toHaveLength(attempts + 1);
			for (const line of lines.slice(0, -1)) expect(line).toMatch(/meets expectation$/);
			expect(lines.at(-1)).toContain(`${attempts} met, 0 differ`);
			expect(run.code).toBe(0);
		},
		TIMEOUT
	);

	it(
		'exit 0: --json prints example 1 as one element per attempt, in file order',
		async () => {
			const run = await runCli(example1Path, '--json');
			expect(run.code).toBe(0);
			const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
			expect(rows).toHaveLength(6);
			for (const row of rows) {
				expect(Object.keys(row).sort()).toEqual(
					['consentPrompted', 'errorCode', 'expectMet', 'name', 'outcome', 'step', 'trace'].sort()
				);
				expect(Array.isArray(row.trace) && row.trace.length > 0).toBe(true);
			}
			expect(rows.map((r) => [r.outcome, r.step, r.errorCode, r.expectMet])).toEqual([
				['granted', null, 0, true],
				['granted', null, 0, true],
				['blocked', 'consent', null, true],
				['granted', null, 0, true],
				['blocked', 'inbound', 500213, true],
				['blocked', 'outbound', 500212, true]
			]);
			expect(rows[0]).toMatchObject({
				name: 'Fabrikam user opens a Contoso shared channel',
				consentPrompted: true
			});
		},
		TIMEOUT
	);

	it(
		'exit 1: an attempt does not meet its expectation',
		async () => {
			const file = variant('wrong-expect', (doc) => {
				firstAttempt(doc).expect = { outcome: 'blocked', step: 'inbound' };
			});
			const run = await runCli(file);
			expect(run.code).toBe(1);
			expect(run.stdout).toContain(
				'Fabrikam user opens a Contoso shared channel: granted, code 0; DIFFERS: expected blocked at inbound, got granted'
			);
			expect(run.stdout).toContain('5 met, 1 differs');
		},
		TIMEOUT
	);

	const malformed: [string, () => string, string[]][] = [
		[
			'truncated JSON',
			() => {
				const file = join(tmp, 'truncated.json');
				writeFileSync(file, example1Text.slice(0, 300));
				return file;
			},
			['(document): the file is not valid JSON']
		],
		[
			'wrong format',
			() => variant('wrong-format', (doc) => (doc.format = 'trustwalk/playground')),
			['format: expected "trustwalk/scenario"', '"trustwalk/playground"']
		],
		[
			'newer version',
			() => variant('newer-version', (doc) => (doc.version = 2)),
			['version: this scenario was written in format version 2, by a newer trustwalk']
		],
		[
			'unknown top-level property',
			() => variant('unknown-property', (doc) => (doc.colour = 'blue')),
			['colour: unknown property']
		],
		[
			'an attempt names a user that does not exist',
			() => variant('missing-user', (doc) => (firstAttempt(doc).user = 'nobody@fabrikam.com')),
			['attempts[0].user: ', 'no user "nobody@fabrikam.com"']
		],
		[
			'missing file',
			() => join(tmp, 'does-not-exist.json'),
			['cannot read ', 'does-not-exist.json: no such file']
		]
	];

	it.each(malformed)(
		'exit 2: %s',
		async (_name, makeFile, fragments) => {
			const file = makeFile();
			const run = await runCli(file);
			expect(run.code).toBe(2);
			expect(run.stdout).toBe('');
			expect(run.stderr).toContain(file);
			if (!file.endsWith('does-not-exist.json'))
				expect(run.stderr.split('\n')[0]).toBe(`${file} is not a valid trustwalk scenario:`);
			for (const fragment of fragments) expect(run.stderr).toContain(fragment);
			expect(run.stderr).not.toMatch(STACK_LINE);
		},
		TIMEOUT
	);
});
