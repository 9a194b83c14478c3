import { describe, expect, it } from 'vitest';
import type { ResolvedApp } from '../directory.ts';
import type { TargetConfiguration } from '../schema.ts';
import {
	ALL_APPLICATIONS,
	ALL_MICROSOFT_APPS,
	ALL_USERS,
	IDS,
	OFFICE365,
	SHAREPOINT_APP_ID,
	TEAMS_APP_ID,
	UPN,
	allowed,
	appTarget,
	attempt,
	b2b,
	blocked,
	groupTarget,
	scenario,
	stepOf,
	userTarget,
	type Direction
} from '../test-fixtures/scenario-builder.ts';
import { ERROR_INBOUND, ERROR_OUTBOUND, evaluateAttempt, permits } from './index.ts';
import type { Subject } from './match.ts';
import type { ResolvedB2BSetting } from './resolve.ts';

// ---- direct `permits` checks (Subject built by hand) ----

const TEAMS: ResolvedApp = { appId: TEAMS_APP_ID, displayName: 'Microsoft Teams', microsoft: true };
const SHAREPOINT: ResolvedApp = {
	appId: SHAREPOINT_APP_ID,
	displayName: 'Office 365 SharePoint Online',
	microsoft: true
};
const OWN_APP: ResolvedApp = {
	appId: IDS.contosoExpenses,
	displayName: 'Contoso Expenses',
	microsoft: false
};

const G1 = IDS.marketing;
const OTHER_GROUP = IDS.campaigns;

function subject(member: boolean, app: ResolvedApp): Subject {
	return {
		userId: member ? IDS.alex : IDS.isaiah,
		groups: new Set(member ? [G1] : [OTHER_GROUP]),
		app
	};
}

function setting(users: TargetConfiguration, apps: TargetConfiguration): ResolvedB2BSetting {
	return {
		usersAndGroups: {
			config: users,
			source: 'partner',
			path: 'partners[x].b2bDirectConnectOutbound.usersAndGroups',
			serviceDefault: false
		},
		applications: {
			config: apps,
			source: 'partner',
			path: 'partners[x].b2bDirectConnectOutbound.applications',
			serviceDefault: false
		},
		assumptions: []
	};
}

const g1 = groupTarget(G1);
const a1 = appTarget(TEAMS_APP_ID);

interface M3Row {
	row: number;
	label: string;
	users: TargetConfiguration;
	apps: TargetConfiguration;
	/** [g1 member with a1, g1 member with another app, non-member with a1, non-member with another app] */
	expected: [boolean, boolean, boolean, boolean];
}

/** The nine documented combinations of §4 (M3), g1 = Marketing, a1 = Microsoft Teams. */
const M3_TABLE: M3Row[] = [
	{
		row: 1,
		label: 'blocked AllUsers x blocked AllApplications: nobody',
		users: blocked(ALL_USERS),
		apps: blocked(ALL_APPLICATIONS),
		expected: [false, false, false, false]
	},
	{
		row: 2,
		label: 'allowed AllUsers x allowed AllApplications: everybody, every app',
		users: allowed(ALL_USERS),
		apps: allowed(ALL_APPLICATIONS),
		expected: [true, true, true, true]
	},
	{
		row: 3,
		label: 'allowed g1 x allowed AllApplications: g1 members, every app',
		users: allowed(g1),
		apps: allowed(ALL_APPLICATIONS),
		expected: [true, true, false, false]
	},
	{
		row: 4,
		label: 'allowed AllUsers x allowed a1: everybody, only a1',
		users: allowed(ALL_USERS),
		apps: allowed(a1),
		expected: [true, false, true, false]
	},
	{
		row: 5,
		label: 'allowed g1 x blocked a1: g1 members, every app but a1',
		users: allowed(g1),
		apps: blocked(a1),
		expected: [false, true, false, false]
	},
	{
		row: 6,
		label: 'blocked g1 x blocked AllApplications: g1 members nothing, others every app',
		users: blocked(g1),
		apps: blocked(ALL_APPLICATIONS),
		expected: [false, false, true, true]
	},
	{
		row: 7,
		label: 'blocked g1 x allowed a1: g1 members nothing, others only a1',
		users: blocked(g1),
		apps: allowed(a1),
		expected: [false, false, true, false]
	},
	{
		row: 8,
		label: 'allowed g1 x allowed a1: only g1 members, only a1',
		users: allowed(g1),
		apps: allowed(a1),
		expected: [true, false, false, false]
	},
	{
		row: 9,
		label: 'blocked g1 x blocked a1: g1 members lose a1 only',
		users: blocked(g1),
		apps: blocked(a1),
		expected: [false, true, true, true]
	}
];

interface M3Case {
	row: number;
	label: string;
	users: TargetConfiguration;
	apps: TargetConfiguration;
	member: boolean;
	a1: boolean;
	who: string;
	what: string;
	permitted: boolean;
}

const M3_CASES: M3Case[] = M3_TABLE.flatMap((r) =>
	(
		[
			[true, true],
			[true, false],
			[false, true],
			[false, false]
		] as const
	).map(([member, isA1], i): M3Case => ({
		row: r.row,
		label: r.label,
		users: r.users,
		apps: r.apps,
		member,
		a1: isA1,
		who: member ? 'g1 member' : 'non-member',
		what: isA1 ? 'a1 (Teams)' : 'another app (SharePoint)',
		permitted: r.expected[i] ?? false
	}))
);

describe('M3 permits, the nine documented rows', () => {
	for (const testCase of M3_CASES) {
		it(`M3 row ${testCase.row}: ${testCase.label}; ${testCase.who} with ${testCase.what} → permitted ${testCase.permitted}`, () => {
			const { users, apps, member, a1: isA1, permitted } = testCase;
			const result = permits(setting(users, apps), subject(member, isA1 ? TEAMS : SHAREPOINT));
			expect(result.permitted).toBe(permitted);
		});
	}
});

describe('M3/M4 whole attempts: the same nine rows decide outbound (S1) and inbound (S2)', () => {
	const cases = M3_CASES.flatMap((c) =>
		(['outbound', 'inbound'] as const).map((direction) => ({ ...c, direction }))
	);

	function run(c: M3Case & { direction: Direction }) {
		const b = scenario().openDefaults();
		if (c.direction === 'outbound')
			b.partnerDirectConnect('fabrikam', 'contoso', 'outbound', b2b(c.users, c.apps));
		else b.partnerDirectConnect('contoso', 'fabrikam', 'inbound', b2b(c.users, c.apps));
		return evaluateAttempt(
			b.build(),
			attempt({
				user: c.member ? UPN.alex : UPN.isaiah,
				application: c.a1 ? 'Office365' : SHAREPOINT_APP_ID
			})
		);
	}

	for (const c of cases) {
		it(`M3 row ${c.row} (${c.direction}): ${c.label}; ${c.who} with ${c.what} → permitted ${c.permitted}`, () => {
			const result = run(c);
			const step = stepOf(result, c.direction);
			expect(step.outcome).toBe(c.permitted ? 'passed' : 'failed');
			if (c.permitted) {
				expect(result.outcome).toBe('granted');
			} else {
				expect(result.step).toBe(c.direction);
				expect(result.errorCode).toBe(c.direction === 'outbound' ? ERROR_OUTBOUND : ERROR_INBOUND);
			}
		});
	}
});

// ---- M1: user matching ----

interface M1Case {
	name: string;
	target: TargetConfiguration;
	user: string;
	membership?: 'transitive' | 'direct';
	passes: boolean;
	/** Whether the outbound step must (true) or must not (false) note A3; unset: either is fine. */
	a3?: boolean;
}

const M1_CASES: M1Case[] = [
	{
		name: 'M1: a user target (object ID) matches that user',
		target: allowed(userTarget(IDS.alex)),
		user: UPN.alex,
		passes: true,
		a3: false
	},
	{
		name: 'M1: a user target (object ID) does not match another user',
		target: allowed(userTarget(IDS.alex)),
		user: UPN.isaiah,
		passes: false,
		a3: false
	},
	{
		name: 'M1: a group target matches a direct member',
		target: allowed(groupTarget(IDS.marketing)),
		user: UPN.alex,
		passes: true,
		a3: false
	},
	{
		name: 'M1: a group target does not match a user outside the group',
		target: allowed(groupTarget(IDS.marketing)),
		user: UPN.isaiah,
		passes: false,
		a3: false
	},
	{
		name: "M1: a group target matches a nested member with groupMembership 'transitive' (A3)",
		target: allowed(groupTarget(IDS.marketing)),
		user: UPN.diego,
		membership: 'transitive',
		passes: true,
		a3: true
	},
	{
		name: 'M1: a group target matches a nested member when the option is unset (transitive is the default, A3)',
		target: allowed(groupTarget(IDS.marketing)),
		user: UPN.diego,
		passes: true,
		a3: true
	},
	{
		name: "M1: a group target does not match a nested member with groupMembership 'direct' (A3 decided)",
		target: allowed(groupTarget(IDS.marketing)),
		user: UPN.diego,
		membership: 'direct',
		passes: false,
		a3: true
	},
	{
		name: 'M1: the nested group itself matches its direct member without A3',
		target: allowed(groupTarget(IDS.campaigns)),
		user: UPN.diego,
		membership: 'transitive',
		passes: true,
		a3: false
	},
	{
		name: 'M1: AllUsers matches a user in no group',
		target: allowed(ALL_USERS),
		user: UPN.isaiah,
		passes: true,
		a3: false
	},
	{
		name: 'M1: a blocked nested group blocks the nested member (transitive)',
		target: blocked(groupTarget(IDS.marketing)),
		user: UPN.diego,
		membership: 'transitive',
		passes: false,
		a3: true
	}
];

describe('M1 user and group targets', () => {
	for (const testCase of M1_CASES) {
		it(testCase.name, () => {
			const { target, user, membership, passes, a3 } = testCase;
			const b = scenario()
				.openDefaults()
				.partnerDirectConnect('fabrikam', 'contoso', 'outbound', b2b(target, allowed(OFFICE365)));
			if (membership) b.options({ groupMembership: membership });
			const result = evaluateAttempt(b.build(), attempt({ user }));
			const step = stepOf(result, 'outbound');
			expect(step.outcome).toBe(passes ? 'passed' : 'failed');
			expect(step.rules).toContain('M1');
			if (a3 === true) expect(step.assumptions).toContain('A3');
			if (a3 === false) expect(step.assumptions).not.toContain('A3');
			if (!passes) expect(result.errorCode).toBe(ERROR_OUTBOUND);
		});
	}
});

// ---- M2: application matching ----

interface M2Case {
	name: string;
	target: TargetConfiguration;
	application: string;
	passes: boolean;
}

const M2_CASES: M2Case[] = [
	{
		name: 'M2: AllApplications matches Teams',
		target: allowed(ALL_APPLICATIONS),
		application: 'Office365',
		passes: true
	},
	{
		name: 'M2: AllApplications matches SharePoint',
		target: allowed(ALL_APPLICATIONS),
		application: SHAREPOINT_APP_ID,
		passes: true
	},
	{
		name: 'M2: Office365 matches Teams (in the suite)',
		target: allowed(OFFICE365),
		application: 'Office365',
		passes: true
	},
	{
		name: 'M2: Office365 matches SharePoint (in the suite)',
		target: allowed(OFFICE365),
		application: SHAREPOINT_APP_ID,
		passes: true
	},
	{
		name: 'M2: AllMicrosoftApps matches Teams (first party)',
		target: allowed(ALL_MICROSOFT_APPS),
		application: TEAMS_APP_ID,
		passes: true
	},
	{
		name: 'M2: AllMicrosoftApps matches SharePoint (first party)',
		target: allowed(ALL_MICROSOFT_APPS),
		application: SHAREPOINT_APP_ID,
		passes: true
	},
	{
		name: "M2: an app ID target matches that app (Teams' ID, Teams)",
		target: allowed(appTarget(TEAMS_APP_ID)),
		application: 'Office365',
		passes: true
	},
	{
		name: "M2: an app ID target does not match another app (Teams' ID, SharePoint)",
		target: allowed(appTarget(TEAMS_APP_ID)),
		application: SHAREPOINT_APP_ID,
		passes: false
	},
	{
		name: "M2: an app ID target does not match another app (SharePoint's ID, Teams)",
		target: allowed(appTarget(SHAREPOINT_APP_ID)),
		application: 'Office365',
		passes: false
	}
];

describe('M2 application targets', () => {
	for (const testCase of M2_CASES) {
		it(testCase.name, () => {
			const { target, application, passes } = testCase;
			const s = scenario()
				.openDefaults()
				.partnerDirectConnect('fabrikam', 'contoso', 'outbound', b2b(allowed(ALL_USERS), target))
				.build();
			const result = evaluateAttempt(s, attempt({ application }));
			const step = stepOf(result, 'outbound');
			expect(step.outcome).toBe(passes ? 'passed' : 'failed');
			expect(step.rules).toContain('M2');
			if (!passes) {
				expect(result.errorCode).toBe(ERROR_OUTBOUND);
				expect(step.settingPath).toBe(
					`partners[${IDS.contoso}].b2bDirectConnectOutbound.applications`
				);
			}
		});
	}

	const OWN_APP_CASES = [
		{ keyword: 'AllApplications', target: ALL_APPLICATIONS, matches: true },
		{ keyword: 'Office365', target: OFFICE365, matches: false },
		{ keyword: 'AllMicrosoftApps', target: ALL_MICROSOFT_APPS, matches: false },
		{ keyword: 'its own app ID', target: appTarget(IDS.contosoExpenses), matches: true }
	];

	for (const testCase of OWN_APP_CASES) {
		it(`M2: a tenant's own app matches ${testCase.keyword}: ${testCase.matches}`, () => {
			const { target, matches } = testCase;
			const result = permits(setting(allowed(ALL_USERS), allowed(target)), subject(false, OWN_APP));
			expect(result.permitted).toBe(matches);
			expect(result.appMatch === null).toBe(!matches);
		});
	}
});
