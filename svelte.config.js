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
		adapter: adapter({ fallback: '200.html' }),
		version: { name: process.env.TRUSTWALK_VERSION ?? gitVersion() ?? String(Date.now()) }
	}
};

export default config;
