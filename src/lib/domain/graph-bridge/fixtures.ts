/**
 * Test fixtures: response bodies as Microsoft Graph v1.0 returns them (shapes from the reference pages
 * of crossTenantAccessPolicyConfigurationDefault, crossTenantAccessPolicyConfigurationPartner and
 * conditionalAccessPolicy), with the awkward parts on purpose: `@odata.context`, `null` halves, `null`
 * trust booleans, `tenantRestrictions`, nested `@odata.type` and a property trustwalk does not know.
 * They are imported into Fabrikam of the scenario builder's two-tenant scenario.
 */
import { IDS } from '../test-fixtures/scenario-builder.ts';

/** A partner tenant that is not part of the scenario (an external organization). */
export const EXTERNAL_TENANT = 'e7a0d3c1-5b2f-4c6e-9a8d-1f2e3d4c5b6a';
export const MARKETING_GROUP = IDS.marketing;

const allowAllUsers = {
	accessType: 'allowed',
	targets: [{ target: 'AllUsers', targetType: 'user' }]
};
const blockAllUsers = {
	accessType: 'blocked',
	targets: [{ target: 'AllUsers', targetType: 'user' }]
};
const allowAllApps = {
	accessType: 'allowed',
	targets: [{ target: 'AllApplications', targetType: 'application' }]
};
const blockAllApps = {
	accessType: 'blocked',
	targets: [{ target: 'AllApplications', targetType: 'application' }]
};

const tenantRestrictions = {
	usersAndGroups: blockAllUsers,
	applications: blockAllApps,
	devices: null
};

/** GET /policies/crossTenantAccessPolicy/default */
export function defaultBody() {
	return {
		'@odata.context':
			'https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/default/$entity',
		isServiceDefault: false,
		inboundTrust: {
			isMfaAccepted: true,
			isCompliantDeviceAccepted: false,
			isHybridAzureADJoinedDeviceAccepted: false
		},
		automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
		b2bCollaborationInbound: { usersAndGroups: allowAllUsers, applications: allowAllApps },
		b2bCollaborationOutbound: { usersAndGroups: allowAllUsers, applications: allowAllApps },
		b2bDirectConnectOutbound: { usersAndGroups: blockAllUsers, applications: blockAllApps },
		b2bDirectConnectInbound: {
			usersAndGroups: allowAllUsers,
			applications: {
				accessType: 'allowed',
				targets: [{ target: 'Office365', targetType: 'application' }]
			}
		},
		tenantRestrictions,
		invitationRedemptionIdentityProviderConfiguration: {
			primaryIdentityProviderPrecedenceOrder: ['externalFederation', 'azureActiveDirectory'],
			fallbackIdentityProvider: 'defaultConfiguredIdp'
		}
	};
}

/** A partner as GET .../partners/{id} returns it; Contoso by default (a tenant of the scenario). */
export function partnerBody(tenantId: string = IDS.contoso) {
	return {
		tenantId,
		isServiceProvider: false,
		isInMultiTenantOrganization: false,
		// A set trust object whose booleans are null: each falls back to the default (R3).
		inboundTrust: {
			isMfaAccepted: true,
			isCompliantDeviceAccepted: null,
			isHybridAzureADJoinedDeviceAccepted: null
		},
		automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true },
		b2bCollaborationInbound: null,
		b2bCollaborationOutbound: null,
		// A half-filled setting: the applications half is null (R2).
		b2bDirectConnectInbound: {
			usersAndGroups: {
				accessType: 'allowed',
				targets: [{ target: MARKETING_GROUP, targetType: 'group' }]
			},
			applications: null
		},
		b2bDirectConnectOutbound: { usersAndGroups: allowAllUsers, applications: allowAllApps },
		tenantRestrictions: null,
		identitySynchronization: null,
		contosoPilotFlag: { wave: 2 }
	};
}

/** GET /policies/crossTenantAccessPolicy/partners/{id}, with its `@odata.context`. */
export function singlePartnerBody() {
	return {
		'@odata.context':
			'https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/partners/$entity',
		...partnerBody()
	};
}

/** GET /policies/crossTenantAccessPolicy/partners: Contoso and an external tenant. */
export function partnersBody() {
	return {
		'@odata.context':
			'https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/partners',
		value: [
			partnerBody(),
			{
				tenantId: EXTERNAL_TENANT,
				isServiceProvider: true,
				isInMultiTenantOrganization: false,
				inboundTrust: null,
				automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
				b2bCollaborationInbound: null,
				b2bCollaborationOutbound: null,
				b2bDirectConnectInbound: null,
				b2bDirectConnectOutbound: null,
				tenantRestrictions: {
					usersAndGroups: allowAllUsers,
					applications: allowAllApps,
					devices: {
						'@odata.type': '#microsoft.graph.devicesFilter',
						mode: 'allowed',
						rule: 'device.trustType -eq "ServerAD"'
					}
				},
				identitySynchronization: null
			}
		]
	};
}

export const CA_POLICY_ID = '7d1b1b0e-2a3c-4d5e-8f90-a1b2c3d4e5f6';

/** GET /identity/conditionalAccess/policies: one policy requiring MFA of direct connect users. */
export function conditionalAccessBody() {
	return {
		'@odata.context':
			'https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies',
		value: [
			{
				id: CA_POLICY_ID,
				templateId: null,
				displayName: 'Require MFA for direct connect users',
				createdDateTime: '2024-05-02T10:11:12.1234567Z',
				modifiedDateTime: null,
				state: 'enabled',
				sessionControls: null,
				conditions: {
					userRiskLevels: [],
					signInRiskLevels: [],
					clientAppTypes: ['all'],
					platforms: null,
					locations: {
						includeLocations: ['All'],
						excludeLocations: ['AllTrusted']
					},
					times: null,
					deviceStates: null,
					devices: null,
					clientApplications: null,
					applications: {
						includeApplications: ['Office365'],
						excludeApplications: [],
						includeUserActions: [],
						includeAuthenticationContextClassReferences: []
					},
					users: {
						includeUsers: [],
						excludeUsers: [],
						includeGroups: [],
						excludeGroups: [],
						includeRoles: [],
						excludeRoles: [],
						includeGuestsOrExternalUsers: {
							guestOrExternalUserTypes: 'b2bDirectConnectUser',
							externalTenants: {
								'@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants',
								membershipKind: 'enumerated',
								members: [IDS.fabrikam]
							}
						},
						excludeGuestsOrExternalUsers: null
					}
				},
				grantControls: {
					operator: 'OR',
					builtInControls: ['mfa'],
					customAuthenticationFactors: [],
					termsOfUse: [],
					authenticationStrength: null
				}
			}
		]
	};
}
