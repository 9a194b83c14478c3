import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

interface ExampleAttempt {
	name: string;
	answers?: { consent?: 'accept' | 'decline'; homeMfa?: 'complete' | 'fail' };
	expect?: { outcome: 'granted' | 'blocked'; step?: string; consentPrompted?: boolean };
}
interface ExampleFile {
	name: string;
	attempts?: ExampleAttempt[];
}

// Read from the source folder, not through the app, so the simulator is checked against the files.
const examplesDir = new URL('../src/lib/examples/', import.meta.url);
const examples = readdirSync(examplesDir)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8')) as ExampleFile);

const STEP_WORDS: Record<string, string> = {
	preconditions: 'preconditions',
	outbound: 'outbound',
	inbound: 'inbound',
	conditionalAccess: 'Conditional Access',
	consent: 'consent'
};

// Every test walks many steps, each a round trip: room for a busy machine.
test.describe.configure({ timeout: 60_000 });

const EX1 = examples[0]!.name;
const EX3 = examples[2]!.name;

function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

/** Opens a scenario through the header's select and the Simulate panel. */
async function openSimulator(page: Page, scenarioName: string): Promise<void> {
	await page.goto('/');
	await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: scenarioName });
	await page.getByRole('tab', { name: 'Simulate' }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Simulate an access attempt' })
	).toBeVisible();
}

async function openSaved(page: Page, name: string): Promise<void> {
	await page.getByRole('button', { name: `Open ${name}`, exact: true }).click();
	const reset = page.getByRole('button', { name: 'Reset' });
	if (await reset.isEnabled()) await reset.click();
	await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeEnabled();
}

const resultHeading = (page: Page) => page.getByRole('heading', { level: 3, name: /^Result/ });
const decidedCards = (page: Page) =>
	page.getByRole('heading', { level: 4, name: /\b(passed|failed)$/ });

/** Presses Step until the walk ends, answering each prompt; returns which prompts were seen. */
async function walkByHand(page: Page, answers: ExampleAttempt['answers'] = {}) {
	const seen = { consent: false, homeMfa: false };
	const step = page.getByRole('button', { name: 'Step', exact: true });
	for (let i = 0; i < 15 && (await resultHeading(page).count()) === 0; i++) {
		if (await page.getByRole('button', { name: 'Accept', exact: true }).isVisible()) {
			seen.consent = true;
			const decline = answers.consent === 'decline';
			await page.getByRole('button', { name: decline ? 'Cancel' : 'Accept', exact: true }).click();
		} else if (await page.getByRole('button', { name: 'Complete MFA', exact: true }).isVisible()) {
			seen.homeMfa = true;
			const fail = answers.homeMfa === 'fail';
			await page
				.getByRole('button', { name: fail ? 'Give up' : 'Complete MFA', exact: true })
				.click();
		} else {
			await expect(step).toBeEnabled();
			await step.click();
		}
	}
	await expect(resultHeading(page)).toBeVisible();
	return seen;
}

for (const example of examples) {
	test(`${example.name}: every saved attempt walked step by step shows its expected outcome`, async ({
		page
	}) => {
		// Many steps, each a round trip: generous on a busy machine.
		test.setTimeout(120_000);
		const errors = watchErrors(page);
		await openSimulator(page, example.name);
		const attempts = example.attempts ?? [];
		expect(attempts.length).toBeGreaterThan(0);
		for (const attempt of attempts) {
			await openSaved(page, attempt.name);
			const seen = await walkByHand(page, attempt.answers);
			const expected = attempt.expect;
			if (!expected) continue;
			const heading = resultHeading(page);
			await expect(heading).toContainText(expected.outcome === 'granted' ? 'Granted' : 'Blocked');
			if (expected.step) await expect(heading).toContainText(`at ${STEP_WORDS[expected.step]}`);
			if (expected.consentPrompted !== undefined)
				expect(seen.consent).toBe(expected.consentPrompted);
		}
		await expect(page.getByText(`${attempts.length} of ${attempts.length}`)).toBeVisible();
		expect(errors).toEqual([]);
	});
}

test('Back returns to the previous step; N and B are keyboard shortcuts', async ({ page }) => {
	await openSimulator(page, EX1);
	await openSaved(page, 'Fabrikam user opens a Contoso shared channel');
	const back = page.getByRole('button', { name: 'Back' });
	await expect(back).toBeDisabled();
	await expect(back).toHaveAttribute('aria-keyshortcuts', 'B');
	for (let i = 0; i < 3; i++) await page.keyboard.press('n');
	await expect(decidedCards(page)).toHaveCount(3);
	await expect(page.getByRole('heading', { level: 4, name: '3. Inbound passed' })).toBeVisible();
	await back.click();
	await expect(decidedCards(page)).toHaveCount(2);
	await expect(
		page.getByRole('heading', { level: 4, name: /^3\. Inbound .*not checked yet/ })
	).toBeVisible();
	await page.keyboard.press('b');
	await expect(decidedCards(page)).toHaveCount(1);
	await expect(
		page.getByRole('heading', { level: 4, name: '1. Preconditions passed' })
	).toBeVisible();
	await page.getByRole('button', { name: 'Step', exact: true }).click();
	await expect(page.getByRole('heading', { level: 4, name: '2. Outbound passed' })).toBeVisible();
	await page.getByRole('button', { name: 'Reset' }).click();
	await expect(decidedCards(page)).toHaveCount(0);
	await expect(back).toBeDisabled();
});

test('declining the consent prompt blocks the attempt', async ({ page }) => {
	await openSimulator(page, EX1);
	await openSaved(page, 'Fabrikam user opens a Contoso shared channel');
	const step = page.getByRole('button', { name: 'Step', exact: true });
	for (let i = 0; i < 5; i++) await step.click();
	const prompt = page.getByRole('region', { name: 'Share your profile with Contoso?' });
	await expect(prompt).toBeVisible();
	await expect(
		prompt.getByRole('heading', { name: 'Share your profile with Contoso?' })
	).toBeFocused();
	await expect(prompt).toContainText('email address');
	await expect(step).toBeDisabled();
	await prompt.getByRole('button', { name: 'Cancel' }).click();
	await expect(resultHeading(page)).toContainText('Blocked');
	await expect(resultHeading(page)).toContainText('at consent');
	await expect(page.getByRole('heading', { level: 4, name: '5. Consent failed' })).toBeVisible();
	await expect(page.getByText('Who must act: the user')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Apply this fix' })).toHaveCount(1);
});

test('S4/A7: after accepting the consent prompt, the next sign-in skips it', async ({ page }) => {
	await openSimulator(page, EX1);
	await openSaved(page, 'Fabrikam user opens a Contoso shared channel');
	const step = page.getByRole('button', { name: 'Step', exact: true });
	for (let i = 0; i < 5; i++) await step.click();
	const prompt = page.getByRole('region', { name: 'Share your profile with Contoso?' });
	await prompt.getByRole('button', { name: 'Accept' }).click();
	await page.getByRole('button', { name: 'Run to end' }).click();
	await expect(resultHeading(page)).toContainText('Granted');
	await page.getByRole('button', { name: 'Walk the next sign-in' }).click();
	await expect(resultHeading(page)).toContainText('Granted');
	await expect(prompt).toHaveCount(0);
	await expect(page.getByRole('checkbox', { name: /consent prompt before/ })).toBeChecked();
	await expect(
		page.getByText(/accepted .*consent prompt before, so it is not shown again/)
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Walk the next sign-in' })).toHaveCount(0);
});

test('the home MFA challenge: completing it grants, giving up blocks with 53003', async ({
	page
}) => {
	await openSimulator(page, EX3);
	await openSaved(page, 'No MFA yet: challenged at home, completes it');
	const step = page.getByRole('button', { name: 'Step', exact: true });
	for (let i = 0; i < 4; i++) await step.click();
	const prompt = page.getByRole('region', { name: 'Fabrikam needs one more check' });
	await expect(prompt).toBeVisible();
	await expect(prompt.getByRole('heading')).toBeFocused();
	await prompt.getByRole('button', { name: 'Complete MFA' }).click();
	await walkByHand(page);
	await expect(resultHeading(page)).toContainText('Granted');
	await expect(page.getByText('expires in 1 hour')).toBeVisible();

	await openSaved(page, 'No MFA yet: challenged at home, gives up');
	for (let i = 0; i < 4; i++) await step.click();
	await page.getByRole('button', { name: 'Give up' }).click();
	await expect(resultHeading(page)).toContainText('Blocked');
	await expect(resultHeading(page)).toContainText('at Conditional Access · error 53003');
});

test('a fix hint lets a blocked attempt through, and Undo reverts it', async ({ page }) => {
	await openSimulator(page, EX1);
	await openSaved(page, 'Northwind user knocks on Contoso');
	await page.getByRole('button', { name: 'Run to end' }).click();
	await expect(resultHeading(page)).toContainText('at inbound · AADSTS500213');
	await expect(page.getByText("Who must act: Contoso's admin")).toBeVisible();
	await expect(page.getByText('6 of 6 meet their expectation')).toBeVisible();

	await page.getByRole('button', { name: 'Apply this fix' }).first().click();
	await expect(resultHeading(page)).toContainText('Granted');
	await expect(page.getByText('5 of 6 meet their expectation')).toBeVisible();
	await expect(page.getByText('differs: expected blocked at inbound')).toBeVisible();

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByText('6 of 6 meet their expectation')).toBeVisible();
	await page.getByRole('button', { name: 'Run to end' }).click();
	await expect(resultHeading(page)).toContainText('at inbound · AADSTS500213');
});

test('S0: the home tenant as resource cannot be fixed; a walk is saved with its outcome and removed', async ({
	page
}) => {
	await openSimulator(page, EX1);
	await page
		.getByRole('combobox', { name: 'User' })
		.selectOption({ label: 'Alex Wilber (alex@fabrikam.com)' });
	await expect(page.getByText('Home tenant: Fabrikam')).toBeVisible();
	await page
		.getByRole('combobox', { name: 'Resource tenant' })
		.selectOption({ label: 'Fabrikam (fabrikam.com)' });
	await page.getByRole('button', { name: 'Run to end' }).click();
	await expect(resultHeading(page)).toContainText('at preconditions');
	await expect(page.getByText('No setting change can let this attempt through.')).toBeVisible();

	await page.getByRole('textbox', { name: 'Name' }).fill('Alex stays at home');
	await page.getByRole('button', { name: 'Save attempt with this outcome' }).click();
	const saved = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Alex stays at home' }) });
	await expect(saved).toContainText('meets expectation');
	await expect(page.getByText('7 of 7 meet their expectation')).toBeVisible();
	await page.getByRole('button', { name: 'Remove Alex stays at home' }).click();
	await expect(saved).toHaveCount(0);
	await expect(page.getByText('6 of 6 meet their expectation')).toBeVisible();
});

test('a step opens the setting that decided it, and the simulator keeps the attempt for the way back', async ({
	page
}) => {
	await openSimulator(page, EX1);
	await openSaved(page, 'Northwind user knocks on Contoso');
	await page.getByRole('button', { name: 'Run to end' }).click();
	await page
		.getByRole('button', {
			name: 'default.b2bDirectConnectInbound',
			exact: true
		})
		.click();
	await expect(page.getByRole('tab', { name: 'Tenants' })).toHaveAttribute('aria-selected', 'true');
	await page.getByRole('tab', { name: 'Simulate' }).click();
	await expect(page.getByRole('combobox', { name: 'User' })).toHaveValue(/.+/);
	await expect(page.getByText('Home tenant: Northwind Traders')).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Name' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Run to end' }).click();
	await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(
		'Northwind user knocks on Contoso'
	);
});
