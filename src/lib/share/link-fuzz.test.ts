/**
 * 10,000 random and mutated payloads: the decoder never throws and always answers with a well-formed
 * result. Three sources: random text; valid payloads cut, changed, extended and spliced; and payloads
 * re-framed with a correct length and CRC around changed inner content, so the layers behind the
 * checksum (inflate, JSON, envelope, compact form, parser) are reached too.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../domain/parse.ts';
import { scenarioArb } from '../domain/test-fixtures/arbitrary-scenario.ts';
import type { Scenario } from '../domain/schema.ts';
import { canonicalJson, packScenario } from './compact.ts';
import { writeContent } from './content.ts';
import { writeFrame, type LinkVersion } from './frame.ts';
import { generateMesh } from '../../../scripts/generate-mesh.ts';
import { decodeScenarioLink, encodeScenarioLink, type DecodedLink } from './link.ts';
import {
	BASE64URL,
	TEST_ITERATIONS,
	exampleScenarios,
	parsed,
	payloadAround
} from './test-fixtures.ts';

const RUNS = 10_000;
const PASSPHRASE = 'fuzz';
const CODES = new Set([
	'empty',
	'unknownVersion',
	'newerVersion',
	'notBase64',
	'truncated',
	'corrupt',
	'tooLarge',
	'needsPassphrase',
	'wrongPassphrase',
	'invalidScenario'
]);

/** Why a result is not well-formed, or null when it is. */
function malformed(result: unknown): string | null {
	if (typeof result !== 'object' || result === null) return 'not an object';
	const r = result as DecodedLink;
	if (r.ok === true) {
		const extra = Object.keys(r).filter((k) => !['ok', 'scenario', 'attempt', 'step'].includes(k));
		if (extra.length > 0) return `unexpected keys ${extra.join()}`;
		if (r.attempt !== undefined && typeof r.attempt !== 'string') return 'attempt not text';
		if (r.step !== undefined && !(Number.isSafeInteger(r.step) && r.step >= 0)) return 'bad step';
		return parseScenario(r.scenario).ok ? null : 'an invalid scenario reported as ok';
	}
	if (r.ok !== false) return 'ok is neither true nor false';
	if (!CODES.has(r.code)) return `unknown code ${String(r.code)}`;
	if (typeof r.message !== 'string' || !/^[A-Z].*[.]$/s.test(r.message)) return 'bad message';
	if (r.errors !== undefined) {
		if (r.code !== 'invalidScenario' && r.code !== 'newerVersion')
			return 'errors on a link failure';
		if (!Array.isArray(r.errors) || r.errors.length === 0) return 'errors not a list';
		for (const e of r.errors)
			if (typeof e.path !== 'string' || typeof e.message !== 'string') return 'bad error';
	}
	return null;
}

type Op =
	| { op: 'truncate'; at: number }
	| { op: 'flip'; at: number; to: string }
	| { op: 'insert'; at: number; text: string }
	| { op: 'duplicate'; from: number; length: number; to: number }
	| { op: 'delete'; from: number; length: number }
	| { op: 'marker'; marker: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
	fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
	fc.record({
		op: fc.constant('flip' as const),
		at: fc.nat(),
		to: fc.oneof(fc.constantFrom(...BASE64URL), fc.string({ minLength: 1, maxLength: 1 }))
	}),
	fc.record({
		op: fc.constant('insert' as const),
		at: fc.nat(),
		text: fc.string({ maxLength: 8 })
	}),
	fc.record({
		op: fc.constant('duplicate' as const),
		from: fc.nat(),
		length: fc.integer({ min: 1, max: 200 }),
		to: fc.nat()
	}),
	fc.record({
		op: fc.constant('delete' as const),
		from: fc.nat(),
		length: fc.integer({ min: 1, max: 50 })
	}),
	fc.record({
		op: fc.constant('marker' as const),
		marker: fc.constantFrom('', '0.', '2.', '1', '1..', '10.', 'x.', '1.1.')
	})
);

function apply(text: string, op: Op): string {
	const n = text.length + 1;
	switch (op.op) {
		case 'truncate':
			return text.slice(0, op.at % n);
		case 'flip': {
			const at = op.at % Math.max(1, text.length);
			return text.slice(0, at) + op.to + text.slice(at + 1);
		}
		case 'insert': {
			const at = op.at % n;
			return text.slice(0, at) + op.text + text.slice(at);
		}
		case 'duplicate': {
			const from = op.from % n;
			const to = op.to % n;
			return text.slice(0, to) + text.slice(from, from + op.length) + text.slice(to);
		}
		case 'delete': {
			const from = op.from % n;
			return text.slice(0, from) + text.slice(from + op.length);
		}
		case 'marker':
			return op.marker + text.replace(/^[0-9]*\./, '');
	}
}

/** Replaces, removes or copies one node of a JSON value, chosen by `pick`. */
function mutateJson(value: unknown, pick: number, replacement: unknown, how: number): unknown {
	const copy = structuredClone(value);
	const holders: { parent: unknown[] | Record<string, unknown>; key: string | number }[] = [];
	const walk = (node: unknown) => {
		if (Array.isArray(node)) {
			node.forEach((child, i) => {
				holders.push({ parent: node, key: i });
				walk(child);
			});
		} else if (typeof node === 'object' && node !== null) {
			for (const [key, child] of Object.entries(node)) {
				holders.push({ parent: node as Record<string, unknown>, key });
				walk(child);
			}
		}
	};
	walk(copy);
	const target = holders[pick % Math.max(1, holders.length)];
	if (!target) return replacement;
	const { parent, key } = target;
	if (Array.isArray(parent) && typeof key === 'number') {
		if (how % 3 === 1) parent.splice(key, 1);
		else if (how % 3 === 2) parent.splice(key, 0, structuredClone(parent[key]));
		else parent[key] = replacement;
	} else {
		(parent as Record<string, unknown>)[key] = how % 3 === 1 ? undefined : replacement;
	}
	return copy;
}

interface Seeds {
	plain: string[];
	/** The scenario behind each plain seed, then the one behind the sealed seed. */
	scenarios: Scenario[];
	sealed: string;
	envelopes: { json: unknown; guids: string[] }[];
	contents: { bytes: Uint8Array<ArrayBuffer>; version: LinkVersion }[];
}

const seeds: Seeds = { plain: [], scenarios: [], sealed: '', envelopes: [], contents: [] };

beforeAll(async () => {
	const scenarios = [
		...exampleScenarios.map((e) => e.scenario),
		...fc.sample(scenarioArb, { numRuns: 3, seed: 42 }).map((s) => parsed(s)),
		// IDs with long shared runs: its link is written in layout version 2.
		generateMesh({ tenants: 3, usersPerTenant: 2 })
	];
	for (const scenario of scenarios) {
		seeds.plain.push(await encodeScenarioLink(scenario, { attempt: 'a', step: 1 }));
		seeds.scenarios.push(scenario);
		for (const mode of ['inline', 'table'] as const) {
			const { packed, guids } = packScenario(scenario, mode);
			seeds.envelopes.push({ json: { s: packed, a: 'a', t: 1 }, guids });
			for (const version of [1, 2] as const) {
				const bytes = await writeContent(JSON.stringify({ s: packed }), guids, version);
				seeds.contents.push({ bytes, version });
			}
		}
	}
	const sealedScenario = scenarios[1] ?? parsed({});
	seeds.sealed = await encodeScenarioLink(sealedScenario, {
		passphrase: PASSPHRASE,
		iterations: TEST_ITERATIONS
	});
	seeds.scenarios.push(sealedScenario);
});

type Case =
	| { source: 'random'; payload: string; kind: 's' | 'e' }
	| { source: 'mutated'; seed: number; sealed: boolean; ops: Op[]; passphrase?: string }
	| { source: 'content'; seed: number; at: number; bytes: number[]; cut: boolean }
	| { source: 'json'; seed: number; pick: number; how: number; replacement: unknown };

const caseArb: fc.Arbitrary<Case> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			source: fc.constant('random' as const),
			payload: fc.oneof(
				fc.string({ maxLength: 300 }),
				fc.string({ unit: 'binary', maxLength: 100 }),
				fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: 1500 }).map((s) => `1.${s}`)
			),
			kind: fc.constantFrom('s' as const, 'e' as const)
		})
	},
	{
		weight: 11,
		arbitrary: fc.record(
			{
				source: fc.constant('mutated' as const),
				seed: fc.nat(),
				// PBKDF2 runs for every sealed payload whose length still checks out: keep them few.
				sealed: fc.nat({ max: 99 }).map((n) => n < 8),
				ops: fc.array(opArb, { minLength: 1, maxLength: 3 }),
				passphrase: fc.constantFrom(PASSPHRASE, 'wrong', '')
			},
			{ requiredKeys: ['source', 'seed', 'sealed', 'ops'] }
		)
	},
	{
		weight: 3,
		arbitrary: fc.record({
			source: fc.constant('content' as const),
			seed: fc.nat(),
			at: fc.nat(),
			bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 4 }),
			cut: fc.boolean()
		})
	},
	{
		weight: 3,
		arbitrary: fc.record({
			source: fc.constant('json' as const),
			seed: fc.nat(),
			pick: fc.nat(),
			how: fc.nat(),
			replacement: fc.jsonValue({ maxDepth: 2 })
		})
	}
);

function at<T>(list: readonly T[], index: number): T {
	const item = list[index % list.length];
	if (item === undefined) throw new Error('no seeds');
	return item;
}

async function decodeCase(c: Case): Promise<DecodedLink> {
	switch (c.source) {
		case 'random':
			return decodeScenarioLink(c.payload, c.kind, PASSPHRASE, { iterations: TEST_ITERATIONS });
		case 'mutated': {
			const seed = c.sealed ? seeds.plain.length : c.seed % seeds.plain.length;
			const payload = c.ops.reduce(apply, c.sealed ? seeds.sealed : at(seeds.plain, seed));
			const result = await decodeScenarioLink(payload, c.sealed ? 'e' : 's', c.passphrase, {
				iterations: TEST_ITERATIONS
			});
			// A changed link either fails or still holds exactly its scenario (spaces, no-op edits).
			if (result.ok && canonicalJson(result.scenario) !== canonicalJson(at(seeds.scenarios, seed)))
				throw new Error(`a changed link opened as another scenario: ${JSON.stringify(c)}`);
			return result;
		}
		case 'content': {
			const { bytes, version } = at(seeds.contents, c.seed);
			const content = bytes.slice();
			const where = c.at % content.length;
			const changed = c.cut
				? content.slice(0, where)
				: new Uint8Array([...content.slice(0, where), ...c.bytes, ...content.slice(where + 1)]);
			return decodeScenarioLink(await writeFrame(changed, undefined, version), 's');
		}
		case 'json': {
			const { json, guids } = at(seeds.envelopes, c.seed);
			const changed = mutateJson(json, c.pick, c.replacement, c.how);
			return decodeScenarioLink(await payloadAround(JSON.stringify(changed) ?? '', { guids }), 's');
		}
	}
}

describe('fuzzing the decoder', () => {
	it(`${RUNS.toLocaleString('en-US')} random and mutated payloads never throw and always answer well-formed`, async () => {
		const outcomes = new Map<string, number>();
		const started = performance.now();
		const cpu = process.cpuUsage();
		await fc.assert(
			fc.asyncProperty(caseArb, async (c) => {
				let result: DecodedLink;
				try {
					result = await decodeCase(c);
				} catch (e) {
					throw new Error(`the decoder threw: ${String(e)}`, { cause: e });
				}
				const problem = malformed(result);
				if (problem) throw new Error(`${problem}: ${JSON.stringify(result).slice(0, 300)}`);
				const key = `${c.source}:${result.ok ? 'ok' : result.code}`;
				outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
			}),
			{ numRuns: RUNS }
		);
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		const used = process.cpuUsage(cpu);
		console.log(
			`fuzz: ${RUNS} cases in ${seconds} s, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s`,
			Object.fromEntries([...outcomes].sort())
		);
		const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
		expect(total).toBe(RUNS);
		// Every layer was reached: framing, checksum, inflate, envelope, compact form and the parser.
		for (const code of ['truncated', 'corrupt', 'notBase64', 'unknownVersion', 'invalidScenario'])
			expect(
				[...outcomes.keys()].some((k) => k.endsWith(`:${code}`)),
				code
			).toBe(true);
		expect(outcomes.get('json:ok') ?? 0).toBeGreaterThan(0);
	}, 120_000);
});
