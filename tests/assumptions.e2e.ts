import { expect, test, type Page } from '@playwright/test';
import { openScenario, openTenant, saved, watchErrors } from './helpers.ts';

/**
 * A3 through the UI: Example 2 has no nested groups, so the test nests Isaiah (in no group) inside
 * Fabrikam's Marketing through a new group, then switches the scenario to direct members only.
 */
async function nestIsaiahInMarketing(page: Page): Promise<void> {
	const panel = await openTenant(page, 'Fabrikam');
	await panel.getByRole('tab', { name: 'Directory' }).click();
	const groups = panel.getByRole('region', { name: /^Groups/ });
	await groups.getByText('Add a group').click();
	const add = groups.getByRole('form', { name: 'Add a group' });
	await add.getByLabel('Group name').fill('Interns');
	await add.getByRole('checkbox', { name: 'Isaiah Langer' }).check();
	await add.getByRole('button', { name: 'Add group' }).click();
	await groups.getByRole('button', { name: 'Edit Marketing' }).click();
	const edit = groups.getByRole('form', { name: 'Edit group Marketing' });
	await edit.getByRole('checkbox', { name: 'Interns' }).check();
	await edit.getByRole('button', { name: 'Save group' }).click();
	await expect(groups).toContainText('Through nested groups (Interns): Isaiah Langer.');
	await expect(groups).toContainText('Targets naming this group match them too');
}

async function isaiahToContoso(page: Page) {
	await page.getByRole('tab', { name: 'Who can reach whom' }).click();
	await page
		.getByRole('combobox', { name: 'Users of' })
		.selectOption({ label: 'Fabrikam (fabrikam.com)' });
	// Isaiah is listed under Marketing and under Interns: the first row is enough.
	return page.getByRole('button', { name: /^Isaiah Langer to Contoso: / }).first();
}

async function setMembership(page: Page, label: 'Direct members only' | 'Nested members count') {
	await page.getByRole('tab', { name: 'Simulate' }).click();
	const section = page.getByRole('region', { name: 'Scenario assumptions' });
	await section.getByText('Scenario assumptions', { exact: true }).click();
	await section.getByRole('radio', { name: label }).check();
	return section;
}

test('A3: direct group membership blocks a nested member everywhere, and Undo restores it', async ({
	page
}) => {
	const errors = watchErrors(page);
	await page.goto('/');
	await openScenario(page, 'Example 2');
	await nestIsaiahInMarketing(page);

	// Transitive (the default): the nested member gets in, and the cell says A3 decided.
	let cell = await isaiahToContoso(page);
	await expect(cell).toHaveAccessibleName('Isaiah Langer to Contoso: granted');
	await cell.focus();
	let tip = page.locator(`#${await cell.getAttribute('aria-describedby')}`);
	await expect(tip).toBeVisible();
	await expect(tip).toContainText('A3 Assumption: group targets count members of nested groups');

	// Direct members only: the control says so, and the same cell is blocked at outbound with A3.
	const section = await setMembership(page, 'Direct members only');
	await expect(section.getByRole('radio', { name: 'Direct members only' })).toBeChecked();
	await expect(section).toContainText('direct members only');
	await expect(section).toContainText('not the default');
	cell = await isaiahToContoso(page);
	await expect(cell).toHaveAccessibleName(/^Isaiah Langer to Contoso: blocked at outbound/);
	await cell.focus();
	// Counting direct members only, Isaiah is listed under Interns alone: another row, another tip.
	tip = page.locator(`#${await cell.getAttribute('aria-describedby')}`);
	await expect(tip).toBeVisible();
	await expect(tip).toContainText('A3 Assumption: group targets count direct members only');

	// The simulator agrees, and its outbound step names A3 in the option's words.
	await cell.click();
	await page.getByRole('button', { name: 'Run to end' }).click();
	const outbound = page.getByRole('listitem').filter({
		has: page.getByRole('heading', { level: 4, name: /^2\. Outbound failed/ })
	});
	await expect(outbound).toContainText('assumption: group targets count direct members only');

	// The Invite search finds nobody and names A3 too.
	await page.getByRole('tab', { name: 'Invite' }).click();
	await page.getByRole('combobox', { name: 'The channel belongs to' }).selectOption({
		label: 'Contoso (contoso.com)'
	});
	await page.getByRole('searchbox').fill('isaiah@fabrikam.com');
	const results = page.getByRole('status', { name: 'Search results' });
	await expect(results).toContainText('Nobody found');
	await expect(results).toContainText('A3 Assumption: group targets count direct members only');

	// One Undo brings the default back: the cell is granted again, the file has no options.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(results).toContainText('Isaiah');
	await expect(results).toContainText(
		'A3 Assumption: group targets count members of nested groups'
	);
	cell = await isaiahToContoso(page);
	await expect(cell).toHaveAccessibleName('Isaiah Langer to Contoso: granted');
	await page.getByRole('tab', { name: 'Simulate' }).click();
	const again = page.getByRole('region', { name: 'Scenario assumptions' });
	await again.getByText('Scenario assumptions', { exact: true }).click();
	await expect(again.getByRole('radio', { name: 'Nested members count' })).toBeChecked();
	await expect(again).not.toContainText('not the default');
	await saved(page);
	expect(errors).toEqual([]);
});

test('A5: blocking MFA trusted but not done re-decides the walk and the words, and Undo restores it', async ({
	page
}) => {
	const errors = watchErrors(page);
	const result = page.getByRole('heading', { level: 3, name: /^Result/ });
	const runSaved = async () => {
		await page
			.getByRole('button', {
				name: 'Open No MFA yet: challenged at home, completes it',
				exact: true
			})
			.click();
		await page.getByRole('button', { name: 'Run to end' }).click();
	};
	await page.goto('/');
	await openScenario(page, 'MFA trust and automatic redemption');
	await page.getByRole('tab', { name: 'Who can reach whom' }).click();
	await expect(page.getByText('MFA asked for at home is completed')).toBeVisible();
	await page.getByRole('tab', { name: 'Simulate' }).click();
	await runSaved();
	await expect(result).toContainText('Granted');

	// The keyboard reaches the choice: Space on the focused radio.
	const section = page.getByRole('region', { name: 'Scenario assumptions' });
	await section.getByText('Scenario assumptions', { exact: true }).click();
	const block = section.getByRole('radio', { name: 'Block' });
	await block.focus();
	await page.keyboard.press('Space');
	await expect(block).toBeChecked();
	await expect(section).toContainText('MFA not done blocks');

	await runSaved();
	await expect(result).toContainText('at Conditional Access · error 53003');
	const ca = page.getByRole('listitem').filter({
		has: page.getByRole('heading', { level: 4, name: /^4\. Conditional Access failed/ })
	});
	await expect(ca).toContainText('assumption: MFA trusted but not done yet blocks the attempt');
	await page.getByRole('tab', { name: 'Who can reach whom' }).click();
	await expect(page.getByText('MFA trusted but not done yet blocks')).toBeVisible();

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByText('MFA asked for at home is completed')).toBeVisible();
	await page.getByRole('tab', { name: 'Simulate' }).click();
	await runSaved();
	await expect(result).toContainText('Granted');
	expect(errors).toEqual([]);
});
