import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../domain/parse.ts';
import type { Scenario } from '../../domain/schema.ts';
import example2 from '../../examples/example-2-fabrikam-marketing-only.json';
import example3 from '../../examples/example-3-mfa-trust-and-auto-redemption.json';
import { pairSummary, type SettingRow } from './pair-summary.ts';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';

function load(json: unknown): Scenario {
	const parsed = parseScenario(structuredClone(json));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.scenario;
}

const row = (rows: SettingRow[], start: string) => rows.find((r) => r.label.startsWith(start));

describe('pairSummary', () => {
	it('S1/S2 + R1: each side shows its effective half and where it came from', () => {
		const summary = pairSummary(load(example2), FABRIKAM, CONTOSO)!;
		expect(summary.relationship).toMatchObject({ state: 'established', scope: 'Marketing only' });
		expect(row(summary.home.rows, 'Outbound: users')).toMatchObject({
			source: 'partner',
			rules: ['S1']
		});
		expect(row(summary.resource.rows, 'Inbound: users')).toMatchObject({
			value: 'allow only the group Marketing',
			source: 'partner',
			rules: ['S2']
		});
		expect(summary.home.editPath).toBe(
			`partners[${CONTOSO}].b2bDirectConnectOutbound.usersAndGroups`
		);
		expect(summary.resource.editPath).toBe(
			`partners[${FABRIKAM}].b2bDirectConnectInbound.usersAndGroups`
		);
	});

	it('R1: a tenant without a partner entry is judged by its default settings', () => {
		const summary = pairSummary(load(example2), NORTHWIND, CONTOSO)!;
		expect(row(summary.resource.rows, 'Inbound: users')).toMatchObject({
			value: 'block all users',
			source: 'default'
		});
		expect(summary.resource.editPath).toBe('default.b2bDirectConnectInbound.usersAndGroups');
		expect(row(summary.resource.rows, 'Automatic redemption')).toMatchObject({
			value: 'off',
			source: 'default',
			rules: ['S4', 'R4']
		});
	});

	it('S3 + S4: example 3 trusts MFA from Fabrikam and auto-redeems on both sides', () => {
		const summary = pairSummary(load(example3), FABRIKAM, CONTOSO)!;
		expect(row(summary.resource.rows, 'Trust MFA')).toMatchObject({
			value: 'yes',
			source: 'partner',
			rules: ['S3']
		});
		expect(row(summary.resource.rows, 'Trust compliant')?.value).toBe('no');
		expect(row(summary.home.rows, 'Automatic redemption')).toMatchObject({
			value: 'on',
			source: 'partner'
		});
		expect(row(summary.resource.rows, 'Automatic redemption')?.value).toBe('on');
		expect(summary.consentSuppressed).toBe(true);
		expect(pairSummary(load(example2), FABRIKAM, CONTOSO)?.consentSuppressed).toBe(false);
	});

	it("simulates with a user who gets through, at the resource tenant's domain", () => {
		const s = load(example2);
		const summary = pairSummary(s, FABRIKAM, CONTOSO)!;
		const fabrikam = s.tenants.find((t) => t.tenantId === FABRIKAM)!;
		const passing = fabrikam.users.find((u) => u.id === summary.relationship?.users[0]);
		expect(summary.attempt).toEqual({
			name: `${passing?.displayName} opens a Contoso shared channel`,
			user: passing?.userPrincipalName,
			resourceTenant: 'contoso.com',
			application: 'Office365'
		});
		const blocked = pairSummary(s, NORTHWIND, CONTOSO)!;
		expect(blocked.attempt?.user).toBe('lynne@northwind.com');
	});

	it('is null when a tenant is gone', () => {
		expect(pairSummary(load(example2), FABRIKAM, 'gone')).toBeNull();
	});
});
