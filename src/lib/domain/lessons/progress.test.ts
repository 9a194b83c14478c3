import { describe, expect, it } from 'vitest';
import {
	completedCount,
	emptyProgress,
	markCompleted,
	parseProgress,
	progressOf,
	recordPrediction,
	resetLesson,
	useHint
} from './progress.ts';

describe('lesson progress', () => {
	it('starts empty, with a blank entry for any lesson', () => {
		const p = emptyProgress();
		expect(p).toEqual({});
		expect(progressOf(p, 'mutual-trust')).toEqual({ completed: false, hintsUsed: 0 });
	});

	it('counts hints up to the number of hints, without mutating', () => {
		const p0 = emptyProgress();
		const p1 = useHint(p0, 'a', 2);
		const p3 = useHint(useHint(p1, 'a', 2), 'a', 2);
		expect(p0).toEqual({});
		expect(p1.a?.hintsUsed).toBe(1);
		expect(p3.a?.hintsUsed).toBe(2);
	});

	it('keeps the first prediction only', () => {
		const p = recordPrediction(recordPrediction({}, 'a', false), 'a', true);
		expect(p.a?.predicted).toBe(false);
	});

	it('completion sticks and is counted', () => {
		const p = markCompleted(useHint({}, 'a', 3), 'a');
		expect(p.a).toEqual({ completed: true, hintsUsed: 1 });
		expect(markCompleted(p, 'a')).toBe(p);
		expect(completedCount(p, ['a', 'b'])).toBe(1);
	});

	it('resets one lesson', () => {
		const p = markCompleted(markCompleted({}, 'a'), 'b');
		expect(resetLesson(p, 'a')).toEqual({ b: { completed: true, hintsUsed: 0 } });
		expect(resetLesson(p, 'zzz')).toBe(p);
	});

	it('parses stored progress and drops what is malformed', () => {
		const stored: unknown = JSON.parse(
			JSON.stringify(recordPrediction(markCompleted(useHint({}, 'a', 2), 'a'), 'a', true))
		);
		expect(parseProgress(stored)).toEqual({
			a: { completed: true, hintsUsed: 1, predicted: true }
		});
		expect(parseProgress(null)).toEqual({});
		expect(parseProgress([1])).toEqual({});
		expect(parseProgress({ x: 3, y: { hintsUsed: -1, predicted: 'yes' } })).toEqual({
			y: { completed: false, hintsUsed: 0 }
		});
	});
});
