import { describe, expect, it } from 'vitest';
import { loadFrozen } from './test-fixtures/frozen.ts';
import { setDirectConnect } from './commands.ts';
import { evaluateAttempt } from './engine/index.ts';
import { findExternalUser, splitName } from './invitation.ts';
import type { Scenario, Tenant } from './schema.ts';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example2 from '../examples/example-2-fabrikam-marketing-only.json';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';
const ALLOW_ALL = {
	usersAndGroups: {
		accessType: 'allowed' as const,
		targets: [{ target: 'AllUsers', targetType: 'user' as const }]
	},
	applications: {
		accessType: 'allowed' as const,
		targets: [{ target: 'AllApplications', targetType: 'application' as const }]
	}
};

function withTenant(scenario: Scenario, id: string, change: (t: Tenant) => Tenant): Scenario {
	return { ...scenario, tenants: scenario.tenants.map((t) => (t.tenantId === id ? change(t) : t)) };
}

describe('findExternalUser (Teams shared channel search)', () => {
	const ex2 = loadFrozen(example2);

	it('S1+S2: a Marketing member of Fabrikam is found from Contoso, first and last name only', () => {
		expect(findExternalUser(ex2, CONTOSO, 'alex@fabrikam.com')).toEqual({
			found: true,
			user: { firstName: 'Alex', lastName: 'Wilber' },
			organization: 'Fabrikam',
			rules: ['S1', 'S2'],
			assumptions: []
		});
	});

	it('the address is matched whole, ignoring case and surrounding spaces', () => {
		expect(findExternalUser(ex2, CONTOSO, '  Alex@Fabrikam.COM ')).toMatchObject({ found: true });
	});

	it('S1+S2: both sides leave Isaiah out, so both admins are named', () => {
		const result = findExternalUser(ex2, CONTOSO, 'isaiah@fabrikam.com');
		expect(result).toMatchObject({ found: false, admin: 'both', rules: ['S1', 'S2'] });
		if (result.found) throw new Error('unreachable');
		expect(result.reason).toContain("Fabrikam's admin");
		expect(result.reason).toContain("Contoso's admin");
		expect(result.reason).not.toContain('Isaiah');
		expect(result.blocking.map((b) => [b.tenantName, b.step])).toEqual([
			['Fabrikam', 'outbound'],
			['Contoso', 'inbound']
		]);
		expect(result.blocking[0]?.settingPath).toBe(
			`partners[${CONTOSO}].b2bDirectConnectOutbound.usersAndGroups`
		);
	});

	it('S1: when only the home tenant blocks, only its admin can change that', () => {
		const contosoLetsAllIn = setDirectConnect(ex2, {
			tenantId: CONTOSO,
			partnerTenantId: FABRIKAM,
			direction: 'inbound',
			...ALLOW_ALL
		});
		const result = findExternalUser(contosoLetsAllIn, CONTOSO, 'isaiah@fabrikam.com');
		expect(result).toMatchObject({ found: false, admin: 'home', rules: ['S1'] });
		if (!result.found) expect(result.reason).toContain("Only Fabrikam's admin");
	});

	it('S2: Northwind lets everyone out, but Contoso does not let them in: the resource admin', () => {
		const result = findExternalUser(loadFrozen(example1), CONTOSO, 'lynne@northwind.com');
		expect(result).toMatchObject({ found: false, admin: 'resource', rules: ['S2'] });
		if (!result.found) expect(result.reason).toContain("Contoso's admin");
	});

	it('S3/S4 do not hide anybody: a Conditional Access block still finds the person', () => {
		const blockAll = withTenant(loadFrozen(example1), CONTOSO, (t) => ({
			...t,
			conditionalAccessPolicies: [
				{
					id: 'ca-block',
					displayName: 'Block everyone',
					state: 'enabled',
					conditions: {
						users: { includeUsers: ['All'] },
						applications: { includeApplications: ['All'] }
					},
					grantControls: { operator: 'OR', builtInControls: ['block'] }
				}
			]
		}));
		const attempt = {
			name: 'x',
			user: 'alex@fabrikam.com',
			resourceTenant: 'contoso.com',
			application: 'Office365'
		};
		expect(evaluateAttempt(blockAll, attempt).step).toBe('conditionalAccess');
		expect(findExternalUser(blockAll, CONTOSO, 'alex@fabrikam.com')).toMatchObject({ found: true });
	});

	it('an unknown domain: no organization with that domain is set up here', () => {
		const result = findExternalUser(ex2, CONTOSO, 'megan@litware.com');
		expect(result).toMatchObject({ found: false, admin: null });
		if (!result.found) expect(result.reason).toMatch(/^No organization with that domain/);
	});

	it('a person who does not exist: nobody matches, without naming anyone', () => {
		expect(findExternalUser(ex2, CONTOSO, 'nobody@fabrikam.com')).toEqual({
			found: false,
			reason: 'Nobody matches that address.',
			admin: null,
			rules: [],
			assumptions: [],
			blocking: []
		});
	});

	it.each(['alex', 'alex@', '@fabrikam.com', 'alex@fabrikam', 'Alex Wilber'])(
		'a partial address (%s) asks for the full email address',
		(typed) => {
			const result = findExternalUser(ex2, CONTOSO, typed);
			expect(result).toMatchObject({ found: false, admin: null });
			if (!result.found) expect(result.reason).toMatch(/^Type the full email address/);
		}
	);

	it("the channel's own organization: add them as a member", () => {
		const result = findExternalUser(ex2, CONTOSO, 'adele@contoso.com');
		expect(result).toMatchObject({ found: false, admin: null });
		if (!result.found) expect(result.reason).toContain('as members of the channel');
	});

	it('S0/A4: a person in another Microsoft cloud is never found, and no admin can change that', () => {
		const split = withTenant(loadFrozen(example1), FABRIKAM, (t) => ({
			...t,
			cloud: 'usGovernment'
		}));
		const result = findExternalUser(split, CONTOSO, 'alex@fabrikam.com');
		expect(result).toMatchObject({
			found: false,
			admin: null,
			rules: ['S0'],
			assumptions: ['A4']
		});
	});

	it('a resource tenant that is not in the scenario asks to choose one', () => {
		expect(findExternalUser(ex2, NORTHWIND + 'x', 'alex@fabrikam.com')).toMatchObject({
			found: false,
			admin: null
		});
	});
});

describe('findExternalUser: assumptions that decide the search (A3)', () => {
	const INTERNS = '0b7c1a5e-1111-4222-8333-444455556666';
	const ISAIAH = '55822dd5-b953-4774-ad2b-27806fa7bc82';
	const MARKETING = 'fcd7839f-e457-4155-9cc5-aa28fc98faf7';
	/** Example 2 with Isaiah in Interns, and Interns inside Marketing: Isaiah is a nested member. */
	const nestedIsaiah = (): Scenario =>
		withTenant(loadFrozen(example2), FABRIKAM, (t) => ({
			...t,
			groups: [
				...t.groups.map((g) =>
					g.id === MARKETING ? { ...g, members: [...g.members, INTERNS] } : g
				),
				{ id: INTERNS, displayName: 'Interns', members: [ISAIAH] }
			]
		}));

	it('A3 transitive: a nested member of Marketing is found, and the result says A3 decided', () => {
		expect(findExternalUser(nestedIsaiah(), CONTOSO, 'isaiah@fabrikam.com')).toMatchObject({
			found: true,
			rules: ['S1', 'S2'],
			assumptions: ['A3']
		});
	});

	it('A3 direct: the same person is not found, both sides leave them out, A3 is named', () => {
		const direct = { ...nestedIsaiah(), options: { groupMembership: 'direct' as const } };
		const result = findExternalUser(direct, CONTOSO, 'isaiah@fabrikam.com');
		expect(result).toMatchObject({
			found: false,
			admin: 'both',
			rules: ['S1', 'S2'],
			assumptions: ['A3']
		});
	});

	it('a direct member carries no A3: the option would not change the outcome', () => {
		const direct = { ...nestedIsaiah(), options: { groupMembership: 'direct' as const } };
		expect(findExternalUser(direct, CONTOSO, 'alex@fabrikam.com')).toMatchObject({
			found: true,
			assumptions: []
		});
	});

	it('A1: a half-filled partner setting that decides is named too', () => {
		const half = withTenant(loadFrozen(example2), CONTOSO, (t) => ({
			...t,
			crossTenantAccessPolicy: {
				...t.crossTenantAccessPolicy,
				partners: t.crossTenantAccessPolicy.partners.map((p) =>
					p.tenantId === FABRIKAM
						? {
								...p,
								b2bDirectConnectInbound: {
									usersAndGroups: p.b2bDirectConnectInbound?.usersAndGroups ?? null
								}
							}
						: p
				)
			}
		}));
		const result = findExternalUser(half, CONTOSO, 'alex@fabrikam.com');
		expect(result).toMatchObject({ found: false, admin: 'resource' });
		expect(result.assumptions).toContain('A1');
	});
});

describe('splitName', () => {
	it.each([
		['Alex Wilber', 'Alex', 'Wilber'],
		['  Isaiah  Langer ', 'Isaiah', 'Langer'],
		['Mary Ann de la Cruz', 'Mary', 'Ann de la Cruz'],
		['Cher', 'Cher', '']
	])('%s → %s / %s', (name, firstName, lastName) => {
		expect(splitName(name)).toEqual({ firstName, lastName });
	});
});
