/**
 * The pair view's content for one direction (users of `from` into `to`): each side's effective
 * settings as the engine resolves them (R1-R4), with where every value came from. Pure, so the
 * component only lays it out.
 */
import { findTenantById } from '../../domain/directory.ts';
import {
	configLabel,
	resolveConsentFlag,
	resolveDirectConnect,
	resolveTrust,
	type AssumptionId
} from '../../domain/engine/index.ts';
import type { ResolvedHalf } from '../../domain/engine/resolve.ts';
import { relationships, type Relationship } from '../../domain/relationships.ts';
import type { Attempt, ConfigurationPartner, Scenario, Tenant } from '../../domain/schema.ts';

export type ValueSource = 'partner' | 'default' | 'service default';

export interface SettingRow {
	label: string;
	value: string;
	source: ValueSource;
	/** Rule IDs that explain where the value came from and what it decides. */
	rules: string[];
}

export interface PairSide {
	tenant: Tenant;
	role: 'home' | 'resource';
	rows: SettingRow[];
	assumptions: AssumptionId[];
	/** The setting the side's Edit button opens (its users-and-groups half). */
	editPath: string;
}

export interface PairSummary {
	from: Tenant;
	to: Tenant;
	relationship: Relationship | undefined;
	home: PairSide;
	resource: PairSide;
	/** S4: both auto-redemption flags are on, so no consent prompt. */
	consentSuppressed: boolean;
	attempt: Attempt | null;
}

function partnerOf(tenant: Tenant, otherId: string): ConfigurationPartner | undefined {
	return tenant.crossTenantAccessPolicy.partners.find((p) => p.tenantId === otherId);
}

function halfSource(half: ResolvedHalf): ValueSource {
	return half.serviceDefault ? 'service default' : half.source;
}

function halfRows(
	label: string,
	setting: { usersAndGroups: ResolvedHalf; applications: ResolvedHalf },
	from: Tenant,
	to: Tenant,
	step: string
): SettingRow[] {
	return (['usersAndGroups', 'applications'] as const).map((key) => {
		const half = setting[key];
		return {
			label: `${label}: ${key === 'usersAndGroups' ? 'users and groups' : 'applications'}`,
			value: configLabel(half.config, from, to),
			source: halfSource(half),
			rules: [step, ...(half.serviceDefault ? ['D1'] : [])]
		};
	});
}

function consentRow(
	partner: ConfigurationPartner | undefined,
	flag: 'inboundAllowed' | 'outboundAllowed'
): SettingRow {
	const resolved = resolveConsentFlag(partner, flag);
	const set = partner?.automaticUserConsentSettings?.[flag] != null;
	return {
		label: `Automatic redemption (${flag === 'outboundAllowed' ? 'outbound' : 'inbound'})`,
		value: resolved.value ? 'on' : 'off',
		source: set ? 'partner' : 'default',
		rules: set ? ['S4'] : ['S4', 'R4']
	};
}

const TRUST_LABELS = {
	isMfaAccepted: 'Trust MFA from the home tenant',
	isCompliantDeviceAccepted: 'Trust compliant devices',
	isHybridAzureADJoinedDeviceAccepted: 'Trust hybrid joined devices'
} as const;

/** The pair view of `from`'s users opening `to`'s shared channels; null when a tenant is missing. */
export function pairSummary(scenario: Scenario, fromId: string, toId: string): PairSummary | null {
	const from = findTenantById(scenario, fromId);
	const to = findTenantById(scenario, toId);
	if (!from || !to) return null;
	const fromPartner = partnerOf(from, toId);
	const toPartner = partnerOf(to, fromId);
	const outbound = resolveDirectConnect(from, fromPartner, 'b2bDirectConnectOutbound');
	const inbound = resolveDirectConnect(to, toPartner, 'b2bDirectConnectInbound');
	const trust = resolveTrust(to, toPartner);
	const relationship = relationships(scenario).find((r) => r.from === fromId && r.to === toId);

	const trustRows: SettingRow[] = (Object.keys(TRUST_LABELS) as (keyof typeof TRUST_LABELS)[]).map(
		(flag) => ({
			label: TRUST_LABELS[flag],
			value: trust.flags[flag].value ? 'yes' : 'no',
			source: trust.flags[flag].source,
			rules: ['S3']
		})
	);
	const outFlag = resolveConsentFlag(fromPartner, 'outboundAllowed').value;
	const inFlag = resolveConsentFlag(toPartner, 'inboundAllowed').value;
	const passing = relationship?.users[0];
	const user = from.users.find((u) => u.id === passing) ?? from.users[0];

	return {
		from,
		to,
		relationship,
		home: {
			tenant: from,
			role: 'home',
			rows: [
				...halfRows('Outbound', outbound, from, to, 'S1'),
				consentRow(fromPartner, 'outboundAllowed')
			],
			assumptions: outbound.assumptions,
			editPath: outbound.usersAndGroups.path
		},
		resource: {
			tenant: to,
			role: 'resource',
			rows: [
				...halfRows('Inbound', inbound, from, to, 'S2'),
				...trustRows,
				consentRow(toPartner, 'inboundAllowed')
			],
			assumptions: [...new Set([...inbound.assumptions, ...trust.assumptions])],
			editPath: inbound.usersAndGroups.path
		},
		consentSuppressed: outFlag && inFlag,
		attempt: user
			? {
					name: `${user.displayName} opens a ${to.displayName} shared channel`,
					user: user.userPrincipalName,
					resourceTenant: to.domain,
					application: 'Office365'
				}
			: null
	};
}
