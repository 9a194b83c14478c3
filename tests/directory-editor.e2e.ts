import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers.ts';

const panel = (page: Page) => page.getByRole('tabpanel', { name: 'Tenants' });
const tenantList = (page: Page) =>
	panel(page)
		.getByRole('list')
		.filter({ has: page.getByRole('button', { name: /contoso\.com/ }) });

async function openTenants(page: Page) {
	await page.goto('/');
	await page.getByRole('tab', { name: 'Tenants' }).click();
	await expect(panel(page).getByRole('heading', { level: 2, name: 'Tenants' })).toBeVisible();
}

async function addTenant(page: Page, name: string, domain: string) {
	const form = panel(page).getByRole('region', { name: /Add (a|the first) tenant/ });
	await form.getByLabel('Display name').fill(name);
	await form.getByLabel('Domain').fill(domain);
	await form.getByRole('button', { name: 'Add tenant' }).click();
}

test('add a tenant and a user; both survive a reload', async ({ page }) => {
	const errors = watchErrors(page);
	await openTenants(page);
	await addTenant(page, 'Woodgrove', 'woodgrove.com');

	// The new tenant is selected, its directory open.
	await expect(panel(page).getByRole('heading', { level: 2, name: /Woodgrove/ })).toBeVisible();
	await expect(page.getByRole('tab', { name: 'Directory' })).toHaveAttribute(
		'aria-selected',
		'true'
	);

	const users = panel(page).getByRole('region', { name: /^Users/ });
	await users.getByLabel('Display name').fill('Patti Fernandez');
	await users.getByLabel('User principal name').fill('patti@contoso.com');
	await users.getByRole('button', { name: 'Add user' }).click();
	await expect(users.getByText('must be name@woodgrove.com')).toBeVisible();
	await users.getByLabel('User principal name').fill('patti@woodgrove.com');
	await users.getByRole('button', { name: 'Add user' }).click();
	await expect(users.getByRole('cell', { name: 'patti@woodgrove.com' })).toBeVisible();
	await expect(page.getByText('All changes saved')).toBeVisible();

	await page.reload();
	await page.getByRole('tab', { name: 'Tenants' }).click();
	const woodgrove = tenantList(page).getByRole('button', { name: /Woodgrove/ });
	await expect(woodgrove).toBeVisible();
	await woodgrove.click();
	await page.getByRole('tab', { name: 'Directory' }).click();
	await expect(
		panel(page)
			.getByRole('region', { name: /^Users/ })
			.getByRole('cell', { name: 'patti@woodgrove.com' })
	).toBeVisible();
	expect(errors).toEqual([]);
});

test('a new domain rewrites the users\u2019 UPN suffixes and says so', async ({ page }) => {
	await openTenants(page);
	await tenantList(page)
		.getByRole('button', { name: /Fabrikam/ })
		.click();
	await page.getByRole('tab', { name: 'Directory' }).click();
	const section = panel(page).getByRole('region', { name: 'Tenant', exact: true });
	await section.getByLabel('Domain').fill('northwind.com');
	await expect(section.getByText('Northwind Traders already uses northwind.com')).toBeVisible();
	await expect(section.getByRole('button', { name: 'Save tenant' })).toBeDisabled();
	await section.getByLabel('Domain').fill('fabrikam.net');
	await section.getByRole('button', { name: 'Save tenant' }).click();
	await expect(section.getByRole('status')).toContainText(
		'3 user principal names now end with @fabrikam.net'
	);
	const users = panel(page).getByRole('region', { name: /^Users/ });
	await expect(users.getByRole('cell', { name: 'alex@fabrikam.net' })).toBeVisible();
	await expect(panel(page).getByRole('heading', { level: 2 })).toContainText('fabrikam.net');
});

test('a duplicate domain is refused next to the field', async ({ page }) => {
	await openTenants(page);
	await addTenant(page, 'Contoso again', 'Contoso.com');
	await expect(panel(page).getByText('Contoso already uses contoso.com')).toBeVisible();
	await expect(panel(page).getByLabel('Domain')).toHaveAttribute('aria-invalid', 'true');
	await expect(tenantList(page).getByRole('listitem')).toHaveCount(3);
});

test('S3: a Conditional Access policy requiring MFA of direct connect users on Contoso', async ({
	page
}) => {
	const errors = watchErrors(page);
	await openTenants(page);
	await tenantList(page)
		.getByRole('button', { name: /Contoso/ })
		.click();
	await page.getByRole('tab', { name: 'Directory' }).click();
	const ca = panel(page).getByRole('region', { name: /^Conditional Access policies/ });
	await ca.getByRole('button', { name: 'New policy' }).click();
	await ca.getByLabel('Policy name').fill('MFA for direct connect users');
	await expect(ca.getByRole('radio', { name: /B2B direct connect user/ })).toBeChecked();
	await expect(
		ca.getByRole('checkbox', { name: 'Require multifactor authentication' })
	).toBeChecked();
	await ca.getByRole('checkbox', { name: /approved client app/ }).check();
	await expect(ca.getByText('cannot satisfy this control here')).toBeVisible();
	await ca.getByRole('checkbox', { name: /approved client app/ }).uncheck();
	await ca.getByRole('button', { name: 'Save policy' }).click();

	const item = ca.getByRole('listitem').filter({ hasText: 'MFA for direct connect users' });
	await expect(item).toBeVisible();
	await expect(item).toContainText('B2B direct connect users of all external tenants');
	await expect(item).toContainText('Require multifactor authentication');
	expect(errors).toEqual([]);
});

test('removing every tenant leaves the empty-scenario state with the add form', async ({
	page
}) => {
	const errors = watchErrors(page);
	await openTenants(page);
	for (const name of ['Contoso', 'Fabrikam', 'Northwind Traders']) {
		await panel(page)
			.getByRole('button', { name: new RegExp(`^${name}`) })
			.click();
		await page.getByRole('tab', { name: 'Directory' }).click();
		await panel(page)
			.getByRole('button', { name: /Remove tenant/ })
			.click();
		await expect(panel(page).getByText(/saved attempt/)).toBeVisible();
		await panel(page)
			.getByRole('button', { name: `Remove ${name}`, exact: true })
			.click();
	}
	await expect(panel(page).getByText('This scenario has no tenants yet')).toBeVisible();
	await expect(panel(page).getByRole('heading', { name: 'Add the first tenant' })).toBeVisible();
	// The simulator says what is missing instead of naming a placeholder user.
	await page.getByRole('tab', { name: 'Simulate' }).click();
	await expect(page.getByText(/This scenario has no users yet/)).toBeVisible();
	await expect(page.getByText('(no user)')).toHaveCount(0);
	expect(errors).toEqual([]);
});
