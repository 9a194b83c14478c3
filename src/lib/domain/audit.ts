/**
 * §8 audit log: the records Entra writes for cross-tenant access changes, derived from a before/after
 * diff of each tenant's `crossTenantAccessPolicy`. Deriving them (instead of writing one per command)
 * means every command, import, restore and undo is logged the same way without extra code.
 */
import { SERVICE_DEFAULT_HALVES } from './engine/resolve.ts';
import type { ConfigurationDefault, ConfigurationPartner, Scenario, Tenant } from './schema.ts';

export const AUDIT_CATEGORY = 'CrossTenantAccessSettings';

export const AUDIT_ACTIVITIES = {
	addPartner: 'Add a partner to cross-tenant access setting',
	updatePartner: 'Update a partner cross-tenant access setting',
	deletePartner: 'Delete partner specific cross-tenant access setting',
	updateDefault: 'Update the company default cross-tenant access setting',
	resetDefault: 'Reset the cross-tenant access default setting'
} as const;

export type AuditActivity = (typeof AUDIT_ACTIVITIES)[keyof typeof AUDIT_ACTIVITIES];

export interface ModifiedProperty {
	displayName: string;
	/** JSON text of the old value; `"null"` when it was null or absent. */
	oldValue: string;
	newValue: string;
}

export interface AuditRecord {
	/** The tenant whose settings changed (the log it belongs to). */
	tenantId: string;
	activityDateTime: string;
	category: typeof AUDIT_CATEGORY;
	activityDisplayName: AuditActivity;
	/** The partner entry's tenant ID; null for the default settings. */
	targetPartnerTenantId: string | null;
	modifiedProperties: ModifiedProperty[];
}

/** JSON with object keys sorted and undefined properties dropped, so key order never counts. */
export function canonicalJson(value: unknown): string {
	if (value === undefined || value === null) return 'null';
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value);
}

/** Deep equality of JSON data, ignoring key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
	return a === b || canonicalJson(a) === canonicalJson(b);
}

type Configuration = Readonly<Record<string, unknown>>;

/**
 * One entry per top-level property whose value changed. Absent and `null` are the same (both mean
 * "inherit" in Graph), so writing `null` where nothing was is not a change. `tenantId` is the entry's
 * key and is reported as `targetPartnerTenantId` instead.
 */
function diffProperties(before: Configuration, after: Configuration): ModifiedProperty[] {
	const names = new Set([...Object.keys(before), ...Object.keys(after)]);
	names.delete('tenantId');
	const changes: ModifiedProperty[] = [];
	for (const name of names) {
		const oldValue = before[name] ?? null;
		const newValue = after[name] ?? null;
		if (jsonEqual(oldValue, newValue)) continue;
		changes.push({
			displayName: name,
			oldValue: JSON.stringify(oldValue),
			newValue: JSON.stringify(newValue)
		});
	}
	return changes;
}

const trustAllFalse = {
	isMfaAccepted: false,
	isCompliantDeviceAccepted: false,
	isHybridAzureADJoinedDeviceAccepted: false
};
const d1 = { ...SERVICE_DEFAULT_HALVES };
const d4 = {
	usersAndGroups: { accessType: 'allowed', targets: [{ target: 'AllUsers', targetType: 'user' }] },
	applications: {
		accessType: 'allowed',
		targets: [{ target: 'AllApplications', targetType: 'application' }]
	}
};

/** The default after "reset to service default": D1, D2 and the `isServiceDefault` marker. */
const SERVICE_DEFAULT: Configuration = {
	isServiceDefault: true,
	b2bDirectConnectInbound: d1,
	b2bDirectConnectOutbound: d1,
	inboundTrust: trustAllFalse
};
/** D3/D4 values a reset default may also spell out (Graph returns them); absent is fine too. */
const SERVICE_DEFAULT_OPTIONAL: Configuration = {
	automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
	b2bCollaborationInbound: d4,
	b2bCollaborationOutbound: d4
};

/** True when a default configuration is exactly the service default (D1-D4, isServiceDefault). */
export function isServiceDefaultConfiguration(config: ConfigurationDefault): boolean {
	const c = config as Configuration;
	for (const [name, expected] of Object.entries(SERVICE_DEFAULT)) {
		if (!jsonEqual(c[name] ?? null, expected)) return false;
	}
	for (const [name, value] of Object.entries(c)) {
		if (value == null || name in SERVICE_DEFAULT) continue;
		const expected = SERVICE_DEFAULT_OPTIONAL[name];
		if (expected === undefined || !jsonEqual(value, expected)) return false;
	}
	return true;
}

function partnersById(tenant: Tenant): Map<string, ConfigurationPartner> {
	return new Map(tenant.crossTenantAccessPolicy.partners.map((p) => [p.tenantId, p]));
}

function tenantChanges(before: Tenant, after: Tenant, at: string): AuditRecord[] {
	const record = (
		activityDisplayName: AuditActivity,
		targetPartnerTenantId: string | null,
		modifiedProperties: ModifiedProperty[]
	): AuditRecord => ({
		tenantId: after.tenantId,
		activityDateTime: at,
		category: AUDIT_CATEGORY,
		activityDisplayName,
		targetPartnerTenantId,
		modifiedProperties
	});
	const oldPolicy = before.crossTenantAccessPolicy;
	const newPolicy = after.crossTenantAccessPolicy;
	if (oldPolicy === newPolicy) return [];

	const records: AuditRecord[] = [];
	const defaultChanges = diffProperties(oldPolicy.default, newPolicy.default);
	if (defaultChanges.length > 0) {
		const activity = isServiceDefaultConfiguration(newPolicy.default)
			? AUDIT_ACTIVITIES.resetDefault
			: AUDIT_ACTIVITIES.updateDefault;
		records.push(record(activity, null, defaultChanges));
	}

	const oldPartners = partnersById(before);
	const newPartners = partnersById(after);
	for (const [id, partner] of newPartners) {
		const old = oldPartners.get(id);
		if (!old) {
			records.push(record(AUDIT_ACTIVITIES.addPartner, id, diffProperties({}, partner)));
			continue;
		}
		if (old === partner) continue;
		const changes = diffProperties(old, partner);
		if (changes.length > 0) records.push(record(AUDIT_ACTIVITIES.updatePartner, id, changes));
	}
	for (const [id, partner] of oldPartners) {
		if (newPartners.has(id)) continue;
		records.push(record(AUDIT_ACTIVITIES.deletePartner, id, diffProperties(partner, {})));
	}
	return records;
}

/**
 * §8: the audit records a change from `before` to `after` writes, per tenant (matched by tenantId;
 * tenants added or removed are not cross-tenant access changes and are ignored).
 */
export function auditChanges(before: Scenario, after: Scenario, at: string): AuditRecord[] {
	if (before === after) return [];
	const oldTenants = new Map(before.tenants.map((t) => [t.tenantId, t]));
	return after.tenants.flatMap((tenant) => {
		const old = oldTenants.get(tenant.tenantId);
		return old && old !== tenant ? tenantChanges(old, tenant, at) : [];
	});
}
