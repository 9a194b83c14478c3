// Sums the Vitest and Playwright JSON reports into the one closing line CI reads: `N passed, N failed`.
// Exits non-zero when a report is missing, a test failed, or no test ran at all.
import { readFileSync } from 'node:fs';

/** @param {string} path @returns {any} the parsed report, or null when there is none */
function readReport(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		console.error(`${path} is missing or unreadable: that test runner did not finish.`);
		return null;
	}
}

/** @param {unknown} value */
const count = (value) => (typeof value === 'number' ? value : 0);

let passed = 0;
let failed = 0;

const vitest = readReport('reports/vitest.json');
if (vitest) {
	passed += count(vitest.numPassedTests);
	failed += count(vitest.numFailedTests);
	// A test file that fails to load has no failed test in it: count the file itself.
	/** @type {{ name?: string, status?: string, assertionResults?: { status?: string }[] }[]} */
	const files = vitest.testResults ?? [];
	for (const file of files) {
		const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
		if (file.status === 'failed' && failedTests.length === 0) {
			console.error(`${file.name ?? 'a test file'} failed outside any test.`);
			failed += 1;
		}
	}
}

const playwright = readReport('reports/playwright.json');
if (playwright) {
	passed += count(playwright.stats?.expected) + count(playwright.stats?.flaky);
	failed += count(playwright.stats?.unexpected);
	// Errors outside tests (a web server that never started, a broken config) fail the run too.
	failed += Array.isArray(playwright.errors) ? playwright.errors.length : 0;
	if (count(playwright.stats?.flaky) > 0)
		console.error(`${playwright.stats.flaky} browser test(s) passed only on a retry.`);
}

if (passed + failed === 0) console.error('No test ran.');
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = !vitest || !playwright || failed > 0 || passed + failed === 0 ? 1 : 0;
