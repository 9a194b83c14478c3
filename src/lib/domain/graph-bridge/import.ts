/**
 * Issue 6, import: reads the body of a Microsoft Graph v1.0 response (pasted or dropped by the user)
 * into one tenant of a scenario. Accepted bodies, told apart by shape:
 * - `GET /policies/crossTenantAccessPolicy/default` (the default configuration),
 * - `GET /policies/crossTenantAccessPolicy/partners` (`{ value: [partner, ...] }`) or one partner,
 * - `GET /identity/conditionalAccess/policies` (`{ value: [policy, ...] }`) or one policy.
 * Items are validated with the scenario schema; on any error nothing changes. Unknown properties are
 * kept (the schema's objects are loose) and named in the summary as "kept, not simulated".
 */
import type * as z from 'zod';
import { formatPath } from '../parse.ts';
import {
	conditionalAccessPolicySchema,
	crossTenantAccessPolicyConfigurationDefaultSchema,
	crossTenantAccessPolicyConfigurationPartnerSchema,
	type ConditionalAccessPolicy,
	type ConfigurationDefault,
	type ConfigurationPartner,
	type Scenario,
	type Tenant
} from '../schema.ts';

export type GraphBodyKind =
	'default' | 'partners' | 'partner' | 'conditionalAccessPolicies' | 'conditionalAccessPolicy';

export interface GraphImportError {
	/** JSON path inside the pasted body, e.g. `value[2].b2bDirectConnectInbound.usersAndGroups.accessType`. */
	path: string;
	message: string;
}

export type GraphImportResult =
	| {
			ok: true;
			scenario: Scenario;
			kind: GraphBodyKind;
			/** Lines for the user: what was added or replaced, then "X: kept, not simulated". */
			summary: string[];
			/** Partner tenant IDs of the imported entries that are not tenants of the scenario. */
			newPartnerTenants: string[];
	  }
	| { ok: false; errors: GraphImportError[] };

type Json = Record<string, unknown>;

const SIMULATED = [
	'b2bDirectConnectInbound',
	'b2bDirectConnectOutbound',
	'inboundTrust',
	'automaticUserConsentSettings'
];
const KNOWN_DEFAULT = new Set(['isServiceDefault', ...SIMULATED]);
const KNOWN_PARTNER = new Set([
	'tenantId',
	'isServiceProvider',
	'isInMultiTenantOrganization',
	...SIMULATED
]);
const KNOWN_POLICY = new Set([
	'id',
	'displayName',
	'state',
	'conditions',
	'grantControls',
	'sessionControls'
]);
const KNOWN_CONDITIONS = new Set(['users', 'applications']);

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops `@odata.*` response metadata at the top level of an item (nested `@odata.type` stays). */
export function stripODataMetadata(item: Json): Json {
	return Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith('@odata.')));
}

function looksLikePolicy(item: unknown): boolean {
	return isObject(item) && ('conditions' in item || 'grantControls' in item);
}

function looksLikeConfiguration(item: Json): boolean {
	return 'isServiceDefault' in item || SIMULATED.some((key) => key in item);
}

/** Which Graph response the body is, by its shape; null when it is none of them. */
export function detectGraphBody(body: unknown): GraphBodyKind | null {
	if (!isObject(body)) return null;
	const context = typeof body['@odata.context'] === 'string' ? body['@odata.context'] : '';
	if (Array.isArray(body.value)) {
		if (body.value.some(looksLikePolicy)) return 'conditionalAccessPolicies';
		if (body.value.length === 0 && /conditionalAccess/i.test(context)) {
			return 'conditionalAccessPolicies';
		}
		return 'partners';
	}
	if ('tenantId' in body) return 'partner';
	if (looksLikePolicy(body)) return 'conditionalAccessPolicy';
	if (looksLikeConfiguration(body) || /crossTenantAccessPolicy\/default/i.test(context)) {
		return 'default';
	}
	return null;
}

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
	if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
	return typeof value === 'object' ? 'an object' : typeof value;
}

function describeIssue(issue: z.core.$ZodIssue, prefix: PropertyKey[]): GraphImportError {
	const path = formatPath([...prefix, ...issue.path]);
	switch (issue.code) {
		case 'invalid_value':
			return {
				path,
				message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
			};
		case 'invalid_type':
			return {
				path,
				message:
					issue.input === undefined
						? `this required property is missing (expected ${issue.expected})`
						: `expected ${issue.expected}, found ${describeValue(issue.input)}`
			};
		default:
			return { path, message: issue.message.replace(/^Invalid input: /, '') };
	}
}

/**
 * Graph may send a partner's B2B half as `{ accessType: null, targets: null }` (every property is
 * nullable, sources §1.13). Such a half says nothing, so it is read as a half that is not set: R2
 * takes it from the default (A1). Only partners: R2 and A1 do not apply to the default itself. Each one is named in `notes`, so the summary says what was read that way.
 */
function nullHalvesAsUnset(item: Json, prefix: PropertyKey[], notes: string[]): Json {
	let out = item;
	for (const prop of ['b2bDirectConnectInbound', 'b2bDirectConnectOutbound'] as const) {
		const setting = out[prop];
		if (!isObject(setting)) continue;
		for (const half of ['usersAndGroups', 'applications'] as const) {
			const value = (out[prop] as Json)[half];
			// Only a half that says nothing at all; one null field is left for the schema to refuse by path.
			if (!isObject(value) || value.accessType != null || value.targets != null) continue;
			out = { ...out, [prop]: { ...(out[prop] as Json), [half]: null } };
			notes.push(
				`${formatPath([...prefix, prop, half]) || `${prop}.${half}`}: no access type or targets, read as not set (taken from the default, A1)`
			);
		}
	}
	return out;
}

function validate<T>(
	schema: z.ZodType<T>,
	item: unknown,
	prefix: PropertyKey[],
	errors: GraphImportError[],
	notes?: string[]
): T | undefined {
	if (!isObject(item)) {
		errors.push({
			path: formatPath(prefix),
			message: `expected an object, found ${describeValue(item)}`
		});
		return undefined;
	}
	const bare = stripODataMetadata(item);
	const parsed = schema.safeParse(notes ? nullHalvesAsUnset(bare, prefix, notes) : bare, {
		reportInput: true
	});
	if (parsed.success) return parsed.data;
	errors.push(...parsed.error.issues.map((issue) => describeIssue(issue, prefix)));
	return undefined;
}

function parseBody(
	input: unknown
): { ok: true; body: unknown } | { ok: false; error: GraphImportError } {
	if (typeof input !== 'string') return { ok: true, body: input };
	try {
		return { ok: true, body: JSON.parse(input) as unknown };
	} catch (e) {
		return {
			ok: false,
			error: { path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }
		};
	}
}

/** Top-level property names of the items that trustwalk keeps but does not simulate, in order. */
function notSimulated(items: readonly Json[], known: ReadonlySet<string>, prefix = ''): string[] {
	const names = new Set<string>();
	for (const item of items) {
		for (const key of Object.keys(item)) if (!known.has(key)) names.add(prefix + key);
	}
	return [...names];
}

/** Only set values: Graph returns most policy properties it has as `null` or `[]`. */
function setValues(item: Json): Json {
	return Object.fromEntries(
		Object.entries(item).filter(([, v]) => v != null && !(Array.isArray(v) && v.length === 0))
	);
}

function policyNotSimulated(policies: readonly ConditionalAccessPolicy[]): string[] {
	return [
		...notSimulated(policies.map(setValues), KNOWN_POLICY),
		...notSimulated(
			policies.map((p) => setValues(p.conditions)),
			KNOWN_CONDITIONS,
			'conditions.'
		)
	];
}

function count(n: number, one: string, verb: string): string {
	return `${n} ${one}${n === 1 ? '' : 's'} ${verb}`;
}

function changeLine(noun: string, added: number, updated: number): string {
	if (added === 0 && updated === 0) return `no ${noun}s in the body: nothing changed`;
	const parts: string[] = [];
	if (added > 0) parts.push(count(added, noun, 'added'));
	if (updated > 0) parts.push(added > 0 ? `${updated} updated` : count(updated, noun, 'updated'));
	return parts.join(', ');
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Replaces entries with the same key in place and appends the others; counts both. */
function upsert<T>(
	list: readonly T[],
	items: readonly T[],
	key: (item: T) => string
): { list: T[]; added: number; updated: number } {
	const next = [...list];
	let added = 0;
	let updated = 0;
	for (const item of items) {
		const at = next.findIndex((old) => sameId(key(old), key(item)));
		if (at >= 0) {
			next[at] = item;
			updated++;
		} else {
			next.push(item);
			added++;
		}
	}
	return { list: next, added, updated };
}

function duplicates<T>(
	items: readonly T[],
	key: (item: T) => string,
	what: string
): GraphImportError[] {
	const seen = new Set<string>();
	const errors: GraphImportError[] = [];
	items.forEach((item, i) => {
		const k = key(item).toLowerCase();
		if (seen.has(k)) {
			errors.push({
				path: formatPath(['value', i, what]),
				message: `duplicate ${what} "${key(item)}"`
			});
		}
		seen.add(k);
	});
	return errors;
}

function withTenant(scenario: Scenario, tenant: Tenant): Scenario {
	return {
		...scenario,
		tenants: scenario.tenants.map((t) => (t.tenantId === tenant.tenantId ? tenant : t))
	};
}

function notSimulatedLines(names: readonly string[]): string[] {
	return names.map((name) => `${name}: kept, not simulated`);
}

/**
 * Imports a Graph response body (JSON text or parsed value) into tenant `tenantId` of the scenario.
 * Partners replace the entry with the same tenantId or are added; the default replaces the tenant's
 * default; Conditional Access policies replace the policy with the same id or are added. Pure.
 */
export function importGraphInto(
	scenario: Scenario,
	tenantId: string,
	input: unknown
): GraphImportResult {
	const tenant = scenario.tenants.find((t) => t.tenantId === tenantId);
	if (!tenant)
		return { ok: false, errors: [{ path: '', message: `no tenant ${tenantId} in the scenario` }] };
	const parsed = parseBody(input);
	if (!parsed.ok) return { ok: false, errors: [parsed.error] };
	const body = parsed.body;
	const kind = detectGraphBody(body);
	if (!kind || !isObject(body)) {
		return {
			ok: false,
			errors: [
				{
					path: '',
					message:
						'not a Microsoft Graph body trustwalk reads: expected the response of GET /policies/crossTenantAccessPolicy/default, .../partners, one partner, or GET /identity/conditionalAccess/policies'
				}
			]
		};
	}
	const errors: GraphImportError[] = [];
	const notes: string[] = [];
	const list = Array.isArray(body.value) ? (body.value as unknown[]) : [];
	const policy = tenant.crossTenantAccessPolicy;

	if (kind === 'default') {
		const value = validate<ConfigurationDefault>(
			crossTenantAccessPolicyConfigurationDefaultSchema,
			body,
			[],
			errors
		);
		if (!value) return { ok: false, errors };
		return {
			ok: true,
			kind,
			scenario: withTenant(scenario, {
				...tenant,
				crossTenantAccessPolicy: { ...policy, default: value }
			}),
			summary: [
				'default settings replaced',
				...notSimulatedLines(notSimulated([value], KNOWN_DEFAULT))
			],
			newPartnerTenants: []
		};
	}

	if (kind === 'partners' || kind === 'partner') {
		const raw = kind === 'partner' ? [body] : list;
		const prefix = (i: number): PropertyKey[] => (kind === 'partner' ? [] : ['value', i]);
		const partners: ConfigurationPartner[] = [];
		raw.forEach((item, i) => {
			const value = validate<ConfigurationPartner>(
				crossTenantAccessPolicyConfigurationPartnerSchema,
				item,
				prefix(i),
				errors,
				notes
			);
			if (!value) return;
			if (sameId(value.tenantId, tenant.tenantId)) {
				errors.push({
					path: formatPath([...prefix(i), 'tenantId']),
					message: `this is ${tenant.displayName} itself; an organization cannot be its own partner`
				});
			}
			partners.push(value);
		});
		errors.push(...duplicates(partners, (p) => p.tenantId, 'tenantId'));
		if (errors.length > 0) return { ok: false, errors };
		const merged = upsert(policy.partners, partners, (p) => p.tenantId);
		const known = new Set(scenario.tenants.map((t) => t.tenantId.toLowerCase()));
		return {
			ok: true,
			kind,
			scenario: withTenant(scenario, {
				...tenant,
				crossTenantAccessPolicy: { ...policy, partners: merged.list }
			}),
			summary: [
				changeLine('partner', merged.added, merged.updated),
				...notes,
				...notSimulatedLines(notSimulated(partners, KNOWN_PARTNER))
			],
			newPartnerTenants: partners
				.map((p) => p.tenantId)
				.filter((id) => !known.has(id.toLowerCase()))
		};
	}

	const raw = kind === 'conditionalAccessPolicy' ? [body] : list;
	const prefix = (i: number): PropertyKey[] =>
		kind === 'conditionalAccessPolicy' ? [] : ['value', i];
	const policies: ConditionalAccessPolicy[] = [];
	raw.forEach((item, i) => {
		const value = validate<ConditionalAccessPolicy>(
			conditionalAccessPolicySchema,
			item,
			prefix(i),
			errors
		);
		if (value) policies.push(value);
	});
	errors.push(...duplicates(policies, (p) => p.id, 'id'));
	if (errors.length > 0) return { ok: false, errors };
	const merged = upsert(tenant.conditionalAccessPolicies ?? [], policies, (p) => p.id);
	return {
		ok: true,
		kind,
		scenario: withTenant(scenario, { ...tenant, conditionalAccessPolicies: merged.list }),
		summary: [
			changeLine('Conditional Access policy', merged.added, merged.updated).replace(
				'policys',
				'policies'
			),
			...notSimulatedLines(policyNotSimulated(policies))
		],
		newPartnerTenants: []
	};
}
