import { expect, test, type Locator, type Page } from '@playwright/test';
import { audit, customizeAllowAll, orgRow, panelOf, watchErrors } from './helpers.ts';

const TITLE = 'Closed by default, and it takes two';
const GOAL = 'Alex (Fabrikam) can open the Contoso shared channel';

async function openLessons(page: Page): Promise<Locator> {
	const panel = panelOf(page);
	await panel.getByRole('tab', { name: 'Lessons' }).click();
	await expect(panel.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible();
	return panel;
}

/**
 * From the lesson view, opens `tenant`'s settings, adds `partner` as an organization and allows all
 * of its users and applications in one direction, through the settings editor.
 */
async function allowAll(page: Page, tenant: string, partner: string, direction: string) {
	let panel = await openLessons(page);
	await panel.getByRole('button', { name: `${tenant} (open its settings)` }).click();
	panel = panelOf(page);
	await expect(panel.getByRole('heading', { level: 2, name: new RegExp(tenant) })).toBeVisible();
	await panel.getByRole('tab', { name: 'Organizational settings' }).click();
	await panel.getByLabel('Domain name or tenant ID').fill(`${partner.toLowerCase()}.com`);
	await panel.getByRole('button', { name: 'Add', exact: true }).click();
	const row = orgRow(panel, partner);
	await row
		.getByRole('button', { name: new RegExp(`open ${direction} settings for ${partner}`) })
		.click();
	await customizeAllowAll(panel);
	await panel.getByRole('button', { name: 'All organizations' }).click();
	await expect(row.getByRole('button', { name: /^Customized: allow all users/ })).toBeVisible();
}

test('lesson 1 end to end: predict, reveal, fix in the settings editor, complete, remembered', async ({
	page
}) => {
	const errors = watchErrors(page);
	await page.goto('/');
	let panel = await openLessons(page);

	// The index: every lesson, nothing done, the first lesson offered to a newcomer.
	await expect(panel.getByText('0 of 8 completed')).toBeVisible();
	await expect(
		panel.getByRole('list', { name: 'Lessons' }).getByRole('heading', { level: 3 })
	).toHaveCount(8);
	const first = panel.getByRole('listitem').filter({ hasText: TITLE });
	await expect(first.getByText('Not started')).toBeVisible();
	await expect(first.locator('.rule-id')).toHaveText(['D1', 'S1', 'S2', 'R1', 'V6']);
	await panel.getByRole('button', { name: 'New here? Start with lesson 1' }).click();

	// The lesson opens in its own scenario, with the goal not met yet.
	await expect(panel.getByRole('heading', { level: 3, name: TITLE })).toBeFocused();
	await expect(
		page.getByRole('combobox', { name: 'Scenario' }).locator('option:checked')
	).toHaveText(`Lesson: ${TITLE}`);
	const goal = panel.getByRole('region', { name: 'Goal' });
	await expect(goal.getByRole('listitem')).toHaveText([`✕ ${GOAL} not met yet`]);

	// Predict, then reveal.
	const predict = panel.getByRole('region', { name: 'Predict, then reveal' });
	await expect(predict).toContainText('Will Alex pass Fabrikam’s outbound check?');
	await predict.getByRole('button', { name: 'No', exact: true }).click();
	await expect(predict.getByText('You were right.')).toBeVisible();
	await expect(predict).toContainText('the outbound check fails');
	await expect(predict).toContainText('AADSTS500212');
	await expect(predict.getByRole('button', { name: 'Walk it in the simulator' })).toBeVisible();

	// One hint at a time.
	await panel.getByRole('button', { name: /Show a hint/ }).click();
	await expect(panel.getByText('Run the attempt and read the first failed step')).toBeVisible();
	await expect(panel.getByRole('button', { name: /Show a hint \(2 of 3\)/ })).toBeVisible();

	// The fix, through the settings editor: Fabrikam lets Alex out, Contoso lets him in.
	await allowAll(page, 'Fabrikam', 'Contoso', 'outbound');
	await openLessons(page);
	await expect(goal.getByRole('listitem')).toHaveText([`✕ ${GOAL} not met yet`]);
	await allowAll(page, 'Contoso', 'Fabrikam', 'inbound');

	// Back in the lesson: every goal item met, the completion screen has the focus.
	panel = await openLessons(page);
	await expect(goal.getByRole('listitem')).toHaveText([`✓ ${GOAL} met`]);
	const done = panel.getByRole('status').filter({ hasText: 'Lesson complete' });
	await expect(done).toBeFocused();
	await expect(done).toContainText('Direct connect is off in a new tenant');
	await expect(done.locator('.rule-id')).toHaveText(['D1', 'S1', 'S2', 'R1', 'V6']);
	await expect(done.getByRole('button', { name: /^Next lesson/ })).toBeVisible();
	await expect(page.getByText('All changes saved')).toBeVisible();

	// Stored: after a reload the panel continues the lesson, and the index shows it completed.
	await page.reload();
	panel = await openLessons(page);
	await panel.getByRole('button', { name: 'Back to lessons' }).click();
	await expect(panel.getByText('1 of 8 completed')).toBeVisible();
	await expect(panel.getByRole('listitem').filter({ hasText: TITLE })).toContainText('Completed');
	await expect(panel.getByRole('button', { name: 'New here? Start with lesson 1' })).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('a lesson solved while the Lessons panel is closed is stored as completed', async ({
	page
}) => {
	await page.goto('/');
	const panel = await openLessons(page);
	await panel.getByRole('button', { name: `Start lesson 1: ${TITLE}` }).click();
	await expect(panel.getByRole('region', { name: 'Goal' })).toContainText('0 of 1 met');

	// Solved entirely in the Tenants panel, then the learner moves to another scenario and reloads:
	// the Lessons panel never saw the goal met, yet the progress was stored.
	for (const [tenant, partner, direction] of [
		['Fabrikam', 'Contoso', 'outbound'],
		['Contoso', 'Fabrikam', 'inbound']
	] as const) {
		// The tenant's node in the graph opens its settings in the Tenants panel.
		await page
			.getByRole('button', { name: new RegExp(`^${tenant} ${tenant.toLowerCase()}\\.com`) })
			.click();
		await expect(panel.getByRole('heading', { level: 2, name: new RegExp(tenant) })).toBeVisible();
		await panel.getByRole('tab', { name: 'Organizational settings' }).click();
		await panel.getByLabel('Domain name or tenant ID').fill(`${partner.toLowerCase()}.com`);
		await panel.getByRole('button', { name: 'Add', exact: true }).click();
		await orgRow(panel, partner)
			.getByRole('button', { name: new RegExp(`open ${direction} settings for ${partner}`) })
			.click();
		await customizeAllowAll(panel);
	}
	await expect(page.getByText('All changes saved')).toBeVisible();
	const select = page.getByRole('combobox', { name: 'Scenario' });
	const example = await select.locator('option', { hasText: 'Example 1' }).getAttribute('value');
	await select.selectOption(example ?? '');
	await page.reload();
	await openLessons(page);
	await expect(panel.getByText('1 of 8 completed')).toBeVisible();
	await expect(panel.getByRole('listitem').filter({ hasText: TITLE })).toContainText('Completed');
});

test('the solution is applied after a confirm and can be undone', async ({ page }) => {
	await page.goto('/');
	const panel = await openLessons(page);
	await panel.getByRole('button', { name: `Start lesson 1: ${TITLE}` }).click();
	const goal = panel.getByRole('region', { name: 'Goal' });
	await expect(goal).toContainText('0 of 1 met');
	await panel.getByRole('button', { name: 'Show the solution' }).click();
	await panel.getByRole('button', { name: 'Cancel' }).click();
	await expect(goal).toContainText('0 of 1 met');
	await panel.getByRole('button', { name: 'Show the solution' }).click();
	await panel.getByRole('button', { name: 'Yes, apply the solution' }).click();
	await expect(panel.getByRole('status').filter({ hasText: 'Lesson complete' })).toBeFocused();
	await expect(goal).toContainText('1 of 1 met');
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(goal).toContainText('0 of 1 met');
	// Completion sticks even though the scenario is broken again.
	await panel.getByRole('button', { name: /All lessons/ }).click();
	await expect(panel.getByText('1 of 8 completed')).toBeVisible();
});

test('start over opens a fresh copy of the starting scenario', async ({ page }) => {
	await page.goto('/');
	const panel = await openLessons(page);
	await panel.getByRole('button', { name: `Start lesson 1: ${TITLE}` }).click();
	const predict = panel.getByRole('region', { name: 'Predict, then reveal' });
	await predict.getByRole('button', { name: 'Yes', exact: true }).click();
	await expect(predict.getByText('Not this time.')).toBeVisible();
	await panel.getByRole('button', { name: 'Show the solution' }).click();
	await panel.getByRole('button', { name: 'Yes, apply the solution' }).click();
	await expect(panel.getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();
	await panel.getByRole('button', { name: 'Start over' }).click();
	await expect(panel.getByRole('region', { name: 'Goal' })).toContainText('0 of 1 met');
	await expect(predict.getByRole('button', { name: 'Yes', exact: true })).toBeVisible();
	const scenario = page.getByRole('combobox', { name: 'Scenario' });
	await expect(scenario.locator('option', { hasText: `Lesson: ${TITLE}` })).toHaveCount(2);
});

/** axe (WCAG 2.x A and AA): nothing serious or critical on the index, a lesson and its completion. */
for (const colorScheme of ['light', 'dark'] as const) {
	test(`the lesson views pass axe in the ${colorScheme} theme`, async ({ page }) => {
		test.setTimeout(60_000);
		await page.emulateMedia({ colorScheme });
		await page.goto('/');
		const panel = await openLessons(page);
		await expect(panel.getByText('0 of 8 completed')).toBeVisible();
		await audit(page, 'index');
		await panel.getByRole('button', { name: 'New here? Start with lesson 1' }).click();
		const predict = panel.getByRole('region', { name: 'Predict, then reveal' });
		await predict.getByRole('button', { name: 'No', exact: true }).click();
		await panel.getByRole('button', { name: /Show a hint/ }).click();
		await panel.getByRole('button', { name: 'Show the solution' }).click();
		await audit(page, 'lesson');
		await panel.getByRole('button', { name: 'Yes, apply the solution' }).click();
		await expect(panel.getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();
		await audit(page, 'completion');
	});
}
