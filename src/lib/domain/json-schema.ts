/**
 * The JSON Schema of the scenario format, generated from the zod schema (its single definition) and
 * published as `static/scenario.schema.json` by `npm run schema`. It describes the *input*: what a file
 * may contain, not what the parser returns. Cross-references (unique IDs, what an attempt names) are
 * beyond JSON Schema; only `parseScenario` checks those.
 */
import * as z from 'zod';
import { scenarioSchema } from './schema.ts';

export const SCENARIO_SCHEMA_ID = 'scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
	const generated = z.toJSONSchema(scenarioSchema, {
		io: 'input',
		target: 'draft-2020-12',
		override: ({ jsonSchema }) => {
			// zod writes `.includes('@')` as `format: "includes"` plus a pattern; "includes" is no JSON
			// Schema format, and strict validators (Ajv by default) refuse unknown formats. The pattern
			// says it all.
			if (jsonSchema.format === 'includes') delete jsonSchema.format;
		}
	});
	const { $schema, ...rest } = generated;
	return {
		$schema,
		$id: SCENARIO_SCHEMA_ID,
		title: 'trustwalk scenario',
		description:
			'A trustwalk playground (format "trustwalk/scenario", version 1): tenants with their directories, cross-tenant access settings (Microsoft Graph v1.0 shapes) and Conditional Access policies, plus saved access attempts with their expected outcomes. Generated from the zod schema by `npm run schema`; references between objects are checked by trustwalk, not by this schema.',
		...rest
	};
}

/** The published file's exact text: two-space indentation and a trailing newline. */
export function scenarioJsonSchemaText(): string {
	return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
