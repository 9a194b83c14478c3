import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSync, type SyncMessage } from './broadcast.ts';
import { requestPersistence, storageEstimate } from './persistence.ts';

afterEach(() => {
	vi.unstubAllGlobals();
});

/** Resolves with the next message the subscriber receives. */
function nextMessage(
	subscribe: (fn: (m: SyncMessage) => void) => () => void
): Promise<SyncMessage> {
	return new Promise((resolve) => {
		const off = subscribe((m) => {
			off();
			resolve(m);
		});
	});
}

describe('createSync (tabs telling each other what changed)', () => {
	it('delivers a message announced in one tab to the other tab, not to itself', async () => {
		const name = `trustwalk-test-${Math.random()}`;
		const tabA = createSync(name);
		const tabB = createSync(name);
		const own = vi.fn();
		tabA.subscribe(own);
		const received = nextMessage((fn) => tabB.subscribe(fn));
		tabA.announce({ type: 'saved', id: 's1', revision: 3 });
		expect(await received).toEqual({ type: 'saved', id: 's1', revision: 3 });
		expect(own).not.toHaveBeenCalled();
		tabA.close();
		tabB.close();
	});

	it('ignores messages it does not understand', async () => {
		const name = `trustwalk-test-${Math.random()}`;
		const other = new BroadcastChannel(name);
		const tab = createSync(name);
		const received = nextMessage((fn) => tab.subscribe(fn));
		other.postMessage({ type: 'renamed', id: 's1' });
		other.postMessage({ type: 'deleted', id: 's2' });
		expect(await received).toEqual({ type: 'deleted', id: 's2' });
		other.close();
		tab.close();
	});

	it('does nothing where BroadcastChannel does not exist', () => {
		vi.stubGlobal('BroadcastChannel', undefined);
		const sync = createSync();
		const unsubscribe = sync.subscribe(() => undefined);
		expect(() => {
			sync.announce({ type: 'created', id: 'x' });
			unsubscribe();
			sync.close();
		}).not.toThrow();
	});
});

describe('persistence', () => {
	it('asks the browser to keep the storage and reports the answer', async () => {
		vi.stubGlobal('navigator', {
			storage: {
				persist: () => Promise.resolve(true),
				estimate: () => Promise.resolve({ usage: 10, quota: 100 })
			}
		});
		expect(await requestPersistence()).toBe(true);
		expect(await storageEstimate()).toEqual({ usage: 10, quota: 100 });
	});

	it('returns null where the browser offers no storage manager', async () => {
		vi.stubGlobal('navigator', {});
		expect(await requestPersistence()).toBeNull();
		expect(await storageEstimate()).toBeNull();
	});
});
