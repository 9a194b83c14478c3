/** New scenarios and tenants, with the settings a brand-new Entra tenant has (D1-D5). */
import type { ConfigurationDefault, Scenario, Tenant } from './schema.ts';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from './schema.ts';

/** A random GUID; tenants, users and groups get one when created in the playground. */
export function newGuid(): string {
	return crypto.randomUUID();
}

const blockAll = () => ({
	usersAndGroups: {
		accessType: 'blocked' as const,
		targets: [{ target: 'AllUsers', targetType: 'user' as const }]
	},
	applications: {
		accessType: 'blocked' as const,
		targets: [{ target: 'AllApplications', targetType: 'application' as const }]
	}
});

const allowAll = () => ({
	usersAndGroups: {
		accessType: 'allowed' as const,
		targets: [{ target: 'AllUsers', targetType: 'user' as const }]
	},
	applications: {
		accessType: 'allowed' as const,
		targets: [{ target: 'AllApplications', targetType: 'application' as const }]
	}
});

/** D1-D4: direct connect blocked both ways, no trust, no auto-redemption, B2B collaboration open. */
export function serviceDefault(): ConfigurationDefault {
	return {
		isServiceDefault: true,
		b2bDirectConnectInbound: blockAll(),
		b2bDirectConnectOutbound: blockAll(),
		b2bCollaborationInbound: allowAll(),
		b2bCollaborationOutbound: allowAll(),
		inboundTrust: {
			isMfaAccepted: false,
			isCompliantDeviceAccepted: false,
			isHybridAzureADJoinedDeviceAccepted: false
		},
		automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false }
	};
}

/** A tenant as Entra creates it: default settings only (D5: no partners), licence P1. */
export function newTenant(displayName: string, domain: string, tenantId = newGuid()): Tenant {
	return {
		tenantId,
		displayName,
		domain,
		cloud: 'global',
		license: 'p1',
		users: [],
		groups: [],
		applications: [],
		crossTenantAccessPolicy: { default: serviceDefault(), partners: [] },
		conditionalAccessPolicies: []
	};
}

export function emptyScenario(name: string): Scenario {
	return { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, name, tenants: [], attempts: [] };
}
