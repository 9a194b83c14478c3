import { describe, expect, it } from 'vitest';
import type { InboundTrust, Scenario, Tenant } from '../schema.ts';
import {
	ALL_APPLICATIONS,
	ALL_USERS,
	IDS,
	OFFICE365,
	SHAREPOINT_APP_ID,
	TEAMS_APP_ID,
	UPN,
	allowAll,
	allowed,
	appTarget,
	attempt,
	b2b,
	blocked,
	caPolicy,
	groupTarget,
	scenario,
	stepOf,
	type TenantKey
} from '../test-fixtures/scenario-builder.ts';
import {
	ERROR_CONDITIONAL_ACCESS,
	ERROR_OUTBOUND,
	SERVICE_DEFAULT_HALVES,
	evaluateAttempt,
	resolveDirectConnect,
	resolveTrust
} from './index.ts';
import type { TrustFlag } from './resolve.ts';

function tenantOf(s: Scenario, key: TenantKey): Tenant {
	const t = s.tenants.find((x) => x.tenantId === IDS[key]);
	if (!t) throw new Error(`no tenant ${key}`);
	return t;
}

function partnerOf(s: Scenario, key: TenantKey, partnerKey: TenantKey) {
	return tenantOf(s, key).crossTenantAccessPolicy.partners.find(
		(p) => p.tenantId === IDS[partnerKey]
	);
}

const PARTNER_OUT = `partners[${IDS.contoso}].b2bDirectConnectOutbound`;
const DEFAULT_OUT = 'default.b2bDirectConnectOutbound';

describe('R1 partner over default, per property', () => {
	// Fabrikam: default outbound allows only Marketing; partner entry for Contoso sets inbound only.
	const build = () =>
		scenario()
			.openDefaults()
			.defaultDirectConnect(
				'fabrikam',
				'outbound',
				b2b(allowed(groupTarget(IDS.marketing)), allowed(ALL_APPLICATIONS))
			)
			.defaultDirectConnect(
				'fabrikam',
				'inbound',
				b2b(blocked(ALL_USERS), blocked(ALL_APPLICATIONS))
			)
			.partnerDirectConnect('fabrikam', 'contoso', 'inbound', allowAll())
			.partnerDirectConnect('fabrikam', 'contoso', 'outbound', null)
			.build();

	it('R1: a set partner property (inbound) replaces the default; a null one (outbound) falls back to the default', () => {
		const s = build();
		const fabrikam = tenantOf(s, 'fabrikam');
		const partner = partnerOf(s, 'fabrikam', 'contoso');
		const inbound = resolveDirectConnect(fabrikam, partner, 'b2bDirectConnectInbound');
		const outbound = resolveDirectConnect(fabrikam, partner, 'b2bDirectConnectOutbound');
		expect(inbound.usersAndGroups.source).toBe('partner');
		expect(inbound.usersAndGroups.path).toBe(
			`partners[${IDS.contoso}].b2bDirectConnectInbound.usersAndGroups`
		);
		expect(inbound.usersAndGroups.config).toEqual(allowed(ALL_USERS));
		expect(outbound.usersAndGroups.source).toBe('default');
		expect(outbound.usersAndGroups.path).toBe(`${DEFAULT_OUT}.usersAndGroups`);
		expect(outbound.usersAndGroups.config).toEqual(allowed(groupTarget(IDS.marketing)));
		expect(outbound.applications.source).toBe('default');
	});

	it('R1: in an attempt, the outbound step names the default it fell back to', () => {
		const result = evaluateAttempt(build(), attempt({ user: UPN.isaiah }));
		const step = stepOf(result, 'outbound');
		expect(step.outcome).toBe('failed');
		expect(step.source).toBe('default');
		expect(step.settingPath).toBe(`${DEFAULT_OUT}.usersAndGroups`);
		expect(step.rules).toContain('R1');
		expect(step.tenantId).toBe(IDS.fabrikam);
	});

	it("R1: in an attempt, the inbound step names the partner entry's setting", () => {
		const result = evaluateAttempt(
			build(),
			attempt({ user: UPN.adele, resourceTenant: 'fabrikam.com' })
		);
		const step = stepOf(result, 'inbound');
		expect(step.outcome).toBe('passed');
		expect(step.source).toBe('partner');
		expect(step.settingPath).toBe(
			`partners[${IDS.contoso}].b2bDirectConnectInbound.usersAndGroups`
		);
		expect(step.rules).toContain('R1');
	});

	const SOURCE_CASES = [
		{
			name: 'R1: partner outbound set → source partner, partners[<id>] path',
			partnerOutbound: 'set' as const,
			source: 'partner',
			path: `${PARTNER_OUT}.usersAndGroups`
		},
		{
			name: 'R1: partner outbound null → source default, default path',
			partnerOutbound: 'null' as const,
			source: 'default',
			path: `${DEFAULT_OUT}.usersAndGroups`
		},
		{
			name: 'R1: partner entry without the outbound property → source default',
			partnerOutbound: 'absent' as const,
			source: 'default',
			path: `${DEFAULT_OUT}.usersAndGroups`
		},
		{
			name: 'R1: no partner entry for the other tenant → source default',
			partnerOutbound: 'noPartner' as const,
			source: 'default',
			path: `${DEFAULT_OUT}.usersAndGroups`
		}
	];

	for (const testCase of SOURCE_CASES) {
		it(testCase.name, () => {
			const { partnerOutbound, source, path } = testCase;
			const b = scenario({ northwind: true }).openDefaults();
			// A partner entry for another tenant must not be used for Contoso.
			b.partnerDirectConnect(
				'fabrikam',
				'northwind',
				'outbound',
				b2b(blocked(ALL_USERS), blocked(ALL_APPLICATIONS))
			);
			if (partnerOutbound === 'set')
				b.partnerDirectConnect('fabrikam', 'contoso', 'outbound', allowAll());
			if (partnerOutbound === 'null')
				b.partnerDirectConnect('fabrikam', 'contoso', 'outbound', null);
			if (partnerOutbound === 'absent') b.partner('fabrikam', 'contoso', {});
			const result = evaluateAttempt(b.build(), attempt());
			const step = stepOf(result, 'outbound');
			expect(step.outcome).toBe('passed');
			expect(step.source).toBe(source);
			expect(step.settingPath).toBe(path);
		});
	}

	it('R1: a set partner setting replaces the default whole (no merging with the default targets)', () => {
		const s = scenario()
			.openDefaults()
			.partnerDirectConnect(
				'fabrikam',
				'contoso',
				'outbound',
				b2b(allowed(groupTarget(IDS.marketing)), allowed(ALL_APPLICATIONS))
			)
			.build();
		const outsider = evaluateAttempt(s, attempt({ user: UPN.isaiah }));
		expect(outsider.step).toBe('outbound');
		expect(stepOf(outsider, 'outbound').settingPath).toBe(`${PARTNER_OUT}.usersAndGroups`);
		expect(evaluateAttempt(s, attempt({ user: UPN.alex })).outcome).toBe('granted');
	});

	const D1_CASES = [
		{
			name: 'R1/D1: default without b2bDirectConnectOutbound → service default (blocked)',
			value: undefined
		},
		{
			name: 'R1/D1: default b2bDirectConnectOutbound null → service default (blocked)',
			value: null
		}
	];

	for (const testCase of D1_CASES) {
		it(testCase.name, () => {
			const { value } = testCase;
			const s = scenario()
				.openDefaults()
				.defaultDirectConnect('fabrikam', 'outbound', value)
				.build();
			const resolved = resolveDirectConnect(
				tenantOf(s, 'fabrikam'),
				undefined,
				'b2bDirectConnectOutbound'
			);
			expect(resolved.usersAndGroups.serviceDefault).toBe(true);
			expect(resolved.applications.serviceDefault).toBe(true);
			expect(resolved.usersAndGroups.config).toEqual(SERVICE_DEFAULT_HALVES.usersAndGroups);
			expect(resolved.applications.config).toEqual(SERVICE_DEFAULT_HALVES.applications);
			expect(SERVICE_DEFAULT_HALVES.usersAndGroups).toEqual(blocked(ALL_USERS));
			expect(SERVICE_DEFAULT_HALVES.applications).toEqual(blocked(ALL_APPLICATIONS));

			const result = evaluateAttempt(s, attempt());
			expect(result.outcome).toBe('blocked');
			expect(result.step).toBe('outbound');
			expect(result.errorCode).toBe(ERROR_OUTBOUND);
			expect(stepOf(result, 'outbound').source).toBe('default');
		});
	}

	it('R1/D1: a partner null setting over a default without the property → service default (blocked)', () => {
		const s = scenario()
			.openDefaults()
			.defaultDirectConnect('fabrikam', 'outbound', undefined)
			.partnerDirectConnect('fabrikam', 'contoso', 'outbound', null)
			.build();
		const result = evaluateAttempt(s, attempt());
		expect(result.step).toBe('outbound');
		expect(result.errorCode).toBe(ERROR_OUTBOUND);
	});
});

describe('R2 half-filled partner setting', () => {
	interface R2Case {
		name: string;
		users: 'partner' | 'null' | 'absent';
		apps: 'partner' | 'null' | 'absent';
	}
	const CASES: R2Case[] = [
		{
			name: 'R2: applications null → the default applications half',
			users: 'partner',
			apps: 'null'
		},
		{
			name: 'R2: applications absent → the default applications half',
			users: 'partner',
			apps: 'absent'
		},
		{
			name: 'R2: usersAndGroups null → the default usersAndGroups half',
			users: 'null',
			apps: 'partner'
		},
		{
			name: 'R2: usersAndGroups absent → the default usersAndGroups half',
			users: 'absent',
			apps: 'partner'
		}
	];

	// Default outbound: AllUsers x only SharePoint. Partner half: Marketing x only Teams.
	const defaultSetting = b2b(allowed(ALL_USERS), allowed(appTarget(SHAREPOINT_APP_ID)));
	const partnerUsers = allowed(groupTarget(IDS.marketing));
	const partnerApps = allowed(appTarget(TEAMS_APP_ID));

	function build(c: R2Case) {
		const pick = <T>(mode: R2Case['users'], value: T): T | null | undefined =>
			mode === 'partner' ? value : mode === 'null' ? null : undefined;
		return scenario()
			.openDefaults()
			.defaultDirectConnect('fabrikam', 'outbound', defaultSetting)
			.partnerDirectConnect(
				'fabrikam',
				'contoso',
				'outbound',
				b2b(pick(c.users, partnerUsers), pick(c.apps, partnerApps))
			)
			.build();
	}

	for (const c of CASES) {
		it(`${c.name} (resolution, A1)`, () => {
			const s = build(c);
			const resolved = resolveDirectConnect(
				tenantOf(s, 'fabrikam'),
				partnerOf(s, 'fabrikam', 'contoso'),
				'b2bDirectConnectOutbound'
			);
			const missing = c.users === 'partner' ? 'applications' : 'usersAndGroups';
			const kept = missing === 'applications' ? 'usersAndGroups' : 'applications';
			expect(resolved[missing].source).toBe('default');
			expect(resolved[missing].path).toBe(`${DEFAULT_OUT}.${missing}`);
			expect(resolved[missing].config).toEqual(defaultSetting[missing]);
			expect(resolved[kept].source).toBe('partner');
			expect(resolved[kept].path).toBe(`${PARTNER_OUT}.${kept}`);
			expect(resolved.assumptions).toContain('A1');
		});
	}

	for (const c of CASES) {
		it(`${c.name} (trace: rules R2, assumption A1)`, () => {
			const s = build(c);
			// Alex (Marketing) opening SharePoint: passes only when the apps half is the default's,
			// and Isaiah opening Teams passes only when the users half is the default's.
			const alexSharePoint = evaluateAttempt(s, attempt({ application: SHAREPOINT_APP_ID }));
			const isaiahTeams = evaluateAttempt(s, attempt({ user: UPN.isaiah }));
			const appsFromDefault = c.apps !== 'partner';
			expect(stepOf(alexSharePoint, 'outbound').outcome).toBe(
				appsFromDefault ? 'passed' : 'failed'
			);
			expect(stepOf(isaiahTeams, 'outbound').outcome).toBe(appsFromDefault ? 'failed' : 'passed');
			for (const r of [alexSharePoint, isaiahTeams]) {
				const step = stepOf(r, 'outbound');
				expect(step.rules).toContain('R2');
				expect(step.assumptions).toContain('A1');
			}
		});
	}

	it('R2: the half taken from the default decides the failure and the trace names it', () => {
		const s = build({ name: '', users: 'partner', apps: 'null' });
		// Alex (Marketing) opening Teams: users half (partner) matches, apps half (default: only SharePoint) fails.
		const step = stepOf(evaluateAttempt(s, attempt()), 'outbound');
		expect(step.outcome).toBe('failed');
		expect(step.source).toBe('default');
		expect(step.settingPath).toBe(`${DEFAULT_OUT}.applications`);
	});

	it('R2: a fully set partner setting notes neither R2 nor A1', () => {
		const s = scenario()
			.openDefaults()
			.partnerDirectConnect(
				'fabrikam',
				'contoso',
				'outbound',
				b2b(allowed(ALL_USERS), allowed(OFFICE365))
			)
			.build();
		const step = stepOf(evaluateAttempt(s, attempt()), 'outbound');
		expect(step.rules).not.toContain('R2');
		expect(step.assumptions).not.toContain('A1');
	});
});

describe('R3 trust booleans', () => {
	const FLAGS: TrustFlag[] = [
		'isMfaAccepted',
		'isCompliantDeviceAccepted',
		'isHybridAzureADJoinedDeviceAccepted'
	];

	const ONE_BY_ONE = FLAGS.flatMap((flag) =>
		[true, false].map((defaultValue) => ({ flag, defaultValue }))
	);

	for (const testCase of ONE_BY_ONE) {
		it(`R3: partner ${testCase.flag} null falls back to the default value ${testCase.defaultValue}, the other two stay the partner’s (A2)`, () => {
			const { flag, defaultValue } = testCase;
			const partnerTrust: InboundTrust = {
				isMfaAccepted: true,
				isCompliantDeviceAccepted: true,
				isHybridAzureADJoinedDeviceAccepted: true,
				[flag]: null
			};
			const defaultTrust: InboundTrust = {
				isMfaAccepted: !defaultValue,
				isCompliantDeviceAccepted: !defaultValue,
				isHybridAzureADJoinedDeviceAccepted: !defaultValue,
				[flag]: defaultValue
			};
			const s = scenario()
				.defaultTrust('contoso', defaultTrust)
				.partnerTrust('contoso', 'fabrikam', partnerTrust)
				.build();
			const trust = resolveTrust(tenantOf(s, 'contoso'), partnerOf(s, 'contoso', 'fabrikam'));
			expect(trust.flags[flag]).toEqual({
				value: defaultValue,
				source: 'default',
				path: `default.inboundTrust.${flag}`
			});
			for (const other of FLAGS.filter((f) => f !== flag)) {
				expect(trust.flags[other]).toEqual({
					value: true,
					source: 'partner',
					path: `partners[${IDS.fabrikam}].inboundTrust.${other}`
				});
			}
			expect(trust.assumptions).toContain('A2');
		});
	}

	const WHOLE_CASES = [
		{ name: 'R3/R1: partner inboundTrust null → every flag from the default', partner: null },
		{
			name: 'R3/R1: partner entry without inboundTrust → every flag from the default',
			partner: undefined
		}
	];

	for (const testCase of WHOLE_CASES) {
		it(testCase.name, () => {
			const { partner } = testCase;
			const s = scenario()
				.defaultTrust('contoso', {
					isMfaAccepted: true,
					isCompliantDeviceAccepted: false,
					isHybridAzureADJoinedDeviceAccepted: true
				})
				.partner('contoso', 'fabrikam')
				.partnerTrust('contoso', 'fabrikam', partner)
				.build();
			const trust = resolveTrust(tenantOf(s, 'contoso'), partnerOf(s, 'contoso', 'fabrikam'));
			expect(trust.flags.isMfaAccepted.value).toBe(true);
			expect(trust.flags.isCompliantDeviceAccepted.value).toBe(false);
			expect(trust.flags.isHybridAzureADJoinedDeviceAccepted.value).toBe(true);
			for (const f of FLAGS) expect(trust.flags[f].source).toBe('default');
		});
	}

	const ABSENT_CASES = [
		{
			name: 'R3: absent everywhere (no default trust, no partner) → false',
			partner: 'none' as const
		},
		{ name: 'R3: partner flags null and no default trust → false', partner: 'nulls' as const },
		{
			name: 'R3: default trust with null flags, no partner → false',
			partner: 'defaultNulls' as const
		}
	];

	for (const testCase of ABSENT_CASES) {
		it(testCase.name, () => {
			const { partner } = testCase;
			const b = scenario().defaultTrust('contoso', undefined);
			if (partner === 'nulls')
				b.partnerTrust('contoso', 'fabrikam', {
					isMfaAccepted: null,
					isCompliantDeviceAccepted: null,
					isHybridAzureADJoinedDeviceAccepted: null
				});
			if (partner === 'defaultNulls')
				b.defaultTrust('contoso', {
					isMfaAccepted: null,
					isCompliantDeviceAccepted: null,
					isHybridAzureADJoinedDeviceAccepted: null
				});
			const s = b.build();
			const trust = resolveTrust(tenantOf(s, 'contoso'), partnerOf(s, 'contoso', 'fabrikam'));
			for (const f of FLAGS) expect(trust.flags[f].value).toBe(false);
		});
	}

	it('R3: in an attempt, a null partner isMfaAccepted inherits the default true (A2) and MFA is trusted', () => {
		const s = scenario()
			.openDefaults()
			.autoRedeem()
			.defaultTrust('contoso', {
				isMfaAccepted: true,
				isCompliantDeviceAccepted: false,
				isHybridAzureADJoinedDeviceAccepted: false
			})
			.partnerTrust('contoso', 'fabrikam', {
				isMfaAccepted: null,
				isCompliantDeviceAccepted: false,
				isHybridAzureADJoinedDeviceAccepted: false
			})
			.conditionalAccess('contoso', caPolicy(['mfa']))
			.build();
		const result = evaluateAttempt(s, attempt({ session: { mfa: true } }));
		const step = stepOf(result, 'conditionalAccess');
		expect(result.outcome).toBe('granted');
		expect(step.details?.trust?.isMfaAccepted).toBe(true);
		expect(step.assumptions).toContain('A2');
		expect(step.rules).toContain('R3');
	});

	it('R3: in an attempt, a partner inboundTrust null takes the default false and MFA is not trusted', () => {
		const s = scenario()
			.openDefaults()
			.autoRedeem()
			.partnerTrust('contoso', 'fabrikam', null)
			.conditionalAccess('contoso', caPolicy(['mfa']))
			.build();
		const result = evaluateAttempt(s, attempt({ session: { mfa: true } }));
		expect(result.step).toBe('conditionalAccess');
		expect(result.errorCode).toBe(ERROR_CONDITIONAL_ACCESS);
		expect(stepOf(result, 'conditionalAccess').details?.trust?.isMfaAccepted).toBe(false);
	});
});
