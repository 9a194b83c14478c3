import { describe, expect, it } from 'vitest';
import type { Attempt, Scenario } from '../schema.ts';
import {
	ALL_APPLICATIONS,
	IDS,
	SHAREPOINT_APP_ID,
	TEAMS_APP_ID,
	UPN,
	allowed,
	attempt,
	b2b,
	blockAll,
	caPolicy,
	groupTarget,
	scenario,
	stepOf
} from '../test-fixtures/scenario-builder.ts';
import {
	ERROR_CONDITIONAL_ACCESS,
	ERROR_INBOUND,
	ERROR_OUTBOUND,
	TOKEN_LIFETIME_SECONDS,
	evaluateAttempt,
	type AttemptResult
} from './index.ts';

describe('S0 preconditions', () => {
	const CASES: { name: string; build: () => Scenario; attempt: Attempt; a4?: boolean }[] = [
		{
			name: 'S0: the same tenant (a Fabrikam user opening Teams in Fabrikam) is not direct connect',
			build: () => scenario().openDefaults().autoRedeem().build(),
			attempt: attempt({ resourceTenant: 'fabrikam.com' })
		},
		{
			name: 'S0/A4: tenants in different clouds cannot use direct connect',
			build: () => scenario().openDefaults().autoRedeem().cloud('contoso', 'usGovernment').build(),
			attempt: attempt(),
			a4: true
		},
		{
			name: "S0: a tenant's own app is not reachable through direct connect",
			build: () => scenario().openDefaults().autoRedeem().build(),
			attempt: attempt({ application: IDS.contosoExpenses })
		}
	];

	for (const c of CASES) {
		it(`${c.name} → blocked at preconditions, errorCode null, no sign-in records`, () => {
			const result = evaluateAttempt(c.build(), c.attempt);
			expect(result.outcome).toBe('blocked');
			expect(result.step).toBe('preconditions');
			expect(result.errorCode).toBeNull();
			expect(result.signIns).toEqual([]);
			expect(result.token).toBeNull();
			const step = stepOf(result, 'preconditions');
			expect(step.outcome).toBe('failed');
			expect(step.rules).toContain('S0');
			expect(result.trace.map((s) => s.step)).toEqual(['preconditions']);
			if (c.a4) expect(step.assumptions).toContain('A4');
		});
	}

	it('S0/A4: two tenants in the same non-global cloud pass the preconditions', () => {
		const s = scenario()
			.openDefaults()
			.autoRedeem()
			.cloud('fabrikam', 'usGovernment')
			.cloud('contoso', 'usGovernment')
			.build();
		const result = evaluateAttempt(s, attempt());
		expect(stepOf(result, 'preconditions').outcome).toBe('passed');
		expect(result.outcome).toBe('granted');
	});

	it('S0: a Microsoft app other than Teams (SharePoint) passes the preconditions', () => {
		const s = scenario().openDefaults().autoRedeem().build();
		const result = evaluateAttempt(s, attempt({ application: SHAREPOINT_APP_ID }));
		expect(stepOf(result, 'preconditions').outcome).toBe('passed');
	});
});

describe('S1/S2 outbound at home, inbound at the resource (mutual trust)', () => {
	const CASES = [
		{
			name: 'S1: only the home outbound blocks → 500212 at outbound, actor home',
			build: () =>
				scenario()
					.openDefaults()
					.autoRedeem()
					.defaultDirectConnect('fabrikam', 'outbound', blockAll())
					.build(),
			step: 'outbound' as const,
			code: ERROR_OUTBOUND,
			actor: 'home' as const,
			tenantId: IDS.fabrikam,
			a8: false
		},
		{
			name: 'S2: only the resource inbound blocks → 500213 at inbound, actor resource',
			build: () =>
				scenario()
					.openDefaults()
					.autoRedeem()
					.defaultDirectConnect('contoso', 'inbound', blockAll())
					.build(),
			step: 'inbound' as const,
			code: ERROR_INBOUND,
			actor: 'resource' as const,
			tenantId: IDS.contoso,
			a8: false
		},
		{
			name: 'S1/A8: both would fail → outbound is reported first (500212) and A8 is noted',
			build: () => scenario().build(),
			step: 'outbound' as const,
			code: ERROR_OUTBOUND,
			actor: 'home' as const,
			tenantId: IDS.fabrikam,
			a8: true
		},
		{
			name: 'S2: inbound that allows only Marketing stops a Fabrikam user outside it → 500213',
			build: () =>
				scenario()
					.openDefaults()
					.partnerDirectConnect(
						'contoso',
						'fabrikam',
						'inbound',
						b2b(allowed(groupTarget(IDS.marketing)), allowed(ALL_APPLICATIONS))
					)
					.build(),
			user: UPN.isaiah,
			step: 'inbound' as const,
			code: ERROR_INBOUND,
			actor: 'resource' as const,
			tenantId: IDS.contoso,
			a8: false
		}
	];

	for (const c of CASES) {
		it(c.name, () => {
			const result = evaluateAttempt(c.build(), attempt({ user: c.user ?? UPN.alex }));
			expect(result.outcome).toBe('blocked');
			expect(result.step).toBe(c.step);
			expect(result.errorCode).toBe(c.code);
			const step = stepOf(result, c.step);
			expect(step.outcome).toBe('failed');
			expect(step.errorCode).toBe(c.code);
			expect(step.actor).toBe(c.actor);
			expect(step.tenantId).toBe(c.tenantId);
			expect(step.rules).toContain(c.step === 'outbound' ? 'S1' : 'S2');
			if (c.a8) expect(step.assumptions).toContain('A8');
			else expect(step.assumptions).not.toContain('A8');
			if (c.step === 'outbound') expect(result.trace.some((s) => s.step === 'inbound')).toBe(false);
			else expect(stepOf(result, 'outbound').outcome).toBe('passed');
		});
	}

	it('S1/S2: both sides allow → outbound and inbound pass, and the attempt is granted', () => {
		const result = evaluateAttempt(scenario().openDefaults().build(), attempt());
		expect(stepOf(result, 'outbound').outcome).toBe('passed');
		expect(stepOf(result, 'inbound').outcome).toBe('passed');
		expect(result.outcome).toBe('granted');
	});
});

describe('S5 token', () => {
	const CASES = [
		{
			name: 'S5: Office365 (Teams) → token for Teams, 1 hour',
			application: 'Office365',
			audience: TEAMS_APP_ID
		},
		{
			name: 'S5: SharePoint → token for SharePoint, 1 hour',
			application: SHAREPOINT_APP_ID,
			audience: SHAREPOINT_APP_ID
		}
	];

	for (const testCase of CASES) {
		it(testCase.name, () => {
			const { application, audience } = testCase;
			const result = evaluateAttempt(
				scenario().openDefaults().autoRedeem().build(),
				attempt({ application })
			);
			expect(result.outcome).toBe('granted');
			expect(result.token).toMatchObject({
				audience,
				lifetimeSeconds: 3600,
				tenantId: IDS.contoso,
				userId: IDS.alex
			});
			expect(TOKEN_LIFETIME_SECONDS).toBe(3600);
			expect(stepOf(result, 'token').rules).toContain('S5');
		});
	}

	it('S5: a blocked attempt has no token', () => {
		const result = evaluateAttempt(scenario().build(), attempt());
		expect(result.outcome).toBe('blocked');
		expect(result.token).toBeNull();
	});
});

// ---- S6 and the trace shape, over a corpus of attempts reaching every step ----

interface CorpusEntry {
	name: string;
	build: () => Scenario;
	attempt: Attempt;
	/** Expected status.errorCode of both sign-in records; undefined = not specified by S6. */
	code?: number | null;
	reachesEntra: boolean;
}

const mfaTrust = {
	isMfaAccepted: true,
	isCompliantDeviceAccepted: false,
	isHybridAzureADJoinedDeviceAccepted: false
};

const CORPUS: CorpusEntry[] = [
	{
		name: 'granted with automatic redemption',
		build: () => scenario().openDefaults().autoRedeem().build(),
		attempt: attempt(),
		code: 0,
		reachesEntra: true
	},
	{
		name: 'granted after the consent prompt',
		build: () => scenario().openDefaults().build(),
		attempt: attempt(),
		code: 0,
		reachesEntra: true
	},
	{
		name: 'granted with prior consent',
		build: () => scenario().openDefaults().build(),
		attempt: attempt({ priorConsent: true }),
		code: 0,
		reachesEntra: true
	},
	{
		name: 'blocked outbound (500212)',
		build: () =>
			scenario().openDefaults().defaultDirectConnect('fabrikam', 'outbound', blockAll()).build(),
		attempt: attempt(),
		code: ERROR_OUTBOUND,
		reachesEntra: true
	},
	{
		name: 'blocked outbound and inbound (500212, A8)',
		build: () => scenario().build(),
		attempt: attempt(),
		code: ERROR_OUTBOUND,
		reachesEntra: true
	},
	{
		name: 'blocked inbound (500213)',
		build: () =>
			scenario().openDefaults().defaultDirectConnect('contoso', 'inbound', blockAll()).build(),
		attempt: attempt(),
		code: ERROR_INBOUND,
		reachesEntra: true
	},
	{
		name: 'blocked by Conditional Access block (53003)',
		build: () =>
			scenario()
				.openDefaults()
				.autoRedeem()
				.conditionalAccess('contoso', caPolicy(['block']))
				.build(),
		attempt: attempt(),
		code: ERROR_CONDITIONAL_ACCESS,
		reachesEntra: true
	},
	{
		name: 'blocked by untrusted MFA (53003)',
		build: () =>
			scenario()
				.openDefaults()
				.autoRedeem()
				.conditionalAccess('contoso', caPolicy(['mfa']))
				.build(),
		attempt: attempt({ session: { mfa: true } }),
		code: ERROR_CONDITIONAL_ACCESS,
		reachesEntra: true
	},
	{
		name: 'blocked after a failed home MFA challenge (53003)',
		build: () =>
			scenario()
				.openDefaults()
				.autoRedeem()
				.partnerTrust('contoso', 'fabrikam', mfaTrust)
				.conditionalAccess('contoso', caPolicy(['mfa']))
				.build(),
		attempt: attempt({ answers: { homeMfa: 'fail' } }),
		code: ERROR_CONDITIONAL_ACCESS,
		reachesEntra: true
	},
	{
		name: 'granted after a completed home MFA challenge',
		build: () =>
			scenario()
				.openDefaults()
				.autoRedeem()
				.partnerTrust('contoso', 'fabrikam', mfaTrust)
				.conditionalAccess('contoso', caPolicy(['mfa']))
				.build(),
		attempt: attempt({ answers: { homeMfa: 'complete' } }),
		code: 0,
		reachesEntra: true
	},
	{
		name: 'granted with a report-only failing policy',
		build: () =>
			scenario()
				.openDefaults()
				.autoRedeem()
				.conditionalAccess(
					'contoso',
					caPolicy(['block'], { state: 'enabledForReportingButNotEnforced' })
				)
				.build(),
		attempt: attempt(),
		code: 0,
		reachesEntra: true
	},
	{
		name: 'consent declined',
		build: () => scenario().openDefaults().build(),
		attempt: attempt({ answers: { consent: 'decline' } }),
		reachesEntra: true
	},
	{
		name: 'nested group member through a half-filled partner setting',
		build: () =>
			scenario()
				.openDefaults()
				.autoRedeem()
				.partnerDirectConnect(
					'fabrikam',
					'contoso',
					'outbound',
					b2b(allowed(groupTarget(IDS.marketing)), null)
				)
				.build(),
		attempt: attempt({ user: UPN.diego }),
		code: 0,
		reachesEntra: true
	},
	{
		name: 'same tenant',
		build: () => scenario().openDefaults().build(),
		attempt: attempt({ resourceTenant: 'fabrikam.com' }),
		reachesEntra: false
	},
	{
		name: 'different clouds',
		build: () => scenario().openDefaults().cloud('contoso', 'china').build(),
		attempt: attempt(),
		reachesEntra: false
	},
	{
		name: "the resource tenant's own app",
		build: () => scenario().openDefaults().build(),
		attempt: attempt({ application: IDS.contosoExpenses }),
		reachesEntra: false
	},
	{
		name: 'a Contoso user opening Fabrikam',
		build: () => scenario().openDefaults().build(),
		attempt: attempt({ user: UPN.adele, resourceTenant: 'fabrikam.com' }),
		code: 0,
		reachesEntra: true
	}
];

function checkSignIns(
	result: AttemptResult,
	homeId: string,
	resourceId: string,
	userId: string,
	appId: string
) {
	expect(result.signIns).toHaveLength(2);
	const home = result.signIns.find((r) => r.loggedIn === 'home');
	const resource = result.signIns.find((r) => r.loggedIn === 'resource');
	expect(home).toBeDefined();
	expect(resource).toBeDefined();
	for (const record of result.signIns) {
		expect(record).toMatchObject({
			crossTenantAccessType: 'b2bDirectConnect',
			homeTenantId: homeId,
			resourceTenantId: resourceId,
			userId,
			appId
		});
		expect(record.status).toHaveProperty('errorCode');
	}
	expect(typeof home?.clientAppUsed).toBe('string');
	expect(home?.clientAppUsed).not.toBe('');
	expect(resource?.conditionalAccessStatus).toBeDefined();
	expect(Array.isArray(resource?.appliedConditionalAccessPolicies)).toBe(true);
}

describe('S6 sign-in logs', () => {
	const reaching = CORPUS.filter((c) => c.reachesEntra);

	for (const c of reaching) {
		it(`S6: ${c.name} has exactly two records, one in each tenant, with the shared fields`, () => {
			const result = evaluateAttempt(c.build(), c.attempt);
			const fromContoso = c.attempt.resourceTenant === 'fabrikam.com';
			checkSignIns(
				result,
				fromContoso ? IDS.contoso : IDS.fabrikam,
				fromContoso ? IDS.fabrikam : IDS.contoso,
				fromContoso ? IDS.adele : c.attempt.user === UPN.diego ? IDS.diego : IDS.alex,
				TEAMS_APP_ID
			);
			const logStep = stepOf(result, 'signInLogs');
			expect(logStep.rules).toContain('S6');
		});
	}

	for (const c of reaching.filter((c) => c.code !== undefined)) {
		it(`S6: ${c.name} logs status.errorCode ${c.code} in both tenants`, () => {
			const result = evaluateAttempt(c.build(), c.attempt);
			expect(result.signIns.map((r) => r.status.errorCode)).toEqual([c.code, c.code]);
			expect(result.errorCode).toBe(c.code);
		});
	}

	for (const c of CORPUS.filter((c) => !c.reachesEntra)) {
		it(`S6/S0: ${c.name} stops before Entra and writes no record`, () => {
			const result = evaluateAttempt(c.build(), c.attempt);
			expect(result.signIns).toHaveLength(0);
			expect(result.trace.some((s) => s.step === 'signInLogs')).toBe(false);
		});
	}
});

describe('trace shape (every step says which rule decided it, in a sentence)', () => {
	const RULE_ID = /^[RMSVA]\d+$/;

	for (const c of CORPUS) {
		it(`S0-S6 trace of ${c.name}: every step has a message and a rule ID; failed outbound/inbound/CA steps name a setting path`, () => {
			const result = evaluateAttempt(c.build(), c.attempt);
			expect(result.trace.length).toBeGreaterThan(0);
			for (const step of result.trace) {
				expect(step.message.trim()).not.toBe('');
				expect(step.rules.some((r) => RULE_ID.test(r))).toBe(true);
				if (
					step.outcome === 'failed' &&
					(step.step === 'outbound' || step.step === 'inbound' || step.step === 'conditionalAccess')
				) {
					expect(step.settingPath).toBeTruthy();
				}
			}
			// The first failing step ends the attempt (only the sign-in log may follow it).
			const failedAt = result.trace.findIndex((s) => s.outcome === 'failed');
			if (failedAt >= 0)
				expect(result.trace.slice(failedAt + 1).every((s) => s.step === 'signInLogs')).toBe(true);
		});
	}
});
