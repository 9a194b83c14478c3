/**
 * `npm run bench [-- --sizes 10,50,100]`: evaluates the full access matrix of generated full-mesh
 * scenarios (every user of every tenant into every other tenant, for Teams) and prints the figures.
 * It prints only; nothing here asserts timing.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createDecider, evaluateAttempt, type Decision } from '../src/lib/domain/engine/index.ts';
import { formatErrors, parseScenario } from '../src/lib/domain/parse.ts';
import type { Attempt, Scenario } from '../src/lib/domain/schema.ts';
import { generateMesh } from './generate-mesh.ts';

const USERS_PER_TENANT = 50;
const GOAL_TENANTS = 100;
const GOAL_MS = 2000;
const SAMPLE_EVERY = 10_000;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function parseSizes(argv: readonly string[]): number[] {
	const at = argv.indexOf('--sizes');
	if (at === -1) return [10, 50, GOAL_TENANTS];
	const sizes = (argv[at + 1] ?? '').split(',').map(Number);
	if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 2)) {
		console.error('usage: npm run bench [-- --sizes 10,50,100]  (each size a whole number >= 2)');
		process.exit(2);
	}
	return sizes;
}

interface Peak {
	rss: number;
	heapUsed: number;
}

function sample(peak: Peak): void {
	const m = process.memoryUsage();
	if (m.rss > peak.rss) peak.rss = m.rss;
	if (m.heapUsed > peak.heapUsed) peak.heapUsed = m.heapUsed;
}

interface MatrixResult {
	attempts: number;
	ms: number;
	/** CPU time of this process (user + system); less sensitive than `ms` to other jobs on the machine. */
	cpuMs: number;
	granted: number;
	blockedBy: Map<string, number>;
	consentPrompts: number;
	homeMfaChallenges: number;
}

/**
 * Every user of every tenant into every other tenant, for Teams; counts only, keeps no results.
 * `judge` is the outcome-only decider (what the matrix view uses) or the full `evaluateAttempt`.
 */
function evaluateMatrix(
	scenario: Scenario,
	peak: Peak,
	judge: (attempt: Attempt) => Decision
): MatrixResult {
	const blockedBy = new Map<string, number>();
	let attempts = 0;
	let granted = 0;
	let consentPrompts = 0;
	let homeMfaChallenges = 0;
	const cpuStart = process.cpuUsage();
	const start = performance.now();
	for (const home of scenario.tenants) {
		for (const user of home.users) {
			for (const resource of scenario.tenants) {
				if (resource === home) continue;
				const attempt: Attempt = {
					name: 'bench',
					user: user.id,
					resourceTenant: resource.tenantId,
					application: 'Office365'
				};
				const result = judge(attempt);
				attempts++;
				if (result.outcome === 'granted') granted++;
				else blockedBy.set(String(result.step), (blockedBy.get(String(result.step)) ?? 0) + 1);
				if (result.consentPrompted) consentPrompts++;
				if (result.homeMfaPrompted) homeMfaChallenges++;
				if (attempts % SAMPLE_EVERY === 0) sample(peak);
			}
		}
	}
	const ms = performance.now() - start;
	const cpu = process.cpuUsage(cpuStart);
	sample(peak);
	return {
		attempts,
		ms,
		cpuMs: (cpu.user + cpu.system) / 1000,
		granted,
		blockedBy,
		consentPrompts,
		homeMfaChallenges
	};
}

function runSize(tenants: number): number {
	const peak: Peak = { rss: 0, heapUsed: 0 };
	sample(peak);
	let t = performance.now();
	const generated = generateMesh({ tenants, usersPerTenant: USERS_PER_TENANT });
	const generateMs = performance.now() - t;
	const jsonBytes = Buffer.byteLength(JSON.stringify(generated));
	t = performance.now();
	const parsed = parseScenario(generated);
	const validateMs = performance.now() - t;
	if (!parsed.ok) {
		console.error(
			`the generated ${tenants}-tenant scenario is invalid:\n${formatErrors(parsed.errors)}`
		);
		process.exit(1);
	}
	sample(peak);
	console.log(
		`\n${tenants} tenants x ${USERS_PER_TENANT} users x ${tenants - 1} resource tenants (Teams)`
	);
	console.log(
		`  scenario: generated in ${fmt(generateMs)} ms, ${mb(jsonBytes)} of JSON, parseScenario ${fmt(validateMs)} ms (valid)`
	);
	const scenario = parsed.scenario;
	const matrix = evaluateMatrix(scenario, peak, createDecider(scenario));
	report('matrix (outcome-only decider)', matrix);
	const full = evaluateMatrix(scenario, peak, (a) => evaluateAttempt(scenario, a));
	report('full explanations (evaluateAttempt)', full);
	if (full.granted !== matrix.granted) {
		console.error('  the decider and evaluateAttempt disagree: this is a bug');
		process.exit(1);
	}
	console.log(`  peak RSS ${mb(peak.rss)}, peak heap used ${mb(peak.heapUsed)}`);
	return matrix.ms;
}

function report(label: string, m: MatrixResult): void {
	const blocked = m.attempts - m.granted;
	const steps = ['outbound', 'inbound', 'conditionalAccess', 'consent', 'preconditions']
		.filter((s) => m.blockedBy.has(s))
		.map((s) => `${s} ${fmt(m.blockedBy.get(s) ?? 0)}`)
		.join(', ');
	const perAttemptUs = ((m.ms * 1000) / m.attempts).toFixed(2);
	console.log(
		`  ${label}: ${fmt(m.attempts)} attempts in ${fmt(m.ms)} ms (CPU ${fmt(m.cpuMs)} ms), ${fmt(m.attempts / (m.ms / 1000))} attempts/s, ${perAttemptUs} µs each`
	);
	console.log(
		`    granted ${fmt(m.granted)}, blocked ${fmt(blocked)} (${steps}); consent prompts ${fmt(m.consentPrompts)}, home MFA challenges ${fmt(m.homeMfaChallenges)}`
	);
}

const sizes = parseSizes(process.argv.slice(2));
const load = loadavg()
	.map((l) => l.toFixed(2))
	.join(' ');
console.log(
	`trustwalk bench: Node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} CPUs, load average ${load}`
);
let goalMs: number | null = null;
for (const size of sizes) {
	const ms = runSize(size);
	if (size === GOAL_TENANTS) goalMs = ms;
}
console.log(
	goalMs === null
		? `\ngoal: ${GOAL_TENANTS}-tenant matrix under ${GOAL_MS / 1000} s: not measured (no ${GOAL_TENANTS}-tenant run)`
		: `\ngoal: ${GOAL_TENANTS}-tenant matrix under ${GOAL_MS / 1000} s: ${goalMs < GOAL_MS ? 'met' : 'not met'} (${fmt(goalMs)} ms)`
);
await (await import('./bench-links.ts')).runLinkBench();
