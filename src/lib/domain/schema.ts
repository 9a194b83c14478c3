/**
 * The trustwalk scenario format, version 1: the single definition of the JSON that storage, share
 * links, files and `npm run check` read. Graph objects use `looseObject` so properties trustwalk does
 * not simulate survive a round trip; trustwalk's own objects are strict so a typo is named, not lost.
 * Nothing here fills in defaults: a parsed scenario is the document as written, and the engine applies
 * the service defaults (D1-D4) when it reads a missing value.
 */
import * as z from 'zod';

// The app's Content-Security-Policy forbids eval; without this zod probes `new Function` at start-up
// (a CSP violation on every load) to decide whether it may compile parsers.
z.config({ jitless: true });

export const SCENARIO_FORMAT = 'trustwalk/scenario';
export const SCENARIO_VERSION = 1;

const guidLike = z.string().min(1);

// ---- Microsoft Graph shapes (crossTenantAccessPolicy, v1.0 names) ----

export const targetTypeSchema = z.enum(['user', 'group', 'application']);

export const crossTenantAccessPolicyTargetSchema = z.looseObject({
	target: z.string().min(1),
	targetType: targetTypeSchema
});

export const accessTypeSchema = z.enum(['allowed', 'blocked']);

export const crossTenantAccessPolicyTargetConfigurationSchema = z.looseObject({
	accessType: accessTypeSchema,
	targets: z.array(crossTenantAccessPolicyTargetSchema)
});

export const crossTenantAccessPolicyB2BSettingSchema = z.looseObject({
	usersAndGroups: crossTenantAccessPolicyTargetConfigurationSchema.nullable().optional(),
	applications: crossTenantAccessPolicyTargetConfigurationSchema.nullable().optional()
});

export const crossTenantAccessPolicyInboundTrustSchema = z.looseObject({
	isMfaAccepted: z.boolean().nullable().optional(),
	isCompliantDeviceAccepted: z.boolean().nullable().optional(),
	isHybridAzureADJoinedDeviceAccepted: z.boolean().nullable().optional()
});

export const inboundOutboundPolicyConfigurationSchema = z.looseObject({
	inboundAllowed: z.boolean().nullable().optional(),
	outboundAllowed: z.boolean().nullable().optional()
});

/** Properties shared by the default and partner configurations that trustwalk simulates. */
const simulatedConfigurationShape = {
	b2bDirectConnectInbound: crossTenantAccessPolicyB2BSettingSchema.nullable().optional(),
	b2bDirectConnectOutbound: crossTenantAccessPolicyB2BSettingSchema.nullable().optional(),
	inboundTrust: crossTenantAccessPolicyInboundTrustSchema.nullable().optional(),
	automaticUserConsentSettings: inboundOutboundPolicyConfigurationSchema.nullable().optional()
};

export const crossTenantAccessPolicyConfigurationDefaultSchema = z.looseObject({
	isServiceDefault: z.boolean().nullable().optional(),
	...simulatedConfigurationShape
});

export const crossTenantAccessPolicyConfigurationPartnerSchema = z.looseObject({
	tenantId: guidLike,
	isServiceProvider: z.boolean().nullable().optional(),
	isInMultiTenantOrganization: z.boolean().nullable().optional(),
	...simulatedConfigurationShape
});

export const crossTenantAccessPolicySchema = z.strictObject({
	default: crossTenantAccessPolicyConfigurationDefaultSchema,
	partners: z.array(crossTenantAccessPolicyConfigurationPartnerSchema)
});

// ---- Conditional Access (Graph conditionalAccessPolicy subset) ----

const stringList = z.array(z.string());

export const conditionalAccessExternalTenantsSchema = z.looseObject({
	membershipKind: z.enum(['all', 'enumerated', 'unknownFutureValue']),
	members: stringList.nullable().optional()
});

export const conditionalAccessGuestsOrExternalUsersSchema = z.looseObject({
	/** A comma-separated flags enum, as Graph writes it: "b2bCollaborationGuest,b2bDirectConnectUser". */
	guestOrExternalUserTypes: z.string(),
	externalTenants: conditionalAccessExternalTenantsSchema.nullable().optional()
});

export const conditionalAccessUsersSchema = z.looseObject({
	includeUsers: stringList.nullable().optional(),
	excludeUsers: stringList.nullable().optional(),
	includeGroups: stringList.nullable().optional(),
	excludeGroups: stringList.nullable().optional(),
	includeRoles: stringList.nullable().optional(),
	excludeRoles: stringList.nullable().optional(),
	includeGuestsOrExternalUsers: conditionalAccessGuestsOrExternalUsersSchema.nullable().optional(),
	excludeGuestsOrExternalUsers: conditionalAccessGuestsOrExternalUsersSchema.nullable().optional()
});

export const conditionalAccessApplicationsSchema = z.looseObject({
	includeApplications: stringList.nullable().optional(),
	excludeApplications: stringList.nullable().optional()
});

export const conditionalAccessGrantControlsSchema = z.looseObject({
	operator: z.enum(['AND', 'OR']).nullable().optional(),
	builtInControls: stringList.nullable().optional(),
	customAuthenticationFactors: stringList.nullable().optional(),
	termsOfUse: stringList.nullable().optional()
});

export const conditionalAccessPolicySchema = z.looseObject({
	id: guidLike,
	displayName: z.string(),
	state: z.enum(['enabled', 'disabled', 'enabledForReportingButNotEnforced']),
	conditions: z.looseObject({
		users: conditionalAccessUsersSchema.nullable().optional(),
		applications: conditionalAccessApplicationsSchema.nullable().optional()
	}),
	grantControls: conditionalAccessGrantControlsSchema.nullable().optional(),
	sessionControls: z.looseObject({}).nullable().optional()
});

// ---- trustwalk's own objects ----

export const userSchema = z.strictObject({
	id: guidLike,
	displayName: z.string(),
	userPrincipalName: z
		.string()
		.includes('@', { message: 'expected a userPrincipalName like name@domain' }),
	smsSignIn: z.boolean().optional()
});

export const groupSchema = z.strictObject({
	id: guidLike,
	displayName: z.string(),
	members: z.array(guidLike)
});

export const applicationSchema = z.strictObject({
	appId: guidLike,
	displayName: z.string()
});

export const cloudSchema = z.enum(['global', 'usGovernment', 'china']);
export const licenseSchema = z.enum(['free', 'p1', 'p2']);

export const tenantSchema = z.strictObject({
	tenantId: guidLike,
	displayName: z.string().min(1),
	domain: z.string().min(1),
	cloud: cloudSchema.optional(),
	license: licenseSchema,
	users: z.array(userSchema),
	groups: z.array(groupSchema),
	applications: z.array(applicationSchema),
	crossTenantAccessPolicy: crossTenantAccessPolicySchema,
	conditionalAccessPolicies: z.array(conditionalAccessPolicySchema).optional()
});

export const sessionClaimsSchema = z.strictObject({
	mfa: z.boolean().optional(),
	compliantDevice: z.boolean().optional(),
	hybridJoinedDevice: z.boolean().optional()
});

export const answersSchema = z.strictObject({
	consent: z.enum(['accept', 'decline']).optional(),
	homeMfa: z.enum(['complete', 'fail']).optional()
});

export const blockedStepSchema = z.enum([
	'preconditions',
	'outbound',
	'inbound',
	'conditionalAccess',
	'consent'
]);

export const expectationSchema = z.strictObject({
	outcome: z.enum(['granted', 'blocked']),
	step: blockedStepSchema.optional(),
	consentPrompted: z.boolean().optional()
});

export const attemptSchema = z.strictObject({
	name: z.string().min(1),
	user: z.string().min(1),
	resourceTenant: z.string().min(1),
	application: z.string().min(1),
	session: sessionClaimsSchema.optional(),
	priorConsent: z.boolean().optional(),
	answers: answersSchema.optional(),
	expect: expectationSchema.optional()
});

export const optionsSchema = z.strictObject({
	groupMembership: z.enum(['transitive', 'direct']).optional(),
	mfaTrustedButNotPerformed: z.enum(['homeChallenge', 'block']).optional()
});

export const scenarioSchema = z.strictObject({
	format: z.literal(SCENARIO_FORMAT),
	version: z.literal(SCENARIO_VERSION),
	name: z.string().min(1),
	description: z.string().optional(),
	options: optionsSchema.optional(),
	tenants: z.array(tenantSchema),
	attempts: z.array(attemptSchema).optional(),
	layout: z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() })).optional()
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Tenant = z.infer<typeof tenantSchema>;
export type User = z.infer<typeof userSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type Attempt = z.infer<typeof attemptSchema>;
export type ScenarioOptions = z.infer<typeof optionsSchema>;
export type Expectation = z.infer<typeof expectationSchema>;
export type BlockedStep = z.infer<typeof blockedStepSchema>;
export type CrossTenantAccessPolicy = z.infer<typeof crossTenantAccessPolicySchema>;
export type ConfigurationDefault = z.infer<
	typeof crossTenantAccessPolicyConfigurationDefaultSchema
>;
export type ConfigurationPartner = z.infer<
	typeof crossTenantAccessPolicyConfigurationPartnerSchema
>;
export type B2BSetting = z.infer<typeof crossTenantAccessPolicyB2BSettingSchema>;
export type TargetConfiguration = z.infer<typeof crossTenantAccessPolicyTargetConfigurationSchema>;
export type PolicyTarget = z.infer<typeof crossTenantAccessPolicyTargetSchema>;
export type InboundTrust = z.infer<typeof crossTenantAccessPolicyInboundTrustSchema>;
export type AutomaticUserConsentSettings = z.infer<typeof inboundOutboundPolicyConfigurationSchema>;
export type ConditionalAccessPolicy = z.infer<typeof conditionalAccessPolicySchema>;
export type GuestsOrExternalUsers = z.infer<typeof conditionalAccessGuestsOrExternalUsersSchema>;
