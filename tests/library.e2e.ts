import { expect, test, type Page } from '@playwright/test';

/** Waits until the app has opened its scenarios (the Tenants panel shows the tenant list). */
async function openApp(page: Page, path = '/') {
	await page.goto(path);
	await expect(page.getByRole('heading', { name: 'Tenants' })).toBeVisible();
}

async function openLibrary(page: Page) {
	await page.getByRole('tab', { name: 'Library' }).click();
	await expect(page.getByRole('heading', { name: 'Your scenarios' })).toBeVisible();
}

/** Writes a record straight into IndexedDB, as a damaged or foreign version of trustwalk might. */
async function plantRecord(page: Page, record: Record<string, unknown>) {
	await page.evaluate(
		(value) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('trustwalk');
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const tx = open.result.transaction('scenarios', 'readwrite');
					tx.objectStore('scenarios').put(value);
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(new Error(String(tx.error)));
				};
			}),
		record
	);
}

test('importing a broken scenario file shows its errors with paths and changes nothing', async ({
	page
}) => {
	await openApp(page);
	await openLibrary(page);
	const scenarios = page.getByRole('region', { name: 'Your scenarios' }).getByRole('listitem');
	await expect(scenarios).toHaveCount(3);
	await page.getByLabel('Import a scenario or backup file').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from(
			'{"format":"trustwalk/scenario","version":1,"name":"Broken","tenants":[{"tenantId":"x","displayName":"X","domain":"x.com","license":"gold","users":[],"groups":[],"applications":[],"crossTenantAccessPolicy":{"default":{},"partners":[]}}]}'
		)
	});
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('broken.json was not imported; nothing changed');
	await expect(alert).toContainText('tenants[0].license');
	await expect(scenarios).toHaveCount(3);
	await page.getByLabel('Import a scenario or backup file').setInputFiles({
		name: 'truncated.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format":"trustwalk/scenario","version":1,"na')
	});
	await expect(page.getByRole('alert')).toContainText('not valid JSON');
	await expect(scenarios).toHaveCount(3);
});

test('safe mode opens with a corrupted record planted, and can export and delete it', async ({
	page
}) => {
	await openApp(page);
	await plantRecord(page, {
		id: 'corrupted-1',
		name: 'Damaged scenario',
		document: { format: 'nope', tenants: 'many' },
		revision: 1,
		createdAt: Date.now(),
		updatedAt: Date.now() + 1000,
		origin: 'user'
	});
	// The normal app still starts: the damaged record is listed and, when opened, explained.
	await openApp(page);
	await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Damaged scenario' });
	await expect(page.getByRole('heading', { name: 'This scenario cannot be opened' })).toBeVisible();
	await expect(page.getByText('format', { exact: true })).toBeVisible();

	await page.goto('/?safe');
	await expect(page.getByRole('heading', { name: 'trustwalk: safe mode' })).toBeVisible();
	const damaged = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Damaged scenario' }) });
	await expect(damaged).toContainText('Damaged: it does not match the scenario format');
	const download = page.waitForEvent('download');
	await damaged.getByRole('button', { name: 'Export Damaged scenario' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('damaged-scenario.trustwalk.json');
	page.once('dialog', (dialog) => void dialog.accept());
	await damaged.getByRole('button', { name: 'Delete Damaged scenario' }).click();
	await expect(page.getByRole('heading', { name: 'Damaged scenario' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Leave safe mode' }).click();
	await expect(page.getByRole('heading', { name: 'Tenants' })).toBeVisible();
});

test('a new scenario can be created, deleted and the deletion undone', async ({ page }) => {
	await openApp(page);
	await openLibrary(page);
	await page.getByLabel('Name', { exact: true }).first().fill('Training sandbox');
	await page.getByRole('button', { name: 'Create empty' }).click();
	await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue(/.+/);
	await expect(page.getByLabel('Scenario', { exact: true }).locator('option:checked')).toHaveText(
		'Training sandbox'
	);
	const row = page.getByRole('listitem').filter({ hasText: 'Training sandbox' });
	page.once('dialog', (dialog) => void dialog.accept());
	await row.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByText('Deleted “Training sandbox”.')).toBeVisible();
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(page.getByLabel('Scenario', { exact: true }).locator('option:checked')).toHaveText(
		'Training sandbox'
	);
	await page.reload();
	await expect(page.getByLabel('Scenario', { exact: true }).locator('option:checked')).toHaveText(
		'Training sandbox'
	);
});

test('a snapshot restores an earlier state, and the restore is undoable', async ({ page }) => {
	await openApp(page);
	await openLibrary(page);
	await page
		.getByRole('region', { name: 'Snapshots of this scenario' })
		.getByLabel('Name')
		.fill('Original');
	await page.getByRole('button', { name: 'Take a snapshot' }).click();
	const rename = page
		.getByRole('listitem')
		.filter({ hasText: 'open now' })
		.getByRole('button', { name: 'Rename' });
	await rename.click();
	await page.getByLabel(/^New name for/).fill('Edited name');
	await page.getByLabel(/^New name for/).press('Enter');
	await expect(page.getByLabel('Scenario', { exact: true }).locator('option:checked')).toHaveText(
		'Edited name'
	);
	await page
		.getByRole('listitem')
		.filter({ hasText: 'Original' })
		.getByRole('button', { name: 'Restore' })
		.click();
	await expect(page.getByLabel('Scenario', { exact: true }).locator('option:checked')).toHaveText(
		/^Example 1/
	);
	await page.getByRole('button', { name: '↶ Undo' }).click();
	await expect(page.getByLabel('Scenario', { exact: true }).locator('option:checked')).toHaveText(
		'Edited name'
	);
});

test('a second tab follows saved changes without overwriting them', async ({ context }) => {
	const first = await context.newPage();
	const second = await context.newPage();
	await openApp(first);
	await openApp(second);
	await openLibrary(first);
	await first
		.getByRole('listitem')
		.filter({ hasText: 'open now' })
		.getByRole('button', { name: 'Rename' })
		.click();
	await first.getByLabel(/^New name for/).fill('Renamed in the first tab');
	await first.getByLabel(/^New name for/).press('Enter');
	await expect(first.getByText('All changes saved')).toBeVisible();
	await expect(second.getByText('Updated with changes saved in another tab.')).toBeVisible();
	await expect(second.getByLabel('Scenario', { exact: true }).locator('option:checked')).toHaveText(
		'Renamed in the first tab'
	);
});

test('without IndexedDB the app works in memory and says so', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined });
	});
	await openApp(page);
	await expect(page.getByText(/did not let trustwalk store data/)).toBeVisible();
	await expect(page.getByText('Kept in memory only')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Contoso contoso.com' }).first()).toBeVisible();
});
