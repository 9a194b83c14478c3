/**
 * `npm run build && npm run bench:ui [-- --runs 5]`: measures the built app in Chromium and prints
 * (a) the gzip size of all JavaScript the first view loads (goal <= 200 kB) and (b) the time from
 * navigation start until the trust graph is interactive: the first `.svelte-flow__node` visible and
 * the page idle after it (median of the runs, goal < 1 s). It builds nothing: it serves what
 * `npm run build` left in `build/` (or TRUSTWALK_BUILD_DIR) with scripts/serve.js on a free port.
 * Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own. It prints only; nothing
 * here asserts.
 */
import type { Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort, launchChromium, parseRuns, serveBuild } from './local-server.ts';

const GOAL_GZIP_BYTES = 200_000;
const GOAL_INTERACTIVE_MS = 1000;

interface Run {
	/** Navigation start to the first graph node visible, in ms. */
	visible: number;
	/** Navigation start to the first idle period after that, in ms. */
	interactive: number;
	scripts: { url: string; raw: number; gzip: number }[];
}

/**
 * Runs in the page before any of its scripts: notes when the graph shows and when the page idles.
 * A string, not a function: tsx would wrap a function's inner helpers in `__name(...)` calls that do
 * not exist in the page.
 */
const WATCH_GRAPH = `{
	const marks = (window.__benchUi = {});
	const poll = () => {
		const node = document.querySelector('.svelte-flow__node');
		// Svelte Flow keeps nodes hidden until it has measured them.
		if (node && node.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
			marks.visible = performance.now();
			requestIdleCallback(() => (marks.interactive = performance.now()), { timeout: 10000 });
		} else requestAnimationFrame(poll);
	};
	requestAnimationFrame(poll);
}`;

interface BenchWindow {
	__benchUi: { visible: number; interactive: number };
}

async function measure(browser: Browser, url: string): Promise<Run> {
	// A first visit: empty caches, and no service worker competing with the page while it starts.
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.addInitScript({ content: WATCH_GRAPH });
	const bodies = new Map<string, Promise<Buffer>>();
	page.on('response', (response) => {
		const type = response.headers()['content-type'] ?? '';
		if (response.request().resourceType() === 'script' || type.includes('javascript')) {
			if (!bodies.has(response.url())) bodies.set(response.url(), response.body());
		}
	});
	await page.goto(url);
	// Functions, not strings: the app's Content-Security-Policy forbids evaluating strings.
	await page.waitForFunction(() => (window as unknown as BenchWindow).__benchUi.interactive, null, {
		timeout: 60_000
	});
	const marks = await page.evaluate(() => (window as unknown as BenchWindow).__benchUi);
	const scripts = await Promise.all(
		[...bodies].map(async ([scriptUrl, body]) => {
			const bytes = await body;
			return { url: scriptUrl, raw: bytes.length, gzip: gzipSync(bytes).length };
		})
	);
	await context.close();
	return { visible: marks.visible, interactive: marks.interactive, scripts };
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const verdict = (met: boolean) => (met ? 'goal met' : 'goal NOT met');

async function main(): Promise<void> {
	const runs = parseRuns(
		process.argv.slice(2),
		'usage: npm run bench:ui [-- --runs 5]  (after npm run build)'
	);
	const dir = resolve(process.env.TRUSTWALK_BUILD_DIR ?? 'build');
	if (!existsSync(resolve(dir, 'index.html'))) {
		console.error(`No build in ${dir}: run \`npm run build\` first, then \`npm run bench:ui\`.`);
		process.exit(2);
	}
	const port = await freePort();
	const server = await serveBuild(dir, port);
	const browser = await launchChromium();
	try {
		console.log(
			`trustwalk UI bench: ${dir}, Chromium ${browser.version()}, ${runs} runs, ` +
				`${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(2)}`
		);
		const results: Run[] = [];
		for (let i = 0; i < runs; i++)
			results.push(await measure(browser, `http://127.0.0.1:${port}/`));

		const first = results[0];
		if (!first) return;
		const raw = first.scripts.reduce((sum, s) => sum + s.raw, 0);
		const gzip = first.scripts.reduce((sum, s) => sum + s.gzip, 0);
		console.log(
			`\nJavaScript for the first view (${first.scripts.length} files, gzip level 6 each):`
		);
		for (const s of [...first.scripts].sort((a, b) => b.gzip - a.gzip)) {
			console.log(`  ${kb(s.gzip).padStart(9)}  ${new URL(s.url).pathname}`);
		}
		console.log(
			`  total ${kb(gzip)} gzip (${kb(raw)} raw); goal <= ${kb(GOAL_GZIP_BYTES)}: ` +
				verdict(gzip <= GOAL_GZIP_BYTES)
		);

		const interactive = median(results.map((r) => r.interactive));
		console.log('\nGraph interactive (navigation start to first node visible, then idle):');
		console.log(`  visible:     ${results.map((r) => ms(r.visible)).join(', ')}`);
		console.log(`  interactive: ${results.map((r) => ms(r.interactive)).join(', ')}`);
		console.log(
			`  median ${ms(interactive)} (visible ${ms(median(results.map((r) => r.visible)))}); ` +
				`goal < ${ms(GOAL_INTERACTIVE_MS)}: ${verdict(interactive < GOAL_INTERACTIVE_MS)}`
		);
	} finally {
		await browser.close();
		server.kill();
	}
}

await main();
