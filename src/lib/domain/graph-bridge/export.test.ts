import { describe, expect, it } from 'vitest';
import { addPartner, setDirectConnect } from '../commands.ts';
import type { Scenario, Tenant } from '../schema.ts';
import {
	inheritProperty,
	removePartner,
	resetDefault,
	setDefaultTrust
} from '../settings-commands.ts';
import { frozen } from '../test-fixtures/frozen.ts';
import {
	IDS,
	allowed,
	blocked,
	groupTarget,
	OFFICE365,
	scenario
} from '../test-fixtures/scenario-builder.ts';
import { applyGraphRequests } from './apply.ts';
import {
	DEFAULT_URL,
	PARTNERS_URL,
	graphRequests,
	partnerUrl,
	powershellScript,
	psValue,
	type GraphRequest
} from './export.ts';
import { EXTERNAL_TENANT, partnerBody, partnersBody } from './fixtures.ts';
import { importGraphInto } from './import.ts';

function fabrikam(s: Scenario): Tenant {
	const t = s.tenants.find((x) => x.tenantId === IDS.fabrikam);
	if (!t) throw new Error('no Fabrikam');
	return t;
}

function withPartners(): Scenario {
	const result = importGraphInto(frozen(scenario().build()), IDS.fabrikam, partnersBody());
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return frozen(result.scenario);
}

describe('graphRequests', () => {
	it('sends nothing when nothing changed (same object or an equal copy)', () => {
		const s = withPartners();
		expect(graphRequests(fabrikam(s), fabrikam(s))).toEqual([]);
		expect(graphRequests(fabrikam(s), structuredClone(fabrikam(s)))).toEqual([]);
	});

	it('re-importing the same Graph body produces no requests', () => {
		const s = withPartners();
		const again = importGraphInto(s, IDS.fabrikam, JSON.stringify(partnersBody()));
		if (!again.ok) throw new Error('import failed');
		expect(graphRequests(fabrikam(s), fabrikam(again.scenario))).toEqual([]);
	});

	it('PATCHes only the changed top-level properties of the default', () => {
		const s = frozen(scenario().build());
		const after = setDefaultTrust(s, IDS.fabrikam, { isMfaAccepted: true });
		expect(graphRequests(fabrikam(s), fabrikam(after))).toEqual([
			{
				method: 'PATCH',
				url: DEFAULT_URL,
				body: {
					inboundTrust: {
						isMfaAccepted: true,
						isCompliantDeviceAccepted: false,
						isHybridAzureADJoinedDeviceAccepted: false
					}
				}
			}
		]);
	});

	it('never sends the read-only isServiceDefault', () => {
		const s = withPartners();
		const before = fabrikam(s);
		const after = fabrikam(resetDefault(s, IDS.fabrikam));
		const [request] = graphRequests(before, after);
		expect(request?.url).toBe(DEFAULT_URL);
		expect(request?.body).not.toHaveProperty('isServiceDefault');
		expect(request?.body).toHaveProperty('b2bCollaborationInbound');
	});

	it('POSTs a new partner whole, with its tenantId', () => {
		const s = frozen(scenario().build());
		const after = setDirectConnect(addPartner(s, IDS.fabrikam, IDS.contoso), {
			tenantId: IDS.fabrikam,
			partnerTenantId: IDS.contoso,
			direction: 'outbound',
			usersAndGroups: allowed(groupTarget(IDS.marketing)),
			applications: allowed(OFFICE365)
		});
		expect(graphRequests(fabrikam(s), fabrikam(after))).toEqual([
			{
				method: 'POST',
				url: PARTNERS_URL,
				body: {
					tenantId: IDS.contoso,
					// null (inherit) tabs are left out; absent means the same for a new partner.
					automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
					b2bDirectConnectOutbound: {
						usersAndGroups: allowed(groupTarget(IDS.marketing)),
						applications: allowed(OFFICE365)
					}
				}
			}
		]);
	});

	it('leaves read-only properties and the identitySynchronization relationship out of a POST', () => {
		const s = frozen(scenario().build());
		const after = importGraphInto(s, IDS.fabrikam, partnersBody());
		if (!after.ok) throw new Error('import failed');
		const bodies = graphRequests(fabrikam(s), fabrikam(after.scenario)).map((r) => r.body);
		expect(bodies).toHaveLength(2);
		for (const body of bodies) {
			expect(body).not.toHaveProperty('isInMultiTenantOrganization');
			expect(body).not.toHaveProperty('identitySynchronization');
			expect(body).not.toHaveProperty('b2bCollaborationInbound');
		}
		expect(bodies[0]).toHaveProperty('contosoPilotFlag', { wave: 2 });
		expect(bodies[1]).toHaveProperty(['tenantRestrictions', 'devices', '@odata.type']);
	});

	it('PATCHes a partner with only what changed, null for a tab back to "Default settings"', () => {
		const s = withPartners();
		const after = inheritProperty(s, IDS.fabrikam, IDS.contoso, 'b2bDirectConnectInbound');
		expect(graphRequests(fabrikam(s), fabrikam(after))).toEqual([
			{ method: 'PATCH', url: partnerUrl(IDS.contoso), body: { b2bDirectConnectInbound: null } }
		]);
	});

	it('DELETEs a removed partner', () => {
		const s = withPartners();
		const after = removePartner(s, IDS.fabrikam, EXTERNAL_TENANT);
		expect(graphRequests(fabrikam(s), fabrikam(after))).toEqual([
			{ method: 'DELETE', url: `${PARTNERS_URL}/${EXTERNAL_TENANT}` }
		]);
	});

	it('applying the requests to the old settings gives the new ones', () => {
		const s = withPartners();
		const after = setDirectConnect(
			removePartner(
				setDefaultTrust(s, IDS.fabrikam, { isCompliantDeviceAccepted: true }),
				IDS.fabrikam,
				EXTERNAL_TENANT
			),
			{
				tenantId: IDS.fabrikam,
				partnerTenantId: IDS.contoso,
				direction: 'inbound',
				applications: blocked(OFFICE365)
			}
		);
		const requests = graphRequests(fabrikam(s), fabrikam(after));
		expect(requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH', 'DELETE']);
		const applied = applyGraphRequests(fabrikam(s), requests);
		expect(applied.crossTenantAccessPolicy).toEqual(fabrikam(after).crossTenantAccessPolicy);
	});
});

describe('powershellScript', () => {
	it('writes JSON values as PowerShell literals', () => {
		expect(psValue(null)).toBe('$null');
		expect(psValue(true)).toBe('$true');
		expect(psValue(false)).toBe('$false');
		expect(psValue(3)).toBe('3');
		expect(psValue("O'Brien's")).toBe("'O''Brien''s'");
		expect(psValue([])).toBe('@()');
		expect(psValue({})).toBe('@{}');
		expect(psValue({ '@odata.type': '#microsoft.graph.devicesFilter', mode: 'allowed' })).toBe(
			"@{\n\t'@odata.type' = '#microsoft.graph.devicesFilter'\n\tmode = 'allowed'\n}"
		);
	});

	it('connects first, then one Microsoft Graph PowerShell command per request', () => {
		const requests: GraphRequest[] = [
			{ method: 'PATCH', url: DEFAULT_URL, body: { inboundTrust: { isMfaAccepted: true } } },
			{ method: 'POST', url: PARTNERS_URL, body: { tenantId: IDS.contoso, inboundTrust: null } },
			{
				method: 'PATCH',
				url: partnerUrl(IDS.contoso),
				body: {
					b2bDirectConnectOutbound: {
						usersAndGroups: {
							accessType: 'allowed',
							targets: [{ target: 'AllUsers', targetType: 'user' }]
						}
					}
				}
			},
			{ method: 'DELETE', url: partnerUrl(EXTERNAL_TENANT) }
		];
		expect(powershellScript(requests)).toBe(
			[
				'Connect-MgGraph -Scopes "Policy.ReadWrite.CrossTenantAccess"',
				'$params = @{\n\tinboundTrust = @{\n\t\tisMfaAccepted = $true\n\t}\n}\nUpdate-MgPolicyCrossTenantAccessPolicyDefault -BodyParameter $params',
				`$params = @{\n\ttenantId = '${IDS.contoso}'\n\tinboundTrust = $null\n}\nNew-MgPolicyCrossTenantAccessPolicyPartner -BodyParameter $params`,
				`$params = @{\n\tb2bDirectConnectOutbound = @{\n\t\tusersAndGroups = @{\n\t\t\taccessType = 'allowed'\n\t\t\ttargets = @(\n\t\t\t\t@{\n\t\t\t\t\ttarget = 'AllUsers'\n\t\t\t\t\ttargetType = 'user'\n\t\t\t\t}\n\t\t\t)\n\t\t}\n\t}\n}\nUpdate-MgPolicyCrossTenantAccessPolicyPartner -CrossTenantAccessPolicyConfigurationPartnerTenantId '${IDS.contoso}' -BodyParameter $params`,
				`Remove-MgPolicyCrossTenantAccessPolicyPartner -CrossTenantAccessPolicyConfigurationPartnerTenantId '${EXTERNAL_TENANT}'`
			].join('\n\n') + '\n'
		);
	});

	it('writes only the connect line when there is nothing to send', () => {
		expect(powershellScript([])).toBe(
			'Connect-MgGraph -Scopes "Policy.ReadWrite.CrossTenantAccess"\n'
		);
	});

	it('keeps quotes in imported data safe', () => {
		const body = { ...partnerBody(), contosoPilotFlag: "it's 'quoted'" };
		const script = powershellScript([{ method: 'POST', url: PARTNERS_URL, body }]);
		expect(script).toContain("contosoPilotFlag = 'it''s ''quoted'''");
	});
});
