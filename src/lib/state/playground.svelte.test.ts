// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { addPartner } from '../domain/commands.ts';
import { EXAMPLES } from '../examples/index.ts';
import type { Sync, SyncMessage } from '../storage/broadcast.ts';
import { openTrustwalkDb } from '../storage/db.ts';
import {
	createIdbStore,
	createMemoryStore,
	StorageError,
	type ScenarioStore
} from '../storage/store.ts';
import { Playground } from './playground.svelte.ts';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';

/** Two tabs' channels joined back to back, delivering synchronously. */
function linkedSyncs(): [Sync, Sync] {
	const listeners: [Set<(m: SyncMessage) => void>, Set<(m: SyncMessage) => void>] = [
		new Set(),
		new Set()
	];
	const make = (me: 0 | 1): Sync => ({
		announce: (m) => listeners[me === 0 ? 1 : 0].forEach((fn) => fn(m)),
		subscribe: (fn) => {
			listeners[me].add(fn);
			return () => listeners[me].delete(fn);
		},
		close: () => listeners[me].clear()
	});
	return [make(0), make(1)];
}

async function ready(store: ScenarioStore = createMemoryStore(), sync?: Sync): Promise<Playground> {
	const p = new Playground({ store, sync, examples: EXAMPLES, saveDelayMs: 5 });
	await p.init();
	return p;
}

const addNorthwind = (p: Playground) => p.apply((s) => addPartner(s, CONTOSO, NORTHWIND));

describe('Playground', () => {
	it('seeds the examples on the first run and opens the first one', async () => {
		const p = await ready();
		expect(p.library.map((r) => r.name)).toHaveLength(3);
		expect(p.scenario?.name).toMatch(/^Example 1/);
	});

	it('every edit is undoable and redoable, and saved after the pause', async () => {
		const p = await ready();
		const before = p.scenario;
		expect(addNorthwind(p)).toBe(true);
		const after = p.scenario;
		expect(p.status.kind).toBe('pending');
		await p.flush();
		expect(p.status.kind).toBe('saved');
		expect((await p.store.get(p.record?.id ?? ''))?.revision).toBe(2);
		p.undo();
		expect(p.scenario).toBe(before);
		p.redo();
		expect(p.scenario).toBe(after);
	});

	it('§8: a saved edit writes an audit record in the changed tenant', async () => {
		const p = await ready();
		addNorthwind(p);
		await p.flush();
		const audit = await p.store.listAudit(p.record?.id ?? '', CONTOSO);
		expect(audit.map((a) => a.activityDisplayName)).toEqual([
			'Add a partner to cross-tenant access setting'
		]);
	});

	it('a failing write is shown with its reason and the edit stays in memory', async () => {
		const store = createMemoryStore();
		const p = await ready(store);
		vi.spyOn(store, 'put').mockRejectedValue(
			new StorageError('save', "the browser's storage for this site is full")
		);
		addNorthwind(p);
		await p.flush();
		expect(p.status).toEqual({
			kind: 'error',
			reason: "the browser's storage for this site is full"
		});
		expect(p.scenario?.tenants[0]?.crossTenantAccessPolicy.partners).toHaveLength(2);
		expect(p.exportCurrent()).toContain(NORTHWIND);
	});

	it('a second tab never overwrites newer data: it reports a conflict and can keep its copy', async () => {
		const store = createIdbStore(await openTrustwalkDb({ idbFactory: new IDBFactory() }));
		const [syncA, syncB] = linkedSyncs();
		const a = await ready(store, syncA);
		const b = await ready(store, syncB);
		// Tab B edits without saving; tab A saves first.
		b.apply((s) => ({ ...s, name: 'Renamed in B' }));
		addNorthwind(a);
		await a.flush();
		await vi.waitFor(() => expect(b.status.kind).toBe('conflict'));
		await b.flush();
		expect((await store.get(a.record?.id ?? ''))?.name).toMatch(/^Example 1/);
		await b.keepMineAsCopy();
		expect(b.scenario?.name).toBe('Renamed in B (copy from this tab)');
		expect((await store.list()).map((r) => r.name)).toContain('Renamed in B (copy from this tab)');
	});

	it('a second tab with no pending edits follows the other tab’s save', async () => {
		const store = createMemoryStore();
		const [syncA, syncB] = linkedSyncs();
		const a = await ready(store, syncA);
		const b = await ready(store, syncB);
		addNorthwind(a);
		await a.flush();
		await vi.waitFor(() => expect(b.record?.revision).toBe(2));
		expect(b.scenario?.tenants[0]?.crossTenantAccessPolicy.partners).toHaveLength(2);
		expect(b.notice).toMatch(/another tab/);
	});

	it('importing a broken file reports paths and changes nothing', async () => {
		const p = await ready();
		const before = await p.store.list();
		const errors = await p.importFile(
			'{"format":"trustwalk/scenario","version":1,"name":"x","tenants":[{}]}'
		);
		expect(errors?.map((e) => e.path)).toContain('tenants[0].tenantId');
		expect(await p.store.list()).toEqual(before);
	});

	it('delete is undoable', async () => {
		const p = await ready();
		const id = p.record?.id ?? '';
		await p.remove(id);
		expect(p.library.some((r) => r.id === id)).toBe(false);
		expect(p.record?.id).not.toBe(id);
		await p.undoDelete();
		expect(p.record?.id).toBe(id);
		expect(p.library).toHaveLength(3);
	});

	it('a corrupted stored record opens as a list of errors, not a crash', async () => {
		const store = createMemoryStore();
		const p = await ready(store);
		const record = p.record;
		if (!record) throw new Error('no record');
		await store.put({ ...record, document: { format: 'nope' }, revision: record.revision + 1 });
		await p.open(record.id);
		expect(p.scenario).toBeNull();
		expect(p.openErrors?.[0]?.path).toBe('format');
	});
});
