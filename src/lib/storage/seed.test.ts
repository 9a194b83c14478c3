import { describe, expect, it } from 'vitest';
import { resetExamples, seedExamples } from './seed.ts';
import { EXAMPLES, scenarioRecord, STORE_KINDS } from './store-fixtures.ts';

describe.each(STORE_KINDS)('seeding the examples (%s)', (_kind, makeStore) => {
	it('creates one example scenario per file on the first run, in the given order', async () => {
		const store = await makeStore();
		const created = await seedExamples(store, EXAMPLES);
		expect(created).toHaveLength(2);
		const list = await store.list();
		expect(list.map((s) => s.exampleFile)).toEqual(EXAMPLES.map((e) => e.file));
		expect(list.every((s) => s.origin === 'example' && s.revision === 1)).toBe(true);
		expect(list[0]?.name).toBe((EXAMPLES[0]?.document as { name: string }).name);
		expect(await store.getMeta('seeded')).toBe(true);
	});

	it('seeds only once, so examples the learner deleted stay deleted', async () => {
		const store = await makeStore();
		const [first] = await seedExamples(store, EXAMPLES);
		if (first) await store.delete(first.id);
		expect(await seedExamples(store, EXAMPLES)).toEqual([]);
		expect(await store.list()).toHaveLength(1);
	});

	it('reset replaces the examples (edited or deleted) and leaves the learner’s own scenarios', async () => {
		const store = await makeStore();
		const [first, second] = await seedExamples(store, EXAMPLES);
		await store.create(scenarioRecord({ id: 'mine' }));
		if (first) await store.put({ ...first, name: 'edited', revision: 2 });
		if (second) await store.delete(second.id);

		await resetExamples(store, EXAMPLES);
		const list = await store.list();
		const examples = list.filter((s) => s.origin === 'example');
		expect(examples.map((s) => s.exampleFile).sort()).toEqual(EXAMPLES.map((e) => e.file).sort());
		expect(examples.some((s) => s.name === 'edited')).toBe(false);
		expect(list.some((s) => s.id === 'mine')).toBe(true);
	});
});
