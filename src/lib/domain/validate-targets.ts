/**
 * Checks of one target list (`usersAndGroups` or `applications`) of a direct connect setting:
 * V1 (default inbound is all-or-nothing), V2 (target types), V7 (SMS sign-in users), V10 (targets name
 * existing objects) and V11 (keywords mixed with specific targets).
 */
import { findMicrosoftApp } from './microsoft-apps.ts';
import type { PolicyTarget, TargetConfiguration, Tenant } from './schema.ts';
import {
	ALL_APPLICATIONS,
	ALL_USERS,
	APP_KEYWORDS,
	report,
	settingLabel,
	type ConfigContext,
	type Direction,
	type Half
} from './validate-context.ts';

interface TargetSite {
	ctx: ConfigContext;
	direction: Direction;
	half: Half;
	/** The path of the list's `targets` array. */
	path: string;
}

/** Runs the per-target and per-list checks of one half that this configuration sets itself. */
export function checkTargetList(site: TargetSite, config: TargetConfiguration): void {
	const defaultInboundUsers = isDefaultInboundUsers(site);
	if (defaultInboundUsers && config.targets.length === 0) {
		report(
			site.ctx,
			'V1',
			'error',
			site.path,
			`${settingLabel(site.ctx, site.direction)} lists no target, but the default must name AllUsers.`
		);
	}
	config.targets.forEach((target, i) => {
		const at = `${site.path}[${i}]`;
		if (!checkType(site, target, at)) return;
		if (defaultInboundUsers) {
			if (target.target !== ALL_USERS) {
				report(
					site.ctx,
					'V1',
					'error',
					at,
					`${settingLabel(site.ctx, site.direction)} names the ${target.targetType} ${target.target}, but the default can only cover all external users; add a partner entry for that organization to pick individual users or groups.`
				);
			}
			return;
		}
		checkSmsUser(site, target, at);
		checkExists(site, target, at);
	});
	if (!defaultInboundUsers) checkMixed(site, config);
}

function isDefaultInboundUsers(site: TargetSite): boolean {
	return (
		!site.ctx.partner &&
		site.direction === 'b2bDirectConnectInbound' &&
		site.half === 'usersAndGroups'
	);
}

/** V2: returns false when the target has the wrong type (later checks then skip it). */
function checkType(site: TargetSite, target: PolicyTarget, at: string): boolean {
	const label = settingLabel(site.ctx, site.direction);
	let problem: string | undefined;
	if (site.half === 'usersAndGroups') {
		if (APP_KEYWORDS.has(target.target))
			problem = `lists the application keyword ${target.target} among its users and groups; move it to the applications list`;
		else if (target.targetType === 'application')
			problem = `lists ${target.target} with targetType "application" among its users and groups, where only "user" or "group" fits`;
		else if (target.target === ALL_USERS && target.targetType !== 'user')
			problem = `lists AllUsers with targetType "${target.targetType}", but AllUsers always goes with targetType "user"`;
	} else if (target.target === ALL_USERS) {
		problem = `lists AllUsers among its applications; move it to the users and groups list`;
	} else if (target.targetType !== 'application') {
		problem = `lists ${target.target} with targetType "${target.targetType}" among its applications, where only "application" fits`;
	}
	if (problem === undefined) return true;
	report(site.ctx, 'V2', 'error', at, `${label} ${problem}.`);
	return false;
}

/** V7: the portal cannot pick a user who signs in with SMS as an outbound target. */
function checkSmsUser(site: TargetSite, target: PolicyTarget, at: string): void {
	if (site.direction !== 'b2bDirectConnectOutbound' || target.targetType !== 'user') return;
	const { tenant } = site.ctx;
	const user = tenant.users.find((u) => u.id === target.target);
	if (!user?.smsSignIn) return;
	const group = tenant.groups.find((g) => g.members.includes(user.id));
	const suggestion = group ? `a group they belong to, such as ${group.displayName}` : 'a group';
	report(
		site.ctx,
		'V7',
		'warning',
		at,
		`${settingLabel(site.ctx, site.direction)} names ${user.displayName}, who signs in with SMS and so cannot be picked in the admin portal; target ${suggestion} instead (sign-ins are not affected).`
	);
}

/** V10: user/group targets name objects of the home tenant, application targets apps of the resource. */
function checkExists(site: TargetSite, target: PolicyTarget, at: string): void {
	if (target.target === ALL_USERS || APP_KEYWORDS.has(target.target)) return;
	const { ctx, direction } = site;
	const outbound = direction === 'b2bDirectConnectOutbound';
	const label = settingLabel(ctx, direction);
	if (target.targetType !== 'application') {
		const owner = outbound ? ctx.tenant : ctx.partnerTenant;
		if (!owner) return; // inbound targets of a partner the scenario does not model: cannot tell
		const problem = missingObject(owner, target);
		if (problem) report(ctx, 'V10', 'warning', at, `${label} names ${problem}.`);
		return;
	}
	if (findMicrosoftApp(target.target)) return;
	const resources = outbound ? resourceTenants(ctx) : [ctx.tenant];
	if (resources.length === 0) return; // outbound to an unmodelled partner: its apps are unknown
	if (resources.some((t) => t.applications.some((a) => a.appId === target.target))) return;
	const where =
		resources.length === 1 && resources[0]
			? `Microsoft app or an app of ${resources[0].displayName}`
			: 'Microsoft app or an app of any tenant in the scenario';
	report(
		ctx,
		'V10',
		'warning',
		at,
		`${label} names the application ${target.target}, which is not a ${where}.`
	);
}

/** The tenants whose apps an outbound application target may name. */
function resourceTenants(ctx: ConfigContext): Tenant[] {
	if (ctx.partner) return ctx.partnerTenant ? [ctx.partnerTenant] : [];
	return ctx.scenario.tenants.filter((t) => t.tenantId !== ctx.tenant.tenantId);
}

/** Describes a user/group target that does not name an object of that kind in `owner`. */
function missingObject(owner: Tenant, target: PolicyTarget): string | undefined {
	const isUser = owner.users.some((u) => u.id === target.target);
	const isGroup = owner.groups.some((g) => g.id === target.target);
	if (target.targetType === 'user') {
		if (isUser) return undefined;
		return isGroup
			? `${target.target} as a user, but it is a group of ${owner.displayName} (use targetType "group")`
			: `the user ${target.target}, which is not a user of ${owner.displayName}`;
	}
	if (isGroup) return undefined;
	return isUser
		? `${target.target} as a group, but it is a user of ${owner.displayName} (use targetType "user")`
		: `the group ${target.target}, which is not a group of ${owner.displayName}`;
}

/** V11: AllUsers / AllApplications next to specific targets in one list. */
function checkMixed(site: TargetSite, config: TargetConfiguration): void {
	const keyword = site.half === 'usersAndGroups' ? ALL_USERS : ALL_APPLICATIONS;
	if (config.targets.length < 2 || !config.targets.some((t) => t.target === keyword)) return;
	const what = site.half === 'usersAndGroups' ? 'users or groups' : 'applications';
	report(
		site.ctx,
		'V11',
		'warning',
		site.path,
		`${settingLabel(site.ctx, site.direction)} lists ${keyword} together with specific ${what}; the admin portal offers "all" and "selected" as separate choices, so keep only one of them.`
	);
}
