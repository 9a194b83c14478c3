/**
 * Pure commands for the people inside one tenant: users and groups (nested groups included). Same
 * contract as `directory-commands.ts`: a new scenario that still parses, or the same object when the
 * input is refused.
 */
import { findUser } from './directory.ts';
import type { Group, Scenario, Tenant, User } from './schema.ts';
import { mapAttempts, mapTenant, withAttempts, type FieldError } from './directory-commands.ts';

function tenantOf(scenario: Scenario, tenantId: string): Tenant | undefined {
	return scenario.tenants.find((t) => t.tenantId === tenantId);
}

// ---- users ----

export type UserFields = Pick<User, 'displayName' | 'userPrincipalName'>;

/** A UPN must end with @ the tenant's domain (the parser's rule) and be unique in the tenant. */
export function userFieldErrors(
	tenant: Tenant,
	fields: UserFields,
	currentUserId?: string
): FieldError[] {
	const errors: FieldError[] = [];
	if (fields.displayName.trim() === '')
		errors.push({ field: 'displayName', message: 'Enter a display name.' });
	const upn = fields.userPrincipalName.trim().toLowerCase();
	const suffix = `@${tenant.domain.toLowerCase()}`;
	if (!upn.endsWith(suffix) || upn.length === suffix.length || /\s/.test(upn))
		errors.push({
			field: 'userPrincipalName',
			message: `The user principal name must be name${suffix}: it ends with this tenant's domain.`
		});
	else if (
		tenant.users.some((u) => u.id !== currentUserId && u.userPrincipalName.toLowerCase() === upn)
	)
		errors.push({ field: 'userPrincipalName', message: `${upn} already exists in this tenant.` });
	return errors;
}

function objectIdTaken(tenant: Tenant, id: string): boolean {
	return tenant.users.some((u) => u.id === id) || tenant.groups.some((g) => g.id === id);
}

export function addUser(scenario: Scenario, tenantId: string, user: User): Scenario {
	const tenant = tenantOf(scenario, tenantId);
	if (!tenant || objectIdTaken(tenant, user.id) || userFieldErrors(tenant, user).length > 0)
		return scenario;
	return mapTenant(scenario, tenantId, (t) => ({ ...t, users: [...t.users, user] }));
}

/** Edits a user; a new UPN is carried into the attempts that named the old one. */
export function updateUser(
	scenario: Scenario,
	tenantId: string,
	userId: string,
	patch: Partial<Omit<User, 'id'>>
): Scenario {
	const tenant = tenantOf(scenario, tenantId);
	const user = tenant?.users.find((u) => u.id === userId);
	if (!tenant || !user) return scenario;
	const next = { ...user, ...patch };
	if (userFieldErrors(tenant, next, userId).length > 0) return scenario;
	const changed = mapTenant(scenario, tenantId, (t) => ({
		...t,
		users: t.users.map((u) => (u.id === userId ? next : u))
	}));
	const old = user.userPrincipalName.toLowerCase();
	return mapAttempts(changed, (a) =>
		a.user.toLowerCase() === old ? { ...a, user: next.userPrincipalName } : a
	);
}

export interface RemoveUserImpact {
	groups: number;
	attempts: number;
}

function namesUser(scenario: Scenario, ref: string, userId: string): boolean {
	return findUser(scenario, ref)?.user.id === userId;
}

export function removeUserImpact(
	scenario: Scenario,
	tenantId: string,
	userId: string
): RemoveUserImpact {
	const tenant = tenantOf(scenario, tenantId);
	return {
		groups: tenant?.groups.filter((g) => g.members.includes(userId)).length ?? 0,
		attempts: (scenario.attempts ?? []).filter((a) => namesUser(scenario, a.user, userId)).length
	};
}

/** Removes a user, its group memberships and the attempts that name it (they could not parse). */
export function removeUser(scenario: Scenario, tenantId: string, userId: string): Scenario {
	const tenant = tenantOf(scenario, tenantId);
	if (!tenant?.users.some((u) => u.id === userId)) return scenario;
	const attempts = (scenario.attempts ?? []).filter((a) => !namesUser(scenario, a.user, userId));
	const changed = mapTenant(scenario, tenantId, (t) => ({
		...t,
		users: t.users.filter((u) => u.id !== userId),
		groups: t.groups.map((g) =>
			g.members.includes(userId) ? { ...g, members: g.members.filter((m) => m !== userId) } : g
		)
	}));
	return withAttempts(changed, attempts);
}

// ---- groups ----

export type GroupFields = Pick<Group, 'displayName' | 'members'>;

/** Members are users and other groups of the same tenant; a group may not contain itself. */
export function groupFieldErrors(
	tenant: Tenant,
	fields: GroupFields,
	groupId?: string
): FieldError[] {
	const errors: FieldError[] = [];
	if (fields.displayName.trim() === '')
		errors.push({ field: 'displayName', message: 'Enter a group name.' });
	if (groupId !== undefined && fields.members.includes(groupId))
		errors.push({ field: 'members', message: 'A group cannot be a member of itself.' });
	const unknown = fields.members.filter((m) => m !== groupId && !objectIdTaken(tenant, m));
	if (unknown.length > 0)
		errors.push({
			field: 'members',
			message: `Not a user or group of ${tenant.displayName}: ${unknown.join(', ')}.`
		});
	return errors;
}

export function addGroup(scenario: Scenario, tenantId: string, group: Group): Scenario {
	const tenant = tenantOf(scenario, tenantId);
	if (
		!tenant ||
		objectIdTaken(tenant, group.id) ||
		groupFieldErrors(tenant, group, group.id).length
	)
		return scenario;
	return mapTenant(scenario, tenantId, (t) => ({ ...t, groups: [...t.groups, group] }));
}

export function updateGroup(
	scenario: Scenario,
	tenantId: string,
	groupId: string,
	patch: Partial<GroupFields>
): Scenario {
	const tenant = tenantOf(scenario, tenantId);
	const group = tenant?.groups.find((g) => g.id === groupId);
	if (!tenant || !group) return scenario;
	const next = { ...group, ...patch, members: [...new Set(patch.members ?? group.members)] };
	if (groupFieldErrors(tenant, next, groupId).length > 0) return scenario;
	return mapTenant(scenario, tenantId, (t) => ({
		...t,
		groups: t.groups.map((g) => (g.id === groupId ? next : g))
	}));
}

/** Removes a group and its membership in other groups. */
export function removeGroup(scenario: Scenario, tenantId: string, groupId: string): Scenario {
	const tenant = tenantOf(scenario, tenantId);
	if (!tenant?.groups.some((g) => g.id === groupId)) return scenario;
	return mapTenant(scenario, tenantId, (t) => ({
		...t,
		groups: t.groups
			.filter((g) => g.id !== groupId)
			.map((g) =>
				g.members.includes(groupId) ? { ...g, members: g.members.filter((m) => m !== groupId) } : g
			)
	}));
}

export interface NestedMembership {
	/** Every user reached through the group and the groups inside it (A3: transitive). */
	users: User[];
	/** The groups inside it, at any depth. */
	groups: Group[];
	/** The group reaches itself through other groups (allowed; the engine stops the walk). */
	loop: boolean;
}

export function nestedMembership(tenant: Tenant, groupId: string): NestedMembership {
	const seen = new Set<string>();
	const queue = [groupId];
	let loop = false;
	for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
		for (const member of tenant.groups.find((g) => g.id === id)?.members ?? []) {
			if (member === groupId) loop = true;
			if (seen.has(member)) continue;
			seen.add(member);
			queue.push(member);
		}
	}
	return {
		users: tenant.users.filter((u) => seen.has(u.id)),
		groups: tenant.groups.filter((g) => g.id !== groupId && seen.has(g.id)),
		loop
	};
}
