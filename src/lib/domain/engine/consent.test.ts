import { describe, expect, it } from 'vitest';
import type { AutomaticUserConsentSettings } from '../schema.ts';
import { IDS, attempt, scenario, stepOf } from '../test-fixtures/scenario-builder.ts';
import { evaluateAttempt, resolveConsentFlag } from './index.ts';

/** Fabrikam (home) and Contoso (resource) both allow everything, so every attempt reaches S4. */
function open() {
	return scenario().openDefaults();
}

interface Flags {
	homeIn: boolean;
	homeOut: boolean;
	resIn: boolean;
	resOut: boolean;
}

function settings(inboundAllowed: boolean, outboundAllowed: boolean): AutomaticUserConsentSettings {
	return { inboundAllowed, outboundAllowed };
}

function runWith(f: Flags) {
	const s = open()
		.autoRedemption('fabrikam', 'contoso', settings(f.homeIn, f.homeOut))
		.autoRedemption('contoso', 'fabrikam', settings(f.resIn, f.resOut))
		.build();
	return evaluateAttempt(s, attempt());
}

describe('R4/S4 automatic redemption', () => {
	const TRUTH_TABLE = [
		{ homeOut: false, resIn: false, prompted: true },
		{ homeOut: true, resIn: false, prompted: true },
		{ homeOut: false, resIn: true, prompted: true },
		{ homeOut: true, resIn: true, prompted: false }
	];

	for (const testCase of TRUTH_TABLE) {
		it(`S4/R4: home partner outboundAllowed ${testCase.homeOut} x resource partner inboundAllowed ${testCase.resIn} → consent prompted ${testCase.prompted}`, () => {
			const { homeOut, resIn, prompted } = testCase;
			const result = runWith({ homeIn: false, homeOut, resIn, resOut: false });
			expect(result.outcome).toBe('granted');
			expect(result.consentPrompted).toBe(prompted);
			const step = stepOf(result, 'consent');
			expect(step.rules).toEqual(expect.arrayContaining(['S4', 'R4']));
			expect(step.details?.consent).toBe(prompted ? 'accepted' : 'autoRedeemed');
		});
	}

	// Every combination of the four flags: only home outbound AND resource inbound suppress the prompt.
	const ALL_FLAGS: (Flags & { prompted: boolean })[] = [];
	for (let bits = 0; bits < 16; bits += 1) {
		const f = {
			homeIn: (bits & 1) !== 0,
			homeOut: (bits & 2) !== 0,
			resIn: (bits & 4) !== 0,
			resOut: (bits & 8) !== 0
		};
		ALL_FLAGS.push({ ...f, prompted: !(f.homeOut && f.resIn) });
	}

	for (const c of ALL_FLAGS) {
		it(`S4/R4: home in ${c.homeIn} out ${c.homeOut}, resource in ${c.resIn} out ${c.resOut} → consent prompted ${c.prompted}`, () => {
			const result = runWith(c);
			expect(result.consentPrompted).toBe(c.prompted);
		});
	}

	const WRONG_SIDES = [
		{
			name: 'S4: both inbound (home inbound, resource inbound) keeps the prompt',
			flags: { homeIn: true, homeOut: false, resIn: true, resOut: false }
		},
		{
			name: 'S4: both outbound (home outbound, resource outbound) keeps the prompt',
			flags: { homeIn: false, homeOut: true, resIn: false, resOut: true }
		},
		{
			name: 'S4: reversed sides (home inbound, resource outbound) keeps the prompt',
			flags: { homeIn: true, homeOut: false, resIn: false, resOut: true }
		}
	];

	for (const testCase of WRONG_SIDES) {
		it(testCase.name, () => {
			const { flags } = testCase;
			const result = runWith(flags);
			expect(result.outcome).toBe('granted');
			expect(result.consentPrompted).toBe(true);
		});
	}

	it('R4: automatic redemption in the default is ignored (only partner entries count)', () => {
		const b = open();
		b.tenant('fabrikam').crossTenantAccessPolicy.default.automaticUserConsentSettings = settings(
			true,
			true
		);
		b.tenant('contoso').crossTenantAccessPolicy.default.automaticUserConsentSettings = settings(
			true,
			true
		);
		const result = evaluateAttempt(b.build(), attempt());
		expect(result.consentPrompted).toBe(true);
	});

	it('R4: only one side has a partner entry (with both flags on) → prompt', () => {
		const s = open().autoRedemption('fabrikam', 'contoso', settings(true, true)).build();
		const result = evaluateAttempt(s, attempt());
		expect(result.consentPrompted).toBe(true);
	});

	const FLAG_CASES = [
		{ name: 'R4: no partner entry → false', partner: undefined },
		{ name: 'R4: partner entry without automaticUserConsentSettings → false', partner: {} },
		{
			name: 'R4: partner automaticUserConsentSettings null → false',
			partner: { automaticUserConsentSettings: null }
		},
		{
			name: 'R4: partner flags null → false',
			partner: { automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null } }
		}
	];

	for (const testCase of FLAG_CASES) {
		it(testCase.name, () => {
			const { partner } = testCase;
			const entry = partner === undefined ? undefined : { tenantId: IDS.contoso, ...partner };
			expect(resolveConsentFlag(entry, 'inboundAllowed').value).toBe(false);
			expect(resolveConsentFlag(entry, 'outboundAllowed').value).toBe(false);
		});
	}

	it('R4: partner flags true are read as true', () => {
		const entry = {
			tenantId: IDS.contoso,
			automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true }
		};
		expect(resolveConsentFlag(entry, 'inboundAllowed').value).toBe(true);
		expect(resolveConsentFlag(entry, 'outboundAllowed').value).toBe(true);
	});
});

describe('S4 consent prompt, prior consent and decline', () => {
	it('S4/A7: priorConsent skips the prompt', () => {
		const result = evaluateAttempt(open().build(), attempt({ priorConsent: true }));
		expect(result.outcome).toBe('granted');
		expect(result.consentPrompted).toBe(false);
		expect(stepOf(result, 'consent').details?.consent).toBe('remembered');
	});

	it('S4: no auto-redemption and no prior consent → prompt, accepted by default', () => {
		const result = evaluateAttempt(open().build(), attempt());
		expect(result.outcome).toBe('granted');
		expect(result.consentPrompted).toBe(true);
	});

	it('S4/A7: declining the prompt → blocked at consent, errorCode null, consentPrompted true', () => {
		const result = evaluateAttempt(open().build(), attempt({ answers: { consent: 'decline' } }));
		expect(result.outcome).toBe('blocked');
		expect(result.step).toBe('consent');
		expect(result.errorCode).toBeNull();
		expect(result.consentPrompted).toBe(true);
		expect(result.token).toBeNull();
		const step = stepOf(result, 'consent');
		expect(step.outcome).toBe('failed');
		expect(step.assumptions).toContain('A7');
		expect(step.details?.consent).toBe('declined');
	});

	it('S4: with automatic redemption on both sides a decline answer is never asked for', () => {
		const s = open().autoRedeem().build();
		const result = evaluateAttempt(s, attempt({ answers: { consent: 'decline' } }));
		expect(result.outcome).toBe('granted');
		expect(result.consentPrompted).toBe(false);
	});
});
