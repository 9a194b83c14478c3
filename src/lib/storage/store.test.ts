import { describe, expect, it } from 'vitest';
import { auditRecord, scenarioRecord, snapshotRecord, STORE_KINDS } from './store-fixtures.ts';
import { StorageError } from './store.ts';

describe.each(STORE_KINDS)('ScenarioStore contract (%s)', (_kind, makeStore) => {
	it('creates a scenario at revision 1 and reads it back', async () => {
		const store = await makeStore();
		const created = await store.create(scenarioRecord());
		expect(created.revision).toBe(1);
		expect(await store.get('scenario-1')).toEqual(created);
		expect(await store.get('missing')).toBeUndefined();
	});

	it('refuses to create a second scenario with the same id', async () => {
		const store = await makeStore();
		await store.create(scenarioRecord());
		const error = await store.create(scenarioRecord({ name: 'other' })).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).reason).toMatch(/^ConstraintError/);
		expect((await store.get('scenario-1'))?.name).toBe('Fabrikam and Contoso');
	});

	it('lists scenarios most recently updated first', async () => {
		const store = await makeStore();
		await store.create(scenarioRecord({ id: 'a', updatedAt: 10 }));
		await store.create(scenarioRecord({ id: 'b', updatedAt: 30 }));
		await store.create(scenarioRecord({ id: 'c', updatedAt: 20 }));
		expect((await store.list()).map((s) => s.id)).toEqual(['b', 'c', 'a']);
	});

	it('saves a newer revision', async () => {
		const store = await makeStore();
		const created = await store.create(scenarioRecord());
		const result = await store.put({ ...created, name: 'renamed', revision: 2, updatedAt: 5000 });
		expect(result).toEqual({ ok: true, revision: 2 });
		expect(await store.get(created.id)).toMatchObject({ name: 'renamed', revision: 2 });
	});

	it('refuses a save whose revision is not above the stored one, returning the stored record', async () => {
		const store = await makeStore();
		const created = await store.create(scenarioRecord());
		await store.put({ ...created, name: 'saved by another tab', revision: 2 });
		for (const revision of [2, 1]) {
			const result = await store.put({ ...created, name: 'older edit', revision });
			expect(result).toMatchObject({ ok: false, reason: 'stale' });
			if (!result.ok)
				expect(result.current).toMatchObject({ name: 'saved by another tab', revision: 2 });
		}
		expect(await store.get(created.id)).toMatchObject({
			name: 'saved by another tab',
			revision: 2
		});
	});

	it('writes a save for a scenario that is not stored (deleted in another tab)', async () => {
		const store = await makeStore();
		const result = await store.put({ ...scenarioRecord(), revision: 3 });
		expect(result).toEqual({ ok: true, revision: 3 });
	});

	it('keeps stored data apart from the objects the caller holds', async () => {
		const store = await makeStore();
		const record = { ...scenarioRecord(), revision: 1 };
		await store.put(record);
		record.name = 'changed after saving';
		const read = await store.get(record.id);
		expect(read?.name).toBe('Fabrikam and Contoso');
		if (read) read.name = 'changed after reading';
		expect((await store.get(record.id))?.name).toBe('Fabrikam and Contoso');
	});

	it('deletes a scenario with its snapshots, keeps its audit log, and restores it on undo', async () => {
		const store = await makeStore();
		const created = await store.create(scenarioRecord());
		await store.addSnapshot(snapshotRecord());
		await store.addSnapshot(snapshotRecord({ id: 'other', scenarioId: 'scenario-2' }));
		await store.appendAudit([{ ...auditRecord(), scenarioId: created.id }]);

		const deleted = await store.delete(created.id);
		expect(deleted?.scenario).toEqual(created);
		expect(deleted?.snapshots.map((s) => s.id)).toEqual(['snapshot-1']);
		expect(await store.get(created.id)).toBeUndefined();
		expect(await store.listSnapshots(created.id)).toEqual([]);
		expect(await store.listSnapshots('scenario-2')).toHaveLength(1);
		expect(await store.listAudit(created.id)).toHaveLength(1);

		if (deleted) await store.restore(deleted.scenario, deleted.snapshots);
		expect(await store.get(created.id)).toEqual(created);
		expect((await store.listSnapshots(created.id)).map((s) => s.id)).toEqual(['snapshot-1']);
		expect(await store.delete('missing')).toBeUndefined();
	});

	it('lists a scenario’s snapshots newest first and deletes one', async () => {
		const store = await makeStore();
		await store.addSnapshot(snapshotRecord({ id: 'old', createdAt: 1 }));
		await store.addSnapshot(snapshotRecord({ id: 'new', createdAt: 2 }));
		expect((await store.listSnapshots('scenario-1')).map((s) => s.id)).toEqual(['new', 'old']);
		await store.deleteSnapshot('old');
		expect((await store.listSnapshots('scenario-1')).map((s) => s.id)).toEqual(['new']);
	});

	it('appends audit records in order with growing sequence numbers, per scenario and tenant', async () => {
		const store = await makeStore();
		const seqs = await store.appendAudit([
			{ ...auditRecord({ tenantId: 'a' }), scenarioId: 's1' },
			{ ...auditRecord({ tenantId: 'b' }), scenarioId: 's1' },
			{ ...auditRecord({ tenantId: 'a' }), scenarioId: 's2' }
		]);
		expect(seqs).toHaveLength(3);
		expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
		const more = await store.appendAudit([
			{ ...auditRecord({ tenantId: 'a' }), scenarioId: 's1', seq: 999 }
		]);
		expect(more[0]).toBeGreaterThan(seqs[2] ?? 0);
		const s1 = await store.listAudit('s1');
		expect(s1.map((r) => r.seq)).toEqual([seqs[0], seqs[1], more[0]]);
		expect(s1[0]).toMatchObject({ ...auditRecord({ tenantId: 'a' }), scenarioId: 's1' });
		expect((await store.listAudit('s1', 'a')).map((r) => r.seq)).toEqual([seqs[0], more[0]]);
		expect(await store.listAudit('none')).toEqual([]);
	});

	it('keeps settings in meta', async () => {
		const store = await makeStore();
		expect(await store.getMeta('seeded')).toBeUndefined();
		await store.setMeta('seeded', true);
		await store.setMeta('layout', { panel: 'left' });
		expect(await store.getMeta('seeded')).toBe(true);
		expect(await store.getMeta('layout')).toEqual({ panel: 'left' });
	});
});
