/**
 * Every boundary (IndexedDB, share links, files, the CLI) reads scenarios through `parseScenario`:
 * JSON text or a value in, typed data or a list of errors out, each error with its JSON path.
 */
import type * as z from 'zod';
import { findApp, findTenant, findUser } from './directory.ts';
import { migrate } from './migrate.ts';
import { SCENARIO_FORMAT, scenarioSchema, type Scenario } from './schema.ts';

export interface ScenarioError {
	/** A JSON path such as `tenants[1].users[0].userPrincipalName`; empty for the whole document. */
	path: string;
	message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Formats a path the way a reader types it: `tenants[1].users[0].userPrincipalName`. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out;
}

/** Rewrites zod's issues as a reader of the format would say them. */
function describeIssue(issue: z.core.$ZodIssue): ScenarioError[] {
	const path = formatPath(issue.path);
	switch (issue.code) {
		case 'unrecognized_keys':
			return issue.keys.map((key) => ({
				path: formatPath([...issue.path, key]),
				message: 'unknown property: it is not part of the trustwalk scenario format'
			}));
		case 'invalid_value':
			return [
				{
					path,
					message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
				}
			];
		case 'invalid_type':
			return [
				{
					path,
					message:
						issue.input === undefined
							? `this required property is missing (expected ${issue.expected})`
							: `expected ${issue.expected}, found ${describeValue(issue.input)}`
				}
			];
		default:
			return [{ path, message: issue.message.replace(/^Invalid input: /, '') }];
	}
}

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Parses JSON text, reporting where it breaks instead of throwing. */
function parseJson(
	text: string
): { ok: true; value: unknown } | { ok: false; error: ScenarioError } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (e) {
		const reason = e instanceof Error ? e.message : String(e);
		return {
			ok: false,
			error: { path: '', message: `the file is not valid JSON (${reason})` }
		};
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the format marker and version first, so a newer file gets one clear message, not fifty. */
function checkHeader(value: unknown): ScenarioError | { document: Record<string, unknown> } {
	if (!isRecord(value))
		return { path: '', message: 'expected a JSON object (a trustwalk scenario)' };
	if (value.format !== SCENARIO_FORMAT) {
		return {
			path: 'format',
			message: `expected "${SCENARIO_FORMAT}"; this is not a trustwalk scenario (found ${JSON.stringify(value.format) ?? 'nothing'})`
		};
	}
	if (typeof value.version !== 'number' || !Number.isInteger(value.version)) {
		return { path: 'version', message: 'expected a whole number (the format version, 1)' };
	}
	const migrated = migrate(value, value.version);
	if (!migrated.ok) return { path: 'version', message: migrated.message };
	return { document: migrated.document };
}

/** Cross-references the schema cannot express: unique IDs and domains, and what attempts name. */
function checkReferences(scenario: Scenario): ScenarioError[] {
	const errors: ScenarioError[] = [];
	const seenIds = new Map<string, number>();
	const seenDomains = new Map<string, number>();
	scenario.tenants.forEach((tenant, ti) => {
		const at = `tenants[${ti}]`;
		const firstId = seenIds.get(tenant.tenantId);
		if (firstId !== undefined)
			errors.push({
				path: `${at}.tenantId`,
				message: `duplicate tenant ID (also tenants[${firstId}])`
			});
		else seenIds.set(tenant.tenantId, ti);
		const domain = tenant.domain.toLowerCase();
		const firstDomain = seenDomains.get(domain);
		if (firstDomain !== undefined)
			errors.push({
				path: `${at}.domain`,
				message: `duplicate domain (also tenants[${firstDomain}])`
			});
		else seenDomains.set(domain, ti);

		const objectIds = new Set<string>();
		tenant.users.forEach((user, ui) => {
			if (objectIds.has(user.id))
				errors.push({
					path: `${at}.users[${ui}].id`,
					message: 'duplicate object ID in this tenant'
				});
			objectIds.add(user.id);
			if (!user.userPrincipalName.toLowerCase().endsWith(`@${domain}`))
				errors.push({
					path: `${at}.users[${ui}].userPrincipalName`,
					message: `expected a name ending with @${tenant.domain}, the tenant's domain`
				});
		});
		tenant.groups.forEach((group, gi) => {
			if (objectIds.has(group.id))
				errors.push({
					path: `${at}.groups[${gi}].id`,
					message: 'duplicate object ID in this tenant'
				});
			objectIds.add(group.id);
		});
		tenant.groups.forEach((group, gi) => {
			group.members.forEach((member, mi) => {
				if (!objectIds.has(member))
					errors.push({
						path: `${at}.groups[${gi}].members[${mi}]`,
						message: `expected the object ID of a user or group of ${tenant.displayName}; ${member} is neither`
					});
			});
		});
		tenant.crossTenantAccessPolicy.partners.forEach((partner, pi) => {
			if (partner.tenantId === tenant.tenantId)
				errors.push({
					path: `${at}.crossTenantAccessPolicy.partners[${pi}].tenantId`,
					message: 'a tenant cannot be its own partner'
				});
		});
	});

	(scenario.attempts ?? []).forEach((attempt, ai) => {
		const at = `attempts[${ai}]`;
		if (!findUser(scenario, attempt.user))
			errors.push({
				path: `${at}.user`,
				message: `expected the userPrincipalName or object ID of a user in the scenario; no user "${attempt.user}"`
			});
		const resource = findTenant(scenario, attempt.resourceTenant);
		if (!resource) {
			errors.push({
				path: `${at}.resourceTenant`,
				message: `expected the domain or tenant ID of a tenant in the scenario; no tenant "${attempt.resourceTenant}"`
			});
		} else if (!findApp(resource, attempt.application)) {
			errors.push({
				path: `${at}.application`,
				message: `expected "Office365", a Microsoft app ID or an app ID of ${resource.displayName}; no application "${attempt.application}"`
			});
		}
	});
	return errors;
}

/** Reads a scenario from JSON text or an already-parsed value. Never throws. */
export function parseScenario(input: unknown): ParseResult {
	let value = input;
	if (typeof input === 'string') {
		const json = parseJson(input);
		if (!json.ok) return { ok: false, errors: [json.error] };
		value = json.value;
	}
	const header = checkHeader(value);
	if (!('document' in header)) return { ok: false, errors: [header] };
	const parsed = scenarioSchema.safeParse(header.document, { reportInput: true });
	if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap(describeIssue) };
	const errors = checkReferences(parsed.data);
	if (errors.length > 0) return { ok: false, errors };
	return { ok: true, scenario: parsed.data };
}

/** One line per error, for the CLI and for messages in the app. */
export function formatErrors(errors: readonly ScenarioError[]): string {
	return errors.map((e) => `${e.path || '(document)'}: ${e.message}`).join('\n');
}
