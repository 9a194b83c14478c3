import { describe, expect, it } from 'vitest';
import {
	caDraftErrors,
	draftFromPolicy,
	newCaDraft,
	policyFromDraft,
	unsatisfiableControls,
	type CaDraft
} from './ca-policy-draft.ts';
import { policyCoversUser } from './engine/conditional-access.ts';
import type { ConditionalAccessPolicy } from './schema.ts';
import { conditionalAccessPolicySchema } from './schema.ts';

const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';

const drafts: [string, CaDraft][] = [
	['the new-policy default', { ...newCaDraft('p'), displayName: 'MFA' }],
	[
		'selected tenants, an exclusion, selected apps, AND',
		{
			...newCaDraft('p'),
			displayName: 'Devices',
			includeTenants: 'enumerated',
			includeMembers: [FABRIKAM, NORTHWIND],
			excludeTenants: 'enumerated',
			excludeMembers: [NORTHWIND],
			apps: 'selected',
			selectedApps: ['00000003-0000-0ff1-ce00-000000000000'],
			excludeApps: ['00000002-0000-0ff1-ce00-000000000000'],
			controls: ['mfa', 'compliantDevice'],
			operator: 'AND'
		}
	],
	[
		'all users, all apps, block, report-only',
		{
			...newCaDraft('p'),
			displayName: 'Block',
			users: 'all',
			apps: 'All',
			grant: 'block',
			controls: [],
			operator: 'OR',
			state: 'enabledForReportingButNotEnforced'
		}
	]
];

describe('Conditional Access form model', () => {
	it.each(drafts)('S3: %s survives a round trip through the Graph shape', (_, draft) => {
		const policy = policyFromDraft(draft);
		expect(conditionalAccessPolicySchema.safeParse(policy).success).toBe(true);
		expect(draftFromPolicy(policy)).toEqual(draft);
	});

	it('writes externalTenants with @odata.type and membershipKind as Graph does', () => {
		const policy = policyFromDraft(drafts[1]![1]);
		const users = policy.conditions.users;
		expect(users?.includeGuestsOrExternalUsers?.externalTenants).toEqual({
			'@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants',
			membershipKind: 'enumerated',
			members: [FABRIKAM, NORTHWIND]
		});
		expect(users?.excludeGuestsOrExternalUsers?.guestOrExternalUserTypes).toBe(
			'b2bDirectConnectUser'
		);
		expect(policyCoversUser(policy, FABRIKAM)).toBe(true);
		expect(policyCoversUser(policy, NORTHWIND)).toBe(false);
	});

	it('keeps other guest types and properties the form does not show', () => {
		const existing: ConditionalAccessPolicy = {
			id: 'p',
			displayName: 'External users',
			state: 'enabled',
			conditions: {
				clientAppTypes: ['all'],
				users: {
					includeUsers: [],
					includeGuestsOrExternalUsers: {
						guestOrExternalUserTypes: 'b2bCollaborationGuest,b2bDirectConnectUser',
						externalTenants: { membershipKind: 'all' }
					}
				},
				applications: { includeApplications: ['Office365'] }
			},
			grantControls: { operator: 'OR', builtInControls: ['mfa'], termsOfUse: ['tou'] },
			sessionControls: { signInFrequency: { value: 1 } },
			createdDateTime: '2024-01-01T00:00:00Z'
		};
		const draft = draftFromPolicy(existing);
		const saved = policyFromDraft(
			{ ...draft, excludeTenants: 'enumerated', excludeMembers: [FABRIKAM] },
			existing
		);
		expect(saved.createdDateTime).toBe('2024-01-01T00:00:00Z');
		expect(saved.sessionControls).toEqual(existing.sessionControls);
		expect(saved.grantControls?.termsOfUse).toEqual(['tou']);
		expect(saved.conditions.clientAppTypes).toEqual(['all']);
		expect(saved.conditions.users?.includeGuestsOrExternalUsers?.guestOrExternalUserTypes).toBe(
			'b2bCollaborationGuest,b2bDirectConnectUser'
		);
		expect(policyCoversUser(saved, FABRIKAM)).toBe(false);
		expect(policyCoversUser(saved, NORTHWIND)).toBe(true);
		// Dropping the exclusion again removes the whole spec, since it held nothing else.
		const back = policyFromDraft({ ...draftFromPolicy(saved), excludeTenants: 'none' }, saved);
		expect(back.conditions.users?.excludeGuestsOrExternalUsers).toBeNull();
	});

	it('A6: names the controls a direct connect user cannot satisfy', () => {
		const draft = {
			...newCaDraft('p'),
			controls: ['mfa', 'approvedApplication', 'passwordChange']
		};
		expect(unsatisfiableControls(draft).map((c) => c.id)).toEqual([
			'approvedApplication',
			'passwordChange'
		]);
		expect(unsatisfiableControls({ ...draft, grant: 'block' })).toEqual([]);
	});

	it('refuses an empty name, empty tenant or app selections and no controls', () => {
		const draft: CaDraft = {
			...newCaDraft('p'),
			includeTenants: 'enumerated',
			excludeTenants: 'enumerated',
			apps: 'selected',
			controls: []
		};
		expect(caDraftErrors(draft).map((e) => e.field)).toEqual([
			'displayName',
			'includeMembers',
			'excludeMembers',
			'selectedApps',
			'controls'
		]);
	});
});
