/**
 * Adding an external person to a Teams shared channel: the channel owner in the resource tenant types
 * a full email address, and Teams finds the person only when direct connect would let them in (S1
 * outbound at home and S2 inbound at the resource, both for Teams). Conditional Access (S3) and consent
 * (S4) come later, when the person opens the channel, so they do not hide anybody from the search.
 */
import { findTenantById } from './directory.ts';
import { prepareAttempt, runStep, type AssumptionId, type TraceStep } from './engine/index.ts';
import { possessive } from './engine/describe.ts';
import { MATRIX_APPLICATION } from './reach-matrix.ts';
import type { Scenario, Tenant } from './schema.ts';

export type InvitationAdmin = 'home' | 'resource' | 'both' | null;

/** A setting that blocked the search, so the view can open it in the editor. */
export interface BlockingSetting {
	tenantId: string;
	tenantName: string;
	settingPath: string;
	step: 'outbound' | 'inbound';
}

export type InvitationResult =
	| {
			found: true;
			/** Teams shows the first and last name only, and the organization as the home tenant's name. */
			user: { firstName: string; lastName: string };
			organization: string;
			rules: string[];
			/** The assumptions (rules file §7) the deciding steps rested on, e.g. A3 for a nested group. */
			assumptions: AssumptionId[];
	  }
	| {
			found: false;
			/** One or two plain sentences: why nobody shows up, and who can change that. */
			reason: string;
			/** The admin who can change the outcome: the person's home tenant's, the channel's, or both. */
			admin: InvitationAdmin;
			rules: string[];
			/** The assumptions the failing steps rested on (A3 when group membership decided, A4…). */
			assumptions: AssumptionId[];
			blocking: BlockingSetting[];
	  };

/** "Alex Wilber" → Alex / Wilber; a one-word name has no last name. */
export function splitName(displayName: string): { firstName: string; lastName: string } {
	const words = displayName.trim().split(/\s+/);
	return { firstName: words[0] ?? '', lastName: words.slice(1).join(' ') };
}

function notFound(
	reason: string,
	admin: InvitationAdmin = null,
	rules: string[] = [],
	blocking: BlockingSetting[] = [],
	assumptions: AssumptionId[] = []
): InvitationResult {
	return { found: false, reason, admin, rules, assumptions, blocking };
}

/** The assumptions of the given steps, each once, in rules-file order. */
function assumptionsOf(...steps: TraceStep[]): AssumptionId[] {
	return [...new Set(steps.flatMap((s) => s.assumptions))].sort();
}

function blockingOf(step: TraceStep, scenario: Scenario): BlockingSetting[] {
	if (step.outcome !== 'failed' || step.tenantId === null || step.settingPath === null) return [];
	if (step.step !== 'outbound' && step.step !== 'inbound') return [];
	const tenantName = findTenantById(scenario, step.tenantId)?.displayName ?? step.tenantId;
	return [{ tenantId: step.tenantId, tenantName, settingPath: step.settingPath, step: step.step }];
}

function blockedReason(home: Tenant, resource: Tenant, outOk: boolean, inOk: boolean): string {
	const homeAdmin = `${possessive(home.displayName)} admin`;
	const resourceAdmin = `${possessive(resource.displayName)} admin`;
	if (!outOk && !inOk)
		return `Neither side lets this person through for Teams: ${home.displayName} does not let them out to ${resource.displayName} (outbound), and ${resource.displayName} does not let them in from ${home.displayName} (inbound). Both ${homeAdmin} and ${resourceAdmin} have to allow it.`;
	if (!outOk)
		return `${home.displayName} does not let this person use direct connect with ${resource.displayName} (outbound). Only ${homeAdmin} can change that; ${resource.displayName} already lets them in.`;
	return `${resource.displayName} does not let this person in from ${home.displayName} (inbound). ${resourceAdmin} can change that; ${home.displayName} already lets them out.`;
}

/**
 * What the shared-channel search shows for `email` typed by an owner in `resourceTenantId`: the person
 * (first and last name) when S1 and S2 both pass for Teams, otherwise why nobody is found and which
 * admin could change it. An unknown address and an unknown person give the same answer, as in Teams.
 */
export function findExternalUser(
	scenario: Scenario,
	resourceTenantId: string,
	email: string
): InvitationResult {
	const address = email.trim().toLowerCase();
	const resource = findTenantById(scenario, resourceTenantId);
	if (!resource) return notFound('Choose the organization the shared channel belongs to.');
	const at = address.lastIndexOf('@');
	const local = at > 0 ? address.slice(0, at) : '';
	const domain = at > 0 ? address.slice(at + 1) : '';
	const home = scenario.tenants.find((t) => t.domain.toLowerCase() === domain);
	if (!local || !domain || (!home && !/^[^.\s]+(\.[^.\s]+)+$/.test(domain)))
		return notFound(
			'Type the full email address (name@domain): the search for people outside your organization does not match partial names or addresses.'
		);
	if (!home)
		return notFound(
			`No organization with that domain is set up here, so nobody can be found at @${domain}.`
		);
	if (home.tenantId === resource.tenantId)
		return notFound(
			`That address belongs to ${resource.displayName}, your own organization: add people from ${resource.displayName} as members of the channel, not through direct connect.`
		);
	const prepared = prepareAttempt(scenario, {
		name: 'shared channel search',
		user: address,
		resourceTenant: resource.tenantId,
		application: MATRIX_APPLICATION
	});
	// An object ID is not an address, and a match must live in the tenant that owns the domain.
	if (!prepared.ok || prepared.prepared.home.tenant.tenantId !== home.tenantId)
		return notFound('Nobody matches that address.');
	const p = prepared.prepared;
	const user = p.user;
	const pre = runStep(p, 'preconditions');
	if (pre.kind === 'decided' && pre.step.outcome === 'failed')
		return notFound(pre.step.message, null, ['S0'], [], assumptionsOf(pre.step));
	const outbound = runStep(p, 'outbound');
	const inbound = runStep(p, 'inbound');
	if (outbound.kind !== 'decided' || inbound.kind !== 'decided')
		throw new Error('unreachable: outbound and inbound never wait for the user');
	const outOk = outbound.step.outcome === 'passed';
	const inOk = inbound.step.outcome === 'passed';
	if (outOk && inOk)
		return {
			found: true,
			user: splitName(user.displayName),
			organization: home.displayName,
			rules: ['S1', 'S2'],
			assumptions: assumptionsOf(outbound.step, inbound.step)
		};
	const admin: InvitationAdmin = !outOk && !inOk ? 'both' : outOk ? 'resource' : 'home';
	return notFound(
		blockedReason(home, resource, outOk, inOk),
		admin,
		[...(outOk ? [] : ['S1']), ...(inOk ? [] : ['S2'])],
		[...blockingOf(outbound.step, scenario), ...blockingOf(inbound.step, scenario)],
		assumptionsOf(...[outbound.step, inbound.step].filter((s) => s.outcome === 'failed'))
	);
}
