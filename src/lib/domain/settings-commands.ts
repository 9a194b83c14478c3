/**
 * Pure commands of the cross-tenant access settings editor (the admin center's Save buttons). Like
 * `commands.ts` they return a new scenario and never mutate the old one; a partner property written
 * as `null` inherits from the default (R1); every property trustwalk does not touch (Graph properties
 * it does not simulate included) is carried over unchanged.
 */
import { directionProperty, newPartner, type Direction } from './commands.ts';
import { findTenant, findTenantById } from './directory.ts';
import { serviceDefault } from './factory.ts';
import type {
	B2BSetting,
	ConfigurationPartner,
	CrossTenantAccessPolicy,
	InboundTrust,
	Scenario,
	TargetConfiguration,
	Tenant
} from './schema.ts';

/** The partner properties that inherit from the default when `null` (R1). */
export type InheritableProperty =
	'b2bDirectConnectInbound' | 'b2bDirectConnectOutbound' | 'inboundTrust';

function updatePolicy(
	scenario: Scenario,
	tenantId: string,
	change: (policy: CrossTenantAccessPolicy) => CrossTenantAccessPolicy
): Scenario {
	const tenant = findTenantById(scenario, tenantId);
	if (!tenant) return scenario;
	const policy = change(tenant.crossTenantAccessPolicy);
	if (policy === tenant.crossTenantAccessPolicy) return scenario;
	return {
		...scenario,
		tenants: scenario.tenants.map((t) =>
			t.tenantId === tenantId ? { ...t, crossTenantAccessPolicy: policy } : t
		)
	};
}

/** Changes an existing partner entry; a partner the tenant has no entry for is left alone. */
function updatePartner(
	scenario: Scenario,
	tenantId: string,
	partnerTenantId: string,
	change: (p: ConfigurationPartner) => ConfigurationPartner
): Scenario {
	return updatePolicy(scenario, tenantId, (policy) => {
		if (!policy.partners.some((p) => p.tenantId === partnerTenantId)) return policy;
		return {
			...policy,
			partners: policy.partners.map((p) => (p.tenantId === partnerTenantId ? change(p) : p))
		};
	});
}

/** Deletes a partner entry (the caller checks V8 with `canRemovePartner` first). */
export function removePartner(
	scenario: Scenario,
	tenantId: string,
	partnerTenantId: string
): Scenario {
	return updatePolicy(scenario, tenantId, (policy) => {
		if (!policy.partners.some((p) => p.tenantId === partnerTenantId)) return policy;
		return { ...policy, partners: policy.partners.filter((p) => p.tenantId !== partnerTenantId) };
	});
}

/**
 * Resets the default settings to what a new tenant has (D1-D4). The whole default is replaced, as
 * Graph's reset does; partner entries are untouched.
 */
export function resetDefault(scenario: Scenario, tenantId: string): Scenario {
	return updatePolicy(scenario, tenantId, (policy) => ({ ...policy, default: serviceDefault() }));
}

/** R1: writes `null` so the partner's property inherits from the default again. */
export function inheritProperty(
	scenario: Scenario,
	tenantId: string,
	partnerTenantId: string,
	property: InheritableProperty
): Scenario {
	return updatePartner(scenario, tenantId, partnerTenantId, (p) => ({ ...p, [property]: null }));
}

/** Writes a partner's whole inbound trust object, or `null` to inherit the default's (R1, R3). */
export function setPartnerTrust(
	scenario: Scenario,
	tenantId: string,
	partnerTenantId: string,
	trust: InboundTrust | null
): Scenario {
	return updatePartner(scenario, tenantId, partnerTenantId, (p) => ({
		...p,
		inboundTrust: trust === null ? null : { ...p.inboundTrust, ...trust }
	}));
}

/** Writes the default's inbound trust booleans (D2 when all false). */
export function setDefaultTrust(
	scenario: Scenario,
	tenantId: string,
	trust: InboundTrust
): Scenario {
	return updatePolicy(scenario, tenantId, (policy) => ({
		...policy,
		default: { ...policy.default, inboundTrust: { ...policy.default.inboundTrust, ...trust } }
	}));
}

export interface SetDirectConnectWhole {
	tenantId: string;
	/** The partner entry to write, or null for the tenant's default settings. */
	partnerTenantId: string | null;
	direction: Direction;
	usersAndGroups: TargetConfiguration;
	applications: TargetConfiguration;
}

/**
 * Writes a whole B2B direct connect setting (both halves), as the admin center's Save does. Unknown
 * properties of the setting object being replaced are kept. A partner entry must exist already.
 */
export function setDirectConnectWhole(scenario: Scenario, cmd: SetDirectConnectWhole): Scenario {
	const prop = directionProperty(cmd.direction);
	const whole = (old: B2BSetting | null | undefined): B2BSetting => ({
		...old,
		usersAndGroups: cmd.usersAndGroups,
		applications: cmd.applications
	});
	if (cmd.partnerTenantId === null) {
		return updatePolicy(scenario, cmd.tenantId, (policy) => ({
			...policy,
			default: { ...policy.default, [prop]: whole(policy.default[prop]) }
		}));
	}
	return updatePartner(scenario, cmd.tenantId, cmd.partnerTenantId, (p) => ({
		...p,
		[prop]: whole(p[prop])
	}));
}

/** Sets both automatic redemption flags of a partner entry at once (V9: never in the default). */
export function setPartnerAutoRedemption(
	scenario: Scenario,
	tenantId: string,
	partnerTenantId: string,
	flags: { inboundAllowed?: boolean; outboundAllowed?: boolean }
): Scenario {
	return updatePartner(scenario, tenantId, partnerTenantId, (p) => ({
		...p,
		automaticUserConsentSettings: { ...p.automaticUserConsentSettings, ...flags }
	}));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type NewPartnerCheck =
	{ ok: true; partnerTenantId: string; modelled: boolean } | { ok: false; message: string };

/**
 * Which tenant "Add organization" means by `ref` (a tenant ID or a domain): a tenant of the scenario
 * by ID or domain, or any other GUID as an external tenant that is not modelled. Refuses the tenant
 * itself, an organization already in the list, and a domain the scenario does not know.
 */
export function checkNewPartner(scenario: Scenario, tenant: Tenant, ref: string): NewPartnerCheck {
	const text = ref.trim();
	if (text === '') return { ok: false, message: 'Enter a tenant ID or a domain name.' };
	const modelled = findTenant(scenario, text);
	const isGuid = GUID.test(text);
	if (!modelled && !isGuid) {
		return {
			ok: false,
			message: `No tenant of this scenario has the domain ${text}. trustwalk cannot look up domains outside the scenario: enter the organization's tenant ID (a GUID) instead.`
		};
	}
	const partnerTenantId = modelled?.tenantId ?? text.toLowerCase();
	if (partnerTenantId.toLowerCase() === tenant.tenantId.toLowerCase()) {
		return {
			ok: false,
			message: `${text} is ${tenant.displayName} itself; an organization cannot be its own partner.`
		};
	}
	const existing = tenant.crossTenantAccessPolicy.partners.find(
		(p) => p.tenantId.toLowerCase() === partnerTenantId.toLowerCase()
	);
	if (existing) {
		const name = modelled?.displayName ?? `External tenant ${partnerTenantId}`;
		return { ok: false, message: `${name} is already in the list of organizations.` };
	}
	return { ok: true, partnerTenantId, modelled: modelled !== undefined };
}

/** Adds an organization inheriting everything (D5, R1); refuses what `checkNewPartner` refuses. */
export function addOrganization(scenario: Scenario, tenantId: string, ref: string): Scenario {
	const tenant = findTenantById(scenario, tenantId);
	if (!tenant) return scenario;
	const check = checkNewPartner(scenario, tenant, ref);
	if (!check.ok) return scenario;
	return updatePolicy(scenario, tenantId, (policy) => ({
		...policy,
		partners: [...policy.partners, newPartner(check.partnerTenantId)]
	}));
}
