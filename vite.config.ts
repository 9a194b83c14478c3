import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		// `$effect` runs under Vitest only with the browser build of Svelte plus a DOM (happy-dom,
		// chosen per file with a `@vitest-environment` comment); node-only tests are unaffected.
		environment: 'node',
		expect: { requireAssertions: true },
		// Property tests run hundreds of cases; on a loaded 2-core machine 5 s is not enough.
		testTimeout: 60_000,
		reporters: process.env.CI ? ['default', 'json'] : ['default'],
		outputFile: { json: 'reports/vitest.json' }
	}
});
