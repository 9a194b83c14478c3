import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseScenario } from './parse.ts';
import {
	ADELE,
	ALEX,
	CONTOSO_APP,
	FABRIKAM_APP,
	MARKETING,
	MEGAN,
	SALES,
	TEAMS,
	UNKNOWN_ID,
	UNMODELLED_ID,
	allApps,
	allUsers,
	allowed,
	app,
	blocked,
	group,
	setting,
	twoTenantScenario,
	user,
	type Fixture
} from './test-fixtures/validation-fixtures.ts';
import { canRemovePartner, validateScenario, type ValidationRuleId } from './validate.ts';

const C = 'tenants[0].crossTenantAccessPolicy';
const DEF = `${C}.default`;
const PART = `${C}.partners[0]`;
const IN = `${PART}.b2bDirectConnectInbound`;
const OUT = `${PART}.b2bDirectConnectOutbound`;

const SEVERITY: Record<ValidationRuleId, 'error' | 'warning'> = {
	V1: 'error',
	V2: 'error',
	V3: 'error',
	V4: 'error',
	V5: 'warning',
	V6: 'warning',
	V7: 'warning',
	V8: 'error',
	V9: 'error',
	V10: 'warning',
	V11: 'warning'
};

interface Case {
	name: string;
	rule: ValidationRuleId;
	/** triggers: an issue of `rule` at exactly this path; otherwise: none at or below this path. */
	at: string;
	triggers: boolean;
	build: (f: Fixture) => void;
}

const yes = (name: string, rule: ValidationRuleId, at: string, build: Case['build']): Case => ({
	name,
	rule,
	at,
	triggers: true,
	build
});
const no = (name: string, rule: ValidationRuleId, at: string, build: Case['build']): Case => ({
	name,
	rule,
	at,
	triggers: false,
	build
});

function run(build: (f: Fixture) => void) {
	const fixture = twoTenantScenario();
	build(fixture);
	return validateScenario(fixture.scenario);
}

const cases: Case[] = [
	yes(
		'V1: the default inbound setting naming a group is an error',
		'V1',
		`${DEF}.b2bDirectConnectInbound.usersAndGroups.targets[0]`,
		(f) => {
			f.contoso.crossTenantAccessPolicy.default.b2bDirectConnectInbound = setting(
				blocked(group(MARKETING)),
				blocked(allApps)
			);
		}
	),
	yes(
		'V1: the default inbound setting with no user target is an error',
		'V1',
		`${DEF}.b2bDirectConnectInbound.usersAndGroups.targets`,
		(f) => {
			f.contoso.crossTenantAccessPolicy.default.b2bDirectConnectInbound = setting(
				blocked(),
				blocked(allApps)
			);
		}
	),
	no('V1: the default inbound setting allowing AllUsers is fine', 'V1', '', (f) => {
		f.contoso.crossTenantAccessPolicy.default.b2bDirectConnectInbound = setting(
			allowed(allUsers),
			allowed(allApps)
		);
	}),
	no('V1: the default outbound setting may name a group', 'V1', '', (f) => {
		f.contoso.crossTenantAccessPolicy.default.b2bDirectConnectOutbound = setting(
			allowed(group(SALES)),
			allowed(allApps)
		);
	}),
	no('V1: a partner inbound setting may name a group', 'V1', '', (f) => {
		f.contosoForFabrikam.b2bDirectConnectInbound = setting(
			allowed(group(MARKETING)),
			allowed(allApps)
		);
	}),
	yes(
		'V2: a group with targetType application among users is an error',
		'V2',
		`${IN}.usersAndGroups.targets[0]`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(
				allowed({ target: MARKETING, targetType: 'application' }),
				allowed(allApps)
			);
		}
	),
	yes(
		'V2: AllUsers with targetType group is an error',
		'V2',
		`${IN}.usersAndGroups.targets[0]`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(
				allowed({ target: 'AllUsers', targetType: 'group' }),
				allowed(allApps)
			);
		}
	),
	yes(
		'V2: AllApplications among users is an error',
		'V2',
		`${OUT}.usersAndGroups.targets[1]`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
				allowed(group(SALES), allApps),
				allowed(allApps)
			);
		}
	),
	yes(
		'V2: a user target among applications is an error',
		'V2',
		`${OUT}.applications.targets[0]`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
				allowed(allUsers),
				allowed(user(ADELE))
			);
		}
	),
	no('V2: users, groups and applications in their own lists are fine', 'V2', '', (f) => {
		f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
			allowed(user(ADELE), group(SALES)),
			allowed(app(TEAMS), app('Office365'))
		);
	}),
	yes(
		'V3: blocking AllUsers while allowing an application is an error',
		'V3',
		`${IN}.applications`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(
				blocked(allUsers),
				allowed(app(TEAMS))
			);
		}
	),
	yes(
		'V3: a half-filled partner blocking AllUsers inherits allowed apps from the default',
		'V3',
		`${IN}.usersAndGroups`,
		(f) => {
			f.contoso.crossTenantAccessPolicy.default.b2bDirectConnectInbound = setting(
				allowed(allUsers),
				allowed(app(TEAMS))
			);
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(blocked(allUsers), null);
		}
	),
	no('V3: blocking AllUsers and AllApplications is fine', 'V3', '', (f) => {
		f.contosoForFabrikam.b2bDirectConnectInbound = setting(blocked(allUsers), blocked(allApps));
	}),
	no(
		'V3: a half-filled partner blocking AllUsers inherits blocked AllApplications',
		'V3',
		'',
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(blocked(allUsers), null);
		}
	),
	no('V3: with no default either, the missing half is the service default', 'V3', '', (f) => {
		f.contoso.crossTenantAccessPolicy.default.b2bDirectConnectInbound = null;
		f.contosoForFabrikam.b2bDirectConnectInbound = setting(blocked(allUsers), null);
	}),
	yes(
		'V4: allowing a group while blocking AllApplications is an error',
		'V4',
		`${OUT}.applications`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
				allowed(group(SALES)),
				blocked(allApps)
			);
		}
	),
	yes(
		'V4: a half-filled partner allowing users inherits blocked AllApplications',
		'V4',
		`${OUT}.usersAndGroups`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectOutbound = setting(allowed(allUsers), null);
		}
	),
	no('V4: allowing a group while blocking one application is fine', 'V4', '', (f) => {
		f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
			allowed(group(SALES)),
			blocked(app(FABRIKAM_APP))
		);
	}),
	yes(
		'V5: blocking AllApplications for one group only is a warning',
		'V5',
		`${IN}.applications`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(
				blocked(group(MARKETING)),
				blocked(allApps)
			);
		}
	),
	no('V5: blocking one group from one application is fine', 'V5', '', (f) => {
		f.contosoForFabrikam.b2bDirectConnectInbound = setting(
			blocked(group(MARKETING)),
			blocked(app(CONTOSO_APP))
		);
	}),
	no('V5: blocking AllUsers from AllApplications is fine', 'V5', '', (f) => {
		f.contosoForFabrikam.b2bDirectConnectInbound = setting(blocked(allUsers), blocked(allApps));
	}),
	yes(
		'V6: a free tenant picking a specific group is warned',
		'V6',
		`${IN}.usersAndGroups.targets`,
		(f) => {
			f.contoso.license = 'free';
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(
				allowed(group(MARKETING)),
				allowed(allApps)
			);
		}
	),
	yes('V6: a free tenant trusting MFA is warned', 'V6', `${PART}.inboundTrust`, (f) => {
		f.contoso.license = 'free';
		f.contosoForFabrikam.inboundTrust = { isMfaAccepted: true };
	}),
	yes('V6: a free tenant opening direct connect to a partner is warned', 'V6', PART, (f) => {
		f.contoso.license = 'free';
	}),
	yes('V6: opening direct connect to a free partner is warned', 'V6', PART, (f) => {
		f.fabrikam.license = 'free';
	}),
	yes('V6: a free tenant whose default opens direct connect is warned', 'V6', DEF, (f) => {
		f.contoso.license = 'free';
		f.contoso.crossTenantAccessPolicy.default.b2bDirectConnectOutbound = setting(
			allowed(allUsers),
			allowed(allApps)
		);
	}),
	no('V6: a P2 tenant may pick groups and trust MFA', 'V6', '', (f) => {
		f.contoso.license = 'p2';
		f.contosoForFabrikam.b2bDirectConnectInbound = setting(
			allowed(group(MARKETING)),
			allowed(allApps)
		);
		f.contosoForFabrikam.inboundTrust = { isMfaAccepted: true };
	}),
	no('V6: a free tenant with direct connect closed is fine', 'V6', 'tenants[0]', (f) => {
		f.contoso.license = 'free';
		f.contosoForFabrikam.b2bDirectConnectInbound = setting(blocked(allUsers), blocked(allApps));
		f.contosoForFabrikam.b2bDirectConnectOutbound = null;
	}),
	yes(
		'V7: an outbound target naming an SMS sign-in user is a warning',
		'V7',
		`${OUT}.usersAndGroups.targets[0]`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
				allowed(user(MEGAN)),
				allowed(allApps)
			);
		}
	),
	no('V7: an outbound target naming a password user is fine', 'V7', '', (f) => {
		f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
			allowed(user(ADELE), group(SALES)),
			allowed(allApps)
		);
	}),
	no('V7: an inbound target naming an SMS sign-in user is fine', 'V7', '', (f) => {
		f.fabrikamForContoso.b2bDirectConnectInbound = setting(allowed(user(MEGAN)), allowed(allApps));
	}),
	yes(
		'V9: automatic redemption switched on in the default is an error',
		'V9',
		`${DEF}.automaticUserConsentSettings.inboundAllowed`,
		(f) => {
			f.contoso.crossTenantAccessPolicy.default.automaticUserConsentSettings = {
				inboundAllowed: true,
				outboundAllowed: null
			};
		}
	),
	no('V9: automatic redemption switched on in a partner entry is fine', 'V9', '', (f) => {
		f.contosoForFabrikam.automaticUserConsentSettings = {
			inboundAllowed: true,
			outboundAllowed: true
		};
		f.contoso.crossTenantAccessPolicy.default.automaticUserConsentSettings = null;
	}),
	yes(
		'V10: an outbound user target that does not exist is a warning',
		'V10',
		`${OUT}.usersAndGroups.targets[0]`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
				allowed(user(UNKNOWN_ID)),
				allowed(allApps)
			);
		}
	),
	yes(
		'V10: an inbound group target must be a group of the partner',
		'V10',
		`${IN}.usersAndGroups.targets[0]`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(
				allowed(group(SALES)),
				allowed(allApps)
			);
		}
	),
	yes(
		'V10: a group ID with targetType user is a warning',
		'V10',
		`${OUT}.usersAndGroups.targets[0]`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
				allowed(user(SALES)),
				allowed(allApps)
			);
		}
	),
	yes(
		'V10: an outbound app target must be an app of the partner',
		'V10',
		`${OUT}.applications.targets[0]`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
				allowed(allUsers),
				allowed(app(CONTOSO_APP))
			);
		}
	),
	yes(
		'V10: an inbound app target must be an app of the tenant itself',
		'V10',
		`${IN}.applications.targets[0]`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(
				allowed(allUsers),
				allowed(app(FABRIKAM_APP))
			);
		}
	),
	yes(
		'V10: a default outbound app target unknown to every tenant is a warning',
		'V10',
		`${DEF}.b2bDirectConnectOutbound.applications.targets[0]`,
		(f) => {
			f.contoso.crossTenantAccessPolicy.default.b2bDirectConnectOutbound = setting(
				allowed(allUsers),
				allowed(app(UNKNOWN_ID))
			);
		}
	),
	no(
		'V10: targets naming existing objects, Microsoft apps and keywords are fine',
		'V10',
		'',
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
				allowed(group(SALES), user(ADELE)),
				allowed(app(FABRIKAM_APP), app(TEAMS))
			);
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(
				allowed(group(MARKETING), user(ALEX)),
				allowed(app(CONTOSO_APP), app('Office365'))
			);
			f.contoso.crossTenantAccessPolicy.default.b2bDirectConnectOutbound = setting(
				allowed(allUsers),
				allowed(app(FABRIKAM_APP))
			);
		}
	),
	no('V10: targets for a partner the scenario does not model are not checked', 'V10', '', (f) => {
		f.contoso.crossTenantAccessPolicy.partners.push({
			tenantId: UNMODELLED_ID,
			b2bDirectConnectInbound: setting(allowed(user(UNKNOWN_ID)), allowed(allApps)),
			b2bDirectConnectOutbound: setting(allowed(allUsers), allowed(app(UNKNOWN_ID)))
		});
	}),
	yes(
		'V11: AllUsers mixed with a group is a warning',
		'V11',
		`${IN}.usersAndGroups.targets`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(
				allowed(allUsers, group(MARKETING)),
				allowed(allApps)
			);
		}
	),
	yes(
		'V11: AllApplications mixed with an app is a warning',
		'V11',
		`${OUT}.applications.targets`,
		(f) => {
			f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
				allowed(allUsers),
				allowed(allApps, app(TEAMS))
			);
		}
	),
	no('V11: several specific targets are fine', 'V11', '', (f) => {
		f.contosoForFabrikam.b2bDirectConnectInbound = setting(
			allowed(group(MARKETING), user(ALEX)),
			allowed(app('Office365'), app(CONTOSO_APP))
		);
	})
];

describe('validateScenario', () => {
	it.each(cases)('$name', ({ rule, at, triggers, build }) => {
		const issues = run(build).filter((i) => i.rule === rule);
		if (triggers) {
			expect(issues.map((i) => i.path)).toContain(at);
			for (const issue of issues) expect(issue.severity).toBe(SEVERITY[rule]);
		} else {
			expect(issues.filter((i) => i.path.startsWith(at))).toEqual([]);
		}
	});

	it('V1-V11: the two-tenant fixture raises nothing', () => {
		expect(run(() => {})).toEqual([]);
	});

	it('V1-V11: the example scenarios produce no errors', () => {
		const dir = new URL('../examples/', import.meta.url);
		const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
		expect(files).toHaveLength(3);
		for (const file of files) {
			const parsed = parseScenario(readFileSync(new URL(file, dir), 'utf8'));
			if (!parsed.ok) throw new Error(`${file} does not parse`);
			const errors = validateScenario(parsed.scenario).filter((i) => i.severity === 'error');
			expect(errors, file).toEqual([]);
		}
	});

	it('V3: the message names both tenants and the inherited half', () => {
		const issue = run((f) => {
			f.contoso.crossTenantAccessPolicy.default.b2bDirectConnectInbound = setting(
				allowed(allUsers),
				allowed(app(TEAMS))
			);
			f.contosoForFabrikam.b2bDirectConnectInbound = setting(blocked(allUsers), null);
		}).find((i) => i.rule === 'V3');
		expect(issue?.tenantId).toBe(twoTenantScenario().contoso.tenantId);
		expect(issue?.message).toMatch(/^Contoso's inbound .* for Fabrikam .*Contoso's default/);
	});

	it('V7: the message suggests a group the user belongs to', () => {
		const issues = run((f) => {
			f.contosoForFabrikam.b2bDirectConnectOutbound = setting(
				allowed(user(MEGAN)),
				allowed(allApps)
			);
		});
		expect(issues.find((i) => i.rule === 'V7')?.message).toMatch(/Megan Bowen.*Sales/);
	});

	it('V10: an unknown ID is shown in the message, and an unmodelled partner by its ID', () => {
		const issues = run((f) => {
			f.contoso.crossTenantAccessPolicy.partners.push({
				tenantId: UNMODELLED_ID,
				b2bDirectConnectOutbound: setting(allowed(user(UNKNOWN_ID)), allowed(allApps))
			});
		});
		const message = issues.find((i) => i.rule === 'V10')?.message ?? '';
		expect(message).toContain(UNKNOWN_ID);
		expect(message).toContain(`external tenant ${UNMODELLED_ID}`);
	});

	it('V1-V11: settings left null everywhere raise nothing and never throw', () => {
		const issues = run((f) => {
			for (const t of [f.contoso, f.fabrikam]) {
				t.crossTenantAccessPolicy.default = {};
				t.crossTenantAccessPolicy.partners = [
					{ tenantId: UNMODELLED_ID, b2bDirectConnectInbound: setting(null, null) }
				];
			}
		});
		expect(issues).toEqual([]);
	});
});

describe('canRemovePartner', () => {
	it('V8: a service provider partner cannot be removed', () => {
		const f = twoTenantScenario();
		f.contosoForFabrikam.isServiceProvider = true;
		const result = canRemovePartner(f.contoso, f.fabrikam.tenantId, f.scenario);
		expect(result).toMatchObject({ ok: false, rule: 'V8' });
		expect(result.ok ? '' : result.message).toMatch(/Contoso.*Fabrikam.*service provider/);
	});

	it('V8: an ordinary partner, or one without an entry, can be removed', () => {
		const f = twoTenantScenario();
		f.contosoForFabrikam.isServiceProvider = false;
		expect(canRemovePartner(f.contoso, f.fabrikam.tenantId)).toEqual({ ok: true });
		expect(canRemovePartner(f.contoso, UNMODELLED_ID)).toEqual({ ok: true });
	});
});
