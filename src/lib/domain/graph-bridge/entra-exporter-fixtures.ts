/**
 * Test fixtures: files as Microsoft's EntraExporter writes them (see the comment at the top of
 * files.ts for where in its source each detail comes from). Paths are relative to the export folder.
 * It reads the beta API, so beta-only properties appear; each file holds one object, indented by
 * PowerShell's `ConvertTo-Json` (four spaces in Windows PowerShell 5.1).
 */
import { IDS } from '../test-fixtures/scenario-builder.ts';
import {
	CA_POLICY_ID,
	EXTERNAL_TENANT,
	conditionalAccessBody,
	defaultBody,
	partnerBody
} from './fixtures.ts';

const json = (value: unknown) => JSON.stringify(value, null, 4);

function withoutContext<T extends Record<string, unknown>>(body: T): Omit<T, '@odata.context'> {
	const { '@odata.context': _context, ...rest } = body;
	void _context;
	return rest;
}

/** Current release: the default has no `id`, so the folder's name is used twice. */
export const EE_DEFAULT_PATH = 'Policies/CrossTenantAccessPolicy/Default/Default/Default.json';
export function eeDefaultFile(): string {
	return json({
		...withoutContext(defaultBody()),
		// Beta-only property of the default configuration.
		b2bDirectConnectInboundTrustRestrictions: null
	});
}

/** Current release: partner entries have no `id`; the file holds one partner. */
export const EE_PARTNER_PATH = 'Policies/CrossTenantAccessPolicy/Partners/Partners/Partners.json';
export function eePartnerFile(tenantId: string = EXTERNAL_TENANT): string {
	return json({ ...partnerBody(tenantId), isInMultiTenantOrganization: false });
}

/** Older release (Invoke-Graph): an item of a list carries `@odata.context` ending in `/$entity`. */
export function eeOlderPartnerFile(tenantId: string = IDS.contoso): string {
	return json({
		...partnerBody(tenantId),
		'@odata.context':
			'https://graph.microsoft.com/beta/$metadata#policies/crossTenantAccessPolicy/partners/$entity'
	});
}

/** `Policies/CrossTenantAccessPolicy/<id>/<id>.json`: the policy object itself. */
export const EE_POLICY_ROOT_PATH = 'Policies/CrossTenantAccessPolicy/6b2a3c4d/6b2a3c4d.json';
export function eePolicyRootFile(): string {
	return json({
		id: '6b2a3c4d-1e2f-4a5b-8c9d-0e1f2a3b4c5d',
		deletedDateTime: null,
		displayName: 'CrossTenantAccessPolicy',
		definition: [],
		allowedCloudEndpoints: []
	});
}

/** `Identity/Conditional/AccessPolicies/<id>/<id>.json`: one Conditional Access policy. */
export const EE_CA_PATH = `Identity/Conditional/AccessPolicies/${CA_POLICY_ID}/${CA_POLICY_ID}.json`;
export function eeConditionalAccessFile(): string {
	const [policy] = conditionalAccessBody().value;
	return json({ ...policy, partialEnablementStrategy: null });
}

/** UTF-16 little-endian with a byte-order mark, as Windows PowerShell 5.1's Out-File writes. */
export function utf16leWithBom(text: string): Uint8Array {
	const bytes = new Uint8Array(2 + text.length * 2);
	bytes[0] = 0xff;
	bytes[1] = 0xfe;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		bytes[2 + i * 2] = code & 0xff;
		bytes[3 + i * 2] = code >> 8;
	}
	return bytes;
}
