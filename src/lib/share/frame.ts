/**
 * The outer layer of a link payload, versions 1 and 2 (they differ only inside the content, see
 * `content.ts`):
 *
 *     "<version>." + base64url( varint(length of body) | body )
 *     plain body:     crc32(content) | content        (4 bytes, big-endian)
 *     passphrase body: salt(16) | iv(12) | AES-GCM(content)
 *
 * The version marker comes first and in plain text, so a later trustwalk can tell old links from new
 * and this one can tell a newer link from a broken one. The length says whether the link was cut off;
 * the CRC (or GCM's tag) says whether it was changed. Both are checked before anything is inflated.
 */
import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { concatBytes, readVarint, writeVarint } from './bytes.ts';
import { crc32 } from './crc32.ts';
import { IV_BYTES, SALT_BYTES, TAG_BYTES, open, seal } from './crypto.ts';

/** The newest link version this trustwalk reads and writes; it reads every version from 1 up. */
export const LINK_VERSION = 2;
export type LinkVersion = 1 | 2;
/** Longer payloads are refused before any decoding (no browser keeps a URL much longer). */
export const MAX_PAYLOAD_LENGTH = 512 * 1024;

const CRC_BYTES = 4;

export type FrameFailure =
	| 'empty'
	| 'unknownVersion'
	| 'newerVersion'
	| 'notBase64'
	| 'truncated'
	| 'corrupt'
	| 'tooLarge'
	| 'needsPassphrase'
	| 'wrongPassphrase';

export type FrameResult =
	| { ok: true; content: Uint8Array<ArrayBuffer>; version: LinkVersion }
	| { ok: false; code: FrameFailure; version?: number };

export interface SealOptions {
	passphrase: string;
	iterations: number;
}

/**
 * Wraps content bytes into a payload: marker, length, and a CRC or encryption. `version` says how
 * the content is laid out; the encoder writes version 1 whenever that layout is the shorter, so
 * those links still open in a trustwalk that reads only version 1.
 */
export async function writeFrame(
	content: Uint8Array<ArrayBuffer>,
	sealWith?: SealOptions,
	version: LinkVersion = 1
): Promise<string> {
	let body: Uint8Array<ArrayBuffer>;
	if (sealWith) {
		body = await seal(content, sealWith.passphrase, sealWith.iterations);
	} else {
		const check = new Uint8Array(CRC_BYTES);
		new DataView(check.buffer).setUint32(0, crc32(content));
		body = concatBytes([check, content]);
	}
	return `${version}.${encodeBase64url(concatBytes([writeVarint(body.length), body]))}`;
}

/** Reads a payload back to its content bytes; never throws. */
export async function readFrame(
	payload: string,
	kind: 's' | 'e',
	passphrase: string | undefined,
	iterations: number
): Promise<FrameResult> {
	if (payload === '') return { ok: false, code: 'empty' };
	if (payload.length > MAX_PAYLOAD_LENGTH) return { ok: false, code: 'tooLarge' };
	const marker = /^([1-9][0-9]{0,5})\./.exec(payload);
	if (!marker) {
		// Only digits: the link was cut inside its marker.
		return { ok: false, code: /^[0-9]+$/.test(payload) ? 'truncated' : 'unknownVersion' };
	}
	const number = Number(marker[1]);
	if (number > LINK_VERSION) return { ok: false, code: 'newerVersion', version: number };
	if (number !== 1 && number !== 2) return { ok: false, code: 'unknownVersion', version: number };
	const version: LinkVersion = number;

	const decoded = decodeBase64url(payload.slice(marker[0].length));
	if (!decoded.ok) return { ok: false, code: 'notBase64' };
	const length = readVarint(decoded.bytes, 0);
	if (!length.ok) return { ok: false, code: length.reason };
	const available = decoded.bytes.length - length.next;
	// Fewer bytes than announced: cut off. More, or stray bits in the last character: changed.
	if (available < length.value) return { ok: false, code: 'truncated' };
	if (available > length.value || !decoded.exact) return { ok: false, code: 'corrupt' };
	const body = decoded.bytes.subarray(length.next);

	if (kind === 'e') {
		if (body.length < SALT_BYTES + IV_BYTES + TAG_BYTES) return { ok: false, code: 'corrupt' };
		if (passphrase === undefined || passphrase === '')
			return { ok: false, code: 'needsPassphrase' };
		const content = await open(body.slice(), passphrase, iterations);
		return content ? { ok: true, content, version } : { ok: false, code: 'wrongPassphrase' };
	}
	if (body.length < CRC_BYTES) return { ok: false, code: 'corrupt' };
	const content = body.slice(CRC_BYTES);
	const expected = new DataView(body.buffer, body.byteOffset, CRC_BYTES).getUint32(0);
	if (crc32(content) !== expected) return { ok: false, code: 'corrupt' };
	return { ok: true, content, version };
}
