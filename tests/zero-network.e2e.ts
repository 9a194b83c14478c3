import { expect, test, type Page, type Request } from '@playwright/test';

// "Nothing leaves the page": a whole session, service worker included, asks only the app's origin.
// The UI is still growing, so a step whose control is absent is skipped (checked with `count()`);
// the session itself always runs.

interface Seen {
	url: string;
	from: string;
}

/** Clicks the first match of `locator` if the UI has it; says whether it did. */
async function clickIfPresent(locator: ReturnType<Page['getByRole']>): Promise<boolean> {
	if ((await locator.count()) === 0) return false;
	await locator.first().click();
	return true;
}

/** True when a URL cannot reach another server: inline data, or a blob made by this origin. */
function local(url: URL, origin: string): boolean {
	return (
		url.protocol === 'data:' || (url.protocol === 'blob:' && url.href.startsWith(`blob:${origin}/`))
	);
}

test('a whole session requests nothing outside the app’s origin', async ({
	page,
	context,
	baseURL
}) => {
	const origin = new URL(baseURL ?? '/', 'http://invalid').origin;
	const seen: Seen[] = [];
	const record = (from: string) => (request: Request) =>
		seen.push({ url: request.url(), from: request.serviceWorker() ? 'service worker' : from });
	page.on('request', record('page'));
	context.on('request', record('context'));

	// Content-Security-Policy violations, from every document of the session.
	const violations: string[] = [];
	await context.exposeBinding('__reportViolation', (_source, text: string) => {
		violations.push(text);
	});
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const { __reportViolation: report } = window as unknown as {
				__reportViolation: (text: string) => void;
			};
			report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
		});
	});

	// Load, and let the service worker install (its precache requests count too).
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 2, name: 'Tenants' })).toBeVisible();
	// The policy that forbids other origins is in the page itself (Kit writes it from svelte.config.js).
	await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveAttribute(
		'content',
		/default-src 'self'/
	);
	await page.evaluate(
		() =>
			navigator.serviceWorker.controller ??
			new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			)
	);

	// A tenant and its settings.
	const tenants = page.getByRole('tabpanel', { name: 'Tenants' });
	if (await clickIfPresent(tenants.getByRole('button', { name: /^Contoso/ }))) {
		await expect(page.getByRole('heading', { level: 2, name: /^Contoso/ })).toBeVisible();
		await clickIfPresent(page.getByRole('tab', { name: 'Cross-tenant access' }));
		await clickIfPresent(page.getByRole('tab', { name: 'Directory' }));
		await clickIfPresent(page.getByRole('tab', { name: 'Audit log' }));
	}

	// Simulate: a few steps of the walk.
	if (await clickIfPresent(page.getByRole('tab', { name: 'Simulate' }))) {
		const step = page.getByRole('button', { name: /^Step\b/ });
		for (let i = 0; i < 4 && (await step.count()) > 0 && (await step.first().isEnabled()); i++) {
			await step.first().click();
		}
	}

	// Who can reach whom, with a snapshot to compare against.
	if (await clickIfPresent(page.getByRole('tab', { name: 'Who can reach whom' }))) {
		await clickIfPresent(page.getByRole('button', { name: 'Take snapshot' }));
	}

	// The invitation view and the library, with a snapshot there too.
	await clickIfPresent(page.getByRole('tab', { name: 'Invite' }));
	if (await clickIfPresent(page.getByRole('tab', { name: 'Library' }))) {
		await clickIfPresent(page.getByRole('button', { name: 'Take a snapshot' }));
	}

	// The theme, both ways.
	const theme = page.getByLabel('Theme');
	if ((await theme.count()) > 0) {
		await theme.selectOption('dark');
		await theme.selectOption('light');
	}

	// A reload, answered by the service worker and the network.
	await page.reload();
	await expect(page.getByRole('heading', { level: 2, name: 'Tenants' })).toBeVisible();
	await page.waitForLoadState('networkidle');

	const foreign = seen
		.filter(({ url }) => {
			const parsed = new URL(url);
			return parsed.origin !== origin && !local(parsed, origin);
		})
		.map(({ url, from }) => `${from}: ${url}`);
	expect(foreign, `requests outside ${origin}:\n${foreign.join('\n')}`).toEqual([]);
	expect(violations, `Content-Security-Policy violations:\n${violations.join('\n')}`).toEqual([]);
	// The recorder saw the session, the service worker's own requests included.
	expect(seen.filter((s) => s.from === 'page').length).toBeGreaterThan(5);
	expect(seen.some((s) => s.from === 'service worker')).toBe(true);
});
