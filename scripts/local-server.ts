/**
 * The built app behind scripts/serve.js on a free local port, and the Chromium to load it in: shared
 * by the browser benchmarks and the offline test (which serves its own copy of the build).
 */
import { chromium, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.on('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))
			);
		});
	});
}

/** Serves the build in `dir` with scripts/serve.js on `port`; resolves once it listens. */
export function serveBuild(dir: string, port: number): Promise<ChildProcess> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, ['scripts/serve.js'], {
			env: { ...process.env, PORT: String(port), TRUSTWALK_BUILD_DIR: dir },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		child.on('error', fail);
		child.on('exit', (code) => fail(new Error(`scripts/serve.js exited with ${code}`)));
		child.stdout?.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('is running')) done(child);
		});
	});
}

/** CHROMIUM_PATH, else Debian's chromium, else Playwright's own browser (a developer laptop). */
export function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** No sandbox as root; no GPU; nothing that reaches for the network on its own (none is open here). */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Headless Chromium with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** `--runs N` from the command line (default 5); exits with the usage line when it is not a count. */
export function parseRuns(argv: readonly string[], usage: string): number {
	const at = argv.indexOf('--runs');
	const runs = at === -1 ? 5 : Number(argv[at + 1]);
	if (!Number.isInteger(runs) || runs < 1) {
		console.error(usage);
		process.exit(2);
	}
	return runs;
}
