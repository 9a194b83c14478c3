/**
 * The simulator form's data and its translation to and from an `Attempt`. The form holds object IDs
 * (so renaming a user or a domain keeps the selection); the attempt it builds uses the readable
 * references the example files use (userPrincipalName, domain, `Office365`).
 */
import type { Answers } from '$lib/domain/attempt-commands.ts';
import { findTenant, findTenantById, findUser } from '$lib/domain/directory.ts';
import { MICROSOFT_APPS, OFFICE365_SHORTHAND, TEAMS_APP_ID } from '$lib/domain/microsoft-apps.ts';
import type { Attempt, Scenario } from '$lib/domain/schema.ts';

export interface AttemptForm {
	/** A user's object ID, or the attempt's own reference when it names nobody in the scenario. */
	user: string;
	/** A tenant ID, or the attempt's own reference when it names no tenant. */
	resourceTenant: string;
	/** `Office365` (Microsoft Teams), another Microsoft app ID, or one of the resource tenant's app IDs. */
	application: string;
	mfa: boolean;
	compliantDevice: boolean;
	hybridJoinedDevice: boolean;
	priorConsent: boolean;
	/** What Run to end answers at the home MFA challenge and the consent prompt. */
	homeMfa: 'complete' | 'fail';
	consent: 'accept' | 'decline';
}

export interface Option {
	value: string;
	label: string;
}

export interface OptionGroup {
	label: string;
	options: Option[];
}

/** The first user of the first tenant with users, opening Teams in the next tenant. */
export function defaultForm(scenario: Scenario): AttemptForm {
	const home = scenario.tenants.find((t) => t.users.length > 0);
	const resource =
		scenario.tenants.find((t) => t.tenantId !== home?.tenantId) ?? scenario.tenants[0];
	return {
		user: home?.users[0]?.id ?? '',
		resourceTenant: resource?.tenantId ?? '',
		application: OFFICE365_SHORTHAND,
		mfa: false,
		compliantDevice: false,
		hybridJoinedDevice: false,
		priorConsent: false,
		homeMfa: 'complete',
		consent: 'accept'
	};
}

/** The form showing a saved (or handed-over) attempt. */
export function formFrom(scenario: Scenario, attempt: Attempt): AttemptForm {
	return {
		user: findUser(scenario, attempt.user)?.user.id ?? attempt.user,
		resourceTenant:
			findTenant(scenario, attempt.resourceTenant)?.tenantId ?? attempt.resourceTenant,
		application: attempt.application === TEAMS_APP_ID ? OFFICE365_SHORTHAND : attempt.application,
		mfa: attempt.session?.mfa ?? false,
		compliantDevice: attempt.session?.compliantDevice ?? false,
		hybridJoinedDevice: attempt.session?.hybridJoinedDevice ?? false,
		priorConsent: attempt.priorConsent ?? false,
		homeMfa: attempt.answers?.homeMfa ?? 'complete',
		consent: attempt.answers?.consent ?? 'accept'
	};
}

/** The attempt the form describes (a plain object; only non-default claims and answers are written). */
export function attemptFrom(scenario: Scenario, form: AttemptForm, name: string): Attempt {
	const user = scenario.tenants.flatMap((t) => t.users).find((u) => u.id === form.user);
	const resource = findTenantById(scenario, form.resourceTenant);
	const session = {
		...(form.mfa ? { mfa: true } : {}),
		...(form.compliantDevice ? { compliantDevice: true } : {}),
		...(form.hybridJoinedDevice ? { hybridJoinedDevice: true } : {})
	};
	const answers: Answers = {
		...(form.homeMfa === 'fail' ? { homeMfa: 'fail' as const } : {}),
		...(form.consent === 'decline' ? { consent: 'decline' as const } : {})
	};
	return {
		name,
		user: user?.userPrincipalName ?? (form.user || '(no user)'),
		resourceTenant: resource?.domain ?? (form.resourceTenant || '(no tenant)'),
		application: form.application || OFFICE365_SHORTHAND,
		...(Object.keys(session).length > 0 ? { session } : {}),
		...(form.priorConsent ? { priorConsent: true } : {}),
		...(Object.keys(answers).length > 0 ? { answers } : {})
	};
}

/** Users grouped by their home tenant: "Alex Wilber (alex@fabrikam.com)". */
export function userGroups(scenario: Scenario): OptionGroup[] {
	return scenario.tenants
		.filter((t) => t.users.length > 0)
		.map((t) => ({
			label: `${t.displayName} (${t.domain})`,
			options: t.users.map((u) => ({
				value: u.id,
				label: `${u.displayName} (${u.userPrincipalName})`
			}))
		}));
}

export function tenantOptions(scenario: Scenario): Option[] {
	return scenario.tenants.map((t) => ({
		value: t.tenantId,
		label: `${t.displayName} (${t.domain})`
	}));
}

/** Microsoft Teams (`Office365`), the other Microsoft apps, then the resource tenant's own apps. */
export function appGroups(scenario: Scenario, resourceTenantId: string): OptionGroup[] {
	const resource = findTenantById(scenario, resourceTenantId);
	const microsoft: Option[] = [
		{ value: OFFICE365_SHORTHAND, label: 'Microsoft Teams (shared channels)' },
		...MICROSOFT_APPS.filter((a) => a.appId !== TEAMS_APP_ID).map((a) => ({
			value: a.appId,
			label: a.displayName
		}))
	];
	const groups: OptionGroup[] = [{ label: 'Microsoft apps', options: microsoft }];
	if (resource && resource.applications.length > 0)
		groups.push({
			label: `${resource.displayName}'s own apps`,
			options: resource.applications.map((a) => ({ value: a.appId, label: a.displayName }))
		});
	return groups;
}

/** Whether `value` is among the options, so a dangling reference can be offered as it is. */
export function hasOption(groups: readonly OptionGroup[], value: string): boolean {
	return groups.some((g) => g.options.some((o) => o.value === value));
}

/** A name for a new saved attempt: "Alex Wilber opens Microsoft Teams in Contoso". */
export function suggestedName(scenario: Scenario, form: AttemptForm): string {
	const user = scenario.tenants.flatMap((t) => t.users).find((u) => u.id === form.user);
	const resource = findTenantById(scenario, form.resourceTenant);
	const app = appGroups(scenario, form.resourceTenant)
		.flatMap((g) => g.options)
		.find((o) => o.value === form.application);
	const appName = form.application === OFFICE365_SHORTHAND ? 'Microsoft Teams' : app?.label;
	return `${user?.displayName ?? 'Someone'} opens ${appName ?? 'an app'} in ${resource?.displayName ?? 'another tenant'}`;
}
