/**
 * Resolution R1-R4: which value applies when tenant T judges the other tenant P. Every resolved value
 * carries where it came from (partner entry or default, and its setting path) so the trace can name it.
 */
import type { ConfigurationPartner, TargetConfiguration, Tenant } from '../schema.ts';
import type { AssumptionId, SettingSource } from './types.ts';

export type DirectConnectProperty = 'b2bDirectConnectInbound' | 'b2bDirectConnectOutbound';
export type Half = 'usersAndGroups' | 'applications';
export type TrustFlag =
	'isMfaAccepted' | 'isCompliantDeviceAccepted' | 'isHybridAzureADJoinedDeviceAccepted';
export type ConsentFlag = 'inboundAllowed' | 'outboundAllowed';

export const TRUST_FLAGS: readonly TrustFlag[] = [
	'isMfaAccepted',
	'isCompliantDeviceAccepted',
	'isHybridAzureADJoinedDeviceAccepted'
];

/** D1: a new tenant blocks all users and all applications for direct connect, both directions. */
export const SERVICE_DEFAULT_HALVES: Readonly<Record<Half, TargetConfiguration>> = {
	usersAndGroups: { accessType: 'blocked', targets: [{ target: 'AllUsers', targetType: 'user' }] },
	applications: {
		accessType: 'blocked',
		targets: [{ target: 'AllApplications', targetType: 'application' }]
	}
};

export interface ResolvedHalf {
	config: TargetConfiguration;
	source: SettingSource;
	path: string;
	/** True when neither the partner nor the tenant's default holds a value and D1 applies. */
	serviceDefault: boolean;
}

export interface ResolvedB2BSetting {
	usersAndGroups: ResolvedHalf;
	applications: ResolvedHalf;
	/** A1 when a partner's setting was half-filled and the other half came from the default (R2). */
	assumptions: AssumptionId[];
}

export function partnerPath(partnerTenantId: string): string {
	return `partners[${partnerTenantId}]`;
}

function defaultHalf(tenant: Tenant, prop: DirectConnectProperty, half: Half): ResolvedHalf {
	const value = tenant.crossTenantAccessPolicy.default[prop]?.[half];
	return {
		config: value ?? SERVICE_DEFAULT_HALVES[half],
		source: 'default',
		path: `default.${prop}.${half}`,
		serviceDefault: value == null
	};
}

/** R1 + R2: the effective B2B direct connect setting of `tenant` towards `otherTenantId`. */
export function resolveDirectConnect(
	tenant: Tenant,
	partner: ConfigurationPartner | undefined,
	prop: DirectConnectProperty
): ResolvedB2BSetting {
	const own = partner?.[prop];
	if (!partner || own == null) {
		return {
			usersAndGroups: defaultHalf(tenant, prop, 'usersAndGroups'),
			applications: defaultHalf(tenant, prop, 'applications'),
			assumptions: []
		};
	}
	const assumptions: AssumptionId[] = [];
	const halves = (['usersAndGroups', 'applications'] as const).map((half): ResolvedHalf => {
		const value = own[half];
		if (value == null) {
			assumptions.push('A1');
			return defaultHalf(tenant, prop, half);
		}
		return {
			config: value,
			source: 'partner',
			path: `${partnerPath(partner.tenantId)}.${prop}.${half}`,
			serviceDefault: false
		};
	}) as [ResolvedHalf, ResolvedHalf];
	return {
		usersAndGroups: halves[0],
		applications: halves[1],
		assumptions: assumptions.length > 0 ? ['A1'] : []
	};
}

export interface ResolvedFlag {
	value: boolean;
	source: SettingSource;
	path: string;
}

export interface ResolvedTrust {
	flags: Record<TrustFlag, ResolvedFlag>;
	/** A2 when a partner's trust object was set but one of its booleans was null and fell back. */
	assumptions: AssumptionId[];
}

/** R1 + R3: the effective inbound trust of `tenant` for the partner, one boolean at a time. */
export function resolveTrust(
	tenant: Tenant,
	partner: ConfigurationPartner | undefined
): ResolvedTrust {
	const fromDefault = tenant.crossTenantAccessPolicy.default.inboundTrust;
	const own = partner?.inboundTrust;
	let inherited = false;
	const flags = {} as Record<TrustFlag, ResolvedFlag>;
	for (const flag of TRUST_FLAGS) {
		const ownValue = own?.[flag];
		if (partner && own != null && ownValue != null) {
			flags[flag] = {
				value: ownValue,
				source: 'partner',
				path: `${partnerPath(partner.tenantId)}.inboundTrust.${flag}`
			};
		} else {
			if (own != null) inherited = true;
			flags[flag] = {
				value: fromDefault?.[flag] ?? false,
				source: 'default',
				path: `default.inboundTrust.${flag}`
			};
		}
	}
	return { flags, assumptions: inherited ? ['A2'] : [] };
}

/** R4: automatic redemption exists only in partner entries; anything missing means `false`. */
export function resolveConsentFlag(
	partner: ConfigurationPartner | undefined,
	flag: ConsentFlag
): ResolvedFlag & { partnerExists: boolean } {
	return {
		value: partner?.automaticUserConsentSettings?.[flag] ?? false,
		// No partner entry: the default's flags, always false and read-only (D3), decide. The path
		// still leads to the organizations list, where the admin adds the entry that can change it.
		source: partner ? 'partner' : 'default',
		path: partner
			? `${partnerPath(partner.tenantId)}.automaticUserConsentSettings.${flag}`
			: `partners[…].automaticUserConsentSettings.${flag}`,
		partnerExists: partner !== undefined
	};
}
