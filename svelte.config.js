import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { execSync } from 'node:child_process';

/** The build version comes from the git commit so builds (and the service worker's cache name) are repeatable. */
function gitVersion() {
	try {
		return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
			.toString()
			.trim();
	} catch {
		return undefined;
	}
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A static host: every unknown path falls back to the client-side app.
		// Output folders can be moved (TRUSTWALK_BUILD_DIR, TRUSTWALK_KIT_DIR) so parallel builds on one
		// machine, such as two test runs, do not overwrite each other.
		adapter: adapter({
			pages: process.env.TRUSTWALK_BUILD_DIR ?? 'build',
			assets: process.env.TRUSTWALK_BUILD_DIR ?? 'build',
			fallback: '200.html'
		}),
		outDir: process.env.TRUSTWALK_KIT_DIR ?? '.svelte-kit',
		version: { name: process.env.TRUSTWALK_VERSION ?? gitVersion() ?? String(Date.now()) },
		// Only the app's own origin. Kit adds the hash of its inline start-up script and writes the
		// policy as a <meta http-equiv> into each prerendered page, 200.html included. Inline styles
		// stay allowed: Svelte and Svelte Flow set style attributes.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
