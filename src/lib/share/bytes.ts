/** Small byte helpers for the link frame: unsigned LEB128 lengths and concatenation. */

/** Writes `value` (a non-negative integer) as unsigned LEB128: 7 bits a byte, low bits first. */
export function writeVarint(value: number): Uint8Array<ArrayBuffer> {
	const out: number[] = [];
	let rest = value;
	do {
		const low = rest % 128;
		rest = Math.floor(rest / 128);
		out.push(rest > 0 ? low | 128 : low);
	} while (rest > 0);
	return Uint8Array.from(out);
}

export type VarintResult =
	{ ok: true; value: number; next: number } | { ok: false; reason: 'truncated' | 'corrupt' };

/** Reads an unsigned LEB128 of at most `maxBytes` bytes starting at `at`. */
export function readVarint(bytes: Uint8Array, at: number, maxBytes = 4): VarintResult {
	let value = 0;
	let scale = 1;
	for (let i = 0; i < maxBytes; i++) {
		const byte = bytes[at + i];
		if (byte === undefined) return { ok: false, reason: 'truncated' };
		value += (byte & 127) * scale;
		scale *= 128;
		if ((byte & 128) === 0) {
			// A final zero byte after the first would be a second spelling of the same number.
			if (byte === 0 && i > 0) return { ok: false, reason: 'corrupt' };
			return { ok: true, value, next: at + i + 1 };
		}
	}
	return { ok: false, reason: 'corrupt' };
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
