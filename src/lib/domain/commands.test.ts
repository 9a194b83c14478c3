import { describe, expect, it } from 'vitest';
import { loadFrozen } from './test-fixtures/frozen.ts';
import {
	addPartner,
	excludeDirectConnectUsers,
	setAutoRedemption,
	setDirectConnect,
	setTrust
} from './commands.ts';
import { resolveDirectConnect } from './engine/resolve.ts';
import { parseScenario } from './parse.ts';
import type { Scenario, Tenant } from './schema.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example3 from '../examples/example-3-mfa-trust-and-auto-redemption.json';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';

function tenant(s: Scenario, id: string): Tenant {
	const t = s.tenants.find((x) => x.tenantId === id);
	if (!t) throw new Error(id);
	return t;
}

const marketing = { target: 'fcd7839f-e457-4155-9cc5-aa28fc98faf7', targetType: 'group' as const };

describe('scenario commands', () => {
	it('R1: customizing an inherited tab writes the whole setting, keeping the other half as it resolved', () => {
		const s = loadFrozen(example1);
		const next = setDirectConnect(s, {
			tenantId: CONTOSO,
			partnerTenantId: NORTHWIND,
			direction: 'inbound',
			usersAndGroups: {
				accessType: 'allowed',
				targets: [{ target: 'AllUsers', targetType: 'user' }]
			}
		});
		const partner = tenant(next, CONTOSO).crossTenantAccessPolicy.partners.find(
			(p) => p.tenantId === NORTHWIND
		);
		expect(partner?.b2bDirectConnectInbound).toEqual({
			usersAndGroups: {
				accessType: 'allowed',
				targets: [{ target: 'AllUsers', targetType: 'user' }]
			},
			applications: {
				accessType: 'blocked',
				targets: [{ target: 'AllApplications', targetType: 'application' }]
			}
		});
		// A new partner entry inherits the tabs it did not customize.
		expect(partner?.b2bDirectConnectOutbound).toBeNull();
		expect(partner?.inboundTrust).toBeNull();
		expect(parseScenario(next).ok).toBe(true);
	});

	it('R1: writing the default changes only the default', () => {
		const s = loadFrozen(example1);
		const next = setDirectConnect(s, {
			tenantId: NORTHWIND,
			partnerTenantId: null,
			direction: 'outbound',
			usersAndGroups: { accessType: 'allowed', targets: [marketing] }
		});
		const northwind = tenant(next, NORTHWIND);
		expect(
			northwind.crossTenantAccessPolicy.default.b2bDirectConnectOutbound?.usersAndGroups?.targets
		).toEqual([marketing]);
		expect(northwind.crossTenantAccessPolicy.partners).toEqual([]);
		expect(
			resolveDirectConnect(northwind, undefined, 'b2bDirectConnectOutbound').usersAndGroups.source
		).toBe('default');
	});

	it('commands never mutate their input and keep unknown Graph properties', () => {
		const withExtra = structuredClone(example1) as unknown as Scenario;
		const partner = withExtra.tenants[0]?.crossTenantAccessPolicy.partners[0];
		if (partner)
			Object.assign(partner, {
				tenantRestrictions: { usersAndGroups: null },
				b2bCollaborationInbound: null
			});
		const s = loadFrozen(withExtra);
		const next = setTrust(
			setAutoRedemption(s, {
				tenantId: CONTOSO,
				partnerTenantId: FABRIKAM,
				flag: 'inboundAllowed',
				value: true
			}),
			{
				tenantId: CONTOSO,
				partnerTenantId: FABRIKAM,
				flag: 'isCompliantDeviceAccepted',
				value: true
			}
		);
		const changed = tenant(next, CONTOSO).crossTenantAccessPolicy.partners[0];
		expect(changed).toMatchObject({
			tenantRestrictions: { usersAndGroups: null },
			b2bCollaborationInbound: null,
			automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: null },
			// R3: the trust object is written whole, with the other flags as they resolved before.
			inboundTrust: {
				isMfaAccepted: false,
				isCompliantDeviceAccepted: true,
				isHybridAzureADJoinedDeviceAccepted: false
			}
		});
		expect(s.tenants[0]?.crossTenantAccessPolicy.partners[0]?.inboundTrust).toBeNull();
	});

	it('addPartner adds an entry that inherits everything, once', () => {
		const s = loadFrozen(example1);
		const once = addPartner(s, NORTHWIND, CONTOSO);
		const twice = addPartner(once, NORTHWIND, CONTOSO);
		expect(tenant(twice, NORTHWIND).crossTenantAccessPolicy.partners).toEqual([
			{
				tenantId: CONTOSO,
				inboundTrust: null,
				automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
				b2bDirectConnectInbound: null,
				b2bDirectConnectOutbound: null
			}
		]);
	});

	it('S3: excluding direct connect users keeps what the policy already excluded', () => {
		const s = loadFrozen(example3);
		const policyId = tenant(s, CONTOSO).conditionalAccessPolicies?.[0]?.id ?? '';
		const once = excludeDirectConnectUsers(s, {
			tenantId: CONTOSO,
			policyId,
			homeTenantId: FABRIKAM
		});
		const twice = excludeDirectConnectUsers(once, {
			tenantId: CONTOSO,
			policyId,
			homeTenantId: NORTHWIND
		});
		expect(
			tenant(twice, CONTOSO).conditionalAccessPolicies?.[0]?.conditions.users
				?.excludeGuestsOrExternalUsers
		).toMatchObject({
			guestOrExternalUserTypes: 'b2bDirectConnectUser',
			externalTenants: { membershipKind: 'enumerated', members: [FABRIKAM, NORTHWIND] }
		});
	});
});
