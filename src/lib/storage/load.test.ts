import { describe, expect, it } from 'vitest';
import { readScenario } from './load.ts';
import type { StoredScenario } from './records.ts';
import { scenarioRecord } from './store-fixtures.ts';

describe('readScenario', () => {
	it('reads a stored document into a scenario', () => {
		const record: StoredScenario = { ...scenarioRecord(), revision: 1 };
		const result = readScenario(record);
		expect(result.ok && result.scenario.tenants.length).toBe(3);
	});

	it('reports a corrupted record as errors instead of throwing', () => {
		const corrupted: StoredScenario = { ...scenarioRecord(), revision: 1 };
		corrupted.document = { format: 'nope' };
		const result = readScenario(corrupted);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0]?.path).toBe('format');
	});

	it.each([null, undefined, 42, 'not json {', []])(
		'reports %j as errors, not a throw',
		(document) => {
			const result = readScenario({ document });
			expect(result.ok).toBe(false);
		}
	);
});
