/**
 * Challenges (issue 7): any scenario whose attempts carry `expect` is a puzzle. The author's scenario
 * is the solution; the learner gets a starting state and the expectations, written as sentences, and
 * the engine says when every one holds. Only the starting state ever leaves the author's machine.
 */
import { possessive } from './engine/describe.ts';
import { prepareAttempt } from './engine/prepare.ts';
import type { BlockStepId } from './engine/types.ts';
import { serviceDefault } from './factory.ts';
import { goalStatus, type GoalStatus } from './lessons/check.ts';
import type { GoalItem } from './lessons/types.ts';
import { TEAMS_APP_ID } from './microsoft-apps.ts';
import { parseScenario } from './parse.ts';
import type { Attempt, Expectation, Scenario } from './schema.ts';

/** The rule of the rules file that decides each step an attempt can stop at. */
export const STEP_RULE: Record<BlockStepId, string> = {
	preconditions: 'S0',
	outbound: 'S1',
	inbound: 'S2',
	conditionalAccess: 'S3',
	consent: 'S4'
};

/** The rule IDs an expectation is about: S1 and S2 (mutual trust) for a pass, the stopping step's rule otherwise. */
export function expectationRules(expect: Expectation): string[] {
	const rules =
		expect.outcome === 'granted' || !expect.step ? ['S1', 'S2'] : [STEP_RULE[expect.step]];
	if (expect.consentPrompted !== undefined && !rules.includes('S4')) rules.push('S4');
	return rules;
}

function claims(attempt: Attempt): string {
	const s = attempt.session ?? {};
	const parts = [
		s.mfa ? 'with MFA done at home' : '',
		s.compliantDevice ? 'on a compliant device' : '',
		s.hybridJoinedDevice ? 'on a hybrid joined device' : ''
	].filter(Boolean);
	return parts.length > 0 ? ` ${parts.join(', ')}` : '';
}

/**
 * The expectation as a sentence: "Alex Wilber (Fabrikam) can open the Contoso shared channel",
 * "Isaiah Langer (Fabrikam) cannot open the Contoso shared channel: Fabrikam's outbound settings stop
 * it (AADSTS500212)".
 */
export function goalSentence(scenario: Scenario, attempt: Attempt, expect: Expectation): string {
	const prepared = prepareAttempt(scenario, attempt);
	if (!prepared.ok)
		return `“${attempt.name}” is ${expect.outcome === 'granted' ? 'granted' : 'blocked'}`;
	const { user, home, resource, app } = prepared.prepared;
	const homeName = home.tenant.displayName;
	const resourceName = resource.tenant.displayName;
	const what =
		app.appId === TEAMS_APP_ID
			? `open the ${resourceName} shared channel`
			: `use ${app.displayName} in ${resourceName}`;
	const can = expect.outcome === 'granted' ? 'can' : 'cannot';
	let text = `${user.displayName} (${homeName}) ${can} ${what}${claims(attempt)}`;
	if (expect.outcome === 'blocked' && expect.step) {
		text += {
			preconditions: ': the attempt never reaches Entra',
			outbound: `: ${possessive(homeName)} outbound settings stop it (AADSTS500212)`,
			inbound: `: ${possessive(resourceName)} inbound settings stop it (AADSTS500213)`,
			conditionalAccess: `: ${possessive(resourceName)} Conditional Access stops it`,
			consent: ': it stops at the consent prompt'
		}[expect.step];
	}
	// Blocked at consent already says the prompt was shown.
	const stoppedAtConsent = expect.outcome === 'blocked' && expect.step === 'consent';
	if (expect.consentPrompted !== undefined && !stoppedAtConsent)
		text += expect.consentPrompted ? ', after a consent prompt' : ', with no consent prompt';
	return text;
}

/** The goal of a challenge: one item per attempt with `expect`, in file order. */
export function challengeGoals(scenario: Scenario): GoalItem[] {
	return (scenario.attempts ?? []).flatMap((attempt) =>
		attempt.expect
			? [
					{
						attempt,
						expect: attempt.expect,
						text: goalSentence(scenario, attempt, attempt.expect),
						rules: expectationRules(attempt.expect)
					}
				]
			: []
	);
}

/** A starting state with nothing configured: every tenant as Entra creates it (D1-D5: no partners). */
export function serviceDefaultsStart(scenario: Scenario): Scenario {
	return {
		...scenario,
		tenants: scenario.tenants.map((t) => ({
			...t,
			crossTenantAccessPolicy: { default: serviceDefault(), partners: [] }
		}))
	};
}

/**
 * The scenario a challenge link carries: the chosen starting state with the solution's attempts (the
 * goal travels, the solution's settings do not), named after the challenge. The description is the
 * author's note to the learner, or none: a scenario's own description often explains its settings.
 */
export function challengeStart(
	solution: Scenario,
	start: Scenario,
	title?: string,
	brief?: string
): Scenario {
	const name = title?.trim() || solution.name;
	const rest: Scenario = { ...start };
	delete rest.attempts;
	delete rest.description;
	return {
		...rest,
		name: `Challenge: ${name.replace(/^Challenge:\s*/i, '')}`,
		...(brief?.trim() ? { description: brief.trim() } : {}),
		...(solution.attempts ? { attempts: solution.attempts } : {})
	};
}

export type AuthoringProblem =
	| { kind: 'noGoals' }
	| { kind: 'solutionFails'; items: string[] }
	| { kind: 'startInvalid'; errors: string[] }
	| { kind: 'nothingToSolve' };

export interface AuthoringCheck {
	goals: GoalItem[];
	/** The goal checked against the author's scenario. */
	solution: GoalStatus;
	/** The goal checked against the starting state (null when the start does not parse). */
	start: GoalStatus | null;
	/** What the link would carry, when there is no problem. */
	link: Scenario | null;
	problems: AuthoringProblem[];
}

/** The checks before a challenge can be shared: the solution meets every goal, the start does not. */
export function checkChallenge(
	solution: Scenario,
	start: Scenario,
	title?: string,
	brief?: string
): AuthoringCheck {
	const goals = challengeGoals(solution);
	const solutionStatus = goalStatus({ goal: goals }, solution);
	const problems: AuthoringProblem[] = [];
	if (goals.length === 0) problems.push({ kind: 'noGoals' });
	const failing = solutionStatus.items.filter((i) => !i.met).map((i) => i.text);
	if (failing.length > 0) problems.push({ kind: 'solutionFails', items: failing });

	const candidate = challengeStart(solution, start, title, brief);
	const parsed = parseScenario(JSON.parse(JSON.stringify(candidate)));
	if (!parsed.ok) {
		const errors = parsed.errors.map((e) => `${e.path || 'the document'}: ${e.message}`);
		problems.push({ kind: 'startInvalid', errors });
		return { goals, solution: solutionStatus, start: null, link: null, problems };
	}
	const startStatus = goalStatus({ goal: challengeGoals(parsed.scenario) }, parsed.scenario);
	if (goals.length > 0 && startStatus.complete) problems.push({ kind: 'nothingToSolve' });
	return {
		goals,
		solution: solutionStatus,
		start: startStatus,
		link: problems.length === 0 ? parsed.scenario : null,
		problems
	};
}

/** A problem in the author's words. */
export function problemMessage(problem: AuthoringProblem): string {
	switch (problem.kind) {
		case 'noGoals':
			return 'This scenario has no saved attempt with an expected outcome, so there is no goal. Save an attempt with its expected outcome in the Simulate panel first.';
		case 'solutionFails':
			return `Your scenario is the solution, but it does not meet every goal yet. Not met: ${problem.items.join('; ')}.`;
		case 'startInvalid':
			return `The starting state cannot carry the goal: ${problem.errors.slice(0, 3).join('; ')}.`;
		case 'nothingToSolve':
			return 'Nothing to solve: the starting state already meets every goal. Pick an earlier snapshot, or start from the service defaults.';
	}
}
