/**
 * Passphrase links: AES-GCM with a 256-bit key derived by PBKDF2-SHA-256 from the passphrase, a
 * random 16-byte salt and a random 12-byte IV per link. The sealed form is `salt | iv | ciphertext`
 * (the ciphertext ends with GCM's 16-byte tag, which also catches any changed byte).
 */
import { concatBytes } from './bytes.ts';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; fixed for link version 1. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/** Binds the ciphertext to this link format, so it cannot be replayed as another kind of data. */
const ADDITIONAL_DATA = new TextEncoder().encode('trustwalk link 1');

async function deriveKey(
	passphrase: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations: number
): Promise<CryptoKey> {
	// NFC, so the same passphrase typed on different systems gives the same key.
	const secret = new TextEncoder().encode(passphrase.normalize('NFC'));
	const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		base,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

export async function seal(
	content: Uint8Array<ArrayBuffer>,
	passphrase: string,
	iterations: number
): Promise<Uint8Array<ArrayBuffer>> {
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const key = await deriveKey(passphrase, salt, iterations);
	const sealed = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: ADDITIONAL_DATA },
		key,
		content
	);
	return concatBytes([salt, iv, new Uint8Array(sealed)]);
}

/** The content, or null when the passphrase is wrong or the data was changed (GCM cannot tell which). */
export async function open(
	sealed: Uint8Array<ArrayBuffer>,
	passphrase: string,
	iterations: number
): Promise<Uint8Array<ArrayBuffer> | null> {
	const salt = sealed.slice(0, SALT_BYTES);
	const iv = sealed.slice(SALT_BYTES, SALT_BYTES + IV_BYTES);
	const key = await deriveKey(passphrase, salt, iterations);
	try {
		const content = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv, additionalData: ADDITIONAL_DATA },
			key,
			sealed.slice(SALT_BYTES + IV_BYTES)
		);
		return new Uint8Array(content);
	} catch {
		return null;
	}
}
