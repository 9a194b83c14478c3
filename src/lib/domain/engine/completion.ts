import { possessive } from './describe.ts';
/** S4 consent or automatic redemption, S5 the token and S6 the sign-in records of both tenants. */
import type { PreparedAttempt } from './prepare.ts';
import { resolveConsentFlag } from './resolve.ts';
import { makeStep } from './steps.ts';
import {
	TOKEN_LIFETIME_SECONDS,
	type AccessToken,
	type PolicyResult,
	type SignInRecord,
	type TraceStep
} from './types.ts';

export type ConsentAnswer = 'accept' | 'decline';

export type ConsentOutcome =
	| { kind: 'decided'; step: TraceStep; consentPrompted: boolean }
	/** The review-permissions prompt is on screen: the machine waits for accept or decline. */
	| { kind: 'prompt'; message: string };

/** S4. Pass `answer` once the user answered the prompt; without it a needed prompt is returned. */
export function checkConsent(p: PreparedAttempt, answer?: ConsentAnswer): ConsentOutcome {
	const home = p.home.tenant;
	const resource = p.resource.tenant;
	const outbound = resolveConsentFlag(p.home.partners.get(resource.tenantId), 'outboundAllowed');
	const inbound = resolveConsentFlag(p.resource.partners.get(home.tenantId), 'inboundAllowed');
	const who = p.user.displayName;
	if (outbound.value && inbound.value)
		return {
			kind: 'decided',
			consentPrompted: false,
			step: makeStep({
				step: 'consent',
				outcome: 'passed',
				tenantId: resource.tenantId,
				source: 'partner',
				settingPath: inbound.path,
				rules: ['S4', 'R4'],
				details: { consent: 'autoRedeemed' },
				message: `No consent prompt: ${home.displayName} turned on automatic redemption outbound for ${resource.displayName}, and ${resource.displayName} turned it on inbound for ${home.displayName}.`
			})
		};
	const missing = !outbound.value ? outbound : inbound;
	const missingText =
		!outbound.value && !inbound.value
			? 'Neither side turned on automatic redemption'
			: !outbound.value
				? `${home.displayName} has not turned on automatic redemption outbound for ${resource.displayName}`
				: `${resource.displayName} has not turned on automatic redemption inbound for ${home.displayName}`;
	if (p.priorConsent)
		return {
			kind: 'decided',
			consentPrompted: false,
			step: makeStep({
				step: 'consent',
				outcome: 'passed',
				tenantId: resource.tenantId,
				source: missing.source,
				settingPath: missing.path,
				rules: ['S4', 'R4'],
				assumptions: ['A7'],
				details: { consent: 'remembered' },
				message: `${who} accepted ${possessive(resource.displayName)} consent prompt before, so it is not shown again (assumption A7). ${missingText}.`
			})
		};
	if (answer === undefined)
		return {
			kind: 'prompt',
			message: `${missingText}, so ${who} sees ${possessive(resource.displayName)} review-permissions prompt: name, email address and directory IDs will be shared with ${resource.displayName}.`
		};
	const accepted = answer === 'accept';
	return {
		kind: 'decided',
		consentPrompted: true,
		step: makeStep({
			step: 'consent',
			outcome: accepted ? 'passed' : 'failed',
			tenantId: resource.tenantId,
			source: missing.source,
			settingPath: missing.path,
			rules: ['S4', 'R4'],
			assumptions: ['A7'],
			actor: accepted ? null : 'user',
			details: { consent: accepted ? 'accepted' : 'declined' },
			message: accepted
				? `${who} accepted ${possessive(resource.displayName)} consent prompt. Entra keeps that answer for ${resource.displayName}, so later sign-ins skip the prompt (assumption A7); to walk such a sign-in, tick “Accepted this tenant's consent prompt before”.`
				: `${who} declined ${possessive(resource.displayName)} consent prompt, so there is no access (assumption A7). Turning on automatic redemption on both sides would skip the prompt.`
		})
	};
}

/** S5: a one-hour access token for the app in the resource tenant. */
export function issueToken(p: PreparedAttempt): { step: TraceStep; token: AccessToken } {
	const token: AccessToken = {
		audience: p.app.appId,
		appDisplayName: p.app.displayName,
		tenantId: p.resource.tenant.tenantId,
		userId: p.user.id,
		lifetimeSeconds: TOKEN_LIFETIME_SECONDS
	};
	return {
		token,
		step: makeStep({
			step: 'token',
			outcome: 'passed',
			tenantId: p.resource.tenant.tenantId,
			rules: ['S5'],
			message: `${p.resource.tenant.displayName} issues ${p.user.displayName} an access token for ${p.app.displayName}, valid for 1 hour.`
		})
	};
}

function caStatus(policies: PolicyResult[]): 'success' | 'failure' | 'notApplied' {
	if (policies.some((r) => r.result === 'failure')) return 'failure';
	return policies.some((r) => r.result === 'success') ? 'success' : 'notApplied';
}

/** S6: one record in each tenant for an attempt that reached Entra (A8), success or failure. */
export function writeSignIns(
	p: PreparedAttempt,
	trace: readonly TraceStep[]
): { step: TraceStep; records: SignInRecord[] } {
	const failed = trace.find((s) => s.outcome === 'failed');
	const policies = trace.find((s) => s.step === 'conditionalAccess')?.details?.policies ?? [];
	const status = {
		errorCode: failed ? failed.errorCode : 0,
		failureReason: failed ? failed.message : null
	};
	const common = {
		crossTenantAccessType: 'b2bDirectConnect' as const,
		homeTenantId: p.home.tenant.tenantId,
		resourceTenantId: p.resource.tenant.tenantId,
		userId: p.user.id,
		userPrincipalName: p.user.userPrincipalName,
		appId: p.app.appId,
		appDisplayName: p.app.displayName,
		status
	};
	const records: SignInRecord[] = [
		{ ...common, loggedIn: 'home', clientAppUsed: 'Mobile Apps and Desktop clients' },
		{
			...common,
			loggedIn: 'resource',
			conditionalAccessStatus: caStatus(policies),
			appliedConditionalAccessPolicies: policies
		}
	];
	return {
		records,
		step: makeStep({
			step: 'signInLogs',
			outcome: 'passed',
			rules: ['S6'],
			assumptions: ['A8'],
			message: `The attempt is logged in both ${p.home.tenant.displayName} and ${p.resource.tenant.displayName} as B2B direct connect, ${failed ? (failed.errorCode ? `failure ${failed.errorCode}` : `failure (${failed.step === 'consent' ? 'consent declined' : failed.step})`) : 'success'}.`
		})
	};
}
