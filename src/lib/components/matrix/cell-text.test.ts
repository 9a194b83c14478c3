import { describe, expect, it } from 'vitest';
import type { Decision } from '$lib/domain/engine/index.ts';
import type { CellDiff } from '$lib/domain/reach-matrix.ts';
import { changeText, codeText, outcomeWords, shortText, whoCanAct } from './cell-text.ts';

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
