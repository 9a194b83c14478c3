/**
 * Fix hints: for a blocked attempt, the smallest setting changes that let it through. Candidates are
 * built from the failing step, applied with the same pure commands the editor uses, and kept only if
 * re-running the engine grants the attempt. When a change only moves the failure to a later step (the
 * other side of a mutual trust, say), the search continues from there, so a hint may name two admins.
 */
import {
	excludeDirectConnectUsers,
	setAutoRedemption,
	setDirectConnect,
	setTrust,
	type SetDirectConnect
} from './commands.ts';
import { configLabel, possessive } from './engine/describe.ts';
import { evaluateAttempt, prepareAttempt, type AttemptResult } from './engine/index.ts';
import { appTargetMatches, permits, userTargetMatches, type Subject } from './engine/match.ts';
import type { PreparedAttempt } from './engine/prepare.ts';
import { resolveDirectConnect, type TrustFlag } from './engine/resolve.ts';
import type {
	Attempt,
	ConditionalAccessPolicy,
	PolicyTarget,
	Scenario,
	TargetConfiguration,
	Tenant
} from './schema.ts';

export type HintCommand =
	| { kind: 'setDirectConnect'; args: SetDirectConnect }
	| {
			kind: 'setTrust';
			args: { tenantId: string; partnerTenantId: string; flag: TrustFlag; value: boolean };
	  }
	| {
			kind: 'setAutoRedemption';
			args: {
				tenantId: string;
				partnerTenantId: string;
				flag: 'inboundAllowed' | 'outboundAllowed';
				value: boolean;
			};
	  }
	| {
			kind: 'excludeDirectConnectUsers';
			args: { tenantId: string; policyId: string; homeTenantId: string };
	  };

export interface SettingChange {
	tenantId: string;
	tenantName: string;
	/** Whose admin makes this change. */
	admin: 'home' | 'resource';
	/** The setting written, in the trace's path style. */
	settingPath: string;
	description: string;
	command: HintCommand;
}

export interface FixHint {
	changes: SettingChange[];
	/** "Contoso's admin: …" or "Both admins must act: …". */
	summary: string;
	/** The attempt's result once every change is applied: always granted. */
	result: AttemptResult;
}

export function applyCommand(scenario: Scenario, command: HintCommand): Scenario {
	switch (command.kind) {
		case 'setDirectConnect':
			return setDirectConnect(scenario, command.args);
		case 'setTrust':
			return setTrust(scenario, command.args);
		case 'setAutoRedemption':
			return setAutoRedemption(scenario, command.args);
		case 'excludeDirectConnectUsers':
			return excludeDirectConnectUsers(scenario, command.args);
	}
}

/** The smallest edit of one target list so it lets the subject through, given the match test. */
function admit(
	config: TargetConfiguration,
	add: PolicyTarget,
	matches: (t: PolicyTarget) => boolean,
	all: string
): TargetConfiguration {
	if (config.accessType === 'allowed')
		return { accessType: 'allowed', targets: [...config.targets, add] };
	const kept = config.targets.filter((t) => !matches(t));
	if (kept.length > 0) return { accessType: 'blocked', targets: kept };
	const wasAll = config.targets.some((t) => t.target === all);
	return wasAll
		? { accessType: 'allowed', targets: [add] }
		: { accessType: 'allowed', targets: [{ target: all, targetType: add.targetType }] };
}

function directConnectCandidates(
	p: PreparedAttempt,
	direction: 'outbound' | 'inbound'
): SettingChange[] {
	const outbound = direction === 'outbound';
	const judge = outbound ? p.home.tenant : p.resource.tenant;
	const other = outbound ? p.resource.tenant : p.home.tenant;
	const prop = outbound ? 'b2bDirectConnectOutbound' : 'b2bDirectConnectInbound';
	const partner = judge.crossTenantAccessPolicy.partners.find((x) => x.tenantId === other.tenantId);
	const effective = resolveDirectConnect(judge, partner, prop);
	const subject: Subject = p.subject;
	const firstGroup = [...p.directGroups][0];
	const userTargets: PolicyTarget[] = [
		...(firstGroup ? [{ target: firstGroup, targetType: 'group' as const }] : []),
		{ target: p.user.id, targetType: 'user' as const }
	];
	const appTarget: PolicyTarget = { target: 'Office365', targetType: 'application' };
	const apps = admit(
		effective.applications.config,
		appTarget,
		(t) => appTargetMatches(t, subject),
		'AllApplications'
	);
	const out: SettingChange[] = [];
	for (const userTarget of userTargets) {
		const users = admit(
			effective.usersAndGroups.config,
			userTarget,
			(t) => userTargetMatches(t, subject),
			'AllUsers'
		);
		// The first variant that lets the subject through is the smallest: change one half if that suffices.
		const variants = [
			{ usersAndGroups: users },
			{ applications: apps },
			{ usersAndGroups: users, applications: apps }
		];
		const halves = variants.find((v) => {
			const next = {
				...effective,
				usersAndGroups: {
					...effective.usersAndGroups,
					config: v.usersAndGroups ?? effective.usersAndGroups.config
				},
				applications: {
					...effective.applications,
					config: v.applications ?? effective.applications.config
				}
			};
			return permits(next, subject).permitted;
		});
		if (!halves) continue;
		const next = {
			usersAndGroups: halves.usersAndGroups ?? effective.usersAndGroups.config,
			applications: halves.applications ?? effective.applications.config
		};
		out.push({
			tenantId: judge.tenantId,
			tenantName: judge.displayName,
			admin: outbound ? 'home' : 'resource',
			settingPath: `partners[${other.tenantId}].${prop}`,
			description: `${partner ? 'In' : `Add ${other.displayName} to`} ${possessive(judge.displayName)} organizational settings${partner ? ` for ${other.displayName}` : ''}, B2B direct connect ${direction}: ${configLabel(next.usersAndGroups, p.home.tenant, p.resource.tenant)} and ${configLabel(next.applications, p.home.tenant, p.resource.tenant)}.`,
			command: {
				kind: 'setDirectConnect',
				args: { tenantId: judge.tenantId, partnerTenantId: other.tenantId, direction, ...halves }
			}
		});
	}
	return out;
}

const TRUST_FOR_CONTROL: Record<string, { flag: TrustFlag; words: string }> = {
	mfa: { flag: 'isMfaAccepted', words: 'Trust multifactor authentication from' },
	compliantDevice: { flag: 'isCompliantDeviceAccepted', words: 'Trust compliant devices from' },
	domainJoinedDevice: {
		flag: 'isHybridAzureADJoinedDeviceAccepted',
		words: 'Trust Microsoft Entra hybrid joined devices from'
	}
};

/**
 * What excluding direct connect users of the home tenant really does to the policy. Graph keeps one
 * exclusion per policy (user types × tenants), so the change can reach further than one tenant.
 */
function exclusionWords(
	policy: ConditionalAccessPolicy | undefined,
	policyName: string,
	homeName: string,
	trustCouldHelp: boolean
): string {
	const current = policy?.conditions.users?.excludeGuestsOrExternalUsers;
	const otherTypes = (current?.guestOrExternalUserTypes ?? '')
		.split(',')
		.filter((t) => t !== '' && t !== 'b2bDirectConnectUser');
	const scope =
		current?.externalTenants?.membershipKind === 'all'
			? `Exclude direct connect users from the Conditional Access policy "${policyName}": its exclusion already covers every external organization, so direct connect users of all of them, not only ${homeName}, would skip it.`
			: `Exclude direct connect users from ${homeName} from the Conditional Access policy "${policyName}".${otherTypes.length > 0 ? ` The exclusion's other user types (${otherTypes.join(', ')}) then cover ${homeName} too.` : ''}`;
	return `${scope} This weakens protection${trustCouldHelp ? `: prefer trusting ${possessive(homeName)} claims` : ''}.`;
}

function conditionalAccessCandidates(p: PreparedAttempt, result: AttemptResult): SettingChange[] {
	const resource = p.resource.tenant;
	const home = p.home.tenant;
	const failed =
		result.trace
			.find((s) => s.step === 'conditionalAccess')
			?.details?.policies?.filter((r) => r.result === 'failure') ?? [];
	const out: SettingChange[] = [];
	const base = {
		tenantId: resource.tenantId,
		tenantName: resource.displayName,
		admin: 'resource' as const
	};
	for (const control of new Set(failed.flatMap((r) => r.enforcedGrantControls))) {
		const trust = TRUST_FOR_CONTROL[control];
		if (!trust) continue;
		out.push({
			...base,
			settingPath: `partners[${home.tenantId}].inboundTrust.${trust.flag}`,
			description: `${trust.words} ${home.displayName} in ${possessive(resource.displayName)} organizational settings for ${home.displayName} (inbound trust settings).`,
			command: {
				kind: 'setTrust',
				args: {
					tenantId: resource.tenantId,
					partnerTenantId: home.tenantId,
					flag: trust.flag,
					value: true
				}
			}
		});
	}
	for (const policy of failed)
		out.push({
			...base,
			settingPath: `conditionalAccessPolicies[${policy.id}].conditions.users.excludeGuestsOrExternalUsers`,
			description: exclusionWords(
				resource.conditionalAccessPolicies?.find((c) => c.id === policy.id),
				policy.displayName,
				home.displayName,
				policy.enforcedGrantControls.some((c) => TRUST_FOR_CONTROL[c] !== undefined)
			),
			command: {
				kind: 'excludeDirectConnectUsers',
				args: { tenantId: resource.tenantId, policyId: policy.id, homeTenantId: home.tenantId }
			}
		});
	return out;
}

/** Turns on one automatic redemption flag of `tenant` for `other` (S4). */
function autoRedemption(
	tenant: Tenant,
	other: Tenant,
	admin: SettingChange['admin'],
	flag: 'outboundAllowed' | 'inboundAllowed'
): SettingChange {
	const direction = flag === 'outboundAllowed' ? 'outbound' : 'inbound';
	return {
		tenantId: tenant.tenantId,
		tenantName: tenant.displayName,
		admin,
		settingPath: `partners[${other.tenantId}].automaticUserConsentSettings.${flag}`,
		description: `Turn on automatic redemption ${direction} in ${possessive(tenant.displayName)} organizational settings for ${other.displayName}.`,
		command: {
			kind: 'setAutoRedemption',
			args: { tenantId: tenant.tenantId, partnerTenantId: other.tenantId, flag, value: true }
		}
	};
}

function consentCandidates(p: PreparedAttempt): SettingChange[] {
	const home = p.home.tenant;
	const resource = p.resource.tenant;
	return [
		autoRedemption(home, resource, 'home', 'outboundAllowed'),
		autoRedemption(resource, home, 'resource', 'inboundAllowed')
	];
}

function candidates(p: PreparedAttempt, result: AttemptResult): SettingChange[][] {
	switch (result.step) {
		case 'outbound':
		case 'inbound':
			return directConnectCandidates(p, result.step).map((c) => [c]);
		case 'conditionalAccess':
			return conditionalAccessCandidates(p, result).map((c) => [c]);
		case 'consent':
			// Both flags are needed (R4), so they form one candidate.
			return [consentCandidates(p)];
		default:
			return []; // S0: no setting changes tenants, clouds or which apps direct connect serves.
	}
}

const STEP_RANK = {
	preconditions: 0,
	outbound: 1,
	inbound: 2,
	conditionalAccess: 3,
	consent: 4
} as const;

function search(
	scenario: Scenario,
	attempt: Attempt,
	result: AttemptResult,
	depth: number
): { changes: SettingChange[]; result: AttemptResult }[] {
	if (result.outcome === 'granted') return [{ changes: [], result }];
	if (depth === 0 || result.step === null) return [];
	const prepared = prepareAttempt(scenario, attempt);
	if (!prepared.ok) return [];
	const found: { changes: SettingChange[]; result: AttemptResult }[] = [];
	for (const group of candidates(prepared.prepared, result)) {
		const next = group.reduce((s, c) => applyCommand(s, c.command), scenario);
		const after = evaluateAttempt(next, attempt);
		const progressed =
			after.outcome === 'granted' ||
			(after.step !== null && STEP_RANK[after.step] > STEP_RANK[result.step]);
		if (!progressed) continue;
		// Continue from the new failure; the first verified way through is enough per candidate.
		const rest = search(next, attempt, after, depth - 1)[0];
		if (rest) found.push({ changes: [...group, ...rest.changes], result: rest.result });
	}
	return found;
}

function summarize(changes: SettingChange[]): string {
	const admins = [...new Set(changes.map((c) => c.tenantName))];
	const lines = changes.map((c) => `${possessive(c.tenantName)} admin: ${c.description}`);
	return admins.length > 1 ? `Both admins must act. ${lines.join(' ')}` : lines.join(' ');
}

/** Up to `max` verified ways to let a blocked attempt through, fewest changes first. */
export function fixHints(scenario: Scenario, attempt: Attempt, max = 3): FixHint[] {
	const result = evaluateAttempt(scenario, attempt);
	const seen = new Set<string>();
	return search(scenario, attempt, result, 4)
		.filter((h) => h.changes.length > 0)
		.sort((a, b) => a.changes.length - b.changes.length)
		.filter((h) => {
			const key = h.changes.map((c) => c.description).join('|');
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.slice(0, max)
		.map((h) => ({ changes: h.changes, summary: summarize(h.changes), result: h.result }));
}
