/**
 * The Conditional Access form's model and its mapping to and from Graph's `conditionalAccessPolicy`.
 * The form covers what matters for direct connect users (S3); writing it back starts from the
 * existing policy, so properties the form does not show (clientAppTypes, session controls, other
 * guest types, terms of use, anything unknown) survive an edit.
 */
import type { ConditionalAccessPolicy, GuestsOrExternalUsers } from './schema.ts';
import type { FieldError } from './directory-commands.ts';

export type PolicyState = ConditionalAccessPolicy['state'];
export type UsersScope = 'all' | 'directConnect' | 'other';

export interface CaDraft {
	id: string;
	displayName: string;
	state: PolicyState;
	/** All users, B2B direct connect users, or (only when read from a file) other users kept as written. */
	users: UsersScope;
	includeTenants: 'all' | 'enumerated';
	includeMembers: string[];
	excludeTenants: 'none' | 'all' | 'enumerated';
	excludeMembers: string[];
	apps: 'All' | 'Office365' | 'selected';
	selectedApps: string[];
	excludeApps: string[];
	grant: 'block' | 'controls';
	controls: string[];
	operator: 'AND' | 'OR';
}

export interface GrantControlInfo {
	id: string;
	label: string;
	/** How a direct connect user could meet it: through inbound trust, or never (A6). */
	directConnect: { trust: string } | 'unsatisfiable';
}

export const GRANT_CONTROLS: readonly GrantControlInfo[] = [
	{ id: 'mfa', label: 'Require multifactor authentication', directConnect: { trust: 'MFA' } },
	{
		id: 'compliantDevice',
		label: 'Require the device to be marked compliant',
		directConnect: { trust: 'compliant devices' }
	},
	{
		id: 'domainJoinedDevice',
		label: 'Require a hybrid joined device',
		directConnect: { trust: 'hybrid joined devices' }
	},
	{
		id: 'approvedApplication',
		label: 'Require an approved client app',
		directConnect: 'unsatisfiable'
	},
	{
		id: 'compliantApplication',
		label: 'Require an app protection policy',
		directConnect: 'unsatisfiable'
	},
	{ id: 'passwordChange', label: 'Require a password change', directConnect: 'unsatisfiable' }
];

export const STATES: readonly { id: PolicyState; label: string }[] = [
	{ id: 'enabled', label: 'On' },
	{ id: 'enabledForReportingButNotEnforced', label: 'Report-only' },
	{ id: 'disabled', label: 'Off' }
];

const DIRECT = 'b2bDirectConnectUser';
const ALL_TENANTS = '#microsoft.graph.conditionalAccessAllExternalTenants';
const ENUMERATED_TENANTS = '#microsoft.graph.conditionalAccessEnumeratedExternalTenants';

function types(spec: GuestsOrExternalUsers | null | undefined): string[] {
	return (spec?.guestOrExternalUserTypes ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** A new policy: MFA for every tenant's direct connect users on Office 365. */
export function newCaDraft(id: string): CaDraft {
	return {
		id,
		displayName: '',
		state: 'enabled',
		users: 'directConnect',
		includeTenants: 'all',
		includeMembers: [],
		excludeTenants: 'none',
		excludeMembers: [],
		apps: 'Office365',
		selectedApps: [],
		excludeApps: [],
		grant: 'controls',
		controls: ['mfa'],
		operator: 'OR'
	};
}

export function draftFromPolicy(policy: ConditionalAccessPolicy): CaDraft {
	const users = policy.conditions.users;
	const include = users?.includeGuestsOrExternalUsers;
	const exclude = users?.excludeGuestsOrExternalUsers;
	const includeKind =
		include?.externalTenants?.membershipKind === 'enumerated' ? 'enumerated' : 'all';
	const excludeKind = !types(exclude).includes(DIRECT)
		? 'none'
		: exclude?.externalTenants?.membershipKind === 'enumerated'
			? 'enumerated'
			: 'all';
	const apps = policy.conditions.applications?.includeApplications ?? [];
	const builtIn = policy.grantControls?.builtInControls ?? [];
	const appsMode = apps.includes('All')
		? 'All'
		: apps.length === 1 && apps[0] === 'Office365'
			? 'Office365'
			: 'selected';
	return {
		id: policy.id,
		displayName: policy.displayName,
		state: policy.state,
		users: (users?.includeUsers ?? []).includes('All')
			? 'all'
			: types(include).includes(DIRECT)
				? 'directConnect'
				: 'other',
		includeTenants: includeKind,
		includeMembers:
			includeKind === 'enumerated' ? [...(include?.externalTenants?.members ?? [])] : [],
		excludeTenants: excludeKind,
		excludeMembers:
			excludeKind === 'enumerated' ? [...(exclude?.externalTenants?.members ?? [])] : [],
		apps: appsMode,
		selectedApps: appsMode === 'selected' ? [...apps] : [],
		excludeApps: [...(policy.conditions.applications?.excludeApplications ?? [])],
		grant: builtIn.includes('block') ? 'block' : 'controls',
		controls: builtIn.filter((c) => c !== 'block'),
		operator: policy.grantControls?.operator ?? 'AND'
	};
}

/** What the form refuses before saving. */
export function caDraftErrors(draft: CaDraft): FieldError[] {
	const errors: FieldError[] = [];
	if (draft.displayName.trim() === '')
		errors.push({ field: 'displayName', message: 'Enter a name for the policy.' });
	if (
		draft.users === 'directConnect' &&
		draft.includeTenants === 'enumerated' &&
		draft.includeMembers.length === 0
	)
		errors.push({ field: 'includeMembers', message: 'Pick at least one external tenant.' });
	if (draft.excludeTenants === 'enumerated' && draft.excludeMembers.length === 0)
		errors.push({ field: 'excludeMembers', message: 'Pick at least one tenant to exclude.' });
	if (draft.apps === 'selected' && draft.selectedApps.length === 0)
		errors.push({ field: 'selectedApps', message: 'Pick at least one application.' });
	if (draft.grant === 'controls' && draft.controls.length === 0)
		errors.push({ field: 'controls', message: 'Pick at least one control, or block access.' });
	return errors;
}

function externalTenants(kind: 'all' | 'enumerated', members: string[]) {
	return kind === 'all'
		? { '@odata.type': ALL_TENANTS, membershipKind: 'all' as const }
		: {
				'@odata.type': ENUMERATED_TENANTS,
				membershipKind: 'enumerated' as const,
				members: [...members]
			};
}

/** Writes the guest-types spec with or without direct connect users, keeping other types. */
function withDirect(
	spec: GuestsOrExternalUsers | null | undefined,
	kind: 'none' | 'all' | 'enumerated',
	members: string[]
): GuestsOrExternalUsers | null {
	const others = types(spec).filter((t) => t !== DIRECT);
	if (kind === 'none')
		return others.length === 0 ? null : { ...spec, guestOrExternalUserTypes: others.join(',') };
	return {
		...spec,
		guestOrExternalUserTypes: [...others, DIRECT].join(','),
		externalTenants: externalTenants(kind, members)
	};
}

/** The Graph-shaped policy for a draft, built on top of the existing policy when editing. */
export function policyFromDraft(
	draft: CaDraft,
	existing?: ConditionalAccessPolicy
): ConditionalAccessPolicy {
	const conditions = existing?.conditions ?? { clientAppTypes: ['all'] };
	const users = conditions.users ?? {};
	const nextUsers = { ...users };
	if (draft.users === 'all') {
		nextUsers.includeUsers = ['All'];
		nextUsers.includeGuestsOrExternalUsers = null;
	} else if (draft.users === 'directConnect') {
		nextUsers.includeUsers = (users.includeUsers ?? []).filter((u) => u !== 'All');
		nextUsers.includeGuestsOrExternalUsers = withDirect(
			users.includeGuestsOrExternalUsers,
			draft.includeTenants,
			draft.includeMembers
		);
	}
	nextUsers.excludeGuestsOrExternalUsers = withDirect(
		users.excludeGuestsOrExternalUsers,
		draft.excludeTenants,
		draft.excludeMembers
	);
	const includeApplications = draft.apps === 'selected' ? [...draft.selectedApps] : [draft.apps];
	return {
		...existing,
		id: draft.id,
		displayName: draft.displayName.trim(),
		state: draft.state,
		conditions: {
			...conditions,
			users: nextUsers,
			applications: {
				...conditions.applications,
				includeApplications,
				excludeApplications: [...draft.excludeApps]
			}
		},
		grantControls:
			draft.grant === 'block'
				? { ...existing?.grantControls, operator: 'OR', builtInControls: ['block'] }
				: {
						...existing?.grantControls,
						operator: draft.operator,
						builtInControls: [...draft.controls]
					}
	};
}

/** Grant controls a direct connect user can never meet (A6), among the draft's. */
export function unsatisfiableControls(draft: CaDraft): GrantControlInfo[] {
	if (draft.grant === 'block') return [];
	return GRANT_CONTROLS.filter(
		(c) => c.directConnect === 'unsatisfiable' && draft.controls.includes(c.id)
	);
}
