/**
 * Test fixtures: a small builder for valid trustwalk scenarios. It starts from two tenants (home
 * "Fabrikam", resource "Contoso"), optionally a third ("Northwind Traders"), each with the service
 * defaults D1/D2 written out and no partners (D5), and offers one helper per setting the rules talk
 * about. `build()` runs the result through `parseScenario`, so every fixture is a valid document.
 */
import { formatErrors, parseScenario } from '../parse.ts';
import {
	SCENARIO_FORMAT,
	SCENARIO_VERSION,
	type Attempt,
	type AutomaticUserConsentSettings,
	type B2BSetting,
	type ConditionalAccessPolicy,
	type ConfigurationPartner,
	type InboundTrust,
	type PolicyTarget,
	type Scenario,
	type ScenarioOptions,
	type TargetConfiguration,
	type Tenant
} from '../schema.ts';
import type { AttemptResult, StepId, TraceStep } from '../engine/index.ts';

// ---- IDs ----

export const TEAMS_APP_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
export const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

export const IDS = {
	fabrikam: 'fab00000-0000-4000-8000-000000000001',
	contoso: 'c0000000-0000-4000-8000-000000000002',
	northwind: 'a0000000-0000-4000-8000-000000000003',
	/** Fabrikam: direct member of Marketing (g1). */
	alex: 'fab00000-0000-4000-8000-0000000000a1',
	/** Fabrikam: member of Campaigns, which is a member of Marketing (nested, A3). */
	diego: 'fab00000-0000-4000-8000-0000000000d1',
	/** Fabrikam: in no group. */
	isaiah: 'fab00000-0000-4000-8000-0000000000e1',
	/** Fabrikam group g1 of the M3 table. */
	marketing: 'fab00000-0000-4000-8000-00000000061a',
	/** Fabrikam group nested inside Marketing. */
	campaigns: 'fab00000-0000-4000-8000-00000000062a',
	/** Contoso user. */
	adele: 'c0000000-0000-4000-8000-0000000000a2',
	/** Contoso's own (non-Microsoft) application. */
	contosoExpenses: 'c0000000-0000-4000-8000-00000000ee01',
	/** Northwind user. */
	lynne: 'a0000000-0000-4000-8000-0000000000b3'
} as const;

export const UPN = {
	alex: 'alex@fabrikam.com',
	diego: 'diego@fabrikam.com',
	isaiah: 'isaiah@fabrikam.com',
	adele: 'adele@contoso.com',
	lynne: 'lynne@northwind.com'
} as const;

export type TenantKey = 'fabrikam' | 'contoso' | 'northwind';
export type Direction = 'inbound' | 'outbound';

const DOMAINS: Record<TenantKey, string> = {
	fabrikam: 'fabrikam.com',
	contoso: 'contoso.com',
	northwind: 'northwind.com'
};

export function domainOf(key: TenantKey): string {
	return DOMAINS[key];
}

// ---- targets and settings ----

export const ALL_USERS: PolicyTarget = { target: 'AllUsers', targetType: 'user' };
export const ALL_APPLICATIONS: PolicyTarget = {
	target: 'AllApplications',
	targetType: 'application'
};
export const OFFICE365: PolicyTarget = { target: 'Office365', targetType: 'application' };
export const ALL_MICROSOFT_APPS: PolicyTarget = {
	target: 'AllMicrosoftApps',
	targetType: 'application'
};

export function userTarget(id: string): PolicyTarget {
	return { target: id, targetType: 'user' };
}
export function groupTarget(id: string): PolicyTarget {
	return { target: id, targetType: 'group' };
}
export function appTarget(appId: string): PolicyTarget {
	return { target: appId, targetType: 'application' };
}

export function allowed(...targets: PolicyTarget[]): TargetConfiguration {
	return { accessType: 'allowed', targets };
}
export function blocked(...targets: PolicyTarget[]): TargetConfiguration {
	return { accessType: 'blocked', targets };
}

export function b2b(
	usersAndGroups: TargetConfiguration | null | undefined,
	applications: TargetConfiguration | null | undefined
): B2BSetting {
	const setting: B2BSetting = {};
	if (usersAndGroups !== undefined) setting.usersAndGroups = usersAndGroups;
	if (applications !== undefined) setting.applications = applications;
	return setting;
}

/** Allowed AllUsers x allowed AllApplications. */
export function allowAll(): B2BSetting {
	return b2b(allowed(ALL_USERS), allowed(ALL_APPLICATIONS));
}

/** D1: blocked AllUsers x blocked AllApplications. */
export function blockAll(): B2BSetting {
	return b2b(blocked(ALL_USERS), blocked(ALL_APPLICATIONS));
}

function propOf(direction: Direction): 'b2bDirectConnectInbound' | 'b2bDirectConnectOutbound' {
	return direction === 'inbound' ? 'b2bDirectConnectInbound' : 'b2bDirectConnectOutbound';
}

// ---- Conditional Access ----

let policyCounter = 0;

/**
 * An enabled policy for every B2B direct connect user of every external tenant on the Office 365
 * suite, requiring `builtInControls` (AND). Anything may be overridden.
 */
export function caPolicy(
	builtInControls: string[],
	overrides: Partial<ConditionalAccessPolicy> = {}
): ConditionalAccessPolicy {
	policyCounter += 1;
	return {
		id: `ca000000-0000-4000-8000-${String(policyCounter).padStart(12, '0')}`,
		displayName: `Policy ${policyCounter}: ${builtInControls.join(' + ') || 'no grant controls'}`,
		state: 'enabled',
		conditions: {
			users: {
				includeGuestsOrExternalUsers: {
					guestOrExternalUserTypes: 'b2bDirectConnectUser',
					externalTenants: { membershipKind: 'all' }
				}
			},
			applications: { includeApplications: ['Office365'] }
		},
		grantControls: { operator: 'AND', builtInControls },
		...overrides
	};
}

// ---- tenants ----

function baseTenant(key: TenantKey): Tenant {
	const defaults = {
		isServiceDefault: true,
		b2bDirectConnectInbound: blockAll(),
		b2bDirectConnectOutbound: blockAll(),
		inboundTrust: {
			isMfaAccepted: false,
			isCompliantDeviceAccepted: false,
			isHybridAzureADJoinedDeviceAccepted: false
		}
	};
	const common = {
		license: 'p1' as const,
		crossTenantAccessPolicy: { default: defaults, partners: [] },
		conditionalAccessPolicies: []
	};
	switch (key) {
		case 'fabrikam':
			return {
				...common,
				tenantId: IDS.fabrikam,
				displayName: 'Fabrikam',
				domain: DOMAINS.fabrikam,
				users: [
					{ id: IDS.alex, displayName: 'Alex Wilber', userPrincipalName: UPN.alex },
					{ id: IDS.diego, displayName: 'Diego Siciliani', userPrincipalName: UPN.diego },
					{ id: IDS.isaiah, displayName: 'Isaiah Langer', userPrincipalName: UPN.isaiah }
				],
				groups: [
					{ id: IDS.marketing, displayName: 'Marketing', members: [IDS.alex, IDS.campaigns] },
					{ id: IDS.campaigns, displayName: 'Campaigns', members: [IDS.diego] }
				],
				applications: []
			};
		case 'contoso':
			return {
				...common,
				tenantId: IDS.contoso,
				displayName: 'Contoso',
				domain: DOMAINS.contoso,
				users: [{ id: IDS.adele, displayName: 'Adele Vance', userPrincipalName: UPN.adele }],
				groups: [],
				applications: [{ appId: IDS.contosoExpenses, displayName: 'Contoso Expenses' }]
			};
		case 'northwind':
			return {
				...common,
				tenantId: IDS.northwind,
				displayName: 'Northwind Traders',
				domain: DOMAINS.northwind,
				users: [{ id: IDS.lynne, displayName: 'Lynne Robbins', userPrincipalName: UPN.lynne }],
				groups: [],
				applications: []
			};
	}
}

export class ScenarioBuilder {
	private readonly doc: Scenario;

	constructor(options: { northwind?: boolean } = {}) {
		const keys: TenantKey[] = options.northwind
			? ['fabrikam', 'contoso', 'northwind']
			: ['fabrikam', 'contoso'];
		this.doc = {
			format: SCENARIO_FORMAT,
			version: SCENARIO_VERSION,
			name: 'Test scenario',
			tenants: keys.map(baseTenant)
		};
	}

	/** The tenant object itself, for edits the helpers do not cover. */
	tenant(key: TenantKey): Tenant {
		const found = this.doc.tenants.find((t) => t.tenantId === IDS[key]);
		if (!found) throw new Error(`the scenario has no tenant ${key}; pass { northwind: true }`);
		return found;
	}

	/** The partner entry of `key` for `partnerKey`, created (all properties unset) when missing. */
	partnerEntry(key: TenantKey, partnerKey: TenantKey): ConfigurationPartner {
		const policy = this.tenant(key).crossTenantAccessPolicy;
		const id = IDS[partnerKey];
		let entry = policy.partners.find((p) => p.tenantId === id);
		if (!entry) {
			entry = { tenantId: id };
			policy.partners.push(entry);
		}
		return entry;
	}

	/** Adds a partner entry (or merges into the existing one; the tenant ID stays `partnerKey`'s). */
	partner(key: TenantKey, partnerKey: TenantKey, patch: Partial<ConfigurationPartner> = {}): this {
		Object.assign(this.partnerEntry(key, partnerKey), patch, { tenantId: IDS[partnerKey] });
		return this;
	}

	/** Sets (or with `undefined` removes) a default B2B direct connect setting. */
	defaultDirectConnect(
		key: TenantKey,
		direction: Direction,
		setting: B2BSetting | null | undefined
	): this {
		const d = this.tenant(key).crossTenantAccessPolicy.default;
		if (setting === undefined) delete d[propOf(direction)];
		else d[propOf(direction)] = setting;
		return this;
	}

	/** Sets (or with `undefined` removes) a partner's B2B direct connect setting. */
	partnerDirectConnect(
		key: TenantKey,
		partnerKey: TenantKey,
		direction: Direction,
		setting: B2BSetting | null | undefined
	): this {
		const entry = this.partnerEntry(key, partnerKey);
		if (setting === undefined) delete entry[propOf(direction)];
		else entry[propOf(direction)] = setting;
		return this;
	}

	/** Sets (or with `undefined` removes) the default inbound trust. */
	defaultTrust(key: TenantKey, trust: InboundTrust | null | undefined): this {
		const d = this.tenant(key).crossTenantAccessPolicy.default;
		if (trust === undefined) delete d.inboundTrust;
		else d.inboundTrust = trust;
		return this;
	}

	/** Sets (or with `undefined` removes) a partner's inbound trust. */
	partnerTrust(
		key: TenantKey,
		partnerKey: TenantKey,
		trust: InboundTrust | null | undefined
	): this {
		const entry = this.partnerEntry(key, partnerKey);
		if (trust === undefined) delete entry.inboundTrust;
		else entry.inboundTrust = trust;
		return this;
	}

	/** A partner's automatic redemption flags (R4). */
	autoRedemption(
		key: TenantKey,
		partnerKey: TenantKey,
		settings: AutomaticUserConsentSettings | null
	): this {
		this.partnerEntry(key, partnerKey).automaticUserConsentSettings = settings;
		return this;
	}

	/** Appends Conditional Access policies to a tenant. */
	conditionalAccess(key: TenantKey, ...policies: ConditionalAccessPolicy[]): this {
		const tenant = this.tenant(key);
		tenant.conditionalAccessPolicies = [...(tenant.conditionalAccessPolicies ?? []), ...policies];
		return this;
	}

	cloud(key: TenantKey, cloud: NonNullable<Tenant['cloud']>): this {
		this.tenant(key).cloud = cloud;
		return this;
	}

	options(options: ScenarioOptions): this {
		this.doc.options = { ...this.doc.options, ...options };
		return this;
	}

	/**
	 * Every tenant's defaults allow all users and all applications in both directions, so an attempt
	 * reaches Conditional Access and consent unless a test narrows something.
	 */
	openDefaults(): this {
		for (const tenant of this.doc.tenants) {
			tenant.crossTenantAccessPolicy.default.b2bDirectConnectInbound = allowAll();
			tenant.crossTenantAccessPolicy.default.b2bDirectConnectOutbound = allowAll();
		}
		return this;
	}

	/** Both sides turn on automatic redemption for each other (no consent prompt, S4). */
	autoRedeem(home: TenantKey = 'fabrikam', resource: TenantKey = 'contoso'): this {
		this.autoRedemption(home, resource, { inboundAllowed: true, outboundAllowed: true });
		this.autoRedemption(resource, home, { inboundAllowed: true, outboundAllowed: true });
		return this;
	}

	attempts(...attempts: Attempt[]): this {
		this.doc.attempts = [...(this.doc.attempts ?? []), ...attempts];
		return this;
	}

	/** A parsed copy of the document; throws with the parser's messages if it is not valid. */
	build(): Scenario {
		const result = parseScenario(structuredClone(this.doc));
		if (!result.ok) throw new Error(`invalid test scenario:\n${formatErrors(result.errors)}`);
		return result.scenario;
	}
}

/** A two-tenant scenario (Fabrikam, Contoso), or three with `{ northwind: true }`. */
export function scenario(options: { northwind?: boolean } = {}): ScenarioBuilder {
	return new ScenarioBuilder(options);
}

/** Alex of Fabrikam opens Teams (`Office365`) in Contoso, unless overridden. */
export function attempt(overrides: Partial<Attempt> = {}): Attempt {
	return {
		name: 'test attempt',
		user: UPN.alex,
		resourceTenant: DOMAINS.contoso,
		application: 'Office365',
		...overrides
	};
}

/** The trace step `id` of a result; throws when the attempt did not get there. */
export function stepOf(result: AttemptResult, id: StepId): TraceStep {
	const found = result.trace.find((s) => s.step === id);
	if (!found)
		throw new Error(`no ${id} step in the trace (${result.trace.map((s) => s.step).join(', ')})`);
	return found;
}
