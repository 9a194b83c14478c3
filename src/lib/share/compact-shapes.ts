/**
 * The tables behind link version 1's compact scenario encoding (see `compact.ts`): the shape of every
 * object of the scenario format as an ordered list of slots, the frequent strings, and the frequent
 * whole objects. They are frozen: changing any entry changes what old links decode to, so a change
 * here needs a new link version (the next marker: `3.`) with these tables kept for `1.` and `2.`.
 */

/**
 * How one property is written.
 * - `str`: a string; frequent strings become their dictionary number, and a string that names a tenant,
 *   domain, user, group or app of the scenario becomes a reference (a negative number).
 * - `def`: a string that defines such a name (tenant ID, domain, object ID, app ID): never a reference.
 * - `upn`: a user's userPrincipalName, written without `@domain` when it ends with its tenant's domain.
 * - `bool`, `num`: as they are.
 * - `strs`: a list of `str`; `obj:<shape>` one object; `objs:<shape>` a list of them;
 *   `record:<shape>` a record written as a list of entries, the record's key in the entry's `key` slot.
 */
export type SlotKind =
	| 'str'
	| 'def'
	| 'upn'
	| 'bool'
	| 'num'
	| 'strs'
	| `obj:${ShapeName}`
	| `objs:${ShapeName}`
	| `record:${ShapeName}`;

export interface Shape {
	/** Property names in the order they are written; the most often present first. */
	slots: readonly (readonly [key: string, kind: SlotKind])[];
	/** Whole objects written as one number (1 = the first). Matched regardless of key order. */
	macros?: readonly object[];
}

const targets = (accessType: 'allowed' | 'blocked', target: string, targetType: string) => ({
	accessType,
	targets: [{ target, targetType }]
});
const allUsers = (a: 'allowed' | 'blocked') => targets(a, 'AllUsers', 'user');
const allApps = (a: 'allowed' | 'blocked') => targets(a, 'AllApplications', 'application');
const trust = (mfa: boolean | null, device: boolean | null, hybrid: boolean | null) => ({
	isMfaAccepted: mfa,
	isCompliantDeviceAccepted: device,
	isHybridAzureADJoinedDeviceAccepted: hybrid
});

const configurationSlots: Shape['slots'] = [
	['b2bDirectConnectInbound', 'obj:b2b'],
	['b2bDirectConnectOutbound', 'obj:b2b'],
	['inboundTrust', 'obj:trust'],
	['automaticUserConsentSettings', 'obj:consent']
];

export type ShapeName =
	| 'scenario'
	| 'options'
	| 'tenant'
	| 'user'
	| 'group'
	| 'application'
	| 'policy'
	| 'default'
	| 'partner'
	| 'b2b'
	| 'targetConfiguration'
	| 'target'
	| 'trust'
	| 'consent'
	| 'ca'
	| 'caConditions'
	| 'caUsers'
	| 'guests'
	| 'externalTenants'
	| 'caApplications'
	| 'grant'
	| 'empty'
	| 'attempt'
	| 'session'
	| 'answers'
	| 'expect'
	| 'layoutEntry';

export const SHAPES: Readonly<Record<ShapeName, Shape>> = {
	scenario: {
		slots: [
			['format', 'str'],
			['version', 'num'],
			['name', 'str'],
			['tenants', 'objs:tenant'],
			['attempts', 'objs:attempt'],
			['description', 'str'],
			['options', 'obj:options'],
			['layout', 'record:layoutEntry']
		]
	},
	options: {
		slots: [
			['groupMembership', 'str'],
			['mfaTrustedButNotPerformed', 'str']
		]
	},
	tenant: {
		slots: [
			['tenantId', 'def'],
			['displayName', 'str'],
			['domain', 'def'],
			['license', 'str'],
			['users', 'objs:user'],
			['groups', 'objs:group'],
			['applications', 'objs:application'],
			['crossTenantAccessPolicy', 'obj:policy'],
			['conditionalAccessPolicies', 'objs:ca'],
			['cloud', 'str']
		]
	},
	user: {
		slots: [
			['id', 'def'],
			['displayName', 'str'],
			['userPrincipalName', 'upn'],
			['smsSignIn', 'bool']
		]
	},
	group: {
		slots: [
			['id', 'def'],
			['displayName', 'str'],
			['members', 'strs']
		]
	},
	application: {
		slots: [
			['appId', 'def'],
			['displayName', 'str']
		]
	},
	policy: {
		slots: [
			['default', 'obj:default'],
			['partners', 'objs:partner']
		]
	},
	default: {
		slots: [...configurationSlots, ['isServiceDefault', 'bool']]
	},
	partner: {
		slots: [
			['tenantId', 'str'],
			...configurationSlots,
			['isServiceProvider', 'bool'],
			['isInMultiTenantOrganization', 'bool']
		]
	},
	b2b: {
		slots: [
			['usersAndGroups', 'obj:targetConfiguration'],
			['applications', 'obj:targetConfiguration']
		],
		macros: [
			{ usersAndGroups: allUsers('allowed'), applications: allApps('allowed') },
			{ usersAndGroups: allUsers('blocked'), applications: allApps('blocked') }
		]
	},
	targetConfiguration: {
		slots: [
			['accessType', 'str'],
			['targets', 'objs:target']
		],
		macros: [
			allUsers('allowed'),
			allUsers('blocked'),
			allApps('allowed'),
			allApps('blocked'),
			targets('allowed', 'Office365', 'application'),
			targets('blocked', 'Office365', 'application')
		]
	},
	target: {
		slots: [
			['target', 'str'],
			['targetType', 'str']
		]
	},
	trust: {
		slots: [
			['isMfaAccepted', 'bool'],
			['isCompliantDeviceAccepted', 'bool'],
			['isHybridAzureADJoinedDeviceAccepted', 'bool']
		],
		macros: [trust(false, false, false), trust(true, false, false), trust(true, true, true)]
	},
	consent: {
		slots: [
			['inboundAllowed', 'bool'],
			['outboundAllowed', 'bool']
		],
		macros: [
			{ inboundAllowed: true, outboundAllowed: true },
			{ inboundAllowed: null, outboundAllowed: null },
			{ inboundAllowed: false, outboundAllowed: false }
		]
	},
	ca: {
		slots: [
			['id', 'str'],
			['displayName', 'str'],
			['state', 'str'],
			['conditions', 'obj:caConditions'],
			['grantControls', 'obj:grant'],
			['sessionControls', 'obj:empty']
		]
	},
	caConditions: {
		slots: [
			['users', 'obj:caUsers'],
			['applications', 'obj:caApplications']
		],
		macros: [
			{ users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
			{
				users: { includeUsers: ['GuestsOrExternalUsers'] },
				applications: { includeApplications: ['All'] }
			}
		]
	},
	caUsers: {
		slots: [
			['includeUsers', 'strs'],
			['includeGuestsOrExternalUsers', 'obj:guests'],
			['excludeUsers', 'strs'],
			['includeGroups', 'strs'],
			['excludeGroups', 'strs'],
			['excludeGuestsOrExternalUsers', 'obj:guests'],
			['includeRoles', 'strs'],
			['excludeRoles', 'strs']
		]
	},
	guests: {
		slots: [
			['guestOrExternalUserTypes', 'str'],
			['externalTenants', 'obj:externalTenants']
		],
		macros: [
			{
				guestOrExternalUserTypes: 'b2bDirectConnectUser',
				externalTenants: { membershipKind: 'all' }
			}
		]
	},
	externalTenants: {
		slots: [
			['membershipKind', 'str'],
			['members', 'strs'],
			['@odata.type', 'str']
		]
	},
	caApplications: {
		slots: [
			['includeApplications', 'strs'],
			['excludeApplications', 'strs']
		]
	},
	grant: {
		slots: [
			['operator', 'str'],
			['builtInControls', 'strs'],
			['customAuthenticationFactors', 'strs'],
			['termsOfUse', 'strs']
		],
		macros: [
			{ operator: 'OR', builtInControls: ['mfa'] },
			{ operator: 'OR', builtInControls: ['block'] },
			{ operator: 'OR', builtInControls: ['compliantDevice'] }
		]
	},
	empty: { slots: [] },
	attempt: {
		slots: [
			['name', 'str'],
			['user', 'str'],
			['resourceTenant', 'str'],
			['application', 'str'],
			['expect', 'obj:expect'],
			['session', 'obj:session'],
			['priorConsent', 'bool'],
			['answers', 'obj:answers']
		]
	},
	session: {
		slots: [
			['mfa', 'bool'],
			['compliantDevice', 'bool'],
			['hybridJoinedDevice', 'bool']
		]
	},
	answers: {
		slots: [
			['consent', 'str'],
			['homeMfa', 'str']
		]
	},
	expect: {
		slots: [
			['outcome', 'str'],
			['step', 'str'],
			['consentPrompted', 'bool']
		]
	},
	/** One `layout` entry: the record's key (a tenant ID) and the position. */
	layoutEntry: {
		slots: [
			['key', 'str'],
			['x', 'num'],
			['y', 'num']
		]
	}
};

/**
 * Frequent strings, written as their position (1 = the first). Graph keywords and enum values of the
 * format, and the built-in Microsoft app IDs.
 */
export const DICTIONARY: readonly string[] = [
	'AllUsers',
	'AllApplications',
	'user',
	'group',
	'application',
	'allowed',
	'blocked',
	'Office365',
	'All',
	'trustwalk/scenario',
	'p1',
	'p2',
	'free',
	'global',
	'usGovernment',
	'china',
	'enabled',
	'disabled',
	'enabledForReportingButNotEnforced',
	'b2bDirectConnectUser',
	'b2bCollaborationGuest,b2bDirectConnectUser',
	'b2bCollaborationGuest',
	'b2bCollaborationMember',
	'internalGuest',
	'serviceProvider',
	'otherExternalUser',
	'GuestsOrExternalUsers',
	'None',
	'AllMicrosoftApps',
	'all',
	'enumerated',
	'OR',
	'AND',
	'mfa',
	'block',
	'compliantDevice',
	'domainJoinedDevice',
	'approvedApplication',
	'compliantApplication',
	'transitive',
	'direct',
	'homeChallenge',
	'accept',
	'decline',
	'complete',
	'fail',
	'granted',
	'preconditions',
	'outbound',
	'inbound',
	'conditionalAccess',
	'consent',
	'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe',
	'1fec8e78-bce4-4aaf-ab1b-5451cc387264',
	'00000003-0000-0ff1-ce00-000000000000',
	'00000002-0000-0ff1-ce00-000000000000',
	'#microsoft.graph.conditionalAccessAllExternalTenants',
	'#microsoft.graph.conditionalAccessEnumeratedExternalTenants'
];
