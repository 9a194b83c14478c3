import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../examples/index.ts';
import { cleanChallengeMarker, readChallengeMarker } from './challenge-marker.ts';
import {
	markSolved,
	newChallengeRecord,
	parseChallengeRecords,
	showSpoilers
} from './challenge-record.ts';
import { parseScenario } from './parse.ts';

const parsed = parseScenario(EXAMPLES[1]?.document);
if (!parsed.ok) throw new Error('example 2 does not parse');
const marketing = parsed.scenario;

describe('challenge markers (the link envelope’s c)', () => {
	it('reads what the encoder writes and refuses anything else', () => {
		expect(readChallengeMarker({})).toEqual({});
		expect(readChallengeMarker({ title: 'T', brief: 'B' })).toEqual({ title: 'T', brief: 'B' });
		expect(readChallengeMarker(1)).toBeNull();
		expect(readChallengeMarker([])).toBeNull();
		expect(readChallengeMarker({ title: 3 })).toBeNull();
		expect(readChallengeMarker({ solution: {} })).toBeNull();
		expect(readChallengeMarker({ title: 'x'.repeat(201) })).toBeNull();
	});

	it('cleans blank text away', () => {
		expect(cleanChallengeMarker({ title: '  ', brief: ' Go \n' })).toEqual({ brief: 'Go' });
	});
});

describe('local challenge records', () => {
	const record = newChallengeRecord(marketing, { title: 'Marketing only' }, 5);

	it('freezes the goal of the link’s scenario (S1, S2) when it is opened', () => {
		expect(record.title).toBe('Marketing only');
		expect(record.goal.map((g) => g.text)).toEqual([
			'Alex Wilber (Fabrikam) can open the Contoso shared channel',
			"Isaiah Langer (Fabrikam) cannot open the Contoso shared channel: Fabrikam's outbound settings stop it (AADSTS500212)",
			'Megan Bowen (Contoso) can open the Fabrikam shared channel'
		]);
		expect(record.openedAt).toBe(5);
	});

	it('without a title, takes the scenario’s name without the “Challenge:” prefix', () => {
		const named = { ...marketing, name: 'Challenge: Doors' };
		expect(newChallengeRecord(named, {}, 0).title).toBe('Doors');
	});

	it('round-trips through storage and drops malformed entries', () => {
		const stored: unknown = JSON.parse(
			JSON.stringify({ a: record, b: { title: 1 }, c: { ...record, goal: [{ text: 'x' }] } })
		);
		expect(parseChallengeRecords(stored)).toEqual({ a: record });
		expect(parseChallengeRecords(null)).toEqual({});
		expect(parseChallengeRecords([record])).toEqual({});
	});

	it('remembers the first solve only, and the spoiler choice', () => {
		const once = markSolved({ a: record }, 'a', 10);
		expect(once.a?.solvedAt).toBe(10);
		expect(markSolved(once, 'a', 20)).toBe(once);
		expect(markSolved(once, 'missing', 20)).toBe(once);
		expect(showSpoilers(once, 'a').a?.spoilersShown).toBe(true);
	});
});
