/**
 * The steps of one access attempt (S0-S2 here; S3-S6 in their own files). Each takes a prepared
 * attempt and returns one trace step. The engine runs them in order; the attempt machine runs the
 * same functions one event at a time, so the two cannot disagree.
 */
import { configLabel, possessive, targetLabel } from './describe.ts';
import { permits, type PermitResult } from './match.ts';
import type { PreparedAttempt } from './prepare.ts';
import {
	resolveDirectConnect,
	type DirectConnectProperty,
	type ResolvedB2BSetting
} from './resolve.ts';
import {
	ERROR_INBOUND,
	ERROR_OUTBOUND,
	type AssumptionId,
	type MatchedTarget,
	type TraceStep
} from './types.ts';

export const CLOUD_NAMES = {
	global: 'the global cloud',
	usGovernment: 'US Government',
	china: 'China (21Vianet)'
};

/** A step with the fields every step shares filled in. */
export function makeStep(
	fields: Partial<TraceStep> & Pick<TraceStep, 'step' | 'outcome' | 'message' | 'rules'>
): TraceStep {
	return {
		tenantId: null,
		source: null,
		settingPath: null,
		matched: [],
		noMatch: null,
		assumptions: [],
		errorCode: null,
		actor: null,
		...fields
	};
}

/** S0: different tenants, the same cloud (A4), and an app that direct connect reaches. */
export function checkPreconditions(p: PreparedAttempt): TraceStep {
	const home = p.home.tenant;
	const resource = p.resource.tenant;
	if (home.tenantId === resource.tenantId)
		return makeStep({
			step: 'preconditions',
			outcome: 'failed',
			tenantId: home.tenantId,
			rules: ['S0'],
			actor: 'user',
			message: `${p.user.displayName} belongs to ${home.displayName} already: opening its own apps is not cross-tenant access, so direct connect does not come into it.`
		});
	const homeCloud = home.cloud ?? 'global';
	const resourceCloud = resource.cloud ?? 'global';
	if (homeCloud !== resourceCloud)
		return makeStep({
			step: 'preconditions',
			outcome: 'failed',
			tenantId: resource.tenantId,
			rules: ['S0'],
			assumptions: ['A4'],
			actor: null,
			message: `${home.displayName} is in ${CLOUD_NAMES[homeCloud]} and ${resource.displayName} in ${CLOUD_NAMES[resourceCloud]}: direct connect works only inside one Microsoft cloud (A4), and no setting changes that.`
		});
	if (!p.app.microsoft)
		return makeStep({
			step: 'preconditions',
			outcome: 'failed',
			tenantId: resource.tenantId,
			rules: ['S0'],
			actor: null,
			message: `${p.app.displayName} is ${possessive(resource.displayName)} own application. Direct connect reaches only Microsoft Teams shared channels (the Office 365 suite), so a user from another tenant needs B2B collaboration (a guest account) for it.`
		});
	return makeStep({
		step: 'preconditions',
		outcome: 'passed',
		rules: ['S0'],
		message: `${p.user.displayName} from ${home.displayName} asks for ${p.app.displayName} in ${resource.displayName}: two tenants in the same cloud, and an app that direct connect serves.`
	});
}

function matchedTargets(p: PreparedAttempt, perm: PermitResult): MatchedTarget[] {
	const out: MatchedTarget[] = [];
	const home = p.home.tenant;
	const resource = p.resource.tenant;
	if (perm.userMatch)
		out.push({
			half: 'usersAndGroups',
			target: perm.userMatch,
			label: targetLabel(perm.userMatch, home, resource)
		});
	if (perm.appMatch)
		out.push({
			half: 'applications',
			target: perm.appMatch,
			label: targetLabel(perm.appMatch, home, resource)
		});
	return out;
}

/** A3 decided when the other group-membership option would have given the other outcome. */
function membershipDecided(
	p: PreparedAttempt,
	setting: ResolvedB2BSetting,
	perm: PermitResult
): boolean {
	if (p.otherGroups.size === p.subject.groups.size) return false;
	return permits(setting, { ...p.subject, groups: p.otherGroups }).permitted !== perm.permitted;
}

function settingWords(
	setting: ResolvedB2BSetting,
	ownerName: string,
	otherName: string,
	half: 'usersAndGroups' | 'applications'
): string {
	const h = setting[half];
	if (h.source === 'partner')
		return `${possessive(ownerName)} organizational settings for ${otherName}`;
	return h.serviceDefault
		? `${possessive(ownerName)} default settings (never changed, so direct connect is off)`
		: `${possessive(ownerName)} default settings`;
}

/** S1 (outbound, decided at home) and S2 (inbound, decided at the resource): M3 on the effective setting. */
export function checkDirectConnect(
	p: PreparedAttempt,
	direction: 'outbound' | 'inbound'
): TraceStep {
	const outbound = direction === 'outbound';
	const judge = outbound ? p.home : p.resource;
	const other = outbound ? p.resource : p.home;
	const prop: DirectConnectProperty = outbound
		? 'b2bDirectConnectOutbound'
		: 'b2bDirectConnectInbound';
	const setting = resolveDirectConnect(
		judge.tenant,
		judge.partners.get(other.tenant.tenantId),
		prop
	);
	const perm = permits(setting, p.subject);
	const half = perm.decidedBy[0] ?? 'usersAndGroups';
	const decider = setting[half];
	const home = p.home.tenant;
	const resource = p.resource.tenant;
	const words = settingWords(setting, judge.tenant.displayName, other.tenant.displayName, half);
	const usersText = configLabel(setting.usersAndGroups.config, home, resource);
	const appsText = configLabel(setting.applications.config, home, resource);
	const assumptions: AssumptionId[] = [...setting.assumptions];
	if (membershipDecided(p, setting, perm)) assumptions.push('A3');
	const rules = [
		outbound ? 'S1' : 'S2',
		'R1',
		...(setting.assumptions.length ? ['R2'] : []),
		'M1',
		'M2',
		'M3',
		'M4',
		// The deciding half was never set anywhere: the service default (D1) blocks everyone.
		...(decider.serviceDefault ? ['D1'] : [])
	];
	// When one allow-list decided by not naming the subject, say so in plain words (and in `noMatch`).
	const missedConfig = !perm.permitted && perm.decidedBy.length === 1 ? setting[half].config : null;
	const missed =
		missedConfig?.accessType === 'allowed'
			? `${configLabel(missedConfig, home, resource).replace(/^allow (only )?/, '')} does not include ${half === 'usersAndGroups' ? p.user.displayName : p.app.displayName}`
			: null;
	const base = {
		step: direction,
		tenantId: judge.tenant.tenantId,
		source: decider.source,
		// Refused by both halves (two lists that miss, or M3's blocked pair): the whole setting decided.
		settingPath:
			!perm.permitted && perm.decidedBy.length > 1
				? decider.path.replace(/\.(usersAndGroups|applications)$/, '')
				: decider.path,
		matched: matchedTargets(p, perm),
		noMatch: missed,
		rules,
		assumptions
	} as const;
	const who = p.user.displayName;
	if (perm.permitted) {
		return makeStep({
			...base,
			outcome: 'passed',
			message: outbound
				? `${home.displayName} lets ${who} out to ${resource.displayName} for ${p.app.displayName}: ${words} ${usersText} and ${appsText}.`
				: `${resource.displayName} lets ${who} in from ${home.displayName} for ${p.app.displayName}: ${words} ${usersText} and ${appsText}. Both sides allow, so the trust is mutual.`
		});
	}
	const why = missed
		? `${words} ${half === 'usersAndGroups' ? usersText : appsText}, and ${missed}`
		: `${words} ${usersText} and ${appsText}`;
	return makeStep({
		...base,
		outcome: 'failed',
		errorCode: outbound ? ERROR_OUTBOUND : ERROR_INBOUND,
		actor: outbound ? 'home' : 'resource',
		message: outbound
			? `${possessive(home.displayName)} own admin does not let ${who} use direct connect with ${resource.displayName}: ${why}. ${possessive(home.displayName)} admin has to change this (AADSTS500212).`
			: `${resource.displayName} does not let ${who} in from ${home.displayName}: ${why}. ${home.displayName} lets the user out, but both sides must allow: ${possessive(resource.displayName)} admin has to act (AADSTS500213).`
	});
}
