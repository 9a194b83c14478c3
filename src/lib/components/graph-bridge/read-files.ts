/** Reads dropped or chosen files as text, whatever encoding PowerShell wrote them in. */
import { decodeJsonBytes, type GraphFile } from '$lib/domain/graph-bridge/files.ts';

export async function readGraphFiles(files: Iterable<File>): Promise<GraphFile[]> {
	return Promise.all(
		[...files].map(async (file) => ({
			name: file.webkitRelativePath || file.name,
			text: decodeJsonBytes(new Uint8Array(await file.arrayBuffer()))
		}))
	);
}
