// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../examples/index.ts';
import { Playground } from '../state/playground.svelte.ts';
import { createMemoryStore } from '../storage/store.ts';
import { evaluateAttempt } from './engine/index.ts';
import type { Scenario } from './schema.ts';
import { DEFAULT_OPTIONS, effectiveOptions, setScenarioOptions } from './scenario-options.ts';
import { frozen, loadFrozen } from './test-fixtures/frozen.ts';
import {
	ScenarioBuilder,
	UPN,
	allowed,
	b2b,
	ALL_APPLICATIONS,
	groupTarget,
	IDS
} from './test-fixtures/scenario-builder.ts';

/** Fabrikam lets only Marketing out; Diego is in Marketing only through Campaigns (nested, A3). */
function nested(): Scenario {
	return frozen(
		new ScenarioBuilder()
			.openDefaults()
			.defaultDirectConnect(
				'fabrikam',
				'outbound',
				b2b(allowed(groupTarget(IDS.marketing)), allowed(ALL_APPLICATIONS))
			)
			.build()
	);
}

const diegoToContoso = {
	name: 'Diego opens a Contoso channel',
	user: UPN.diego,
	resourceTenant: 'contoso.com',
	application: 'Office365'
};

describe('effectiveOptions', () => {
	it('A3/A5: a scenario without options uses transitive membership and the home MFA challenge', () => {
		expect(effectiveOptions(loadFrozen())).toEqual(DEFAULT_OPTIONS);
		expect(DEFAULT_OPTIONS).toEqual({
			groupMembership: 'transitive',
			mfaTrustedButNotPerformed: 'homeChallenge'
		});
	});

	it('fills in only the options the scenario leaves out', () => {
		expect(effectiveOptions({ options: { mfaTrustedButNotPerformed: 'block' } })).toEqual({
			groupMembership: 'transitive',
			mfaTrustedButNotPerformed: 'block'
		});
	});
});

describe('setScenarioOptions', () => {
	it('A3: writes only the changed option and leaves the tenants alone', () => {
		const before = loadFrozen();
		const after = setScenarioOptions(before, { groupMembership: 'direct' });
		expect(after.options).toEqual({ groupMembership: 'direct' });
		expect(after.tenants).toBe(before.tenants);
		expect(before.options).toBeUndefined();
	});

	it('A5: a second option joins the first without rewriting it', () => {
		const direct = setScenarioOptions(loadFrozen(), { groupMembership: 'direct' });
		const both = setScenarioOptions(direct, { mfaTrustedButNotPerformed: 'block' });
		expect(both.options).toEqual({ groupMembership: 'direct', mfaTrustedButNotPerformed: 'block' });
	});

	it('an option set back to its default is removed, the other one stays', () => {
		const both = setScenarioOptions(loadFrozen(), {
			groupMembership: 'direct',
			mfaTrustedButNotPerformed: 'block'
		});
		const one = setScenarioOptions(both, { groupMembership: 'transitive' });
		expect(one.options).toEqual({ mfaTrustedButNotPerformed: 'block' });
	});

	it('removes the options object once both are back at their defaults', () => {
		const direct = setScenarioOptions(loadFrozen(), { groupMembership: 'direct' });
		const back = setScenarioOptions(direct, { groupMembership: 'transitive' });
		expect('options' in back).toBe(false);
		expect(JSON.stringify(back)).not.toContain('"options"');
	});

	it('an explicit default in the file is kept until the last non-default option goes', () => {
		const explicit = frozen({
			...loadFrozen(),
			options: { groupMembership: 'transitive' as const }
		});
		const block = setScenarioOptions(explicit, { mfaTrustedButNotPerformed: 'block' });
		expect(block.options).toEqual({
			groupMembership: 'transitive',
			mfaTrustedButNotPerformed: 'block'
		});
		expect(
			'options' in setScenarioOptions(block, { mfaTrustedButNotPerformed: 'homeChallenge' })
		).toBe(false);
	});

	it('a patch that changes nothing in force returns the same scenario (no undo step)', () => {
		const before = loadFrozen();
		expect(setScenarioOptions(before, { groupMembership: 'transitive' })).toBe(before);
		expect(setScenarioOptions(before, {})).toBe(before);
		const explicit = frozen({ ...before, options: { groupMembership: 'transitive' as const } });
		expect(setScenarioOptions(explicit, { groupMembership: 'transitive' })).toBe(explicit);
	});

	it('a value that is not an option changes nothing', () => {
		const before = loadFrozen();
		const bad = { groupMembership: 'nested' } as unknown as Parameters<
			typeof setScenarioOptions
		>[1];
		expect(setScenarioOptions(before, bad)).toBe(before);
	});

	it('A3: the engine follows the option (a nested member passes, then is stopped at outbound)', () => {
		const transitive = nested();
		expect(evaluateAttempt(transitive, diegoToContoso).outcome).toBe('granted');
		const direct = setScenarioOptions(transitive, { groupMembership: 'direct' });
		const result = evaluateAttempt(direct, diegoToContoso);
		expect(result).toMatchObject({ outcome: 'blocked', step: 'outbound' });
		expect(result.trace.find((s) => s.step === 'outbound')?.assumptions).toContain('A3');
	});
});

describe('setScenarioOptions through the playground', () => {
	it('A3: the change is one undoable, redoable edit, and is saved with the scenario', async () => {
		const p = new Playground({ store: createMemoryStore(), examples: EXAMPLES, saveDelayMs: 5 });
		await p.init();
		const before = p.scenario;
		expect(p.apply((s) => setScenarioOptions(s, { groupMembership: 'direct' }))).toBe(true);
		const after = p.scenario;
		expect(after?.options).toEqual({ groupMembership: 'direct' });
		await p.flush();
		const stored = await p.store.get(p.record?.id ?? '');
		expect((stored?.document as Scenario).options).toEqual({ groupMembership: 'direct' });
		p.undo();
		expect(p.scenario).toBe(before);
		expect(p.scenario?.options).toBeUndefined();
		p.redo();
		expect(p.scenario).toBe(after);
	});

	it('setting an option to what is in force records no undo step', async () => {
		const p = new Playground({ store: createMemoryStore(), examples: EXAMPLES, saveDelayMs: 5 });
		await p.init();
		expect(p.apply((s) => setScenarioOptions(s, { groupMembership: 'transitive' }))).toBe(false);
	});
});
