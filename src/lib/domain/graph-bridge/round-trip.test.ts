/**
 * Property tests of the Graph bridge on random scenarios: the requests `graphRequests` derives from a
 * random set of edits, applied to the old settings the way Graph applies them, give the new settings;
 * and importing a tenant's own settings back as Graph bodies changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../audit.ts';
import { addPartner, setAutoRedemption, setDirectConnect, setTrust } from '../commands.ts';
import {
	resolveConsentFlag,
	resolveDirectConnect,
	resolveTrust,
	TRUST_FLAGS
} from '../engine/resolve.ts';
import type { CrossTenantAccessPolicy, Scenario, TargetConfiguration, Tenant } from '../schema.ts';
import {
	addOrganization,
	inheritProperty,
	removePartner,
	resetDefault,
	setDefaultTrust,
	setDirectConnectWhole,
	setPartnerAutoRedemption,
	setPartnerTrust
} from '../settings-commands.ts';
import { scenarioArb } from '../test-fixtures/arbitrary-scenario.ts';
import { frozen } from '../test-fixtures/frozen.ts';
import { applyGraphRequests } from './apply.ts';
import { graphRequests } from './export.ts';
import { EXTERNAL_TENANT, partnerBody } from './fixtures.ts';
import { importGraphInto } from './import.ts';

type Edit = (s: Scenario, a: string, partners: readonly string[]) => Scenario;

const half = (
	accessType: 'allowed' | 'blocked',
	target: string,
	targetType: 'user' | 'application'
) => ({ accessType, targets: [{ target, targetType }] }) satisfies TargetConfiguration;

const usersArb = fc.constantFrom(
	half('allowed', 'AllUsers', 'user'),
	half('blocked', 'AllUsers', 'user'),
	half('allowed', '10000000-0000-4000-8000-000000000000', 'user')
);
const appsArb = fc.constantFrom(
	half('allowed', 'AllApplications', 'application'),
	half('blocked', 'AllApplications', 'application'),
	half('allowed', 'Office365', 'application')
);
const pick = fc.nat({ max: 9 });
const partnerOrDefault = fc.option(pick, { nil: null, freq: 3 });
const direction = fc.constantFrom('inbound' as const, 'outbound' as const);
const flag = fc.constantFrom(...TRUST_FLAGS);
const consentFlag = fc.constantFrom('inboundAllowed' as const, 'outboundAllowed' as const);
const choose = (partners: readonly string[], i: number) => partners[i % partners.length] ?? '';
const chooseOrNull = (partners: readonly string[], i: number | null) =>
	i === null ? null : choose(partners, i);

const editArb: fc.Arbitrary<Edit> = fc.oneof(
	pick.map(
		(i): Edit =>
			(s, a, ps) =>
				addPartner(s, a, choose(ps, i))
	),
	pick.map(
		(i): Edit =>
			(s, a, ps) =>
				addOrganization(s, a, choose(ps, i))
	),
	pick.map(
		(i): Edit =>
			(s, a, ps) =>
				removePartner(s, a, choose(ps, i))
	),
	fc.constant<Edit>((s, a) => resetDefault(s, a)),
	fc
		.record({
			p: partnerOrDefault,
			direction,
			usersAndGroups: fc.option(usersArb, { nil: undefined }),
			applications: fc.option(appsArb, { nil: undefined })
		})
		.map(
			({ p, ...rest }): Edit =>
				(s, a, ps) =>
					setDirectConnect(s, { tenantId: a, partnerTenantId: chooseOrNull(ps, p), ...rest })
		),
	fc
		.record({ p: partnerOrDefault, direction, usersAndGroups: usersArb, applications: appsArb })
		.map(
			({ p, ...rest }): Edit =>
				(s, a, ps) =>
					setDirectConnectWhole(s, { tenantId: a, partnerTenantId: chooseOrNull(ps, p), ...rest })
		),
	fc.record({ p: partnerOrDefault, flag, value: fc.boolean() }).map(
		({ p, ...rest }): Edit =>
			(s, a, ps) =>
				setTrust(s, { tenantId: a, partnerTenantId: chooseOrNull(ps, p), ...rest })
	),
	fc.record({ flag, value: fc.boolean() }).map(
		({ flag: f, value }): Edit =>
			(s, a) =>
				setDefaultTrust(s, a, { [f]: value })
	),
	fc.record({ p: pick, flag: consentFlag, value: fc.boolean() }).map(
		({ p, ...rest }): Edit =>
			(s, a, ps) =>
				setAutoRedemption(s, { tenantId: a, partnerTenantId: choose(ps, p), ...rest })
	),
	fc.record({ p: pick, value: fc.boolean() }).map(
		({ p, value }): Edit =>
			(s, a, ps) =>
				setPartnerAutoRedemption(s, a, choose(ps, p), { inboundAllowed: value })
	),
	fc
		.record({
			p: pick,
			property: fc.constantFrom(
				'b2bDirectConnectInbound' as const,
				'b2bDirectConnectOutbound' as const,
				'inboundTrust' as const
			)
		})
		.map(
			({ p, property }): Edit =>
				(s, a, ps) =>
					inheritProperty(s, a, choose(ps, p), property)
		),
	fc
		.record({
			p: pick,
			trust: fc.option(fc.record({ isMfaAccepted: fc.constantFrom(true, false, null) }), {
				nil: null
			})
		})
		.map(
			({ p, trust }): Edit =>
				(s, a, ps) =>
					setPartnerTrust(s, a, choose(ps, p), trust)
		),
	// An import of a Graph partner body: unknown properties, null halves, null booleans.
	pick.map((i): Edit => (s, a, ps) => {
		const result = importGraphInto(s, a, partnerBody(choose(ps, i)));
		return result.ok ? result.scenario : s;
	})
);

/** Graph has no order of partners, and null and absent are the same top-level value. */
function normalized(policy: CrossTenantAccessPolicy): unknown {
	const clean = (config: Record<string, unknown>) =>
		Object.fromEntries(
			Object.entries(config).filter(
				([name, value]) =>
					value != null &&
					!['isServiceDefault', 'isInMultiTenantOrganization', 'identitySynchronization'].includes(
						name
					)
			)
		);
	return {
		default: clean(policy.default),
		partners: [...policy.partners].sort((x, y) => (x.tenantId < y.tenantId ? -1 : 1)).map(clean)
	};
}

function effective(tenant: Tenant, partnerTenantId: string): unknown {
	const partner = tenant.crossTenantAccessPolicy.partners.find(
		(p) => p.tenantId === partnerTenantId
	);
	const setting = (prop: 'b2bDirectConnectInbound' | 'b2bDirectConnectOutbound') => {
		const r = resolveDirectConnect(tenant, partner, prop);
		return [
			r.usersAndGroups.config,
			r.applications.config,
			r.usersAndGroups.source,
			r.applications.source
		];
	};
	const trust = resolveTrust(tenant, partner);
	return {
		inbound: setting('b2bDirectConnectInbound'),
		outbound: setting('b2bDirectConnectOutbound'),
		trust: TRUST_FLAGS.map((f) => trust.flags[f].value),
		consent: [
			resolveConsentFlag(partner, 'inboundAllowed').value,
			resolveConsentFlag(partner, 'outboundAllowed').value
		]
	};
}

describe('Graph bridge round trips (property)', () => {
	it('graphRequests(before, after) applied to before gives after, for random edits', () => {
		fc.assert(
			fc.property(scenarioArb, fc.array(editArb, { maxLength: 6 }), (generated, edits) => {
				const s = frozen(generated);
				const a = s.tenants[0];
				if (!a) return;
				const partners = [...s.tenants.slice(1).map((t) => t.tenantId), EXTERNAL_TENANT];
				const edited = edits.reduce((acc, edit) => edit(acc, a.tenantId, partners), s);
				const after = edited.tenants[0];
				if (!after) throw new Error('tenant A disappeared');
				const requests = graphRequests(a, after);
				const applied = applyGraphRequests(a, requests);
				expect(normalized(applied.crossTenantAccessPolicy)).toEqual(
					normalized(after.crossTenantAccessPolicy)
				);
				for (const p of partners) expect(effective(applied, p)).toEqual(effective(after, p));
				// Nothing is left to send afterwards, and nothing at all when nothing changed.
				expect(graphRequests(after, applied)).toEqual([]);
				if (jsonEqual(a.crossTenantAccessPolicy, after.crossTenantAccessPolicy)) {
					expect(requests).toEqual([]);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it("importing a tenant's own settings as Graph bodies produces no requests", () => {
		fc.assert(
			fc.property(scenarioArb, (generated) => {
				const s = frozen(generated);
				const a = s.tenants[0];
				if (!a) return;
				const policy = a.crossTenantAccessPolicy;
				const defaultBody = {
					'@odata.context':
						'https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/default/$entity',
					isServiceDefault: false,
					...policy.default
				};
				const partnersBody = {
					'@odata.context':
						'https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/partners',
					value: policy.partners
				};
				let current = s;
				for (const body of [defaultBody, partnersBody]) {
					const result = importGraphInto(current, a.tenantId, JSON.stringify(body));
					if (!result.ok) throw new Error(JSON.stringify(result.errors));
					current = result.scenario;
				}
				const imported = current.tenants[0];
				if (!imported) throw new Error('tenant A disappeared');
				expect(graphRequests(a, imported)).toEqual([]);
			}),
			{ numRuns: 100 }
		);
	});
});
