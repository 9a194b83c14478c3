/**
 * What Graph does with the requests of `graphRequests` (for tests and previews): PATCH replaces the
 * named top-level properties, POST adds a partner, DELETE removes one. Pure; the tenant is not mutated.
 */
import type { ConditionalAccessPolicy, ConfigurationPartner, Tenant } from '../schema.ts';
import { CA_POLICIES_URL, DEFAULT_URL, PARTNERS_URL, type GraphRequest } from './export.ts';

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Conditional Access requests: POST adds the policy with `newId` (Graph assigns one), PATCH replaces
 * the named top-level properties, DELETE removes the policy.
 */
function applyCa(
	list: readonly ConditionalAccessPolicy[],
	request: GraphRequest,
	newId: string
): ConditionalAccessPolicy[] {
	const body = structuredClone(request.body ?? {});
	if (request.url === CA_POLICIES_URL && request.method === 'POST') {
		return [...list, { ...body, id: newId } as ConditionalAccessPolicy];
	}
	const id = decodeURIComponent(request.url.slice(CA_POLICIES_URL.length + 1));
	if (!list.some((p) => sameId(p.id, id))) {
		throw new Error(`${request.method} ${request.url}: no such policy`);
	}
	if (request.method === 'PATCH') {
		return list.map((p) => (sameId(p.id, id) ? { ...p, ...body } : p));
	}
	if (request.method === 'DELETE') return list.filter((p) => !sameId(p.id, id));
	throw new Error(`unsupported request ${request.method} ${request.url}`);
}

export function applyGraphRequests(tenant: Tenant, requests: readonly GraphRequest[]): Tenant {
	let policy = tenant.crossTenantAccessPolicy;
	let ca = tenant.conditionalAccessPolicies;
	let created = 0;
	for (const request of requests) {
		const body = structuredClone(request.body ?? {});
		if (request.url === CA_POLICIES_URL || request.url.startsWith(`${CA_POLICIES_URL}/`)) {
			ca = applyCa(ca ?? [], request, `created-${++created}`);
		} else if (request.url === DEFAULT_URL && request.method === 'PATCH') {
			policy = { ...policy, default: { ...policy.default, ...body } };
		} else if (request.url === PARTNERS_URL && request.method === 'POST') {
			const partner = body as ConfigurationPartner;
			if (policy.partners.some((p) => sameId(p.tenantId, partner.tenantId))) {
				throw new Error(`POST ${request.url}: partner ${partner.tenantId} exists already`);
			}
			policy = { ...policy, partners: [...policy.partners, partner] };
		} else if (request.url.startsWith(`${PARTNERS_URL}/`)) {
			const id = decodeURIComponent(request.url.slice(PARTNERS_URL.length + 1));
			if (!policy.partners.some((p) => sameId(p.tenantId, id))) {
				throw new Error(`${request.method} ${request.url}: no such partner`);
			}
			if (request.method === 'PATCH') {
				policy = {
					...policy,
					partners: policy.partners.map((p) => (sameId(p.tenantId, id) ? { ...p, ...body } : p))
				};
			} else if (request.method === 'DELETE') {
				policy = { ...policy, partners: policy.partners.filter((p) => !sameId(p.tenantId, id)) };
			} else {
				throw new Error(`unsupported request ${request.method} ${request.url}`);
			}
		} else {
			throw new Error(`unsupported request ${request.method} ${request.url}`);
		}
	}
	return {
		...tenant,
		crossTenantAccessPolicy: policy,
		...(ca ? { conditionalAccessPolicies: ca } : {})
	};
}
