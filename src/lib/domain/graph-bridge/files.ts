/**
 * Issue 6, item 1: several JSON files dropped at once, in particular the output of Microsoft's
 * EntraExporter. What its source says about the files (read in microsoft/EntraExporter):
 * - `src/Get-EEDefaultSchema.ps1`: `policies/crossTenantAccessPolicy/default` is exported (beta API)
 *   to the folder `Policies/CrossTenantAccessPolicy/Default`, `.../partners` to
 *   `Policies/CrossTenantAccessPolicy/Partners`, the policy object itself to
 *   `Policies/CrossTenantAccessPolicy`, and Conditional Access policies to
 *   `Identity/Conditional/AccessPolicies`.
 * - `src/Export-Entra.ps1`: a path without `.json` gets one file per returned item,
 *   `<folder>/<id>/<id>.json`, holding that one object (`ConvertTo-Json -Depth 100`, so nested
 *   objects stay whole). Items without an `id` — the default and the partner entries, keyed by
 *   tenantId — are named after the folder instead (`Default/Default/Default.json`), so partners share
 *   one file name. Older releases (`Invoke-Graph`) skipped items without `id` and added
 *   `@odata.context` (`…/$entity`) to each item of a list.
 * - `src/internal/Invoke-GraphBatchRequest.ps1`: `@odata.context` and `@odata.nextLink` are left out of
 *   each item; a list response becomes its `value` items.
 * So each file is one object: a default, a partner or a Conditional Access policy (beta shapes, with
 * properties trustwalk keeps but does not simulate). Windows PowerShell 5.1 writes `Out-File` as UTF-16
 * with a byte-order mark: `decodeJsonBytes` reads that too.
 */
import { detectGraphBody, importGraphInto, type GraphImportError } from './import.ts';
import type { Scenario } from '../schema.ts';

export interface GraphFile {
	name: string;
	text: string;
}

export type GraphFilesResult =
	| {
			ok: true;
			scenario: Scenario;
			/** Per file: "Partners.json: 1 partner added", then what was skipped. */
			summary: string[];
			newPartnerTenants: string[];
	  }
	| { ok: false; errors: GraphImportError[] };

/** Text of a file as bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
export function decodeJsonBytes(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The crossTenantAccessPolicy object itself (EntraExporter's `Policies/CrossTenantAccessPolicy`). */
function isPolicyRoot(body: unknown): boolean {
	return (
		isObject(body) &&
		('allowedCloudEndpoints' in body || body.displayName === 'CrossTenantAccessPolicy')
	);
}

/** The keys a body sets, to find two files that set the same thing. */
function keysOf(body: unknown): string[] {
	if (!isObject(body)) return [];
	const kind = detectGraphBody(body);
	const items = Array.isArray(body.value) ? body.value : [body];
	const field = (name: string) =>
		items.flatMap((i) =>
			isObject(i) && typeof i[name] === 'string' ? [String(i[name]).toLowerCase()] : []
		);
	if (kind === 'default') return ['the default settings'];
	if (kind === 'partner' || kind === 'partners')
		return field('tenantId').map((id) => `partner ${id}`);
	if (kind === 'conditionalAccessPolicy' || kind === 'conditionalAccessPolicies') {
		return field('id').map((id) => `Conditional Access policy ${id}`);
	}
	return [];
}

/**
 * Imports the files in order into tenant `tenantId`, all or nothing: an invalid file stops the import
 * with its errors (paths prefixed with the file name) and nothing changes. Files that are not a body
 * trustwalk reads are skipped and named; two files setting the same entry are refused.
 */
export function importGraphFiles(
	scenario: Scenario,
	tenantId: string,
	files: readonly GraphFile[]
): GraphFilesResult {
	const errors: GraphImportError[] = [];
	const skipped: string[] = [];
	const readable: { file: GraphFile; body: unknown }[] = [];
	const owner = new Map<string, string>();
	for (const file of files) {
		let body: unknown;
		try {
			body = JSON.parse(file.text.replace(/^\uFEFF/, ''));
		} catch (e) {
			errors.push({
				path: file.name,
				message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}`
			});
			continue;
		}
		if (isPolicyRoot(body)) {
			skipped.push(
				`${file.name}: the cross-tenant access policy object itself (allowed clouds), not simulated: skipped`
			);
			continue;
		}
		if (!detectGraphBody(body)) {
			skipped.push(`${file.name}: not a cross-tenant access or Conditional Access body: skipped`);
			continue;
		}
		for (const key of keysOf(body)) {
			const first = owner.get(key);
			if (first)
				errors.push({ path: file.name, message: `${key} is also in ${first}; import one of them` });
			else owner.set(key, file.name);
		}
		readable.push({ file, body });
	}
	if (errors.length > 0) return { ok: false, errors };
	if (readable.length === 0) {
		return {
			ok: false,
			errors: [
				{
					path: '',
					message: `nothing to import: ${skipped.map((s) => s.split(':')[0]).join(', ')} hold no cross-tenant access or Conditional Access settings`
				}
			]
		};
	}
	let current = scenario;
	const summary: string[] = [];
	const newPartners: string[] = [];
	for (const { file, body } of readable) {
		const result = importGraphInto(current, tenantId, body);
		if (!result.ok) {
			return {
				ok: false,
				errors: result.errors.map((e) => ({
					path: e.path ? `${file.name}: ${e.path}` : file.name,
					message: e.message
				}))
			};
		}
		current = result.scenario;
		summary.push(...result.summary.map((line) => `${file.name}: ${line}`));
		newPartners.push(...result.newPartnerTenants);
	}
	const known = new Set(current.tenants.map((t) => t.tenantId.toLowerCase()));
	return {
		ok: true,
		scenario: current,
		summary: [...summary, ...skipped],
		newPartnerTenants: [...new Set(newPartners)].filter((id) => !known.has(id.toLowerCase()))
	};
}
