/** The shapes the decision engine produces: one trace step per rule-checked stage of an attempt. */
import type { PolicyTarget } from '../schema.ts';

export type StepId =
	| 'preconditions'
	| 'outbound'
	| 'inbound'
	| 'conditionalAccess'
	| 'consent'
	| 'token'
	| 'signInLogs';

export type RuleId = string;
/** Assumptions A1-A8 of the rules file: where one decided, the step says so. */
export type AssumptionId = 'A1' | 'A2' | 'A3' | 'A4' | 'A5' | 'A6' | 'A7' | 'A8';

export type SettingSource = 'partner' | 'default';

export interface MatchedTarget {
	half: 'usersAndGroups' | 'applications';
	target: PolicyTarget;
	/** Plain words for the target: "the group Marketing", "all applications". */
	label: string;
}

export interface TraceStep {
	step: StepId;
	outcome: 'passed' | 'failed';
	/** The tenant whose setting or service decided this step (null when nothing tenant-specific did). */
	tenantId: string | null;
	/** Whether the deciding setting came from the partner entry or from the default. */
	source: SettingSource | null;
	/** Where the deciding value lives: `partners[<tenantId>].b2bDirectConnectInbound.usersAndGroups`. */
	settingPath: string | null;
	/** The targets that matched, or an empty list when none did (see `noMatch`). */
	matched: MatchedTarget[];
	/** When a target list decided by *not* matching, which list that was (plain words). */
	noMatch: string | null;
	rules: RuleId[];
	assumptions: AssumptionId[];
	/** One plain sentence a trainee understands. */
	message: string;
	/** The Entra error code this step produced, if it failed with one. */
	errorCode: number | null;
	/** The admin who can change the outcome of a failed step: the home or the resource tenant's. */
	actor: 'home' | 'resource' | 'user' | null;
	/** Extra facts a view may show (Conditional Access policy results, consent details). */
	details?: StepDetails;
}

export interface PolicyResult {
	id: string;
	displayName: string;
	/** Graph's appliedConditionalAccessPolicy result values. */
	result:
		'success' | 'failure' | 'notApplied' | 'notEnabled' | 'reportOnlySuccess' | 'reportOnlyFailure';
	enforcedGrantControls: string[];
	/** One sentence per control: why it was or was not satisfied. */
	notes: string[];
}

export interface StepDetails {
	policies?: PolicyResult[];
	homeMfa?: 'notNeeded' | 'completed' | 'failed';
	consent?: 'autoRedeemed' | 'remembered' | 'accepted' | 'declined';
	trust?: {
		isMfaAccepted: boolean;
		isCompliantDeviceAccepted: boolean;
		isHybridAzureADJoinedDeviceAccepted: boolean;
	};
}

export interface AccessToken {
	audience: string;
	appDisplayName: string;
	tenantId: string;
	userId: string;
	lifetimeSeconds: number;
}

export interface SignInRecord {
	/** The tenant whose log holds the record. */
	loggedIn: 'home' | 'resource';
	crossTenantAccessType: 'b2bDirectConnect';
	homeTenantId: string;
	resourceTenantId: string;
	userId: string;
	userPrincipalName: string;
	appId: string;
	appDisplayName: string;
	status: { errorCode: number | null; failureReason: string | null };
	/** Home record only: client app details. */
	clientAppUsed?: string;
	/** Resource record only. */
	conditionalAccessStatus?: 'success' | 'failure' | 'notApplied';
	appliedConditionalAccessPolicies?: PolicyResult[];
}

export type BlockStepId =
	'preconditions' | 'outbound' | 'inbound' | 'conditionalAccess' | 'consent';

export interface AttemptResult {
	outcome: 'granted' | 'blocked';
	step: BlockStepId | null;
	errorCode: number | null;
	consentPrompted: boolean;
	homeMfaPrompted: boolean;
	trace: TraceStep[];
	token: AccessToken | null;
	signIns: SignInRecord[];
}

export const ERROR_OUTBOUND = 500212;
export const ERROR_INBOUND = 500213;
export const ERROR_CONDITIONAL_ACCESS = 53003;
export const TOKEN_LIFETIME_SECONDS = 3600;
