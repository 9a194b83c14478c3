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
		reporters: process.env.CI ? ['default', 'json'] : ['default'],
		outputFile: { json: 'reports/vitest.json' }
	}
});
