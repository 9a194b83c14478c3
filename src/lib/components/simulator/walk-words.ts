/**
 * Words and small lookups the simulator's views share: assumption notes, error codes, who must act,
 * readable setting paths, and which tenant the graph should point at while the walk runs.
 */
import { possessive } from '$lib/domain/engine/describe.ts';
import {
	ERROR_CONDITIONAL_ACCESS,
	type AssumptionId,
	type StepId,
	type TraceStep
} from '$lib/domain/engine/index.ts';
import type { Scenario, ScenarioOptions } from '$lib/domain/schema.ts';
import { tenantLabel } from '$lib/domain/directory.ts';
import type { Highlight } from '$lib/state/ui.svelte.ts';
import type { Position } from '$lib/machines/walk.ts';

/** What each assumption of the rules file (section 7) takes for granted, in a few words. */
export const ASSUMPTIONS: Record<AssumptionId, string> = {
	A1: 'a half-filled partner setting takes its missing half from the default',
	A2: 'each trust checkbox left unset falls back to the default, one by one',
	A3: 'group targets count members of nested groups (the scenario can count direct members only)',
	A4: 'direct connect works only inside one Microsoft cloud',
	A5: 'MFA trusted but not done yet is asked for at home (the scenario can block instead)',
	A6: 'a grant control a direct connect user cannot meet blocks the attempt',
	A7: 'declining consent means no access; an accepted prompt is remembered per user and tenant',
	A8: 'outbound is checked before inbound, and every attempt reaching Entra is logged in both tenants'
};

/** A3 and A5 as the scenario's options set them (the other assumptions have no option). */
const OPTION_WORDS = {
	direct:
		'group targets count direct members only, as this scenario chooses (nested groups are ignored)',
	block:
		'MFA trusted but not done yet blocks the attempt, as this scenario chooses (no challenge at home)'
} as const;

/** The words for one assumption, following the scenario's A3/A5 options when it sets them. */
export function assumptionText(id: AssumptionId, options?: ScenarioOptions): string {
	if (id === 'A3' && options?.groupMembership === 'direct') return OPTION_WORDS.direct;
	if (id === 'A5' && options?.mfaTrustedButNotPerformed === 'block') return OPTION_WORDS.block;
	return ASSUMPTIONS[id];
}

/** The names Entra gives the two direct connect refusals (S1, S2), as sign-in errors show them. */
const ERROR_NAMES: Record<number, string> = {
	500212: 'NotAllowedByOutboundPolicyTenant',
	500213: 'NotAllowedByInboundPolicyTenant'
};

/**
 * "AADSTS500213 (NotAllowedByInboundPolicyTenant)", or "error 53003" for Conditional Access (a
 * sign-in log code, not an AADSTS one).
 */
export function errorLabel(code: number | null): string | null {
	if (code === null || code === 0) return null;
	if (code === ERROR_CONDITIONAL_ACCESS) return `error ${code}`;
	const name = ERROR_NAMES[code];
	return name ? `AADSTS${code} (${name})` : `AADSTS${code}`;
}

/** Who can change a failed step's outcome: "Fabrikam's admin", "the user". */
export function actorWords(
	step: TraceStep,
	home: { displayName: string } | null,
	resource: { displayName: string } | null
): string {
	switch (step.actor) {
		case 'home':
			return home ? `${possessive(home.displayName)} admin` : 'the home tenant’s admin';
		case 'resource':
			return resource ? `${possessive(resource.displayName)} admin` : 'the resource tenant’s admin';
		case 'user':
			return 'the user';
		default:
			return 'no one: no setting changes this';
	}
}

/** A setting path with tenant IDs replaced by names: `partners[Fabrikam].b2bDirectConnectInbound`. */
export function readablePath(scenario: Scenario, path: string): string {
	return path.replace(
		/partners\[([^\]]+)\]/g,
		(_m, id: string) => `partners[${tenantLabel(scenario, id)}]`
	);
}

const HOME_STEPS: ReadonlySet<StepId> = new Set(['outbound']);

/**
 * The graph's highlight for a walk position: the edge home → resource while the walk is under way, and
 * the tenant being checked (outbound at home, the home MFA challenge at home, the rest at the resource).
 * Nothing before the first step and nothing once the walk has ended.
 */
export function highlightFor(
	position: Position,
	trace: readonly TraceStep[],
	home: string | null,
	resource: string | null
): Highlight {
	const ended = position === 'tokenIssued' || position === 'blocked';
	if (position === 'idle' || ended || !home || !resource) return { tenantId: null, edge: null };
	const edge = { from: home, to: resource };
	const last = trace.at(-1);
	if (position === 'homeMfaChallenge') return { tenantId: home, edge };
	if (position === 'consentPrompt') return { tenantId: resource, edge };
	if (!last || last.step === 'preconditions') return { tenantId: null, edge };
	return { tenantId: HOME_STEPS.has(last.step) ? home : resource, edge };
}

/** The steps a walk goes through, in order, for the placeholders of the road ahead. */
export const ROAD: readonly StepId[] = [
	'preconditions',
	'outbound',
	'inbound',
	'conditionalAccess',
	'consent',
	'token',
	'signInLogs'
];
