import { describe, expect, it } from 'vitest';
import type { Attempt, ConditionalAccessPolicy, InboundTrust, ScenarioOptions } from '../schema.ts';
import { IDS, attempt, caPolicy, scenario, stepOf } from '../test-fixtures/scenario-builder.ts';
import {
	ERROR_CONDITIONAL_ACCESS,
	evaluateAttempt,
	type AssumptionId,
	type PolicyResult
} from './index.ts';

type Result = PolicyResult['result'];

const EXTERNAL_DIRECT_CONNECT = {
	includeGuestsOrExternalUsers: {
		guestOrExternalUserTypes: 'b2bDirectConnectUser',
		externalTenants: { membershipKind: 'all' as const }
	}
};

function trust(mfa: boolean, compliantDevice = false, hybridJoined = false): InboundTrust {
	return {
		isMfaAccepted: mfa,
		isCompliantDeviceAccepted: compliantDevice,
		isHybridAzureADJoinedDeviceAccepted: hybridJoined
	};
}

const TRUST_NONE = trust(false);
const TRUST_ALL = trust(true, true, true);
const ALL_CLAIMS = { mfa: true, compliantDevice: true, hybridJoinedDevice: true };

interface CaCase {
	name: string;
	policies: ConditionalAccessPolicy[];
	/** Contoso's partner trust for Fabrikam. */
	trust: InboundTrust;
	session?: Attempt['session'];
	answers?: Attempt['answers'];
	options?: ScenarioOptions;
	outcome: 'granted' | 'blocked';
	homeMfaPrompted?: boolean;
	assumptions?: AssumptionId[];
	/** The results in the resource sign-in record's appliedConditionalAccessPolicies, in policy order. */
	results?: Result[];
	/** A note of the (first) policy must match. */
	note?: RegExp;
	/** The setting path that decided the step (a trust flag, or the policy's grant controls). */
	path?: RegExp;
}

const CASES: CaCase[] = [
	{
		name: 'S3: block is never satisfied → blocked, decided by the policy itself',
		policies: [caPolicy(['block'])],
		trust: TRUST_ALL,
		session: ALL_CLAIMS,
		outcome: 'blocked',
		path: /^conditionalAccessPolicies\[ca000000-[^\]]+\]\.grantControls$/,
		results: ['failure']
	},
	{
		name: 'S3: mfa without MFA trust → blocked, even with MFA done at home (decided by the MFA trust flag)',
		policies: [caPolicy(['mfa'])],
		path: /inboundTrust\.isMfaAccepted$/,
		trust: TRUST_NONE,
		session: { mfa: true },
		outcome: 'blocked',
		homeMfaPrompted: false,
		results: ['failure']
	},
	{
		name: 'S3: mfa trusted and MFA done at home in this session → granted',
		policies: [caPolicy(['mfa'])],
		trust: trust(true),
		session: { mfa: true },
		outcome: 'granted',
		homeMfaPrompted: false,
		results: ['success']
	},
	{
		name: "S3/A5: mfa trusted, no MFA yet, option 'homeChallenge', user completes it at home → granted",
		policies: [caPolicy(['mfa'])],
		trust: trust(true),
		options: { mfaTrustedButNotPerformed: 'homeChallenge' },
		answers: { homeMfa: 'complete' },
		outcome: 'granted',
		homeMfaPrompted: true,
		assumptions: ['A5'],
		results: ['success']
	},
	{
		name: 'S3/A5: mfa trusted, no MFA yet, option unset (homeChallenge), user completes it → granted',
		policies: [caPolicy(['mfa'])],
		trust: trust(true),
		answers: { homeMfa: 'complete' },
		outcome: 'granted',
		homeMfaPrompted: true,
		assumptions: ['A5']
	},
	{
		name: "S3/A5: mfa trusted, no MFA yet, option 'homeChallenge', user fails the challenge → blocked 53003",
		policies: [caPolicy(['mfa'])],
		trust: trust(true),
		options: { mfaTrustedButNotPerformed: 'homeChallenge' },
		answers: { homeMfa: 'fail' },
		outcome: 'blocked',
		homeMfaPrompted: true,
		assumptions: ['A5'],
		results: ['failure']
	},
	{
		name: "S3/A5: mfa trusted, no MFA yet, option 'block' → blocked, no home challenge",
		policies: [caPolicy(['mfa'])],
		trust: trust(true),
		options: { mfaTrustedButNotPerformed: 'block' },
		answers: { homeMfa: 'complete' },
		outcome: 'blocked',
		homeMfaPrompted: false,
		assumptions: ['A5'],
		results: ['failure']
	},
	{
		name: 'S3: compliantDevice trusted with a compliant-device claim → granted',
		policies: [caPolicy(['compliantDevice'])],
		trust: trust(false, true),
		session: { compliantDevice: true },
		outcome: 'granted',
		results: ['success']
	},
	{
		name: 'S3: compliantDevice trusted without the claim → blocked (decided by the compliant-device trust flag)',
		policies: [caPolicy(['compliantDevice'])],
		trust: trust(false, true),
		session: { compliantDevice: false },
		outcome: 'blocked',
		path: /inboundTrust\.isCompliantDeviceAccepted$/,
		results: ['failure']
	},
	{
		name: 'S3: compliantDevice claim without trust → blocked',
		policies: [caPolicy(['compliantDevice'])],
		trust: trust(true, false, true),
		session: ALL_CLAIMS,
		outcome: 'blocked',
		results: ['failure']
	},
	{
		name: 'S3: domainJoinedDevice trusted with a hybrid-joined claim → granted',
		policies: [caPolicy(['domainJoinedDevice'])],
		trust: trust(false, false, true),
		session: { hybridJoinedDevice: true },
		outcome: 'granted',
		results: ['success']
	},
	{
		name: 'S3: domainJoinedDevice trusted without the claim → blocked',
		policies: [caPolicy(['domainJoinedDevice'])],
		trust: trust(false, false, true),
		session: { compliantDevice: true },
		outcome: 'blocked',
		results: ['failure']
	},
	{
		name: 'S3: domainJoinedDevice claim without trust → blocked',
		policies: [caPolicy(['domainJoinedDevice'])],
		trust: trust(true, true, false),
		session: ALL_CLAIMS,
		outcome: 'blocked',
		results: ['failure']
	},
	...['approvedApplication', 'compliantApplication', 'passwordChange'].map((control): CaCase => ({
		name: `S3/A6: ${control} cannot be satisfied by a direct connect user → blocked`,
		policies: [caPolicy([control])],
		trust: TRUST_ALL,
		session: ALL_CLAIMS,
		outcome: 'blocked',
		assumptions: ['A6'],
		results: ['failure']
	})),
	{
		name: 'S3/A6: termsOfUse cannot be satisfied by a direct connect user → blocked',
		policies: [
			caPolicy([], {
				grantControls: {
					operator: 'AND',
					builtInControls: [],
					termsOfUse: ['0c6c1ba2-9c6e-4c7a-8d0b-5d8e9c1e2f3a']
				}
			})
		],
		trust: TRUST_ALL,
		session: ALL_CLAIMS,
		outcome: 'blocked',
		assumptions: ['A6'],
		results: ['failure']
	},
	{
		name: 'S3/A6: customAuthenticationFactors cannot be satisfied by a direct connect user → blocked',
		policies: [
			caPolicy([], {
				grantControls: {
					operator: 'AND',
					builtInControls: [],
					customAuthenticationFactors: ['RequireDuoMfa']
				}
			})
		],
		trust: TRUST_ALL,
		session: ALL_CLAIMS,
		outcome: 'blocked',
		assumptions: ['A6'],
		results: ['failure']
	},
	{
		name: 'S3: OR with one satisfiable control (trusted mfa) and one unsatisfiable → granted',
		policies: [
			caPolicy([], {
				grantControls: { operator: 'OR', builtInControls: ['approvedApplication', 'mfa'] }
			})
		],
		trust: trust(true),
		session: { mfa: true },
		outcome: 'granted',
		results: ['success']
	},
	{
		name: 'S3: OR of block and a satisfied compliantDevice → granted',
		policies: [
			caPolicy([], {
				grantControls: { operator: 'OR', builtInControls: ['block', 'compliantDevice'] }
			})
		],
		trust: trust(false, true),
		session: { compliantDevice: true },
		outcome: 'granted',
		results: ['success']
	},
	{
		name: 'S3: AND with one satisfied (trusted mfa) and one unsatisfiable control → blocked',
		policies: [
			caPolicy([], {
				grantControls: { operator: 'AND', builtInControls: ['mfa', 'approvedApplication'] }
			})
		],
		trust: trust(true),
		session: { mfa: true },
		outcome: 'blocked',
		results: ['failure']
	},
	{
		name: 'S3: OR with no satisfiable control → blocked',
		policies: [
			caPolicy([], {
				grantControls: { operator: 'OR', builtInControls: ['mfa', 'passwordChange'] }
			})
		],
		trust: TRUST_NONE,
		session: { mfa: true },
		outcome: 'blocked',
		results: ['failure']
	},
	{
		name: 'S3: a report-only policy that would fail is logged as reportOnlyFailure and does not block',
		policies: [caPolicy(['block'], { state: 'enabledForReportingButNotEnforced' })],
		trust: TRUST_NONE,
		outcome: 'granted',
		results: ['reportOnlyFailure']
	},
	{
		name: 'S3: a report-only policy that would pass is logged as reportOnlySuccess',
		policies: [caPolicy(['mfa'], { state: 'enabledForReportingButNotEnforced' })],
		trust: trust(true),
		session: { mfa: true },
		outcome: 'granted',
		results: ['reportOnlySuccess']
	},
	{
		name: 'S3: a disabled policy is listed as notEnabled and does not block',
		policies: [caPolicy(['block'], { state: 'disabled' })],
		trust: TRUST_NONE,
		outcome: 'granted',
		results: ['notEnabled']
	},
	{
		name: 'S3: a policy scoped to enumerated externalTenants of another tenant does not apply',
		policies: [
			caPolicy(['block'], {
				conditions: {
					users: {
						includeGuestsOrExternalUsers: {
							guestOrExternalUserTypes: 'b2bDirectConnectUser',
							externalTenants: { membershipKind: 'enumerated', members: [IDS.northwind] }
						}
					},
					applications: { includeApplications: ['Office365'] }
				}
			})
		],
		trust: TRUST_NONE,
		outcome: 'granted',
		results: ['notApplied']
	},
	{
		name: 'S3: a policy scoped to enumerated externalTenants including the home tenant applies',
		policies: [
			caPolicy(['block'], {
				conditions: {
					users: {
						includeGuestsOrExternalUsers: {
							guestOrExternalUserTypes: 'b2bCollaborationGuest,b2bDirectConnectUser',
							externalTenants: {
								membershipKind: 'enumerated',
								members: [IDS.northwind, IDS.fabrikam]
							}
						}
					},
					applications: { includeApplications: ['Office365'] }
				}
			})
		],
		trust: TRUST_NONE,
		outcome: 'blocked',
		results: ['failure']
	},
	{
		name: 'S3: a policy for b2bCollaborationGuest only does not cover a direct connect user',
		policies: [
			caPolicy(['block'], {
				conditions: {
					users: {
						includeGuestsOrExternalUsers: {
							guestOrExternalUserTypes: 'b2bCollaborationGuest',
							externalTenants: { membershipKind: 'all' }
						}
					},
					applications: { includeApplications: ['Office365'] }
				}
			})
		],
		trust: TRUST_NONE,
		outcome: 'granted',
		results: ['notApplied']
	},
	{
		name: 'S3: excludeGuestsOrExternalUsers with b2bDirectConnectUser excludes the user',
		policies: [
			caPolicy(['block'], {
				conditions: {
					users: {
						includeUsers: ['All'],
						excludeGuestsOrExternalUsers: {
							guestOrExternalUserTypes: 'b2bDirectConnectUser',
							externalTenants: { membershipKind: 'all' }
						}
					},
					applications: { includeApplications: ['Office365'] }
				}
			})
		],
		trust: TRUST_NONE,
		outcome: 'granted',
		results: ['notApplied']
	},
	{
		name: "S3: includeUsers ['All'] covers a direct connect user",
		policies: [
			caPolicy(['block'], {
				conditions: {
					users: { includeUsers: ['All'] },
					applications: { includeApplications: ['All'] }
				}
			})
		],
		trust: TRUST_NONE,
		outcome: 'blocked',
		results: ['failure']
	},
	{
		name: 'S3: a policy that excludes Office365 does not apply to Teams',
		policies: [
			caPolicy(['block'], {
				conditions: {
					users: EXTERNAL_DIRECT_CONNECT,
					applications: { includeApplications: ['All'], excludeApplications: ['Office365'] }
				}
			})
		],
		trust: TRUST_NONE,
		outcome: 'granted',
		results: ['notApplied']
	},
	{
		name: "S3: a policy on another app (the resource tenant's own app) does not apply to Teams",
		policies: [
			caPolicy(['block'], {
				conditions: {
					users: EXTERNAL_DIRECT_CONNECT,
					applications: { includeApplications: [IDS.contosoExpenses] }
				}
			})
		],
		trust: TRUST_NONE,
		outcome: 'granted',
		results: ['notApplied']
	},
	{
		name: 'S3: session controls only → passes; the controls are noted as having no effect',
		policies: [
			caPolicy([], {
				grantControls: null,
				sessionControls: {
					signInFrequency: { value: 1, type: 'hours', isEnabled: true },
					persistentBrowser: { mode: 'never', isEnabled: true }
				}
			})
		],
		trust: TRUST_NONE,
		outcome: 'granted',
		results: ['success'],
		note: /session controls/i
	},
	{
		name: 'S3: no policies → passes',
		policies: [],
		trust: TRUST_NONE,
		outcome: 'granted',
		results: []
	},
	{
		name: 'S3: an enforced failing policy blocks even when others pass; every policy is logged',
		policies: [
			caPolicy(['mfa']),
			caPolicy(['block'], { state: 'disabled' }),
			caPolicy(['block'], { state: 'enabledForReportingButNotEnforced' }),
			caPolicy(['compliantDevice'])
		],
		trust: trust(true),
		session: { mfa: true },
		outcome: 'blocked',
		results: ['success', 'notEnabled', 'reportOnlyFailure', 'failure']
	}
];

function run(c: CaCase) {
	const b = scenario({ northwind: true })
		.openDefaults()
		.autoRedeem()
		.partnerTrust('contoso', 'fabrikam', c.trust)
		.conditionalAccess('contoso', ...c.policies);
	if (c.options) b.options(c.options);
	return evaluateAttempt(b.build(), attempt({ session: c.session, answers: c.answers }));
}

describe('S3/A5: naming the policy that blocks', () => {
	it('a block policy beside a trusted MFA policy not yet done: the block is named, no home challenge is mentioned', () => {
		const mfa = caPolicy(['mfa'], { displayName: 'Require MFA' });
		const block = caPolicy(['block'], { displayName: 'Block all' });
		const result = run({
			name: '',
			policies: [mfa, block],
			trust: trust(true),
			session: {},
			outcome: 'blocked'
		});
		const step = stepOf(result, 'conditionalAccess');
		expect(result.outcome).toBe('blocked');
		expect(result.homeMfaPrompted).toBe(false);
		expect(step.message).toContain('"Block all"');
		expect(step.message).not.toContain('"Require MFA"');
		expect(step.message).not.toMatch(/asked|home tenant/i);
		expect(step.settingPath).toBe(`conditionalAccessPolicies[${block.id}].grantControls`);
	});
});

describe('S3 Conditional Access at the resource tenant', () => {
	for (const c of CASES) {
		it(c.name, () => {
			const result = run(c);
			const step = stepOf(result, 'conditionalAccess');
			expect(result.outcome).toBe(c.outcome);
			expect(step.rules).toContain('S3');
			expect(step.tenantId).toBe(IDS.contoso);
			if (c.outcome === 'blocked') {
				expect(result.step).toBe('conditionalAccess');
				expect(result.errorCode).toBe(ERROR_CONDITIONAL_ACCESS);
				expect(step.errorCode).toBe(ERROR_CONDITIONAL_ACCESS);
				expect(step.actor).toBe('resource');
				expect(result.token).toBeNull();
			} else {
				expect(step.outcome).toBe('passed');
				expect(result.errorCode).toBe(0);
			}
			if (c.homeMfaPrompted !== undefined) expect(result.homeMfaPrompted).toBe(c.homeMfaPrompted);
			for (const a of c.assumptions ?? []) expect(step.assumptions).toContain(a);
			const resourceRecord = result.signIns.find((r) => r.loggedIn === 'resource');
			if (c.results) {
				expect(resourceRecord?.appliedConditionalAccessPolicies?.map((p) => p.result)).toEqual(
					c.results
				);
				expect(step.details?.policies?.map((p) => p.result)).toEqual(c.results);
			}
			if (c.note) expect(step.details?.policies?.[0]?.notes.join(' ')).toMatch(c.note);
			if (c.path) expect(step.settingPath).toMatch(c.path);
		});
	}

	it('S3/S6: the resource record has conditionalAccessStatus failure for a CA block and success for a pass', () => {
		const blocked = run(CASES[0] as CaCase);
		const granted = run(CASES[2] as CaCase);
		const status = (r: typeof blocked) =>
			r.signIns.find((s) => s.loggedIn === 'resource')?.conditionalAccessStatus;
		expect(status(blocked)).toBe('failure');
		expect(status(granted)).toBe('success');
	});
});
