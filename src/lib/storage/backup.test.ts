import { describe, expect, it } from 'vitest';
import { scenarioRecord, snapshotRecord, STORE_KINDS } from './store-fixtures.ts';
import { BACKUP_FORMAT } from './records.ts';

describe.each(STORE_KINDS)('backup export and import (%s)', (_kind, makeStore) => {
	it('exports every scenario and snapshot as a trustwalk/backup file', async () => {
		const store = await makeStore();
		const created = await store.create(scenarioRecord());
		await store.addSnapshot(snapshotRecord());
		const backup = await store.exportAll();
		expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: 1 });
		expect(Date.parse(backup.exportedAt)).not.toBeNaN();
		expect(backup.scenarios).toEqual([created]);
		expect(backup.snapshots).toEqual([snapshotRecord()]);
	});

	it('imports a backup (object or JSON text) as new scenarios with new ids, snapshots following', async () => {
		const source = await makeStore();
		await source.create(scenarioRecord({ lessonProgress: { step: 2 } }));
		await source.addSnapshot(snapshotRecord());
		const backup = await source.exportAll();

		for (const data of [backup, JSON.stringify(backup)]) {
			const target = await makeStore();
			const result = await target.importBackup(data);
			if (!result.ok) throw new Error(JSON.stringify(result.errors));
			expect(result.ids).toHaveLength(1);
			const [id] = result.ids;
			expect(id).not.toBe('scenario-1');
			const imported = await target.get(id ?? '');
			expect(imported).toMatchObject({
				name: 'Fabrikam and Contoso',
				origin: 'import',
				revision: 1,
				lessonProgress: { step: 2 }
			});
			expect(imported?.document).toEqual(scenarioRecord().document);
			const snapshots = await target.listSnapshots(id ?? '');
			expect(snapshots.map((s) => s.name)).toEqual(['before the change']);
		}
	});

	it('importing the same backup twice adds it twice instead of overwriting', async () => {
		const store = await makeStore();
		await store.create(scenarioRecord());
		const backup = await store.exportAll();
		await store.importBackup(backup);
		await store.importBackup(backup);
		expect(await store.list()).toHaveLength(3);
	});

	it('a backup with one broken document reports its path and writes nothing', async () => {
		const store = await makeStore();
		const good = { ...scenarioRecord(), revision: 1 };
		const broken = structuredClone(good) as typeof good & {
			document: { tenants: { domain: string }[] };
		};
		broken.id = 'broken';
		const tenant = broken.document.tenants[0];
		if (tenant) tenant.domain = '';
		const backup = {
			format: BACKUP_FORMAT,
			version: 1,
			exportedAt: new Date().toISOString(),
			scenarios: [good, good, broken].map((s, i) => ({ ...s, id: `s${i}` })),
			snapshots: [snapshotRecord({ scenarioId: 's0' })]
		};
		const result = await store.importBackup(backup);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.errors.map((e) => e.path)).toContain('scenarios[2].document.tenants[0].domain');
		expect(await store.list()).toEqual([]);
		expect(await store.listSnapshots('s0')).toEqual([]);
	});

	it('rejects what is not a backup, naming the part that is wrong', async () => {
		const store = await makeStore();
		const cases: [unknown, string][] = [
			['{ not json', ''],
			[{ format: 'trustwalk/scenario', version: 1, scenarios: [] }, 'format'],
			[
				{ format: BACKUP_FORMAT, version: 1, scenarios: [{ id: 'x', document: {} }] },
				'scenarios[0].name'
			],
			[
				{
					format: BACKUP_FORMAT,
					version: 1,
					scenarios: [{ id: 'x', name: 'n', document: { format: 'nope' } }]
				},
				'scenarios[0].document.format'
			],
			[
				{
					format: BACKUP_FORMAT,
					version: 1,
					scenarios: [],
					snapshots: [snapshotRecord({ scenarioId: 'nowhere' })]
				},
				'snapshots[0].scenarioId'
			]
		];
		for (const [data, path] of cases) {
			const result = await store.importBackup(data);
			expect(result.ok ? [] : result.errors.map((e) => e.path)).toContain(path);
		}
		expect(await store.list()).toEqual([]);
	});
});
