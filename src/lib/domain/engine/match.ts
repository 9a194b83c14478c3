/**
 * Target matching M1-M3, identical for inbound and outbound (M4: user and group targets are the home
 * tenant's object IDs in both directions; application targets are the resource tenant's apps).
 */
import type { PolicyTarget, TargetConfiguration } from '../schema.ts';
import type { ResolvedApp } from '../directory.ts';
import type { ResolvedB2BSetting, Half } from './resolve.ts';

export interface Subject {
	userId: string;
	/** The user's groups in the home tenant (direct or transitive, per A3). */
	groups: ReadonlySet<string>;
	app: ResolvedApp;
}

/** M1: does this user/group target name the subject? */
export function userTargetMatches(target: PolicyTarget, subject: Subject): boolean {
	if (target.target === 'AllUsers') return true;
	if (target.targetType === 'user') return target.target === subject.userId;
	if (target.targetType === 'group') return subject.groups.has(target.target);
	return false;
}

/** M2: does this application target name the subject's app? */
export function appTargetMatches(target: PolicyTarget, subject: Subject): boolean {
	switch (target.target) {
		case 'AllApplications':
			return true;
		// Every built-in Microsoft app is in the Office 365 suite; a tenant's own apps are in neither.
		case 'Office365':
		case 'AllMicrosoftApps':
			return subject.app.microsoft;
		default:
			return target.targetType === 'application' && target.target === subject.app.appId;
	}
}

function firstMatch(
	config: TargetConfiguration,
	test: (t: PolicyTarget) => boolean
): PolicyTarget | null {
	for (const target of config.targets) if (test(target)) return target;
	return null;
}

export interface PermitResult {
	permitted: boolean;
	userMatch: PolicyTarget | null;
	appMatch: PolicyTarget | null;
	/** The half (or both) whose targets decided the outcome, for the explanation. */
	decidedBy: Half[];
}

/**
 * M3: if both halves block, only the listed users-by-apps pairs are removed; otherwise each half must
 * be satisfied on its own terms (allowed: listed; blocked: not listed). Reproduces the nine documented rows.
 */
export function permits(setting: ResolvedB2BSetting, subject: Subject): PermitResult {
	const users = setting.usersAndGroups.config;
	const apps = setting.applications.config;
	const userMatch = firstMatch(users, (t) => userTargetMatches(t, subject));
	const appMatch = firstMatch(apps, (t) => appTargetMatches(t, subject));
	const uM = userMatch !== null;
	const aM = appMatch !== null;
	if (users.accessType === 'blocked' && apps.accessType === 'blocked') {
		const permitted = !(uM && aM);
		const decidedBy: Half[] = permitted
			? [uM ? 'applications' : 'usersAndGroups']
			: ['usersAndGroups', 'applications'];
		return { permitted, userMatch, appMatch, decidedBy };
	}
	const uOK = users.accessType === 'allowed' ? uM : !uM;
	const aOK = apps.accessType === 'allowed' ? aM : !aM;
	const failing: Half[] = [];
	if (!uOK) failing.push('usersAndGroups');
	if (!aOK) failing.push('applications');
	return {
		permitted: uOK && aOK,
		userMatch,
		appMatch,
		decidedBy: failing.length > 0 ? failing : ['usersAndGroups', 'applications']
	};
}
