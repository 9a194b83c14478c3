/**
 * Shared pieces of the editor's validation (rules V1-V11, rules file section 6): the issue shape, the
 * configuration being checked (a tenant's default or one partner entry) and the wording helpers.
 */
import { tenantLabel } from './directory.ts';
import type {
	ConfigurationDefault,
	ConfigurationPartner,
	PolicyTarget,
	Scenario,
	TargetConfiguration,
	Tenant
} from './schema.ts';

export type ValidationRuleId =
	'V1' | 'V2' | 'V3' | 'V4' | 'V5' | 'V6' | 'V7' | 'V8' | 'V9' | 'V10' | 'V11';
export type ValidationSeverity = 'error' | 'warning';

export interface ValidationIssue {
	rule: ValidationRuleId;
	severity: ValidationSeverity;
	/** The tenant whose settings hold the problem (the one being configured). */
	tenantId: string;
	/** A JSON path into the scenario: `tenants[0].crossTenantAccessPolicy.partners[1].inboundTrust`. */
	path: string;
	/** One plain sentence a trainee understands. */
	message: string;
}

export type Direction = 'b2bDirectConnectInbound' | 'b2bDirectConnectOutbound';
export type Half = 'usersAndGroups' | 'applications';
export const DIRECTIONS: readonly Direction[] = [
	'b2bDirectConnectInbound',
	'b2bDirectConnectOutbound'
];
export const HALVES: readonly Half[] = ['usersAndGroups', 'applications'];

export const ALL_USERS = 'AllUsers';
export const ALL_APPLICATIONS = 'AllApplications';
/** Keywords allowed in an `applications` list (with `targetType: "application"`). */
export const APP_KEYWORDS: ReadonlySet<string> = new Set([
	ALL_APPLICATIONS,
	'Office365',
	'AllMicrosoftApps'
]);

/** D1: what applies when neither the partner entry nor the default holds a half. */
const SERVICE_DEFAULT: Readonly<Record<Half, TargetConfiguration>> = {
	usersAndGroups: { accessType: 'blocked', targets: [{ target: ALL_USERS, targetType: 'user' }] },
	applications: {
		accessType: 'blocked',
		targets: [{ target: ALL_APPLICATIONS, targetType: 'application' }]
	}
};

/** One configuration under validation: a tenant's default, or one of its partner entries. */
export interface ConfigContext {
	scenario: Scenario;
	tenant: Tenant;
	/** `tenants[0].crossTenantAccessPolicy.default` or `...partners[1]`. */
	path: string;
	config: ConfigurationDefault | ConfigurationPartner;
	/** The partner entry, or undefined when validating the default. */
	partner?: ConfigurationPartner;
	/** The partner tenant when the scenario models it. */
	partnerTenant?: Tenant;
	issues: ValidationIssue[];
}

export function report(
	ctx: ConfigContext,
	rule: ValidationRuleId,
	severity: ValidationSeverity,
	path: string,
	message: string
): void {
	ctx.issues.push({ rule, severity, tenantId: ctx.tenant.tenantId, path, message });
}

/** "Contoso's", "Northwind Traders'": a name in the possessive. */
export function possessive(name: string): string {
	return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** The partner's display name, or "external tenant <id>" when it is not modelled. */
export function partnerName(ctx: ConfigContext): string {
	return ctx.partner ? tenantLabel(ctx.scenario, ctx.partner.tenantId) : 'other organizations';
}

/** "Contoso's inbound B2B direct connect setting for Fabrikam" / "Contoso's default outbound ...". */
export function settingLabel(ctx: ConfigContext, direction: Direction): string {
	const way = direction === 'b2bDirectConnectInbound' ? 'inbound' : 'outbound';
	return ctx.partner
		? `${possessive(ctx.tenant.displayName)} ${way} B2B direct connect setting for ${partnerName(ctx)}`
		: `${possessive(ctx.tenant.displayName)} default ${way} B2B direct connect setting`;
}

export function hasTarget(config: TargetConfiguration, keyword: string): boolean {
	return config.targets.some((t) => t.target === keyword);
}

/** A target that is not one of the keywords `AllUsers` / `AllApplications` (V6: needs P1). */
export function isSpecific(target: PolicyTarget): boolean {
	return target.target !== ALL_USERS && target.target !== ALL_APPLICATIONS;
}

export interface EffectiveHalf {
	config: TargetConfiguration;
	/** Where the value came from: this configuration, the tenant's default, or the service default. */
	from: 'own' | 'default' | 'service';
}

/** R1 + R2: one half of a direct connect setting as it applies, with where it came from. */
export function effectiveHalf(ctx: ConfigContext, direction: Direction, half: Half): EffectiveHalf {
	const own = ctx.config[direction]?.[half];
	if (own != null) return { config: own, from: 'own' };
	const fromDefault = ctx.partner
		? ctx.tenant.crossTenantAccessPolicy.default[direction]?.[half]
		: undefined;
	if (fromDefault != null) return { config: fromDefault, from: 'default' };
	return { config: SERVICE_DEFAULT[half], from: 'service' };
}

/** M3: whether a setting lets anybody through (anything but "block all users from all apps"). */
export function opensDirectConnect(users: TargetConfiguration, apps: TargetConfiguration): boolean {
	if (users.accessType === 'allowed' || apps.accessType === 'allowed') return true;
	return !(hasTarget(users, ALL_USERS) && hasTarget(apps, ALL_APPLICATIONS));
}
