import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { openScenario, openTenant, orgRow, watchErrors } from './helpers.ts';

/** A `GET .../crossTenantAccessPolicy/partners` body with one partner unknown to the scenario. */
function partnersBody(tenantId: string): string {
	const body = {
		'@odata.context':
			'https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/partners',
		value: [
			{
				tenantId,
				inboundTrust: null,
				automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
				b2bDirectConnectInbound: {
					usersAndGroups: {
						accessType: 'allowed',
						targets: [{ target: 'AllUsers', targetType: 'user' }]
					},
					applications: {
						accessType: 'allowed',
						targets: [{ target: 'Office365', targetType: 'application' }]
					}
				},
				b2bDirectConnectOutbound: null,
				tenantRestrictions: { usersAndGroups: null }
			}
		]
	};
	return JSON.stringify(body, null, 2);
}

test('broken JSON is refused with its error and changes nothing', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('/');
	await openScenario(page, 'Example 1');
	const panel = await openTenant(page, 'Contoso');
	await panel.getByRole('tab', { name: 'Microsoft Graph' }).click();
	await expect(panel.getByText('No changes: the real tenant already matches.')).toBeVisible();

	await panel.getByLabel('Paste a Microsoft Graph response').fill('{ "value": [ { "tenantId": ');
	await panel.getByRole('button', { name: 'Import into Contoso' }).click();
	await expect(panel.getByRole('alert')).toContainText('Not imported, nothing changed');
	await expect(panel.getByText(/kept, not simulated/)).toHaveCount(0);
	await expect(panel.getByText('No changes: the real tenant already matches.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
	expect(errors).toEqual([]);
});

test('import partners into Contoso, add the placeholder, change one setting, export one PATCH', async ({
	page
}) => {
	const errors = watchErrors(page);
	const id = randomUUID();
	const name = `External ${id.slice(0, 8)}`;
	await page.goto('/');
	await openScenario(page, 'Example 1');
	const panel = await openTenant(page, 'Contoso');
	await panel.getByRole('tab', { name: 'Microsoft Graph' }).click();

	await panel.getByLabel('Paste a Microsoft Graph response').fill(partnersBody(id));
	await panel.getByRole('button', { name: 'Import into Contoso' }).click();
	await expect(panel.getByText(/Imported into Contoso/)).toBeVisible();
	await expect(panel.getByText('tenantRestrictions: kept, not simulated')).toBeVisible();
	await expect(panel.getByText('No changes: the real tenant already matches.')).toBeVisible();

	await panel.getByRole('button', { name: 'Add as placeholder tenants' }).click();
	await expect(panel.getByText(/Added 1 placeholder tenant/)).toBeVisible();
	await expect(panel.getByText(/Added 1 placeholder tenant/)).toBeFocused();
	const graph = page.getByRole('region', { name: 'Trust graph' });
	await expect(
		graph.getByRole('button', { name: `${name} ${id.slice(0, 8)}.example` })
	).toBeVisible();
	await expect(panel.getByText('No changes: the real tenant already matches.')).toBeVisible();

	// The imported partner is an organization of Contoso; set its inbound back to the default.
	await panel.getByRole('tab', { name: 'Cross-tenant access' }).click();
	await panel.getByRole('tab', { name: 'Organizational settings' }).click();
	const row = orgRow(panel, name);
	await expect(row).toBeVisible();
	await row.getByRole('button', { name: new RegExp(`open inbound settings for ${name}`) }).click();
	await panel.getByRole('radio', { name: 'Default settings' }).check();
	await panel.getByRole('button', { name: 'Save' }).click();

	await panel.getByRole('tab', { name: 'Microsoft Graph' }).click();
	const requests = panel.getByRole('heading', { level: 4, name: /^(PATCH|POST|DELETE) / });
	await expect(requests).toHaveCount(1);
	await expect(requests).toHaveText(new RegExp(`^PATCH .*/partners/${id}$`));
	await expect(panel.getByText('"b2bDirectConnectInbound": null')).toBeVisible();
	await panel.getByText('Setting by setting (1)').click();
	await expect(panel.getByText('Real tenant now')).toBeVisible();

	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await panel.getByRole('button', { name: 'Copy PowerShell' }).click();
	await expect(panel.getByRole('status').filter({ hasText: /^Copied/ })).toBeVisible();
	const script = await page.evaluate(() => navigator.clipboard.readText());
	expect(script).toContain('Update-MgPolicyCrossTenantAccessPolicyPartner');
	const download = page.waitForEvent('download');
	await panel.getByRole('button', { name: 'Download script' }).click();
	expect((await download).suggestedFilename()).toBe('contoso.com-cross-tenant-access.ps1');
	expect(errors).toEqual([]);
});

/** Bytes as Windows PowerShell 5.1's Out-File writes them: UTF-16 LE with a byte-order mark. */
function utf16le(text: string): Buffer {
	return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

test('the real-tenant baseline survives a reload; "Mark as applied" moves it', async ({ page }) => {
	const errors = watchErrors(page);
	const id = randomUUID();
	const name = `External ${id.slice(0, 8)}`;
	await page.goto('/');
	await openScenario(page, 'Example 1');
	let panel = await openTenant(page, 'Contoso');
	await panel.getByRole('tab', { name: 'Microsoft Graph' }).click();
	await panel.getByLabel('Paste a Microsoft Graph response').fill(partnersBody(id));
	await panel.getByRole('button', { name: 'Import into Contoso' }).click();
	await panel.getByRole('button', { name: 'Add as placeholder tenants' }).click();
	await panel.getByRole('tab', { name: 'Cross-tenant access' }).click();
	await panel.getByRole('tab', { name: 'Organizational settings' }).click();
	await orgRow(panel, name)
		.getByRole('button', { name: new RegExp(`open inbound settings for ${name}`) })
		.click();
	await panel.getByRole('radio', { name: 'Default settings' }).check();
	await panel.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('All changes saved')).toBeVisible();

	await page.reload();
	await openScenario(page, 'Example 1');
	panel = await openTenant(page, 'Contoso');
	await panel.getByRole('tab', { name: 'Microsoft Graph' }).click();
	const requests = panel.getByRole('heading', { level: 4, name: /^(PATCH|POST|DELETE) / });
	await expect(requests).toHaveCount(1);
	await expect(requests).toHaveText(new RegExp(`^PATCH .*/partners/${id}$`));

	await panel.getByRole('button', { name: 'Mark as applied' }).click();
	await expect(panel.getByText('No changes: the real tenant already matches.')).toBeVisible();
	await page.reload();
	await openScenario(page, 'Example 1');
	panel = await openTenant(page, 'Contoso');
	await panel.getByRole('tab', { name: 'Microsoft Graph' }).click();
	await expect(panel.getByText('No changes: the real tenant already matches.')).toBeVisible();
	expect(errors).toEqual([]);
});

test('EntraExporter files, several at once (one in UTF-16), are imported and named', async ({
	page
}) => {
	const errors = watchErrors(page);
	const id = randomUUID();
	const partner = (JSON.parse(partnersBody(id)) as { value: unknown[] }).value[0];
	await page.goto('/');
	await openScenario(page, 'Example 1');
	const panel = await openTenant(page, 'Contoso');
	await panel.getByRole('tab', { name: 'Microsoft Graph' }).click();
	const defaultFile = {
		isServiceDefault: false,
		inboundTrust: { isMfaAccepted: true, isCompliantDeviceAccepted: false },
		b2bDirectConnectInbound: null,
		b2bDirectConnectOutbound: null,
		b2bDirectConnectInboundTrustRestrictions: null
	};
	await panel.getByLabel(/Or open \.json files/).setInputFiles([
		{
			name: 'Default.json',
			mimeType: 'application/json',
			buffer: utf16le(JSON.stringify(defaultFile, null, 4))
		},
		{
			name: 'Partners.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(partner, null, 4))
		},
		{
			name: 'Organization.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"id":"x","displayName":"Contoso"}')
		}
	]);
	const summary = panel.getByRole('status').filter({ hasText: 'Imported into Contoso' });
	await expect(summary).toContainText('Default.json: default settings replaced');
	await expect(summary).toContainText(
		'Default.json: b2bDirectConnectInboundTrustRestrictions: kept, not simulated'
	);
	await expect(summary).toContainText('Partners.json: 1 partner added');
	await expect(summary).toContainText('Organization.json: not a cross-tenant access');
	await expect(panel.getByRole('button', { name: 'Add as placeholder tenants' })).toBeVisible();
	await expect(panel.getByText('No changes: the real tenant already matches.')).toBeVisible();
	expect(errors).toEqual([]);
});
