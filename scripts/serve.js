// Serves build/ (the adapter-static output) the way a static host does, 200.html fallback included,
// which `vite preview` does not: the end-to-end tests and `npm start` run against this.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const root = resolve(process.env.TRUSTWALK_BUILD_DIR ?? 'build');
const port = Number(process.env.PORT ?? 4619);
const host = '127.0.0.1';
/** @type {Record<string, string>} */
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8'
};

/** The file a URL path names inside build/; null when the path would leave build/. */
async function find(/** @type {string} */ pathname) {
	const path = resolve(root, `.${decodeURIComponent(pathname)}`);
	if (path !== root && !path.startsWith(root + sep)) return null;
	for (const file of [path, join(path, 'index.html'), `${path}.html`]) {
		const info = await stat(file).catch(() => null);
		if (info?.isFile()) return file;
	}
	// A missing asset must stay a 404: answering it with HTML hides the real error.
	return pathname.startsWith('/_app/') ? null : join(root, '200.html');
}

const server = createServer((req, res) => {
	const send = async () => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405).end();
		const file = await find(new URL(req.url ?? '/', 'http://localhost').pathname);
		if (!file) return res.writeHead(404, { 'content-type': types['.txt'] }).end('Not found\n');
		const body = await readFile(file);
		res.writeHead(200, {
			'content-type': types[extname(file)] ?? 'application/octet-stream',
			'cache-control': file.includes(`${sep}immutable${sep}`)
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		});
		res.end(req.method === 'HEAD' ? undefined : body);
	};
	send().catch((/** @type {unknown} */ error) => {
		if (!res.headersSent) res.writeHead(error instanceof URIError ? 400 : 500);
		res.end();
	});
});
server.on('error', (error) => {
	console.error(`Cannot serve on ${host}:${port}: ${error.message} (set PORT to another port)`);
	process.exit(1);
});
server.listen(port, host, () => console.log(`trustwalk is running at http://${host}:${port}/`));
