import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFrozen } from './test-fixtures/frozen.ts';
import { evaluateAttempt } from './engine/index.ts';
import { applyCommand, fixHints, type FixHint } from './fix-hints.ts';
import { parseScenario } from './parse.ts';
import type { Attempt, ConditionalAccessPolicy, Scenario } from './schema.ts';
import { scenarioArb } from './test-fixtures/arbitrary-scenario.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example2 from '../examples/example-2-fabrikam-marketing-only.json';
import example3 from '../examples/example-3-mfa-trust-and-auto-redemption.json';

function attempt(scenario: Scenario, name: string): Attempt {
	const found = scenario.attempts?.find((a) => a.name === name);
	if (!found) throw new Error(`no attempt ${name}`);
	return found;
}

/** Applies a hint's commands independently of the hint search and re-runs the engine. */
function verify(scenario: Scenario, a: Attempt, hint: FixHint) {
	const changed = hint.changes.reduce((s, c) => applyCommand(s, c.command), scenario);
	expect(parseScenario(JSON.parse(JSON.stringify(changed))).ok).toBe(true);
	return evaluateAttempt(changed, a);
}

const ex1 = loadFrozen(example1);
const ex2 = loadFrozen(example2);
const ex3 = loadFrozen(example3);

describe('fix hints', () => {
	it('S2: an inbound block is fixed by the resource admin alone', () => {
		const a = attempt(ex1, 'Northwind user knocks on Contoso');
		const [hint] = fixHints(ex1, a);
		expect(hint?.changes.map((c) => [c.tenantName, c.admin, c.settingPath])).toEqual([
			[
				'Contoso',
				'resource',
				'partners[cc5527ad-b935-43e8-a9f3-7e400e1ca873].b2bDirectConnectInbound'
			]
		]);
		expect(verify(ex1, a, hint as FixHint).outcome).toBe('granted');
	});

	it('S1+S2 mutual trust: when both sides block, the hint names both admins', () => {
		const a = attempt(ex1, 'Contoso user tries Northwind');
		const hints = fixHints(ex1, a);
		expect(hints.length).toBeGreaterThan(0);
		for (const hint of hints) {
			expect(hint.changes.map((c) => c.admin)).toEqual(['home', 'resource']);
			expect(hint.changes.map((c) => c.tenantName)).toEqual(['Contoso', 'Northwind Traders']);
			expect(hint.summary).toMatch(/^Both admins must act/);
			expect(verify(ex1, a, hint).outcome).toBe('granted');
		}
	});

	it('M3: a scoped outbound list gets the user added, not every user', () => {
		const a = attempt(ex2, 'Fabrikam user outside Marketing is stopped at home');
		const [hint] = fixHints(ex2, a);
		const outbound = hint?.changes[0];
		expect(outbound?.command).toMatchObject({
			kind: 'setDirectConnect',
			args: {
				tenantId: '201d4218-76fe-43f8-8068-c427b8ca391a',
				direction: 'outbound',
				usersAndGroups: {
					accessType: 'allowed',
					targets: [
						{ targetType: 'group' },
						{ target: '55822dd5-b953-4774-ad2b-27806fa7bc82', targetType: 'user' }
					]
				}
			}
		});
		// Only the failing half changes: the applications half is left to inherit as it was.
		expect(
			outbound?.command.kind === 'setDirectConnect' && outbound.command.args.applications
		).toBeUndefined();
		expect(verify(ex2, a, hint as FixHint).outcome).toBe('granted');
	});

	it('R4: a declined consent prompt is avoided by automatic redemption on both sides', () => {
		const a = attempt(ex1, 'Consent declined');
		const [hint] = fixHints(ex1, a);
		expect(hint?.changes.map((c) => c.settingPath)).toEqual([
			'partners[b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f].automaticUserConsentSettings.outboundAllowed',
			'partners[201d4218-76fe-43f8-8068-c427b8ca391a].automaticUserConsentSettings.inboundAllowed'
		]);
		expect(verify(ex1, a, hint as FixHint)).toMatchObject({
			outcome: 'granted',
			consentPrompted: false
		});
	});

	it('S3: an MFA policy without trust is fixed first by trusting the home tenant’s MFA', () => {
		const noTrust: Scenario = {
			...ex3,
			tenants: ex3.tenants.map((t) => ({
				...t,
				crossTenantAccessPolicy: {
					...t.crossTenantAccessPolicy,
					partners: t.crossTenantAccessPolicy.partners.map((p) => ({ ...p, inboundTrust: null }))
				}
			}))
		};
		const a = attempt(noTrust, 'MFA done at home is trusted');
		expect(evaluateAttempt(noTrust, a).step).toBe('conditionalAccess');
		const hints = fixHints(noTrust, a);
		expect(hints[0]?.changes[0]?.settingPath).toBe(
			'partners[201d4218-76fe-43f8-8068-c427b8ca391a].inboundTrust.isMfaAccepted'
		);
		for (const hint of hints) expect(verify(noTrust, a, hint).outcome).toBe('granted');
	});

	it('S3: the exclusion hint says how far it reaches, and offers trust only where trust can help', () => {
		const contoso = ex1.tenants.find((t) => t.displayName === 'Contoso');
		if (!contoso) throw new Error('no Contoso');
		const withPolicy = (policy: ConditionalAccessPolicy): Scenario => ({
			...ex1,
			tenants: ex1.tenants.map((t) =>
				t === contoso ? { ...t, conditionalAccessPolicies: [policy] } : t
			)
		});
		const blockAll: ConditionalAccessPolicy = {
			id: 'b1000000-0000-4000-8000-000000000001',
			displayName: 'Block everyone external',
			state: 'enabled',
			conditions: {
				users: { includeUsers: ['All'] },
				applications: { includeApplications: ['All'] }
			},
			grantControls: { operator: 'OR', builtInControls: ['block'] }
		};
		const a = attempt(ex1, 'Fabrikam user opens a Contoso shared channel');
		const exclusion = (s: Scenario) =>
			fixHints(s, a)
				.flatMap((h) => h.changes)
				.find((c) => c.settingPath.endsWith('excludeGuestsOrExternalUsers'))?.description;

		const plain = exclusion(withPolicy(blockAll));
		expect(plain).toMatch(
			/^Exclude direct connect users from Fabrikam from .*"Block everyone external"/
		);
		expect(plain).not.toMatch(/trusting/);

		const everywhere = exclusion(
			withPolicy({
				...blockAll,
				conditions: {
					...blockAll.conditions,
					users: {
						includeUsers: ['All'],
						excludeGuestsOrExternalUsers: {
							guestOrExternalUserTypes: 'internalGuest',
							externalTenants: { membershipKind: 'all' }
						}
					}
				}
			})
		);
		expect(everywhere).toMatch(
			/every external organization, so direct connect users of all of them/
		);

		const mfa = exclusion(
			withPolicy({ ...blockAll, grantControls: { operator: 'OR', builtInControls: ['mfa'] } })
		);
		expect(mfa).toMatch(/prefer trusting Fabrikam’s claims|prefer trusting Fabrikam's claims/);
	});

	it('S0: nothing in the settings fixes an attempt inside one tenant', () => {
		const a: Attempt = {
			name: 'own tenant',
			user: 'adele@contoso.com',
			resourceTenant: 'contoso.com',
			application: 'Office365'
		};
		expect(evaluateAttempt(ex1, a).step).toBe('preconditions');
		expect(fixHints(ex1, a)).toEqual([]);
	});

	it('a granted attempt has no hints', () => {
		expect(fixHints(ex1, attempt(ex1, 'Fabrikam user opens a Contoso shared channel'))).toEqual([]);
	});

	it('property: every hint for a random blocked attempt really grants it', () => {
		let hinted = 0;
		fc.assert(
			fc.property(scenarioArb, (scenario) => {
				for (const a of scenario.attempts ?? []) {
					for (const hint of fixHints(scenario, a)) {
						hinted++;
						expect(verify(scenario, a, hint).outcome).toBe('granted');
						expect(hint.result.outcome).toBe('granted');
					}
				}
			}),
			{ numRuns: 150 }
		);
		// The property is only meaningful if the generator produced hints at all.
		expect(hinted).toBeGreaterThan(20);
	});
});
