import { possessive } from './describe.ts';
/**
 * S3 as a step: takes the resource tenant's effective inbound trust for the home tenant, evaluates every
 * policy, and either decides or asks for the home MFA challenge (A5), which the caller answers.
 */
import {
	caVerdict,
	evaluatePolicy,
	policyResult,
	type PolicyEvaluation
} from './conditional-access.ts';
import type { PreparedAttempt } from './prepare.ts';
import { resolveTrust, type TrustFlag } from './resolve.ts';
import { makeStep } from './steps.ts';
import { ERROR_CONDITIONAL_ACCESS, type AssumptionId, type TraceStep } from './types.ts';

export type HomeMfaAnswer = 'complete' | 'fail';

export type CaOutcome =
	| { kind: 'decided'; step: TraceStep; homeMfaPrompted: boolean }
	/** Every enforced policy would pass once the user completes MFA at home: the machine waits here. */
	| { kind: 'homeMfaChallenge'; message: string };

interface CaEvaluation {
	evaluations: PolicyEvaluation[];
	trust: Record<TrustFlag, boolean>;
	/** Where each trust flag's value came from. */
	trustSources: Record<TrustFlag, { source: 'partner' | 'default'; path: string }>;
	assumptions: AssumptionId[];
}

function evaluateAll(p: PreparedAttempt): CaEvaluation {
	const resolved = resolveTrust(p.resource.tenant, p.resource.partners.get(p.home.tenant.tenantId));
	const trust = {
		isMfaAccepted: resolved.flags.isMfaAccepted.value,
		isCompliantDeviceAccepted: resolved.flags.isCompliantDeviceAccepted.value,
		isHybridAzureADJoinedDeviceAccepted: resolved.flags.isHybridAzureADJoinedDeviceAccepted.value
	};
	const ctx = {
		homeTenantId: p.home.tenant.tenantId,
		app: p.app,
		trust,
		session: p.session,
		mfaTrustedButNotPerformed: p.mfaTrustedButNotPerformed
	};
	const evaluations = (p.resource.tenant.conditionalAccessPolicies ?? []).map((policy) =>
		evaluatePolicy(policy, ctx)
	);
	return { evaluations, trust, trustSources: resolved.flags, assumptions: resolved.assumptions };
}

const TRUST_FLAG_OF_CONTROL: Record<string, TrustFlag> = {
	mfa: 'isMfaAccepted',
	compliantDevice: 'isCompliantDeviceAccepted',
	domainJoinedDevice: 'isHybridAzureADJoinedDeviceAccepted'
};

/**
 * The setting that decided a policy: the trust flag behind the control that failed (or, for a pass,
 * that was met), or the policy's own grant controls when no trust flag can change the result.
 */
function decidingSetting(
	e: CaEvaluation,
	ev: PolicyEvaluation,
	failed: boolean
): { source: 'partner' | 'default' | null; settingPath: string } {
	const control = ev.controls.find((c) => (failed ? c.verdict !== 'met' : c.verdict === 'met'));
	const flag = control ? TRUST_FLAG_OF_CONTROL[control.control] : undefined;
	if (flag) return { source: e.trustSources[flag].source, settingPath: e.trustSources[flag].path };
	return { source: null, settingPath: `conditionalAccessPolicies[${ev.policy.id}].grantControls` };
}

function collectAssumptions(e: CaEvaluation, applied: PolicyEvaluation[]): AssumptionId[] {
	const set = new Set<AssumptionId>(e.assumptions);
	for (const ev of applied) for (const c of ev.controls) for (const a of c.assumptions) set.add(a);
	return [...set];
}

/** S3. Pass `homeMfa` once the user answered the challenge; without it a needed challenge is returned. */
export function checkConditionalAccess(p: PreparedAttempt, homeMfa?: HomeMfaAnswer): CaOutcome {
	const e = evaluateAll(p);
	const { enforced, needsChallenge, homeMfaDone, failing } = caVerdict(e.evaluations, homeMfa);
	const resource = p.resource.tenant;
	const home = p.home.tenant;
	if (needsChallenge && homeMfa === undefined)
		return {
			kind: 'homeMfaChallenge',
			message: `${resource.displayName} requires MFA and trusts MFA done at ${home.displayName}, but ${p.user.displayName} has not done it in this session: ${home.displayName} asks for it now (assumption A5).`
		};
	const policies = e.evaluations.map((ev) => policyResult(ev, homeMfaDone));
	const applied = e.evaluations.filter((ev) => ev.applies);
	const base = {
		step: 'conditionalAccess' as const,
		tenantId: resource.tenantId,
		source: null,
		settingPath: null,
		rules: ['S3', 'R1', 'R3'],
		assumptions: collectAssumptions(e, applied),
		details: {
			policies,
			trust: e.trust,
			homeMfa: needsChallenge ? (homeMfaDone ? 'completed' : 'failed') : 'notNeeded'
		} as const
	};
	if (failing) {
		const why =
			needsChallenge && homeMfa === 'fail'
				? `${p.user.displayName} did not complete the MFA challenge at ${home.displayName}.`
				: failing.notes.join(' ');
		return {
			kind: 'decided',
			homeMfaPrompted: needsChallenge,
			step: makeStep({
				...base,
				...decidingSetting(e, failing, true),
				outcome: 'failed',
				errorCode: ERROR_CONDITIONAL_ACCESS,
				actor: 'resource',
				message: `${possessive(resource.displayName)} Conditional Access policy "${failing.policy.displayName}" is not satisfied, so Entra refuses with error 53003. ${why}`
			})
		};
	}
	const reportOnly = applied.filter((ev) => !ev.enforced).length;
	const summary =
		enforced.length === 0
			? `No enabled Conditional Access policy of ${resource.displayName} applies to ${p.user.displayName} for ${p.app.displayName}.`
			: `${p.user.displayName} satisfies ${enforced.length === 1 ? 'the' : 'every'} applicable Conditional Access ${enforced.length === 1 ? `policy of ${resource.displayName} ("${enforced[0]?.policy.displayName}")` : `policy of ${resource.displayName}`}${homeMfaDone ? ` after completing MFA at ${home.displayName}` : ''}.`;
	return {
		kind: 'decided',
		homeMfaPrompted: needsChallenge,
		step: makeStep({
			...base,
			// With no enforced policy applying, no setting decided this step.
			...(enforced[0] ? decidingSetting(e, enforced[0], false) : {}),
			outcome: 'passed',
			message:
				reportOnly > 0
					? `${summary} ${reportOnly} report-only ${reportOnly === 1 ? 'policy was' : 'policies were'} evaluated and logged, not enforced.`
					: summary
		})
	};
}
