import { describe, expect, it } from 'vitest';
import { checkChallenge, challengeGoals } from '../domain/challenge.ts';
import { setDirectConnect } from '../domain/commands.ts';
import { goalStatus } from '../domain/lessons/check.ts';
import { decodeScenarioLink, encodeScenarioLink, type DecodedLink } from './link.ts';
import { TEST_ITERATIONS, exampleScenarios, firstExample, payloadAround } from './test-fixtures.ts';

const test = { iterations: TEST_ITERATIONS };

/**
 * An envelope as links carried it before challenges existed (`{ r, a, t }`, no `c`): it must keep
 * opening exactly as it did, with no `challenge` in the result.
 */
async function oldStyleLink(): Promise<string> {
	return payloadAround(JSON.stringify({ r: firstExample(), a: 'x', t: 2 }));
}

function failureOf(result: DecodedLink) {
	if (result.ok) throw new Error('expected the link not to open');
	return result;
}

describe('the challenge marker in the link envelope (c)', () => {
	it('round-trips a title and a brief', async () => {
		const scenario = firstExample();
		const challenge = { title: 'Open the door', brief: 'Both admins must act.' };
		const payload = await encodeScenarioLink(scenario, { challenge });
		expect(await decodeScenarioLink(payload, 's')).toStrictEqual({
			ok: true,
			scenario,
			challenge
		});
	});

	it('round-trips an empty marker: still a challenge', async () => {
		const payload = await encodeScenarioLink(firstExample(), { challenge: {} });
		const result = await decodeScenarioLink(payload, 's');
		expect(result.ok && result.challenge).toStrictEqual({});
	});

	it('works behind a passphrase, with an attempt', async () => {
		const scenario = firstExample();
		const attempt = scenario.attempts?.[0]?.name ?? '';
		const payload = await encodeScenarioLink(scenario, {
			challenge: { title: 'T' },
			attempt,
			passphrase: 'secret',
			...test
		});
		expect(await decodeScenarioLink(payload, 'e', 'secret', test)).toStrictEqual({
			ok: true,
			scenario,
			attempt,
			challenge: { title: 'T' }
		});
	});

	it('links without it decode as before, with no challenge', async () => {
		for (const { scenario } of exampleScenarios) {
			const result = await decodeScenarioLink(await encodeScenarioLink(scenario), 's');
			expect(result).toStrictEqual({ ok: true, scenario });
		}
		expect(await decodeScenarioLink(await oldStyleLink(), 's')).toStrictEqual({
			ok: true,
			scenario: firstExample(),
			attempt: 'x',
			step: 2
		});
	});

	it('a link without a challenge is byte for byte what it was (no c written)', async () => {
		const plain = await encodeScenarioLink(firstExample());
		const marked = await encodeScenarioLink(firstExample(), { challenge: {} });
		expect(plain).not.toBe(marked);
		expect(plain).toBe(await encodeScenarioLink(firstExample(), { challenge: undefined }));
	});

	it.each([
		['a marker that is not an object', '{"r":{},"c":1}'],
		['a marker that is a list', '{"r":{},"c":[]}'],
		['a title that is not text', '{"r":{},"c":{"title":5}}'],
		['an unknown marker property', '{"r":{},"c":{"solution":{}}}']
	])('inner content no encoder writes (%s): corrupt', async (_name, json) => {
		expect(failureOf(await decodeScenarioLink(await payloadAround(json), 's')).code).toBe(
			'corrupt'
		);
	});

	it('the encoder refuses a title too long for a link', async () => {
		await expect(
			encodeScenarioLink(firstExample(), { challenge: { title: 'x'.repeat(201) } })
		).rejects.toThrow(TypeError);
	});
});

describe('a challenge link carries the start, never the solution (S1, S2)', () => {
	it('Example 2 with a closed inbound start: the decoded scenario does not meet its goal', async () => {
		const solution = exampleScenarios[1]!.scenario;
		const contoso = solution.tenants.find((t) => t.displayName === 'Contoso')!;
		const fabrikam = solution.tenants.find((t) => t.displayName === 'Fabrikam')!;
		const start = setDirectConnect(solution, {
			tenantId: contoso.tenantId,
			partnerTenantId: fabrikam.tenantId,
			direction: 'inbound',
			usersAndGroups: {
				accessType: 'blocked',
				targets: [{ target: 'AllUsers', targetType: 'user' }]
			}
		});
		const check = checkChallenge(solution, start, 'Marketing only');
		if (!check.link) throw new Error('the challenge should be shareable');
		const payload = await encodeScenarioLink(check.link, {
			challenge: { title: 'Marketing only' }
		});
		const result = await decodeScenarioLink(payload, 's');
		if (!result.ok) throw new Error(result.message);
		expect(result.challenge).toEqual({ title: 'Marketing only' });
		expect(goalStatus({ goal: challengeGoals(result.scenario) }, result.scenario).complete).toBe(
			false
		);
		expect(result.scenario.tenants).toEqual(start.tenants);
		expect(result.scenario.tenants).not.toEqual(solution.tenants);
	});
});
