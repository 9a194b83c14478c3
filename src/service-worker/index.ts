/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * Keeps trustwalk working offline. One cache per build version holds the whole app, so a page
 * always gets the files of the version it started with:
 * - navigations go to the network first (a reload picks up a new deployment) and, when the network
 *   fails, get `200.html`, the shell with absolute asset paths that opens any path (deep links);
 * - the app's own files are answered from the cache first;
 * - anything else, and anything from another origin (there should be none), is left alone.
 * A new version waits until the page asks it to take over (the "Reload" of the update banner), so an
 * open session never has its files deleted under it. See `src/lib/offline/update.svelte.ts`.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { SKIP_WAITING } from '../lib/offline/messages.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;

/**
 * One cache per build. The build list (content-hashed names) is hashed in too, because `version` is the
 * git commit and stays the same across builds of uncommitted changes.
 */
const CACHE = `trustwalk-${version}-${fnv1a(build.join('\n'))}`;
/** In none of Kit's lists; the prerendered `index.html` uses relative asset paths, this one absolute. */
const FALLBACK = `${base}/200.html`;
/**
 * Kit's client fetches this (`kit.appDir` is the default `_app`) to tell whether a new version is
 * deployed, for instance before showing its 404 page: online from the network, offline from the cache.
 */
const VERSION_FILE = `${base}/_app/version.json`;
/** Content-hashed, so the HTTP cache may answer; the rest is revalidated so no stale page is stored. */
const IMMUTABLE = new Set(build);
const PRECACHE = [...build, ...files, ...prerendered];
const OWN = new Set([...PRECACHE, FALLBACK]);

function precacheRequest(path: string): Request {
	return new Request(path, { cache: IMMUTABLE.has(path) ? 'default' : 'no-cache' });
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(PRECACHE.map(precacheRequest));
			// Best-effort: neither is in Kit's lists, 200.html 404s under `vite dev`, and a failed
			// `addAll` would fail the whole install.
			for (const path of [FALLBACK, VERSION_FILE]) {
				await cache.add(precacheRequest(path)).catch(() => undefined);
			}
			// The first install has no page to keep consistent: take over at once. An update waits.
			if (!sw.registration.active) await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== CACHE) await caches.delete(key);
			}
			// Without this the first page load is not controlled until it is reloaded.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data === SKIP_WAITING) event.waitUntil(sw.skipWaiting());
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	// Never answer or store another origin's responses.
	if (url.origin !== sw.location.origin) return;
	if (request.mode === 'navigate') event.respondWith(navigate(request));
	else if (url.pathname === VERSION_FILE) event.respondWith(networkFirst(request));
	else if (OWN.has(url.pathname) && url.search === '') event.respondWith(cacheFirst(request));
});

/** Network first, so a reload sees a new deployment; offline, the cached shell for any path. */
async function navigate(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch (error) {
		const cache = await caches.open(CACHE);
		const shell =
			(await cache.match(FALLBACK)) ?? (await cache.match(request, { ignoreSearch: true }));
		if (shell) return shell;
		throw error;
	}
}

async function networkFirst(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch (error) {
		const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
		if (cached) return cached;
		throw error;
	}
}

async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(request);
	if (cached) return cached;
	// Evicted or never stored: fetch it and keep it, since it belongs to this version.
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

/** A short, stable hash of a string (32-bit FNV-1a), enough to tell two builds apart. */
function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(36);
}
