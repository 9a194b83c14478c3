/**
 * What a link's frame carries, version 1:
 *
 *     varint(n) | n GUIDs of 16 bytes | deflate-raw(UTF-8 JSON envelope)
 *
 * The GUIDs are the side table of `compact.ts` (empty when they are written inline). Decompression is
 * capped, so a small link cannot inflate to more than a scenario trustwalk would ever hold.
 */
import { concatBytes, readVarint, writeVarint } from './bytes.ts';
import { deflateRaw, inflateRaw } from './deflate.ts';
import { GUID_BYTES, readGuid, writeGuid } from './guid.ts';

/** The most a link's JSON may inflate to: far beyond any scenario shared by link. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

export async function writeContent(
	json: string,
	guids: readonly string[]
): Promise<Uint8Array<ArrayBuffer>> {
	const table = new Uint8Array(guids.length * GUID_BYTES);
	guids.forEach((guid, i) => writeGuid(guid, table, i * GUID_BYTES));
	const deflated = await deflateRaw(new TextEncoder().encode(json));
	return concatBytes([writeVarint(guids.length), table, deflated]);
}

export type ContentResult =
	{ ok: true; json: string; guids: string[] } | { ok: false; code: 'corrupt' | 'tooLarge' };

/** Reads content bytes back; never throws. */
export async function readContent(
	content: Uint8Array<ArrayBuffer>,
	maxJsonBytes = MAX_SCENARIO_BYTES
): Promise<ContentResult> {
	const count = readVarint(content, 0);
	if (!count.ok) return { ok: false, code: 'corrupt' };
	const tableEnd = count.next + count.value * GUID_BYTES;
	if (tableEnd >= content.length) return { ok: false, code: 'corrupt' };
	const guids: string[] = [];
	for (let at = count.next; at < tableEnd; at += GUID_BYTES) guids.push(readGuid(content, at));
	const inflated = await inflateRaw(content.slice(tableEnd), maxJsonBytes);
	if (!inflated.ok) return { ok: false, code: inflated.reason };
	try {
		return {
			ok: true,
			json: new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes),
			guids
		};
	} catch {
		return { ok: false, code: 'corrupt' };
	}
}
