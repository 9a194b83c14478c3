import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { evaluateAttempt } from '../src/lib/domain/engine/index.ts';
import { parseScenario } from '../src/lib/domain/parse.ts';
import type { Scenario } from '../src/lib/domain/schema.ts';

// The engine runs here in Node on the example files, so the page is checked against the engine itself.
function example(file: string): Scenario {
	const text = readFileSync(new URL(`../src/lib/examples/${file}`, import.meta.url), 'utf8');
	const parsed = parseScenario(text);
	if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
	return parsed.scenario;
}

const EX1 = example('example-1-fabrikam-all-users.json');
const EX2 = example('example-2-fabrikam-marketing-only.json');

const STEP_WORDS: Record<string, string> = {
	preconditions: 'preconditions',
	outbound: 'outbound',
	inbound: 'inbound',
	conditionalAccess: 'Conditional Access',
	consent: 'consent'
};

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

async function openPanel(page: Page, scenario: Scenario, tab: string): Promise<void> {
	await page.goto('/');
	await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: scenario.name });
	await page.getByRole('tab', { name: tab }).click();
}

/** What a cell must say for the engine's result: "granted" or "blocked at inbound (AADSTS500213)". */
function expectedWords(scenario: Scenario, user: string, domain: string): [string, string] {
	const result = evaluateAttempt(scenario, {
		name: 'matrix cell',
		user,
		resourceTenant: domain,
		application: 'Office365'
	});
	if (result.outcome === 'granted') return ['granted', '✓ granted'];
	const step = STEP_WORDS[result.step ?? ''] ?? '?';
	const code =
		result.errorCode === null
			? ''
			: result.errorCode === 53003
				? ' (error 53003)'
				: ` (AADSTS${result.errorCode})`;
	return [`blocked at ${step}${code}`, `✕ ${step}`];
}

for (const scenario of [EX1, EX2]) {
	test(`${scenario.name}: every cell of every home tenant agrees with evaluateAttempt`, async ({
		page
	}) => {
		const errors = watchErrors(page);
		await openPanel(page, scenario, 'Who can reach whom');
		const table = page.getByRole('table');
		for (const home of scenario.tenants) {
			await page
				.getByRole('combobox', { name: 'Users of' })
				.selectOption({ label: `${home.displayName} (${home.domain})` });
			await expect(table.getByRole('columnheader').first()).toHaveText(
				`User of ${home.displayName}`
			);
			let expectedCells = 0;
			for (const user of home.users) {
				// A user is listed once per group they are in (examples have no nested groups), or once.
				const listed = Math.max(1, home.groups.filter((g) => g.members.includes(user.id)).length);
				for (const resource of scenario.tenants) {
					if (resource.tenantId === home.tenantId) continue;
					const [said, shown] = expectedWords(scenario, user.userPrincipalName, resource.domain);
					const prefix = `${user.displayName} to ${resource.displayName}: `;
					const cells = table.getByRole('button', { name: new RegExp(`^${escape(prefix)}`) });
					await expect(cells).toHaveCount(listed);
					for (const cell of await cells.all()) {
						await expect(cell).toHaveAccessibleName(prefix + said);
						await expect(cell).toHaveText(shown);
					}
					expectedCells += listed;
				}
			}
			await expect(table.getByRole('button')).toHaveCount(expectedCells);
		}
		expect(errors).toEqual([]);
	});
}

test('a cell shows its step and error code on hover and on keyboard focus', async ({ page }) => {
	await openPanel(page, EX2, 'Who can reach whom');
	await page
		.getByRole('combobox', { name: 'Users of' })
		.selectOption({ label: 'Fabrikam (fabrikam.com)' });
	const cell = page.getByRole('button', { name: /^Isaiah Langer to Contoso:/ });
	await expect(cell).toHaveAccessibleDescription(/Blocked at outbound · AADSTS500212 S1/);
	await cell.hover();
	await expect(page.getByRole('tooltip').filter({ visible: true })).toContainText(
		"Only Fabrikam's admin can change this"
	);
	await page.mouse.move(0, 0);
	await expect(page.getByRole('tooltip').filter({ visible: true })).toHaveCount(0);
	await page.getByRole('combobox', { name: 'Users of' }).focus();
	await page.keyboard.press('Tab'); // the Compare select
	await page.keyboard.press('Tab'); // the first cell: Alex Wilber to Contoso, granted
	const tip = page.getByRole('tooltip').filter({ visible: true });
	await expect(tip).toContainText('Granted');
	await page.keyboard.press('Escape');
	await expect(tip).toHaveCount(0);
});

test('clicking a cell opens the simulator on that attempt', async ({ page }) => {
	const errors = watchErrors(page);
	await openPanel(page, EX2, 'Who can reach whom');
	await page
		.getByRole('combobox', { name: 'Users of' })
		.selectOption({ label: 'Fabrikam (fabrikam.com)' });
	await page.getByRole('button', { name: /^Isaiah Langer to Contoso:/ }).click();
	await expect(page.getByRole('tab', { name: 'Simulate' })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	const panel = page.getByRole('tabpanel', { name: 'Simulate' });
	await expect(panel.getByRole('combobox', { name: 'User' }).locator('option:checked')).toHaveText(
		/isaiah@fabrikam\.com/
	);
	await expect(
		panel.getByRole('combobox', { name: 'Resource tenant' }).locator('option:checked')
	).toHaveText(/Contoso/);
	expect(errors).toEqual([]);
});

test('diff mode: a snapshot, then removing an organization, shows what was lost', async ({
	page
}) => {
	const errors = watchErrors(page);
	await openPanel(page, EX1, 'Who can reach whom');
	await page
		.getByRole('combobox', { name: 'Users of' })
		.selectOption({ label: 'Fabrikam (fabrikam.com)' });
	await page.getByRole('textbox', { name: 'Snapshot name' }).fill('with the Fabrikam entry');
	await page.getByRole('button', { name: 'Take snapshot' }).click();
	const summary = page.getByText(/^Compared with the snapshot/);
	await expect(summary).toContainText('+ 0 gained · − 0 lost · = 6 unchanged');

	// Contoso removes its organizational settings for Fabrikam: its default blocks everyone inbound.
	await page.getByRole('tab', { name: 'Tenants' }).click();
	await page.getByRole('tabpanel').getByRole('button', { name: 'Contoso contoso.com' }).click();
	await page.getByRole('tab', { name: 'Organizational settings' }).click();
	await page.getByRole('button', { name: 'Remove', exact: true }).first().click();
	await page.getByRole('button', { name: 'Yes, remove' }).click();
	await page.getByRole('tab', { name: 'Who can reach whom' }).click();

	await expect(summary).toContainText('+ 0 gained · − 3 lost · = 3 unchanged');
	await expect(page.getByRole('button', { name: /^Alex Wilber to Contoso:/ })).toHaveAccessibleName(
		'Alex Wilber to Contoso: blocked now at inbound (AADSTS500213), was granted'
	);
	await expect(page.getByRole('button', { name: /^Alex Wilber to Northwind/ })).toHaveText(
		/= unchanged\s*✕ outbound/
	);
	// Comparing with nothing goes back to the plain outcomes.
	await page.getByRole('combobox', { name: 'Compare with' }).selectOption({ index: 0 });
	await expect(page.getByText(/0 granted · ✕ 6 blocked/)).toBeVisible();
	expect(errors).toEqual([]);
});

test('the invitation finds alex@fabrikam.com from Contoso, and explains why not isaiah', async ({
	page
}) => {
	const errors = watchErrors(page);
	await openPanel(page, EX2, 'Invite');
	await page
		.getByRole('combobox', { name: 'The channel belongs to' })
		.selectOption({ label: 'Contoso (contoso.com)' });
	const search = page.getByRole('searchbox', { name: /Email address of someone outside Contoso/ });
	const results = page.getByRole('status', { name: 'Search results' });

	await search.fill('alex@fabrikam');
	await expect(results).toContainText('Type the full email address');

	await search.fill('alex@fabrikam.com');
	await expect(results).toContainText('Alex Wilber');
	await expect(results).toContainText('from Fabrikam');
	await expect(results).toContainText('AW');
	await expect(results).not.toContainText('alex@fabrikam.com');

	await search.fill('isaiah@fabrikam.com');
	await expect(results).toContainText('Nobody found');
	await expect(results).toContainText("Fabrikam's admin");
	await expect(results).not.toContainText('Isaiah');
	await expect(
		results.getByRole('button', { name: "Open Fabrikam's outbound setting" })
	).toBeVisible();

	await search.fill('someone@litware.com');
	await expect(results).toContainText('No organization with that domain is set up here');
	expect(errors).toEqual([]);
});
