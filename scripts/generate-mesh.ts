/**
 * Deterministic bench scenarios: N tenants in a full mesh (every tenant has a partner entry for every
 * other), each with `usersPerTenant` users in five groups (three levels of nesting), a handful of
 * Conditional Access policies, and settings varied by tenant pair so that attempts end at every step:
 * granted (with and without consent prompts or a home MFA challenge), outbound, inbound and
 * Conditional Access. No randomness: the same arguments give the same scenario.
 */
import type {
	B2BSetting,
	ConditionalAccessPolicy,
	ConfigurationDefault,
	ConfigurationPartner,
	Group,
	Scenario,
	Tenant,
	User
} from '../src/lib/domain/schema.ts';

export interface MeshOptions {
	tenants: number;
	/** Default 50. */
	usersPerTenant?: number;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** A GUID-shaped ID, unique across the scenario: `kind` tells tenants, users, groups and policies apart. */
const guid = (tenant: number, kind: number, n: number) =>
	`${hex(tenant, 8)}-${hex(kind, 4)}-4000-8000-${hex(n, 12)}`;

export const meshTenantId = (i: number) => guid(i, 0, 0);
export const meshUserId = (i: number, j: number) => guid(i, 1, j);
export const meshGroupId = (i: number, g: number) => guid(i, 2, g);
export const meshDomain = (i: number) => `t${i}.example.com`;

/** The five groups; Platform sits in Engineering, which sits with Marketing in All staff. */
export const MESH_GROUPS = ['All staff', 'Engineering', 'Marketing', 'Platform', 'Contractors'];
const ALL_STAFF = 0;
const ENGINEERING = 1;
const MARKETING = 2;
const PLATFORM = 3;
const CONTRACTORS = 4;
/** The group user j joins directly, by `j % 5`: Platform users are in three groups transitively. */
const USER_GROUP = [PLATFORM, ENGINEERING, MARKETING, CONTRACTORS, ALL_STAFF];

const SHAREPOINT = '00000003-0000-0ff1-ce00-000000000000';

type Config = NonNullable<B2BSetting['usersAndGroups']>;

const allUsers = (accessType: 'allowed' | 'blocked'): Config => ({
	accessType,
	targets: [{ target: 'AllUsers', targetType: 'user' }]
});
const allApps = (accessType: 'allowed' | 'blocked'): Config => ({
	accessType,
	targets: [{ target: 'AllApplications', targetType: 'application' }]
});
const group = (accessType: 'allowed' | 'blocked', id: string): Config => ({
	accessType,
	targets: [{ target: id, targetType: 'group' }]
});
const everything = (accessType: 'allowed' | 'blocked'): B2BSetting => ({
	usersAndGroups: allUsers(accessType),
	applications: allApps(accessType)
});

function users(i: number, count: number): User[] {
	return Array.from({ length: count }, (_, j) => ({
		id: meshUserId(i, j),
		displayName: `User ${j} of Tenant ${i}`,
		userPrincipalName: `user${j}@${meshDomain(i)}`,
		...(j % 10 === 9 ? { smsSignIn: true } : {})
	}));
}

function groups(i: number, userCount: number): Group[] {
	const members: string[][] = MESH_GROUPS.map(() => []);
	members[ALL_STAFF]?.push(meshGroupId(i, ENGINEERING), meshGroupId(i, MARKETING));
	members[ENGINEERING]?.push(meshGroupId(i, PLATFORM));
	for (let j = 0; j < userCount; j++) members[USER_GROUP[j % 5] as number]?.push(meshUserId(i, j));
	return MESH_GROUPS.map((displayName, g) => ({
		id: meshGroupId(i, g),
		displayName,
		members: members[g] ?? []
	}));
}

/** Four kinds of default: the service default (nothing set), outbound only, open, explicitly closed. */
function defaults(i: number): ConfigurationDefault {
	const trust = { inboundTrust: { isMfaAccepted: i % 2 === 0 } };
	switch (i % 4) {
		case 0:
			return { isServiceDefault: true };
		case 1:
			return {
				b2bDirectConnectOutbound: everything('allowed'),
				b2bDirectConnectInbound: everything('blocked'),
				...trust
			};
		case 2:
			return {
				b2bDirectConnectOutbound: everything('allowed'),
				b2bDirectConnectInbound: everything('allowed'),
				...trust
			};
		default:
			return {
				b2bDirectConnectOutbound: everything('blocked'),
				b2bDirectConnectInbound: everything('blocked'),
				...trust
			};
	}
}

/** Tenant i's entry for tenant k; the style depends on the ordered pair, so i→k and k→i differ. */
function partner(i: number, k: number): ConfigurationPartner {
	const tenantId = meshTenantId(k);
	switch ((7 * i + 3 * k) % 6) {
		case 0: // open both ways, redeemed automatically
			return {
				tenantId,
				b2bDirectConnectInbound: everything('allowed'),
				b2bDirectConnectOutbound: everything('allowed'),
				automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true }
			};
		case 1: // in: k's Engineering (nested Platform too) for Office 365; out: our All staff
			return {
				tenantId,
				b2bDirectConnectInbound: {
					usersAndGroups: group('allowed', meshGroupId(k, ENGINEERING)),
					applications: {
						accessType: 'allowed',
						targets: [{ target: 'Office365', targetType: 'application' }]
					}
				},
				b2bDirectConnectOutbound: {
					usersAndGroups: group('allowed', meshGroupId(i, ALL_STAFF)),
					applications: allApps('allowed')
				},
				automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true }
			};
		case 2: // closed both ways
			return {
				tenantId,
				b2bDirectConnectInbound: everything('blocked'),
				b2bDirectConnectOutbound: everything('blocked')
			};
		case 3: // no direct connect settings: the default decides (R1); MFA from k is trusted
			return {
				tenantId,
				b2bDirectConnectInbound: null,
				b2bDirectConnectOutbound: null,
				inboundTrust: { isMfaAccepted: true, isCompliantDeviceAccepted: null }
			};
		case 4: // in: everyone, but not SharePoint; out: everyone but Contractors (both halves blocked, M3)
			return {
				tenantId,
				b2bDirectConnectInbound: {
					usersAndGroups: allUsers('allowed'),
					applications: {
						accessType: 'blocked',
						targets: [{ target: SHAREPOINT, targetType: 'application' }]
					}
				},
				b2bDirectConnectOutbound: {
					usersAndGroups: group('blocked', meshGroupId(i, CONTRACTORS)),
					applications: allApps('blocked')
				},
				automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: null }
			};
		default: // half-filled: k's Marketing in, applications from the default (A1); out from the default
			return {
				tenantId,
				b2bDirectConnectInbound: {
					usersAndGroups: group('allowed', meshGroupId(k, MARKETING)),
					applications: null
				},
				automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true }
			};
	}
}

const directConnectUsers = (membershipKind: 'all' | 'enumerated', members?: string[]) => ({
	includeGuestsOrExternalUsers: {
		guestOrExternalUserTypes: 'b2bDirectConnectUser',
		externalTenants: members ? { membershipKind, members } : { membershipKind }
	}
});

function policies(i: number, n: number): ConditionalAccessPolicy[] {
	const id = (p: number) => guid(i, 3, p);
	const out: ConditionalAccessPolicy[] = [
		{
			id: id(0),
			displayName: 'Require compliant device (report-only)',
			state: 'enabledForReportingButNotEnforced',
			conditions: {
				users: { includeUsers: ['All'] },
				applications: { includeApplications: ['All'] }
			},
			grantControls: { operator: 'OR', builtInControls: ['compliantDevice'] }
		},
		{
			id: id(1),
			displayName: 'Block external users (disabled)',
			state: 'disabled',
			conditions: {
				users: { includeUsers: ['GuestsOrExternalUsers'] },
				applications: { includeApplications: ['All'] }
			},
			grantControls: { operator: 'OR', builtInControls: ['block'] }
		}
	];
	if (i % 3 === 0)
		out.push({
			id: id(2),
			displayName: 'Require MFA for direct connect users',
			state: 'enabled',
			conditions: {
				users: directConnectUsers('all'),
				applications: { includeApplications: ['Office365'] }
			},
			grantControls: { operator: 'OR', builtInControls: ['mfa'] }
		});
	if (i % 5 === 1 && n > 2)
		out.push({
			id: id(3),
			displayName: 'Block direct connect from two tenants',
			state: 'enabled',
			conditions: {
				users: directConnectUsers('enumerated', [
					meshTenantId((i + 1) % n),
					meshTenantId((i + 2) % n)
				]),
				applications: { includeApplications: ['All'] }
			},
			grantControls: { operator: 'OR', builtInControls: ['block'] }
		});
	return out;
}

function tenant(i: number, n: number, userCount: number): Tenant {
	const partners: ConfigurationPartner[] = [];
	for (let k = 0; k < n; k++) if (k !== i) partners.push(partner(i, k));
	return {
		tenantId: meshTenantId(i),
		displayName: `Tenant ${i}`,
		domain: meshDomain(i),
		license: i % 7 === 0 ? 'p2' : 'p1',
		users: users(i, userCount),
		groups: groups(i, userCount),
		applications: [{ appId: guid(i, 4, 0), displayName: `Tenant ${i} Expenses` }],
		crossTenantAccessPolicy: { default: defaults(i), partners },
		conditionalAccessPolicies: policies(i, n)
	};
}

/** A full-mesh scenario of `tenants` tenants; it parses with `parseScenario`. */
export function generateMesh({ tenants: n, usersPerTenant = 50 }: MeshOptions): Scenario {
	const columns = Math.ceil(Math.sqrt(n));
	return {
		format: 'trustwalk/scenario',
		version: 1,
		name: `Full mesh of ${n} tenants`,
		description: `Generated for benchmarks: ${n} tenants, ${usersPerTenant} users each, every tenant a partner of every other.`,
		tenants: Array.from({ length: n }, (_, i) => tenant(i, n, usersPerTenant)),
		layout: Object.fromEntries(
			Array.from({ length: n }, (_, i) => [
				meshTenantId(i),
				{ x: (i % columns) * 300, y: Math.floor(i / columns) * 200 }
			])
		)
	};
}
