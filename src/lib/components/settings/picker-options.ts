/**
 * What the users-and-groups and applications pickers offer (M4): outbound lists name the tenant's own
 * users and groups and the partner's apps; inbound lists name the partner's users and groups and the
 * tenant's own apps. Objects of a tenant the scenario does not model are typed in by ID.
 */
import type { Direction } from '$lib/domain/commands.ts';
import { MICROSOFT_APPS } from '$lib/domain/microsoft-apps.ts';
import type { PolicyTarget, TargetConfiguration } from '$lib/domain/schema.ts';
import type { TargetOwners } from './settings-view.ts';

export type HalfKind = 'usersAndGroups' | 'applications';

export interface PickOption extends PolicyTarget {
	label: string;
	/** The option group in the picker: "Groups of Contoso", "Microsoft apps". */
	group: string;
}

export const ALL_KEYWORD: Record<HalfKind, PolicyTarget> = {
	usersAndGroups: { target: 'AllUsers', targetType: 'user' },
	applications: { target: 'AllApplications', targetType: 'application' }
};

/** "All users" / "All applications" is chosen when the list is exactly that keyword. */
export function appliesToAll(config: TargetConfiguration, kind: HalfKind): boolean {
	return config.targets.length === 1 && config.targets[0]?.target === ALL_KEYWORD[kind].target;
}

export function userOptions(owners: TargetOwners): PickOption[] {
	const home = owners.users;
	if (!home) return [];
	return [
		...home.groups.map((g) => ({
			target: g.id,
			targetType: 'group' as const,
			label: g.displayName,
			group: `Groups of ${home.displayName}`
		})),
		...home.users.map((u) => ({
			target: u.id,
			targetType: 'user' as const,
			label: `${u.displayName} (${u.userPrincipalName})${u.smsSignIn ? ', signs in with SMS' : ''}`,
			group: `Users of ${home.displayName}`
		}))
	];
}

export function appOptions(owners: TargetOwners): PickOption[] {
	const app = (target: string, label: string, group: string): PickOption => ({
		target,
		targetType: 'application',
		label,
		group
	});
	return [
		app('Office365', 'Office 365 (Teams, SharePoint, Exchange…)', 'Keywords'),
		app('AllMicrosoftApps', 'All Microsoft apps', 'Keywords'),
		...MICROSOFT_APPS.map((a) => app(a.appId, a.displayName, 'Microsoft apps')),
		...owners.apps.flatMap((t) =>
			t.applications.map((a) => app(a.appId, a.displayName, `Apps of ${t.displayName}`))
		)
	];
}

/**
 * Whether an ID may be typed in (M4): inbound users and groups belong to the partner, whose admin
 * tells you their object IDs; outbound apps belong to the partner too. The tenant's own objects
 * (outbound users, inbound apps) are only picked from its directory, as in the admin center.
 */
export function allowsTypedId(kind: HalfKind, direction: Direction): boolean {
	if (kind === 'usersAndGroups') return direction === 'inbound';
	return direction === 'outbound';
}

/** Adds a target unless the list has it already (same ID). */
export function withTarget(config: TargetConfiguration, target: PolicyTarget): TargetConfiguration {
	if (config.targets.some((t) => t.target === target.target)) return config;
	const targets = config.targets.filter(
		(t) => t.target !== 'AllUsers' && t.target !== 'AllApplications'
	);
	return {
		...config,
		targets: [...targets, { target: target.target, targetType: target.targetType }]
	};
}

export function withoutTarget(config: TargetConfiguration, target: string): TargetConfiguration {
	return { ...config, targets: config.targets.filter((t) => t.target !== target) };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A typed-in object or app ID must be a GUID (Graph's object and app IDs are). */
export function typedIdProblem(text: string): string | null {
	const id = text.trim();
	if (id === '') return 'Enter an ID.';
	return GUID.test(id)
		? null
		: `${id} is not an ID in the form 00000000-0000-0000-0000-000000000000.`;
}
