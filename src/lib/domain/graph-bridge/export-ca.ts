/**
 * Issue 6, item 4: the Conditional Access side of the export. The Microsoft Graph v1.0 requests that
 * take a tenant's Conditional Access policies from `before` to `after`: POST a new policy (Graph gives
 * it its own id), PATCH the changed top-level properties of a changed one (`conditions` and
 * `grantControls` are sent whole when anything inside changed), DELETE a removed one. PowerShell:
 * New-/Update-/Remove-MgIdentityConditionalAccessPolicy (in export.ts).
 */
import { CA_POLICIES_URL, caPolicyUrl, changedProperties, type GraphRequest } from './export.ts';
import type { ConditionalAccessPolicy, Tenant } from '../schema.ts';

type Json = Record<string, unknown>;

/** Read-only properties of a conditionalAccessPolicy, and response metadata. */
const READ_ONLY = new Set(['id', 'createdDateTime', 'modifiedDateTime', 'templateId']);
const writable = (name: string) => !READ_ONLY.has(name) && !name.startsWith('@odata.');

function newPolicyBody(policy: ConditionalAccessPolicy): Json {
	return Object.fromEntries(
		Object.entries(policy).filter(([name, value]) => value != null && writable(name))
	);
}

const key = (id: string) => id.toLowerCase();

export function conditionalAccessRequests(before: Tenant, after: Tenant): GraphRequest[] {
	const oldList = before.conditionalAccessPolicies ?? [];
	const newList = after.conditionalAccessPolicies ?? [];
	if (oldList === newList) return [];
	const requests: GraphRequest[] = [];
	const old = new Map(oldList.map((p) => [key(p.id), p]));
	const kept = new Set(newList.map((p) => key(p.id)));
	for (const policy of newList) {
		const was = old.get(key(policy.id));
		if (!was) {
			requests.push({ method: 'POST', url: CA_POLICIES_URL, body: newPolicyBody(policy) });
		} else if (was !== policy) {
			const changes = changedProperties(was, policy, writable);
			if (Object.keys(changes).length > 0) {
				requests.push({ method: 'PATCH', url: caPolicyUrl(was.id), body: changes });
			}
		}
	}
	for (const policy of oldList) {
		if (!kept.has(key(policy.id))) requests.push({ method: 'DELETE', url: caPolicyUrl(policy.id) });
	}
	return requests;
}
