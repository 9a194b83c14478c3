import { expect, test, type Page } from '@playwright/test';
import { axeProblems, watchErrors } from './helpers.ts';

/** Serious or critical axe findings (WCAG 2.x A/AA) on the page as it is now. */
async function openApp(page: Page) {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Tenants' })).toBeVisible();
}

test('Library: redact a copy of Example 2, see the table, and keep the original as it was', async ({
	page
}) => {
	const errors = watchErrors(page);
	await openApp(page);
	await page.getByRole('tab', { name: 'Library' }).click();
	const list = page.getByRole('region', { name: 'Your scenarios' });
	const example = list.getByRole('listitem').filter({ hasText: 'Example 2' });
	await example.getByRole('button', { name: 'Redact a copy…' }).click();

	const dialog = page.getByRole('dialog', { name: 'Redact a copy before sharing' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Create the redacted copy' }).click();
	await expect(dialog.getByRole('status').first()).toContainText('is unchanged');
	// The button pressed is gone: the message that replaced it has the focus.
	await expect(dialog.getByRole('status').first()).toBeFocused();
	await expect(dialog.getByText(/The description was removed/)).toBeVisible();

	const table = dialog.getByRole('table');
	const row = (kind: string, original: string) =>
		table
			.getByRole('row')
			.filter({ has: page.getByRole('cell', { name: kind, exact: true }) })
			.filter({
				has: page.getByRole('cell', { name: original, exact: true })
			});
	await expect(row('Tenant name', 'Contoso').getByRole('cell').nth(2)).toHaveText('Tenant A');
	await expect(row('Domain', 'fabrikam.com').getByRole('cell').nth(2)).toHaveText(
		'tenant-b.example'
	);
	await expect(row('Sign-in name (UPN)', 'adele@contoso.com').getByRole('cell').nth(2)).toHaveText(
		'user1@tenant-a.example'
	);

	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await dialog.getByRole('button', { name: 'Copy table' }).click();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toContain('tenantName\tContoso\tTenant A');
	const download = page.waitForEvent('download');
	await dialog.getByRole('button', { name: 'Download table (.tsv)' }).click();
	expect((await download).suggestedFilename()).toMatch(/redacted.*\.replacements\.tsv$/);
	expect(await axeProblems(page)).toEqual([]);
	await page.emulateMedia({ colorScheme: 'dark' });
	await page
		.getByRole('combobox', { name: 'Theme' })
		.selectOption('dark')
		.catch(() => undefined);
	expect(await axeProblems(page)).toEqual([]);
	await dialog.getByRole('button', { name: 'Done' }).click();
	await expect(dialog).toBeHidden();

	// A new scenario is open; the example is still there, unchanged.
	const select = page.getByRole('combobox', { name: 'Scenario' });
	await expect(select.locator('option:checked')).toHaveText(/\(redacted\)$/);
	await expect(list.getByRole('listitem')).toHaveCount(4);
	await expect(
		list
			.getByRole('listitem')
			.filter({ hasText: /^▸?\s*Example 2/ })
			.first()
	).toBeVisible();
	const graph = page.getByRole('region', { name: 'Trust graph' });
	await expect(graph.getByRole('button', { name: 'Tenant A tenant-a.example' })).toBeVisible();
	await expect(graph.getByText(/Contoso|Fabrikam/)).toHaveCount(0);

	await select.selectOption({
		label: "Example 2: B2B direct connect with Fabrikam's Marketing group only"
	});
	await expect(graph.getByRole('button', { name: 'Contoso contoso.com' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('Share dialog: redact a copy first, then the link is for the copy', async ({ page }) => {
	const errors = watchErrors(page);
	await openApp(page);
	await page.getByRole('button', { name: 'Share…' }).click();
	const share = page.getByRole('dialog', { name: 'Share this scenario as a link' });
	await share.getByRole('button', { name: 'Redact a copy…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Redact a copy before sharing' });
	await dialog
		.getByRole('checkbox', { name: /Also replace the scenario, attempt and policy names/ })
		.check();
	await dialog.getByRole('button', { name: 'Create the redacted copy' }).click();
	await expect(dialog.getByRole('status').first()).toContainText(
		'Created and opened “Redacted scenario”'
	);
	await dialog.getByRole('button', { name: 'Done' }).click();
	await expect(share).toBeVisible();
	await expect(
		page.getByRole('combobox', { name: 'Scenario' }).locator('option:checked')
	).toHaveText('Redacted scenario');
	await expect(share.getByRole('textbox', { name: 'Link' })).toHaveValue(/#/);
	expect(errors).toEqual([]);
});
