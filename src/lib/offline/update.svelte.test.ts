import { describe, expect, it, vi } from 'vitest';
import { SKIP_WAITING } from './messages.ts';
import { UpdateWatcher, type WorkerContainer } from './update.svelte.ts';

// Fakes of the parts of the Service Worker API the watcher uses, driven by hand.
class FakeWorker extends EventTarget {
	state: ServiceWorkerState = 'installing';
	messages: unknown[] = [];
	postMessage(message: unknown): void {
		this.messages.push(message);
	}
	moveTo(state: ServiceWorkerState): void {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	active: FakeWorker | null = null;
	update = vi.fn(() => Promise.resolve());
	/** A new script was found: it starts installing. */
	find(worker: FakeWorker): void {
		this.installing = worker;
		this.dispatchEvent(new Event('updatefound'));
	}
	/** Install finished: the worker waits (the registration's fields change before the event). */
	installed(worker: FakeWorker): void {
		this.installing = null;
		this.waiting = worker;
		worker.moveTo('installed');
	}
}

class FakeContainer extends EventTarget {
	controller: FakeWorker | null = null;
	constructor(
		readonly registration: FakeRegistration | undefined,
		readonly failure?: Error
	) {
		super();
	}
	register = vi.fn(() =>
		this.failure ? Promise.reject(this.failure) : Promise.resolve(this.registration)
	);
	takeOver(worker: FakeWorker): void {
		this.controller = worker;
		this.dispatchEvent(new Event('controllerchange'));
	}
}

function setUp(registration: FakeRegistration | undefined, controller: FakeWorker | null = null) {
	const container = new FakeContainer(registration);
	container.controller = controller;
	const reload = vi.fn();
	const watcher = new UpdateWatcher(container as unknown as WorkerContainer, reload);
	return { container, reload, watcher };
}

describe('UpdateWatcher', () => {
	it('does not announce the first install, and reports the tab ready for offline use', async () => {
		const registration = new FakeRegistration();
		const { container, reload, watcher } = setUp(registration);
		const first = new FakeWorker();
		registration.installing = first;
		await watcher.start('/service-worker.js');
		expect(watcher.status).toBe('registering');

		registration.installed(first);
		registration.waiting = null;
		registration.active = first;
		first.moveTo('activated');
		container.takeOver(first);

		expect(watcher.updateReady).toBe(false);
		expect(watcher.status).toBe('offline-ready');
		expect(reload).not.toHaveBeenCalled();
	});

	it('announces a new version, lets it take over when asked, and reloads once', async () => {
		const old = new FakeWorker();
		old.state = 'activated';
		const registration = new FakeRegistration();
		registration.active = old;
		const { container, reload, watcher } = setUp(registration, old);
		expect(watcher.status).toBe('offline-ready');
		await watcher.start('/service-worker.js');

		const next = new FakeWorker();
		registration.find(next);
		expect(watcher.updateReady).toBe(false); // still installing
		registration.installed(next);
		expect(watcher.updateReady).toBe(true);
		expect(next.messages).toEqual([]);

		watcher.applyUpdate();
		expect(next.messages).toEqual([SKIP_WAITING]);
		expect(reload).not.toHaveBeenCalled();
		container.takeOver(next);
		next.moveTo('activated');
		container.takeOver(next);
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('announces a version that was already waiting when the page opened', async () => {
		const old = new FakeWorker();
		old.state = 'activated';
		const next = new FakeWorker();
		next.state = 'installed';
		const registration = new FakeRegistration();
		registration.active = old;
		registration.waiting = next;
		const { watcher } = setUp(registration, old);
		await watcher.start('/service-worker.js');
		expect(watcher.updateReady).toBe(true);
	});

	it('reloads on activation when the tab is not controlled (no controllerchange comes)', async () => {
		const old = new FakeWorker();
		old.state = 'activated';
		const registration = new FakeRegistration();
		registration.active = old;
		const { reload, watcher } = setUp(registration, null);
		await watcher.start('/service-worker.js');
		const next = new FakeWorker();
		registration.find(next);
		registration.installed(next);
		expect(watcher.updateReady).toBe(true);

		watcher.applyUpdate();
		next.moveTo('activating');
		expect(reload).not.toHaveBeenCalled();
		next.moveTo('activated');
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('asks for a reload when another tab let a new version take over', async () => {
		const old = new FakeWorker();
		const registration = new FakeRegistration();
		registration.active = old;
		const { container, reload, watcher } = setUp(registration, old);
		await watcher.start('/service-worker.js');

		container.takeOver(new FakeWorker());
		expect(watcher.updateReady).toBe(true);
		expect(reload).not.toHaveBeenCalled();
		watcher.applyUpdate(); // nothing waits any more: a plain reload
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('checks for a new version at most once an hour unless forced', async () => {
		const registration = new FakeRegistration();
		const { watcher } = setUp(registration);
		await watcher.start('/service-worker.js');
		watcher.checkNow();
		expect(registration.update).not.toHaveBeenCalled();
		watcher.checkNow(true);
		expect(registration.update).toHaveBeenCalledTimes(1);
	});

	it('survives a failed or stubbed-out registration', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const container = new FakeContainer(undefined, new Error('SecurityError'));
		const failed = new UpdateWatcher(container as unknown as WorkerContainer, vi.fn());
		await failed.start('/service-worker.js');
		expect(failed.status).toBe('failed');
		expect(warn).toHaveBeenCalledOnce();
		warn.mockRestore();

		const { watcher } = setUp(undefined); // Playwright's serviceWorkers: 'block'
		await watcher.start('/service-worker.js');
		expect(watcher.updateReady).toBe(false);
	});
});
