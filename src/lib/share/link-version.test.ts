/**
 * Link versions 1 and 2 (frame.ts, content.ts): the encoder keeps the shorter layout, version 1
 * whenever it is as short, and this trustwalk reads both.
 */
import { describe, expect, it } from 'vitest';
import { generateMesh } from '../../../scripts/generate-mesh.ts';
import { concatBytes, writeVarint } from './bytes.ts';
import { canonicalJson, packScenario } from './compact.ts';
import { readContent, writeContent } from './content.ts';
import { readFrame, writeFrame } from './frame.ts';
import { decodeScenarioLink, encodeScenarioLink } from './link.ts';
import { exampleScenarios } from './test-fixtures.ts';

const mesh = generateMesh({ tenants: 10, usersPerTenant: 5 });

describe('link version 2: the GUID table inside the deflate stream', () => {
	it('a scenario whose IDs share long runs is written as version 2 and opens exactly', async () => {
		const payload = await encodeScenarioLink(mesh);
		expect(payload.startsWith('2.')).toBe(true);
		const back = await decodeScenarioLink(payload, 's');
		if (!back.ok) throw new Error(back.message);
		expect(canonicalJson(back.scenario)).toBe(canonicalJson(mesh));
	});

	it('version 2 is chosen only because it is shorter than the best version 1 layout', async () => {
		const payload = await encodeScenarioLink(mesh);
		const { packed, guids } = packScenario(mesh, 'table');
		const json = JSON.stringify({ s: packed });
		const v1Table = await writeFrame(await writeContent(json, guids, 1));
		const inline = packScenario(mesh, 'inline');
		const v1Inline = await writeFrame(
			await writeContent(JSON.stringify({ s: inline.packed }), inline.guids, 1)
		);
		expect(payload.length).toBeLessThan(Math.min(v1Table.length, v1Inline.length));
	});

	for (const { file, scenario } of exampleScenarios) {
		it(`${file}: still written as version 1, readable by a trustwalk that knows only version 1`, async () => {
			expect((await encodeScenarioLink(scenario)).startsWith('1.')).toBe(true);
		});
	}

	it('a passphrase link of version 2 opens with its passphrase', async () => {
		const payload = await encodeScenarioLink(mesh, { passphrase: 'pw', iterations: 1000 });
		const back = await decodeScenarioLink(payload, 'e', 'pw', { iterations: 1000 });
		expect(back.ok && canonicalJson(back.scenario) === canonicalJson(mesh)).toBe(true);
	});

	it('the frame reports its version, so the content is read in the right layout', async () => {
		const { packed, guids } = packScenario(mesh, 'table');
		const json = JSON.stringify({ s: packed });
		const frame = await readFrame(
			await writeFrame(await writeContent(json, guids, 2), undefined, 2),
			's',
			undefined,
			1000
		);
		if (!frame.ok) throw new Error(frame.code);
		expect(frame.version).toBe(2);
		const content = await readContent(frame.content, frame.version);
		expect(content).toEqual({ ok: true, json, guids });
	});

	it('version 2 content read as version 1 (a marker changed by hand) fails cleanly', async () => {
		const { packed, guids } = packScenario(mesh, 'table');
		const v2 = await writeContent(JSON.stringify({ s: packed }), guids, 2);
		const result = await readContent(v2, 1);
		expect(result.ok).toBe(false);
	});

	it('a version 2 table longer than what inflates is corrupt, not an exception', async () => {
		const { packed, guids } = packScenario(mesh, 'table');
		const v2 = await writeContent(JSON.stringify({ s: packed }), guids, 2);
		// Claim five times as many GUIDs: the inflated bytes end inside the table.
		const tampered = concatBytes([
			writeVarint(guids.length * 5),
			v2.subarray(writeVarint(guids.length).length)
		]);
		expect((await readContent(tampered, 2)).ok).toBe(false);
	});
});
