import { expect, test } from '@playwright/test';
import { openScenario, openTenant, orgRow, saved, watchErrors } from './helpers.ts';

test('add Northwind to Fabrikam, customize inbound, keep it across a reload, undo, audit', async ({
	page
}) => {
	const errors = watchErrors(page);
	await page.goto('/');
	await openScenario(page, 'Example 1');
	let panel = await openTenant(page, 'Fabrikam');
	await panel.getByRole('tab', { name: 'Organizational settings' }).click();

	// Refusals: the tenant itself and an organization already listed.
	const ref = panel.getByLabel('Domain name or tenant ID');
	await ref.fill('fabrikam.com');
	await panel.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(panel.getByRole('alert')).toContainText('cannot be its own partner');
	await ref.fill('contoso.com');
	await panel.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(panel.getByRole('alert')).toContainText('Contoso is already in the list');

	await ref.fill('northwind.com');
	await panel.getByRole('button', { name: 'Add', exact: true }).click();
	const northwind = orgRow(panel, 'Northwind Traders');
	await expect(northwind.getByRole('button', { name: /^Inherited from default/ })).toHaveCount(2);

	// Customize inbound B2B direct connect: all Northwind users, Office 365 only.
	await northwind.getByRole('button', { name: /open inbound settings for Northwind/ }).click();
	await expect(panel.getByRole('heading', { level: 3, name: 'Northwind Traders' })).toBeVisible();
	await expect(panel.getByText('Inherited from default')).toBeVisible();
	await panel.getByRole('radio', { name: 'Customize settings' }).check();
	const users = panel.getByRole('region', { name: 'Users and groups' });
	const apps = panel.getByRole('region', { name: 'Applications' });
	await users.getByRole('radio', { name: 'Allow access' }).check();
	await users.getByRole('radio', { name: 'All users' }).check();
	// V4 would refuse allowed users with every application blocked: Save waits for an allowed app.
	await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();
	await expect(panel.getByText('Fix the V4 error shown above.')).toBeVisible();
	await apps.getByRole('radio', { name: 'Allow access' }).check();
	await apps.getByRole('radio', { name: 'Select applications' }).check();
	await apps.getByLabel('Add an application').selectOption('Office365');
	await apps.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(apps.getByRole('listitem').filter({ hasText: 'Office 365' })).toBeVisible();
	await panel.getByRole('button', { name: 'Save' }).click();
	await saved(page);

	await panel.getByRole('button', { name: 'All organizations' }).click();
	const summary = /^Customized: allow all users, Office 365/;
	await expect(northwind.getByRole('button', { name: summary })).toBeVisible();

	// Stored: still there after a reload.
	await page.reload();
	panel = await openTenant(page, 'Fabrikam');
	await panel.getByRole('tab', { name: 'Organizational settings' }).click();
	await expect(northwind.getByRole('button', { name: summary })).toBeVisible();

	// Back to the default (R1 writes null), then undo restores the customized setting.
	await northwind.getByRole('button', { name: /open inbound settings for Northwind/ }).click();
	await panel.getByRole('radio', { name: 'Default settings' }).check();
	await panel.getByRole('button', { name: 'Save' }).click();
	await panel.getByRole('button', { name: 'All organizations' }).click();
	await expect(northwind.getByRole('button', { name: /^Inherited from default/ })).toHaveCount(2);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(northwind.getByRole('button', { name: summary })).toBeVisible();
	await saved(page);

	// The audit log names the change with the §8 activity.
	await panel.getByRole('tab', { name: 'Audit log' }).click();
	const log = panel.getByRole('list', { name: 'Audit records' });
	await expect(log.getByText('Add a partner to cross-tenant access setting')).toBeVisible();
	await expect(log.getByText('Update a partner cross-tenant access setting').first()).toBeVisible();
	expect(errors).toEqual([]);
});

test('Contoso picks Marketing of Fabrikam for an inbound customization (M4)', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('/');
	await openScenario(page, 'Example 1');
	const panel = await openTenant(page, 'Contoso');
	await panel.getByRole('tab', { name: 'Organizational settings' }).click();
	const fabrikam = orgRow(panel, 'Fabrikam');
	await fabrikam.getByRole('button', { name: /open inbound settings for Fabrikam/ }).click();
	const users = panel.getByRole('region', { name: 'Users and groups' });
	await users.getByRole('radio', { name: 'Select users and groups' }).check();
	await users.getByLabel('Add a user or group').selectOption({ label: 'Marketing' });
	await users.getByRole('button', { name: 'Add', exact: true }).click();
	await panel.getByRole('button', { name: 'Save' }).click();
	await panel.getByRole('button', { name: 'All organizations' }).click();
	await expect(
		fabrikam.getByRole('button', { name: /^Customized: allow Marketing, all apps/ })
	).toBeVisible();

	// V3: blocking all users while allowing apps cannot be saved.
	await fabrikam.getByRole('button', { name: /open inbound settings for Fabrikam/ }).click();
	await users.getByRole('radio', { name: 'All users' }).check();
	await users.getByRole('radio', { name: 'Block access' }).check();
	await expect(panel.getByText('V3', { exact: true }).first()).toBeVisible();
	await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();
	await panel.getByRole('button', { name: 'Cancel' }).click();
	await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();
	await expect(users.getByText('Marketing')).toBeVisible();
	expect(errors).toEqual([]);
});

test('remove an organization after confirming; undo brings it back', async ({ page }) => {
	await page.goto('/');
	await openScenario(page, 'Example 1');
	const panel = await openTenant(page, 'Contoso');
	await panel.getByRole('tab', { name: 'Organizational settings' }).click();
	const fabrikam = orgRow(panel, 'Fabrikam');
	await fabrikam.getByRole('button', { name: 'Remove' }).click();
	await fabrikam.getByRole('button', { name: 'Yes, remove' }).click();
	await expect(fabrikam).toHaveCount(0);
	await expect(panel.getByText('No organizations yet')).toBeVisible();
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(fabrikam).toHaveCount(1);
});

test('the pair view opens the setting that decided, highlighted', async ({ page }) => {
	await page.goto('/');
	await openScenario(page, 'Example 1');
	await page.getByRole('button', { name: 'Northwind Traders → Contoso' }).click();
	await page.getByRole('button', { name: /Edit inbound/ }).click();
	const panel = page.getByRole('region', { name: 'Panels' });
	await expect(panel.getByRole('heading', { level: 2, name: /Contoso/ })).toBeVisible();
	await expect(panel.getByRole('tab', { name: 'Default settings', selected: true })).toBeVisible();
	await expect(panel.getByRole('tab', { name: 'Inbound access', selected: true })).toBeVisible();
	await expect(panel.getByText('Decided the last step')).toBeVisible();
});
