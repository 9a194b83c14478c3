/** Reads dropped or chosen files as text, whatever encoding PowerShell wrote them in. */
import { decodeJsonBytes, type GraphFile } from '$lib/domain/graph-bridge/files.ts';

/** Far above any policy export; a larger file is not a Graph response trustwalk reads. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 500;

export type ReadFiles = { ok: true; files: GraphFile[] } | { ok: false; message: string };

/** Never rejects: a folder, an unreadable or an oversized file is a message, and nothing is read. */
export async function readGraphFiles(list: Iterable<File>): Promise<ReadFiles> {
	const files = [...list];
	if (files.length > MAX_FILES)
		return { ok: false, message: `${files.length} files at once: choose at most ${MAX_FILES}.` };
	const large = files.find((f) => f.size > MAX_FILE_BYTES);
	if (large)
		return {
			ok: false,
			message: `${large.name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: not a Graph response trustwalk reads.`
		};
	try {
		return {
			ok: true,
			files: await Promise.all(
				files.map(async (file) => ({
					name: file.webkitRelativePath || file.name,
					text: decodeJsonBytes(new Uint8Array(await file.arrayBuffer()))
				}))
			)
		};
	} catch {
		// A dropped folder arrives as an entry that cannot be read as bytes.
		return {
			ok: false,
			message:
				'A dropped item could not be read. If it is a folder, open it and select the .json files inside (several at once).'
		};
	}
}
