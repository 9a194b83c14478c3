import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

interface ExampleFile {
	name: string;
	attempts?: { name: string; expect?: { outcome: 'granted' | 'blocked' } }[];
}

// Read from the source folder, not through the app, so the page is checked against the files.
const examplesDir = new URL('../src/lib/examples/', import.meta.url);
const examples = readdirSync(examplesDir)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => ({
		file,
		scenario: JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8')) as ExampleFile
	}));

const OUTCOME_WORDS = { granted: 'Granted', blocked: 'Blocked' } as const;

/** Collects console errors and uncaught exceptions from the moment it is called. */
function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

test('the examples are all there', () => {
	expect(examples.map((e) => e.file)).toHaveLength(3);
});

for (const { file, scenario } of examples) {
	test(`${file}: every attempt shows its expected outcome`, async ({ page }) => {
		const errors = watchErrors(page);
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('trustwalk');

		const section = page.getByRole('region', { name: scenario.name });
		await expect(section.getByRole('heading', { level: 2, name: scenario.name })).toBeVisible();

		const attempts = scenario.attempts ?? [];
		expect(attempts.length).toBeGreaterThan(0);
		for (const attempt of attempts) {
			const item = section
				.getByRole('listitem')
				.filter({ has: page.getByRole('heading', { level: 3, name: attempt.name, exact: true }) });
			await expect(item).toHaveCount(1);
			await expect(item.getByRole('heading', { name: attempt.name })).toBeVisible();
			if (!attempt.expect) continue;
			const word = OUTCOME_WORDS[attempt.expect.outcome];
			const other = attempt.expect.outcome === 'granted' ? 'Blocked' : 'Granted';
			await expect(item.getByText(word, { exact: true })).toBeVisible();
			await expect(item.getByText(other, { exact: true })).toHaveCount(0);
			await expect(item).toContainText('meets expectation');
		}
		expect(errors).toEqual([]);
	});
}

test('the first page renders calmly in light and dark', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(examples.length);
	await page.keyboard.press('Tab'); // the focus ring on the first "How it was decided"
	await page.screenshot({ path: 'reports/screens/home.png', fullPage: true });
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.getByText('How it was decided').nth(4).click(); // a blocked attempt's trace
	await page.screenshot({ path: 'reports/screens/home-dark.png', fullPage: true });
	expect(errors).toEqual([]);
});
