/** Plain-words summary of a Conditional Access policy for the list (what the form would show). */
import { draftFromPolicy, GRANT_CONTROLS, STATES } from '$lib/domain/ca-policy-draft.ts';
import type { ConditionalAccessPolicy } from '$lib/domain/schema.ts';

export interface PolicySummary {
	state: string;
	users: string;
	apps: string;
	grant: string;
}

export function summarize(
	policy: ConditionalAccessPolicy,
	tenantName: (id: string) => string,
	appName: (id: string) => string
): PolicySummary {
	const d = draftFromPolicy(policy);
	const list = (ids: string[], name: (id: string) => string) => ids.map(name).join(', ');
	let users =
		d.users === 'all'
			? 'All users (direct connect users included)'
			: d.users === 'directConnect'
				? `B2B direct connect users of ${d.includeTenants === 'all' ? 'all external tenants' : list(d.includeMembers, tenantName)}`
				: 'Other users only (not direct connect users)';
	if (d.excludeTenants === 'all') users += ', except direct connect users of every external tenant';
	if (d.excludeTenants === 'enumerated')
		users += `, except direct connect users of ${list(d.excludeMembers, tenantName)}`;
	let apps =
		d.apps === 'All'
			? 'All cloud apps'
			: d.apps === 'Office365'
				? 'Office 365'
				: list(d.selectedApps, appName);
	if (d.excludeApps.length > 0) apps += `, except ${list(d.excludeApps, appName)}`;
	const labels = d.controls.map((c) => GRANT_CONTROLS.find((g) => g.id === c)?.label ?? c);
	const grant =
		d.grant === 'block'
			? 'Block access'
			: labels.length <= 1
				? (labels[0] ?? 'Grant access')
				: `${d.operator === 'AND' ? 'Require all' : 'Require one'}: ${labels.join('; ')}`;
	return { state: STATES.find((s) => s.id === d.state)?.label ?? d.state, users, apps, grant };
}
