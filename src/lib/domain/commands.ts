/**
 * Pure scenario commands: each takes a scenario and returns a new one, never mutating the old (the
 * engine caches by object identity, and undo keeps old scenarios). A partner property that is `null`
 * inherits from the default; customizing it writes a whole object, as the admin center and Graph do,
 * starting from the currently effective value so nothing else changes by accident.
 */
import type {
	B2BSetting,
	ConfigurationPartner,
	InboundTrust,
	Scenario,
	TargetConfiguration,
	Tenant
} from './schema.ts';
import {
	resolveDirectConnect,
	resolveTrust,
	type DirectConnectProperty,
	type TrustFlag
} from './engine/resolve.ts';

export type Direction = 'inbound' | 'outbound';

export function directionProperty(direction: Direction): DirectConnectProperty {
	return direction === 'inbound' ? 'b2bDirectConnectInbound' : 'b2bDirectConnectOutbound';
}

function updateTenant(
	scenario: Scenario,
	tenantId: string,
	change: (t: Tenant) => Tenant
): Scenario {
	return {
		...scenario,
		tenants: scenario.tenants.map((t) => (t.tenantId === tenantId ? change(t) : t))
	};
}

function findPartner(tenant: Tenant, partnerTenantId: string): ConfigurationPartner | undefined {
	return tenant.crossTenantAccessPolicy.partners.find((p) => p.tenantId === partnerTenantId);
}

/** A new partner entry inherits every tab from the default (D5, R1). */
export function newPartner(partnerTenantId: string): ConfigurationPartner {
	return {
		tenantId: partnerTenantId,
		inboundTrust: null,
		automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
		b2bDirectConnectInbound: null,
		b2bDirectConnectOutbound: null
	};
}

function updatePartner(
	tenant: Tenant,
	partnerTenantId: string,
	change: (p: ConfigurationPartner) => ConfigurationPartner
): Tenant {
	const policy = tenant.crossTenantAccessPolicy;
	const existing = findPartner(tenant, partnerTenantId);
	const partners = existing
		? policy.partners.map((p) => (p.tenantId === partnerTenantId ? change(p) : p))
		: [...policy.partners, change(newPartner(partnerTenantId))];
	return { ...tenant, crossTenantAccessPolicy: { ...policy, partners } };
}

/** Adds an organization (a partner entry inheriting everything); a no-op when it exists. */
export function addPartner(
	scenario: Scenario,
	tenantId: string,
	partnerTenantId: string
): Scenario {
	return updateTenant(scenario, tenantId, (t) => updatePartner(t, partnerTenantId, (p) => p));
}

export interface SetDirectConnect {
	tenantId: string;
	/** The partner entry to write, or null for the tenant's default settings. */
	partnerTenantId: string | null;
	direction: Direction;
	/** The new halves; a half left out keeps its currently effective value. */
	usersAndGroups?: TargetConfiguration;
	applications?: TargetConfiguration;
}

/** Customizes a B2B direct connect tab: writes the whole setting (both halves), as Graph does. */
export function setDirectConnect(scenario: Scenario, cmd: SetDirectConnect): Scenario {
	const prop = directionProperty(cmd.direction);
	return updateTenant(scenario, cmd.tenantId, (tenant) => {
		const partner =
			cmd.partnerTenantId === null ? undefined : findPartner(tenant, cmd.partnerTenantId);
		const effective = resolveDirectConnect(tenant, partner, prop);
		const value: B2BSetting = {
			...(cmd.partnerTenantId === null
				? tenant.crossTenantAccessPolicy.default[prop]
				: partner?.[prop]),
			usersAndGroups: cmd.usersAndGroups ?? effective.usersAndGroups.config,
			applications: cmd.applications ?? effective.applications.config
		};
		if (cmd.partnerTenantId === null) {
			const policy = tenant.crossTenantAccessPolicy;
			return {
				...tenant,
				crossTenantAccessPolicy: { ...policy, default: { ...policy.default, [prop]: value } }
			};
		}
		return updatePartner(tenant, cmd.partnerTenantId, (p) => ({ ...p, [prop]: value }));
	});
}

/** Sets one inbound trust boolean in a partner entry (or the default), keeping the others as they resolve. */
export function setTrust(
	scenario: Scenario,
	cmd: { tenantId: string; partnerTenantId: string | null; flag: TrustFlag; value: boolean }
): Scenario {
	return updateTenant(scenario, cmd.tenantId, (tenant) => {
		if (cmd.partnerTenantId === null) {
			const policy = tenant.crossTenantAccessPolicy;
			const trust: InboundTrust = { ...policy.default.inboundTrust, [cmd.flag]: cmd.value };
			return {
				...tenant,
				crossTenantAccessPolicy: { ...policy, default: { ...policy.default, inboundTrust: trust } }
			};
		}
		const partnerId = cmd.partnerTenantId;
		const resolved = resolveTrust(tenant, findPartner(tenant, partnerId));
		return updatePartner(tenant, partnerId, (p) => ({
			...p,
			inboundTrust: {
				...p.inboundTrust,
				isMfaAccepted: resolved.flags.isMfaAccepted.value,
				isCompliantDeviceAccepted: resolved.flags.isCompliantDeviceAccepted.value,
				isHybridAzureADJoinedDeviceAccepted:
					resolved.flags.isHybridAzureADJoinedDeviceAccepted.value,
				[cmd.flag]: cmd.value
			}
		}));
	});
}

/** Sets automatic redemption in a partner entry (V9: the default cannot hold it). */
export function setAutoRedemption(
	scenario: Scenario,
	cmd: {
		tenantId: string;
		partnerTenantId: string;
		flag: 'inboundAllowed' | 'outboundAllowed';
		value: boolean;
	}
): Scenario {
	return updateTenant(scenario, cmd.tenantId, (tenant) =>
		updatePartner(tenant, cmd.partnerTenantId, (p) => ({
			...p,
			automaticUserConsentSettings: { ...p.automaticUserConsentSettings, [cmd.flag]: cmd.value }
		}))
	);
}

/** Leaves a home tenant's direct connect users out of one Conditional Access policy. */
export function excludeDirectConnectUsers(
	scenario: Scenario,
	cmd: { tenantId: string; policyId: string; homeTenantId: string }
): Scenario {
	return updateTenant(scenario, cmd.tenantId, (tenant) => ({
		...tenant,
		conditionalAccessPolicies: (tenant.conditionalAccessPolicies ?? []).map((policy) => {
			if (policy.id !== cmd.policyId) return policy;
			const users = policy.conditions.users ?? {};
			const current = users.excludeGuestsOrExternalUsers;
			// Keep whatever the policy already excluded; add direct connect users of the home tenant.
			const types = new Set((current?.guestOrExternalUserTypes ?? '').split(',').filter(Boolean));
			types.add('b2bDirectConnectUser');
			const tenants =
				current?.externalTenants?.membershipKind === 'all'
					? current.externalTenants
					: {
							'@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants',
							membershipKind: 'enumerated' as const,
							members: [
								...(current?.externalTenants?.members ?? []).filter((m) => m !== cmd.homeTenantId),
								cmd.homeTenantId
							]
						};
			const excluded = {
				...current,
				guestOrExternalUserTypes: [...types].join(','),
				externalTenants: tenants
			};
			return {
				...policy,
				conditions: {
					...policy.conditions,
					users: { ...users, excludeGuestsOrExternalUsers: excluded }
				}
			};
		})
	}));
}
