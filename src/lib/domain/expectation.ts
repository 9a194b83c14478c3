/** Whether an attempt's result meets the expectation saved with it (the CLI, the app and lessons agree). */
import type { AttemptResult } from './engine/types.ts';
import type { Expectation } from './schema.ts';
import { stepLabel } from './step-words.ts';

/** `null` when there is no expectation; otherwise outcome, and step and consent when given, must match. */
export function meetsExpectation(
	expect: Expectation | undefined,
	result: AttemptResult
): boolean | null {
	if (!expect) return null;
	if (expect.outcome !== result.outcome) return false;
	if (expect.step !== undefined && expect.step !== result.step) return false;
	if (expect.consentPrompted !== undefined && expect.consentPrompted !== result.consentPrompted)
		return false;
	return true;
}

/** "blocked at inbound, with a consent prompt": what `expect` says, in words. */
export function describeExpectation(expect: Expectation): string {
	let text: string = expect.outcome;
	if (expect.step) text += ` at ${stepLabel(expect.step)}`;
	if (expect.consentPrompted !== undefined)
		text += expect.consentPrompted ? ', with a consent prompt' : ', without a consent prompt';
	return text;
}
