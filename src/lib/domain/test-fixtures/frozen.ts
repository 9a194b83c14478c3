/** Test helpers for pure commands: inputs are deeply frozen, so a command that mutates one throws. */
import example1 from '../../examples/example-1-fabrikam-all-users.json';
import { parseScenario } from '../parse.ts';
import type { Scenario } from '../schema.ts';

export function frozen<T>(value: T): T {
	if (value && typeof value === 'object') {
		Object.values(value).forEach(frozen);
		Object.freeze(value);
	}
	return value;
}

/** Parses a copy of a scenario document (example 1 by default) and freezes the result. */
export function loadFrozen(json: unknown = example1): Scenario {
	const parsed = parseScenario(structuredClone(json));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return frozen(parsed.scenario);
}
