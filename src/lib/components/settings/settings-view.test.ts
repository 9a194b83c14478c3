import { describe, expect, it } from 'vitest';
import { parseScenario } from '$lib/domain/parse.ts';
import type { Scenario, Tenant } from '$lib/domain/schema.ts';
import { addOrganization, setDirectConnectWhole } from '$lib/domain/settings-commands.ts';
import { validateScenario } from '$lib/domain/validate.ts';
import example1 from '$lib/examples/example-1-fabrikam-all-users.json';
import example2 from '$lib/examples/example-2-fabrikam-marketing-only.json';
import { closestPath, parseFocusPath } from './focus-path.ts';
import {
	allowsTypedId,
	appliesToAll,
	appOptions,
	userOptions,
	withTarget,
	withoutTarget
} from './picker-options.ts';
import {
	issuesAt,
	partnerName,
	partnerSummary,
	placeIssues,
	targetOwners
} from './settings-view.ts';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';
const EXTERNAL = '9a0e4b7c-1d2e-4f30-8a4b-5c6d7e8f9a0b';

function load(json: unknown): Scenario {
	const parsed = parseScenario(structuredClone(json));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.scenario;
}

function tenant(s: Scenario, id: string): Tenant {
	const t = s.tenants.find((x) => x.tenantId === id);
	if (!t) throw new Error(id);
	return t;
}

function partner(s: Scenario, id: string, partnerId: string) {
	const p = tenant(s, id).crossTenantAccessPolicy.partners.find((x) => x.tenantId === partnerId);
	if (!p) throw new Error(partnerId);
	return p;
}

describe('placing validation issues', () => {
	it('V3: an issue in a partner entry is keyed by the partner ID, not its index', () => {
		const s = setDirectConnectWhole(load(example1), {
			tenantId: CONTOSO,
			partnerTenantId: FABRIKAM,
			direction: 'inbound',
			usersAndGroups: {
				accessType: 'blocked',
				targets: [{ target: 'AllUsers', targetType: 'user' }]
			},
			applications: {
				accessType: 'allowed',
				targets: [{ target: 'AllApplications', targetType: 'application' }]
			}
		});
		const placed = placeIssues(s, validateScenario(s), CONTOSO);
		expect(placed.map((i) => [i.rule, i.local])).toEqual([
			['V3', `partners[${FABRIKAM}].b2bDirectConnectInbound.applications`]
		]);
		expect(issuesAt(placed, `partners[${FABRIKAM}].b2bDirectConnectInbound`)).toHaveLength(1);
		expect(issuesAt(placed, `partners[${FABRIKAM}]`, true)).toHaveLength(0);
		expect(placeIssues(s, validateScenario(s), FABRIKAM)).toEqual([]);
	});

	it('V1: an issue under a target list is found from its half', () => {
		const s = setDirectConnectWhole(load(example1), {
			tenantId: NORTHWIND,
			partnerTenantId: null,
			direction: 'inbound',
			usersAndGroups: {
				accessType: 'allowed',
				targets: [{ target: 'fcd7839f-e457-4155-9cc5-aa28fc98faf7', targetType: 'group' }]
			},
			applications: {
				accessType: 'allowed',
				targets: [{ target: 'AllApplications', targetType: 'application' }]
			}
		});
		const placed = placeIssues(s, validateScenario(s), NORTHWIND);
		const v1 = issuesAt(placed, 'default.b2bDirectConnectInbound.usersAndGroups');
		expect(v1.map((i) => [i.rule, i.local])).toEqual([
			['V1', 'default.b2bDirectConnectInbound.usersAndGroups.targets[0]']
		]);
	});
});

describe('organization summaries', () => {
	it('R1: a new entry inherits both directions', () => {
		const s = addOrganization(load(example1), FABRIKAM, NORTHWIND);
		const p = partner(s, FABRIKAM, NORTHWIND);
		expect(partnerSummary(s, tenant(s, FABRIKAM), p, 'inbound')).toEqual({
			customized: false,
			halfFilled: false,
			text: 'Inherited from default'
		});
	});

	it('M4: a customized inbound entry names the partner’s group', () => {
		const s = load(example2);
		const p = partner(s, CONTOSO, FABRIKAM);
		expect(partnerSummary(s, tenant(s, CONTOSO), p, 'inbound').text).toBe(
			'Customized: allow Marketing, all apps'
		);
		expect(
			partnerSummary(s, tenant(s, FABRIKAM), partner(s, FABRIKAM, CONTOSO), 'outbound').text
		).toBe('Customized: allow Marketing, all apps');
	});

	it('A1: a half-filled entry is marked', () => {
		const s = load(example2);
		const contoso = tenant(s, CONTOSO);
		const half = {
			...partner(s, CONTOSO, FABRIKAM),
			b2bDirectConnectInbound: {
				usersAndGroups: {
					accessType: 'allowed' as const,
					targets: [{ target: 'AllUsers', targetType: 'user' as const }]
				},
				applications: null
			}
		};
		const summary = partnerSummary(s, contoso, half, 'inbound');
		expect(summary.halfFilled).toBe(true);
		expect(summary.text).toBe('Customized: allow all users, block all apps');
	});

	it('names an unmodelled partner “External tenant <id>”', () => {
		const s = load(example1);
		expect(partnerName(s, EXTERNAL)).toBe(`External tenant ${EXTERNAL}`);
		expect(partnerName(s, NORTHWIND)).toBe('Northwind Traders');
	});
});

describe('pickers (M4)', () => {
	it('outbound picks the tenant’s own users and groups; inbound the partner’s', () => {
		const s = load(example1);
		const contoso = tenant(s, CONTOSO);
		const outbound = userOptions(targetOwners(s, contoso, FABRIKAM, 'outbound'));
		const inbound = userOptions(targetOwners(s, contoso, FABRIKAM, 'inbound'));
		expect(outbound.map((o) => o.label)).toContain('Sales');
		expect(inbound.map((o) => o.label)).toContain('Marketing');
		expect(userOptions(targetOwners(s, contoso, EXTERNAL, 'inbound'))).toEqual([]);
		expect(allowsTypedId('usersAndGroups', 'inbound')).toBe(true);
		expect(allowsTypedId('usersAndGroups', 'outbound')).toBe(false);
		expect(allowsTypedId('applications', 'outbound')).toBe(true);
	});

	it('applications offer the keywords and the Microsoft apps', () => {
		const s = load(example1);
		const options = appOptions(targetOwners(s, tenant(s, CONTOSO), FABRIKAM, 'inbound'));
		expect(options.slice(0, 2).map((o) => o.target)).toEqual(['Office365', 'AllMicrosoftApps']);
		expect(options.some((o) => o.label === 'Microsoft Teams')).toBe(true);
	});

	it('picking a target replaces the “all” keyword; removing leaves the rest', () => {
		const all = {
			accessType: 'allowed' as const,
			targets: [{ target: 'AllUsers', targetType: 'user' as const }]
		};
		expect(appliesToAll(all, 'usersAndGroups')).toBe(true);
		const picked = withTarget(all, { target: 'g1', targetType: 'group' });
		expect(picked.targets).toEqual([{ target: 'g1', targetType: 'group' }]);
		expect(withTarget(picked, { target: 'g1', targetType: 'group' })).toBe(picked);
		expect(withoutTarget(picked, 'g1').targets).toEqual([]);
		expect(all.targets).toHaveLength(1);
	});
});

describe('focus paths', () => {
	it('opens the section a path names', () => {
		expect(parseFocusPath(`partners[${FABRIKAM}].b2bDirectConnectInbound.usersAndGroups`)).toEqual({
			partnerTenantId: FABRIKAM,
			unknownPartner: false,
			direction: 'inbound',
			section: 'b2b'
		});
		expect(parseFocusPath('default.inboundTrust.isMfaAccepted')).toMatchObject({
			partnerTenantId: null,
			direction: 'inbound',
			section: 'trust'
		});
		expect(
			parseFocusPath('partners[…].automaticUserConsentSettings.outboundAllowed')
		).toMatchObject({
			unknownPartner: true,
			direction: 'outbound',
			section: 'trust'
		});
		expect(parseFocusPath('conditionalAccessPolicies[0]')).toBeNull();
	});

	it('highlights the closest enclosing element', () => {
		const paths = ['default.inboundTrust', 'default.inboundTrust.isMfaAccepted', 'partners'];
		expect(closestPath('default.inboundTrust.isMfaAccepted', paths)).toBe(
			'default.inboundTrust.isMfaAccepted'
		);
		expect(closestPath('default.inboundTrust', paths)).toBe('default.inboundTrust');
		expect(closestPath('partners[…].automaticUserConsentSettings.inboundAllowed', paths)).toBe(
			'partners'
		);
		expect(closestPath('default.b2bDirectConnectInbound', paths)).toBeUndefined();
	});
});
