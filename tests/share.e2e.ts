import { expect, test, type Browser, type Page } from '@playwright/test';

async function openApp(page: Page, path = '/') {
	await page.goto(path);
	await expect(page.getByRole('heading', { name: 'Tenants' })).toBeVisible();
}

/** Opens the share dialog for the named scenario and returns the link it offers. */
async function shareLink(page: Page, scenario: RegExp, passphrase?: string): Promise<string> {
	await page
		.getByLabel('Scenario', { exact: true })
		.selectOption({ label: (await optionLabel(page, scenario)) ?? '' });
	await page.getByRole('button', { name: 'Share…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share this scenario as a link' });
	if (passphrase) {
		await dialog.getByLabel('Protect with a passphrase').check();
		await dialog.getByLabel(/^Passphrase/).fill(passphrase);
	}
	const link = dialog.getByLabel('Link', { exact: true });
	await expect(link).toHaveValue(passphrase ? /#e=1\./ : /#s=1\./);
	await expect(dialog.getByRole('status').first()).toContainText('short enough');
	return link.inputValue();
}

async function optionLabel(page: Page, name: RegExp) {
	const labels = await page
		.getByLabel('Scenario', { exact: true })
		.locator('option')
		.allTextContents();
	return labels.find((l) => name.test(l));
}

async function freshPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

test('a shared link opens in a fresh browser with the same tenants and outcomes', async ({
	page,
	browser
}) => {
	await openApp(page);
	const url = await shareLink(page, /^Example 2/);
	const other = await freshPage(browser);
	await other.goto(url);
	await expect(other.getByRole('heading', { name: /^Example 2/ })).toBeVisible();
	await expect(other.getByText(/3 tenants: Contoso, Fabrikam, Northwind Traders/)).toBeVisible();
	await other.getByRole('button', { name: 'Open as a new scenario' }).click();
	await expect(other.getByLabel('Scenario', { exact: true }).locator('option:checked')).toHaveText(
		/^Example 2/
	);
	await expect(other).toHaveURL(/^[^#]*$/);
	await other.getByRole('tab', { name: 'Simulate' }).click();
	await expect(
		other.getByRole('region', { name: 'Saved attempts' }).getByRole('status')
	).toContainText('3 of 3 meet their expectation');
	// The link became a fourth scenario next to the seeded examples; none was overwritten.
	await other.getByRole('tab', { name: 'Library' }).click();
	await expect(
		other.getByRole('region', { name: 'Your scenarios' }).getByRole('listitem')
	).toHaveCount(4);
});

test('a passphrase link needs its passphrase and says so when it is wrong', async ({
	page,
	browser
}) => {
	await openApp(page);
	const url = await shareLink(page, /^Example 1/, 'correct horse battery');
	const other = await freshPage(browser);
	await other.goto(url);
	await other.getByLabel('Passphrase').fill('wrong guess');
	await other.getByRole('button', { name: 'Open', exact: true }).click();
	await expect(other.getByRole('alert')).toBeVisible();
	await other.getByLabel('Passphrase').fill('correct horse battery');
	await other.getByRole('button', { name: 'Open', exact: true }).click();
	await expect(other.getByRole('heading', { name: /^Example 1/ })).toBeVisible();
	await other.getByRole('button', { name: 'View without saving' }).click();
	await expect(other.getByText('Read-only.')).toBeVisible();
});

test('a garbage link and a truncated link show the recovery page and change nothing', async ({
	page
}) => {
	await openApp(page);
	const url = await shareLink(page, /^Example 1/);
	await page.keyboard.press('Escape');
	for (const broken of ['/#s=1.this-is-not-a-link!!', url.slice(0, url.length - 40)]) {
		// Leave the app first, so the link is a fresh page load rather than a fragment change.
		await page.goto('about:blank');
		await page.goto(broken);
		await expect(page.getByRole('heading', { name: 'This link cannot be opened' })).toBeVisible();
		await expect(page.getByText('Nothing in your saved scenarios was changed.')).toBeVisible();
		await page.getByRole('button', { name: 'Go to my scenarios' }).click();
		await page.getByRole('tab', { name: 'Library' }).click();
		await expect(
			page.getByRole('region', { name: 'Your scenarios' }).getByRole('listitem')
		).toHaveCount(3);
	}
});
