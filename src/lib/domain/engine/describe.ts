/** Plain-word labels for targets and target lists, used in every explanation the engine writes. */
import { findMicrosoftApp } from '../microsoft-apps.ts';
import type { PolicyTarget, TargetConfiguration, Tenant } from '../schema.ts';

/** "the group Marketing", "all users", "the Office 365 suite", or the raw ID when nothing is known. */
export function targetLabel(
	target: PolicyTarget,
	home: Tenant | undefined,
	resource: Tenant | undefined
): string {
	switch (target.target) {
		case 'AllUsers':
			return 'all users';
		case 'AllApplications':
			return 'all applications';
		case 'Office365':
			return 'the Office 365 suite';
		case 'AllMicrosoftApps':
			return 'all Microsoft apps';
	}
	if (target.targetType === 'group') {
		const group = home?.groups.find((g) => g.id === target.target);
		return group
			? `the group ${group.displayName}`
			: `the group ${target.target} (not in the scenario)`;
	}
	if (target.targetType === 'user') {
		const user = home?.users.find((u) => u.id === target.target);
		return user ? user.displayName : `the user ${target.target} (not in the scenario)`;
	}
	const app =
		findMicrosoftApp(target.target) ??
		resource?.applications.find((a) => a.appId === target.target);
	return app ? app.displayName : `the application ${target.target} (not in the scenario)`;
}

function joinWords(words: string[]): string {
	if (words.length <= 1) return words[0] ?? 'nothing';
	return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** "allow only the group Marketing", "block all users". */
export function configLabel(
	config: TargetConfiguration,
	home: Tenant | undefined,
	resource: Tenant | undefined
): string {
	const labels = config.targets.map((t) => targetLabel(t, home, resource));
	const everything = config.targets.some(
		(t) => t.target === 'AllUsers' || t.target === 'AllApplications'
	);
	const verb = config.accessType === 'allowed' ? 'allow' : 'block';
	if (config.targets.length === 0) return `${verb} nobody listed (an empty list)`;
	return everything && config.targets.length === 1
		? `${verb} ${labels[0]}`
		: `${verb} ${config.accessType === 'allowed' ? 'only ' : ''}${joinWords(labels)}`;
}

/** "Contoso's", "Northwind Traders'". */
export function possessive(name: string): string {
	return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
