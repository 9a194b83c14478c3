import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generateMesh } from '../scripts/generate-mesh.ts';

/** 30 tenants in a full mesh: 870 directions, more than the graph labels at once. */
const TENANTS = 30;
const DIRECTIONS = TENANTS * (TENANTS - 1);

/** Imports a generated mesh through the Library's file input; returns the graph region. */
async function importMesh(page: Page, file: string) {
	await page.goto('/');
	await page.getByRole('tab', { name: 'Library' }).click();
	await page.getByLabel('Import a scenario or backup file').setInputFiles(file);
	const graph = page.getByRole('region', { name: 'Trust graph' });
	await expect(graph.getByRole('button', { name: /^Tenant 29 t29\.example\.com/ })).toBeVisible();
	return graph;
}

const linesDrawn = (page: Page) =>
	page.locator('canvas[data-lines]').evaluate((c: HTMLElement) => Number(c.dataset.lines));

test('a large graph draws every direction as a line and labels the selected tenant', async ({
	page
}, testInfo) => {
	const file = testInfo.outputPath('mesh-30.json');
	writeFileSync(file, JSON.stringify(generateMesh({ tenants: TENANTS, usersPerTenant: 5 })));
	const graph = await importMesh(page, file);

	const note = graph.getByRole('note');
	await expect(note).toContainText(`${DIRECTIONS} relationships: select a tenant`);
	await expect(note).toContainText('the list view names them all');
	await expect.poll(() => linesDrawn(page)).toBe(DIRECTIONS);
	// No labelled edge yet: nothing is selected or under the pointer.
	await expect(graph.getByRole('button', { name: / → / })).toHaveCount(0);

	await graph.getByRole('button', { name: /^Tenant 3 t3\.example\.com/ }).click();
	await expect(note).toContainText('labels shown for Tenant 3');
	const labels = graph.getByRole('button', { name: / → / });
	// Both directions between Tenant 3 and each of the 29 others, and no other direction.
	await expect(labels).toHaveCount(2 * (TENANTS - 1));
	for (const name of await labels.evaluateAll((all) => all.map((b) => b.textContent ?? ''))) {
		expect(name).toMatch(/Tenant 3 → |→ Tenant 3\b/);
		expect(name).toMatch(/established|one-sided|blocked/);
	}
	// The layer leaves the labelled directions to their edges.
	await expect.poll(() => linesDrawn(page)).toBe(DIRECTIONS - 2 * (TENANTS - 1));

	await graph.getByRole('button', { name: /^Tenant 3 → Tenant 7\b/ }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Tenant 3 users into Tenant 7' })
	).toBeVisible();
	await expect(note).toContainText('labels shown for Tenant 3 and Tenant 7');
	await expect(labels).toHaveCount(2);
});

test('in a large graph, the line under the pointer gets its label', async ({ page }, testInfo) => {
	const file = testInfo.outputPath('mesh-30.json');
	writeFileSync(file, JSON.stringify(generateMesh({ tenants: TENANTS, usersPerTenant: 5 })));
	const graph = await importMesh(page, file);
	await expect.poll(() => linesDrawn(page)).toBe(DIRECTIONS);
	const labels = graph.getByRole('button', { name: / → / });
	await expect(labels).toHaveCount(0);

	// Between two neighbouring cards many lines run; point along the gap until one is labelled.
	const a = await graph.getByRole('button', { name: /^Tenant 7 t7\.example\.com/ }).boundingBox();
	const b = await graph.getByRole('button', { name: /^Tenant 8 t8\.example\.com/ }).boundingBox();
	if (!a || !b) throw new Error('the cards have no boxes');
	const x = (a.x + a.width + b.x) / 2;
	for (let y = a.y; y < a.y + a.height && (await labels.count()) === 0; y += 3) {
		await page.mouse.move(x, y);
		await page.waitForTimeout(50);
	}
	await expect(labels).toHaveCount(1);
	await expect(labels).toContainText(/established|one-sided|blocked/);
	await labels.click();
	await expect(page.getByRole('heading', { level: 2, name: / users into / })).toBeVisible();
});

test('the list view of a large graph names every relationship, one tenant at a time', async ({
	page
}, testInfo) => {
	const file = testInfo.outputPath('mesh-30.json');
	writeFileSync(file, JSON.stringify(generateMesh({ tenants: TENANTS, usersPerTenant: 5 })));
	const graph = await importMesh(page, file);
	await graph.getByRole('button', { name: 'Show as a list' }).click();
	await expect(graph.getByRole('heading', { level: 3, name: /^Tenant 29/ })).toBeVisible();
	const relations = graph.getByRole('button', { name: / → / });
	await expect(relations).toHaveCount(0);
	await graph
		.getByRole('button', { name: 'Show the relationships of Tenant 3', exact: true })
		.click();
	await expect(relations).toHaveCount(2 * (TENANTS - 1));
	await expect(
		graph.getByRole('heading', { level: 4, name: 'Tenant 3 users going out' })
	).toBeVisible();
	await expect(
		graph.getByRole('button', { name: 'Show the relationships of Tenant 3', exact: true })
	).toHaveCount(0);
	await relations.filter({ hasText: 'Tenant 3 → Tenant 4' }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Tenant 3 users into Tenant 4' })
	).toBeVisible();
});
