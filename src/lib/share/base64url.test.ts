import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { readVarint, writeVarint } from './bytes.ts';
import { crc32 } from './crc32.ts';

describe('base64url', () => {
	it('matches the platform encoder and reads back exactly', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				const text = encodeBase64url(bytes);
				expect(text).toBe(
					btoa(String.fromCharCode(...bytes))
						.replaceAll('+', '-')
						.replaceAll('/', '_')
						.replace(/=+$/, '')
				);
				expect(decodeBase64url(text)).toStrictEqual({
					ok: true,
					bytes: Uint8Array.from(bytes),
					exact: true
				});
			})
		);
	});

	it('refuses characters outside the alphabet, and flags texts it never writes', () => {
		expect(decodeBase64url('AB+/').ok).toBe(false);
		expect(decodeBase64url('AB=').ok).toBe(false);
		expect(decodeBase64url('AAAAé').ok).toBe(false);
		expect(decodeBase64url('AAAAA')).toMatchObject({ ok: true, exact: false });
		expect(decodeBase64url('AB')).toMatchObject({ ok: true, exact: false });
		expect(decodeBase64url('AQ')).toMatchObject({ ok: true, exact: true });
	});
});

describe('frame helpers', () => {
	it('varints read back, and refuse cut or padded ones', () => {
		for (const n of [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_151, 268_435_455]) {
			expect(readVarint(writeVarint(n), 0)).toStrictEqual({
				ok: true,
				value: n,
				next: writeVarint(n).length
			});
		}
		expect(readVarint(new Uint8Array([0x80]), 0)).toStrictEqual({ ok: false, reason: 'truncated' });
		expect(readVarint(new Uint8Array([0x80, 0x00]), 0)).toStrictEqual({
			ok: false,
			reason: 'corrupt'
		});
		expect(readVarint(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x01]), 0)).toStrictEqual({
			ok: false,
			reason: 'corrupt'
		});
	});

	it('CRC-32 is the standard one', () => {
		expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array())).toBe(0);
	});
});
