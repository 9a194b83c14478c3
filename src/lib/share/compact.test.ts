import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from '../domain/test-fixtures/arbitrary-scenario.ts';
import { DICTIONARY, SHAPES } from './compact-shapes.ts';
import {
	CorruptError,
	PackError,
	canonicalJson,
	packScenario,
	unpackScenario,
	type GuidMode
} from './compact.ts';
import { decodeScenarioLink, encodeScenarioLink } from './link.ts';
import { exampleScenarios, firstExample } from './test-fixtures.ts';

/** Packs, sends through JSON as a link does, unpacks. */
function viaJson(document: unknown, mode: GuidMode): Record<string, unknown> {
	const { packed, guids } = packScenario(document, mode);
	return unpackScenario(JSON.parse(JSON.stringify(packed)), guids);
}

const modes: GuidMode[] = ['inline', 'table'];

describe('the compact form', () => {
	it('gives back every example exactly, in both GUID modes', () => {
		for (const { scenario } of exampleScenarios)
			for (const mode of modes)
				expect(canonicalJson(viaJson(scenario, mode))).toBe(canonicalJson(scenario));
	});

	it('gives back random valid scenarios exactly, without falling back', () => {
		fc.assert(
			fc.property(scenarioArb, fc.constantFrom(...modes), (scenario, mode) => {
				expect(viaJson(scenario, mode)).toStrictEqual(JSON.parse(JSON.stringify(scenario)));
			}),
			{ numRuns: 100 }
		);
	});

	it('keeps Graph null ("inherit") and absent apart', () => {
		const scenario = firstExample();
		const [contoso, ...rest] = scenario.tenants;
		if (!contoso) throw new Error('no tenant');
		const variants = [
			{ tenantId: 'p', b2bDirectConnectInbound: null },
			{ tenantId: 'p' },
			{ tenantId: 'p', inboundTrust: { isMfaAccepted: null } },
			{ tenantId: 'p', inboundTrust: {} },
			{
				tenantId: 'p',
				automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: true }
			}
		];
		for (const partner of variants) {
			const document = {
				...scenario,
				tenants: [
					{ ...contoso, crossTenantAccessPolicy: { default: {}, partners: [partner] } },
					...rest
				]
			};
			for (const mode of modes) {
				const back = viaJson(document, mode) as typeof document;
				expect(back.tenants[0]?.crossTenantAccessPolicy.partners[0]).toStrictEqual(partner);
			}
		}
	});

	it('matches whole objects regardless of key order, and only exact ones', () => {
		const allUsers = {
			targets: [{ targetType: 'user', target: 'AllUsers' }],
			accessType: 'allowed'
		};
		const allApps = {
			targets: [{ targetType: 'application', target: 'AllApplications' }],
			accessType: 'allowed'
		};
		const withInbound = (inbound: unknown) => ({
			tenants: [{ crossTenantAccessPolicy: { default: { b2bDirectConnectInbound: inbound } } }]
		});
		const reordered = packScenario(
			withInbound({ applications: allApps, usersAndGroups: allUsers }),
			'inline'
		);
		expect(reordered.packed).toStrictEqual([0, null, 0, [[0, 0, 0, 0, 0, 0, 0, [[1]]]]]);
		const extra = packScenario(
			withInbound({ applications: allApps, usersAndGroups: { ...allUsers, note: 1 } }),
			'inline'
		);
		expect(JSON.stringify(extra.packed)).toContain('{"note":1}');
	});

	it('keeps strings that look like its own tokens', () => {
		const document = {
			format: 'trustwalk/scenario',
			version: 1,
			name: '~',
			description: '~~x',
			tenants: [
				{
					tenantId: '~AAAAAAAAAAAAAAAAAAAAAA',
					displayName: 'AllUsers',
					domain: 'x.com',
					license: 'p1',
					users: [
						{
							id: 'A1B2C3D4-0000-4000-8000-000000000000',
							displayName: '',
							userPrincipalName: 'a@b@x.com'
						},
						{ id: 'u2', displayName: 'x', userPrincipalName: 'b@elsewhere.com' },
						{ id: 'u3', displayName: 'x', userPrincipalName: 'c@X.COM' }
					],
					groups: [],
					applications: [],
					crossTenantAccessPolicy: { default: {}, partners: [] }
				}
			]
		};
		for (const mode of modes) expect(viaJson(document, mode)).toStrictEqual(document);
	});

	it('writes references to what the scenario defines, and UPNs without their domain', () => {
		const { packed } = packScenario(firstExample(), 'inline');
		const text = JSON.stringify(packed);
		expect(text).not.toContain('@contoso.com');
		expect(text).not.toContain('AllUsers');
		expect(text).not.toContain('accessType');
		expect(text.match(/fabrikam\.com/g)).toHaveLength(1);
	});

	it('moves GUIDs to the side table in table mode', () => {
		const { packed, guids } = packScenario(firstExample(), 'table');
		expect(guids.length).toBeGreaterThan(10);
		expect(JSON.stringify(packed)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
	});

	it('keeps property names, including __proto__, as own data', () => {
		const partner = JSON.parse(
			'{"tenantId":"p","__proto__":{"polluted":true},"key":1,"b2bDirectConnectInbound":null}'
		) as Record<string, unknown>;
		const document = {
			tenants: [
				{
					tenantId: 't',
					crossTenantAccessPolicy: { default: {}, partners: [partner] }
				}
			]
		};
		const back = viaJson(document, 'inline') as typeof document;
		const again = back.tenants[0]?.crossTenantAccessPolicy.partners[0] as Record<string, unknown>;
		expect(Object.keys(again)).toEqual(expect.arrayContaining(['__proto__', 'key', 'tenantId']));
		expect(Object.getPrototypeOf(again)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses what its shapes cannot hold exactly', () => {
		expect(() => packScenario({ layout: { t: { x: -0, y: 0 } } }, 'inline')).toThrow(PackError);
		expect(() => packScenario({ tenants: [{ users: [{ smsSignIn: 'yes' }] }] }, 'inline')).toThrow(
			PackError
		);
		expect(() => packScenario([], 'inline')).toThrow(PackError);
	});

	it.each([
		['not a list', { a: 1 }],
		['too many slots', [0, 0, 0, 0, 0, 0, 0, 0, {}, 1]],
		['a boolean slot holding 3', [0, 0, 0, [[0, 0, 0, 0, [[0, 0, 0, 3]]]]]],
		['an object number past the list', [0, 0, 0, [[0, 0, 0, 0, 0, 0, 0, [99]]]]],
		['a definition written as a reference', [0, 0, 0, [[-1]]]],
		['a side-table GUID that is missing', [0, 0, '~']],
		['an inline GUID of the wrong length', [0, 0, '~AAAA']],
		['extra properties repeating a slot', [0, 0, 0, 0, 0, 0, 0, 0, { name: 'x' }]],
		['a fractional word number', [1.5]]
	])('the unpacker refuses %s', (_name, packed) => {
		expect(() => unpackScenario(packed, [])).toThrow(CorruptError);
	});

	it('refuses side-table GUIDs nobody asked for', () => {
		expect(() => unpackScenario([], ['00000000-0000-4000-8000-000000000000'])).toThrow(
			CorruptError
		);
	});

	it('has tables that stay consistent', () => {
		expect(new Set(DICTIONARY).size).toBe(DICTIONARY.length);
		for (const [name, shape] of Object.entries(SHAPES)) {
			const keys = shape.slots.map(([key]) => key);
			expect(new Set(keys).size, name).toBe(keys.length);
			for (const [, kind] of shape.slots) {
				const target = kind.includes(':') ? kind.slice(kind.indexOf(':') + 1) : null;
				if (target) expect(Object.keys(SHAPES), `${name} → ${kind}`).toContain(target);
			}
		}
	});
});

describe('documents the compact form cannot hold', () => {
	it('travel as they are, and the parser names what is wrong', async () => {
		const scenario = firstExample();
		const [first, ...rest] = scenario.tenants;
		if (!first) throw new Error('no tenant');
		const broken = {
			...scenario,
			tenants: [
				{
					...first,
					users: first.users.map((u) => ({ ...u, smsSignIn: 'yes' as unknown as boolean }))
				},
				...rest
			]
		};
		const result = await decodeScenarioLink(await encodeScenarioLink(broken), 's');
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.code).toBe('invalidScenario');
			expect(result.errors?.[0]?.path).toBe('tenants[0].users[0].smsSignIn');
		}
	});
});
