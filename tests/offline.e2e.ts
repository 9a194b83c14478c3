import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchErrors } from './helpers.ts';
import { freePort, serveBuild } from '../scripts/local-server.ts';

// The example the app opens first, read from the source so the check follows the file.
const firstExample = JSON.parse(
	readFileSync(
		new URL('../src/lib/examples/example-1-fabrikam-all-users.json', import.meta.url),
		'utf8'
	)
) as { name: string };

const tenantsHeading = (page: Page) => page.getByRole('heading', { level: 2, name: 'Tenants' });
const tenantsPanel = (page: Page) => page.getByRole('tabpanel', { name: 'Tenants' });

/** Resolves true once a service worker controls the page, false if none does within `timeout` ms. */
function controlled(page: Page, timeout: number): Promise<boolean> {
	return page.evaluate(
		(ms) =>
			new Promise<boolean>((resolve) => {
				if (navigator.serviceWorker.controller) return resolve(true);
				navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), {
					once: true
				});
				setTimeout(() => resolve(navigator.serviceWorker.controller !== null), ms);
			}),
		timeout
	);
}

/**
 * The flow both tests run: one online visit, wait for a service worker to take control, go offline,
 * reload. Returns what happened; each test asserts its own expectation.
 */
async function visitThenReloadOffline(
	page: Page,
	context: BrowserContext,
	waitForWorker: number
): Promise<{ workerSeen: boolean; controlled: boolean; reloaded: boolean }> {
	const workerEvent = context
		.waitForEvent('serviceworker', { timeout: waitForWorker })
		.then(() => true)
		.catch(() => false);
	await page.goto('/');
	await expect(tenantsHeading(page)).toBeVisible();
	const workerSeen = context.serviceWorkers().length > 0 || (await workerEvent);
	const isControlled = await controlled(page, waitForWorker);

	await context.setOffline(true);
	const reloaded = await page.reload().then(
		() => true,
		() => false
	);
	return { workerSeen, controlled: isControlled, reloaded };
}

test('after one visit the app works offline: reload, edit, deep links', async ({
	page,
	context
}) => {
	const errors = watchErrors(page);
	const result = await visitThenReloadOffline(page, context, 30_000);
	expect(result).toEqual({ workerSeen: true, controlled: true, reloaded: true });

	// The app renders from the cache, with the example scenario it opened online.
	await expect(tenantsHeading(page)).toBeVisible();
	await expect(
		page.getByRole('combobox', { name: 'Scenario', exact: true }).locator('option:checked')
	).toHaveText(firstExample.name);

	// Selecting a tenant works.
	await tenantsPanel(page)
		.getByRole('button', { name: /^Contoso/ })
		.click();
	await expect(page.getByRole('heading', { level: 2, name: /^Contoso/ })).toBeVisible();
	await page.getByRole('button', { name: 'All tenants' }).click();

	// So does an edit, saved to IndexedDB while offline.
	const form = tenantsPanel(page).getByRole('region', { name: /Add (a|the first) tenant/ });
	await form.getByLabel('Display name').fill('Woodgrove Bank');
	await form.getByLabel('Domain').fill('woodgrove.com');
	await form.getByRole('button', { name: 'Add tenant' }).click();
	await expect(page.getByRole('heading', { level: 2, name: /^Woodgrove Bank/ })).toBeVisible();
	await expect(page.getByText('All changes saved')).toBeVisible();

	expect(errors).toEqual([]);

	// Any other path gets the cached 200.html too: the app itself starts and answers it (trustwalk
	// has one route, so with its own 404 page) where the browser would show its offline error.
	await page.goto('/some/deep/link');
	await expect(page.getByRole('heading', { level: 1, name: '404' })).toBeVisible();

	// Safe mode is a deep link with a query.
	await page.goto('/?safe');
	await expect(page.getByRole('heading', { level: 1, name: 'trustwalk: safe mode' })).toBeVisible();

	// Back to the app, still offline: the edit was kept.
	await page.goto('/');
	await expect(tenantsPanel(page).getByRole('button', { name: /^Woodgrove Bank/ })).toBeVisible();

	await context.setOffline(false);
	// The only error since is the one Kit logs for the unknown path.
	expect(errors).toEqual([expect.stringContaining('Not found: /some/deep/link')]);
});

test.describe('without a service worker', () => {
	test.use({ serviceWorkers: 'block' });

	test('the same offline reload fails, so the test above depends on the worker', async ({
		page,
		context
	}) => {
		const result = await visitThenReloadOffline(page, context, 3_000);
		expect(result).toEqual({ workerSeen: false, controlled: false, reloaded: false });
		await expect(tenantsHeading(page)).toHaveCount(0);
		await context.setOffline(false);
	});
});

test('a new version announces itself and takes over only when asked', async ({ page }) => {
	// A private copy of the build behind its own server, so "deploying" a new version here cannot
	// disturb the other tests.
	const dir = mkdtempSync(join(tmpdir(), 'trustwalk-update-'));
	cpSync(process.env.TRUSTWALK_BUILD_DIR ?? 'build', dir, { recursive: true });
	const port = await freePort();
	const server = await serveBuild(dir, port);
	try {
		const errors = watchErrors(page);
		const banner = page.getByText('A new version of trustwalk is ready. Reload to use it.');
		await page.goto(`http://127.0.0.1:${port}/`);
		await expect(tenantsHeading(page)).toBeVisible();
		expect(await controlled(page, 30_000)).toBe(true);
		// The first install is not an update.
		await expect(banner).toHaveCount(0);

		// Deploy a new version: a different worker script with another cache name.
		const workerFile = join(dir, 'service-worker.js');
		const worker = readFileSync(workerFile, 'utf8');
		expect(worker).toContain('trustwalk-');
		writeFileSync(workerFile, worker.replaceAll('trustwalk-', 'trustwalk-next-'));
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});
		await expect(banner).toBeVisible({ timeout: 30_000 });
		// Until the user reloads, the page keeps its version and keeps working.
		await tenantsPanel(page)
			.getByRole('button', { name: /^Contoso/ })
			.click();
		await expect(page.getByRole('heading', { level: 2, name: /^Contoso/ })).toBeVisible();
		// The new version has precached beside the old one, whose files this page may still load.
		const cachesBefore = await page.evaluate(() => caches.keys());
		expect(cachesBefore.sort()).toEqual([
			expect.stringMatching(/^trustwalk-(?!next-)/),
			expect.stringMatching(/^trustwalk-next-/)
		]);

		const reloaded = page.waitForEvent('load');
		await page.getByRole('button', { name: 'Reload', exact: true }).click();
		await reloaded;
		await expect(tenantsHeading(page)).toBeVisible();
		await expect(banner).toHaveCount(0);
		// The new version controls the page and the old cache is gone.
		const cachesAfter = await page.evaluate(() => caches.keys());
		expect(cachesAfter).toEqual([expect.stringMatching(/^trustwalk-next-/)]);
		expect(errors).toEqual([]);
	} finally {
		server.kill();
		rmSync(dir, { recursive: true, force: true });
	}
});
