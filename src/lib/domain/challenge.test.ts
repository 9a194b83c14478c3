import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../examples/index.ts';
import {
	challengeGoals,
	challengeStart,
	checkChallenge,
	expectationRules,
	goalSentence,
	problemMessage,
	serviceDefaultsStart
} from './challenge.ts';
import { setDirectConnect } from './commands.ts';
import { goalStatus } from './lessons/check.ts';
import { formatErrors, parseScenario } from './parse.ts';
import type { Scenario } from './schema.ts';

function example(n: number): Scenario {
	const found = EXAMPLES[n - 1];
	if (!found) throw new Error(`no example ${n}`);
	const parsed = parseScenario(found.document);
	if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
	return parsed.scenario;
}

const marketing = example(2);
const tenantId = (name: string) => {
	const t = marketing.tenants.find((x) => x.displayName === name);
	if (!t) throw new Error(name);
	return t.tenantId;
};
const CONTOSO = tenantId('Contoso');
const FABRIKAM = tenantId('Fabrikam');
const BLOCK_ALL = {
	accessType: 'blocked' as const,
	targets: [{ target: 'AllUsers', targetType: 'user' as const }]
};

/** Example 2 with Contoso's inbound door for Fabrikam shut: what an author would snapshot. */
const contosoClosed = setDirectConnect(marketing, {
	tenantId: CONTOSO,
	partnerTenantId: FABRIKAM,
	direction: 'inbound',
	usersAndGroups: BLOCK_ALL
});

describe('goal sentences', () => {
	it('says who, from where, and what, for a pass (S1, S2)', () => {
		const [alex] = challengeGoals(marketing);
		expect(alex?.text).toBe('Alex Wilber (Fabrikam) can open the Contoso shared channel');
		expect(alex?.rules).toEqual(['S1', 'S2']);
	});

	it('names the tenant whose outbound settings stop a blocked attempt (S1, AADSTS500212)', () => {
		const isaiah = challengeGoals(marketing)[1];
		expect(isaiah?.text).toBe(
			"Isaiah Langer (Fabrikam) cannot open the Contoso shared channel: Fabrikam's outbound settings stop it (AADSTS500212)"
		);
		expect(isaiah?.rules).toEqual(['S1']);
	});

	it('one item per attempt with an expectation, in file order', () => {
		const withoutExpect = {
			...marketing,
			attempts: [...(marketing.attempts ?? []), { ...marketing.attempts![0]!, expect: undefined }]
		};
		expect(challengeGoals(withoutExpect)).toHaveLength(3);
	});

	it('inbound (S2), Conditional Access (S3) and consent (S4) read as sentences', () => {
		const attempt = marketing.attempts![0]!;
		expect(goalSentence(marketing, attempt, { outcome: 'blocked', step: 'inbound' })).toMatch(
			/: Contoso's inbound settings stop it \(AADSTS500213\)$/
		);
		expect(
			goalSentence(
				marketing,
				{ ...attempt, session: { mfa: true } },
				{
					outcome: 'blocked',
					step: 'conditionalAccess'
				}
			)
		).toBe(
			"Alex Wilber (Fabrikam) cannot open the Contoso shared channel with MFA done at home: Contoso's Conditional Access stops it"
		);
		expect(goalSentence(marketing, attempt, { outcome: 'granted', consentPrompted: true })).toMatch(
			/, after a consent prompt$/
		);
		// S4: stopped at consent already says the prompt was shown; it is not said twice.
		expect(
			goalSentence(marketing, attempt, {
				outcome: 'blocked',
				step: 'consent',
				consentPrompted: true
			})
		).toBe(
			'Alex Wilber (Fabrikam) cannot open the Contoso shared channel: it stops at the consent prompt'
		);
		expect(expectationRules({ outcome: 'blocked', step: 'inbound' })).toEqual(['S2']);
		expect(expectationRules({ outcome: 'blocked', step: 'conditionalAccess' })).toEqual(['S3']);
		expect(expectationRules({ outcome: 'granted', consentPrompted: false })).toEqual([
			'S1',
			'S2',
			'S4'
		]);
	});

	it('an attempt whose user is missing falls back to its name (S0 decides it)', () => {
		const attempt = { ...marketing.attempts![0]!, user: 'nobody@nowhere.test' };
		expect(goalSentence(marketing, attempt, { outcome: 'granted' })).toBe(
			`“${attempt.name}” is granted`
		);
	});
});

describe('the shared goal checker', () => {
	it('every expectation of Example 2 holds in Example 2 (S1, S2)', () => {
		const status = goalStatus({ goal: challengeGoals(marketing) }, marketing);
		expect(status.items.map((i) => i.met)).toEqual([true, true, true]);
		expect(status.complete).toBe(true);
	});

	it('with Contoso inbound closed to Fabrikam, Alex is unmet (S2) and Isaiah still met (S1)', () => {
		const status = goalStatus({ goal: challengeGoals(marketing) }, contosoClosed);
		expect(status.items.map((i) => i.met)).toEqual([false, true, true]);
		expect(status.items[0]?.result.step).toBe('inbound');
		expect(status.complete).toBe(false);
	});

	it('an empty goal is never complete', () => {
		expect(goalStatus({ goal: [] }, marketing).complete).toBe(false);
	});
});

describe('authoring checks', () => {
	it('a snapshot with Contoso inbound closed (S2) is a fair start for Example 2', () => {
		const check = checkChallenge(marketing, contosoClosed, 'Let Marketing in');
		expect(check.problems).toEqual([]);
		expect(check.solution.complete).toBe(true);
		expect(check.start?.complete).toBe(false);
		expect(check.link?.name).toBe('Challenge: Let Marketing in');
		expect(check.link?.attempts).toEqual(marketing.attempts);
	});

	it('service defaults everywhere (D1-D5) are a start that meets not every goal', () => {
		const check = checkChallenge(marketing, serviceDefaultsStart(marketing));
		expect(check.problems).toEqual([]);
		expect(check.start?.items.map((i) => i.met)).toEqual([false, true, false]);
		for (const t of check.link?.tenants ?? [])
			expect(t.crossTenantAccessPolicy.partners).toEqual([]);
	});

	it('the start being the solution itself: nothing to solve', () => {
		const check = checkChallenge(marketing, marketing);
		expect(check.problems).toEqual([{ kind: 'nothingToSolve' }]);
		expect(check.link).toBeNull();
		expect(problemMessage(check.problems[0]!)).toMatch(/^Nothing to solve/);
	});

	it('a solution that misses a goal (S2 closed) says which one fails', () => {
		const check = checkChallenge(contosoClosed, serviceDefaultsStart(marketing));
		expect(check.problems).toEqual([
			{
				kind: 'solutionFails',
				items: ['Alex Wilber (Fabrikam) can open the Contoso shared channel']
			}
		]);
		expect(check.link).toBeNull();
	});

	it('a scenario without expectations has no goal', () => {
		const bare = { ...marketing, attempts: [] };
		expect(checkChallenge(bare, serviceDefaultsStart(bare)).problems).toContainEqual({
			kind: 'noGoals'
		});
	});

	it('a start that lacks a user the goal needs is refused with the path', () => {
		const start = {
			...contosoClosed,
			tenants: contosoClosed.tenants.map((t) =>
				t.tenantId === FABRIKAM
					? { ...t, users: t.users.filter((u) => !u.userPrincipalName.startsWith('alex')) }
					: t
			)
		};
		const check = checkChallenge(marketing, start);
		expect(check.problems[0]?.kind).toBe('startInvalid');
		expect(check.link).toBeNull();
	});

	it('the start carries the goal but never the solution’s settings nor its description', () => {
		const link = challengeStart(marketing, contosoClosed, 'x');
		expect(link.tenants).toEqual(contosoClosed.tenants);
		expect(link.description).toBeUndefined();
		expect(challengeStart(marketing, contosoClosed, 'x', ' Go ').description).toBe('Go');
		expect(goalStatus({ goal: challengeGoals(link) }, link).complete).toBe(false);
	});
});
