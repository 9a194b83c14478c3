/**
 * The first page's data: each built-in example scenario read through the parser and every attempt
 * run through the engine. Pure apart from the glob, so the page stays a thin view.
 */
import { evaluateAttempt, type AttemptResult } from '$lib/domain/engine/index.ts';
import { meetsExpectation } from '$lib/domain/expectation.ts';
import { parseScenario, type ScenarioError } from '$lib/domain/parse.ts';
import type { Attempt } from '$lib/domain/schema.ts';

export { describeExpectation, meetsExpectation } from '$lib/domain/expectation.ts';
export { blockedAt, stepLabel } from '$lib/domain/step-words.ts';

export interface EvaluatedAttempt {
	attempt: Attempt;
	result: AttemptResult;
	/** Whether the result matches the attempt's `expect`; null when the attempt states none. */
	meetsExpectation: boolean | null;
}

export type ExampleReport =
	| {
			ok: true;
			file: string;
			name: string;
			description: string | undefined;
			attempts: EvaluatedAttempt[];
	  }
	| { ok: false; file: string; name: string; errors: ScenarioError[] };

function rawName(value: unknown, file: string): string {
	if (typeof value === 'object' && value !== null && 'name' in value) {
		if (typeof value.name === 'string' && value.name !== '') return value.name;
	}
	return file;
}

/** Parses one example and runs each of its attempts; a broken file becomes a report of its errors. */
export function evaluateExample(file: string, value: unknown): ExampleReport {
	const parsed = parseScenario(value);
	if (!parsed.ok) return { ok: false, file, name: rawName(value, file), errors: parsed.errors };
	const { scenario } = parsed;
	return {
		ok: true,
		file,
		name: scenario.name,
		description: scenario.description,
		attempts: (scenario.attempts ?? []).map((attempt) => {
			const result = evaluateAttempt(scenario, attempt);
			return { attempt, result, meetsExpectation: meetsExpectation(attempt.expect, result) };
		})
	};
}

const exampleFiles = import.meta.glob<unknown>('$lib/examples/*.json', {
	eager: true,
	import: 'default'
});

/** The built-in examples, in file-name order. */
export function builtInExamples(): ExampleReport[] {
	return Object.keys(exampleFiles)
		.sort()
		.map((path) => evaluateExample(path.slice(path.lastIndexOf('/') + 1), exampleFiles[path]));
}
