/**
 * Who trusts whom, per direction, for the graph and the text mirror. A direction H → R is about H's
 * users reaching Microsoft Teams in R: H's outbound (S1) and R's inbound (S2), both decided by the
 * engine's own resolution and matching, so the canvas cannot disagree with the simulator.
 */
import { possessive } from './engine/describe.ts';
import { permits, type Subject } from './engine/match.ts';
import { resolveDirectConnect, type ResolvedB2BSetting } from './engine/resolve.ts';
import { CLOUD_NAMES } from './engine/steps.ts';
import { groupsOf, indexScenario, type TenantIndex } from './engine/scenario-index.ts';
import { TEAMS_APP_ID } from './microsoft-apps.ts';
import type { Scenario } from './schema.ts';

export type RelationshipState = 'established' | 'outboundOnly' | 'inboundOnly' | 'blocked';

export interface Relationship {
	/** The home tenant, whose users travel. */
	from: string;
	/** The resource tenant, whose Teams shared channels they open. */
	to: string;
	state: RelationshipState;
	/** Plain words: "Contoso has not allowed inbound from Fabrikam". */
	label: string;
	/** "Marketing only", "all users", or "2 of 3 users". */
	scope: string;
	/** The modelled users of `from` who pass both checks. */
	users: string[];
	/** Whether each side's deciding setting came from its partner entry or its default. */
	outboundSource: 'partner' | 'default';
	inboundSource: 'partner' | 'default';
}

const TEAMS = { appId: TEAMS_APP_ID, displayName: 'Microsoft Teams', microsoft: true };
/** Stands for users the scenario does not model: in no group, named by no target. */
const ANY_OTHER_USER = '(any other user)';

/** Whether any direct connect setting links the pair, so the graph draws an edge for it. */
function hasAnySetting(
	home: TenantIndex,
	resource: TenantIndex,
	out: ResolvedB2BSetting,
	inb: ResolvedB2BSetting
): boolean {
	const open = (s: ResolvedB2BSetting) =>
		!(
			s.usersAndGroups.config.accessType === 'blocked' &&
			s.usersAndGroups.config.targets.some((t) => t.target === 'AllUsers')
		);
	return (
		home.partners.has(resource.tenant.tenantId) ||
		resource.partners.has(home.tenant.tenantId) ||
		open(out) ||
		open(inb)
	);
}

/** Each group's user members (per the membership option), computed once per home tenant. */
function groupMembers(
	home: TenantIndex,
	membership: 'transitive' | 'direct'
): Map<string, string[]> {
	const members = new Map<string, string[]>(home.tenant.groups.map((g) => [g.id, []]));
	for (const user of home.tenant.users)
		for (const groupId of groupsOf(home, user.id, membership)) members.get(groupId)?.push(user.id);
	return members;
}

/** "all users" when even unmodelled users pass; else the group whose members are exactly those who pass. */
function scopeLabel(
	home: TenantIndex,
	members: ReadonlyMap<string, readonly string[]>,
	passing: ReadonlySet<string>,
	everyone: boolean
): string {
	if (everyone) return 'all users';
	const group = home.tenant.groups.find((g) => {
		const users = members.get(g.id) ?? [];
		return users.length === passing.size && users.every((id) => passing.has(id));
	});
	return group
		? `${group.displayName} only`
		: `${passing.size} of ${home.tenant.users.length} users`;
}

/** The relationship for each ordered pair of tenants that any setting links. */
export function relationships(scenario: Scenario): Relationship[] {
	const index = indexScenario(scenario);
	const membership = scenario.options?.groupMembership ?? 'transitive';
	const out: Relationship[] = [];
	for (const home of index.tenantsById.values()) {
		let members: Map<string, string[]> | undefined;
		for (const resource of index.tenantsById.values()) {
			if (home === resource) continue;
			const homeId = home.tenant.tenantId;
			const resourceId = resource.tenant.tenantId;
			const outbound = resolveDirectConnect(
				home.tenant,
				home.partners.get(resourceId),
				'b2bDirectConnectOutbound'
			);
			const inbound = resolveDirectConnect(
				resource.tenant,
				resource.partners.get(homeId),
				'b2bDirectConnectInbound'
			);
			if (!hasAnySetting(home, resource, outbound, inbound)) continue;
			const subjects: Subject[] = [
				...home.tenant.users.map((u) => ({
					userId: u.id,
					groups: groupsOf(home, u.id, membership),
					app: TEAMS
				})),
				{ userId: ANY_OTHER_USER, groups: new Set<string>(), app: TEAMS }
			];
			let outOK = false;
			let inOK = false;
			const passing = new Set<string>();
			for (const subject of subjects) {
				const o = permits(outbound, subject).permitted;
				const i = permits(inbound, subject).permitted;
				outOK ||= o;
				inOK ||= i;
				if (o && i) passing.add(subject.userId);
			}
			const homeName = home.tenant.displayName;
			const resourceName = resource.tenant.displayName;
			const homeCloud = home.tenant.cloud ?? 'global';
			const resourceCloud = resource.tenant.cloud ?? 'global';
			// S0 (A4): no setting carries direct connect from one Microsoft cloud into another.
			const crossCloud = homeCloud !== resourceCloud;
			if (crossCloud) passing.clear();
			const state: RelationshipState =
				passing.size > 0
					? 'established'
					: crossCloud || (outOK && inOK)
						? 'blocked'
						: outOK
							? 'outboundOnly'
							: inOK
								? 'inboundOnly'
								: 'blocked';
			const label = crossCloud
				? `Different clouds (${CLOUD_NAMES[homeCloud]}, ${CLOUD_NAMES[resourceCloud]}): direct connect stays inside one cloud (A4)`
				: outOK && inOK && passing.size === 0
					? `Both sides allow someone, but no ${homeName} user is allowed by both`
					: {
							established: `${homeName} users can open ${possessive(resourceName)} shared channels`,
							outboundOnly: `${resourceName} has not allowed inbound from ${homeName}`,
							inboundOnly: `${homeName} has not allowed outbound to ${resourceName}`,
							blocked: `Neither ${homeName} (outbound) nor ${resourceName} (inbound) allows it`
						}[state];
			const everyone = passing.size === subjects.length;
			passing.delete(ANY_OTHER_USER);
			out.push({
				from: homeId,
				to: resourceId,
				state,
				label,
				scope:
					state === 'established'
						? scopeLabel(home, (members ??= groupMembers(home, membership)), passing, everyone)
						: 'nobody',
				users: [...passing],
				outboundSource: outbound.usersAndGroups.source,
				inboundSource: inbound.usersAndGroups.source
			});
		}
	}
	return out;
}
