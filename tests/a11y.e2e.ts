import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * Accessibility: axe (WCAG 2.0 / 2.1, levels A and AA) on every main view, in the light and the dark
 * theme. A view passes when axe finds nothing `serious` or `critical`; the message lists what it found.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

// Each test opens several views and runs axe on each: room for a busy machine.
test.describe.configure({ timeout: 90_000 });

/** Runs axe on the page as it is now and fails with the list of serious or critical violations. */
async function audit(page: Page, view: string): Promise<void> {
	// Let transitions and the theme settle: axe reads the colours as they are painted.
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
	const { violations, incomplete } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
	if (process.env.A11Y_VERBOSE) {
		// Everything axe said, minor findings too, and what it could not decide (with its reason, e.g.
		// contrast of text that another element overlaps).
		const all = violations.map((v) => `${v.id}/${v.impact ?? '?'}×${v.nodes.length}`);
		const undecided = incomplete.flatMap((v) =>
			v.nodes.map((n) => {
				const data = n.any[0]?.data as { messageKey?: string } | null | undefined;
				return `\n    ${v.id} ${n.target.join(' ')} (${data?.messageKey ?? ''})`;
			})
		);
		console.log(
			`[a11y] ${view}: violations ${all.join(' ') || 'none'}; undecided${undecided.join('')}`
		);
	}
	const lines = blocking.flatMap((v) =>
		v.nodes.map((node) => {
			const why = (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim();
			return `  ${v.id} (${v.impact ?? '?'}) at ${node.target.join(' ')}: ${why}`;
		})
	);
	expect(lines, `${view}: serious or critical axe violations`).toEqual([]);
}

async function openApp(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 2, name: 'Tenants' })).toBeVisible();
}

async function openExample1(page: Page): Promise<Locator> {
	await openApp(page);
	await page
		.getByRole('combobox', { name: 'Scenario' })
		.selectOption({ label: await example1Label(page) });
	const graph = page.getByRole('region', { name: 'Trust graph' });
	await expect(graph.getByRole('button', { name: /^Contoso contoso\.com/ })).toBeVisible();
	return graph;
}

async function example1Label(page: Page): Promise<string> {
	const option = page.getByRole('combobox', { name: 'Scenario' }).locator('option', {
		hasText: /^Example 1:/
	});
	return (await option.textContent())?.trim() ?? '';
}

const panels = (page: Page) => page.getByRole('region', { name: 'Panels' });

async function openTenant(page: Page, name: string): Promise<Locator> {
	const panel = panels(page);
	await panel.getByRole('tab', { name: 'Tenants' }).click();
	await panel.getByRole('button', { name: new RegExp(`^${name} `) }).click();
	await expect(panel.getByRole('heading', { level: 2, name: new RegExp(name) })).toBeVisible();
	return panel;
}

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });

		test('the graph, the text mirror and the pair view', async ({ page }) => {
			const graph = await openExample1(page);
			await expect(graph.getByText('Legend')).toBeVisible();
			await audit(page, 'graph with the Tenants panel');

			await graph.getByRole('button', { name: /Contoso has not allowed inbound/ }).click();
			await expect(
				page.getByRole('heading', { level: 2, name: 'Northwind Traders users into Contoso' })
			).toBeVisible();
			await audit(page, 'pair view');

			await graph.getByRole('button', { name: 'Show as a list' }).click();
			await expect(graph.getByRole('heading', { level: 2, name: /relationships/ })).toBeVisible();
			await audit(page, 'text mirror');
		});

		test('cross-tenant access settings: defaults and an organization’s inbound tab', async ({
			page
		}) => {
			await openExample1(page);
			const panel = await openTenant(page, 'Contoso');
			await expect(
				panel.getByRole('tab', { name: 'Cross-tenant access', selected: true })
			).toBeVisible();
			await expect(
				panel.getByRole('tab', { name: 'Default settings', selected: true })
			).toBeVisible();
			await audit(page, 'default settings');

			await panel.getByRole('tab', { name: 'Organizational settings' }).click();
			await audit(page, 'organizational settings');
			await panel.getByRole('button', { name: /open inbound settings for Fabrikam/ }).click();
			await expect(panel.getByRole('heading', { level: 3, name: 'Fabrikam' })).toBeVisible();
			await audit(page, 'organization inbound settings');
		});

		test('directory with the Conditional Access form open, the audit log, Microsoft Graph', async ({
			page
		}) => {
			await openExample1(page);
			const panel = await openTenant(page, 'Contoso');
			await panel.getByRole('tab', { name: 'Directory' }).click();
			const ca = panel.getByRole('region', { name: /^Conditional Access policies/ });
			await ca.getByRole('button', { name: 'New policy' }).click();
			await expect(ca.getByLabel('Policy name')).toBeVisible();
			await audit(page, 'directory with the CA policy form');

			await panel.getByRole('tab', { name: 'Audit log' }).click();
			await expect(panel.getByRole('tab', { name: 'Audit log', selected: true })).toBeVisible();
			await audit(page, 'audit log');

			await panel.getByRole('tab', { name: 'Microsoft Graph' }).click();
			await expect(panel.getByLabel('Paste a Microsoft Graph response')).toBeVisible();
			await audit(page, 'Microsoft Graph tab');
		});

		test('simulate: the consent prompt and the result', async ({ page }) => {
			await openExample1(page);
			await page.getByRole('tab', { name: 'Simulate' }).click();
			const open = page.getByRole('button', { name: /^Open / }).first();
			await open.click();
			const step = page.getByRole('button', { name: 'Step', exact: true });
			const accept = page.getByRole('button', { name: 'Accept', exact: true });
			for (let i = 0; i < 10 && !(await accept.isVisible()); i++) {
				await expect(step).toBeEnabled();
				await step.click();
			}
			await expect(accept).toBeVisible();
			await audit(page, 'simulator at the consent prompt');

			await accept.click();
			const result = page.getByRole('heading', { level: 3, name: /^Result/ });
			for (let i = 0; i < 10 && (await result.count()) === 0; i++) {
				await expect(step).toBeEnabled();
				await step.click();
			}
			await expect(result).toBeVisible();
			await audit(page, 'simulator at the end');
		});

		test('who can reach whom with a cell focused, and the invitation', async ({ page }) => {
			await openExample1(page);
			await page.getByRole('tab', { name: 'Who can reach whom' }).click();
			const cell = page.getByRole('table').getByRole('button').first();
			await cell.focus();
			await expect(page.getByRole('tooltip').filter({ visible: true })).toBeVisible();
			await audit(page, 'matrix with a cell focused');

			await page.getByRole('tab', { name: 'Invite' }).click();
			await page
				.getByRole('combobox', { name: 'The channel belongs to' })
				.selectOption({ label: 'Contoso (contoso.com)' });
			await page
				.getByRole('searchbox', { name: /Email address of someone outside Contoso/ })
				.fill('alex@fabrikam.com');
			await expect(page.getByRole('status', { name: 'Search results' })).toContainText(
				'Alex Wilber'
			);
			await audit(page, 'invitation with a search done');
		});

		test('the library and safe mode', async ({ page }) => {
			await openApp(page);
			await page.getByRole('tab', { name: 'Library' }).click();
			await expect(page.getByRole('heading', { name: 'Your scenarios' })).toBeVisible();
			await audit(page, 'library');

			await page.goto('/?safe');
			await expect(page.getByRole('heading', { name: 'trustwalk: safe mode' })).toBeVisible();
			await audit(page, 'safe mode');
		});
	});
}
