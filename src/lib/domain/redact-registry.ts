/**
 * The memory of a redaction: which real value got which fake. Identifiers (GUIDs and other object
 * IDs, domains, UPNs) are keyed case-insensitively, as Entra compares them, and each spelling keeps its
 * own case pattern in the fake, so two spellings that differ only in case stay different where the
 * engine compares exactly and stay equal where it compares without case. Names are keyed without case.
 */
import { findMicrosoftApp } from './microsoft-apps.ts';

export type RedactionKind =
	| 'tenant'
	| 'user'
	| 'group'
	| 'application'
	| 'policy'
	| 'role'
	| 'object'
	| 'domain'
	| 'upn'
	| 'tenantName'
	| 'userName'
	| 'groupName'
	| 'appName'
	| 'policyName'
	| 'text';

export interface Replacement {
	kind: RedactionKind;
	original: string;
	fake: string;
}

export type IdKind = 'tenant' | 'user' | 'group' | 'application' | 'policy' | 'role' | 'object';

const GUID_PREFIX: Record<IdKind, string> = {
	tenant: 'aaaaaaaa',
	user: 'bbbbbbbb',
	group: 'cccccccc',
	application: 'dddddddd',
	policy: 'eeeeeeee',
	role: 'fafafafa',
	object: 'ffffffff'
};

/** Words too common to stand for one tenant or person when found inside free text. */
const STOP_WORDS = new Set(
	(
		'the and for with from into onto this that inc ltd llc corp corporation company co gmbh ' +
		'microsoft teams office sharepoint exchange online azure entra graph outlook windows ' +
		'group groups user users guest guests external partner partners tenant tenants app apps ' +
		'application applications policy policies all none block blocked allow allowed require ' +
		'mfa admin admins test demo team example com net org onmicrosoft mail'
	).split(' ')
);

export const GUID_PATTERN =
	'[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
export const DOMAIN_PATTERN = `(?:${LABEL}\\.)+[A-Za-z]{2,}`;
export const EMAIL_PATTERN = `[A-Za-z0-9._%+'#-]+@${DOMAIN_PATTERN}`;

export const isGuid = (s: string) => new RegExp(`^${GUID_PATTERN}$`).test(s);
export const isEmail = (s: string) => new RegExp(`^${EMAIL_PATTERN}$`).test(s);

/** File extensions and Graph type names look like domains; they are not. */
const NOT_A_TLD = new Set(
	'json txt csv png jpg jpeg svg html htm md js ts svelte yaml yml xml pdf docx xlsx ps1 zip'.split(
		' '
	)
);
/** Public Microsoft hosts: not the admin's data, and useful in shared text. */
const PUBLIC_HOSTS =
	/(^|\.)(microsoft\.com|microsoftonline\.com|windows\.net|office\.com|aka\.ms)$/i;

export function isDomain(s: string): boolean {
	if (!new RegExp(`^${DOMAIN_PATTERN}$`).test(s)) return false;
	const tld = s.slice(s.lastIndexOf('.') + 1).toLowerCase();
	return !NOT_A_TLD.has(tld) && !/^microsoft\.graph\./i.test(s);
}

export const isPublicHost = (s: string) => PUBLIC_HOSTS.test(s);

/** "A", "B", … "Z", "AA", "AB", … for the n-th tenant (0-based). */
export function letters(n: number): string {
	let out = '';
	let i = n;
	do {
		out = String.fromCharCode(65 + (i % 26)) + out;
		i = Math.floor(i / 26) - 1;
	} while (i >= 0);
	return out;
}

interface Entry {
	kind: RedactionKind;
	fake: string;
	variants: Map<string, string>;
}

/** The fake with the letters at the set bits of `k` upper-cased. */
function casePattern(fake: string, k: number): string {
	let bit = 0;
	return fake.replace(/[a-z]/g, (c) => ((k >> bit++) & 1 ? c.toUpperCase() : c));
}

export class RedactionRegistry {
	readonly rows: Replacement[] = [];
	readonly #ids = new Map<string, Entry>();
	readonly #names = new Map<string, Entry>();
	readonly #tokens = new Map<string, string>();
	readonly #counters = new Map<string, number>();
	readonly #reserved: ReadonlySet<string>;

	/** `reserved`: every string of the original (lower case), so no fake equals a real value. */
	constructor(reserved: ReadonlySet<string>) {
		this.#reserved = reserved;
	}

	next(counter: string): number {
		const n = (this.#counters.get(counter) ?? 0) + 1;
		this.#counters.set(counter, n);
		return n;
	}

	#free(make: () => string): string {
		for (;;) {
			const fake = make();
			if (!this.#reserved.has(fake.toLowerCase())) return fake;
		}
	}

	fakeGuid(kind: IdKind): string {
		return this.#free(
			() =>
				`${GUID_PREFIX[kind]}-0000-4000-8000-${this.next(`guid:${kind}`).toString(16).padStart(12, '0')}`
		);
	}

	/** The fake for `original` in its own spelling (see the module comment). */
	#spell(entry: Entry, original: string): string {
		const known = entry.variants.get(original);
		if (known !== undefined) return known;
		let out: string;
		if (original === original.toLowerCase()) out = entry.fake;
		else if (original === original.toUpperCase()) out = entry.fake.toUpperCase();
		else {
			const taken = new Set(entry.variants.values());
			let k = 1;
			do out = casePattern(entry.fake, k++);
			while (taken.has(out) || out === entry.fake || out === entry.fake.toUpperCase());
		}
		entry.variants.set(original, out);
		return out;
	}

	knownId(original: string): string | undefined {
		const entry = this.#ids.get(original.toLowerCase());
		return entry && this.#spell(entry, original);
	}

	/** Registers an identifier (once per case-insensitive value) and returns its fake. */
	id(original: string, kind: RedactionKind, make: () => string): string {
		const key = original.toLowerCase();
		let entry = this.#ids.get(key);
		if (!entry) {
			entry = { kind, fake: make().toLowerCase(), variants: new Map() };
			this.#ids.set(key, entry);
			this.rows.push({ kind, original, fake: this.#spell(entry, original) });
		}
		return this.#spell(entry, original);
	}

	/** An object ID; Microsoft's own app IDs are public and kept. */
	objectId(original: string, kind: IdKind): string {
		if (findMicrosoftApp(original.toLowerCase())) return original;
		return this.id(original, kind, () => this.fakeGuid(kind));
	}

	domain(original: string): string {
		if (isPublicHost(original)) return original;
		return this.id(original, 'domain', () =>
			this.#free(() => `domain-${this.next('domain')}.example`)
		);
	}

	/** A UPN or e-mail address; its domain is redacted on its own so it matches the tenant's. */
	upn(original: string, local?: string): string {
		const known = this.knownId(original);
		if (known !== undefined) return known;
		const at = original.lastIndexOf('@');
		const domain = this.domain(original.slice(at + 1)).toLowerCase();
		return this.id(original, 'upn', () =>
			this.#free(() => `${local ?? `user${this.next('user')}`}@${domain}`)
		);
	}

	knownName(original: string): string | undefined {
		return this.#names.get(original.trim().toLowerCase())?.fake;
	}

	/** Registers a display name (without case) and returns its fake. */
	name(original: string, kind: RedactionKind, make: () => string): string {
		const key = original.trim().toLowerCase();
		const known = this.#names.get(key);
		if (known) return known.fake;
		const fake = make();
		this.#names.set(key, { kind, fake, variants: new Map() });
		this.rows.push({ kind, original, fake });
		return fake;
	}

	/** Words of a real name (≥ 3 letters, not common words) that stand for it inside free text. */
	tokens(original: string, fake: string): void {
		for (const word of original.split(/[^\p{L}\p{N}]+/u)) {
			const key = word.toLowerCase();
			if (key.length < 3 || /^\d+$/.test(key) || STOP_WORDS.has(key)) continue;
			if (!this.#tokens.has(key)) this.#tokens.set(key, fake);
		}
	}

	token(word: string): string | undefined {
		return this.#tokens.get(word.toLowerCase());
	}

	/** Every literal worth finding in free text: names, name words and non-GUID identifiers. */
	literals(): string[] {
		const ids = [...this.#ids.keys()].filter(
			(k) => k.length >= 4 && !isGuid(k) && !isEmail(k) && !isDomain(k)
		);
		return [...new Set([...this.#names.keys(), ...this.#tokens.keys(), ...ids])]
			.filter((k) => k.length > 0)
			.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
	}
}
