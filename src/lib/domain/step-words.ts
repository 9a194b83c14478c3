/** Step names and outcomes in the words the app and the CLI show. */
import { ERROR_CONDITIONAL_ACCESS, type AttemptResult, type StepId } from './engine/index.ts';

const STEP_LABELS: Record<StepId, string> = {
	preconditions: 'preconditions',
	outbound: 'outbound',
	inbound: 'inbound',
	conditionalAccess: 'Conditional Access',
	consent: 'consent',
	token: 'token',
	signInLogs: 'sign-in logs'
};

/** A step's name as a reader says it: "Conditional Access", "sign-in logs". */
export function stepLabel(step: StepId): string {
	return STEP_LABELS[step];
}

/** Where a blocked attempt stopped: "at inbound · AADSTS500213", "at Conditional Access · error 53003". */
export function blockedAt(result: AttemptResult): string | null {
	if (result.outcome !== 'blocked' || result.step === null) return null;
	const parts = [`at ${stepLabel(result.step)}`];
	const code = result.errorCode;
	// 53003 is Conditional Access's code in sign-in logs, not a direct connect AADSTS error.
	if (code !== null)
		parts.push(code === ERROR_CONDITIONAL_ACCESS ? `error ${code}` : `AADSTS${code}`);
	return parts.join(' · ');
}
