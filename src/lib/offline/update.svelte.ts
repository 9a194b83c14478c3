/**
 * The page's side of the service worker: registers it, says whether this tab works offline, and
 * notices a new version, which waits (see src/service-worker/index.ts) until the user reloads through the
 * update banner. The first install is not an update and is never announced.
 */
import { SKIP_WAITING } from './messages.ts';

export type OfflineStatus = 'registering' | 'offline-ready' | 'failed';

/** The parts of `navigator.serviceWorker` used here, so tests can pass a fake. */
export type WorkerContainer = Pick<
	ServiceWorkerContainer,
	'register' | 'controller' | 'addEventListener' | 'removeEventListener'
>;

/** How often a long-open tab asks for a new version when it becomes visible again. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export class UpdateWatcher {
	status = $state<OfflineStatus>('registering');
	/** A newer version is installed and waiting, or has already taken over this tab. */
	updateReady = $state(false);

	#container: WorkerContainer;
	#reload: () => void;
	#waiting: ServiceWorker | null = null;
	#registration: ServiceWorkerRegistration | null = null;
	#hadController: boolean;
	#requested = false;
	#reloading = false;
	#lastCheck = Date.now();

	constructor(container: WorkerContainer, reload: () => void) {
		this.#container = container;
		this.#reload = reload;
		this.#hadController = container.controller !== null;
		if (this.#hadController) this.status = 'offline-ready';
		container.addEventListener('controllerchange', this.#onControllerChange);
	}

	/** Registers the worker (the same registration if SvelteKit already made it) and watches it. */
	async start(scriptUrl: string, options?: RegistrationOptions): Promise<void> {
		// `undefined` where registration is stubbed out (Playwright's `serviceWorkers: 'block'`).
		let registration: ServiceWorkerRegistration | undefined;
		try {
			registration = await this.#container.register(scriptUrl, options);
		} catch (error) {
			// The app still works online; only offline use and updates are lost.
			this.status = 'failed';
			console.warn('trustwalk could not register its service worker:', error);
			return;
		}
		if (!registration) return;
		this.#registration = registration;
		if (registration.waiting && registration.active) this.#offer(registration.waiting);
		if (registration.installing) this.#track(registration.installing, registration);
		registration.addEventListener('updatefound', () => {
			if (registration.installing) this.#track(registration.installing, registration);
		});
	}

	/** Asks for a new version now and then; browsers only check on navigation. */
	checkNow(force = false): void {
		if (!this.#registration || (!force && Date.now() - this.#lastCheck < CHECK_EVERY_MS)) return;
		this.#lastCheck = Date.now();
		this.#registration.update().catch(() => undefined); // offline: try again later
	}

	/** Lets the waiting version take over, then reloads this tab once (on `controllerchange`). */
	applyUpdate(): void {
		this.#requested = true;
		const waiting = this.#waiting;
		if (!waiting || waiting.state !== 'installed') return this.#reloadOnce();
		// A tab the worker does not control (a hard reload) gets no `controllerchange`.
		waiting.addEventListener('statechange', () => {
			if (waiting.state === 'activated') this.#reloadOnce();
		});
		waiting.postMessage(SKIP_WAITING);
	}

	stop(): void {
		this.#container.removeEventListener('controllerchange', this.#onControllerChange);
	}

	#track(worker: ServiceWorker, registration: ServiceWorkerRegistration): void {
		worker.addEventListener('statechange', () => {
			// With no active worker this is the first install, which takes over by itself.
			if (worker.state === 'installed' && registration.active && registration.active !== worker) {
				this.#offer(worker);
			}
		});
	}

	#offer(worker: ServiceWorker): void {
		this.#waiting = worker;
		this.updateReady = true;
	}

	#onControllerChange = (): void => {
		if (this.#requested) return this.#reloadOnce();
		// Another tab let a new version take over: this tab's files are no longer cached.
		if (this.#hadController) this.updateReady = true;
		this.#hadController = true;
		this.status = 'offline-ready';
	};

	#reloadOnce(): void {
		if (this.#reloading) return;
		this.#reloading = true;
		this.#reload();
	}
}

let watcher: UpdateWatcher | null = null;

/** The page's one watcher, started on first use; `null` where service workers are unavailable. */
export function startUpdateWatcher(
	scriptUrl: string,
	options?: RegistrationOptions
): UpdateWatcher | null {
	if (watcher) return watcher;
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
	const w = new UpdateWatcher(navigator.serviceWorker, () => location.reload());
	watcher = w;
	// Like SvelteKit's own registration, wait for `load` so precaching does not compete with the page.
	const begin = () => void w.start(scriptUrl, options);
	if (document.readyState === 'complete') begin();
	else addEventListener('load', begin, { once: true });
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') w.checkNow();
	});
	return w;
}
