/** The words a matrix cell shows and says: outcome, step, error code, the rule and who can act. */
import { possessive } from '$lib/domain/engine/describe.ts';
import {
	ERROR_CONDITIONAL_ACCESS,
	type AssumptionId,
	type AttemptResult,
	type Decision
} from '$lib/domain/engine/index.ts';
import type { CellDiff } from '$lib/domain/reach-matrix.ts';
import { stepLabel } from '$lib/domain/step-words.ts';

type BlockStep = NonNullable<Decision['step']>;

/** The rule of the rules file that each blocking step checks. */
export const STEP_RULE: Record<BlockStep, string> = {
	preconditions: 'S0',
	outbound: 'S1',
	inbound: 'S2',
	conditionalAccess: 'S3',
	consent: 'S4'
};

/** "AADSTS500213"; Conditional Access's 53003 is a sign-in log code, not an AADSTS error. */
export function codeText(decision: Decision): string | null {
	const code = decision.errorCode;
	if (decision.outcome !== 'blocked' || code === null) return null;
	return code === ERROR_CONDITIONAL_ACCESS ? `error ${code}` : `AADSTS${code}`;
}

/** "granted" or "blocked at inbound (AADSTS500213)". */
export function outcomeWords(decision: Decision): string {
	if (decision.outcome === 'granted' || decision.step === null) return decision.outcome;
	const code = codeText(decision);
	return `blocked at ${stepLabel(decision.step)}${code ? ` (${code})` : ''}`;
}

/** The cell's text: "✓ granted" or "✕ inbound". */
export function shortText(decision: Decision): { icon: string; word: string } {
	if (decision.outcome === 'granted' || decision.step === null)
		return { icon: '✓', word: 'granted' };
	return { icon: '✕', word: stepLabel(decision.step) };
}

/** Who can change a blocked cell, in words; null when no setting can (S0) or nobody needs to. */
export function whoCanAct(decision: Decision, home: string, resource: string): string | null {
	switch (decision.step) {
		case 'outbound':
			return `Only ${possessive(home)} admin can change this (outbound settings).`;
		case 'inbound':
			return `${possessive(resource)} admin can change this (inbound settings).`;
		case 'conditionalAccess':
			return `${possessive(resource)} Conditional Access or inbound trust settings decide this.`;
		case 'consent':
			return 'The user declined the consent prompt.';
		default:
			return null;
	}
}

/** Extra facts about a granted cell: the prompts the user meets on the way. */
export function grantedNotes(decision: Decision): { text: string; rule: string }[] {
	const notes: { text: string; rule: string }[] = [];
	if (decision.homeMfaPrompted) notes.push({ text: 'asks for MFA at home first', rule: 'A5' });
	if (decision.consentPrompted)
		notes.push({ text: 'shows the consent prompt the first time', rule: 'S4' });
	return notes;
}

/** A diff cell: the change (icon and word), the current or earlier state beneath it, and its spoken words. */
export function changeText(diff: CellDiff): {
	icon: string;
	word: string;
	detail: string;
	said: string;
} {
	const { before, after } = diff;
	const was = before ? outcomeWords(before) : 'not there';
	if (diff.change === 'gained') {
		const detail = before?.step ? `was ✕ ${stepLabel(before.step)}` : 'was not there';
		return { icon: '+', word: 'granted now', detail, said: `granted now, was ${was}` };
	}
	if (diff.change === 'lost') {
		const now = after ? outcomeWords(after).replace(/^blocked/, 'blocked now') : 'blocked now';
		const detail = after?.step ? `at ${stepLabel(after.step)}` : 'gone';
		return { icon: '−', word: 'blocked now', detail, said: `${now}, was ${was}` };
	}
	const current = after ?? before;
	const short = current ? shortText(current) : { icon: '✕', word: 'blocked' };
	const moved = diff.stepMoved && before?.step ? `, was ${stepLabel(before.step)}` : '';
	return {
		icon: '=',
		word: 'unchanged',
		detail: `${short.icon} ${short.word}${moved}`,
		said: `unchanged, ${current ? outcomeWords(current) : 'blocked'}${diff.stepMoved ? `, was ${was}` : ''}`
	};
}

/**
 * The assumptions (rules file §7) behind a cell's outcome: the failing step's for a blocked attempt,
 * every step's up to the token for a granted one (the sign-in log step's A8 says nothing about access).
 * `shown` are left out, as the cell already names them (A5 for the MFA asked at home).
 */
export function decidingAssumptions(
	result: Pick<AttemptResult, 'trace'>,
	shown: readonly string[] = []
): AssumptionId[] {
	const failed = result.trace.find((s) => s.outcome === 'failed');
	const steps = failed ? [failed] : result.trace.filter((s) => s.step !== 'signInLogs');
	const ids = new Set(steps.flatMap((s) => s.assumptions));
	return [...ids].filter((id) => !shown.includes(id)).sort();
}
