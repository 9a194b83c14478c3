/** Shared by the share-link tests: the examples as parsed scenarios, and payload surgery. */
import { EXAMPLES } from '../examples/index.ts';
import { formatErrors, parseScenario } from '../domain/parse.ts';
import type { Scenario } from '../domain/schema.ts';
import { writeContent } from './content.ts';
import { writeFrame } from './frame.ts';

/** Fast enough for property tests; links themselves always use `PBKDF2_ITERATIONS`. */
export const TEST_ITERATIONS = 1000;

export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function parsed(document: unknown): Scenario {
	const result = parseScenario(document);
	if (!result.ok) throw new Error(formatErrors(result.errors));
	return result.scenario;
}

export const exampleScenarios: readonly { file: string; scenario: Scenario }[] = EXAMPLES.map(
	(example) => ({ file: example.file, scenario: parsed(example.document) })
);

export function firstExample(): Scenario {
	const first = exampleScenarios[0];
	if (!first) throw new Error('no examples');
	return first.scenario;
}

/** A payload around any envelope JSON, framed as the encoder frames it (valid length and CRC). */
export async function payloadAround(
	json: string,
	options: { guids?: string[]; passphrase?: string } = {}
): Promise<string> {
	const content = await writeContent(json, options.guids ?? []);
	return writeFrame(
		content,
		options.passphrase === undefined
			? undefined
			: { passphrase: options.passphrase, iterations: TEST_ITERATIONS }
	);
}

/** The payload with the character at `at` replaced by another base64url character. */
export function flipAt(payload: string, at: number, shift = 1): string {
	const index = BASE64URL.indexOf(payload.charAt(at));
	const replacement = BASE64URL.charAt((index + shift) % BASE64URL.length);
	return payload.slice(0, at) + replacement + payload.slice(at + 1);
}
