import { possessive } from './describe.ts';
/**
 * S3 as a step: takes the resource tenant's effective inbound trust for the home tenant, evaluates every
 * policy, and either decides or asks for the home MFA challenge (A5), which the caller answers.
 */
import { evaluatePolicy, policyResult, type PolicyEvaluation } from './conditional-access.ts';
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
	trustSource: { source: 'partner' | 'default'; path: string };
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
	const flag = resolved.flags.isMfaAccepted;
	return {
		evaluations,
		trust,
		trustSource: { source: flag.source, path: flag.path },
		assumptions: resolved.assumptions
	};
}

function collectAssumptions(e: CaEvaluation, applied: PolicyEvaluation[]): AssumptionId[] {
	const set = new Set<AssumptionId>(e.assumptions);
	for (const ev of applied) for (const c of ev.controls) for (const a of c.assumptions) set.add(a);
	return [...set];
}

/** S3. Pass `homeMfa` once the user answered the challenge; without it a needed challenge is returned. */
export function checkConditionalAccess(p: PreparedAttempt, homeMfa?: HomeMfaAnswer): CaOutcome {
	const e = evaluateAll(p);
	const enforced = e.evaluations.filter((ev) => ev.applies && ev.enforced);
	const resource = p.resource.tenant;
	const home = p.home.tenant;
	const needsChallenge =
		enforced.some((ev) => !ev.metNow) && enforced.every((ev) => ev.metAfterHomeMfa);
	if (needsChallenge && homeMfa === undefined)
		return {
			kind: 'homeMfaChallenge',
			message: `${resource.displayName} requires MFA and trusts MFA done at ${home.displayName}, but ${p.user.displayName} has not done it in this session: ${home.displayName} asks for it now (assumption A5).`
		};
	const homeMfaDone = needsChallenge && homeMfa === 'complete';
	const policies = e.evaluations.map((ev) => policyResult(ev, homeMfaDone));
	const applied = e.evaluations.filter((ev) => ev.applies);
	const base = {
		step: 'conditionalAccess' as const,
		tenantId: resource.tenantId,
		// The trust setting only decides when some enforced policy applies; otherwise nothing here does.
		source: enforced.length > 0 ? e.trustSource.source : null,
		settingPath: enforced.length > 0 ? e.trustSource.path : null,
		rules: ['S3', 'R1', 'R3'],
		assumptions: collectAssumptions(e, applied),
		details: {
			policies,
			trust: e.trust,
			homeMfa: needsChallenge ? (homeMfaDone ? 'completed' : 'failed') : 'notNeeded'
		} as const
	};
	const failing = enforced.find((ev) => !(homeMfaDone ? ev.metAfterHomeMfa : ev.metNow));
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
				outcome: 'failed',
				errorCode: ERROR_CONDITIONAL_ACCESS,
				actor: 'resource',
				message: `${possessive(resource.displayName)} Conditional Access policy "${failing.policy.displayName}" is not satisfied. ${why} (error 53003)`
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
			outcome: 'passed',
			message:
				reportOnly > 0
					? `${summary} ${reportOnly} report-only ${reportOnly === 1 ? 'policy was' : 'policies were'} evaluated and logged, not enforced.`
					: summary
		})
	};
}
