import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIVITIES, auditChanges, isServiceDefaultConfiguration } from './audit.ts';
import { addPartner, setDirectConnect, setTrust } from './commands.ts';
import type { Scenario, Tenant } from './schema.ts';
import { allowAll, IDS, scenario } from './test-fixtures/scenario-builder.ts';

const AT = '2025-01-02T03:04:05.000Z';

function withTenant(s: Scenario, id: string, change: (t: Tenant) => Tenant): Scenario {
	return { ...s, tenants: s.tenants.map((t) => (t.tenantId === id ? change(t) : t)) };
}

function withPolicy(
	s: Scenario,
	id: string,
	change: (p: Tenant['crossTenantAccessPolicy']) => Tenant['crossTenantAccessPolicy']
): Scenario {
	return withTenant(s, id, (t) => ({
		...t,
		crossTenantAccessPolicy: change(t.crossTenantAccessPolicy)
	}));
}

describe('auditChanges (§8 change log)', () => {
	it('§8: adding a partner writes "Add a partner" in the tenant that changed, naming the partner', () => {
		const before = scenario().build();
		const after = setDirectConnect(addPartner(before, IDS.contoso, IDS.fabrikam), {
			tenantId: IDS.contoso,
			partnerTenantId: IDS.fabrikam,
			direction: 'inbound',
			usersAndGroups: allowAll().usersAndGroups ?? undefined
		});
		const records = auditChanges(before, after, AT);
		expect(records).toHaveLength(1);
		const [record] = records;
		expect(record).toMatchObject({
			tenantId: IDS.contoso,
			activityDateTime: AT,
			category: 'CrossTenantAccessSettings',
			activityDisplayName: 'Add a partner to cross-tenant access setting',
			targetPartnerTenantId: IDS.fabrikam
		});
		const names = record?.modifiedProperties.map((p) => p.displayName);
		expect(names).toContain('b2bDirectConnectInbound');
		expect(names).not.toContain('tenantId');
		const inbound = record?.modifiedProperties.find(
			(p) => p.displayName === 'b2bDirectConnectInbound'
		);
		expect(inbound?.oldValue).toBe('null');
		expect(JSON.parse(inbound?.newValue ?? '')).toMatchObject({
			usersAndGroups: { accessType: 'allowed' }
		});
	});

	it('§8: changing a partner entry writes "Update a partner" with one property per changed setting', () => {
		const before = scenario().partner('contoso', 'fabrikam', { inboundTrust: null }).build();
		const after = setTrust(before, {
			tenantId: IDS.contoso,
			partnerTenantId: IDS.fabrikam,
			flag: 'isMfaAccepted',
			value: true
		});
		const records = auditChanges(before, after, AT);
		expect(records).toEqual([
			{
				tenantId: IDS.contoso,
				activityDateTime: AT,
				category: 'CrossTenantAccessSettings',
				activityDisplayName: AUDIT_ACTIVITIES.updatePartner,
				targetPartnerTenantId: IDS.fabrikam,
				modifiedProperties: [
					{
						displayName: 'inboundTrust',
						oldValue: 'null',
						newValue: JSON.stringify({
							isMfaAccepted: true,
							isCompliantDeviceAccepted: false,
							isHybridAzureADJoinedDeviceAccepted: false
						})
					}
				]
			}
		]);
	});

	it('§8: removing a partner entry writes "Delete partner specific" with its old values', () => {
		const before = scenario()
			.partner('fabrikam', 'contoso', { b2bDirectConnectOutbound: allowAll() })
			.build();
		const after = withPolicy(before, IDS.fabrikam, (p) => ({ ...p, partners: [] }));
		const [record, ...rest] = auditChanges(before, after, AT);
		expect(rest).toEqual([]);
		expect(record?.activityDisplayName).toBe(AUDIT_ACTIVITIES.deletePartner);
		expect(record?.tenantId).toBe(IDS.fabrikam);
		expect(record?.targetPartnerTenantId).toBe(IDS.contoso);
		expect(record?.modifiedProperties).toEqual([
			{
				displayName: 'b2bDirectConnectOutbound',
				oldValue: JSON.stringify(allowAll()),
				newValue: 'null'
			}
		]);
	});

	it('§8: changing the default writes "Update the company default" with no partner', () => {
		const before = scenario().build();
		const after = setDirectConnect(before, {
			tenantId: IDS.fabrikam,
			partnerTenantId: null,
			direction: 'outbound',
			usersAndGroups: allowAll().usersAndGroups ?? undefined
		});
		const records = auditChanges(before, after, AT);
		expect(records).toHaveLength(1);
		expect(records[0]).toMatchObject({
			tenantId: IDS.fabrikam,
			activityDisplayName: AUDIT_ACTIVITIES.updateDefault,
			targetPartnerTenantId: null
		});
		expect(records[0]?.modifiedProperties.map((p) => p.displayName)).toEqual([
			'b2bDirectConnectOutbound'
		]);
	});

	it('§8, D1-D2: a default set back to the service default writes "Reset the cross-tenant access default setting"', () => {
		const serviceDefault = scenario().build().tenants[0]?.crossTenantAccessPolicy.default ?? {};
		const before = withPolicy(scenario().build(), IDS.contoso, (p) => ({
			...p,
			default: { ...serviceDefault, isServiceDefault: false, b2bDirectConnectInbound: allowAll() }
		}));
		const after = withPolicy(before, IDS.contoso, (p) => ({
			...p,
			default: structuredClone(serviceDefault)
		}));
		expect(isServiceDefaultConfiguration(serviceDefault)).toBe(true);
		const records = auditChanges(before, after, AT);
		expect(records).toHaveLength(1);
		expect(records[0]?.activityDisplayName).toBe(AUDIT_ACTIVITIES.resetDefault);
		expect(records[0]?.modifiedProperties.map((p) => p.displayName).sort()).toEqual([
			'b2bDirectConnectInbound',
			'isServiceDefault'
		]);
	});

	it('D1: a default that blocks like the service default but is not marked as one is not a reset', () => {
		const serviceDefault = scenario().build().tenants[0]?.crossTenantAccessPolicy.default ?? {};
		expect(isServiceDefaultConfiguration({ ...serviceDefault, isServiceDefault: null })).toBe(
			false
		);
		expect(isServiceDefaultConfiguration({ ...serviceDefault, tenantRestrictions: { x: 1 } })).toBe(
			false
		);
		expect(
			isServiceDefaultConfiguration({
				...serviceDefault,
				automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false }
			})
		).toBe(true);
	});

	it('§8: no change, or an identical copy, writes no records', () => {
		const before = scenario().partner('contoso', 'fabrikam', { inboundTrust: null }).build();
		expect(auditChanges(before, before, AT)).toEqual([]);
		expect(auditChanges(before, structuredClone(before), AT)).toEqual([]);
	});

	it('§8: key order does not count as a change, and null equals absent', () => {
		const before = scenario()
			.partner('contoso', 'fabrikam', { b2bDirectConnectInbound: allowAll() })
			.build();
		const after = withPolicy(before, IDS.contoso, (p) => ({
			...p,
			partners: p.partners.map((partner) => {
				const reordered = JSON.parse(
					JSON.stringify(partner, Object.keys(partner).reverse())
				) as typeof partner;
				const inbound = partner.b2bDirectConnectInbound;
				return {
					...reordered,
					b2bDirectConnectInbound: {
						applications: inbound?.applications,
						usersAndGroups: inbound?.usersAndGroups
					},
					inboundTrust: null
				};
			})
		}));
		expect(auditChanges(before, after, AT)).toEqual([]);
	});

	it('§1, §8: a change to a property trustwalk does not simulate is recorded too', () => {
		const before = scenario().partner('contoso', 'fabrikam').build();
		const after = withPolicy(before, IDS.contoso, (p) => ({
			...p,
			partners: p.partners.map((partner) => ({
				...partner,
				tenantRestrictions: { usersAndGroups: { accessType: 'blocked' } }
			}))
		}));
		const records = auditChanges(before, after, AT);
		expect(records).toHaveLength(1);
		expect(records[0]?.activityDisplayName).toBe(AUDIT_ACTIVITIES.updatePartner);
		expect(records[0]?.modifiedProperties).toEqual([
			{
				displayName: 'tenantRestrictions',
				oldValue: 'null',
				newValue: '{"usersAndGroups":{"accessType":"blocked"}}'
			}
		]);
	});

	it('§8: tenants added or removed are not cross-tenant access changes', () => {
		const before = scenario().build();
		const after = scenario({ northwind: true }).build();
		expect(auditChanges(before, after, AT)).toEqual([]);
		expect(auditChanges(after, before, AT)).toEqual([]);
	});
});
