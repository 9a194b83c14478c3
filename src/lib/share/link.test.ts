import { describe, expect, it } from 'vitest';
import { PBKDF2_ITERATIONS } from './crypto.ts';
import { deflateRaw } from './deflate.ts';
import { writeFrame, MAX_PAYLOAD_LENGTH } from './frame.ts';
import { concatBytes, writeVarint } from './bytes.ts';
import {
	decodeScenarioLink,
	encodeScenarioLink,
	LinkTooLargeError,
	type DecodedLink
} from './link.ts';
import {
	TEST_ITERATIONS,
	exampleScenarios,
	firstExample,
	flipAt,
	payloadAround
} from './test-fixtures.ts';

const test = { iterations: TEST_ITERATIONS };
/** PBKDF2 at the real iteration count takes about half a second a derivation; more on a busy machine. */
const SLOW = 60_000;

function failureOf(result: DecodedLink) {
	if (result.ok) throw new Error('expected the link not to open');
	return result;
}

describe('round trip of the examples', () => {
	for (const { file, scenario } of exampleScenarios) {
		it(`${file}: plain`, async () => {
			const payload = await encodeScenarioLink(scenario);
			expect(payload.startsWith('1.')).toBe(true);
			expect(payload).toMatch(/^1\.[A-Za-z0-9_-]+$/);
			expect(await decodeScenarioLink(payload, 's')).toStrictEqual({ ok: true, scenario });
		});

		it(
			`${file}: with a passphrase, at the real iteration count`,
			async () => {
				const payload = await encodeScenarioLink(scenario, { passphrase: 'correct horse' });
				expect(await decodeScenarioLink(payload, 'e', 'correct horse')).toStrictEqual({
					ok: true,
					scenario
				});
			},
			SLOW
		);
	}

	it('carries the attempt and the step', async () => {
		const scenario = firstExample();
		const attempt = scenario.attempts?.[2]?.name ?? '';
		const payload = await encodeScenarioLink(scenario, { attempt, step: 3 });
		expect(await decodeScenarioLink(payload, 's')).toStrictEqual({
			ok: true,
			scenario,
			attempt,
			step: 3
		});
	});

	it('makes the same plain payload for the same scenario, and a new one each time with a passphrase', async () => {
		const scenario = firstExample();
		expect(await encodeScenarioLink(scenario)).toBe(await encodeScenarioLink(scenario));
		const one = await encodeScenarioLink(scenario, { passphrase: 'p', ...test });
		const two = await encodeScenarioLink(scenario, { passphrase: 'p', ...test });
		expect(one).not.toBe(two);
	});

	it('keeps Example 1 under 1,000 characters', async () => {
		expect((await encodeScenarioLink(firstExample())).length).toBeLessThanOrEqual(1000);
	});

	it('reads a link broken across lines by a mail program', async () => {
		const payload = await encodeScenarioLink(firstExample());
		const broken = `${payload.slice(0, 300)}\n ${payload.slice(300, 600)}\r\n${payload.slice(600)}`;
		expect((await decodeScenarioLink(broken, 's')).ok).toBe(true);
	});

	it('refuses bad options', async () => {
		await expect(encodeScenarioLink(firstExample(), { passphrase: '' })).rejects.toThrow(
			/cannot be empty/
		);
		await expect(encodeScenarioLink(firstExample(), { step: -1 })).rejects.toThrow(RangeError);
	});
});

describe('passphrases', () => {
	it('uses at least 200,000 PBKDF2 iterations', () => {
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(200_000);
	});

	it(
		'a wrong passphrase, at the real iteration count, is a clear failure, not an exception',
		async () => {
			const payload = await encodeScenarioLink(firstExample(), { passphrase: 'right' });
			const result = failureOf(await decodeScenarioLink(payload, 'e', 'wrong'));
			expect(result.code).toBe('wrongPassphrase');
			expect(result.message).toMatch(/passphrase does not open the link/);
			// The iteration count is part of the format: a reader using another one cannot open it.
			expect(failureOf(await decodeScenarioLink(payload, 'e', 'right', test)).code).toBe(
				'wrongPassphrase'
			);
		},
		SLOW
	);

	it('asks for the passphrase when there is none', async () => {
		const payload = await encodeScenarioLink(firstExample(), { passphrase: 'secret', ...test });
		for (const missing of [undefined, '']) {
			const result = failureOf(await decodeScenarioLink(payload, 'e', missing, test));
			expect(result.code).toBe('needsPassphrase');
			expect(result.message).toMatch(/protected with a passphrase/);
		}
	});

	it('treats the same passphrase typed in another Unicode form as the same', async () => {
		const composed = 'caf\u00e9';
		const decomposed = 'cafe\u0301';
		const payload = await encodeScenarioLink(firstExample(), { passphrase: composed, ...test });
		expect((await decodeScenarioLink(payload, 'e', decomposed, test)).ok).toBe(true);
	});

	it('a passphrase link read as a plain one is reported as changed', async () => {
		const payload = await encodeScenarioLink(firstExample(), { passphrase: 'p', ...test });
		expect(failureOf(await decodeScenarioLink(payload, 's')).code).toBe('corrupt');
	});
});

describe('broken links', () => {
	it('an empty payload', async () => {
		const result = failureOf(await decodeScenarioLink('', 's'));
		expect(result.code).toBe('empty');
		expect(failureOf(await decodeScenarioLink(undefined as unknown as string, 's')).code).toBe(
			'empty'
		);
	});

	it.each([
		['no marker', 'hello', 'unknownVersion'],
		['a letter for a marker', 'x.AAAA', 'unknownVersion'],
		['version 0', '0.AAAA', 'unknownVersion'],
		['a padded version', '01.AAAA', 'unknownVersion'],
		['a newer link version', '3.AAAA', 'newerVersion'],
		['a much newer link version', '999999.AAAA', 'newerVersion'],
		['characters outside base64url', '1.AB+/AA==', 'notBase64'],
		['only the marker', '1.', 'truncated'],
		['cut inside the marker', '1', 'truncated']
	])('%s', async (_name, payload, code) => {
		const result = failureOf(await decodeScenarioLink(payload, 's'));
		expect(result.code).toBe(code);
		expect(result.message.length).toBeGreaterThan(20);
	});

	it('a newer link version says to open it in a newer trustwalk', async () => {
		const result = failureOf(await decodeScenarioLink('3.AAAA', 's'));
		expect(result.message).toMatch(/newer trustwalk \(link version 3\).*Open it in the latest/);
	});

	it('a payload longer than any link trustwalk makes', async () => {
		const result = failureOf(await decodeScenarioLink(`1.${'A'.repeat(MAX_PAYLOAD_LENGTH)}`, 's'));
		expect(result.code).toBe('tooLarge');
	});

	it('garbage', async () => {
		for (const garbage of ['1.AAAA', '1.____', `1.${'A'.repeat(500)}`, '1.-', '#s=1.abc']) {
			const result = await decodeScenarioLink(garbage, 's');
			expect(result.ok).toBe(false);
		}
	});

	it('cut at any point: truncated, plain and with a passphrase', async () => {
		const plain = await encodeScenarioLink(firstExample());
		const sealed = await encodeScenarioLink(firstExample(), { passphrase: 'p', ...test });
		for (const [payload, kind] of [
			[plain, 's'],
			[sealed, 'e']
		] as const) {
			const cuts = [
				1,
				2,
				3,
				4,
				5,
				10,
				50,
				payload.length >> 1,
				payload.length - 2,
				payload.length - 1
			];
			for (const cut of cuts) {
				const result = failureOf(await decodeScenarioLink(payload.slice(0, cut), kind, 'p', test));
				expect(result.code, `cut at ${cut}`).toBe('truncated');
				expect(result.message).toBe(
					'The link was cut off, probably by a chat tool: ask for it again, or for the scenario as a file.'
				);
			}
		}
	});

	it('one changed character: corrupt (plain) or not opened (passphrase), never the wrong scenario', async () => {
		const plain = await encodeScenarioLink(firstExample());
		const sealed = await encodeScenarioLink(firstExample(), { passphrase: 'p', ...test });
		// From the 4th character of the body on, the length in front is intact.
		const body = 2 + 3;
		for (let at = body; at < plain.length; at += 7) {
			const result = failureOf(await decodeScenarioLink(flipAt(plain, at), 's'));
			expect(result.code, `changed at ${at}`).toBe('corrupt');
		}
		for (let at = body; at < sealed.length; at += 29) {
			const result = failureOf(await decodeScenarioLink(flipAt(sealed, at), 'e', 'p', test));
			expect(result.code, `changed at ${at}`).toBe('wrongPassphrase');
		}
		// In the length itself: either cut off or changed, depending on the direction.
		for (let at = 2; at < body; at++) {
			const result = failureOf(await decodeScenarioLink(flipAt(plain, at, 17), 's'));
			expect(['truncated', 'corrupt']).toContain(result.code);
		}
	});

	it('a character added at the end, or stray bits in the last one', async () => {
		const plain = await encodeScenarioLink(firstExample());
		expect(failureOf(await decodeScenarioLink(`${plain}A`, 's')).code).toBe('corrupt');
		expect(failureOf(await decodeScenarioLink(`${plain}AAAA`, 's')).code).toBe('corrupt');
	});

	it('a payload that inflates past the cap stops reading and says so', async () => {
		const huge = JSON.stringify({ r: { ...firstExample(), description: 'a'.repeat(3_000_000) } });
		const payload = await payloadAround(huge);
		expect(payload.length).toBeLessThan(10_000);
		const result = failureOf(await decodeScenarioLink(payload, 's'));
		expect(result.code).toBe('tooLarge');
		expect(result.message).toMatch(/as a file/);
	});

	it('a deflate bomb (64 MB of zeros in a small link) is stopped early', async () => {
		const deflated = await deflateRaw(new Uint8Array(64 * 1024 * 1024));
		const content = concatBytes([writeVarint(0), deflated]);
		const payload = await writeFrame(content);
		const started = performance.now();
		const result = failureOf(await decodeScenarioLink(payload, 's'));
		expect(result.code).toBe('tooLarge');
		expect(performance.now() - started).toBeLessThan(5_000);
	}, 30_000);

	it('the encoder refuses a scenario too large to open from a link', async () => {
		const huge = { ...firstExample(), description: 'x'.repeat(3_000_000) };
		await expect(encodeScenarioLink(huge)).rejects.toBeInstanceOf(LinkTooLargeError);
	});

	it.each([
		['not JSON', 'not json'],
		['not an envelope', '[1,2,3]'],
		['both forms', '{"s":[],"r":{}}'],
		['neither form', '{"a":"x"}'],
		['an unknown envelope property', '{"r":{},"z":1}'],
		['a step that is not a whole number', '{"r":{},"t":1.5}'],
		['an attempt that is not text', '{"r":{},"a":3}'],
		['a compact form no encoder writes', '{"s":{"x":1}}'],
		['a reference to nothing', '{"s":[10,1,-9]}'],
		['a word number past the dictionary', '{"s":[10,1,9999]}']
	])('inner content that no encoder writes (%s): corrupt', async (_name, json) => {
		expect(failureOf(await decodeScenarioLink(await payloadAround(json), 's')).code).toBe(
			'corrupt'
		);
	});

	it('content that is not UTF-8: corrupt', async () => {
		const deflated = await deflateRaw(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
		const payload = await writeFrame(concatBytes([writeVarint(0), deflated]));
		expect(failureOf(await decodeScenarioLink(payload, 's')).code).toBe('corrupt');
	});
});

describe('scenarios that do not pass the parser', () => {
	it('a valid link whose scenario fails the schema: invalidScenario with the paths', async () => {
		const broken = { ...firstExample(), name: '' };
		const result = failureOf(await decodeScenarioLink(await encodeScenarioLink(broken), 's'));
		expect(result.code).toBe('invalidScenario');
		expect(result.errors?.map((e) => e.path)).toContain('name');
		expect(result.message).toMatch(
			/^The link opened, but the scenario in it is not valid \(name: /
		);
	});

	it('a scenario whose references the parser refuses', async () => {
		const scenario = firstExample();
		const [first, ...rest] = scenario.tenants;
		if (!first) throw new Error('no tenant');
		const broken = { ...scenario, tenants: [{ ...first, domain: 'elsewhere.com' }, ...rest] };
		const result = failureOf(await decodeScenarioLink(await encodeScenarioLink(broken), 's'));
		expect(result.code).toBe('invalidScenario');
		expect(result.errors?.[0]?.path).toBe('tenants[0].users[0].userPrincipalName');
	});

	it('a scenario in a newer format version: the parser says so', async () => {
		const newer = JSON.stringify({ r: { ...firstExample(), version: 2 } });
		const result = failureOf(await decodeScenarioLink(await payloadAround(newer), 's'));
		expect(result.code).toBe('newerVersion');
		expect(result.message).toMatch(
			/^This scenario was written in format version 2, by a newer trustwalk/
		);
	});
});
