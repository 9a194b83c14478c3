import { describe, expect, it } from 'vitest';
import { buildShareUrl, linkSizeReport, readFragment, LINK_SIZE_LIMIT } from './url.ts';

describe('share addresses', () => {
	it('puts the payload in the fragment, replacing any fragment there was', () => {
		expect(buildShareUrl('https://example.org/app/', '1.abc', false)).toBe(
			'https://example.org/app/#s=1.abc'
		);
		expect(buildShareUrl('https://example.org/app/#old', '1.abc', true)).toBe(
			'https://example.org/app/#e=1.abc'
		);
	});

	it.each([
		['#s=1.abc', { kind: 's', payload: '1.abc' }],
		['#e=1.abc', { kind: 'e', payload: '1.abc' }],
		['s=1.abc', { kind: 's', payload: '1.abc' }],
		['https://example.org/#s=1.abc', { kind: 's', payload: '1.abc' }],
		['#view=matrix&e=1.abc', { kind: 'e', payload: '1.abc' }],
		['#s=1%2Eabc', { kind: 's', payload: '1.abc' }],
		['#s=1.abc%', { kind: 's', payload: '1.abc%' }],
		['#s=', { kind: 's', payload: '' }]
	])('reads %s', (hash, expected) => {
		expect(readFragment(hash)).toStrictEqual(expected);
	});

	it.each(['', '#', '#matrix', '#x=1.abc', '#S=1.abc', 'https://example.org/'])(
		'finds no link in %j',
		(hash) => {
			expect(readFragment(hash)).toBeNull();
		}
	);

	it('a built address reads back', () => {
		const url = buildShareUrl('https://example.org/', '1.xyz-_', true);
		expect(readFragment(new URL(url).hash)).toStrictEqual({ kind: 'e', payload: '1.xyz-_' });
	});
});

describe('the size indicator', () => {
	it('is fine up to the limit', () => {
		const report = linkSizeReport(LINK_SIZE_LIMIT);
		expect(report).toMatchObject({ length: 2000, limit: 2000, overLimit: false });
		expect(report.message).toBe(
			'The link is 2,000 characters long, short enough to paste in a chat or a Teams tab.'
		);
	});

	it('past the limit, says chat tools cut it and offers the file', () => {
		const report = linkSizeReport(2001);
		expect(report.overLimit).toBe(true);
		expect(report.message).toMatch(
			/^The link is 2,001 characters long; chat tools and Teams tabs cut/
		);
		expect(report.message).toMatch(/Download the scenario as a file/);
	});
});
