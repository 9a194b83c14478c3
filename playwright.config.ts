import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/local-server.ts';

// An unusual default port: fixed common ports collide with other processes on shared machines.
const port = Number(process.env.E2E_PORT ?? 4620);
const baseURL = `http://127.0.0.1:${port}`;

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
					args: CHROMIUM_ARGS
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
