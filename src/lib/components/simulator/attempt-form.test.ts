import { describe, expect, it } from 'vitest';
import { evaluateAttempt, type TraceStep } from '$lib/domain/engine/index.ts';
import { parseScenario } from '$lib/domain/parse.ts';
import type { Scenario } from '$lib/domain/schema.ts';
import example1 from '../../examples/example-1-fabrikam-all-users.json';
import example3 from '../../examples/example-3-mfa-trust-and-auto-redemption.json';
import {
	appGroups,
	attemptFrom,
	defaultForm,
	formFrom,
	suggestedName,
	userGroups
} from './attempt-form.ts';
import { errorLabel, highlightFor, readablePath } from './walk-words.ts';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';

function load(json: unknown): Scenario {
	const parsed = parseScenario(structuredClone(json));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.scenario;
}

const ex1 = load(example1);
const ex3 = load(example3);

describe('simulator form', () => {
	it('A5, A7: every saved example attempt survives form and back with the same result and answers', () => {
		for (const s of [ex1, ex3])
			for (const a of s.attempts ?? []) {
				const back = attemptFrom(s, formFrom(s, a), a.name);
				expect(evaluateAttempt(s, back)).toEqual(evaluateAttempt(s, a));
			}
	});

	it('writes readable references and only the claims that are set', () => {
		const form = { ...defaultForm(ex1), mfa: true };
		const a = attemptFrom(ex1, form, 'x');
		expect(a).toEqual({
			name: 'x',
			user: 'adele@contoso.com',
			resourceTenant: 'fabrikam.com',
			application: 'Office365',
			session: { mfa: true }
		});
	});

	it('S0: the home tenant may be chosen as the resource, and the walk fails at preconditions', () => {
		const form = { ...defaultForm(ex1), resourceTenant: CONTOSO };
		const result = evaluateAttempt(ex1, attemptFrom(ex1, form, 'same tenant'));
		expect(result.step).toBe('preconditions');
	});

	it('keeps a reference that names nobody, so the walk explains it instead of hiding it', () => {
		const form = formFrom(ex1, { ...ex1.attempts![0]!, user: 'ghost@nowhere.example' });
		expect(form.user).toBe('ghost@nowhere.example');
		expect(attemptFrom(ex1, form, 'g').user).toBe('ghost@nowhere.example');
	});

	it('groups users by home tenant with name and UPN', () => {
		const fabrikam = userGroups(ex1).find((g) => g.label.startsWith('Fabrikam'));
		expect(fabrikam?.options.map((o) => o.label)).toContain('Alex Wilber (alex@fabrikam.com)');
	});

	it('offers Teams as Office365 first, then the other Microsoft apps', () => {
		const [microsoft] = appGroups(ex1, FABRIKAM);
		expect(microsoft?.options[0]).toEqual({
			value: 'Office365',
			label: 'Microsoft Teams (shared channels)'
		});
		expect(microsoft?.options.map((o) => o.label)).not.toContain('Microsoft Teams');
	});

	it('suggests a name from the user, the app and the tenant', () => {
		expect(suggestedName(ex1, defaultForm(ex1))).toBe(
			'Adele Vance opens Microsoft Teams in Fabrikam'
		);
	});
});

describe('walk words', () => {
	it('S1, S2, S3: error codes read as Entra shows them', () => {
		expect(errorLabel(500212)).toBe('AADSTS500212 (NotAllowedByOutboundPolicyTenant)');
		expect(errorLabel(500213)).toBe('AADSTS500213 (NotAllowedByInboundPolicyTenant)');
		expect(errorLabel(53003)).toBe('error 53003');
		expect(errorLabel(0)).toBeNull();
	});

	it('names tenants in setting paths', () => {
		expect(readablePath(ex1, `partners[${FABRIKAM}].b2bDirectConnectInbound`)).toBe(
			'partners[Fabrikam].b2bDirectConnectInbound'
		);
	});

	it('S1 at home, S2 at the resource: the graph points at the tenant being checked', () => {
		const step = (id: TraceStep['step']) => ({ step: id }) as TraceStep;
		const edge = { from: FABRIKAM, to: CONTOSO };
		expect(highlightFor('idle', [], FABRIKAM, CONTOSO)).toEqual({ tenantId: null, edge: null });
		expect(highlightFor('preconditions', [step('preconditions')], FABRIKAM, CONTOSO)).toEqual({
			tenantId: null,
			edge
		});
		expect(highlightFor('outbound', [step('outbound')], FABRIKAM, CONTOSO).tenantId).toBe(FABRIKAM);
		expect(highlightFor('inbound', [step('inbound')], FABRIKAM, CONTOSO).tenantId).toBe(CONTOSO);
		expect(highlightFor('homeMfaChallenge', [step('inbound')], FABRIKAM, CONTOSO).tenantId).toBe(
			FABRIKAM
		);
		expect(highlightFor('blocked', [step('inbound')], FABRIKAM, CONTOSO)).toEqual({
			tenantId: null,
			edge: null
		});
	});
});
