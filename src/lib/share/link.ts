/**
 * Share links (SCENARIO-FORMAT.md, "Share links"): the scenario in the address's fragment, so it
 * never reaches a server. `#s=<payload>` is a plain link, `#e=<payload>` a passphrase-protected one.
 *
 * Payload, link versions 1 and 2 (layers in `frame.ts` and `content.ts`; 2 only moves the GUID
 * table inside the deflate stream): the marker `1.` or `2.`, then base64url of
 * a length, a CRC or the encryption, and the deflated JSON envelope `{ s, a?, t?, c? }`: `s` the
 * scenario in the compact form of `compact.ts` (or `r`, the scenario as it is, if the compact form
 * could not hold it exactly), `a` the attempt to open, `t` its step, `c` a challenge marker
 * (`{ title?, brief? }`, see `challenge-marker.ts`): the link opens in challenge mode. Decoding ends in `parseScenario`, like every
 * other way into the app, and never throws.
 */
import { readChallengeMarker, type ChallengeMarker } from '../domain/challenge-marker.ts';
import { parseScenario, type ScenarioError } from '../domain/parse.ts';
import { SCENARIO_VERSION, type Scenario } from '../domain/schema.ts';
import { CorruptError, canonicalJson, packScenario, unpackScenario } from './compact.ts';
import { MAX_SCENARIO_BYTES, readContent, writeContent } from './content.ts';
import { PBKDF2_ITERATIONS } from './crypto.ts';
import { MAX_PAYLOAD_LENGTH, readFrame, writeFrame, type LinkVersion } from './frame.ts';
import { asSentence, linkMessage, type LinkErrorCode } from './messages.ts';

export interface EncodeOptions {
	/** Makes a `#e=` link that opens only with this passphrase. */
	passphrase?: string;
	/** The name of the attempt the link opens on. */
	attempt?: string;
	/** The step of that attempt the walk-through shows. */
	step?: number;
	/** Opens the link in challenge mode: the scenario is the starting state, its expectations the goal. */
	challenge?: ChallengeMarker;
	/** PBKDF2 iterations. For tests only: links are made with `PBKDF2_ITERATIONS`. */
	iterations?: number;
}

export interface DecodeOptions {
	/** PBKDF2 iterations. For tests only, matching `EncodeOptions.iterations`. */
	iterations?: number;
}

export type DecodedLink =
	| { ok: true; scenario: Scenario; attempt?: string; step?: number; challenge?: ChallengeMarker }
	| { ok: false; code: LinkErrorCode; message: string; errors?: ScenarioError[] };

/** The scenario would not open from a link (over `MAX_SCENARIO_BYTES` or `MAX_PAYLOAD_LENGTH`). */
export class LinkTooLargeError extends Error {
	readonly code = 'tooLarge';
	constructor() {
		super('This scenario is too large to open from a link: download it as a file instead.');
	}
}

interface Candidate {
	json: string;
	guids: string[];
}

/**
 * The JSON envelopes worth trying: the compact form with GUIDs inline and with GUIDs in the side table
 * (random GUIDs cost less as raw bytes, generated ones with repeating digits less inline), each kept
 * only if it gives the scenario back exactly; the scenario as it is when neither does.
 */
function candidates(
	scenario: Scenario,
	extra: { a?: string; t?: number; c?: ChallengeMarker }
): Candidate[] {
	const expected = canonicalJson(scenario);
	const out: Candidate[] = [];
	for (const mode of ['inline', 'table'] as const) {
		try {
			const { packed, guids } = packScenario(scenario, mode);
			if (mode === 'table' && guids.length === 0) continue;
			const json = JSON.stringify({ s: packed, ...extra });
			const back = unpackScenario((JSON.parse(json) as { s: unknown }).s, guids);
			if (canonicalJson(back) === expected) out.push({ json, guids });
		} catch {
			// A value the compact shapes cannot say exactly: the plain envelope below still can.
		}
	}
	return out.length > 0 ? out : [{ json: JSON.stringify({ r: scenario, ...extra }), guids: [] }];
}

/** Makes the payload that follows `#s=` (plain) or `#e=` (with `options.passphrase`). */
export async function encodeScenarioLink(
	scenario: Scenario,
	options: EncodeOptions = {}
): Promise<string> {
	const { passphrase, attempt, step, challenge, iterations = PBKDF2_ITERATIONS } = options;
	if (passphrase === '')
		throw new TypeError('A passphrase cannot be empty; leave it out for a plain link.');
	if (step !== undefined && (!Number.isSafeInteger(step) || step < 0))
		throw new RangeError('The step must be a whole number, 0 or more.');
	if (challenge !== undefined && readChallengeMarker(challenge) === null)
		throw new TypeError('The challenge title or brief is too long, or not text.');
	const extra = {
		...(attempt === undefined ? {} : { a: attempt }),
		...(step === undefined ? {} : { t: step }),
		...(challenge === undefined ? {} : { c: readChallengeMarker(challenge) ?? {} })
	};
	let best: { content: Uint8Array<ArrayBuffer>; version: LinkVersion } | undefined;
	for (const { json, guids } of candidates(scenario, extra)) {
		if (new TextEncoder().encode(json).length > MAX_SCENARIO_BYTES) throw new LinkTooLargeError();
		// Version 1 first: on a tie the link stays readable by a trustwalk that knows only version 1.
		// Version 2 inflates table and JSON together under one cap: only when both fit in it.
		const tableFits =
			guids.length * 16 + new TextEncoder().encode(json).length <= MAX_SCENARIO_BYTES;
		for (const version of guids.length > 0 && tableFits ? ([1, 2] as const) : ([1] as const)) {
			const content = await writeContent(json, guids, version);
			if (!best || content.length < best.content.length) best = { content, version };
		}
	}
	const payload = await writeFrame(
		best?.content ?? new Uint8Array(),
		passphrase === undefined ? undefined : { passphrase, iterations },
		best?.version
	);
	if (payload.length > MAX_PAYLOAD_LENGTH) throw new LinkTooLargeError();
	return payload;
}

function failure(
	code: LinkErrorCode,
	detail?: string | number,
	errors?: ScenarioError[]
): DecodedLink {
	return { ok: false, code, message: linkMessage(code, detail), ...(errors ? { errors } : {}) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The envelope's parts, or null for anything an encoder does not write. */
function readEnvelope(
	json: string
): { document: unknown; compact: boolean; a?: string; t?: number; c?: ChallengeMarker } | null {
	let envelope: unknown;
	try {
		envelope = JSON.parse(json);
	} catch {
		return null;
	}
	if (!isPlainObject(envelope)) return null;
	const { s, r, a, t, c, ...rest } = envelope;
	if (Object.keys(rest).length > 0 || (s === undefined) === (r === undefined)) return null;
	if (a !== undefined && typeof a !== 'string') return null;
	if (t !== undefined && (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0)) return null;
	const challenge = c === undefined ? undefined : readChallengeMarker(c);
	if (challenge === null) return null;
	return {
		document: s ?? r,
		compact: s !== undefined,
		...(a === undefined ? {} : { a }),
		...(t === undefined ? {} : { t }),
		...(challenge === undefined ? {} : { c: challenge })
	};
}

async function decode(
	payload: string,
	kind: 's' | 'e',
	passphrase: string | undefined,
	iterations: number
): Promise<DecodedLink> {
	if (typeof payload !== 'string') return failure('empty');
	if (payload.length > MAX_PAYLOAD_LENGTH) return failure('tooLarge');
	if (kind !== 's' && kind !== 'e') return failure('unknownVersion');
	// Mail programs break long links across lines; base64url has no spaces, so they are never data.
	const frame = await readFrame(payload.replace(/\s+/g, ''), kind, passphrase, iterations);
	if (!frame.ok) return failure(frame.code, frame.version);
	const content = await readContent(frame.content, frame.version);
	if (!content.ok) return failure(content.code);
	const envelope = readEnvelope(content.json);
	if (!envelope || (!envelope.compact && content.guids.length > 0)) return failure('corrupt');

	let document: unknown = envelope.document;
	if (envelope.compact) {
		try {
			document = unpackScenario(envelope.document, content.guids);
		} catch (e) {
			if (e instanceof CorruptError) return failure('corrupt');
			throw e;
		}
	}
	const parsed = parseScenario(document);
	if (!parsed.ok) {
		const first = parsed.errors[0];
		const version = isPlainObject(document) ? document.version : undefined;
		if (typeof version === 'number' && version > SCENARIO_VERSION && first) {
			return {
				ok: false,
				code: 'newerVersion',
				message: asSentence(first.message),
				errors: parsed.errors
			};
		}
		const detail = first ? `${first.path || 'the document'}: ${first.message}` : undefined;
		return failure('invalidScenario', detail, parsed.errors);
	}
	return {
		ok: true,
		scenario: parsed.scenario,
		...(envelope.a === undefined ? {} : { attempt: envelope.a }),
		...(envelope.t === undefined ? {} : { step: envelope.t }),
		...(envelope.c === undefined ? {} : { challenge: envelope.c })
	};
}

/**
 * Opens a payload read from `#s=` or `#e=`. Never throws: every failure is a result with a code and a
 * sentence for the reader (and the parser's errors for `invalidScenario`).
 */
export async function decodeScenarioLink(
	fragmentPayload: string,
	kind: 's' | 'e',
	passphrase?: string,
	options: DecodeOptions = {}
): Promise<DecodedLink> {
	try {
		return await decode(fragmentPayload, kind, passphrase, options.iterations ?? PBKDF2_ITERATIONS);
	} catch {
		return failure('corrupt');
	}
}
