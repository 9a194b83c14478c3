import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// An unusual default port: fixed common ports collide with other processes on shared machines.
const port = Number(process.env.E2E_PORT ?? 4620);
const baseURL = `http://127.0.0.1:${port}`;

/** CHROMIUM_PATH, else Debian's chromium, else Playwright's own browser (a developer laptop). */
function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	workers: 2,
	// Not under test-results/: Playwright empties that folder when it starts.
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: { baseURL, trace: 'retain-on-failure' },
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: chromiumPath(),
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	// The built app behind our own static server (with the 200.html fallback), not `vite preview`.
	webServer: {
		command: 'npm run build && node scripts/serve.js',
		url: `${baseURL}/`,
		env: { PORT: String(port) },
		reuseExistingServer: !process.env.CI,
		timeout: 120_000
	}
});
