/**
 * What the settings editor shows, computed from the scenario: validation issues placed at the
 * setting they point into, one-line summaries of a partner's direct connect settings and the names
 * of targets. Pure: no Svelte, no DOM.
 */
import type { Direction } from '$lib/domain/commands.ts';
import { findTenantById } from '$lib/domain/directory.ts';
import { resolveDirectConnect, type DirectConnectProperty } from '$lib/domain/engine/resolve.ts';
import { findMicrosoftApp } from '$lib/domain/microsoft-apps.ts';
import type {
	ConfigurationPartner,
	PolicyTarget,
	Scenario,
	TargetConfiguration,
	Tenant
} from '$lib/domain/schema.ts';
import type { ValidationIssue } from '$lib/domain/validate.ts';

/** `default` or `partners[<tenantId>]`: the editor's (and the engine's) name for a configuration. */
export function scopePath(partnerTenantId: string | null): string {
	return partnerTenantId === null ? 'default' : `partners[${partnerTenantId}]`;
}

/** The partner's display name, or "External tenant <id>" when the scenario does not model it. */
export function partnerName(scenario: Scenario, partnerTenantId: string): string {
	return (
		findTenantById(scenario, partnerTenantId)?.displayName ?? `External tenant ${partnerTenantId}`
	);
}

export interface PlacedIssue extends ValidationIssue {
	/** The issue's path inside the tenant's policy, keyed by partner ID: `partners[<id>].inboundTrust`. */
	local: string;
}

/** This tenant's issues, with `tenants[i].crossTenantAccessPolicy.partners[j]` turned into `partners[<id>]`. */
export function placeIssues(
	scenario: Scenario,
	issues: readonly ValidationIssue[],
	tenantId: string
): PlacedIssue[] {
	const index = scenario.tenants.findIndex((t) => t.tenantId === tenantId);
	const tenant = scenario.tenants[index];
	if (!tenant) return [];
	const prefix = `tenants[${index}].crossTenantAccessPolicy.`;
	return issues
		.filter((i) => i.tenantId === tenantId && i.path.startsWith(prefix))
		.map((issue) => {
			const rest = issue.path.slice(prefix.length);
			const local = rest.replace(/^partners\[(\d+)\]/, (whole, i: string) => {
				const partner = tenant.crossTenantAccessPolicy.partners[Number(i)];
				return partner ? `partners[${partner.tenantId}]` : whole;
			});
			return { ...issue, local };
		});
}

/** Issues at `path` or inside it (`exact`: only those at `path` itself). */
export function issuesAt(
	issues: readonly PlacedIssue[],
	path: string,
	exact = false
): PlacedIssue[] {
	return issues.filter(
		(i) =>
			i.local === path ||
			(!exact && (i.local.startsWith(`${path}.`) || i.local.startsWith(`${path}[`)))
	);
}

// ---- names of targets ----

const KEYWORDS: Record<string, string> = {
	AllUsers: 'all users',
	AllApplications: 'all apps',
	Office365: 'Office 365',
	AllMicrosoftApps: 'all Microsoft apps'
};

/** Whose objects a half's targets name (M4): users of the home tenant, apps of the resource tenant. */
export interface TargetOwners {
	/** Home tenant of the users and groups (undefined: not modelled). */
	users: Tenant | undefined;
	/** Tenants whose apps the list may name. */
	apps: readonly Tenant[];
}

export function targetOwners(
	scenario: Scenario,
	tenant: Tenant,
	partnerTenantId: string | null,
	direction: Direction
): TargetOwners {
	const partner = partnerTenantId === null ? undefined : findTenantById(scenario, partnerTenantId);
	if (direction === 'inbound') return { users: partner, apps: [tenant] };
	const others =
		partnerTenantId === null
			? scenario.tenants.filter((t) => t.tenantId !== tenant.tenantId)
			: partner
				? [partner]
				: [];
	return { users: tenant, apps: others };
}

/** A short name for a target: "Marketing", "Office 365", or the ID when nothing is known. */
export function targetName(target: PolicyTarget, owners: TargetOwners): string {
	const keyword = KEYWORDS[target.target];
	if (keyword) return keyword;
	if (target.targetType === 'group')
		return owners.users?.groups.find((g) => g.id === target.target)?.displayName ?? target.target;
	if (target.targetType === 'user')
		return owners.users?.users.find((u) => u.id === target.target)?.displayName ?? target.target;
	const builtIn = findMicrosoftApp(target.target);
	if (builtIn) return builtIn.displayName;
	for (const t of owners.apps) {
		const app = t.applications.find((a) => a.appId === target.target);
		if (app) return app.displayName;
	}
	return target.target;
}

function listNames(config: TargetConfiguration, owners: TargetOwners): string {
	const names = config.targets.map((t) => targetName(t, owners));
	if (names.length === 0) return 'nothing selected';
	if (names.length <= 2) return names.join(' and ');
	return `${names[0]} and ${names.length - 1} more`;
}

/** "allow Marketing, all apps" / "allow Marketing, block Teams": one line for a whole setting. */
export function settingSummary(
	users: TargetConfiguration,
	apps: TargetConfiguration,
	owners: TargetOwners
): string {
	const verb = (c: TargetConfiguration) => (c.accessType === 'allowed' ? 'allow' : 'block');
	const u = listNames(users, owners);
	const a = listNames(apps, owners);
	return verb(users) === verb(apps)
		? `${verb(users)} ${u}, ${a}`
		: `${verb(users)} ${u}, ${verb(apps)} ${a}`;
}

export interface PartnerSummary {
	customized: boolean;
	/** R2/A1: one half null, the other set. */
	halfFilled: boolean;
	text: string;
}

/** The organizational list's line for one direction: "Inherited from default" or "Customized: …". */
export function partnerSummary(
	scenario: Scenario,
	tenant: Tenant,
	partner: ConfigurationPartner,
	direction: Direction
): PartnerSummary {
	const prop: DirectConnectProperty =
		direction === 'inbound' ? 'b2bDirectConnectInbound' : 'b2bDirectConnectOutbound';
	const own = partner[prop];
	if (own == null) return { customized: false, halfFilled: false, text: 'Inherited from default' };
	const resolved = resolveDirectConnect(tenant, partner, prop);
	const owners = targetOwners(scenario, tenant, partner.tenantId, direction);
	const summary = settingSummary(
		resolved.usersAndGroups.config,
		resolved.applications.config,
		owners
	);
	const halfFilled = resolved.assumptions.includes('A1');
	return { customized: true, halfFilled, text: `Customized: ${summary}` };
}
