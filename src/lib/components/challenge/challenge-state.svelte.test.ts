// @vitest-environment happy-dom
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { checkChallenge } from '$lib/domain/challenge.ts';
import { setDirectConnect } from '$lib/domain/commands.ts';
import { parseScenario } from '$lib/domain/parse.ts';
import type { Scenario } from '$lib/domain/schema.ts';
import { EXAMPLES } from '$lib/examples/index.ts';
import { Playground } from '$lib/state/playground.svelte.ts';
import { createMemoryStore } from '$lib/storage/store.ts';
import { challengesFor, registerChallenge } from './challenge-state.svelte.ts';

const parsed = parseScenario(EXAMPLES[1]?.document);
if (!parsed.ok) throw new Error('example 2 does not parse');
const solution = parsed.scenario;
const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const MARKETING = 'fcd7839f-e457-4155-9cc5-aa28fc98faf7';
const inbound = (s: Scenario, accessType: 'allowed' | 'blocked') =>
	setDirectConnect(s, {
		tenantId: CONTOSO,
		partnerTenantId: FABRIKAM,
		direction: 'inbound',
		usersAndGroups: { accessType, targets: [{ target: MARKETING, targetType: 'group' }] }
	});

/** A playground with the challenge link's scenario opened and registered, as the page does it. */
async function openedChallenge() {
	const store = createMemoryStore();
	const start = checkChallenge(solution, inbound(solution, 'blocked'), 'Door').link;
	if (!start) throw new Error('not a fair challenge');
	const p = new Playground({ store, examples: EXAMPLES, saveDelayMs: 1 });
	await p.init();
	await p.createFrom(start, 'link');
	const id = p.record?.id ?? '';
	await registerChallenge(store, id, start, { title: 'Door' }, 1);
	return { p, store, id };
}

const settle = () => new Promise((done) => setTimeout(done, 20));

describe('challenge mode (S1, S2 decide the goal)', () => {
	it('is on for the link’s scenario only, with the goal frozen and unmet', async () => {
		const { p } = await openedChallenge();
		const state = challengesFor(p);
		await settle();
		expect(state.current?.title).toBe('Door');
		expect(state.status?.items.map((i) => i.met)).toEqual([false, true, true]);
		expect(state.guarded).toBe(true);
		const other = p.library.find((r) => r.name.startsWith('Example 1'));
		await p.open(other?.id ?? '');
		expect(state.current).toBeNull();
		expect(state.guarded).toBe(false);
	});

	it('notices the solve without any view open, stores it once, and survives a reload', async () => {
		const { p, store, id } = await openedChallenge();
		const state = challengesFor(p);
		await settle();
		p.apply((s) => inbound(s, 'allowed'));
		flushSync();
		await settle();
		expect(state.status?.complete).toBe(true);
		const solvedAt = state.current?.solvedAt;
		expect(solvedAt).toBeTypeOf('number');

		// Deleting the attempts does not change the goal: it was frozen when the link was opened.
		p.apply((s) => ({ ...s, attempts: [] }));
		expect(state.status?.items).toHaveLength(3);

		const again = new Playground({ store, examples: EXAMPLES });
		await again.init();
		await again.open(id);
		const reloaded = challengesFor(again);
		await settle();
		expect(reloaded.current?.solvedAt).toBe(solvedAt);
	});

	it('the spoiler choice is remembered', async () => {
		const { p, store } = await openedChallenge();
		const state = challengesFor(p);
		await settle();
		await state.revealSpoilers();
		expect(state.guarded).toBe(false);
		expect(JSON.stringify(await store.getMeta('challenges'))).toContain('"spoilersShown":true');
	});

	it('a change in one tab keeps a challenge another tab stored meanwhile', async () => {
		const { p, store } = await openedChallenge();
		const state = challengesFor(p);
		await settle();
		// Another tab opens a second challenge link after this tab loaded its records.
		await registerChallenge(store, 'other-tab', inbound(solution, 'blocked'), { title: 'B' }, 2);
		await state.revealSpoilers();
		const stored = (await store.getMeta('challenges')) as Record<string, unknown>;
		expect(Object.keys(stored).sort()).toEqual(['other-tab', p.record?.id ?? ''].sort());
		await state.leave();
		expect(Object.keys((await store.getMeta('challenges')) as object)).toEqual(['other-tab']);
	});

	it('a scenario without expectations is not registered as a challenge', async () => {
		const store = createMemoryStore();
		await registerChallenge(store, 'x', { ...solution, attempts: [] }, {});
		expect(await store.getMeta('challenges')).toBeUndefined();
	});
});
