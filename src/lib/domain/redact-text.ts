/**
 * Free text in a redaction: names, e-mail addresses, GUIDs and domains found inside a sentence are
 * replaced with the fakes of the registry, in one pass (so a fake is never replaced again).
 */
import {
	DOMAIN_PATTERN,
	EMAIL_PATTERN,
	GUID_PATTERN,
	isDomain,
	type RedactionRegistry
} from './redact-registry.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface TextRewriter {
	/** Replaces identifiers and known names inside `text`. */
	rewrite(text: string): string;
	/** Replaces identifiers only (GUIDs, e-mail addresses, domains): safe for enum-like values. */
	identifiers(text: string): string;
}

export function textRewriter(registry: RedactionRegistry): TextRewriter {
	const literals = registry.literals().map(escape);
	const edge = (body: string) => `(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`;
	const patterns = `(${EMAIL_PATTERN})|(${GUID_PATTERN})|(${DOMAIN_PATTERN})`;
	const full = new RegExp(
		edge(literals.length > 0 ? `${patterns}|(${literals.join('|')})` : patterns),
		'giu'
	);
	const idsOnly = new RegExp(edge(patterns), 'giu');

	function replace(
		match: string,
		email: string | undefined,
		guid: string | undefined,
		domain: string | undefined
	): string {
		if (email) return registry.upn(email);
		if (guid) return registry.objectId(guid, 'object');
		if (domain) return isDomain(domain) ? registry.domain(domain) : domain;
		return registry.knownName(match) ?? registry.token(match) ?? registry.knownId(match) ?? match;
	}

	return {
		rewrite: (text) => text.replace(full, replace),
		identifiers: (text) => text.replace(idsOnly, replace)
	};
}
