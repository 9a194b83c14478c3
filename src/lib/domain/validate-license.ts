/**
 * V6: licences. Picking specific users, groups or apps and trusting claims from other tenants need
 * Microsoft Entra ID P1 (or P2) in the tenant being configured; B2B direct connect itself needs P1 in
 * both tenants.
 */
import type { Tenant } from './schema.ts';
import {
	DIRECTIONS,
	HALVES,
	effectiveHalf,
	isSpecific,
	opensDirectConnect,
	partnerName,
	possessive,
	report,
	settingLabel,
	type ConfigContext
} from './validate-context.ts';

const P1 = 'Microsoft Entra ID P1 (or P2)';
const TRUST_FLAGS = [
	['isMfaAccepted', 'MFA'],
	['isCompliantDeviceAccepted', 'compliant devices'],
	['isHybridAzureADJoinedDeviceAccepted', 'hybrid joined devices']
] as const;

function isFree(tenant: Tenant | undefined): boolean {
	return tenant?.license === 'free';
}

export function checkLicence(ctx: ConfigContext): void {
	if (isFree(ctx.tenant)) {
		checkSpecificTargets(ctx);
		checkTrust(ctx);
	}
	checkBothTenants(ctx);
}

/** Specific targets in the halves this configuration sets itself. */
function checkSpecificTargets(ctx: ConfigContext): void {
	for (const direction of DIRECTIONS) {
		for (const half of HALVES) {
			const config = ctx.config[direction]?.[half];
			if (!config?.targets.some(isSpecific)) continue;
			// The default inbound users may not name specific users at all: V1 already says so.
			if (!ctx.partner && direction === 'b2bDirectConnectInbound' && half === 'usersAndGroups')
				continue;
			const what = half === 'usersAndGroups' ? 'specific users or groups' : 'specific applications';
			report(
				ctx,
				'V6',
				'warning',
				`${ctx.path}.${direction}.${half}.targets`,
				`${settingLabel(ctx, direction)} picks ${what}, which needs ${P1}, but ${ctx.tenant.displayName} has the free licence.`
			);
		}
	}
}

function checkTrust(ctx: ConfigContext): void {
	const trust = ctx.config.inboundTrust;
	const trusted = TRUST_FLAGS.filter(([flag]) => trust?.[flag] === true).map(([, label]) => label);
	if (trusted.length === 0) return;
	report(
		ctx,
		'V6',
		'warning',
		`${ctx.path}.inboundTrust`,
		`${ctx.tenant.displayName} trusts ${trusted.join(' and ')} from ${partnerName(ctx)}, which needs ${P1}, but ${ctx.tenant.displayName} has the free licence.`
	);
}

/** Direct connect switched on (either direction, as it applies) while a tenant involved is free. */
function checkBothTenants(ctx: ConfigContext): void {
	const opens = DIRECTIONS.some((direction) =>
		opensDirectConnect(
			effectiveHalf(ctx, direction, 'usersAndGroups').config,
			effectiveHalf(ctx, direction, 'applications').config
		)
	);
	if (!opens) return;
	const free = [ctx.tenant, ctx.partnerTenant].filter(isFree).map((t) => t?.displayName);
	if (free.length === 0) return;
	const freeText = free.length === 2 ? `${free.join(' and ')} have` : `${free[0]} has`;
	const scope = ctx.partner
		? `${possessive(ctx.tenant.displayName)} settings for ${partnerName(ctx)} switch on B2B direct connect`
		: `${possessive(ctx.tenant.displayName)} default settings switch on B2B direct connect`;
	report(
		ctx,
		'V6',
		'warning',
		ctx.path,
		`${scope}, which needs Microsoft Entra ID P1 in ${ctx.partner ? 'both tenants' : 'every tenant involved'}, but ${freeText} the free licence.`
	);
}
