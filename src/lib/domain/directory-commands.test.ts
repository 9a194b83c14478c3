import { describe, expect, it } from 'vitest';
import { loadFrozen } from './test-fixtures/frozen.ts';
import {
	addTenant,
	nextLayoutPosition,
	removeTenant,
	removeTenantImpact,
	tenantFieldErrors
} from './directory-commands.ts';
import {
	addApplication,
	removeApplication,
	removeApplicationImpact,
	removeCaPolicy,
	saveCaPolicy,
	updateApplication
} from './directory-apps.ts';
import {
	addGroup,
	addUser,
	nestedMembership,
	removeGroup,
	removeUser,
	removeUserImpact,
	updateGroup,
	updateUser,
	userFieldErrors
} from './directory-objects.ts';
import { tenantPatchImpact, updateTenantProperties } from './tenant-properties.ts';
import { draftFromPolicy, newCaDraft, policyFromDraft } from './ca-policy-draft.ts';
import { evaluateAttempt } from './engine/index.ts';
import { emptyScenario, newTenant } from './factory.ts';
import { parseScenario } from './parse.ts';
import type { Scenario, Tenant } from './schema.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example3 from '../examples/example-3-mfa-trust-and-auto-redemption.json';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';
const ADELE = 'a8f6363b-0387-487b-b2a0-7fb808fd6c7c';
const MEGAN = '542ea570-2260-4a1c-98fe-7da4a0aa9e5d';
const SALES = 'd5b1cd2d-0b0c-44fd-adc4-f8523110bc75';
const NEW_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const APP_ID = '6a1c9f3e-2b7d-4c1a-9e8f-0d2b3c4d5e6f';

/** The result must still be a valid scenario document, and a JSON round trip must keep it. */
function expectParses(s: Scenario): void {
	const parsed = parseScenario(JSON.parse(JSON.stringify(s)));
	expect(parsed.ok ? [] : parsed.errors).toEqual([]);
}

function tenant(s: Scenario, id: string): Tenant {
	const t = s.tenants.find((x) => x.tenantId === id);
	if (!t) throw new Error(id);
	return t;
}

describe('tenants', () => {
	it('adds a tenant made by newTenant (D1-D5) and places it on a free spot of the graph', () => {
		const s = loadFrozen(example1);
		const next = addTenant(s, newTenant('Woodgrove', 'woodgrove.com', NEW_ID));
		expectParses(next);
		expect(next.tenants.map((t) => t.displayName)).toContain('Woodgrove');
		const spot = next.layout?.[NEW_ID];
		expect(spot).toBeDefined();
		for (const [id, p] of Object.entries(s.layout ?? {}))
			expect(p.x === spot?.x && p.y === spot?.y, id).toBe(false);
	});

	it('adds the first tenant of an empty scenario at the origin', () => {
		const next = addTenant(emptyScenario('Empty'), newTenant('Woodgrove', 'woodgrove.com', NEW_ID));
		expectParses(next);
		expect(next.layout).toEqual({ [NEW_ID]: { x: 0, y: 0 } });
		expect(nextLayoutPosition(next.layout)).toEqual({ x: 420, y: 0 });
	});

	it('refuses a duplicate domain (any case) or tenant ID, as the parser does', () => {
		const s = loadFrozen(example1);
		const dupDomain = newTenant('Contoso 2', 'CONTOSO.com', NEW_ID);
		expect(tenantFieldErrors(s, dupDomain).map((e) => e.field)).toEqual(['domain']);
		expect(addTenant(s, dupDomain)).toBe(s);
		const dupId = newTenant('Other', 'other.com', CONTOSO);
		expect(tenantFieldErrors(s, dupId)[0]?.message).toMatch(/Contoso already has this tenant ID/);
		expect(addTenant(s, dupId)).toBe(s);
		expect(
			tenantFieldErrors(s, { displayName: 'x', domain: 'no spaces.com', tenantId: 'abc' })
		).toHaveLength(2);
	});

	it('updates name, cloud (A4) and licence (V6)', () => {
		const s = loadFrozen(example1);
		const next = updateTenantProperties(s, NORTHWIND, {
			displayName: 'Northwind',
			cloud: 'usGovernment',
			license: 'free'
		});
		expectParses(next);
		expect(tenant(next, NORTHWIND)).toMatchObject({
			displayName: 'Northwind',
			cloud: 'usGovernment',
			license: 'free'
		});
		expect(tenant(s, NORTHWIND).displayName).toBe('Northwind Traders');
	});

	it('a new domain rewrites the users\u2019 UPN suffixes and the attempts naming them', () => {
		const s = loadFrozen(example1);
		const patch = { domain: 'fabrikam.net' };
		expect(tenantPatchImpact(s, FABRIKAM, patch)).toEqual({ upns: 3, attempts: 4, references: 0 });
		const next = updateTenantProperties(s, FABRIKAM, patch);
		expectParses(next);
		expect(tenant(next, FABRIKAM).users.map((u) => u.userPrincipalName)).toEqual([
			'alex@fabrikam.net',
			'diego@fabrikam.net',
			'isaiah@fabrikam.net'
		]);
		expect(next.attempts?.[0]?.user).toBe('alex@fabrikam.net');
		expect(next.attempts?.[1]?.resourceTenant).toBe('fabrikam.net');
		// The outcomes do not change: only names moved.
		for (const [i, a] of (next.attempts ?? []).entries())
			expect(evaluateAttempt(next, a).outcome).toBe(evaluateAttempt(s, s.attempts![i]!).outcome);
	});

	it('refuses a domain another tenant uses', () => {
		const s = loadFrozen(example1);
		expect(updateTenantProperties(s, FABRIKAM, { domain: 'contoso.com' })).toBe(s);
	});

	it('a new tenant ID moves partner entries, CA tenant lists, layout and attempts with it', () => {
		const s = loadFrozen(example1);
		const withPolicy = saveCaPolicy(s, CONTOSO, {
			...policyFromDraft({
				...newCaDraft('p1'),
				displayName: 'MFA',
				includeTenants: 'enumerated',
				includeMembers: [FABRIKAM]
			})
		});
		const impact = tenantPatchImpact(withPolicy, FABRIKAM, { tenantId: NEW_ID });
		expect(impact.references).toBe(2);
		const next = updateTenantProperties(withPolicy, FABRIKAM, { tenantId: NEW_ID });
		expectParses(next);
		expect(tenant(next, CONTOSO).crossTenantAccessPolicy.partners[0]?.tenantId).toBe(NEW_ID);
		expect(
			tenant(next, CONTOSO).conditionalAccessPolicies?.[0]?.conditions.users
				?.includeGuestsOrExternalUsers?.externalTenants?.members
		).toEqual([NEW_ID]);
		expect(next.layout?.[NEW_ID]).toEqual(s.layout?.[FABRIKAM]);
		expect(next.layout?.[FABRIKAM]).toBeUndefined();
		// The renamed tenant is still the one the policy covers (S3: MFA untrusted, so blocked).
		expect(evaluateAttempt(withPolicy, withPolicy.attempts![0]!).step).toBe('conditionalAccess');
		expect(evaluateAttempt(next, next.attempts![0]!).step).toBe('conditionalAccess');
	});

	it('removing a tenant drops its attempts and layout, and leaves partner entries as external tenants', () => {
		const s = loadFrozen(example1);
		expect(removeTenantImpact(s, FABRIKAM)).toEqual({ attempts: 4, partnerEntries: 1 });
		const next = removeTenant(s, FABRIKAM);
		expectParses(next);
		expect(next.tenants).toHaveLength(2);
		expect(next.attempts).toHaveLength(2);
		expect(next.layout?.[FABRIKAM]).toBeUndefined();
		expect(tenant(next, CONTOSO).crossTenantAccessPolicy.partners[0]?.tenantId).toBe(FABRIKAM);
	});

	it('removing every tenant leaves an empty but valid scenario', () => {
		let s = loadFrozen(example3);
		for (const t of s.tenants) s = removeTenant(s, t.tenantId);
		expectParses(s);
		expect(s.tenants).toEqual([]);
		expect(s.attempts).toEqual([]);
	});
});

describe('users', () => {
	it('adds a user whose UPN ends with @domain; refuses any other suffix', () => {
		const s = loadFrozen(example1);
		const user = {
			id: NEW_ID,
			displayName: 'Nestor Wilke',
			userPrincipalName: 'nestor@contoso.com'
		};
		const next = addUser(s, CONTOSO, user);
		expectParses(next);
		expect(tenant(next, CONTOSO).users).toHaveLength(3);
		const wrong = { ...user, userPrincipalName: 'nestor@fabrikam.com' };
		expect(userFieldErrors(tenant(s, CONTOSO), wrong)[0]?.message).toMatch(/@contoso\.com/);
		expect(addUser(s, CONTOSO, wrong)).toBe(s);
		expect(addUser(s, CONTOSO, { ...user, userPrincipalName: 'ADELE@contoso.com' })).toBe(s);
	});

	it('V7: updates the SMS sign-in flag; a new UPN follows into attempts', () => {
		const s = loadFrozen(example1);
		const sms = updateUser(s, CONTOSO, ADELE, { smsSignIn: true });
		expectParses(sms);
		expect(tenant(sms, CONTOSO).users[0]?.smsSignIn).toBe(true);
		const renamed = updateUser(s, CONTOSO, ADELE, { userPrincipalName: 'adele.vance@contoso.com' });
		expectParses(renamed);
		expect(renamed.attempts?.[1]?.user).toBe('adele.vance@contoso.com');
		expect(updateUser(s, CONTOSO, ADELE, { userPrincipalName: 'adele@elsewhere.com' })).toBe(s);
	});

	it('removing a user removes it from groups and removes the attempts naming it', () => {
		const s = loadFrozen(example1);
		expect(removeUserImpact(s, CONTOSO, ADELE)).toEqual({ groups: 0, attempts: 2 });
		expect(removeUserImpact(s, CONTOSO, MEGAN)).toEqual({ groups: 1, attempts: 0 });
		const next = removeUser(removeUser(s, CONTOSO, ADELE), CONTOSO, MEGAN);
		expectParses(next);
		expect(next.attempts).toHaveLength(4);
		expect(tenant(next, CONTOSO).groups[0]?.members).toEqual([]);
	});
});

describe('groups', () => {
	it('A3: a group can contain another group; nested membership is transitive', () => {
		const s = loadFrozen(example1);
		const all = { id: NEW_ID, displayName: 'Everyone', members: [SALES, ADELE] };
		const next = addGroup(s, CONTOSO, all);
		expectParses(next);
		const nested = nestedMembership(tenant(next, CONTOSO), NEW_ID);
		expect(nested.users.map((u) => u.displayName)).toEqual(['Adele Vance', 'Megan Bowen']);
		expect(nested.groups.map((g) => g.displayName)).toEqual(['Sales']);
		expect(nested.loop).toBe(false);
	});

	it('refuses a group containing itself directly; a loop through another group is reported', () => {
		const s = loadFrozen(example1);
		expect(updateGroup(s, CONTOSO, SALES, { members: [SALES] })).toBe(s);
		const outer = addGroup(s, CONTOSO, { id: NEW_ID, displayName: 'Outer', members: [SALES] });
		const looped = updateGroup(outer, CONTOSO, SALES, { members: [MEGAN, NEW_ID] });
		expectParses(looped);
		expect(nestedMembership(tenant(looped, CONTOSO), SALES).loop).toBe(true);
	});

	it('updates name and members; refuses members that are not in the tenant', () => {
		const s = loadFrozen(example1);
		const next = updateGroup(s, CONTOSO, SALES, {
			displayName: 'Sales team',
			members: [MEGAN, ADELE]
		});
		expectParses(next);
		expect(tenant(next, CONTOSO).groups[0]).toMatchObject({
			displayName: 'Sales team',
			members: [MEGAN, ADELE]
		});
		expect(
			updateGroup(s, CONTOSO, SALES, { members: ['e065ac0a-80ea-4e6a-aa20-586ba1485463'] })
		).toBe(s);
	});

	it('removing a group removes it from the groups that contained it', () => {
		const s = addGroup(loadFrozen(example1), CONTOSO, {
			id: NEW_ID,
			displayName: 'Outer',
			members: [SALES]
		});
		const next = removeGroup(s, CONTOSO, SALES);
		expectParses(next);
		expect(tenant(next, CONTOSO).groups).toEqual([
			{ id: NEW_ID, displayName: 'Outer', members: [] }
		]);
	});
});

describe('applications', () => {
	it('adds, renames and removes an own app; removal drops attempts that open it', () => {
		const s = loadFrozen(example1);
		const added = addApplication(s, CONTOSO, { appId: APP_ID, displayName: 'Expenses' });
		expectParses(added);
		const renamed = updateApplication(added, CONTOSO, APP_ID, { displayName: 'Expense reports' });
		expect(tenant(renamed, CONTOSO).applications).toEqual([
			{ appId: APP_ID, displayName: 'Expense reports' }
		]);
		const withAttempt: Scenario = {
			...renamed,
			attempts: [
				...(renamed.attempts ?? []),
				{
					name: 'S0 own app',
					user: 'alex@fabrikam.com',
					resourceTenant: 'contoso.com',
					application: APP_ID
				}
			]
		};
		expectParses(withAttempt);
		expect(removeApplicationImpact(withAttempt, CONTOSO, APP_ID)).toEqual({ attempts: 1 });
		const removed = removeApplication(withAttempt, CONTOSO, APP_ID);
		expectParses(removed);
		expect(removed.attempts).toHaveLength(6);
	});

	it('refuses a Microsoft app ID, a duplicate or a non-GUID app ID', () => {
		const s = addApplication(loadFrozen(example1), CONTOSO, {
			appId: APP_ID,
			displayName: 'Expenses'
		});
		for (const appId of ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', APP_ID, 'expenses'])
			expect(addApplication(s, CONTOSO, { appId, displayName: 'X' })).toBe(s);
	});
});

describe('Conditional Access policies', () => {
	it('S3: adds a policy requiring MFA of direct connect users; without trust it blocks', () => {
		const s = loadFrozen(example1);
		const policy = policyFromDraft({
			...newCaDraft(NEW_ID),
			displayName: 'MFA for direct connect'
		});
		const next = saveCaPolicy(s, CONTOSO, policy);
		expectParses(next);
		expect(policy.conditions.users?.includeGuestsOrExternalUsers).toEqual({
			guestOrExternalUserTypes: 'b2bDirectConnectUser',
			externalTenants: {
				'@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants',
				membershipKind: 'all'
			}
		});
		const result = evaluateAttempt(next, next.attempts![0]!);
		expect(result.outcome).toBe('blocked');
	});

	it('updates a policy keeping unknown properties, and removes it', () => {
		const s = loadFrozen(example3);
		const contoso = s.tenants[0]!;
		const existing = contoso.conditionalAccessPolicies![0]!;
		const draft = {
			...draftFromPolicy(existing),
			state: 'enabledForReportingButNotEnforced' as const
		};
		const next = saveCaPolicy(s, contoso.tenantId, policyFromDraft(draft, existing));
		expectParses(next);
		const saved = next.tenants[0]!.conditionalAccessPolicies![0]!;
		expect(saved.state).toBe('enabledForReportingButNotEnforced');
		expect(saved.conditions.clientAppTypes).toEqual(['all']);
		expect(next.tenants[0]!.conditionalAccessPolicies).toHaveLength(1);
		const removed = removeCaPolicy(next, contoso.tenantId, existing.id);
		expectParses(removed);
		expect(removed.tenants[0]!.conditionalAccessPolicies).toEqual([]);
	});
});
