/**
 * The walk of a redaction (see redact.ts): phase 1 gives every directory object its fake in
 * document order; phase 2 walks the whole scenario, replacing identifiers in reference fields and
 * anywhere they appear, and names in text fields.
 */
import { findMicrosoftApp } from './microsoft-apps.ts';
import {
	RedactionRegistry,
	isDomain,
	isEmail,
	isGuid,
	letters,
	type IdKind
} from './redact-registry.ts';
import type { TextRewriter } from './redact-text.ts';
import type { Scenario } from './schema.ts';

export interface RedactOptions {
	/**
	 * `rewrite` (default): scenario, attempt and policy names keep their words with known names
	 * replaced. `replace`: they become "Redacted scenario", "Attempt 1", "Policy 1".
	 */
	freeText?: 'rewrite' | 'replace';
}

/** Graph keywords in reference fields: public, and the engine reads them. */
const KEYWORDS = new Set(
	[
		'All',
		'None',
		'AllUsers',
		'AllApplications',
		'AllMicrosoftApps',
		'Office365',
		'GuestsOrExternalUsers',
		'MicrosoftAdminPortals'
	].map((k) => k.toLowerCase())
);

/** Properties whose string values are references to objects (the engine matches them). */
function referenceKind(
	key: string,
	parentKey: string,
	parent: Record<string, unknown>
): IdKind | null {
	if (key === 'tenantId' || key === 'resourceTenant') return 'tenant';
	if (key === 'members') return parentKey === 'externalTenants' ? 'tenant' : 'object';
	if (key === 'appId' || key === 'application') return 'application';
	if (key === 'user' || key === 'id') return key === 'user' ? 'user' : 'object';
	if (key === 'target') {
		const type = parent.targetType;
		return type === 'user' || type === 'group' || type === 'application' ? type : 'object';
	}
	const list = /^(?:include|exclude)(Users|Groups|Applications|Roles)$/.exec(key);
	if (list) {
		const kinds: Record<string, IdKind> = {
			Users: 'user',
			Groups: 'group',
			Applications: 'application',
			Roles: 'role'
		};
		return kinds[list[1] ?? ''] ?? 'object';
	}
	return null;
}

const isTextKey = (key: string) =>
	key === 'displayName' ||
	key === 'description' ||
	key === 'name' ||
	(/[a-z]Name$/.test(key) && key !== 'userPrincipalName');

export function collectStrings(value: unknown, into: Set<string>): Set<string> {
	if (typeof value === 'string') into.add(value.toLowerCase());
	else if (Array.isArray(value)) for (const v of value) collectStrings(v, into);
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			into.add(k.toLowerCase());
			collectStrings(v, into);
		}
	}
	return into;
}

/** Phase 1: every tenant, user, group, app and policy gets its fake in document order. */
export function registerDirectory(
	scenario: Scenario,
	reg: RedactionRegistry,
	options: RedactOptions
) {
	scenario.tenants.forEach((tenant, i) => {
		const letter = letters(i);
		reg.objectId(tenant.tenantId, 'tenant');
		const fakeName = reg.name(tenant.displayName, 'tenantName', () => `Tenant ${letter}`);
		reg.tokens(tenant.displayName, fakeName);
		reg.id(tenant.domain, 'domain', () => `tenant-${letter.toLowerCase()}.example`);
		reg.tokens(tenant.domain.split('.')[0] ?? '', fakeName);
	});
	for (const tenant of scenario.tenants) {
		for (const user of tenant.users) {
			const n = reg.next('user');
			reg.objectId(user.id, 'user');
			const fakeName = reg.name(user.displayName, 'userName', () => `User ${n}`);
			reg.tokens(user.displayName, fakeName);
			reg.upn(user.userPrincipalName, `user${n}`);
			const local = user.userPrincipalName.slice(0, user.userPrincipalName.lastIndexOf('@'));
			if (local.length >= 4) reg.tokens(local.replace(/[._-]/g, ' '), fakeName);
		}
		for (const group of tenant.groups) {
			reg.objectId(group.id, 'group');
			reg.name(group.displayName, 'groupName', () => `Group ${reg.next('group')}`);
		}
		for (const app of tenant.applications) {
			if (findMicrosoftApp(app.appId.toLowerCase())) continue;
			reg.objectId(app.appId, 'application');
			reg.name(app.displayName, 'appName', () => `App ${reg.next('app')}`);
		}
		for (const policy of tenant.conditionalAccessPolicies ?? []) {
			reg.objectId(policy.id, 'policy');
			if (options.freeText === 'replace') {
				reg.name(policy.displayName, 'policyName', () => `Policy ${reg.next('policy')}`);
			}
		}
	}
}

/** An identifier-like string: exact match, a GUID, e-mail or domain, or a reference field's value. */
export function redactIdentifier(
	value: string,
	kind: IdKind | null,
	reg: RedactionRegistry,
	text: TextRewriter
): string {
	const known = reg.knownId(value);
	if (known !== undefined) return known;
	if (isGuid(value)) return reg.objectId(value, kind ?? 'object');
	if (isEmail(value)) return reg.upn(value);
	if (isDomain(value)) return reg.domain(value);
	if (kind && !KEYWORDS.has(value.toLowerCase()) && value.trim() !== '') {
		return reg.id(value, kind, () => reg.fakeGuid(kind));
	}
	return text.identifiers(value);
}

export interface Walk {
	reg: RedactionRegistry;
	text: TextRewriter;
	freeText: (value: string) => string;
}

export function walk(
	value: unknown,
	key: string,
	parentKey: string,
	parent: Record<string, unknown>,
	w: Walk
): unknown {
	if (typeof value === 'string') {
		if (key.startsWith('@odata.type')) return value;
		if (isTextKey(key)) return w.reg.knownName(value) ?? w.freeText(value);
		return redactIdentifier(value, referenceKind(key, parentKey, parent), w.reg, w.text);
	}
	if (Array.isArray(value)) return value.map((v) => walk(v, key, parentKey, parent, w));
	if (value && typeof value === 'object') {
		const object = value as Record<string, unknown>;
		return Object.fromEntries(
			Object.entries(object).map(([k, v]) => [k, walk(v, k, key, object, w)])
		);
	}
	return value;
}
