/**
 * base64url without padding (RFC 4648 §5), strict: decoding refuses any character outside the
 * alphabet and any unused bits that are not zero, so every byte string has exactly one text form and
 * a changed character can never decode to the same bytes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64url(bytes: Uint8Array): string {
	let out = '';
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		out +=
			ALPHABET.charAt(n >> 18) +
			ALPHABET.charAt((n >> 12) & 63) +
			ALPHABET.charAt((n >> 6) & 63) +
			ALPHABET.charAt(n & 63);
	}
	const rest = bytes.length - i;
	if (rest === 1) {
		const n = bytes[i] ?? 0;
		out += ALPHABET.charAt(n >> 2) + ALPHABET.charAt((n & 3) << 4);
	} else if (rest === 2) {
		const n = ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
		out +=
			ALPHABET.charAt(n >> 10) + ALPHABET.charAt((n >> 4) & 63) + ALPHABET.charAt((n & 15) << 2);
	}
	return out;
}

export type Base64Result =
	{ ok: true; bytes: Uint8Array<ArrayBuffer>; exact: boolean } | { ok: false };

/**
 * Decodes strictly: any character outside the alphabet fails. `exact` is false when the text is not
 * the one `encodeBase64url` writes for these bytes: a lone final character (the text was cut, or had a
 * character added) or a final character whose unused bits are set (it was changed).
 */
export function decodeBase64url(text: string): Base64Result {
	const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
	let acc = 0;
	let bits = 0;
	let at = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const value = code < 128 ? (VALUES[code] ?? -1) : -1;
		if (value < 0) return { ok: false };
		acc = ((acc << 6) | value) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			bytes[at++] = (acc >> bits) & 0xff;
		}
	}
	const exact = text.length % 4 !== 1 && (acc & ((1 << bits) - 1)) === 0;
	return { ok: true, bytes, exact };
}
