import { expect, test, type Locator, type Page } from '@playwright/test';

const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';

/** Opens the app on example 1 and waits for the graph's cards to be measured and shown. */
async function openExample1(page: Page) {
	await page.goto('/');
	const select = page.getByLabel('Scenario', { exact: true });
	await expect(select).toBeVisible();
	const value = await select.locator('option', { hasText: /^Example 1:/ }).getAttribute('value');
	await select.selectOption(value ?? '');
	const graph = page.getByRole('region', { name: 'Trust graph' });
	await expect(
		graph.getByRole('button', { name: /^Northwind Traders northwind\.com/ })
	).toBeVisible();
	return graph;
}

/** Presses Tab until `target` has the focus (at most `limit` times). */
async function tabTo(page: Page, target: Locator, limit = 40) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`Tab never reached ${target.toString()}`);
}

/** The node's canvas position, as Svelte Flow writes it into the wrapper's transform. */
function nodeTransform(page: Page, id: string) {
	return page.locator(`.svelte-flow__node[data-id="${id}"]`).evaluate((el) => el.style.transform);
}

test('the graph shows example 1: three tenants and the one-sided edge, nothing from other origins', async ({
	page,
	baseURL
}) => {
	const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
	const external: string[] = [];
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith('data:') && new URL(url).origin !== origin) external.push(url);
	});
	const graph = await openExample1(page);
	for (const name of ['Contoso contoso', 'Fabrikam fabrikam', 'Northwind Traders northwind']) {
		await expect(graph.getByRole('button', { name: new RegExp(`^${name}`) })).toBeVisible();
	}
	const label = graph.getByRole('button', {
		name: /Contoso has not allowed inbound from Northwind Traders/
	});
	await expect(label).toBeVisible();
	await expect(label).toContainText('one-sided');
	await expect(
		graph.getByRole('button', { name: /Fabrikam → Contoso.*established/ })
	).toBeVisible();
	await expect(graph.getByText('Legend')).toBeVisible();
	await expect(graph.getByRole('link', { name: /Svelte Flow/ })).toHaveCount(0);
	expect(external).toEqual([]);
});

test('clicking a card opens its settings; clicking an edge label opens the pair view', async ({
	page
}) => {
	const graph = await openExample1(page);
	await graph.getByRole('button', { name: /^Fabrikam fabrikam\.com/ }).click();
	await expect(page.getByRole('heading', { level: 2, name: /^Fabrikam/ })).toBeVisible();
	await expect(page.getByRole('tab', { name: 'Cross-tenant access' })).toHaveAttribute(
		'aria-selected',
		'true'
	);

	await graph.getByRole('button', { name: /Contoso has not allowed inbound/ }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Northwind Traders users into Contoso' })
	).toBeVisible();
	await page.getByRole('button', { name: /Swap direction/ }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Contoso users into Northwind Traders' })
	).toBeVisible();
	await page.getByRole('button', { name: /Simulate an attempt/ }).click();
	await expect(page.getByRole('tab', { name: 'Simulate' })).toHaveAttribute(
		'aria-selected',
		'true'
	);
});

test('the text mirror lists the relationships and works by keyboard', async ({ page }) => {
	const graph = await openExample1(page);
	const toggle = graph.getByRole('button', { name: 'Show as a list' });
	await toggle.click();
	await expect(graph.getByRole('heading', { level: 2, name: /relationships/ })).toBeVisible();
	for (const name of ['Contoso', 'Fabrikam', 'Northwind Traders']) {
		await expect(
			graph.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) })
		).toBeVisible();
	}
	const oneSided = graph.getByRole('button', {
		name: /Northwind Traders → Contoso.*one-sided.*Contoso has not allowed inbound/
	});
	await expect(oneSided).toHaveCount(2); // outgoing from Northwind, incoming to Contoso
	await expect(graph.getByRole('listitem')).not.toHaveCount(0);

	await graph.getByRole('button', { name: 'Show the graph' }).focus();
	await tabTo(page, oneSided.first());
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('heading', { level: 2, name: 'Northwind Traders users into Contoso' })
	).toBeVisible();

	await graph.getByRole('button', { name: 'Show the graph' }).focus();
	await tabTo(page, graph.getByRole('button', { name: /^Fabrikam fabrikam\.com$/ }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 2, name: /^Fabrikam/ })).toBeVisible();
});

test('dragging a card saves its position as one undo step, and it survives a reload', async ({
	page
}) => {
	const graph = await openExample1(page);
	const before = await nodeTransform(page, NORTHWIND);
	const card = graph.getByRole('button', { name: /^Northwind Traders northwind\.com/ });
	const box = await card.boundingBox();
	if (!box) throw new Error('the Northwind card has no box');
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	for (let i = 1; i <= 8; i++) {
		await page.mouse.move(box.x + box.width / 2 + i * 15, box.y + box.height / 2 + i * 6);
	}
	await page.mouse.up();
	const after = await nodeTransform(page, NORTHWIND);
	expect(after).not.toBe(before);
	// A drag is not a click: the settings panel did not open.
	await expect(page.getByRole('heading', { level: 2, name: /^Northwind Traders/ })).toHaveCount(0);
	await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

	// One undo step per drag, not one per frame.
	await page.getByRole('button', { name: /Undo/ }).click();
	await expect.poll(() => nodeTransform(page, NORTHWIND)).toBe(before);
	await page.getByRole('button', { name: /Redo/ }).click();
	await expect.poll(() => nodeTransform(page, NORTHWIND)).toBe(after);
	await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

	await page.reload();
	await expect(
		page.getByRole('region', { name: 'Trust graph' }).getByRole('button', {
			name: /^Northwind Traders northwind\.com/
		})
	).toBeVisible();
	await expect.poll(() => nodeTransform(page, NORTHWIND)).toBe(after);
});

test('the graph fits again when its area shrinks, unless the user zoomed', async ({ page }) => {
	const graph = await openExample1(page);
	const cards = graph.locator('.svelte-flow__node');
	/** How many cards lie wholly inside the canvas. */
	const inside = () =>
		page.evaluate(() => {
			const pane = document.querySelector('.svelte-flow')?.getBoundingClientRect();
			if (!pane) return -1;
			return [...document.querySelectorAll('.svelte-flow__node')].filter((node) => {
				const r = node.getBoundingClientRect();
				return (
					r.top >= pane.top &&
					r.bottom <= pane.bottom &&
					r.left >= pane.left &&
					r.right <= pane.right
				);
			}).length;
		});
	await expect(cards).toHaveCount(3);
	await expect.poll(inside).toBe(3);

	// A banner or a smaller window takes height from the graph: every card stays in view.
	await page.setViewportSize({ width: 1280, height: 480 });
	await expect.poll(inside).toBe(3);

	// A view the user chose is kept: zoomed in, a resize does not zoom back out.
	await page.setViewportSize({ width: 1280, height: 720 });
	await expect.poll(inside).toBe(3);
	const zoomIn = graph.getByRole('button', { name: 'Zoom In' });
	for (let i = 0; i < 2; i++) await zoomIn.click();
	const zoomed = await inside();
	expect(zoomed).toBeLessThan(3);
	await page.setViewportSize({ width: 1280, height: 600 });
	await page.waitForFunction(() => window.innerHeight === 600);
	await expect.poll(inside).toBeLessThanOrEqual(zoomed);
});
