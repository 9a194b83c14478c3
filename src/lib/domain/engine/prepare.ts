/** Turns an attempt's references (UPN, domain, app) into the objects every step works on. */
import type { ResolvedApp } from '../directory.ts';
import { findApp } from '../directory.ts';
import type { Attempt, Scenario, User } from '../schema.ts';
import type { Subject } from './match.ts';
import {
	groupsOf,
	indexScenario,
	type MembershipMode,
	type TenantIndex
} from './scenario-index.ts';

export interface PreparedAttempt {
	scenario: Scenario;
	attempt: Attempt;
	home: TenantIndex;
	resource: TenantIndex;
	user: User;
	app: ResolvedApp;
	subject: Subject;
	/** The user's direct groups (fix hints prefer them). */
	directGroups: ReadonlySet<string>;
	/** The groups under the other membership option, to tell when that option decided (A3). */
	otherGroups: ReadonlySet<string>;
	membership: MembershipMode;
	mfaTrustedButNotPerformed: 'homeChallenge' | 'block';
	session: { mfa: boolean; compliantDevice: boolean; hybridJoinedDevice: boolean };
	priorConsent: boolean;
}

export type PrepareResult =
	{ ok: true; prepared: PreparedAttempt } | { ok: false; message: string };

/** Resolves an attempt against its scenario; a dangling reference is a message, not an exception. */
export function prepareAttempt(scenario: Scenario, attempt: Attempt): PrepareResult {
	const index = indexScenario(scenario);
	const found =
		index.usersByRef.get(attempt.user) ?? index.usersByRef.get(attempt.user.toLowerCase());
	if (!found) return { ok: false, message: `There is no user "${attempt.user}" in this scenario.` };
	const resource =
		index.tenantsById.get(attempt.resourceTenant) ??
		index.tenantsByDomain.get(attempt.resourceTenant.toLowerCase());
	if (!resource)
		return {
			ok: false,
			message: `There is no tenant "${attempt.resourceTenant}" in this scenario.`
		};
	const app = findApp(resource.tenant, attempt.application);
	if (!app)
		return {
			ok: false,
			message: `${resource.tenant.displayName} has no application "${attempt.application}".`
		};
	const membership = scenario.options?.groupMembership ?? 'transitive';
	const { user, tenant: home } = found;
	return {
		ok: true,
		prepared: {
			scenario,
			attempt,
			home,
			resource,
			user,
			app,
			subject: { userId: user.id, groups: groupsOf(home, user.id, membership), app },
			directGroups: groupsOf(home, user.id, 'direct'),
			otherGroups: groupsOf(home, user.id, membership === 'direct' ? 'transitive' : 'direct'),
			membership,
			mfaTrustedButNotPerformed: scenario.options?.mfaTrustedButNotPerformed ?? 'homeChallenge',
			session: {
				mfa: attempt.session?.mfa ?? false,
				compliantDevice: attempt.session?.compliantDevice ?? false,
				hybridJoinedDevice: attempt.session?.hybridJoinedDevice ?? false
			},
			priorConsent: attempt.priorConsent ?? false
		}
	};
}
