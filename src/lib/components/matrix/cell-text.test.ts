import { describe, expect, it } from 'vitest';
import type { Decision } from '$lib/domain/engine/index.ts';
import type { CellDiff } from '$lib/domain/reach-matrix.ts';
import { evaluateAttempt } from '$lib/domain/engine/index.ts';
import { setScenarioOptions } from '$lib/domain/scenario-options.ts';
import type { Scenario } from '$lib/domain/schema.ts';
import { loadFrozen } from '$lib/domain/test-fixtures/frozen.ts';
import example2 from '$lib/examples/example-2-fabrikam-marketing-only.json';
import {
	changeText,
	codeText,
	decidingAssumptions,
	outcomeWords,
	shortText,
	whoCanAct
} from './cell-text.ts';

const granted: Decision = {
	outcome: 'granted',
	step: null,
	errorCode: 0,
	consentPrompted: true,
	homeMfaPrompted: false
};
const blocked = (step: Decision['step'], errorCode: number | null): Decision => ({
	outcome: 'blocked',
	step,
	errorCode,
	consentPrompted: false,
	homeMfaPrompted: false
});
const diff = (fields: Partial<CellDiff>): CellDiff => ({
	userId: 'u',
	resourceTenantId: 't',
	before: null,
	after: null,
	change: 'unchanged',
	stepMoved: false,
	...fields
});

describe('matrix cell words', () => {
	it('S1/S2: a blocked cell names its step and AADSTS code; S3 uses the sign-in log code', () => {
		expect(outcomeWords(blocked('inbound', 500213))).toBe('blocked at inbound (AADSTS500213)');
		expect(outcomeWords(blocked('outbound', 500212))).toBe('blocked at outbound (AADSTS500212)');
		expect(codeText(blocked('conditionalAccess', 53003))).toBe('error 53003');
		expect(outcomeWords(blocked('preconditions', null))).toBe('blocked at preconditions');
		expect(outcomeWords(granted)).toBe('granted');
	});

	it('shows ✓ granted or ✕ and the failing step word', () => {
		expect(shortText(granted)).toEqual({ icon: '✓', word: 'granted' });
		expect(shortText(blocked('conditionalAccess', 53003))).toEqual({
			icon: '✕',
			word: 'Conditional Access'
		});
	});

	it('S1 is the home admin’s to change, S2 the resource admin’s, S0 nobody’s', () => {
		expect(whoCanAct(blocked('outbound', 500212), 'Fabrikam', 'Contoso')).toContain(
			"Only Fabrikam's admin"
		);
		expect(whoCanAct(blocked('inbound', 500213), 'Fabrikam', 'Contoso')).toContain(
			"Contoso's admin"
		);
		expect(whoCanAct(blocked('preconditions', null), 'Fabrikam', 'Contoso')).toBeNull();
	});

	it('diff cells say gained, lost or unchanged, and what it was before', () => {
		const was = blocked('inbound', 500213);
		expect(changeText(diff({ change: 'gained', before: was, after: granted }))).toEqual({
			icon: '+',
			word: 'granted now',
			detail: 'was ✕ inbound',
			said: 'granted now, was blocked at inbound (AADSTS500213)'
		});
		expect(changeText(diff({ change: 'lost', before: granted, after: was })).said).toBe(
			'blocked now at inbound (AADSTS500213), was granted'
		);
		const moved = changeText(
			diff({ before: was, after: blocked('outbound', 500212), stepMoved: true })
		);
		expect(moved).toMatchObject({
			icon: '=',
			word: 'unchanged',
			detail: '✕ outbound, was inbound'
		});
		expect(changeText(diff({ change: 'gained', after: granted })).detail).toBe('was not there');
	});
});

describe('decidingAssumptions (the focused cell only)', () => {
	const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
	const MARKETING = 'fcd7839f-e457-4155-9cc5-aa28fc98faf7';
	const ISAIAH = '55822dd5-b953-4774-ad2b-27806fa7bc82';
	const INTERNS = '0b7c1a5e-1111-4222-8333-444455556666';
	/** Example 2 with Isaiah in Interns, itself a member of Marketing. */
	function nested(): Scenario {
		const s = loadFrozen(example2);
		return {
			...s,
			tenants: s.tenants.map((t) =>
				t.tenantId !== FABRIKAM
					? t
					: {
							...t,
							groups: [
								...t.groups.map((g) =>
									g.id === MARKETING ? { ...g, members: [...g.members, INTERNS] } : g
								),
								{ id: INTERNS, displayName: 'Interns', members: [ISAIAH] }
							]
						}
			)
		};
	}
	const isaiah = {
		name: 'x',
		user: 'isaiah@fabrikam.com',
		resourceTenant: 'contoso.com',
		application: 'Office365'
	};

	it('A3: a granted cell that rests on nested membership names A3 (and A7 for its consent)', () => {
		const result = evaluateAttempt(nested(), isaiah);
		expect(result).toMatchObject({ outcome: 'granted', consentPrompted: true });
		expect(decidingAssumptions(result)).toEqual(['A3', 'A7']);
		const alex = evaluateAttempt(nested(), { ...isaiah, user: 'alex@fabrikam.com' });
		expect(decidingAssumptions(alex)).toEqual(['A7']);
	});

	it('A3: with direct membership the cell is blocked at outbound and still names A3', () => {
		const direct = setScenarioOptions(nested(), { groupMembership: 'direct' });
		const result = evaluateAttempt(direct, isaiah);
		expect(result).toMatchObject({ outcome: 'blocked', step: 'outbound' });
		expect(decidingAssumptions(result)).toContain('A3');
	});

	it("a blocked cell names only its failing step's assumptions, here none", () => {
		const lynne = { ...isaiah, user: 'lynne@northwind.com' };
		const result = evaluateAttempt(nested(), lynne);
		expect(result).toMatchObject({ outcome: 'blocked', step: 'inbound' });
		expect(decidingAssumptions(result)).toEqual([]);
	});

	it('names the cell already shows are left out', () => {
		expect(decidingAssumptions(evaluateAttempt(nested(), isaiah), ['A3'])).toEqual(['A7']);
	});
});
