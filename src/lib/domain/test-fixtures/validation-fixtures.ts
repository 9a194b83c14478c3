/**
 * A small two-tenant scenario for the validation tests: Contoso and Fabrikam, both P1, defaults as a
 * new tenant has them (D1-D3), and a partner entry on each side that opens direct connect for all
 * users and all applications. Tests change what they need through the returned references.
 */
import type {
	B2BSetting,
	ConfigurationPartner,
	PolicyTarget,
	Scenario,
	TargetConfiguration,
	Tenant
} from '../schema.ts';

export const CONTOSO_ID = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
export const FABRIKAM_ID = '201d4218-76fe-43f8-8068-c427b8ca391a';
export const UNMODELLED_ID = '9a0b7e55-0000-4000-8000-00000000beef';

export const ADELE = 'a8f6363b-0387-487b-b2a0-7fb808fd6c7c';
/** Megan signs in with SMS and is in Sales. */
export const MEGAN = '542ea570-2260-4a1c-98fe-7da4a0aa9e5d';
export const SALES = 'd5b1cd2d-0b0c-44fd-adc4-f8523110bc75';
export const CONTOSO_APP = '3d3f8f7e-1c1a-4d42-9a71-3c0e1ad0c0aa';
export const ALEX = 'e065ac0a-80ea-4e6a-aa20-586ba1485463';
export const MARKETING = 'fcd7839f-e457-4155-9cc5-aa28fc98faf7';
export const FABRIKAM_APP = '7b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8';
export const TEAMS = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
export const UNKNOWN_ID = '00000000-dead-4bee-8f00-000000000000';

export const allUsers: PolicyTarget = { target: 'AllUsers', targetType: 'user' };
export const allApps: PolicyTarget = { target: 'AllApplications', targetType: 'application' };
export const user = (id: string): PolicyTarget => ({ target: id, targetType: 'user' });
export const group = (id: string): PolicyTarget => ({ target: id, targetType: 'group' });
export const app = (id: string): PolicyTarget => ({ target: id, targetType: 'application' });

export function allowed(...targets: PolicyTarget[]): TargetConfiguration {
	return { accessType: 'allowed', targets };
}
export function blocked(...targets: PolicyTarget[]): TargetConfiguration {
	return { accessType: 'blocked', targets };
}
export function setting(
	usersAndGroups: TargetConfiguration | null,
	applications: TargetConfiguration | null
): B2BSetting {
	return { usersAndGroups, applications };
}
const closed = (): B2BSetting => setting(blocked(allUsers), blocked(allApps));
const open = (): B2BSetting => setting(allowed(allUsers), allowed(allApps));

function tenant(id: string, name: string, domain: string, partnerId: string): Tenant {
	return {
		tenantId: id,
		displayName: name,
		domain,
		license: 'p1',
		users: [],
		groups: [],
		applications: [],
		crossTenantAccessPolicy: {
			default: {
				b2bDirectConnectInbound: closed(),
				b2bDirectConnectOutbound: closed(),
				inboundTrust: {
					isMfaAccepted: false,
					isCompliantDeviceAccepted: false,
					isHybridAzureADJoinedDeviceAccepted: false
				},
				automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false }
			},
			partners: [
				{
					tenantId: partnerId,
					inboundTrust: null,
					automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
					b2bDirectConnectInbound: open(),
					b2bDirectConnectOutbound: open()
				}
			]
		},
		conditionalAccessPolicies: []
	};
}

export interface Fixture {
	scenario: Scenario;
	contoso: Tenant;
	fabrikam: Tenant;
	/** Contoso's partner entry for Fabrikam (`tenants[0].crossTenantAccessPolicy.partners[0]`). */
	contosoForFabrikam: ConfigurationPartner;
	fabrikamForContoso: ConfigurationPartner;
}

export function twoTenantScenario(): Fixture {
	const contoso = tenant(CONTOSO_ID, 'Contoso', 'contoso.com', FABRIKAM_ID);
	contoso.users.push(
		{ id: ADELE, displayName: 'Adele Vance', userPrincipalName: 'adele@contoso.com' },
		{
			id: MEGAN,
			displayName: 'Megan Bowen',
			userPrincipalName: 'megan@contoso.com',
			smsSignIn: true
		}
	);
	contoso.groups.push({ id: SALES, displayName: 'Sales', members: [MEGAN] });
	contoso.applications.push({ appId: CONTOSO_APP, displayName: 'Contoso Expenses' });
	const fabrikam = tenant(FABRIKAM_ID, 'Fabrikam', 'fabrikam.com', CONTOSO_ID);
	fabrikam.users.push({
		id: ALEX,
		displayName: 'Alex Wilber',
		userPrincipalName: 'alex@fabrikam.com'
	});
	fabrikam.groups.push({ id: MARKETING, displayName: 'Marketing', members: [ALEX] });
	fabrikam.applications.push({ appId: FABRIKAM_APP, displayName: 'Fabrikam Portal' });
	const scenario: Scenario = {
		format: 'trustwalk/scenario',
		version: 1,
		name: 'Validation fixture',
		tenants: [contoso, fabrikam]
	};
	const [contosoForFabrikam] = contoso.crossTenantAccessPolicy.partners;
	const [fabrikamForContoso] = fabrikam.crossTenantAccessPolicy.partners;
	if (!contosoForFabrikam || !fabrikamForContoso) throw new Error('fixture without partners');
	return { scenario, contoso, fabrikam, contosoForFabrikam, fabrikamForContoso };
}
