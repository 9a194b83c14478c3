import { describe, expect, it } from 'vitest';
import { loadFrozen } from './test-fixtures/frozen.ts';
import { answersFrom, expectationFrom, removeAttempt, saveAttempt } from './attempt-commands.ts';
import { evaluateAttempt } from './engine/index.ts';
import { meetsExpectation } from './expectation.ts';
import { parseScenario } from './parse.ts';
import type { Attempt, Scenario } from './schema.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example3 from '../examples/example-3-mfa-trust-and-auto-redemption.json';

function named(s: Scenario, name: string): Attempt {
	const found = s.attempts?.find((a) => a.name === name);
	if (!found) throw new Error(name);
	return found;
}

const ex1 = loadFrozen(example1);
const ex3 = loadFrozen(example3);

const fresh: Attempt = {
	name: 'Isaiah opens a Contoso shared channel',
	user: 'isaiah@fabrikam.com',
	resourceTenant: 'contoso.com',
	application: 'Office365'
};

describe('saveAttempt', () => {
	it('appends an attempt with a new name, leaving the others in order', () => {
		const next = saveAttempt(ex1, fresh);
		expect(next.attempts?.map((a) => a.name)).toEqual([
			...(ex1.attempts ?? []).map((a) => a.name),
			fresh.name
		]);
		expect(ex1.attempts).toHaveLength(6);
		expect(next.tenants).toBe(ex1.tenants);
	});

	it('replaces the attempt with the same name in place', () => {
		const replaced = { ...named(ex1, 'Consent declined'), expect: { outcome: 'granted' as const } };
		const next = saveAttempt(ex1, replaced);
		expect(next.attempts).toHaveLength(6);
		expect(next.attempts?.[2]).toEqual(replaced);
	});

	it('returns the same scenario when nothing changes (no empty undo step)', () => {
		expect(saveAttempt(ex1, named(ex1, 'Consent declined'))).toBe(ex1);
	});

	it('trims the name and refuses an empty one (the format needs a name)', () => {
		expect(saveAttempt(ex1, { ...fresh, name: '   ' })).toBe(ex1);
		expect(saveAttempt(ex1, { ...fresh, name: '  Trimmed  ' }).attempts?.at(-1)?.name).toBe(
			'Trimmed'
		);
	});

	it('creates the attempts list in a scenario that has none', () => {
		const bare: Scenario = { ...ex1 };
		delete bare.attempts;
		expect(saveAttempt(bare, fresh).attempts).toEqual([fresh]);
	});

	it('keeps the scenario valid for the parser', () => {
		const result = evaluateAttempt(ex1, fresh);
		const next = saveAttempt(ex1, { ...fresh, expect: expectationFrom(result) });
		expect(parseScenario(JSON.parse(JSON.stringify(next))).ok).toBe(true);
	});
});

describe('removeAttempt', () => {
	it('removes the attempt with that name only', () => {
		const next = removeAttempt(ex1, 'Consent declined');
		expect(next.attempts?.map((a) => a.name)).not.toContain('Consent declined');
		expect(next.attempts).toHaveLength(5);
	});

	it('returns the same scenario when no attempt has that name', () => {
		expect(removeAttempt(ex1, 'nobody')).toBe(ex1);
	});
});

describe('expectationFrom', () => {
	it('S2: a blocked result names the blocking step', () => {
		const result = evaluateAttempt(ex1, named(ex1, 'Northwind user knocks on Contoso'));
		expect(expectationFrom(result)).toEqual({
			outcome: 'blocked',
			step: 'inbound',
			consentPrompted: false
		});
	});

	it('S4: a granted result records whether the consent prompt was shown, and no step', () => {
		const result = evaluateAttempt(ex1, named(ex1, 'Fabrikam user opens a Contoso shared channel'));
		expect(expectationFrom(result)).toEqual({ outcome: 'granted', consentPrompted: true });
	});

	it('every example attempt meets the expectation built from its own result', () => {
		for (const s of [ex1, ex3])
			for (const a of s.attempts ?? []) {
				const result = evaluateAttempt(s, a);
				expect(meetsExpectation(expectationFrom(result), result)).toBe(true);
			}
	});
});

describe('answersFrom', () => {
	it('A7: a declined consent prompt is saved as decline, so the saved attempt is blocked again', () => {
		const a = named(ex1, 'Consent declined');
		const result = evaluateAttempt(ex1, a);
		expect(answersFrom(result)).toEqual({ consent: 'decline' });
	});

	it('A5: a home MFA challenge given up is saved as fail', () => {
		const result = evaluateAttempt(ex3, named(ex3, 'No MFA yet: challenged at home, gives up'));
		expect(answersFrom(result)).toEqual({ homeMfa: 'fail' });
	});

	it('A5, A7: default answers (complete, accept) are not written', () => {
		const done = evaluateAttempt(ex3, named(ex3, 'No MFA yet: challenged at home, completes it'));
		expect(answersFrom(done)).toBeUndefined();
		const accepted = evaluateAttempt(
			ex1,
			named(ex1, 'Fabrikam user opens a Contoso shared channel')
		);
		expect(answersFrom(accepted, { consent: 'decline' })).toBeUndefined();
	});

	it('keeps an answer for a question the walk never reached', () => {
		const blocked = evaluateAttempt(ex1, named(ex1, 'Northwind user knocks on Contoso'));
		expect(answersFrom(blocked, { consent: 'decline' })).toEqual({ consent: 'decline' });
	});
});
