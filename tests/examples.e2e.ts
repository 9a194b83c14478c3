import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

interface ExampleFile {
	name: string;
	attempts: { name: string; expect?: { outcome: 'granted' | 'blocked' } }[];
}

const dir = new URL('../src/lib/examples/', import.meta.url);
const examples = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.sort()
	.map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as ExampleFile);

test('the built app opens on the first example and shows every example attempt with its outcome', async ({
	page
}) => {
	expect(examples).toHaveLength(3);
	const problems: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(m.text());
	});
	page.on('pageerror', (e) => problems.push(String(e)));
	await page.goto('/');
	const scenario = page.getByLabel('Scenario', { exact: true });
	await expect(scenario.locator('option:checked')).toHaveText(examples[0]?.name ?? '');

	for (const example of examples) {
		await scenario.selectOption({ label: example.name });
		await page.getByRole('tab', { name: 'Simulate' }).click();
		const saved = page.getByRole('region', { name: 'Saved attempts' });
		await expect(saved.getByRole('status')).toContainText(
			`${example.attempts.length} of ${example.attempts.length} meet their expectation`
		);
		for (const attempt of example.attempts) {
			const item = saved
				.getByRole('listitem')
				.filter({ has: page.getByRole('heading', { name: attempt.name, exact: true }) });
			const word = attempt.expect?.outcome === 'granted' ? 'Granted' : 'Blocked';
			await expect(item, `${example.name}: ${attempt.name}`).toContainText(word);
			await expect(item).toContainText('meets expectation');
		}
	}
	await page.screenshot({ path: 'reports/screens/home.png' });
	expect(problems).toEqual([]);
});
