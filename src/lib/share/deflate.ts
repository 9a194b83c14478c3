/**
 * deflate-raw through the platform's `CompressionStream` / `DecompressionStream` (browsers and
 * Node 20 both have them), with a cap on what decompression may produce: a link of a few kilobytes
 * can inflate to gigabytes, so reading stops as soon as the output passes the cap.
 */
import { concatBytes } from './bytes.ts';

/**
 * Compressed input is fed in slices this size, so that past the cap at most one slice's worth of
 * output (deflate expands at most ~1032:1) is produced before reading stops.
 */
const FEED_BYTES = 1024;

async function readAll(
	readable: ReadableStream<Uint8Array>,
	maxBytes: number
): Promise<Uint8Array<ArrayBuffer> | 'tooLarge'> {
	const reader = readable.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return concatBytes(chunks);
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel().catch(() => undefined);
			return 'tooLarge';
		}
		chunks.push(value);
	}
}

export async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	const stream = new CompressionStream('deflate-raw');
	const writer = stream.writable.getWriter();
	const writing = writer.write(bytes).then(() => writer.close());
	const [out] = await Promise.all([new Response(stream.readable).arrayBuffer(), writing]);
	return new Uint8Array(out);
}

export type InflateResult =
	{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: 'tooLarge' | 'corrupt' };

/** Inflates at most `maxBytes`; never throws. */
export async function inflateRaw(
	bytes: Uint8Array<ArrayBuffer>,
	maxBytes: number
): Promise<InflateResult> {
	let stopped = false;
	try {
		const stream = new DecompressionStream('deflate-raw');
		const writer = stream.writable.getWriter();
		// Errors in the data surface on the reading side too, which reports them; this only feeds.
		void (async () => {
			for (let at = 0; at < bytes.length && !stopped; at += FEED_BYTES)
				await writer.write(bytes.subarray(at, at + FEED_BYTES));
			if (!stopped) await writer.close();
		})().catch(() => undefined);
		const out = await readAll(stream.readable, maxBytes);
		if (out === 'tooLarge') return { ok: false, reason: 'tooLarge' };
		return { ok: true, bytes: out };
	} catch {
		return { ok: false, reason: 'corrupt' };
	} finally {
		stopped = true;
	}
}
