/** Where links meet the address bar: building `#s=` / `#e=` addresses, reading them, and their size. */

/** Chat tools and Teams tabs cut links longer than this. */
export const LINK_SIZE_LIMIT = 2000;

/** The app's address with the payload in the fragment (any fragment `baseUrl` had is replaced). */
export function buildShareUrl(baseUrl: string, payload: string, encrypted: boolean): string {
	const hash = baseUrl.indexOf('#');
	const base = hash === -1 ? baseUrl : baseUrl.slice(0, hash);
	return `${base}#${encrypted ? 'e' : 's'}=${payload}`;
}

/**
 * Finds a link payload in `location.hash` (`#s=…` or `#e=…`; a whole address is accepted too).
 * Null when the fragment holds no link, so the app opens as usual.
 */
export function readFragment(hash: string): { kind: 's' | 'e'; payload: string } | null {
	const at = hash.indexOf('#');
	const fragment = at === -1 ? hash : hash.slice(at + 1);
	for (const part of fragment.split('&')) {
		const match = /^([se])=([\s\S]*)$/.exec(part);
		if (!match) continue;
		const kind = match[1] === 'e' ? 'e' : 's';
		return { kind, payload: percentDecoded(match[2] ?? '') };
	}
	return null;
}

/** Undoes percent-encoding some tools add; a payload that is not valid percent-encoding stays as it is. */
function percentDecoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

export interface LinkSize {
	length: number;
	limit: number;
	overLimit: boolean;
	message: string;
}

/** The size indicator beside the share button: the length, and whether chat tools would cut it. */
export function linkSizeReport(payloadLength: number): LinkSize {
	const length = Math.max(0, Math.round(payloadLength));
	const overLimit = length > LINK_SIZE_LIMIT;
	const count = `${length.toLocaleString('en-US')} characters`;
	const message = overLimit
		? `The link is ${count} long; chat tools and Teams tabs cut links longer than ${LINK_SIZE_LIMIT.toLocaleString('en-US')} characters. Download the scenario as a file and share that instead.`
		: `The link is ${count} long, short enough to paste in a chat or a Teams tab.`;
	return { length, limit: LINK_SIZE_LIMIT, overLimit, message };
}
