/**
 * The built-in lessons, in the order a newcomer should take them. Start scenarios are small: two
 * tenants built with the factory (service defaults D1-D5), or a bundled example with one setting
 * changed. Every solution is composed from the pure commands the editor uses.
 */
import example1 from '../../examples/example-1-fabrikam-all-users.json';
import example3 from '../../examples/example-3-mfa-trust-and-auto-redemption.json';
import { setAutoRedemption, setDirectConnect, setTrust, type Direction } from '../commands.ts';
import { removeTenant } from '../directory-commands.ts';
import { emptyScenario, newTenant } from '../factory.ts';
import { formatErrors, parseScenario } from '../parse.ts';
import type { ConditionalAccessPolicy, Scenario, TargetConfiguration } from '../schema.ts';
import { inheritProperty } from '../settings-commands.ts';
import type { GoalItem, Lesson } from './types.ts';

// ---- the cast (the same IDs as the bundled examples) ----

export const LESSON_IDS = {
	contoso: 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f',
	fabrikam: '201d4218-76fe-43f8-8068-c427b8ca391a',
	northwind: 'cc5527ad-b935-43e8-a9f3-7e400e1ca873',
	adele: 'a8f6363b-0387-487b-b2a0-7fb808fd6c7c',
	alex: 'e065ac0a-80ea-4e6a-aa20-586ba1485463',
	diego: 'f339ebdb-e8b9-4bff-8ba2-5dd8317eff81',
	isaiah: '55822dd5-b953-4774-ad2b-27806fa7bc82',
	marketing: 'fcd7839f-e457-4155-9cc5-aa28fc98faf7'
} as const;

const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';
const { contoso: CONTOSO, fabrikam: FABRIKAM } = LESSON_IDS;

const users = (target = 'AllUsers', accessType: 'allowed' | 'blocked' = 'allowed') =>
	({
		accessType,
		targets: [{ target, targetType: target === 'AllUsers' ? 'user' : 'group' }]
	}) satisfies TargetConfiguration;

const apps = (target = 'AllApplications', accessType: 'allowed' | 'blocked' = 'allowed') =>
	({ accessType, targets: [{ target, targetType: 'application' }] }) satisfies TargetConfiguration;

/** A partner tab that lets every user of the partner reach every app. */
function allowAll(s: Scenario, tenantId: string, partnerTenantId: string, direction: Direction) {
	return setDirectConnect(s, {
		tenantId,
		partnerTenantId,
		direction,
		usersAndGroups: users(),
		applications: apps()
	});
}

/** Fabrikam lets its users out to Contoso, and Contoso lets Fabrikam's users in. */
function fabrikamToContoso(s: Scenario): Scenario {
	return allowAll(allowAll(s, FABRIKAM, CONTOSO, 'outbound'), CONTOSO, FABRIKAM, 'inbound');
}

/** Contoso (the resource) and Fabrikam (the home tenant) as Entra creates them. */
function twoTenants(name: string, description: string): Scenario {
	const contoso = {
		...newTenant('Contoso', 'contoso.com', CONTOSO),
		users: [
			{ id: LESSON_IDS.adele, displayName: 'Adele Vance', userPrincipalName: 'adele@contoso.com' }
		]
	};
	const fabrikam = {
		...newTenant('Fabrikam', 'fabrikam.com', FABRIKAM),
		users: [
			{ id: LESSON_IDS.alex, displayName: 'Alex Wilber', userPrincipalName: 'alex@fabrikam.com' },
			{
				id: LESSON_IDS.diego,
				displayName: 'Diego Siciliani',
				userPrincipalName: 'diego@fabrikam.com'
			},
			{
				id: LESSON_IDS.isaiah,
				displayName: 'Isaiah Langer',
				userPrincipalName: 'isaiah@fabrikam.com'
			}
		],
		groups: [
			{
				id: LESSON_IDS.marketing,
				displayName: 'Marketing',
				members: [LESSON_IDS.alex, LESSON_IDS.diego]
			}
		]
	};
	return {
		...emptyScenario(name),
		description,
		tenants: [contoso, fabrikam],
		layout: { [CONTOSO]: { x: 0, y: 0 }, [FABRIKAM]: { x: 420, y: 0 } }
	};
}

function fromExample(document: unknown, name: string, description: string): Scenario {
	const parsed = parseScenario(document);
	if (!parsed.ok) throw new Error(`lesson example does not parse:\n${formatErrors(parsed.errors)}`);
	const small = removeTenant(parsed.scenario, LESSON_IDS.northwind);
	return { ...small, name, description, attempts: [] };
}

/** The goal attempts become the scenario's saved attempts, so the playground can run them too. */
function withGoal(s: Scenario, goal: readonly GoalItem[]): Scenario {
	return { ...s, attempts: goal.map((g) => ({ ...g.attempt, expect: g.expect })) };
}

const teams = (name: string, user: string, resourceTenant = 'contoso.com') => ({
	name,
	user,
	resourceTenant,
	application: 'Office365'
});

// ---- 1. mutual trust ----

const mutualGoal: GoalItem[] = [
	{
		attempt: teams('Alex opens a Contoso shared channel', 'alex@fabrikam.com'),
		expect: { outcome: 'granted' },
		text: 'Alex (Fabrikam) can open the Contoso shared channel'
	}
];

const mutualTrust: Lesson = {
	id: 'mutual-trust',
	title: 'Closed by default, and it takes two',
	rules: ['D1', 'S1', 'S2', 'R1', 'V6'],
	explanation: [
		'A brand-new tenant refuses B2B direct connect in both directions: every user and every application is blocked, for traffic leaving the tenant and for traffic arriving. Nothing works until an administrator changes that on purpose.',
		'Opening a shared channel crosses two borders. First the home tenant asks whether its own user may go out to the other organization (outbound). Then the resource tenant asks whether it lets that user in (inbound). Each admin controls only their own side, so both have to agree.',
		'Here Contoso hosts a Teams shared channel and Fabrikam owns Alex. Neither tenant has touched its settings yet. Add each other as organizations and open the right direction on each side; both sides need Entra ID P1 for direct connect.'
	].join('\n\n'),
	start: withGoal(
		twoTenants(
			'Lesson: closed by default',
			'Two tenants with the settings Entra gives a new tenant.'
		),
		mutualGoal
	),
	goal: mutualGoal,
	hints: [
		'Run the attempt and read the first failed step: which tenant decided it?',
		'Fabrikam is the home tenant: it has to let Alex out. Contoso is the resource tenant: it has to let Alex in.',
		'In Fabrikam add Contoso as an organization and allow all users and all applications on its B2B direct connect outbound tab. In Contoso add Fabrikam and do the same on the inbound tab.'
	],
	prediction: {
		attemptIndex: 0,
		step: 'outbound',
		question: 'Nobody has changed anything yet. Will Alex pass Fabrikam’s outbound check?',
		answer: false,
		explain:
			'No. Fabrikam’s default settings still block every user and every application outbound, so the attempt stops at home with AADSTS500212 before Contoso is even asked.'
	},
	solution: fabrikamToContoso,
	learned: [
		'Direct connect is off in a new tenant, inbound and outbound (D1).',
		'The home tenant decides outbound (S1); the resource tenant decides inbound (S2).',
		'Access needs both: mutual trust means two admins acting, one on each side.'
	]
};

// ---- 2. organizational settings over defaults ----

const partnerGoal: GoalItem[] = [
	{
		attempt: teams('Alex opens a Contoso shared channel', 'alex@fabrikam.com'),
		expect: { outcome: 'granted' },
		text: 'Alex (Fabrikam) can open the Contoso shared channel'
	}
];

const partnerOverDefault: Lesson = {
	id: 'partner-over-default',
	title: 'Organizational settings win, one tab at a time',
	rules: ['R1', 'D1', 'D5', 'S1', 'V8'],
	explanation: [
		'Each tenant has default settings that apply to every other organization, and may add an entry for a particular organization. For the organization it names, that entry beats the default. The rule is applied tab by tab: an entry whose outbound tab is customized and whose inbound tab is not uses its own outbound value and the default’s inbound value.',
		'So an admin who relaxed the default may still be blocked by an old entry written for one partner, and an admin who added a partner but did not customize a tab still gets the default there. Always look at where the deciding value comes from: the trace says "organizational settings" or "default settings".',
		'Fabrikam has opened its default outbound settings to everyone, but an older entry for Contoso still blocks outbound. Some entries cannot be deleted at all (a partner marked as a service provider), which is one more reason to know that setting a tab back to "inherit from default" is enough.'
	].join('\n\n'),
	start: withGoal(
		(() => {
			let s = twoTenants(
				'Lesson: organizational settings win',
				'Fabrikam’s default lets everyone out, but its entry for Contoso says otherwise.'
			);
			s = setDirectConnect(s, {
				tenantId: FABRIKAM,
				partnerTenantId: null,
				direction: 'outbound',
				usersAndGroups: users(),
				applications: apps()
			});
			s = setDirectConnect(s, {
				tenantId: FABRIKAM,
				partnerTenantId: CONTOSO,
				direction: 'outbound',
				usersAndGroups: users('AllUsers', 'blocked'),
				applications: apps('AllApplications', 'blocked')
			});
			return allowAll(s, CONTOSO, FABRIKAM, 'inbound');
		})(),
		partnerGoal
	),
	goal: partnerGoal,
	hints: [
		'The attempt stops at outbound. Which settings did the trace say decided it: default or organizational?',
		'Fabrikam’s entry for Contoso has its own outbound tab, and for Contoso that tab replaces the default.',
		'In Fabrikam’s entry for Contoso, set the B2B direct connect outbound tab back to inherit from the default (or allow all users and applications there).'
	],
	prediction: {
		attemptIndex: 0,
		step: 'outbound',
		question:
			'Fabrikam’s default settings allow every user out to every app. Will Alex pass Fabrikam’s outbound check for Contoso?',
		answer: false,
		explain:
			'No. Fabrikam has an entry for Contoso whose outbound tab is customized to block everyone; for Contoso it replaces the default, which is never read (R1).'
	},
	solution: (s) => inheritProperty(s, FABRIKAM, CONTOSO, 'b2bDirectConnectOutbound'),
	learned: [
		'An organization’s entry beats the default for that organization (R1).',
		'The rule works per tab: inbound, outbound and trust each inherit on their own.',
		'"Inherit from default" (null) is a real value: it sends the decision back to the default.'
	]
};

// ---- 3. scoping to a group ----

const scopeGoal: GoalItem[] = [
	{
		attempt: teams('Alex (Marketing) opens a Contoso shared channel', 'alex@fabrikam.com'),
		expect: { outcome: 'granted' },
		text: 'Alex, in Marketing, can open the Contoso shared channel'
	},
	{
		attempt: teams('Diego (Marketing) opens a Contoso shared channel', 'diego@fabrikam.com'),
		expect: { outcome: 'granted' },
		text: 'Diego, in Marketing, can open it too'
	},
	{
		attempt: teams('Isaiah (not in Marketing) tries the channel', 'isaiah@fabrikam.com'),
		expect: { outcome: 'blocked', step: 'outbound' },
		text: 'Isaiah, outside Marketing, is stopped by Fabrikam itself (outbound)'
	}
];

const scopeToGroup: Lesson = {
	id: 'scope-to-group',
	title: 'Only the Marketing team',
	rules: ['M1', 'M4', 'S1', 'V6', 'V7', 'A3'],
	explanation: [
		'Allowing all users is the quick start, but most organizations want to name who may collaborate. A users-and-groups list can name single users or groups; a group covers its members. Whether it also covers members of groups nested inside it is not documented: trustwalk assumes it does (A3), and the scenario can be switched to direct members only.',
		'The home tenant lists its own users and groups on its outbound tab. The resource tenant can also name the partner’s users and groups on its inbound tab, but it cannot see them: it has to ask the other admin for the object IDs.',
		'Fabrikam wants only its Marketing team in Contoso’s channels. The admin center cannot pick people who sign in with SMS as outbound targets; putting them in a group and targeting the group solves that. Naming specific users, groups or apps needs Entra ID P1 in the tenant being configured.'
	].join('\n\n'),
	start: withGoal(
		fromExample(
			example1,
			'Lesson: only the Marketing team',
			'Contoso and Fabrikam allow each other’s users, all of them, both ways.'
		),
		scopeGoal
	),
	goal: scopeGoal,
	hints: [
		'Who should stop Isaiah: Fabrikam (outbound) or Contoso (inbound)? The goal says outbound.',
		'On Fabrikam’s outbound tab for Contoso, replace "All users" with a group.',
		'In Fabrikam’s entry for Contoso, set B2B direct connect outbound users and groups to allowed, group Marketing; keep all applications allowed.'
	],
	prediction: {
		attemptIndex: 2,
		step: 'outbound',
		question: 'Before you change anything: will Isaiah pass Fabrikam’s outbound check?',
		answer: true,
		explain:
			'Yes. Fabrikam’s entry for Contoso allows all users, and Isaiah is one of them; the attempt goes on, and Contoso lets everyone from Fabrikam in as well.'
	},
	solution: (s) =>
		setDirectConnect(s, {
			tenantId: FABRIKAM,
			partnerTenantId: CONTOSO,
			direction: 'outbound',
			usersAndGroups: users(LESSON_IDS.marketing)
		}),
	learned: [
		'A group target covers the group’s members (M1); trustwalk assumes nested members count too (A3).',
		'Outbound lists name your own users and groups; inbound lists name the partner’s, by object ID (M4).',
		'Target a group when the portal cannot pick a user (SMS sign-in, V7); specific targets need P1 (V6).'
	]
};

// ---- 4. allowed versus blocked targets ----

const comboGoal: GoalItem[] = [
	{
		attempt: teams('Alex opens Teams at Contoso', 'alex@fabrikam.com'),
		expect: { outcome: 'granted' },
		text: 'Alex (Marketing) still opens the Contoso shared channel in Teams'
	},
	{
		attempt: {
			...teams('Alex opens SharePoint at Contoso', 'alex@fabrikam.com'),
			application: SHAREPOINT_APP_ID
		},
		expect: { outcome: 'blocked', step: 'inbound' },
		text: 'Alex (Marketing) cannot reach Contoso’s SharePoint'
	},
	{
		attempt: {
			...teams('Isaiah opens SharePoint at Contoso', 'isaiah@fabrikam.com'),
			application: SHAREPOINT_APP_ID
		},
		expect: { outcome: 'granted' },
		text: 'Isaiah (not in Marketing) can still reach Contoso’s SharePoint'
	}
];

const allowedVersusBlocked: Lesson = {
	id: 'allowed-versus-blocked',
	title: 'Allowed or blocked: the nine combinations',
	rules: ['M3', 'M1', 'M2', 'S2', 'V5'],
	explanation: [
		'Each tab has two lists, users and groups, and applications, and each list is either "allowed" or "blocked". An allowed list means only what it names; a blocked list means everything except what it names. Microsoft’s documentation walks through nine combinations of all-or-some users with all-or-some applications.',
		'One shape is special: when both lists are blocked, only the pairs they name are removed. Blocking the group Marketing together with the app SharePoint does not lock Marketing out of everything, and does not close SharePoint for everyone: it takes SharePoint away from Marketing members only.',
		'Contoso lets all of Fabrikam in. It now wants Fabrikam’s Marketing team kept out of its SharePoint, and nothing else to change. (Blocking all applications while blocking only some users is accepted but the portal warns about it.)'
	].join('\n\n'),
	start: withGoal(
		fabrikamToContoso(
			twoTenants('Lesson: allowed or blocked', 'Fabrikam and Contoso let every user through.')
		),
		comboGoal
	),
	goal: comboGoal,
	hints: [
		'Which tenant owns SharePoint here, and which tab decides who comes in?',
		'You need to remove one user-and-app pair, not a whole list. Which combination blocks a pair?',
		'On Contoso’s inbound tab for Fabrikam, set users and groups to blocked, group Marketing, and applications to blocked, Office 365 SharePoint Online.'
	],
	prediction: {
		attemptIndex: 1,
		step: 'inbound',
		question: 'At the start, will Alex’s SharePoint attempt pass Contoso’s inbound check?',
		answer: true,
		explain:
			'Yes. Contoso’s entry for Fabrikam allows all users and all applications, so every pair is let in until you remove one.'
	},
	solution: (s) =>
		setDirectConnect(s, {
			tenantId: CONTOSO,
			partnerTenantId: FABRIKAM,
			direction: 'inbound',
			usersAndGroups: users(LESSON_IDS.marketing, 'blocked'),
			applications: apps(SHAREPOINT_APP_ID, 'blocked')
		}),
	learned: [
		'Allowed means "only these"; blocked means "all but these" (M3).',
		'Blocked users with blocked apps removes only the named user-and-app pairs.',
		'The same matching applies inbound and outbound.'
	]
};

// ---- 5. MFA trust ----

const mfaGoal: GoalItem[] = [
	{
		attempt: {
			...teams('Alex, signed in with MFA at home', 'alex@fabrikam.com'),
			session: { mfa: true }
		},
		expect: { outcome: 'granted' },
		text: 'Alex, who did MFA at Fabrikam, gets past Contoso’s MFA policy'
	},
	{
		attempt: {
			...teams('Diego, no MFA yet, completes it at home', 'diego@fabrikam.com'),
			answers: { homeMfa: 'complete' }
		},
		expect: { outcome: 'granted' },
		text: 'Diego, asked for MFA at Fabrikam, gets in once he completes it'
	}
];

const mfaTrust: Lesson = {
	id: 'mfa-trust',
	title: 'Trusting MFA done at home',
	rules: ['S3', 'A5', 'R3', 'V6'],
	explanation: [
		'A direct connect user has no account in the resource tenant, so the resource tenant can never ask them for MFA itself. If one of its Conditional Access policies requires MFA and covers direct connect users, the only way through is to accept the MFA the user did in their own tenant.',
		'That is the inbound trust setting "trust multifactor authentication from Microsoft Entra tenants", set on the resource side, in the default or in the partner’s entry. Without it the policy simply cannot be satisfied and the attempt is refused with error 53003.',
		'When trust is on but the user has not done MFA in this session, the documentation is not consistent; trustwalk assumes by default that the home tenant asks for it (there is a scenario option for the stricter reading). Trust settings need Entra ID P1.'
	].join('\n\n'),
	start: withGoal(
		setTrust(
			fromExample(
				example3,
				'Lesson: trusting MFA done at home',
				'Contoso requires MFA from external users but does not trust Fabrikam’s MFA.'
			),
			{ tenantId: CONTOSO, partnerTenantId: FABRIKAM, flag: 'isMfaAccepted', value: false }
		),
		mfaGoal
	),
	goal: mfaGoal,
	hints: [
		'The attempt passes outbound and inbound. Read the Conditional Access step: which policy failed, and why?',
		'Contoso cannot ask Alex for MFA. It has to accept the MFA Fabrikam already did.',
		'In Contoso’s entry for Fabrikam, open Trust settings and turn on "trust multifactor authentication".'
	],
	prediction: {
		attemptIndex: 0,
		step: 'conditionalAccess',
		question: 'Alex did MFA at Fabrikam this morning. Will he pass Contoso’s Conditional Access?',
		answer: false,
		explain:
			'No. Contoso does not trust Fabrikam’s MFA claim, and a direct connect user cannot do MFA in Contoso, so the MFA policy cannot be met: error 53003.'
	},
	solution: (s) =>
		setTrust(s, {
			tenantId: CONTOSO,
			partnerTenantId: FABRIKAM,
			flag: 'isMfaAccepted',
			value: true
		}),
	learned: [
		'Direct connect users never do MFA in the resource tenant (S3).',
		'The resource tenant’s inbound trust accepts MFA done at home; without it an MFA policy blocks.',
		'Trusted but not yet done: trustwalk assumes the home tenant asks for MFA (A5).'
	]
};

// ---- 6. device trust ----

const devicePolicy: ConditionalAccessPolicy = {
	id: 'f1d7c6e2-3b1a-4c55-9e0f-5d2a7b8c9d01',
	displayName: 'Managed devices for external users',
	state: 'enabled',
	conditions: {
		users: {
			includeUsers: [],
			includeGuestsOrExternalUsers: {
				guestOrExternalUserTypes: 'b2bDirectConnectUser',
				externalTenants: { membershipKind: 'all' }
			}
		},
		applications: { includeApplications: ['Office365'] }
	},
	grantControls: { operator: 'OR', builtInControls: ['compliantDevice', 'domainJoinedDevice'] }
};

const deviceGoal: GoalItem[] = [
	{
		attempt: {
			...teams('Alex on a compliant laptop', 'alex@fabrikam.com'),
			session: { compliantDevice: true }
		},
		expect: { outcome: 'granted' },
		text: 'Alex, on a laptop Fabrikam marks compliant, gets in'
	},
	{
		attempt: {
			...teams('Diego on a hybrid joined desktop', 'diego@fabrikam.com'),
			session: { hybridJoinedDevice: true }
		},
		expect: { outcome: 'granted' },
		text: 'Diego, on a hybrid joined desktop, gets in'
	},
	{
		attempt: teams('Isaiah on a personal tablet', 'isaiah@fabrikam.com'),
		expect: { outcome: 'blocked', step: 'conditionalAccess' },
		text: 'Isaiah, on an unmanaged tablet, is still refused'
	}
];

const deviceTrust: Lesson = {
	id: 'device-trust',
	title: 'Trusting managed devices',
	rules: ['S3', 'R3', 'R1', 'A2'],
	explanation: [
		'Conditional Access can ask for a managed device instead of (or as well as) MFA: a device marked compliant, or a device joined to the organization’s on-premises domain and registered in Entra (hybrid joined). For a direct connect user, those devices are managed by the home tenant, not by the resource tenant.',
		'So the resource tenant has to say it believes the home tenant’s device claims. There is one trust switch for compliant devices and one for hybrid joined devices, next to the MFA switch. When an organization’s entry leaves one of them unset, trustwalk assumes that switch alone falls back to the default (A2; the documentation does not say).',
		'Trust does not open the door by itself: it only lets a real claim count. A user on an unmanaged device still fails the policy.'
	].join('\n\n'),
	start: withGoal(
		(() => {
			const s = fabrikamToContoso(
				twoTenants('Lesson: trusting managed devices', 'Contoso requires a managed device.')
			);
			return {
				...s,
				tenants: s.tenants.map((t) =>
					t.tenantId === CONTOSO ? { ...t, conditionalAccessPolicies: [devicePolicy] } : t
				)
			};
		})(),
		deviceGoal
	),
	goal: deviceGoal,
	hints: [
		'The Conditional Access step fails even for Alex, whose laptop is compliant. What does Contoso believe about Fabrikam’s devices?',
		'The policy accepts either kind of managed device, and each kind has its own trust switch.',
		'In Contoso’s entry for Fabrikam, trust compliant devices and trust hybrid joined devices.'
	],
	prediction: {
		attemptIndex: 0,
		step: 'conditionalAccess',
		question:
			'Alex’s laptop is compliant in Fabrikam’s Intune. Will he pass Contoso’s Conditional Access?',
		answer: false,
		explain:
			'No. Contoso’s trust settings do not accept compliant-device claims from Fabrikam yet, so the claim is ignored and the policy fails (error 53003).'
	},
	solution: (s) =>
		setTrust(
			setTrust(s, {
				tenantId: CONTOSO,
				partnerTenantId: FABRIKAM,
				flag: 'isCompliantDeviceAccepted',
				value: true
			}),
			{
				tenantId: CONTOSO,
				partnerTenantId: FABRIKAM,
				flag: 'isHybridAzureADJoinedDeviceAccepted',
				value: true
			}
		),
	learned: [
		'Device controls need the resource tenant to trust the home tenant’s device claims (S3).',
		'Compliant and hybrid joined are two separate switches; trustwalk assumes each inherits on its own (R3, A2).',
		'Trust lets a real claim count; it never replaces the claim.'
	]
};

// ---- 7. automatic redemption ----

const redeemGoal: GoalItem[] = [
	{
		attempt: {
			...teams('Alex opens the channel, would decline any prompt', 'alex@fabrikam.com'),
			answers: { consent: 'decline' }
		},
		expect: { outcome: 'granted', consentPrompted: false },
		text: 'Alex gets in without ever seeing a consent prompt'
	}
];

const autoRedemption: Lesson = {
	id: 'auto-redemption',
	title: 'No consent prompt: automatic redemption',
	rules: ['R4', 'S4', 'A7', 'V9'],
	explanation: [
		'The first time a user opens a partner’s shared channel, they are asked to agree that their name, email address and directory IDs are shared with the other organization. trustwalk assumes that someone who declines gets no access and that an acceptance is remembered (A7).',
		'Both admins can agree to skip that prompt. The home tenant turns on automatic redemption on its outbound side for the partner, and the resource tenant on its inbound side. Only that pair works: two inbound switches, or two outbound ones, still leave the prompt in place. The switches exist only in an organization’s entry, never in the default.',
		'Contoso and Fabrikam have both turned on the inbound switch, and Alex (who declines every prompt) is still stopped.'
	].join('\n\n'),
	start: withGoal(
		setAutoRedemption(
			setAutoRedemption(
				fabrikamToContoso(
					twoTenants('Lesson: automatic redemption', 'Direct connect works, with a consent prompt.')
				),
				{ tenantId: CONTOSO, partnerTenantId: FABRIKAM, flag: 'inboundAllowed', value: true }
			),
			{ tenantId: FABRIKAM, partnerTenantId: CONTOSO, flag: 'inboundAllowed', value: true }
		),
		redeemGoal
	),
	goal: redeemGoal,
	hints: [
		'Which tenant is the home tenant here, and which switch has it turned on?',
		'The home tenant needs the outbound switch, the resource tenant the inbound one.',
		'In Fabrikam’s entry for Contoso, turn on "automatically redeem invitations" for outbound.'
	],
	prediction: {
		attemptIndex: 0,
		step: 'consent',
		question:
			'Both tenants turned on automatic redemption (inbound). Alex declines any prompt. Will he pass the consent step?',
		answer: false,
		explain:
			'No. Fabrikam is the home tenant, and its switch is the inbound one, which counts only when Fabrikam hosts. With no outbound switch at home the prompt appears and Alex declines it.'
	},
	solution: (s) =>
		setAutoRedemption(s, {
			tenantId: FABRIKAM,
			partnerTenantId: CONTOSO,
			flag: 'outboundAllowed',
			value: true
		}),
	learned: [
		'The prompt is skipped only with outbound at home and inbound at the resource (S4, R4).',
		'Declining the prompt means no access; accepting is remembered (A7).',
		'Automatic redemption lives in an organization’s entry only, never in the default (V9).'
	]
};

// ---- 8. AADSTS500212 versus AADSTS500213 ----

const codesGoal: GoalItem[] = [
	{
		attempt: teams('Alex opens a Contoso shared channel', 'alex@fabrikam.com'),
		expect: { outcome: 'granted' },
		text: 'Alex (Fabrikam) can open the Contoso shared channel'
	},
	{
		attempt: teams('Adele opens a Fabrikam shared channel', 'adele@contoso.com', 'fabrikam.com'),
		expect: { outcome: 'granted' },
		text: 'Adele (Contoso) can open the Fabrikam shared channel'
	}
];

const errorCodes: Lesson = {
	id: 'error-codes',
	title: 'AADSTS500212 or AADSTS500213: whose admin acts?',
	rules: ['S1', 'S2', 'A8', 'S6'],
	explanation: [
		'Two error codes look almost the same and point in opposite directions. AADSTS500212 means the user’s own organization does not let them out to the other one: the home admin must change the outbound tab. AADSTS500213 means the other organization does not let them in: the resource admin must change the inbound tab.',
		'trustwalk runs the outbound check first (A8: the documentation implies this order without stating it). When both sides refuse, the user then sees only 500212, and fixing the home tenant reveals 500213. Both tenants’ sign-in logs record every attempt, which helps each admin see the same failure from their side.',
		'Fabrikam has opened both directions for Contoso. Contoso has done nothing yet. Read the two failures and fix each one where it arises.'
	].join('\n\n'),
	start: withGoal(
		allowAll(
			allowAll(
				twoTenants(
					'Lesson: whose admin acts?',
					'Fabrikam opened both directions, Contoso nothing.'
				),
				FABRIKAM,
				CONTOSO,
				'outbound'
			),
			FABRIKAM,
			CONTOSO,
			'inbound'
		),
		codesGoal
	),
	goal: codesGoal,
	hints: [
		'Note the error code of each attempt and the tenant the trace names.',
		'500213 comes from the resource tenant’s inbound tab, 500212 from the home tenant’s outbound tab. Both are Contoso’s here.',
		'In Contoso, add Fabrikam as an organization and allow all users and applications on both the inbound and the outbound tab.'
	],
	prediction: {
		attemptIndex: 1,
		step: 'outbound',
		question: 'Adele (Contoso) tries a Fabrikam channel. Will she pass Contoso’s outbound check?',
		answer: false,
		explain:
			'No: Contoso’s default still blocks outbound, so she gets AADSTS500212 from her own tenant, even though Fabrikam would let her in.'
	},
	solution: (s) =>
		allowAll(allowAll(s, CONTOSO, FABRIKAM, 'inbound'), CONTOSO, FABRIKAM, 'outbound'),
	learned: [
		'AADSTS500212: the home tenant’s outbound settings refused (S1).',
		'AADSTS500213: the resource tenant’s inbound settings refused (S2).',
		'Outbound is checked first, so fixing one side can reveal the other (A8).'
	]
};

export const LESSONS: readonly Lesson[] = [
	mutualTrust,
	partnerOverDefault,
	scopeToGroup,
	allowedVersusBlocked,
	mfaTrust,
	deviceTrust,
	autoRedemption,
	errorCodes
];

export function findLesson(id: string): Lesson | undefined {
	return LESSONS.find((l) => l.id === id);
}
