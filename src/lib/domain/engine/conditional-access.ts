/**
 * S3: the resource tenant's Conditional Access for a B2B direct connect user. A direct connect user has
 * no object in the resource tenant, so only "All users" and the external-user type
 * `b2bDirectConnectUser` (scoped by home tenant) can cover them; they can satisfy MFA and device
 * controls only through the resource tenant's inbound trust of claims made at home.
 */
import type { ConditionalAccessPolicy, GuestsOrExternalUsers } from '../schema.ts';
import type { ResolvedApp } from '../directory.ts';
import type { TrustFlag } from './resolve.ts';
import type { AssumptionId, PolicyResult } from './types.ts';

export interface CaContext {
	homeTenantId: string;
	app: ResolvedApp;
	trust: Record<TrustFlag, boolean>;
	session: { mfa: boolean; compliantDevice: boolean; hybridJoinedDevice: boolean };
	mfaTrustedButNotPerformed: 'homeChallenge' | 'block';
}

/** How one grant control fares: met now, met only after MFA at home (A5), or not met. */
type ControlVerdict = 'met' | 'afterHomeMfa' | 'notMet';

interface ControlResult {
	control: string;
	verdict: ControlVerdict;
	note: string;
	rules: string[];
	assumptions: AssumptionId[];
}

const UNSATISFIABLE: Record<string, string> = {
	approvedApplication: 'require an approved client app',
	compliantApplication: 'require an app protection policy',
	passwordChange: 'require a password change'
};

function coversExternal(
	spec: GuestsOrExternalUsers | null | undefined,
	homeTenantId: string
): boolean {
	if (!spec) return false;
	const types = spec.guestOrExternalUserTypes.split(',').map((s) => s.trim());
	if (!types.includes('b2bDirectConnectUser')) return false;
	const tenants = spec.externalTenants;
	if (!tenants || tenants.membershipKind === 'all') return true;
	return (tenants.members ?? []).includes(homeTenantId);
}

/** Does the policy's user scope cover this direct connect user (6.1)? `GuestsOrExternalUsers` is Graph's older keyword for every external user. */
export function policyCoversUser(policy: ConditionalAccessPolicy, homeTenantId: string): boolean {
	const users = policy.conditions.users;
	if (!users) return false;
	const include = users.includeUsers ?? [];
	const exclude = users.excludeUsers ?? [];
	const included =
		include.includes('All') ||
		include.includes('GuestsOrExternalUsers') ||
		coversExternal(users.includeGuestsOrExternalUsers, homeTenantId);
	const excluded =
		exclude.includes('GuestsOrExternalUsers') ||
		coversExternal(users.excludeGuestsOrExternalUsers, homeTenantId);
	return included && !excluded;
}

function appListCovers(list: readonly string[], app: ResolvedApp): boolean {
	return list.some(
		(entry) => entry === 'All' || entry === app.appId || (entry === 'Office365' && app.microsoft)
	);
}

export function policyCoversApp(policy: ConditionalAccessPolicy, app: ResolvedApp): boolean {
	const apps = policy.conditions.applications;
	if (!apps) return false;
	return (
		appListCovers(apps.includeApplications ?? [], app) &&
		!appListCovers(apps.excludeApplications ?? [], app)
	);
}

function evaluateControl(control: string, ctx: CaContext): ControlResult {
	const base = { control, rules: ['S3'], assumptions: [] as AssumptionId[] };
	switch (control) {
		case 'block':
			return { ...base, verdict: 'notMet', note: 'The policy blocks access outright.' };
		case 'mfa':
			if (!ctx.trust.isMfaAccepted)
				return {
					...base,
					verdict: 'notMet',
					note: 'MFA is required, but this tenant does not trust MFA done in the home tenant, and a direct connect user cannot do MFA here.'
				};
			if (ctx.session.mfa)
				return {
					...base,
					verdict: 'met',
					note: 'MFA is required and the MFA done at home is trusted.'
				};
			return ctx.mfaTrustedButNotPerformed === 'homeChallenge'
				? {
						...base,
						verdict: 'afterHomeMfa',
						assumptions: ['A5'],
						note: 'MFA is required and trusted, but not done yet: the user is asked to complete it in the home tenant (assumption A5).'
					}
				: {
						...base,
						verdict: 'notMet',
						assumptions: ['A5'],
						note: 'MFA is required and trusted, but not done yet; this scenario follows the reading that the user is blocked (assumption A5).'
					};
		case 'compliantDevice':
			if (!ctx.trust.isCompliantDeviceAccepted)
				return {
					...base,
					verdict: 'notMet',
					note: 'A compliant device is required, but compliant-device claims from the home tenant are not trusted.'
				};
			return ctx.session.compliantDevice
				? {
						...base,
						verdict: 'met',
						note: 'A compliant device is required; the trusted claim from home says it is.'
					}
				: {
						...base,
						verdict: 'notMet',
						note: 'A compliant device is required and trusted, but the home tenant did not mark this device compliant.'
					};
		case 'domainJoinedDevice':
			if (!ctx.trust.isHybridAzureADJoinedDeviceAccepted)
				return {
					...base,
					verdict: 'notMet',
					note: 'A hybrid-joined device is required, but hybrid-joined claims from the home tenant are not trusted.'
				};
			return ctx.session.hybridJoinedDevice
				? {
						...base,
						verdict: 'met',
						note: 'A hybrid-joined device is required; the trusted claim from home says it is.'
					}
				: {
						...base,
						verdict: 'notMet',
						note: 'A hybrid-joined device is required and trusted, but the device is not hybrid joined.'
					};
		default: {
			const what = UNSATISFIABLE[control] ?? `the control "${control}"`;
			return {
				...base,
				verdict: 'notMet',
				assumptions: ['A6'],
				note: `The policy requires ${what}, which a direct connect user cannot satisfy (assumption A6).`
			};
		}
	}
}

export interface PolicyEvaluation {
	policy: ConditionalAccessPolicy;
	applies: boolean;
	enforced: boolean;
	/** Satisfied with the session as it is, and satisfied once home MFA is completed. */
	metNow: boolean;
	metAfterHomeMfa: boolean;
	controls: ControlResult[];
	notes: string[];
}

function combine(operator: 'AND' | 'OR', verdicts: boolean[]): boolean {
	return operator === 'OR' ? verdicts.some(Boolean) : verdicts.every(Boolean);
}

export function evaluatePolicy(policy: ConditionalAccessPolicy, ctx: CaContext): PolicyEvaluation {
	const applies =
		policy.state !== 'disabled' &&
		policyCoversUser(policy, ctx.homeTenantId) &&
		policyCoversApp(policy, ctx.app);
	const grant = policy.grantControls;
	const controls = (grant?.builtInControls ?? []).map((c) => evaluateControl(c, ctx));
	for (const terms of grant?.termsOfUse ?? [])
		controls.push({
			control: 'termsOfUse',
			verdict: 'notMet',
			rules: ['S3'],
			assumptions: ['A6'],
			note: `The policy requires accepting terms of use (${terms}), which a direct connect user cannot do (assumption A6).`
		});
	for (const custom of grant?.customAuthenticationFactors ?? [])
		controls.push({
			control: custom,
			verdict: 'notMet',
			rules: ['S3'],
			assumptions: ['A6'],
			note: `The custom control "${custom}" does not work across tenants (assumption A6).`
		});
	const notes = controls.map((c) => c.note);
	if (policy.sessionControls && Object.values(policy.sessionControls).some((v) => v != null))
		notes.push('Its session controls are not applied to direct connect users (no effect).');
	const operator = grant?.operator ?? 'AND';
	const metNow =
		controls.length === 0 ||
		combine(
			operator,
			controls.map((c) => c.verdict === 'met')
		);
	const metAfterHomeMfa =
		controls.length === 0 ||
		combine(
			operator,
			controls.map((c) => c.verdict !== 'notMet')
		);
	return {
		policy,
		applies,
		enforced: policy.state === 'enabled',
		metNow,
		metAfterHomeMfa,
		controls,
		notes
	};
}

/** Graph's result for the resource tenant's sign-in record. */
export function policyResult(e: PolicyEvaluation, homeMfaDone: boolean): PolicyResult {
	const met = homeMfaDone ? e.metAfterHomeMfa : e.metNow;
	let result: PolicyResult['result'];
	if (e.policy.state === 'disabled') result = 'notEnabled';
	else if (!e.applies) result = 'notApplied';
	else if (!e.enforced) result = e.metNow ? 'reportOnlySuccess' : 'reportOnlyFailure';
	else result = met ? 'success' : 'failure';
	return {
		id: e.policy.id,
		displayName: e.policy.displayName,
		result,
		enforcedGrantControls: e.applies ? e.controls.map((c) => c.control) : [],
		notes: e.applies ? e.notes : []
	};
}

export interface CaVerdict {
	/** The policies that apply and are enforced (enabled, not report-only). */
	enforced: PolicyEvaluation[];
	/** Every enforced policy would pass once the user completes MFA at home, but not before (A5). */
	needsChallenge: boolean;
	homeMfaDone: boolean;
	/** The first enforced policy left unsatisfied, if any. */
	failing: PolicyEvaluation | undefined;
}

/** S3's decision over evaluated policies; the step and the outcome-only decider both use it. */
export function caVerdict(
	evaluations: readonly PolicyEvaluation[],
	homeMfa?: 'complete' | 'fail'
): CaVerdict {
	const enforced = evaluations.filter((ev) => ev.applies && ev.enforced);
	const needsChallenge =
		enforced.some((ev) => !ev.metNow) && enforced.every((ev) => ev.metAfterHomeMfa);
	const homeMfaDone = needsChallenge && homeMfa === 'complete';
	// Without a challenge, a policy that home MFA could not satisfy either is the real blocker: name
	// it rather than an MFA policy that would have been asked for at home (A5) had nothing else failed.
	const failing =
		needsChallenge && !homeMfaDone
			? enforced.find((ev) => !ev.metNow)
			: (enforced.find((ev) => !ev.metAfterHomeMfa) ??
				enforced.find((ev) => !(homeMfaDone ? ev.metAfterHomeMfa : ev.metNow)));
	return { enforced, needsChallenge, homeMfaDone, failing };
}
