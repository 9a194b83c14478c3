import { expect, test, type Locator, type Page } from '@playwright/test';
import { openScenario, openTenant, orgRow, watchErrors } from './helpers.ts';

/** Example 1, Contoso's inbound form for Fabrikam, with Marketing picked (not saved yet). */
async function contosoInboundWithMarketing(page: Page): Promise<Locator> {
	await page.goto('/');
	await openScenario(page, 'Example 1');
	const panel = await openTenant(page, 'Contoso');
	await panel.getByRole('tab', { name: 'Organizational settings' }).click();
	await orgRow(panel, 'Fabrikam')
		.getByRole('button', { name: /open inbound settings for Fabrikam/ })
		.click();
	const users = panel.getByRole('region', { name: 'Users and groups' });
	await users.getByRole('radio', { name: 'Select users and groups' }).check();
	await users.getByLabel('Add a user or group').selectOption({ label: 'Marketing' });
	await users.getByRole('button', { name: 'Add', exact: true }).click();
	return panel;
}

test('an unsaved settings draft survives leaving the tenant, and closing the page asks first', async ({
	page
}) => {
	const errors = watchErrors(page);
	let panel = await contosoInboundWithMarketing(page);
	const users = panel.getByRole('region', { name: 'Users and groups' });
	await expect(panel.getByText('Unsaved changes')).toBeVisible();

	// Elsewhere: another tenant, then another panel. The form unmounts each time.
	await openTenant(page, 'Fabrikam');
	await page.getByRole('region', { name: 'Panels' }).getByRole('tab', { name: 'Simulate' }).click();
	panel = await openTenant(page, 'Contoso');
	await panel.getByRole('tab', { name: 'Organizational settings' }).click();
	await orgRow(panel, 'Fabrikam')
		.getByRole('button', { name: /open inbound settings for Fabrikam/ })
		.click();
	await expect(users.getByRole('radio', { name: 'Select users and groups' })).toBeChecked();
	await expect(users.getByText('Marketing')).toBeVisible();
	await expect(panel.getByText('Unsaved changes')).toBeVisible();

	// Closing the page with a draft pending: the browser asks; staying keeps the draft.
	const asked = new Promise<string>((resolve) =>
		page.once('dialog', (dialog) => {
			resolve(dialog.type());
			void dialog.dismiss();
		})
	);
	await page.close({ runBeforeUnload: true });
	expect(await asked).toBe('beforeunload');
	expect(page.isClosed()).toBe(false);
	await expect(users.getByText('Marketing')).toBeVisible();

	// Cancel ends the draft: nothing is pending, and the page closes without asking.
	await panel.getByRole('button', { name: 'Cancel' }).click();
	await expect(panel.getByText('Unsaved changes')).toHaveCount(0);
	await expect(users.getByRole('radio', { name: 'All users' })).toBeChecked();
	let prompted = false;
	page.once('dialog', (dialog) => {
		prompted = true;
		void dialog.accept();
	});
	expect(errors).toEqual([]);
	await page.close({ runBeforeUnload: true });
	await expect.poll(() => page.isClosed()).toBe(true);
	expect(prompted).toBe(false);
});

test('a draft whose setting changed elsewhere says that Save would write over the change', async ({
	page
}) => {
	const errors = watchErrors(page);
	// A saved change first: only Marketing may come in.
	const panel = await contosoInboundWithMarketing(page);
	const users = panel.getByRole('region', { name: 'Users and groups' });
	await panel.getByRole('button', { name: 'Save' }).click();
	// A draft on top of it, then the saved change is undone from the header.
	await users.getByRole('radio', { name: 'Block access' }).check();
	await expect(panel.getByText('Unsaved changes')).toBeVisible();
	const stale = panel.getByText(/This setting changed since you started editing/);
	await expect(stale).toHaveCount(0);
	await page.getByRole('button', { name: /Undo/ }).click();
	await expect(stale).toBeVisible();
	await expect(users.getByRole('radio', { name: 'Block access' })).toBeChecked();
	// Cancel keeps the new saved value.
	await panel.getByRole('button', { name: 'Cancel' }).click();
	await expect(stale).toHaveCount(0);
	await expect(users.getByRole('radio', { name: 'All users' })).toBeChecked();
	expect(errors).toEqual([]);
});
