/**
 * What a link's frame carries. Two layouts, told apart by the frame's version marker:
 *
 *     version 1:  varint(n) | n GUIDs of 16 bytes | deflate-raw(UTF-8 JSON envelope)
 *     version 2:  varint(n) | deflate-raw(n GUIDs of 16 bytes | UTF-8 JSON envelope)
 *
 * The GUIDs are the side table of `compact.ts` (empty when they are written inline). Version 2 lets
 * deflate see the table: random GUIDs gain nothing from it, but IDs that share long runs of digits
 * (generated or hand-made ones such as `…-0001-4000-8000-000000000003`) shrink to a few bytes each.
 * The encoder tries both and keeps the shorter. Decompression is capped, so a small link cannot
 * inflate to more than a scenario trustwalk would ever hold.
 */
import { concatBytes, readVarint, writeVarint } from './bytes.ts';
import { deflateRaw, inflateRaw } from './deflate.ts';
import type { LinkVersion } from './frame.ts';
import { GUID_BYTES, readGuid, writeGuid } from './guid.ts';

/** The most a link's JSON may inflate to: far beyond any scenario shared by link. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;
/** No scenario within MAX_SCENARIO_BYTES names more objects than this. */
const MAX_GUIDS = MAX_SCENARIO_BYTES / GUID_BYTES;

function guidTable(guids: readonly string[]): Uint8Array<ArrayBuffer> {
	const table = new Uint8Array(guids.length * GUID_BYTES);
	guids.forEach((guid, i) => writeGuid(guid, table, i * GUID_BYTES));
	return table;
}

function readGuids(bytes: Uint8Array, from: number, count: number): string[] {
	const guids: string[] = [];
	for (let at = from; at < from + count * GUID_BYTES; at += GUID_BYTES)
		guids.push(readGuid(bytes, at));
	return guids;
}

export async function writeContent(
	json: string,
	guids: readonly string[],
	version: LinkVersion = 1
): Promise<Uint8Array<ArrayBuffer>> {
	const table = guidTable(guids);
	const text = new TextEncoder().encode(json);
	const parts =
		version === 1
			? [writeVarint(guids.length), table, await deflateRaw(text)]
			: [writeVarint(guids.length), await deflateRaw(concatBytes([table, text]))];
	return concatBytes(parts);
}

export type ContentResult =
	{ ok: true; json: string; guids: string[] } | { ok: false; code: 'corrupt' | 'tooLarge' };

function decodeJson(bytes: Uint8Array, guids: string[]): ContentResult {
	try {
		return { ok: true, json: new TextDecoder('utf-8', { fatal: true }).decode(bytes), guids };
	} catch {
		return { ok: false, code: 'corrupt' };
	}
}

/** Reads content bytes back in the layout of `version`; never throws. */
export async function readContent(
	content: Uint8Array<ArrayBuffer>,
	version: LinkVersion = 1,
	maxJsonBytes = MAX_SCENARIO_BYTES
): Promise<ContentResult> {
	const count = readVarint(content, 0);
	if (!count.ok || count.value > MAX_GUIDS) return { ok: false, code: 'corrupt' };
	const tableBytes = count.value * GUID_BYTES;
	if (version === 1) {
		const tableEnd = count.next + tableBytes;
		if (tableEnd >= content.length) return { ok: false, code: 'corrupt' };
		const inflated = await inflateRaw(content.slice(tableEnd), maxJsonBytes);
		if (!inflated.ok) return { ok: false, code: inflated.reason };
		return decodeJson(inflated.bytes, readGuids(content, count.next, count.value));
	}
	if (count.next >= content.length) return { ok: false, code: 'corrupt' };
	// The table and the JSON together stay within the one cap (the encoder keeps to it too).
	const inflated = await inflateRaw(content.slice(count.next), maxJsonBytes);
	if (!inflated.ok) return { ok: false, code: inflated.reason };
	if (inflated.bytes.length <= tableBytes) return { ok: false, code: 'corrupt' };
	return decodeJson(inflated.bytes.subarray(tableBytes), readGuids(inflated.bytes, 0, count.value));
}
