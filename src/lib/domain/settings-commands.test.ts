import { describe, expect, it } from 'vitest';
import { frozen } from './test-fixtures/frozen.ts';
import { auditChanges, AUDIT_ACTIVITIES, isServiceDefaultConfiguration } from './audit.ts';
import { resolveDirectConnect, resolveTrust } from './engine/resolve.ts';
import { serviceDefault } from './factory.ts';
import { parseScenario } from './parse.ts';
import type { ConfigurationPartner, Scenario, TargetConfiguration, Tenant } from './schema.ts';
import {
	addOrganization,
	checkNewPartner,
	inheritProperty,
	removePartner,
	resetDefault,
	setDefaultTrust,
	setDirectConnectWhole,
	setPartnerAutoRedemption,
	setPartnerTrust
} from './settings-commands.ts';
import { validateScenario } from './validate.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example3 from '../examples/example-3-mfa-trust-and-auto-redemption.json';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';
const EXTERNAL = '9a0e4b7c-1d2e-4f30-8a4b-5c6d7e8f9a0b';
const MARKETING = 'fcd7839f-e457-4155-9cc5-aa28fc98faf7';

/** Example 1 with unknown Graph properties on Contoso's partner entry for Fabrikam and its default. */
function load(json: unknown = example1): Scenario {
	const doc = structuredClone(json) as Scenario;
	const contoso = doc.tenants.find((t) => t.tenantId === CONTOSO);
	const partner = contoso?.crossTenantAccessPolicy.partners[0];
	if (partner) {
		Object.assign(partner, {
			tenantRestrictions: { usersAndGroups: null },
			b2bCollaborationInbound: null
		});
		Object.assign(partner.b2bDirectConnectInbound ?? {}, { '@odata.type': 'keep-me' });
	}
	const parsed = parseScenario(doc);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return frozen(parsed.scenario);
}

function tenant(s: Scenario, id: string): Tenant {
	const t = s.tenants.find((x) => x.tenantId === id);
	if (!t) throw new Error(id);
	return t;
}

function partnerOf(s: Scenario, id: string, partnerId: string): ConfigurationPartner | undefined {
	return tenant(s, id).crossTenantAccessPolicy.partners.find((p) => p.tenantId === partnerId);
}

const unknownKept = { tenantRestrictions: { usersAndGroups: null }, b2bCollaborationInbound: null };

const allowMarketing: TargetConfiguration = {
	accessType: 'allowed',
	targets: [{ target: MARKETING, targetType: 'group' }]
};
const allowOffice: TargetConfiguration = {
	accessType: 'allowed',
	targets: [{ target: 'Office365', targetType: 'application' }]
};

describe('settings commands', () => {
	it('R1: inheritProperty writes null for that property only and keeps unknown properties', () => {
		const s = load();
		const next = inheritProperty(s, CONTOSO, FABRIKAM, 'b2bDirectConnectInbound');
		const partner = partnerOf(next, CONTOSO, FABRIKAM);
		expect(partner).toMatchObject({ ...unknownKept, b2bDirectConnectInbound: null });
		expect(partner?.b2bDirectConnectOutbound).toEqual(
			partnerOf(s, CONTOSO, FABRIKAM)?.b2bDirectConnectOutbound
		);
		expect(
			resolveDirectConnect(tenant(next, CONTOSO), partner, 'b2bDirectConnectInbound')
		).toMatchObject({
			usersAndGroups: { source: 'default' }
		});
		expect(partnerOf(s, CONTOSO, FABRIKAM)?.b2bDirectConnectInbound).not.toBeNull();
	});

	it('R1: inheriting on a tenant without that partner entry changes nothing', () => {
		const s = load();
		expect(inheritProperty(s, CONTOSO, NORTHWIND, 'inboundTrust')).toBe(s);
	});

	it('setDirectConnectWhole writes both halves and keeps the setting’s unknown properties', () => {
		const s = load();
		const next = setDirectConnectWhole(s, {
			tenantId: CONTOSO,
			partnerTenantId: FABRIKAM,
			direction: 'inbound',
			usersAndGroups: allowMarketing,
			applications: allowOffice
		});
		expect(partnerOf(next, CONTOSO, FABRIKAM)).toMatchObject({
			...unknownKept,
			b2bDirectConnectInbound: {
				'@odata.type': 'keep-me',
				usersAndGroups: allowMarketing,
				applications: allowOffice
			}
		});
		expect(parseScenario(next).ok).toBe(true);
	});

	it('R1: setDirectConnectWhole on a null (inherited) property writes a whole object', () => {
		const s = addOrganization(load(), FABRIKAM, NORTHWIND);
		const next = setDirectConnectWhole(s, {
			tenantId: FABRIKAM,
			partnerTenantId: NORTHWIND,
			direction: 'outbound',
			usersAndGroups: allowMarketing,
			applications: allowOffice
		});
		const partner = partnerOf(next, FABRIKAM, NORTHWIND);
		expect(partner?.b2bDirectConnectOutbound).toEqual({
			usersAndGroups: allowMarketing,
			applications: allowOffice
		});
		expect(partner?.b2bDirectConnectInbound).toBeNull();
	});

	it('setDirectConnectWhole writes the default when partnerTenantId is null', () => {
		const s = load();
		const next = setDirectConnectWhole(s, {
			tenantId: NORTHWIND,
			partnerTenantId: null,
			direction: 'inbound',
			usersAndGroups: {
				accessType: 'allowed',
				targets: [{ target: 'AllUsers', targetType: 'user' }]
			},
			applications: allowOffice
		});
		const def = tenant(next, NORTHWIND).crossTenantAccessPolicy.default;
		expect(def.b2bDirectConnectInbound?.applications).toEqual(allowOffice);
		expect(def.b2bDirectConnectOutbound).toEqual(
			tenant(s, NORTHWIND).crossTenantAccessPolicy.default.b2bDirectConnectOutbound
		);
		expect(validateScenario(next).filter((i) => i.tenantId === NORTHWIND)).toEqual([]);
	});

	it('R1/R3: setPartnerTrust writes a trust object or null', () => {
		const s = load(example3);
		const trust = {
			isMfaAccepted: false,
			isCompliantDeviceAccepted: true,
			isHybridAzureADJoinedDeviceAccepted: null
		};
		const next = setPartnerTrust(s, CONTOSO, FABRIKAM, trust);
		const partner = partnerOf(next, CONTOSO, FABRIKAM);
		expect(partner?.inboundTrust).toEqual(trust);
		// A2: the null boolean inherits from the default.
		expect(resolveTrust(tenant(next, CONTOSO), partner).assumptions).toEqual(['A2']);
		const inherited = setPartnerTrust(next, CONTOSO, FABRIKAM, null);
		expect(partnerOf(inherited, CONTOSO, FABRIKAM)?.inboundTrust).toBeNull();
		expect(partnerOf(s, CONTOSO, FABRIKAM)?.inboundTrust).toMatchObject({ isMfaAccepted: true });
	});

	it('D2: setDefaultTrust writes the default trust booleans', () => {
		const s = load();
		const next = setDefaultTrust(s, CONTOSO, {
			isMfaAccepted: true,
			isCompliantDeviceAccepted: false,
			isHybridAzureADJoinedDeviceAccepted: false
		});
		expect(tenant(next, CONTOSO).crossTenantAccessPolicy.default.inboundTrust).toEqual({
			isMfaAccepted: true,
			isCompliantDeviceAccepted: false,
			isHybridAzureADJoinedDeviceAccepted: false
		});
		expect(partnerOf(next, CONTOSO, FABRIKAM)).toBe(partnerOf(s, CONTOSO, FABRIKAM));
	});

	it('R4: setPartnerAutoRedemption sets the flags given and keeps the other', () => {
		const s = load();
		const next = setPartnerAutoRedemption(s, CONTOSO, FABRIKAM, { outboundAllowed: true });
		expect(partnerOf(next, CONTOSO, FABRIKAM)).toMatchObject({
			...unknownKept,
			automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: true }
		});
	});

	it('removePartner deletes the entry; the audit log calls it a deletion', () => {
		const s = load();
		const next = removePartner(s, CONTOSO, FABRIKAM);
		expect(tenant(next, CONTOSO).crossTenantAccessPolicy.partners).toEqual([]);
		expect(tenant(next, FABRIKAM)).toBe(tenant(s, FABRIKAM));
		expect(removePartner(next, CONTOSO, FABRIKAM)).toBe(next);
		const [record] = auditChanges(s, next, '2024-01-01T00:00:00Z');
		expect(record?.activityDisplayName).toBe(AUDIT_ACTIVITIES.deletePartner);
	});

	it('D1-D4: resetDefault writes the service default and keeps the partners', () => {
		const changed = setDefaultTrust(load(), CONTOSO, { isMfaAccepted: true });
		const next = resetDefault(changed, CONTOSO);
		const policy = tenant(next, CONTOSO).crossTenantAccessPolicy;
		expect(policy.default).toEqual(serviceDefault());
		expect(isServiceDefaultConfiguration(policy.default)).toBe(true);
		expect(policy.partners).toBe(tenant(changed, CONTOSO).crossTenantAccessPolicy.partners);
		const [record] = auditChanges(changed, next, '2024-01-01T00:00:00Z');
		expect(record?.activityDisplayName).toBe(AUDIT_ACTIVITIES.resetDefault);
	});

	it('D5/R1: addOrganization adds a modelled tenant by domain, inheriting everything', () => {
		const s = load();
		const next = addOrganization(s, FABRIKAM, 'NorthWind.com');
		expect(partnerOf(next, FABRIKAM, NORTHWIND)).toMatchObject({
			b2bDirectConnectInbound: null,
			b2bDirectConnectOutbound: null,
			inboundTrust: null
		});
		const [record] = auditChanges(s, next, '2024-01-01T00:00:00Z');
		expect(record?.activityDisplayName).toBe(AUDIT_ACTIVITIES.addPartner);
	});

	it('addOrganization takes any GUID as an external tenant that is not modelled', () => {
		const s = load();
		const check = checkNewPartner(s, tenant(s, FABRIKAM), ` ${EXTERNAL.toUpperCase()} `);
		expect(check).toEqual({ ok: true, partnerTenantId: EXTERNAL, modelled: false });
		const next = addOrganization(s, FABRIKAM, EXTERNAL);
		expect(partnerOf(next, FABRIKAM, EXTERNAL)).toBeDefined();
	});

	it('checkNewPartner refuses the tenant itself, duplicates, unknown domains and empty input', () => {
		const s = load();
		const fabrikam = tenant(s, FABRIKAM);
		const refusal = (ref: string) => {
			const check = checkNewPartner(s, fabrikam, ref);
			return check.ok ? '' : check.message;
		};
		expect(refusal('fabrikam.com')).toContain('its own partner');
		expect(refusal(FABRIKAM)).toContain('its own partner');
		expect(refusal(CONTOSO)).toBe('Contoso is already in the list of organizations.');
		expect(refusal('woodgrove.com')).toContain('tenant ID');
		expect(refusal('  ')).toContain('Enter');
		expect(addOrganization(s, FABRIKAM, CONTOSO)).toBe(s);
	});

	it('commands on an unknown tenant return the scenario unchanged', () => {
		const s = load();
		expect(resetDefault(s, EXTERNAL)).toBe(s);
		expect(setDefaultTrust(s, EXTERNAL, {})).toBe(s);
		expect(addOrganization(s, EXTERNAL, CONTOSO)).toBe(s);
	});
});
