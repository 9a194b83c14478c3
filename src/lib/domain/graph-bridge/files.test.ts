import { describe, expect, it } from 'vitest';
import { resolveDirectConnect } from '../engine/resolve.ts';
import type { Scenario } from '../schema.ts';
import { frozen } from '../test-fixtures/frozen.ts';
import { IDS, scenario } from '../test-fixtures/scenario-builder.ts';
import {
	EE_CA_PATH,
	EE_DEFAULT_PATH,
	EE_PARTNER_PATH,
	EE_POLICY_ROOT_PATH,
	eeConditionalAccessFile,
	eeDefaultFile,
	eeOlderPartnerFile,
	eePartnerFile,
	eePolicyRootFile,
	utf16leWithBom
} from './entra-exporter-fixtures.ts';
import { CA_POLICY_ID, EXTERNAL_TENANT } from './fixtures.ts';
import { decodeJsonBytes, importGraphFiles, type GraphFilesResult } from './files.ts';

const base = (): Scenario => frozen(scenario().build());
const fabrikam = (s: Scenario) => s.tenants.find((t) => t.tenantId === IDS.fabrikam);

function ok(result: GraphFilesResult) {
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result;
}

describe('importGraphFiles: EntraExporter output, several files at once (issue 6, item 1)', () => {
	it('reads the default, a partner, an older-release partner and a CA policy in one drop', () => {
		const result = ok(
			importGraphFiles(base(), IDS.fabrikam, [
				{ name: EE_DEFAULT_PATH, text: eeDefaultFile() },
				{ name: EE_PARTNER_PATH, text: eePartnerFile() },
				{ name: 'old/Partners/contoso.json', text: eeOlderPartnerFile() },
				{ name: EE_CA_PATH, text: eeConditionalAccessFile() }
			])
		);
		const tenant = fabrikam(result.scenario);
		expect(tenant?.crossTenantAccessPolicy.default.isServiceDefault).toBe(false);
		expect(tenant?.crossTenantAccessPolicy.partners.map((p) => p.tenantId)).toEqual(
			expect.arrayContaining([EXTERNAL_TENANT, IDS.contoso])
		);
		expect(tenant?.conditionalAccessPolicies?.some((p) => p.id === CA_POLICY_ID)).toBe(true);
		// Beta-only and unsimulated properties are kept and named (issue: "kept, not simulated").
		expect(tenant?.crossTenantAccessPolicy.default).toHaveProperty(
			'b2bDirectConnectInboundTrustRestrictions'
		);
		expect(result.summary).toContain(
			`${EE_DEFAULT_PATH}: b2bDirectConnectInboundTrustRestrictions: kept, not simulated`
		);
		expect(result.newPartnerTenants).toEqual([EXTERNAL_TENANT]);
		// The imported partner decides like the Graph body would (R1/R2: half null → default).
		const contoso = tenant?.crossTenantAccessPolicy.partners.find(
			(p) => p.tenantId === IDS.contoso
		);
		if (!tenant) throw new Error('no Fabrikam');
		const inbound = resolveDirectConnect(tenant, contoso, 'b2bDirectConnectInbound');
		expect(inbound.usersAndGroups.source).toBe('partner');
		expect(inbound.applications.source).toBe('default');
		expect(inbound.assumptions).toContain('A1');
	});

	it('skips the policy object itself and unrelated files, naming them', () => {
		const result = ok(
			importGraphFiles(base(), IDS.fabrikam, [
				{ name: EE_POLICY_ROOT_PATH, text: eePolicyRootFile() },
				{ name: 'Organization/Organization.json', text: '{"id":"x","displayName":"Fabrikam"}' },
				{ name: EE_PARTNER_PATH, text: eePartnerFile() }
			])
		);
		expect(result.summary).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/^Policies\/CrossTenantAccessPolicy\/6b2a3c4d.*policy object itself.*skipped$/
				),
				'Organization/Organization.json: not a cross-tenant access or Conditional Access body: skipped'
			])
		);
	});

	it('changes nothing when one file is invalid, naming the file and the JSON path', () => {
		const s = base();
		const broken = eePartnerFile().replace('"allowed"', '"permitted"');
		const result = importGraphFiles(s, IDS.fabrikam, [
			{ name: EE_DEFAULT_PATH, text: eeDefaultFile() },
			{ name: EE_PARTNER_PATH, text: broken }
		]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[0]?.path).toMatch(
			/^Policies\/CrossTenantAccessPolicy\/Partners\/Partners\/Partners\.json: b2bDirectConnectInbound/
		);
		expect(s).toEqual(base());
	});

	it('refuses two files that set the same partner, and a drop with nothing readable', () => {
		const twice = importGraphFiles(base(), IDS.fabrikam, [
			{ name: 'a.json', text: eePartnerFile() },
			{ name: 'b.json', text: eePartnerFile() }
		]);
		expect(twice.ok).toBe(false);
		if (!twice.ok) expect(twice.errors[0]?.message).toMatch(/also in a\.json/);
		const nothing = importGraphFiles(base(), IDS.fabrikam, [
			{ name: EE_POLICY_ROOT_PATH, text: eePolicyRootFile() }
		]);
		expect(nothing.ok).toBe(false);
		const bad = importGraphFiles(base(), IDS.fabrikam, [{ name: 'x.json', text: '{ nope' }]);
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.errors[0]).toMatchObject({ path: 'x.json' });
	});
});

describe('decodeJsonBytes', () => {
	it('reads UTF-16 LE with a BOM (Windows PowerShell Out-File) and UTF-8 with or without BOM', () => {
		const text = eePartnerFile();
		expect(decodeJsonBytes(utf16leWithBom(text))).toBe(text);
		const utf8 = new TextEncoder().encode(text);
		expect(decodeJsonBytes(utf8)).toBe(text);
		expect(decodeJsonBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
	});
});
