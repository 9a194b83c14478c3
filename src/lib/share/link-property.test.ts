import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from '../domain/test-fixtures/arbitrary-scenario.ts';
import type { Scenario } from '../domain/schema.ts';
import { decodeScenarioLink, encodeScenarioLink } from './link.ts';
import { TEST_ITERATIONS, parsed } from './test-fixtures.ts';

/** Text from every corner of Unicode, lone surrogates and a leading `~` (the escape) included. */
const anyText = fc.oneof(
	fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
	fc.string({ minLength: 1 }).map((s) => `~${s}`),
	fc.constantFrom('~', '~~', 'AllUsers', '00000000-0000-4000-8000-000000000000', '__proto__')
);

/** Renames what the format lets a user name freely, so literals of every kind go through. */
const renamedArb: fc.Arbitrary<Scenario> = fc
	.tuple(scenarioArb, anyText, fc.option(anyText, { nil: undefined }), fc.array(anyText))
	.map(([scenario, name, description, names]) => ({
		...scenario,
		name,
		...(description === undefined ? {} : { description }),
		tenants: scenario.tenants.map((tenant, t) => ({
			...tenant,
			displayName: names[t] ?? tenant.displayName,
			users: tenant.users.map((user, u) => ({ ...user, displayName: names[t + u] ?? '' }))
		}))
	}));

/** Graph properties trustwalk does not simulate, which links must carry unchanged. */
const extrasArb = fc.dictionary(
	fc.oneof(
		fc.string().map((k) => `x${k}`),
		fc.constantFrom('__proto__', 'key', '~', '@odata.type', 'createdDateTime')
	),
	fc.jsonValue(),
	{ maxKeys: 4 }
);

const withExtrasArb: fc.Arbitrary<Scenario> = fc
	.tuple(scenarioArb, extrasArb, extrasArb, extrasArb)
	.map(([scenario, forDefault, forPartners, forPolicies]) => ({
		...scenario,
		tenants: scenario.tenants.map((tenant) => ({
			...tenant,
			crossTenantAccessPolicy: {
				default: { ...forDefault, ...tenant.crossTenantAccessPolicy.default },
				partners: tenant.crossTenantAccessPolicy.partners.map((p) => ({ ...forPartners, ...p }))
			},
			conditionalAccessPolicies: tenant.conditionalAccessPolicies?.map((policy) => ({
				...policy,
				conditions: { ...forPolicies, ...policy.conditions }
			}))
		}))
	}));

async function roundTrip(
	scenario: Scenario,
	options: { passphrase?: string; attempt?: string; step?: number } = {}
): Promise<void> {
	// A scenario is JSON wherever it lives (file, IndexedDB export, link), and JSON has no -0: compare
	// with the scenario as JSON carries it.
	const expected = parsed(JSON.parse(JSON.stringify(scenario)) as Scenario);
	const payload = await encodeScenarioLink(expected, { ...options, iterations: TEST_ITERATIONS });
	const result = await decodeScenarioLink(
		payload,
		options.passphrase === undefined ? 's' : 'e',
		options.passphrase,
		{ iterations: TEST_ITERATIONS }
	);
	expect(result).toStrictEqual({
		ok: true,
		scenario: expected,
		...(options.attempt === undefined ? {} : { attempt: options.attempt }),
		...(options.step === undefined ? {} : { step: options.step })
	});
}

describe('encode then decode gives back the same scenario', () => {
	it('for random valid scenarios (plain links)', async () => {
		await fc.assert(
			fc.asyncProperty(
				scenarioArb,
				fc.option(fc.string(), { nil: undefined }),
				fc.option(fc.nat(), { nil: undefined }),
				(scenario, attempt, step) => roundTrip(scenario, { attempt, step })
			),
			{ numRuns: 100 }
		);
	});

	it('with any text in names and descriptions', async () => {
		await fc.assert(
			fc.asyncProperty(renamedArb, (scenario) => roundTrip(scenario)),
			{ numRuns: 100 }
		);
	});

	it('with Graph properties trustwalk does not know', async () => {
		await fc.assert(
			fc.asyncProperty(withExtrasArb, (scenario) => roundTrip(scenario)),
			{ numRuns: 100 }
		);
	});

	it('for random valid scenarios (passphrase links, fewer runs: PBKDF2 is slow by design)', async () => {
		await fc.assert(
			fc.asyncProperty(scenarioArb, fc.string({ minLength: 1 }), (scenario, passphrase) =>
				roundTrip(scenario, { passphrase })
			),
			{ numRuns: 15 }
		);
	});
});
