/**
 * The bundled examples become ordinary stored scenarios on the first run, so a learner can edit
 * them; 'seeded' in meta stops a later visit from bringing back examples the learner deleted.
 */
import { newId } from './id.ts';
import type { StoredScenario } from './records.ts';
import type { ScenarioStore } from './store.ts';

export interface ExampleFile {
	file: string;
	document: unknown;
}

export const SEEDED_KEY = 'seeded';

function nameOf(example: ExampleFile): string {
	const doc = example.document;
	if (typeof doc === 'object' && doc !== null && 'name' in doc && typeof doc.name === 'string')
		return doc.name;
	return example.file;
}

async function createExamples(
	store: ScenarioStore,
	examples: readonly ExampleFile[]
): Promise<StoredScenario[]> {
	const created: StoredScenario[] = [];
	// list() puts the most recently updated first: give the first example the latest time, so the
	// examples are listed in the order given.
	const now = Date.now();
	for (const [i, example] of examples.entries()) {
		const at = now - i;
		created.push(
			await store.create({
				id: newId(),
				name: nameOf(example),
				document: example.document,
				createdAt: at,
				updatedAt: at,
				origin: 'example',
				exampleFile: example.file
			})
		);
	}
	return created;
}

/** Seeds the examples on the first run only; returns what it created (empty on later runs). */
export async function seedExamples(
	store: ScenarioStore,
	examples: readonly ExampleFile[]
): Promise<StoredScenario[]> {
	if ((await store.getMeta(SEEDED_KEY)) === true) return [];
	const created = await createExamples(store, examples);
	await store.setMeta(SEEDED_KEY, true);
	return created;
}

/** Deletes every scenario of origin 'example' (edited or not) and seeds the examples afresh. */
export async function resetExamples(
	store: ScenarioStore,
	examples: readonly ExampleFile[]
): Promise<StoredScenario[]> {
	for (const record of await store.list()) {
		if (record.origin === 'example') await store.delete(record.id);
	}
	const created = await createExamples(store, examples);
	await store.setMeta(SEEDED_KEY, true);
	return created;
}
