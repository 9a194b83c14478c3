/**
 * The outcome of an attempt without its explanations, for views that judge many attempts at once
 * (the who-can-reach-whom matrix, lesson goals, the graph's badges). It runs the same resolution,
 * matching and policy functions as `evaluateAttempt`, but caches what depends only on the tenant
 * pair (settings, trust, Conditional Access, auto-redemption), so a 100-tenant matrix of 495,000
 * attempts costs one match per user. A property test keeps it equal to `evaluateAttempt`.
 */
import type { Attempt, Scenario } from '../schema.ts';
import { caVerdict, evaluatePolicy, type PolicyEvaluation } from './conditional-access.ts';
import { permits } from './match.ts';
import { prepareAttempt, type PreparedAttempt } from './prepare.ts';
import {
	resolveConsentFlag,
	resolveDirectConnect,
	resolveTrust,
	type ResolvedB2BSetting,
	type TrustFlag
} from './resolve.ts';
import {
	ERROR_CONDITIONAL_ACCESS,
	ERROR_INBOUND,
	ERROR_OUTBOUND,
	type AttemptResult
} from './types.ts';

export type Decision = Pick<
	AttemptResult,
	'outcome' | 'step' | 'errorCode' | 'consentPrompted' | 'homeMfaPrompted'
>;

interface PairFacts {
	sameCloud: boolean;
	outbound: ResolvedB2BSetting;
	inbound: ResolvedB2BSetting;
	trust: Record<TrustFlag, boolean>;
	autoRedeemed: boolean;
}

function blocked(
	step: Decision['step'],
	errorCode: number | null,
	flags: Partial<Decision> = {}
): Decision {
	return {
		outcome: 'blocked',
		step,
		errorCode,
		consentPrompted: false,
		homeMfaPrompted: false,
		...flags
	};
}

function pairFacts(p: PreparedAttempt): PairFacts {
	const home = p.home;
	const resource = p.resource;
	const homeId = home.tenant.tenantId;
	const resourceId = resource.tenant.tenantId;
	const trust = resolveTrust(resource.tenant, resource.partners.get(homeId)).flags;
	return {
		sameCloud: (home.tenant.cloud ?? 'global') === (resource.tenant.cloud ?? 'global'),
		outbound: resolveDirectConnect(
			home.tenant,
			home.partners.get(resourceId),
			'b2bDirectConnectOutbound'
		),
		inbound: resolveDirectConnect(
			resource.tenant,
			resource.partners.get(homeId),
			'b2bDirectConnectInbound'
		),
		trust: {
			isMfaAccepted: trust.isMfaAccepted.value,
			isCompliantDeviceAccepted: trust.isCompliantDeviceAccepted.value,
			isHybridAzureADJoinedDeviceAccepted: trust.isHybridAzureADJoinedDeviceAccepted.value
		},
		autoRedeemed:
			resolveConsentFlag(home.partners.get(resourceId), 'outboundAllowed').value &&
			resolveConsentFlag(resource.partners.get(homeId), 'inboundAllowed').value
	};
}

/** A decider bound to one scenario; its caches live as long as the returned function. */
export function createDecider(scenario: Scenario): (attempt: Attempt) => Decision {
	const pairs = new Map<string, PairFacts>();
	const policies = new Map<string, PolicyEvaluation[]>();
	return (attempt) => {
		const prepared = prepareAttempt(scenario, attempt);
		if (!prepared.ok) return blocked('preconditions', null);
		const p = prepared.prepared;
		const homeId = p.home.tenant.tenantId;
		const resourceId = p.resource.tenant.tenantId;
		if (homeId === resourceId || !p.app.microsoft) return blocked('preconditions', null);
		const pairKey = `${homeId}\u0000${resourceId}`;
		let facts = pairs.get(pairKey);
		if (!facts) pairs.set(pairKey, (facts = pairFacts(p)));
		if (!facts.sameCloud) return blocked('preconditions', null);
		if (!permits(facts.outbound, p.subject).permitted) return blocked('outbound', ERROR_OUTBOUND);
		if (!permits(facts.inbound, p.subject).permitted) return blocked('inbound', ERROR_INBOUND);

		// Direct connect users cannot be named in a policy, so S3 depends on the pair, app and claims only.
		const { session } = p;
		const policyKey = `${pairKey}\u0000${p.app.appId}\u0000${+session.mfa}${+session.compliantDevice}${+session.hybridJoinedDevice}`;
		let evaluations = policies.get(policyKey);
		if (!evaluations) {
			const context = {
				homeTenantId: homeId,
				app: p.app,
				trust: facts.trust,
				session,
				mfaTrustedButNotPerformed: p.mfaTrustedButNotPerformed
			};
			evaluations = (p.resource.tenant.conditionalAccessPolicies ?? []).map((policy) =>
				evaluatePolicy(policy, context)
			);
			policies.set(policyKey, evaluations);
		}
		const ca = caVerdict(evaluations, attempt.answers?.homeMfa ?? 'complete');
		const homeMfaPrompted = ca.needsChallenge;
		if (ca.failing)
			return blocked('conditionalAccess', ERROR_CONDITIONAL_ACCESS, { homeMfaPrompted });

		const prompted = !facts.autoRedeemed && !p.priorConsent;
		if (prompted && attempt.answers?.consent === 'decline')
			return blocked('consent', null, { homeMfaPrompted, consentPrompted: true });
		return {
			outcome: 'granted',
			step: null,
			errorCode: 0,
			consentPrompted: prompted,
			homeMfaPrompted
		};
	};
}
