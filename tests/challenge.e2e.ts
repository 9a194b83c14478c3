import { expect, test, type Locator, type Page } from '@playwright/test';
import { audit, customizeAllowAll, openScenario, panelOf, saved, watchErrors } from './helpers.ts';

const TITLE = 'Let Marketing in';
const ALEX = 'Alex Wilber (Fabrikam) can open the Contoso shared channel';

/** Contoso's inbound settings for Fabrikam, opened in the settings editor. */
async function openContosoInboundForFabrikam(page: Page): Promise<Locator> {
	const panel = panelOf(page);
	await panel.getByRole('tab', { name: 'Tenants' }).click();
	await panel.getByRole('button', { name: /^Contoso / }).click();
	await expect(panel.getByRole('heading', { level: 2, name: /Contoso/ })).toBeVisible();
	await panel.getByRole('tab', { name: 'Organizational settings' }).click();
	const row = panel
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { level: 4, name: 'Fabrikam', exact: true }) });
	await row.getByRole('button', { name: /open inbound settings for Fabrikam/ }).click();
	return panel;
}

/** The authoring dialog opens from the Lessons panel's index. */
async function openAuthoring(page: Page): Promise<void> {
	await panelOf(page).getByRole('tab', { name: 'Lessons' }).click();
	await panelOf(page).getByRole('button', { name: 'Make a challenge from this scenario…' }).click();
}

function challengeBanner(page: Page): Locator {
	return page.getByRole('region', { name: `Challenge: ${TITLE}` });
}

test('author a challenge from Example 2, open its link in a fresh browser, solve it in the editor', async ({
	page,
	browser
}) => {
	const errors = watchErrors(page);
	await page.goto('/');
	await openScenario(page, 'Example 2');

	// The author shuts Contoso's inbound door for Fabrikam, snapshots that as the start, and undoes it.
	let panel = await openContosoInboundForFabrikam(page);
	await panel.getByRole('radio', { name: 'Default settings' }).check();
	await panel.getByRole('button', { name: 'Save' }).click();
	await saved(page);
	await panel.getByRole('tab', { name: 'Library' }).click();
	const snapshots = page.getByRole('region', { name: 'Snapshots of this scenario' });
	await snapshots.getByLabel('Name').fill('Door shut');
	await snapshots.getByRole('button', { name: 'Take a snapshot' }).click();
	await expect(snapshots.getByText('Door shut')).toBeVisible();
	await page.getByRole('button', { name: '↶ Undo' }).click();
	await saved(page);

	// The authoring dialog: the engine checks the solution and the start.
	await openAuthoring(page);
	const dialog = page.getByRole('dialog', { name: 'Make a challenge from this scenario' });
	await expect(dialog.getByLabel('Starting state')).toHaveValue(/.+/);
	await expect(dialog.getByLabel('Starting state').locator('option:checked')).toHaveText(
		/^Snapshot: Door shut/
	);
	await dialog.getByLabel('Title').fill(TITLE);
	const alexRow = dialog.getByRole('row').filter({ hasText: ALEX });
	await expect(alexRow.getByRole('cell').nth(1)).toHaveText(/holds/);
	await expect(alexRow.getByRole('cell').nth(2)).toHaveText(/to solve/);
	await expect(dialog.getByText(/Ready: your solution meets every goal/)).toBeVisible();

	const link = dialog.getByLabel('Challenge link');
	await expect(link).toHaveValue(/#s=1\./);
	const url = await link.inputValue();
	await dialog.getByRole('button', { name: 'Close' }).click();

	// The learner, in a fresh browser: the goal, not solved.
	const context = await browser.newContext();
	const learner = await context.newPage();
	const learnerErrors = watchErrors(learner);
	await learner.goto(url);
	await expect(learner.getByRole('heading', { level: 1 })).toHaveText('trustwalk: a challenge');
	await expect(learner.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
	await learner.getByRole('button', { name: 'Open as a new scenario' }).click();
	const banner = challengeBanner(learner);
	await expect(banner).toContainText('2 of 3 goals met');
	await expect(banner.getByText('Challenge solved')).toHaveCount(0);
	const goal = banner.getByRole('region', { name: 'Goal' });
	await expect(goal.getByRole('listitem').filter({ hasText: ALEX })).toContainText('not met yet');

	// The simulator keeps its fixes behind a spoiler button, and shows expectations as goals.
	await panelOf(learner).getByRole('tab', { name: 'Simulate' }).click();
	await expect(
		learner.getByRole('region', { name: 'Saved attempts' }).getByRole('status')
	).toContainText('2 of 3 reach their goal');
	await learner
		.getByRole('button', {
			name: 'Open Marketing member opens a Contoso shared channel',
			exact: true
		})
		.click();
	await learner.getByRole('button', { name: 'Run to end' }).click();
	const fix = learner.getByRole('region', { name: 'Fix it' });
	await expect(fix.getByRole('button', { name: 'Apply this fix' })).toHaveCount(0);
	await fix.getByRole('button', { name: 'Show a hint (spoils part of the challenge)' }).click();
	await expect(fix.getByRole('button', { name: 'Apply this fix' }).first()).toBeVisible();

	// Challenge mode survives a reload.
	await learner.reload();
	await expect(challengeBanner(learner)).toContainText('2 of 3 goals met');

	// The fix, through the settings editor: Contoso lets Fabrikam's Marketing group in again.
	panel = await openContosoInboundForFabrikam(learner);
	await customizeAllowAll(panel);

	// Solved, announced through the live region, and remembered.
	await expect(challengeBanner(learner).getByText('Challenge solved').first()).toBeVisible();
	await expect(challengeBanner(learner).getByRole('status')).toHaveText(
		'Challenge solved: all 3 goals hold.'
	);
	await saved(learner);
	await learner.reload();
	await expect(challengeBanner(learner)).toContainText('First solved');
	await panelOf(learner).getByRole('tab', { name: 'Lessons' }).click();
	await expect(
		panelOf(learner).getByRole('region', { name: 'Challenges you opened' }).getByRole('listitem')
	).toHaveText([/Solved\s+Let Marketing in/]);

	// Leaving challenge mode keeps the scenario and drops the banner, across a reload too.
	await challengeBanner(learner).getByRole('button', { name: 'Leave challenge mode…' }).click();
	await expect(challengeBanner(learner).getByRole('button', { name: 'Stay' })).toBeFocused();
	await challengeBanner(learner).getByRole('button', { name: 'Leave challenge mode' }).click();
	await expect(challengeBanner(learner)).toHaveCount(0);
	await learner.reload();
	await panelOf(learner).getByRole('tab', { name: 'Lessons' }).click();
	await expect(
		panelOf(learner).getByRole('heading', { name: 'Make your own challenge' })
	).toBeVisible();
	await expect(challengeBanner(learner)).toHaveCount(0);
	await expect(panelOf(learner).getByRole('region', { name: 'Challenges you opened' })).toHaveCount(
		0
	);
	await context.close();
	expect(errors).toEqual([]);
	expect(learnerErrors).toEqual([]);
});

test('the authoring dialog says what is wrong: nothing to solve from the solution itself', async ({
	page
}) => {
	await page.goto('/');
	await openScenario(page, 'Example 2');
	// No snapshot: the start offered is the service defaults, a fair start for Example 2.
	await openAuthoring(page);
	const dialog = page.getByRole('dialog', { name: 'Make a challenge from this scenario' });
	await expect(dialog.getByLabel('Starting state').locator('option:checked')).toHaveText(
		/service defaults/
	);
	await expect(dialog.getByLabel('Challenge link')).toHaveValue(/#s=1\./);
	await dialog.getByRole('button', { name: 'Close' }).click();

	// A snapshot of the solution as it is: the dialog refuses it.
	await panelOf(page).getByRole('tab', { name: 'Library' }).click();
	const snapshots = page.getByRole('region', { name: 'Snapshots of this scenario' });
	await snapshots.getByLabel('Name').fill('Same as now');
	await snapshots.getByRole('button', { name: 'Take a snapshot' }).click();
	await expect(snapshots.getByText('Same as now')).toBeVisible();
	await openAuthoring(page);
	await expect(dialog.getByRole('listitem').filter({ hasText: 'Nothing to solve' })).toBeVisible();
	await expect(dialog.getByLabel('Challenge link')).toHaveCount(0);
});

test('a passphrase challenge link opens in challenge mode after its passphrase', async ({
	page,
	browser
}) => {
	await page.goto('/');
	await openScenario(page, 'Example 2');
	await openAuthoring(page);
	const dialog = page.getByRole('dialog', { name: 'Make a challenge from this scenario' });
	await dialog.getByLabel('Title').fill(TITLE);
	await dialog.getByLabel('Protect with a passphrase').check();
	await dialog.getByLabel(/^Passphrase/).fill('open sesame');
	const link = dialog.getByLabel('Challenge link');
	await expect(link).toHaveValue(/#e=1\./);
	const url = await link.inputValue();

	const context = await browser.newContext();
	const learner = await context.newPage();
	await learner.goto(url);
	await learner.getByLabel('Passphrase').fill('open sesame');
	await learner.getByRole('button', { name: 'Open', exact: true }).click();
	await learner.getByRole('button', { name: 'Open as a new scenario' }).click();
	// From the service defaults only Isaiah's goal (stopped at Fabrikam's outbound, S1) holds.
	await expect(challengeBanner(learner)).toContainText('1 of 3 goals met');
	await context.close();
});

/** axe (WCAG 2.x A and AA): nothing serious or critical in the authoring dialog and the banner. */
for (const colorScheme of ['light', 'dark'] as const) {
	test(`the challenge views pass axe in the ${colorScheme} theme`, async ({ page, browser }) => {
		test.setTimeout(60_000);
		await page.emulateMedia({ colorScheme });
		await page.goto('/');
		await openScenario(page, 'Example 2');
		await openAuthoring(page);
		const dialog = page.getByRole('dialog', { name: 'Make a challenge from this scenario' });
		await dialog.getByLabel('Title').fill(TITLE);
		const link = dialog.getByLabel('Challenge link');
		await expect(link).toHaveValue(/#s=1\./);
		await audit(page, 'authoring dialog');
		const url = await link.inputValue();

		const context = await browser.newContext({ colorScheme });
		const learner = await context.newPage();
		await learner.goto(url);
		await learner.getByRole('button', { name: 'Open as a new scenario' }).click();
		await expect(challengeBanner(learner)).toContainText('1 of 3 goals met');
		await challengeBanner(learner)
			.getByRole('button', { name: 'Show a hint (spoils part of the challenge)' })
			.click();
		await expect(
			challengeBanner(learner)
				.getByText(/it stops at outbound/)
				.first()
		).toBeVisible();
		// The pressed button is gone: the hints it revealed have the focus.
		await expect(challengeBanner(learner).getByRole('list', { name: 'Hints' })).toBeFocused();
		await audit(learner, 'challenge banner');
	});
}
