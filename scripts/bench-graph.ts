/**
 * `npm run build && npm run bench:graph [-- --runs 5]`: the graph and matrix at 100 tenants, in
 * headless Chromium against the built app (build/ or TRUSTWALK_BUILD_DIR, served by scripts/serve.js
 * on a free port; this builds nothing). It imports a generated 100-tenant full mesh (50 users each)
 * through the Library panel's file input and prints:
 *   (a) first render: from the import to 100 tenant cards rendered and visible (goal < 1.5 s), and
 *       to the whole graph: every direction drawn (the line layer's count plus edge elements);
 *   (b) frame times while dragging one card in 60 small steps (goal: no dropped frames);
 *   (c) the matrix update after an edit: Undo / Redo in the header until the "Who can reach whom"
 *       table shows the change (goal < 200 ms).
 * Medians of --runs runs. Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own.
 * It prints only; nothing here asserts.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateMesh, meshTenantId } from './generate-mesh.ts';
import { freePort, launchChromium, parseRuns, serveBuild } from './local-server.ts';

const TENANTS = 100;
const USERS_PER_TENANT = 50;
const GOAL_FIRST_RENDER_MS = 1500;
const GOAL_MATRIX_MS = 200;
const FRAME_MS = 1000 / 60;
const DRAG_STEPS = 60;
/** A slow graph can take seconds per frame: the drag stops after this long, and says so. */
const DRAG_BUDGET_MS = 60_000;
/** Undo / Redo pairs stop after this long (at least one pair runs). */
const MATRIX_BUDGET_MS = 120_000;
const USAGE = 'usage: npm run build && npm run bench:graph [-- --runs 5]';

// In-page code is given as strings: tsx would wrap functions' inner helpers in `__name(...)` calls
// that do not exist in the page.

/** Notes when a file is chosen in any file input: the moment the import starts. */
const WATCH_IMPORT = `document.addEventListener('change', (event) => {
	if (event.target instanceof HTMLInputElement && event.target.type === 'file')
		window.__benchImportStart = performance.now();
}, true);`;

/**
 * True (and the time noted) once all tenant cards are in the DOM and measured (visible). A function,
 * not a string, because the app's CSP forbids the eval a string predicate needs; it declares no
 * inner functions, which tsx would wrap in a missing `__name` helper.
 */
function allNodesVisible(count: number): boolean {
	const nodes = document.querySelectorAll('.svelte-flow__node');
	if (nodes.length < count) return false;
	for (const node of nodes)
		if (!node.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
	const marks = window as unknown as { __benchRendered?: number };
	marks.__benchRendered ??= performance.now();
	return true;
}

/**
 * True (and the time noted) once every direction is drawn: the lines of the canvas layer (its
 * `data-lines`) plus the edge elements Svelte Flow renders. Same rules as `allNodesVisible`.
 */
function allEdgesDrawn(count: number): boolean {
	const canvas = document.querySelector<HTMLElement>('canvas[data-lines]');
	const drawn =
		Number(canvas?.dataset.lines ?? 0) + document.querySelectorAll('.svelte-flow__edge').length;
	if (drawn < count) return false;
	const marks = window as unknown as { __benchEdges?: number };
	marks.__benchEdges ??= performance.now();
	return true;
}

/** Starts recording requestAnimationFrame timestamps and long tasks until __benchFrames.stop(). */
const RECORD_FRAMES = `(() => {
	const state = (window.__benchFrames = { times: [], long: [], running: true });
	const observer = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) state.long.push(entry.duration);
	});
	try { observer.observe({ type: 'longtask' }); } catch { /* not supported */ }
	state.stop = () => { state.running = false; observer.disconnect(); };
	const tick = (t) => { state.times.push(t); if (state.running) requestAnimationFrame(tick); };
	requestAnimationFrame(tick);
})()`;

/** The centre of a tenant card that lies well inside the graph's visible pane, for dragging. */
const DRAGGABLE_CARD = `(() => {
	const pane = document.querySelector('.svelte-flow')?.getBoundingClientRect();
	if (!pane) return null;
	for (const node of document.querySelectorAll('.svelte-flow__node')) {
		const r = node.getBoundingClientRect();
		const x = r.x + r.width / 2, y = r.y + r.height / 2;
		if (x > pane.x + 150 && x < pane.right - 150 && y > pane.y + 120 && y < pane.bottom - 120)
			return { id: node.dataset.id, x, y, zoom: r.width / node.offsetWidth };
	}
	return null;
})()`;

/**
 * Clicks the header's Undo or Redo button in the page and resolves with the time until the given
 * matrix cell's text changed (first DOM change) and until the frame after it (on screen).
 */
const TIME_MATRIX_EDIT = `async ([button, cellPrefix]) => {
	const cell = () => [...document.querySelectorAll('table button[aria-label]')]
		.find((b) => b.getAttribute('aria-label').startsWith(cellPrefix));
	const before = cell()?.getAttribute('aria-label');
	if (before === undefined) throw new Error('no matrix cell ' + cellPrefix);
	const target = [...document.querySelectorAll('header button')]
		.find((b) => b.textContent.includes(button));
	if (!target || target.disabled) throw new Error(button + ' is not available');
	const table = document.querySelector('table');
	return await new Promise((done, fail) => {
		let t0 = 0;
		const timer = setTimeout(() => fail(new Error('the matrix did not change within 300 s')), 300000);
		const observer = new MutationObserver(() => {
			const now = cell()?.getAttribute('aria-label');
			if (now === undefined || now === before) return;
			const changed = performance.now();
			observer.disconnect();
			clearTimeout(timer);
			requestAnimationFrame(() => done({ changed: changed - t0, painted: performance.now() - t0, before, now }));
		});
		observer.observe(table, { subtree: true, childList: true, characterData: true, attributes: true });
		t0 = performance.now();
		target.click();
	});
}`;

interface FrameRecord {
	times: number[];
	long: number[];
	/** Mouse moves made before the end or the time budget. */
	steps: number;
	zoom: number;
}

const median = (values: readonly number[]) => percentile(values, 50);
function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (p / 100) * (sorted.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (rank - low);
}
const ms = (n: number) => `${n.toFixed(n < 100 ? 1 : 0)} ms`;
const verdict = (met: boolean) => (met ? 'goal met' : 'goal NOT met');

async function newPage(browser: Browser): Promise<[BrowserContext, Page]> {
	// A first visit (fresh IndexedDB, seeded examples), no service worker competing with the page.
	const context = await browser.newContext({
		serviceWorkers: 'block',
		viewport: { width: 1280, height: 720 }
	});
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
	await page.addInitScript({ content: WATCH_IMPORT });
	return [context, page];
}

/**
 * Opens the app, imports the mesh file through the Library panel; returns the times to the cards
 * and to the whole graph (every direction drawn).
 */
async function importMesh(page: Page, url: string, file: string): Promise<[number, number]> {
	await page.goto(url);
	await page.getByRole('tab', { name: 'Library' }).click();
	const input = page.getByLabel('Import a scenario or backup file');
	await input.waitFor({ state: 'attached' });
	await page.evaluate(
		'delete window.__benchRendered; delete window.__benchEdges; delete window.__benchImportStart'
	);
	await input.setInputFiles(file);
	await page.waitForFunction(allNodesVisible, TENANTS, { polling: 'raf', timeout: 600_000 });
	await page.waitForFunction(allEdgesDrawn, TENANTS * (TENANTS - 1), {
		polling: 'raf',
		timeout: 600_000
	});
	const [start, cards, edges] = await page.evaluate<[number, number, number]>(
		'[window.__benchImportStart, window.__benchRendered, window.__benchEdges]'
	);
	return [cards - start, edges - start];
}

/** Drags one visible card in DRAG_STEPS small steps while the page records its frames. */
async function dragCard(page: Page): Promise<FrameRecord> {
	const card = await page.evaluate<{ id: string; x: number; y: number; zoom: number } | null>(
		DRAGGABLE_CARD
	);
	if (!card) throw new Error('no tenant card inside the visible graph');
	await page.mouse.move(card.x, card.y);
	await page.mouse.down();
	await page.evaluate(RECORD_FRAMES);
	const start = Date.now();
	let steps = 0;
	for (let i = 1; i <= DRAG_STEPS && Date.now() - start < DRAG_BUDGET_MS; i++, steps++) {
		// A small loop, so the card ends where it started moving and stays in view.
		const angle = (i / DRAG_STEPS) * 2 * Math.PI;
		await page.mouse.move(card.x + 60 * Math.sin(angle), card.y + 40 * (1 - Math.cos(angle)));
	}
	await page.evaluate('window.__benchFrames.stop()');
	await page.mouse.up();
	const record = await page.evaluate<Pick<FrameRecord, 'times' | 'long'>>(
		'({ times: window.__benchFrames.times, long: window.__benchFrames.long })'
	);
	return { ...record, steps, zoom: card.zoom };
}

/** Tenant 0 removes its entry for Tenant 2 (which opened both ways): its matrix column changes. */
async function prepareMatrix(page: Page): Promise<string> {
	const panel = page.getByRole('region', { name: 'Panels' });
	await panel.getByRole('tab', { name: 'Tenants' }).click();
	await panel.getByRole('button', { name: /^Tenant 0 t0\.example\.com/ }).click();
	await panel.getByRole('tab', { name: 'Organizational settings' }).click();
	const row = panel
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { level: 4, name: 'Tenant 2', exact: true }) });
	await row.getByRole('button', { name: 'Remove', exact: true }).click();
	await row.getByRole('button', { name: 'Yes, remove' }).click();
	await row.waitFor({ state: 'detached' });
	await panel.getByRole('tab', { name: 'Who can reach whom' }).click();
	await panel
		.getByRole('combobox', { name: 'Users of' })
		.selectOption({ label: 'Tenant 0 (t0.example.com)' });
	const prefix = 'User 0 of Tenant 0 to Tenant 2: ';
	await panel.getByRole('button', { name: prefix }).first().waitFor();
	return prefix;
}

async function timeMatrix(
	page: Page,
	prefix: string,
	runs: number
): Promise<{ changed: number; painted: number; before: string; now: string }[]> {
	const results = [];
	const start = Date.now();
	for (let i = 0; i < runs * 2 && (i % 2 === 1 || Date.now() - start < MATRIX_BUDGET_MS); i++) {
		const button = i % 2 === 0 ? 'Undo' : 'Redo';
		results.push(
			await page.evaluate<{ changed: number; painted: number; before: string; now: string }>(
				`(${TIME_MATRIX_EDIT})(${JSON.stringify([button, prefix])})`
			)
		);
		// Let the save and any idle work settle before the next edit.
		await page.waitForTimeout(500);
	}
	return results;
}

function printFrames(drags: FrameRecord[]): void {
	const intervals = drags.flatMap((d) => d.times.slice(1).map((t, i) => t - (d.times[i] ?? t)));
	// rAF timestamps jitter around 16.7 ms at 60 Hz: a frame counts as late only past 1 ms of that.
	const over = intervals.filter((t) => t > FRAME_MS + 1).length;
	const dropped = intervals.filter((t) => t > 2 * FRAME_MS).length;
	const long = drags.flatMap((d) => d.long);
	const steps = drags.map((d) => d.steps).join(', ');
	console.log(
		`\n(b) Dragging one card (${steps} of ${DRAG_STEPS} steps made in ${drags.length} drag(s), ` +
			`time budget ${DRAG_BUDGET_MS / 1000} s each; zoom ${drags[0]?.zoom.toFixed(2)}):`
	);
	console.log(
		`  ${intervals.length} frames: median ${ms(median(intervals))}, p95 ${ms(percentile(intervals, 95))}, ` +
			`max ${ms(Math.max(...intervals))}`
	);
	console.log(
		`  over 16.7 ms: ${over}; over 33 ms (dropped): ${dropped}; long tasks (>50 ms): ${long.length}` +
			(long.length ? ` (max ${ms(Math.max(...long))})` : '')
	);
	console.log(`  goal: no dropped frames at ${TENANTS} tenants: ${verdict(dropped === 0)}`);
}

async function main(): Promise<void> {
	const runs = parseRuns(process.argv.slice(2), USAGE);
	const dir = resolve(process.env.TRUSTWALK_BUILD_DIR ?? 'build');
	if (!existsSync(resolve(dir, 'index.html'))) {
		console.error(`No build in ${dir}: run \`npm run build\` first.\n${USAGE}`);
		process.exit(2);
	}
	const temp = mkdtempSync(join(tmpdir(), 'trustwalk-bench-graph-'));
	const file = join(temp, `mesh-${TENANTS}.json`);
	const text = JSON.stringify(generateMesh({ tenants: TENANTS, usersPerTenant: USERS_PER_TENANT }));
	writeFileSync(file, text);
	const port = await freePort();
	const server = await serveBuild(dir, port);
	const browser = await launchChromium();
	const url = `http://127.0.0.1:${port}/`;
	try {
		console.log(
			`trustwalk graph bench: ${dir}, Chromium ${browser.version()}, ${runs} runs, ` +
				`${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(2)}`
		);
		console.log(
			`Scenario: ${TENANTS} tenants x ${USERS_PER_TENANT} users, full mesh ` +
				`(${(text.length / 1e6).toFixed(1)} MB JSON; first tenant ${meshTenantId(0)})`
		);

		const renders: number[] = [];
		const completes: number[] = [];
		const drags: FrameRecord[] = [];
		let last: [BrowserContext, Page] | null = null;
		for (let i = 0; i < runs; i++) {
			const [context, page] = await newPage(browser);
			const [cards, whole] = await importMesh(page, url, file);
			renders.push(cards);
			completes.push(whole);
			await page.waitForTimeout(1000); // the save and layout settle before the drag
			drags.push(await dragCard(page));
			if (i < runs - 1) await context.close();
			else last = [context, page];
		}
		console.log(`\n(a) First render (file chosen -> ${TENANTS} cards rendered and visible):`);
		console.log(`  runs: ${renders.map(ms).join(', ')}`);
		const render = median(renders);
		console.log(
			`  median ${ms(render)}; goal < ${ms(GOAL_FIRST_RENDER_MS)}: ${verdict(render < GOAL_FIRST_RENDER_MS)}`
		);
		console.log(
			`  whole graph (all ${TENANTS * (TENANTS - 1)} directions drawn): ` +
				`${completes.map(ms).join(', ')}; median ${ms(median(completes))}`
		);
		printFrames(drags);

		if (last) {
			const [context, page] = last;
			const prefix = await prepareMatrix(page);
			const edits = await timeMatrix(page, prefix, runs);
			const changed = edits.map((e) => e.changed);
			const painted = edits.map((e) => e.painted);
			console.log(
				`\n(c) Matrix update after Undo / Redo (home tenant Tenant 0, ${edits.length} edits):`
			);
			console.log(`  cell: "${edits[0]?.before}" <-> "${edits[0]?.now}"`);
			console.log(`  DOM changed: ${changed.map(ms).join(', ')}`);
			console.log(`  next frame:  ${painted.map(ms).join(', ')}`);
			const update = median(painted);
			console.log(
				`  median ${ms(update)} to the next frame (${ms(median(changed))} to the DOM change); ` +
					`goal < ${ms(GOAL_MATRIX_MS)}: ${verdict(update < GOAL_MATRIX_MS)}`
			);
			await context.close();
		}
	} finally {
		await browser.close();
		server.kill();
		rmSync(temp, { recursive: true, force: true });
	}
}

await main();
