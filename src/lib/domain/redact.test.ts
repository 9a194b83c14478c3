import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../examples/index.ts';
import { evaluateAttempt } from './engine/index.ts';
import { TEAMS_APP_ID } from './microsoft-apps.ts';
import { parseScenario } from './parse.ts';
import { redactScenario, replacementsTsv, type RedactOptions } from './redact.ts';
import { relationships } from './relationships.ts';
import type { Attempt, Scenario } from './schema.ts';
import { scenarioArb } from './test-fixtures/arbitrary-scenario.ts';
import { validateScenario } from './validate.ts';

function parsed(document: unknown): Scenario {
	const result = parseScenario(document);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.scenario;
}

/** What the engine decides, with tenant IDs put through the redaction's table. */
function decisions(scenario: Scenario, attempts: readonly Attempt[], map = (id: string) => id) {
	return attempts.map((attempt) => {
		const r = evaluateAttempt(scenario, attempt);
		return {
			outcome: r.outcome,
			step: r.step,
			errorCode: r.errorCode,
			consentPrompted: r.consentPrompted,
			homeMfaPrompted: r.homeMfaPrompted,
			trace: r.trace.map((s) => ({
				step: s.step,
				outcome: s.outcome,
				tenantId: s.tenantId === null ? null : map(s.tenantId),
				source: s.source,
				rules: s.rules,
				assumptions: s.assumptions,
				errorCode: s.errorCode,
				actor: s.actor,
				matched: s.matched.length
			}))
		};
	});
}

function fakeOf(result: ReturnType<typeof redactScenario>) {
	const table = new Map(result.replacements.map((r) => [r.original, r.fake]));
	return (id: string) => table.get(id) ?? id;
}

function sameDecisions(original: Scenario, options?: RedactOptions) {
	const result = redactScenario(original, options);
	const before = decisions(original, original.attempts ?? []);
	const after = decisions(result.scenario, result.scenario.attempts ?? []);
	const mapped = decisions(original, original.attempts ?? [], fakeOf(result));
	expect(after.map((d) => [d.outcome, d.step])).toEqual(before.map((d) => [d.outcome, d.step]));
	expect(after).toEqual(mapped);
	return result;
}

const TENANT_NAMES = ['Zorblat', 'Quixano', 'Vantrel', 'Murkwin', 'Xelphine', 'Jaborra'];
const PEOPLE = [
	'Ysolde',
	'Kairav',
	'Thaddeus',
	'Oriane',
	'Bexley',
	'Ignatia',
	'Lorcan',
	'Perpetua'
];

/** Gives an arbitrary scenario real-looking, distinctive names, domains and UPNs, also in free text. */
function decorate(s: Scenario, seed: number): Scenario {
	const domains = new Map<string, string>();
	const upns = new Map<string, string>();
	const firsts = new Map<string, string>();
	const tenants = s.tenants.map((t, i) => {
		const org = `${TENANT_NAMES[(i + seed) % TENANT_NAMES.length]} Holdings`;
		const domain = `${org.split(' ')[0]?.toLowerCase()}${i}.com`;
		domains.set(t.domain, domain);
		const users = t.users.map((u, j) => {
			const first = PEOPLE[(i * 3 + j + seed) % PEOPLE.length] ?? 'X';
			const upn = `${first.toLowerCase()}.q${j}@${domain}`;
			upns.set(u.userPrincipalName, upn);
			firsts.set(u.userPrincipalName, first);
			return { ...u, displayName: `${first} Quorrelby${i}`, userPrincipalName: upn };
		});
		return {
			...t,
			displayName: org,
			domain,
			users,
			groups: t.groups.map((g, j) => ({ ...g, displayName: `Wrenfold squad ${i}${j}` })),
			applications: t.applications.map((a) => ({ ...a, displayName: `${org} ledger` })),
			conditionalAccessPolicies: t.conditionalAccessPolicies?.map((p) => ({
				...p,
				displayName: `Block ${org} guests from ${users[0]?.displayName ?? 'nobody'}`
			}))
		};
	});
	const names = (ref: string) =>
		tenants.find((t) => t.domain === domains.get(ref))?.displayName ?? ref;
	return {
		...s,
		name: `${tenants[0]?.displayName} and ${tenants[1]?.displayName}`,
		description: `Ticket from ${tenants[0]?.users[0]?.displayName} at ${tenants[0]?.domain}`,
		tenants,
		attempts: s.attempts?.map((a, i) => ({
			...a,
			// First names and the first word of an organization alone: found through name words.
			name: `${i}: ${firsts.get(a.user)} (${upns.get(a.user)}) opens an app in ${names(a.resourceTenant).split(' ')[0]}`,
			user: upns.get(a.user) ?? a.user,
			resourceTenant: domains.get(a.resourceTenant) ?? a.resourceTenant
		}))
	};
}

/** The real strings a redaction must not let through. */
function originals(s: Scenario): string[] {
	const out: string[] = [];
	for (const t of s.tenants) {
		out.push(t.tenantId, t.displayName, t.domain);
		for (const u of t.users) out.push(u.id, u.displayName, u.userPrincipalName);
		for (const g of t.groups) out.push(g.id, g.displayName);
		for (const a of t.applications) out.push(a.appId, a.displayName);
		for (const p of t.conditionalAccessPolicies ?? []) out.push(p.id);
	}
	return out;
}

describe('redactScenario keeps every decision (issue 6, item 2)', () => {
	it('property: every attempt has the same outcome, step and trace after redaction', () => {
		fc.assert(
			fc.property(
				scenarioArb,
				fc.constantFrom<RedactOptions>({}, { freeText: 'replace' }),
				(s, o) => {
					const result = sameDecisions(s, o);
					expect(parseScenario(result.scenario).ok).toBe(true);
					expect(validateScenario(result.scenario).map((i) => [i.rule, i.severity])).toEqual(
						validateScenario(s).map((i) => [i.rule, i.severity])
					);
					expect(relationships(result.scenario).map((r) => r.state)).toEqual(
						relationships(s).map((r) => r.state)
					);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('property: no original GUID, domain, UPN or name appears anywhere in the redacted JSON', () => {
		fc.assert(
			fc.property(
				scenarioArb,
				fc.nat({ max: 20 }),
				fc.constantFrom<RedactOptions>({}, { freeText: 'replace' }),
				(s, seed, o) => {
					const real = decorate(s, seed);
					const result = sameDecisions(real, o);
					const json = JSON.stringify(result.scenario).toLowerCase();
					const leaks = originals(real).filter((v) => json.includes(v.toLowerCase()));
					expect(leaks).toEqual([]);
					const words = ['holdings', 'quorrelby', 'wrenfold', 'ticket', ...TENANT_NAMES, ...PEOPLE];
					for (const word of words) {
						expect(json).not.toContain(word.toLowerCase());
					}
				}
			),
			{ numRuns: 150 }
		);
	});

	it('is deterministic and leaves the input unchanged', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const copy = structuredClone(s);
				expect(redactScenario(s)).toEqual(redactScenario(s));
				expect(s).toEqual(copy);
			}),
			{ numRuns: 50 }
		);
	});

	it.each(EXAMPLES.map((e) => [e.file, e.document] as const))(
		'the example %s redacts to a valid scenario with the same decisions',
		(_file, document) => {
			const result = sameDecisions(parsed(document));
			expect(parseScenario(result.scenario).ok).toBe(true);
			expect(JSON.stringify(result.scenario)).not.toMatch(/contoso|fabrikam|adele|megan/i);
		}
	);
});

describe('redactScenario fakes', () => {
	const HOME = 'B02D8A02-EC4C-4D9D-B7D6-E82F61D5CC2F';
	const PARTNER = '201d4218-76fe-43f8-8068-c427b8ca391a';
	const GROUP = 'd5b1cd2d-0b0c-44fd-adc4-f8523110bc75';
	const scenario = parsed({
		format: 'trustwalk/scenario',
		version: 1,
		name: 'Contoso cannot reach Fabrikam',
		description: 'Raised by adele@contoso.com',
		tenants: [
			{
				tenantId: HOME.toLowerCase(),
				displayName: 'Contoso',
				domain: 'contoso.com',
				license: 'p1',
				users: [
					{
						id: 'a8f6363b-0387-487b-b2a0-7fb808fd6c7c',
						displayName: 'Adele Vance',
						userPrincipalName: 'adele@contoso.com'
					}
				],
				groups: [
					{ id: GROUP, displayName: 'Sales', members: ['a8f6363b-0387-487b-b2a0-7fb808fd6c7c'] }
				],
				applications: [],
				crossTenantAccessPolicy: {
					default: {},
					partners: [
						{
							tenantId: PARTNER.toUpperCase(),
							b2bDirectConnectOutbound: {
								usersAndGroups: {
									accessType: 'allowed',
									targets: [{ target: GROUP, targetType: 'group' }]
								},
								applications: {
									accessType: 'allowed',
									targets: [{ target: TEAMS_APP_ID, targetType: 'application' }]
								}
							},
							tenantRestrictions: { note: 'see https://graph.microsoft.com/v1.0/x/' + PARTNER }
						}
					]
				},
				conditionalAccessPolicies: [
					{
						id: '0f0f0f0f-1111-4222-8333-444455556666',
						displayName: 'MFA for Fabrikam guests',
						state: 'enabled',
						conditions: {
							users: {
								includeGuestsOrExternalUsers: {
									guestOrExternalUserTypes: 'b2bDirectConnectUser',
									externalTenants: { membershipKind: 'enumerated', members: [PARTNER] }
								}
							},
							applications: { includeApplications: ['Office365'] }
						},
						grantControls: { operator: 'OR', builtInControls: ['mfa'] }
					}
				]
			},
			{
				tenantId: PARTNER,
				displayName: 'Fabrikam',
				domain: 'fabrikam.com',
				license: 'p1',
				users: [],
				groups: [],
				applications: [],
				crossTenantAccessPolicy: { default: {}, partners: [] }
			}
		],
		attempts: [
			{
				name: 'Adele opens Teams in Fabrikam',
				user: 'ADELE@contoso.com',
				resourceTenant: 'fabrikam.com',
				application: 'Office365'
			}
		],
		layout: { [HOME.toLowerCase()]: { x: 0, y: 0 }, [PARTNER]: { x: 300, y: 0 } }
	});
	const result = redactScenario(scenario);
	const s = result.scenario;
	const [home, partner] = s.tenants;

	it('uses readable, counted fakes and keeps Microsoft app IDs and Graph keywords', () => {
		expect(home?.displayName).toBe('Tenant A');
		expect(home?.domain).toBe('tenant-a.example');
		expect(home?.users[0]?.userPrincipalName).toBe('user1@tenant-a.example');
		expect(home?.users[0]?.displayName).toBe('User 1');
		expect(home?.groups[0]?.displayName).toBe('Group 1');
		expect(home?.tenantId).toBe('aaaaaaaa-0000-4000-8000-000000000001');
		const target = home?.crossTenantAccessPolicy.partners[0]?.b2bDirectConnectOutbound;
		expect(target?.applications?.targets[0]?.target).toBe(TEAMS_APP_ID);
		expect(
			home?.conditionalAccessPolicies?.[0]?.conditions.applications?.includeApplications
		).toEqual(['Office365']);
	});

	it("gives one real value one fake everywhere, keeping each spelling's case", () => {
		const fakePartner = partner?.tenantId ?? '';
		expect(fakePartner).toMatch(/^aaaaaaaa-/);
		expect(home?.crossTenantAccessPolicy.partners[0]?.tenantId).toBe(fakePartner.toUpperCase());
		const members =
			home?.conditionalAccessPolicies?.[0]?.conditions.users?.includeGuestsOrExternalUsers
				?.externalTenants?.members;
		expect(members).toEqual([fakePartner]);
		expect(Object.keys(s.layout ?? {})).toEqual([home?.tenantId, fakePartner]);
		expect(home?.groups[0]?.members).toEqual([home?.users[0]?.id]);
		// A mixed-case spelling gets a mixed-case fake: equal without case, different with it.
		const user = s.attempts?.[0]?.user ?? '';
		expect(user.toLowerCase()).toBe('user1@tenant-a.example');
		expect(user).not.toBe('user1@tenant-a.example');
		expect(s.attempts?.[0]?.resourceTenant).toBe('tenant-b.example');
		expect(JSON.stringify(home?.crossTenantAccessPolicy.partners[0])).toContain(
			`graph.microsoft.com/v1.0/x/${fakePartner}`
		);
	});

	it('replaces names inside free text and removes the description, saying so', () => {
		expect(s.name).toBe('Tenant A cannot reach Tenant B (redacted)');
		expect(s.attempts?.[0]?.name).toBe('User 1 opens Teams in Tenant B');
		expect(home?.conditionalAccessPolicies?.[0]?.displayName).toBe('MFA for Tenant B guests');
		expect(s.description).toBeUndefined();
		expect(result.notes.join(' ')).toMatch(/description was removed/);
		expect(JSON.stringify(s)).not.toMatch(/contoso|fabrikam|adele|b02d8a02|201d4218|d5b1cd2d/i);
	});

	it('lists every replacement once, and the replace option numbers free text instead', () => {
		const originals = result.replacements.map((r) => r.original.toLowerCase());
		expect(new Set(originals).size).toBe(originals.length);
		expect(result.replacements).toContainEqual({
			kind: 'domain',
			original: 'contoso.com',
			fake: 'tenant-a.example'
		});
		const replaced = redactScenario(scenario, { freeText: 'replace' }).scenario;
		expect(replaced.name).toBe('Redacted scenario');
		expect(replaced.attempts?.[0]?.name).toBe('Attempt 1');
		expect(replaced.tenants[0]?.conditionalAccessPolicies?.[0]?.displayName).toBe('Policy 1');
		expect(replacementsTsv(result.replacements).split('\n')[0]).toBe('kind\toriginal\tfake');
	});
});
