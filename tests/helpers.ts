/** Navigation and checks the browser tests share. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** Collects console errors and uncaught exceptions from the moment it is called. */
export function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

/** Opens the stored scenario whose name starts with `nameStart` from the header's picker. */
export async function openScenario(page: Page, nameStart: string): Promise<void> {
	const select = page.getByRole('combobox', { name: 'Scenario' });
	await expect(select).toBeVisible();
	const value = await select
		.locator('option', { hasText: nameStart })
		.first()
		.getAttribute('value');
	await select.selectOption(value ?? '');
}

/** Opens a tenant from the Tenants panel; returns the panel region. */
export async function openTenant(page: Page, name: string): Promise<Locator> {
	const panel = page.getByRole('region', { name: 'Panels' });
	await panel.getByRole('tab', { name: 'Tenants' }).click();
	// A tenant already open: back to the list first.
	const back = panel.getByRole('button', { name: 'All tenants' });
	if (await back.isVisible()) await back.click();
	await panel.getByRole('button', { name: new RegExp(`^${name} `) }).click();
	await expect(panel.getByRole('heading', { level: 2, name: new RegExp(name) })).toBeVisible();
	return panel;
}

/** An organization's row in the Organizational settings list. */
export function orgRow(panel: Locator, name: string): Locator {
	// `has` is searched inside each list item, so it starts from the page, not from the panel.
	return panel
		.getByRole('listitem')
		.filter({ has: panel.page().getByRole('heading', { level: 4, name, exact: true }) });
}

/** Waits for the header to say the scenario is stored. */
export async function saved(page: Page): Promise<void> {
	await expect(page.getByText('All changes saved')).toBeVisible();
}

/** The side panel (tabs Tenants, Simulate, … and their content). */
export function panelOf(page: Page): Locator {
	return page.getByRole('region', { name: 'Panels' });
}

/** What axe (WCAG 2.0 / 2.1, A and AA) finds `serious` or `critical` on the page, one line each. */
export async function axeProblems(page: Page): Promise<string[]> {
	// Two frames: styles and transitions of the last change have settled.
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
}

/** Fails with axe's findings for `view` when any is serious or critical. */
export async function audit(page: Page, view: string): Promise<void> {
	expect(await axeProblems(page), `${view}: axe violations`).toEqual([]);
}

/**
 * In an open B2B direct connect form: Customize, allow all users and all applications, Save (the
 * settings editor's way to open one direction for everyone).
 */
export async function customizeAllowAll(panel: Locator): Promise<void> {
	await panel.getByRole('radio', { name: 'Customize settings' }).check();
	const users = panel.getByRole('region', { name: 'Users and groups' });
	const apps = panel.getByRole('region', { name: 'Applications' });
	await users.getByRole('radio', { name: 'Allow access' }).check();
	await users.getByRole('radio', { name: 'All users' }).check();
	await apps.getByRole('radio', { name: 'Allow access' }).check();
	await apps.getByRole('radio', { name: 'All applications' }).check();
	await panel.getByRole('button', { name: 'Save' }).click();
}
