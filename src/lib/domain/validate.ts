/**
 * The editor's validation (rules file section 6): `validateScenario` lists what the editor refuses
 * (errors) or warns about in every tenant's default and partner entries; `canRemovePartner` answers
 * whether a partner entry may be deleted (V8). Pure functions: they never throw on unknown IDs.
 */
import { findTenantById, tenantLabel } from './directory.ts';
import type { Scenario, Tenant } from './schema.ts';
import { checkCombination } from './validate-combination.ts';
import {
	DIRECTIONS,
	HALVES,
	possessive,
	report,
	type ConfigContext,
	type ValidationIssue
} from './validate-context.ts';
import { checkLicence } from './validate-license.ts';
import { checkTargetList } from './validate-targets.ts';

export type { ValidationIssue, ValidationRuleId, ValidationSeverity } from './validate-context.ts';

export type RemovePartnerCheck = { ok: true } | { ok: false; rule: 'V8'; message: string };

/** Every error and warning of the scenario's cross-tenant access settings, in document order. */
export function validateScenario(scenario: Scenario): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	scenario.tenants.forEach((tenant, ti) => {
		const policyPath = `tenants[${ti}].crossTenantAccessPolicy`;
		const policy = tenant.crossTenantAccessPolicy;
		const base = { scenario, tenant, issues };
		validateConfiguration({ ...base, path: `${policyPath}.default`, config: policy.default });
		checkDefaultConsent({ ...base, path: `${policyPath}.default`, config: policy.default });
		policy.partners.forEach((partner, pi) => {
			validateConfiguration({
				...base,
				path: `${policyPath}.partners[${pi}]`,
				config: partner,
				partner,
				partnerTenant: findTenantById(scenario, partner.tenantId)
			});
		});
	});
	return issues;
}

/** V1-V7, V10, V11 for one configuration (the default or a partner entry). */
function validateConfiguration(ctx: ConfigContext): void {
	for (const direction of DIRECTIONS) {
		for (const half of HALVES) {
			const config = ctx.config[direction]?.[half];
			if (config == null) continue;
			const path = `${ctx.path}.${direction}.${half}.targets`;
			checkTargetList({ ctx, direction, half, path }, config);
		}
		checkCombination(ctx, direction);
	}
	checkLicence(ctx);
}

/** V9: automatic redemption can only be switched on in a partner entry. */
function checkDefaultConsent(ctx: ConfigContext): void {
	const consent = ctx.config.automaticUserConsentSettings;
	for (const flag of ['inboundAllowed', 'outboundAllowed'] as const) {
		if (consent?.[flag] !== true) continue;
		report(
			ctx,
			'V9',
			'error',
			`${ctx.path}.automaticUserConsentSettings.${flag}`,
			`${possessive(ctx.tenant.displayName)} default settings switch on automatic redemption (${flag}), but only a partner entry can do that; set it on the partner entry of each organization instead.`
		);
	}
}

/**
 * V8: whether `tenant` may delete its partner entry for `partnerTenantId`. Pass the scenario to name
 * the partner by its display name. A partner the tenant has no entry for has nothing to refuse.
 */
export function canRemovePartner(
	tenant: Tenant,
	partnerTenantId: string,
	scenario?: Scenario
): RemovePartnerCheck {
	const partner = tenant.crossTenantAccessPolicy.partners.find(
		(p) => p.tenantId === partnerTenantId
	);
	if (partner?.isServiceProvider !== true) return { ok: true };
	const name = scenario
		? tenantLabel(scenario, partnerTenantId)
		: `external tenant ${partnerTenantId}`;
	return {
		ok: false,
		rule: 'V8',
		message: `${tenant.displayName} cannot remove its partner entry for ${name} because that organization is marked as a service provider.`
	};
}
