/** The decision engine's public surface: everything outside `engine/` imports from here. */
export {
	evaluateAttempt,
	finishAttempt,
	nextStep,
	recordStep,
	runStep,
	unresolvedResult,
	STEP_ORDER
} from './evaluate.ts';
export type { StepAnswers, StepOutcome, WalkFlags, WalkStep } from './evaluate.ts';
export { prepareAttempt } from './prepare.ts';
export type { PreparedAttempt, PrepareResult } from './prepare.ts';
export { permits } from './match.ts';
export {
	resolveDirectConnect,
	resolveTrust,
	resolveConsentFlag,
	SERVICE_DEFAULT_HALVES
} from './resolve.ts';
export { configLabel, targetLabel } from './describe.ts';
export * from './types.ts';
export { createDecider } from './decide.ts';
export type { Decision } from './decide.ts';
