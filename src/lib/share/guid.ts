/**
 * GUIDs are most of what does not compress in a scenario, so links carry them as their 16 bytes rather
 * than 36 characters. Only the canonical lowercase form is converted, so the text comes back exactly.
 */

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const GUID_BYTES = 16;

/** True for a GUID written the way `bytesToGuid` writes it back (lowercase, with dashes). */
export function isCanonicalGuid(value: string): boolean {
	return CANONICAL.test(value);
}

/** Writes a canonical GUID's 16 bytes into `out` at `offset`. */
export function writeGuid(guid: string, out: Uint8Array, offset: number): void {
	const hex = guid.replaceAll('-', '');
	for (let i = 0; i < GUID_BYTES; i++) out[offset + i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
}

/** Reads 16 bytes as a canonical GUID. */
export function readGuid(bytes: Uint8Array, offset: number): string {
	let hex = '';
	for (let i = 0; i < GUID_BYTES; i++)
		hex += (bytes[offset + i] ?? 0).toString(16).padStart(2, '0');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
