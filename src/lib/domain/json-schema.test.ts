import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const examplesDir = `${root}src/lib/examples/`;
const examples = readdirSync(examplesDir)
	.filter((f) => f.endsWith('.json'))
	.sort()
	.map((f) => ({ file: f, value: JSON.parse(readFileSync(examplesDir + f, 'utf8')) as unknown }));

type Schema = Record<string, unknown>;

/** The keywords the generated schema uses; `check` below understands exactly these. */
const KNOWN = new Set(
	'$schema $id title description type properties required additionalProperties items anyOf const enum minLength pattern propertyNames'.split(
		' '
	)
);

function keywordsOf(schema: unknown, out = new Set<string>()): Set<string> {
	if (typeof schema !== 'object' || schema === null) return out;
	for (const [key, value] of Object.entries(schema as Schema)) {
		out.add(key);
		if (key === 'properties')
			for (const sub of Object.values(value as Schema)) keywordsOf(sub, out);
		else if (key === 'anyOf') for (const sub of value as unknown[]) keywordsOf(sub, out);
		else if (['items', 'additionalProperties', 'propertyNames'].includes(key))
			keywordsOf(value, out);
	}
	return out;
}

function typeOf(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	return typeof v;
}

/** A deliberately small validator for the keywords above; returns the JSON paths that fail. */
function check(s: Schema, v: unknown, path = '$'): string[] {
	if (Array.isArray(s.anyOf))
		return (s.anyOf as Schema[]).some((alt) => check(alt, v, path).length === 0)
			? []
			: [`${path}: no anyOf branch`];
	const errors: string[] = [];
	const types = s.type === undefined ? [] : ([] as unknown[]).concat(s.type);
	if (types.length > 0 && !types.includes(typeOf(v)))
		return [`${path}: expected ${types.join(' or ')}`];
	if ('const' in s && s.const !== v) errors.push(`${path}: expected ${JSON.stringify(s.const)}`);
	if (Array.isArray(s.enum) && !s.enum.includes(v)) errors.push(`${path}: not in enum`);
	if (typeof v === 'string') {
		if (typeof s.minLength === 'number' && v.length < s.minLength)
			errors.push(`${path}: too short`);
		if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v))
			errors.push(`${path}: pattern`);
	}
	if (Array.isArray(v) && s.items)
		v.forEach((x, i) => errors.push(...check(s.items as Schema, x, `${path}[${i}]`)));
	if (typeOf(v) === 'object') {
		const obj = v as Record<string, unknown>;
		const props = (s.properties ?? {}) as Record<string, Schema>;
		for (const key of (s.required ?? []) as string[])
			if (!(key in obj)) errors.push(`${path}.${key}: required`);
		for (const [key, value] of Object.entries(obj)) {
			if (props[key]) errors.push(...check(props[key], value, `${path}.${key}`));
			else if (s.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
			else if (typeof s.additionalProperties === 'object')
				errors.push(...check(s.additionalProperties as Schema, value, `${path}.${key}`));
		}
	}
	return errors;
}

describe('scenario.schema.json', () => {
	const schema = scenarioJsonSchema();

	it('matches a fresh generation (run `npm run schema` after changing schema.ts)', () => {
		const committed = readFileSync(`${root}static/scenario.schema.json`, 'utf8');
		expect(
			committed === scenarioJsonSchemaText(),
			'static/scenario.schema.json is stale: run `npm run schema`'
		).toBe(true);
	});

	it('is a draft 2020-12 schema with the top-level facts of the format', () => {
		expect(schema).toMatchObject({
			$schema: 'https://json-schema.org/draft/2020-12/schema',
			$id: 'scenario.schema.json',
			type: 'object',
			additionalProperties: false,
			required: ['format', 'version', 'name', 'tenants'],
			properties: { format: { const: 'trustwalk/scenario' }, version: { const: 1 } }
		});
		expect([...keywordsOf(schema)].filter((k) => !KNOWN.has(k))).toEqual([]);
	});

	it('has the three examples to check', () => {
		expect(examples.map((e) => e.file)).toHaveLength(3);
	});

	it.each(examples)('$file validates against it', ({ value }) => {
		expect(check(schema, value)).toEqual([]);
	});

	it('refuses what the format refuses', () => {
		const first = examples[0]?.value as Record<string, unknown>;
		expect(check(schema, { ...first, colour: 'blue' })).toEqual(['$.colour: not allowed']);
		expect(check(schema, { ...first, version: 2 })).toEqual(['$.version: expected 1']);
		const noTenants: Record<string, unknown> = { ...first };
		delete noTenants.tenants;
		expect(check(schema, noTenants)).toEqual(['$.tenants: required']);
	});
});
