/**
 * fast-check arbitraries for valid scenarios: two or three tenants with users, nested groups, partner
 * entries (including null halves and null trust booleans), Conditional Access policies, options and
 * attempts. Property tests use them to compare the machine with the engine, links with files, and
 * imports with exports. Targets are drawn from every tenant's objects on purpose, so some name
 * objects of the wrong tenant, as real exports do.
 */
import fc from 'fast-check';
import { TEAMS_APP_ID } from '../microsoft-apps.ts';
import type {
	Attempt,
	B2BSetting,
	ConditionalAccessPolicy,
	ConfigurationPartner,
	InboundTrust,
	Scenario,
	TargetConfiguration,
	Tenant
} from '../schema.ts';

const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';
const tenantId = (i: number) => `0000000${i}-0000-4000-8000-000000000000`;
const userId = (t: number, u: number) => `1000000${t}-000${u}-4000-8000-000000000000`;
const groupId = (t: number, g: number) => `2000000${t}-000${g}-4000-8000-000000000000`;
const ownAppId = (t: number) => `3000000${t}-0000-4000-8000-000000000000`;

interface Shape {
	tenants: number;
	users: number[];
	groups: number[];
}

const shapeArb: fc.Arbitrary<Shape> = fc.integer({ min: 2, max: 3 }).chain((tenants) =>
	fc.record({
		tenants: fc.constant(tenants),
		users: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: tenants, maxLength: tenants }),
		groups: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: tenants, maxLength: tenants })
	})
);

function usersHalf(shape: Shape): fc.Arbitrary<TargetConfiguration> {
	const ids: { target: string; targetType: 'user' | 'group' }[] = [];
	shape.users.forEach((n, t) => {
		for (let u = 0; u < n; u++) ids.push({ target: userId(t, u), targetType: 'user' });
	});
	shape.groups.forEach((n, t) => {
		for (let g = 0; g < n; g++) ids.push({ target: groupId(t, g), targetType: 'group' });
	});
	const allowAll = {
		accessType: 'allowed' as const,
		targets: [{ target: 'AllUsers', targetType: 'user' as const }]
	};
	return fc.oneof(
		{ weight: 3, arbitrary: fc.constant(allowAll) },
		{
			weight: 2,
			arbitrary: fc.record({
				accessType: fc.constantFrom('allowed' as const, 'blocked' as const),
				targets: fc.oneof(
					fc.constant<TargetConfiguration['targets']>([{ target: 'AllUsers', targetType: 'user' }]),
					fc.subarray(ids, { minLength: 1, maxLength: Math.min(3, ids.length) })
				)
			})
		}
	);
}

function appsHalf(shape: Shape): fc.Arbitrary<TargetConfiguration> {
	const keywords = [
		'AllApplications',
		'Office365',
		'AllMicrosoftApps',
		TEAMS_APP_ID,
		SHAREPOINT_APP_ID
	];
	const all = [...keywords, ...shape.users.map((_, t) => ownAppId(t))];
	const allowAll = {
		accessType: 'allowed' as const,
		targets: [{ target: 'AllApplications', targetType: 'application' as const }]
	};
	return fc.oneof(
		{ weight: 3, arbitrary: fc.constant(allowAll) },
		{
			weight: 2,
			arbitrary: fc.record({
				accessType: fc.constantFrom('allowed' as const, 'blocked' as const),
				targets: fc
					.subarray(all, { minLength: 1, maxLength: 2 })
					.map((list) => list.map((target) => ({ target, targetType: 'application' as const })))
			})
		}
	);
}

function b2bSetting(shape: Shape): fc.Arbitrary<B2BSetting | null> {
	return fc.oneof(
		{ weight: 1, arbitrary: fc.constant(null) },
		{
			weight: 6,
			arbitrary: fc.record({
				usersAndGroups: fc.option(usersHalf(shape), { freq: 6, nil: null }),
				applications: fc.option(appsHalf(shape), { freq: 6, nil: null })
			})
		}
	);
}

const maybeBool = fc.constantFrom(true, false, null);
const trustArb: fc.Arbitrary<InboundTrust | null> = fc.option(
	fc.record({
		isMfaAccepted: fc.constantFrom(true, true, false, null),
		isCompliantDeviceAccepted: maybeBool,
		isHybridAzureADJoinedDeviceAccepted: maybeBool
	}),
	{ freq: 3, nil: null }
);

function partnerArb(shape: Shape, other: number): fc.Arbitrary<ConfigurationPartner> {
	return fc.record({
		tenantId: fc.constant(tenantId(other)),
		b2bDirectConnectInbound: b2bSetting(shape),
		b2bDirectConnectOutbound: b2bSetting(shape),
		inboundTrust: trustArb,
		automaticUserConsentSettings: fc.option(
			fc.record({ inboundAllowed: maybeBool, outboundAllowed: maybeBool }),
			{ freq: 3, nil: null }
		)
	});
}

function policyArb(shape: Shape, t: number, p: number): fc.Arbitrary<ConditionalAccessPolicy> {
	const tenants = shape.users.map((_, i) => tenantId(i));
	return fc.record({
		id: fc.constant(`4000000${t}-000${p}-4000-8000-000000000000`),
		displayName: fc.constant(`Policy ${p + 1}`),
		state: fc.constantFrom(
			'enabled' as const,
			'enabled' as const,
			'disabled' as const,
			'enabledForReportingButNotEnforced' as const
		),
		conditions: fc.record({
			users: fc.oneof(
				fc.constant({ includeUsers: ['All'] as string[] }),
				fc.record({
					includeUsers: fc.constant([] as string[]),
					includeGuestsOrExternalUsers: fc.record({
						guestOrExternalUserTypes: fc.constantFrom(
							'b2bDirectConnectUser',
							'b2bCollaborationGuest,b2bDirectConnectUser',
							'b2bCollaborationGuest'
						),
						externalTenants: fc.oneof(
							fc.constant({ membershipKind: 'all' as const }),
							fc.record({
								membershipKind: fc.constant('enumerated' as const),
								members: fc.subarray(tenants)
							})
						)
					})
				})
			),
			applications: fc.record({
				includeApplications: fc.constantFrom(
					['All'],
					['Office365'],
					[TEAMS_APP_ID],
					[SHAREPOINT_APP_ID]
				),
				excludeApplications: fc.constantFrom<string[]>([], [SHAREPOINT_APP_ID])
			})
		}),
		grantControls: fc.record({
			operator: fc.constantFrom('AND' as const, 'OR' as const),
			builtInControls: fc.oneof(
				fc.constant<string[]>(['mfa']),
				fc.subarray(
					['mfa', 'compliantDevice', 'domainJoinedDevice', 'block', 'approvedApplication'],
					{ maxLength: 2 }
				)
			)
		})
	});
}

function tenantArb(shape: Shape, t: number): fc.Arbitrary<Tenant> {
	const others = shape.users.map((_, i) => i).filter((i) => i !== t);
	return fc.record({
		tenantId: fc.constant(tenantId(t)),
		displayName: fc.constant(`Tenant ${t}`),
		domain: fc.constant(`t${t}.example`),
		cloud: fc.oneof(
			{ weight: 12, arbitrary: fc.constant('global' as const) },
			{ weight: 1, arbitrary: fc.constant('usGovernment' as const) }
		),
		license: fc.constantFrom('p1' as const, 'p2' as const, 'free' as const),
		users: fc.constant(
			Array.from({ length: shape.users[t] ?? 1 }, (_, u) => ({
				id: userId(t, u),
				displayName: `User ${t}.${u}`,
				userPrincipalName: `u${u}@t${t}.example`
			}))
		),
		// Group g holds some users and possibly group g-1, so membership can be nested.
		groups: fc.tuple(
			...Array.from({ length: shape.groups[t] ?? 0 }, (_, g) =>
				fc
					.tuple(
						fc.subarray(Array.from({ length: shape.users[t] ?? 1 }, (_, u) => userId(t, u))),
						fc.boolean()
					)
					.map(([members, nest]) => ({
						id: groupId(t, g),
						displayName: `Group ${t}.${g}`,
						members: nest && g > 0 ? [...members, groupId(t, g - 1)] : members
					}))
			)
		),
		applications: fc.constant([{ appId: ownAppId(t), displayName: `App of tenant ${t}` }]),
		crossTenantAccessPolicy: fc.record({
			default: fc.record({
				b2bDirectConnectInbound: b2bSetting(shape),
				b2bDirectConnectOutbound: b2bSetting(shape),
				inboundTrust: trustArb
			}),
			partners: fc
				.tuple(...others.map((o) => fc.option(partnerArb(shape, o), { freq: 4, nil: null })))
				.map((list) => list.filter((p): p is ConfigurationPartner => p !== null))
		}),
		conditionalAccessPolicies: fc
			.tuple(policyArb(shape, t, 0), policyArb(shape, t, 1))
			.chain((ps) => fc.subarray(ps))
	});
}

function attemptArb(shape: Shape): fc.Arbitrary<Attempt> {
	const users = shape.users.flatMap((n, t) =>
		Array.from({ length: n }, (_, u) => ({ t, upn: `u${u}@t${t}.example` }))
	);
	const app = fc.oneof(
		{ weight: 8, arbitrary: fc.constantFrom('Office365', TEAMS_APP_ID, SHAREPOINT_APP_ID) },
		{ weight: 1, arbitrary: fc.constant('own') }
	);
	const target = fc
		.tuple(fc.constantFrom(...users), fc.nat({ max: 9 }), fc.nat({ max: shape.tenants - 2 }), app)
		.map(([user, same, offset, application]) => {
			// One attempt in ten stays inside the home tenant (S0); the rest cross to another tenant.
			const t = same === 0 ? user.t : (user.t + 1 + offset) % shape.tenants;
			return {
				user: user.upn,
				resourceTenant: `t${t}.example`,
				application: application === 'own' ? ownAppId(t) : application
			};
		});
	return fc
		.record({
			name: fc.constant('random attempt'),
			target,
			session: fc.record({
				mfa: fc.constantFrom(false, false, true),
				compliantDevice: fc.boolean(),
				hybridJoinedDevice: fc.boolean()
			}),
			priorConsent: fc.boolean(),
			answers: fc.record({
				consent: fc.constantFrom('accept' as const, 'decline' as const),
				homeMfa: fc.constantFrom('complete' as const, 'fail' as const)
			})
		})
		.map(({ target: t, ...rest }) => ({ ...rest, ...t }));
}

/** A valid scenario with one to three attempts. */
export const scenarioArb: fc.Arbitrary<Scenario> = shapeArb.chain((shape) =>
	fc.record({
		format: fc.constant('trustwalk/scenario' as const),
		version: fc.constant(1 as const),
		name: fc.constant('Random scenario'),
		options: fc.record({
			groupMembership: fc.constantFrom('transitive' as const, 'direct' as const),
			mfaTrustedButNotPerformed: fc.constantFrom(
				'homeChallenge' as const,
				'homeChallenge' as const,
				'block' as const
			)
		}),
		tenants: fc.tuple(...shape.users.map((_, t) => tenantArb(shape, t))),
		attempts: fc.array(attemptArb(shape), { minLength: 1, maxLength: 3 })
	})
);
