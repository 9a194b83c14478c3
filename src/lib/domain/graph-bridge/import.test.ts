import { describe, expect, it } from 'vitest';
import { resolveDirectConnect, resolveTrust } from '../engine/resolve.ts';
import type { Scenario, Tenant } from '../schema.ts';
import { frozen } from '../test-fixtures/frozen.ts';
import { IDS, scenario } from '../test-fixtures/scenario-builder.ts';
import {
	CA_POLICY_ID,
	EXTERNAL_TENANT,
	conditionalAccessBody,
	defaultBody,
	partnerBody,
	partnersBody,
	singlePartnerBody
} from './fixtures.ts';
import { detectGraphBody, importGraphInto, type GraphImportResult } from './import.ts';

function base(): Scenario {
	return frozen(scenario().build());
}

function tenantOf(s: Scenario, id: string): Tenant {
	const t = s.tenants.find((x) => x.tenantId === id);
	if (!t) throw new Error(`no tenant ${id}`);
	return t;
}

function ok(result: GraphImportResult) {
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result;
}

function errorsOf(result: GraphImportResult) {
	if (result.ok) throw new Error('expected errors');
	return result.errors;
}

describe('detectGraphBody', () => {
	it('tells the four Graph responses apart by shape', () => {
		expect(detectGraphBody(defaultBody())).toBe('default');
		expect(detectGraphBody(partnersBody())).toBe('partners');
		expect(detectGraphBody(singlePartnerBody())).toBe('partner');
		expect(detectGraphBody(conditionalAccessBody())).toBe('conditionalAccessPolicies');
		expect(detectGraphBody(conditionalAccessBody().value[0])).toBe('conditionalAccessPolicy');
		expect(detectGraphBody({ isServiceDefault: true })).toBe('default');
		expect(detectGraphBody({ something: 1 })).toBeNull();
		expect(detectGraphBody([1, 2])).toBeNull();
	});

	it('reads an empty list by its @odata.context', () => {
		const context = conditionalAccessBody()['@odata.context'];
		expect(detectGraphBody({ '@odata.context': context, value: [] })).toBe(
			'conditionalAccessPolicies'
		);
		expect(detectGraphBody({ value: [] })).toBe('partners');
	});
});

describe('importGraphInto: the default', () => {
	it('replaces the default, drops @odata.context, keeps and names what is not simulated', () => {
		const s = base();
		const result = ok(importGraphInto(s, IDS.fabrikam, defaultBody()));
		expect(result.kind).toBe('default');
		const imported = tenantOf(result.scenario, IDS.fabrikam).crossTenantAccessPolicy.default;
		const expected: Record<string, unknown> = defaultBody();
		delete expected['@odata.context'];
		expect(imported).toEqual(expected);
		expect(result.summary).toEqual([
			'default settings replaced',
			'b2bCollaborationInbound: kept, not simulated',
			'b2bCollaborationOutbound: kept, not simulated',
			'tenantRestrictions: kept, not simulated',
			'invitationRedemptionIdentityProviderConfiguration: kept, not simulated'
		]);
		expect(result.newPartnerTenants).toEqual([]);
		// Other tenants are the same objects.
		expect(tenantOf(result.scenario, IDS.contoso)).toBe(tenantOf(s, IDS.contoso));
	});

	it('accepts the body as JSON text', () => {
		const result = ok(importGraphInto(base(), IDS.fabrikam, JSON.stringify(defaultBody())));
		expect(
			tenantOf(result.scenario, IDS.fabrikam).crossTenantAccessPolicy.default.inboundTrust
		).toEqual(defaultBody().inboundTrust);
	});
});

describe('importGraphInto: partners', () => {
	it('adds every partner of GET .../partners, keeping null halves, null booleans and unknown properties', () => {
		const result = ok(importGraphInto(base(), IDS.fabrikam, partnersBody()));
		expect(result.kind).toBe('partners');
		const fabrikam = tenantOf(result.scenario, IDS.fabrikam);
		const partners = fabrikam.crossTenantAccessPolicy.partners;
		expect(partners.map((p) => p.tenantId)).toEqual([IDS.contoso, EXTERNAL_TENANT]);
		expect(partners[0]).toEqual(partnerBody());
		expect(partners[0]?.b2bDirectConnectInbound?.applications).toBeNull();
		expect(partners[0]?.inboundTrust?.isCompliantDeviceAccepted).toBeNull();
		expect(partners[1]).toEqual(partnersBody().value[1]);
		// Nested @odata.type is part of the data, not response metadata.
		expect(partners[1]).toHaveProperty(['tenantRestrictions', 'devices', '@odata.type']);
		expect(result.summary).toEqual([
			'2 partners added',
			'b2bCollaborationInbound: kept, not simulated',
			'b2bCollaborationOutbound: kept, not simulated',
			'tenantRestrictions: kept, not simulated',
			'identitySynchronization: kept, not simulated',
			'contosoPilotFlag: kept, not simulated'
		]);
		expect(result.newPartnerTenants).toEqual([EXTERNAL_TENANT]);
	});

	it('R1, R2, R3: the imported nulls inherit from the default as the engine reads them', () => {
		const fabrikam = tenantOf(
			ok(importGraphInto(base(), IDS.fabrikam, partnersBody())).scenario,
			IDS.fabrikam
		);
		const contoso = fabrikam.crossTenantAccessPolicy.partners[0];
		const inbound = resolveDirectConnect(fabrikam, contoso, 'b2bDirectConnectInbound');
		expect(inbound.usersAndGroups.source).toBe('partner');
		expect(inbound.applications.source).toBe('default');
		expect(inbound.assumptions).toEqual(['A1']);
		const trust = resolveTrust(fabrikam, contoso);
		expect(trust.flags.isMfaAccepted).toMatchObject({ value: true, source: 'partner' });
		expect(trust.flags.isCompliantDeviceAccepted.source).toBe('default');
		expect(trust.assumptions).toEqual(['A2']);
	});

	it('R2/A1: a half with a null access type or null targets is read as not set, and the summary says so', () => {
		const body = {
			...partnerBody(),
			b2bDirectConnectOutbound: {
				usersAndGroups: { accessType: null, targets: null },
				applications: { accessType: null, targets: null }
			}
		};
		// One null field is not "nothing": it is refused with its path, and nothing changes.
		const half = importGraphInto(base(), IDS.fabrikam, {
			...partnerBody(),
			b2bDirectConnectOutbound: {
				usersAndGroups: { accessType: 'blocked', targets: null },
				applications: null
			}
		});
		expect(half.ok).toBe(false);
		if (!half.ok)
			expect(half.errors.map((e) => e.path)).toContain(
				'b2bDirectConnectOutbound.usersAndGroups.targets'
			);
		const result = ok(importGraphInto(base(), IDS.fabrikam, body));
		const [contoso] = tenantOf(result.scenario, IDS.fabrikam).crossTenantAccessPolicy.partners;
		expect(contoso?.b2bDirectConnectOutbound).toEqual({ usersAndGroups: null, applications: null });
		expect(result.summary).toContain(
			'b2bDirectConnectOutbound.usersAndGroups: no access type or targets, read as not set (taken from the default, A1)'
		);
		expect(result.summary.filter((line) => line.includes('read as not set'))).toHaveLength(2);
		const outbound = resolveDirectConnect(
			tenantOf(result.scenario, IDS.fabrikam),
			contoso,
			'b2bDirectConnectOutbound'
		);
		expect(outbound.usersAndGroups.source).toBe('default');
	});

	it('replaces the entry with the same tenantId in place and adds the others', () => {
		const s = frozen(scenario().partner('fabrikam', 'contoso', { inboundTrust: null }).build());
		const result = ok(importGraphInto(s, IDS.fabrikam, partnersBody()));
		expect(result.summary[0]).toBe('1 partner added, 1 updated');
		const partners = tenantOf(result.scenario, IDS.fabrikam).crossTenantAccessPolicy.partners;
		expect(partners).toHaveLength(2);
		expect(partners[0]).toEqual(partnerBody());
	});

	it('reads a single partner body and drops its @odata.* metadata', () => {
		const body = { ...singlePartnerBody(), '@odata.etag': 'W/"abc"' };
		const result = ok(importGraphInto(base(), IDS.fabrikam, body));
		expect(result.kind).toBe('partner');
		expect(result.summary[0]).toBe('1 partner added');
		const [partner] = tenantOf(result.scenario, IDS.fabrikam).crossTenantAccessPolicy.partners;
		expect(partner).toEqual(partnerBody());
		expect(result.newPartnerTenants).toEqual([]);
	});
});

describe('importGraphInto: Conditional Access policies', () => {
	it('adds the policies, keeping Graph properties the engine does not read', () => {
		const result = ok(importGraphInto(base(), IDS.contoso, conditionalAccessBody()));
		expect(result.kind).toBe('conditionalAccessPolicies');
		const policies = tenantOf(result.scenario, IDS.contoso).conditionalAccessPolicies ?? [];
		expect(policies.map((p) => p.id)).toContain(CA_POLICY_ID);
		const imported = policies.find((p) => p.id === CA_POLICY_ID);
		expect(imported).toEqual(conditionalAccessBody().value[0]);
		expect(result.summary).toEqual([
			'1 Conditional Access policy added',
			'createdDateTime: kept, not simulated',
			'conditions.clientAppTypes: kept, not simulated',
			'conditions.locations: kept, not simulated'
		]);
	});

	it('replaces a policy with the same id', () => {
		const once = ok(importGraphInto(base(), IDS.contoso, conditionalAccessBody())).scenario;
		const body = conditionalAccessBody();
		const changed = { ...body, value: [{ ...body.value[0], state: 'disabled' }] };
		const result = ok(importGraphInto(frozen(once), IDS.contoso, changed));
		expect(result.summary[0]).toBe('1 Conditional Access policy updated');
		const policies = tenantOf(result.scenario, IDS.contoso).conditionalAccessPolicies ?? [];
		expect(policies.filter((p) => p.id === CA_POLICY_ID).map((p) => p.state)).toEqual(['disabled']);
		expect(policies).toHaveLength(
			(tenantOf(once, IDS.contoso).conditionalAccessPolicies ?? []).length
		);
	});
});

describe('importGraphInto: errors (nothing changes)', () => {
	it('names the JSON path inside the pasted body', () => {
		const body = partnersBody();
		const broken = {
			...body,
			value: [
				body.value[0],
				{
					...body.value[1],
					b2bDirectConnectInbound: {
						usersAndGroups: { accessType: 'allow', targets: [] },
						applications: null
					}
				},
				{ isServiceProvider: true }
			]
		};
		const errors = errorsOf(importGraphInto(base(), IDS.fabrikam, broken));
		expect(errors).toEqual([
			{
				path: 'value[1].b2bDirectConnectInbound.usersAndGroups.accessType',
				message: 'expected one of "allowed", "blocked"'
			},
			{ path: 'value[2].tenantId', message: 'this required property is missing (expected string)' }
		]);
	});

	it('names paths of a single body from its root', () => {
		const body = { ...defaultBody(), inboundTrust: { isMfaAccepted: 'yes' } };
		expect(errorsOf(importGraphInto(base(), IDS.fabrikam, body))).toEqual([
			{ path: 'inboundTrust.isMfaAccepted', message: 'expected boolean, found the text "yes"' }
		]);
		const policies = conditionalAccessBody();
		const badState = { value: [{ ...policies.value[0], state: 'on' }] };
		expect(errorsOf(importGraphInto(base(), IDS.contoso, badState))[0]?.path).toBe(
			'value[0].state'
		);
	});

	it('refuses text that is not JSON, bodies it does not know, and unknown tenants', () => {
		expect(errorsOf(importGraphInto(base(), IDS.fabrikam, '{ nope'))[0]?.message).toMatch(
			/^not valid JSON/
		);
		expect(
			errorsOf(importGraphInto(base(), IDS.fabrikam, { displayName: 'x' }))[0]?.message
		).toMatch(/not a Microsoft Graph body/);
		expect(errorsOf(importGraphInto(base(), 'nobody', defaultBody()))[0]?.message).toBe(
			'no tenant nobody in the scenario'
		);
		expect(errorsOf(importGraphInto(base(), IDS.fabrikam, { value: [42] }))).toEqual([
			{ path: 'value[0]', message: 'expected an object, found number 42' }
		]);
	});

	it('refuses a duplicate tenantId and the tenant as its own partner', () => {
		const twice = { value: [partnerBody(), partnerBody()] };
		expect(errorsOf(importGraphInto(base(), IDS.fabrikam, twice))).toEqual([
			{ path: 'value[1].tenantId', message: `duplicate tenantId "${IDS.contoso}"` }
		]);
		const self = partnerBody(IDS.fabrikam);
		expect(errorsOf(importGraphInto(base(), IDS.fabrikam, self))[0]?.path).toBe('tenantId');
	});

	it('leaves the scenario as it was (inputs are frozen, so a mutation would throw)', () => {
		const s = base();
		const copy = structuredClone(s);
		importGraphInto(s, IDS.fabrikam, { value: [partnerBody(), { tenantId: 7 }] });
		expect(s).toEqual(copy);
	});
});
