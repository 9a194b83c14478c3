/**
 * The scenario's assumption options (rules file §7): how group targets count nested members (A3) and
 * what happens when the resource tenant trusts MFA the user has not done yet (A5). Files stay minimal:
 * an option at its default is not written, and `options` disappears when both are at their defaults.
 */
import type { Scenario, ScenarioOptions } from './schema.ts';

export type GroupMembership = NonNullable<ScenarioOptions['groupMembership']>;
export type MfaTrustedButNotPerformed = NonNullable<ScenarioOptions['mfaTrustedButNotPerformed']>;
export type EffectiveOptions = Required<ScenarioOptions>;

/** What the engine assumes when the scenario says nothing. */
export const DEFAULT_OPTIONS: Readonly<EffectiveOptions> = Object.freeze({
	groupMembership: 'transitive',
	mfaTrustedButNotPerformed: 'homeChallenge'
});

const ALLOWED: { [K in keyof EffectiveOptions]: readonly EffectiveOptions[K][] } = {
	groupMembership: ['transitive', 'direct'],
	mfaTrustedButNotPerformed: ['homeChallenge', 'block']
};

const KEYS = Object.keys(ALLOWED) as (keyof EffectiveOptions)[];

/** The options in force: the scenario's own, and the defaults for the ones it leaves out. */
export function effectiveOptions(scenario: Pick<Scenario, 'options'>): EffectiveOptions {
	return {
		groupMembership: scenario.options?.groupMembership ?? DEFAULT_OPTIONS.groupMembership,
		mfaTrustedButNotPerformed:
			scenario.options?.mfaTrustedButNotPerformed ?? DEFAULT_OPTIONS.mfaTrustedButNotPerformed
	};
}

/** True when an option differs from its default. */
export function isNonDefault(options: EffectiveOptions, key: keyof EffectiveOptions): boolean {
	return options[key] !== DEFAULT_OPTIONS[key];
}

/**
 * Sets the options named in `patch` and leaves the others as the file has them. An option set back to
 * its default is removed, and so is `options` once both are at their defaults. A patch that changes
 * nothing in force, or names a value that is not an option, returns the same scenario (no undo step).
 */
export function setScenarioOptions(scenario: Scenario, patch: ScenarioOptions): Scenario {
	const current = effectiveOptions(scenario);
	const next: ScenarioOptions = { ...scenario.options };
	let changed = false;
	for (const key of KEYS) {
		const value = patch[key];
		if (value === undefined || value === current[key]) continue;
		if (!(ALLOWED[key] as readonly string[]).includes(value)) return scenario;
		changed = true;
		if (value === DEFAULT_OPTIONS[key]) delete next[key];
		else Object.assign(next, { [key]: value });
	}
	if (!changed) return scenario;
	const inForce = effectiveOptions({ options: next });
	if (KEYS.some((key) => isNonDefault(inForce, key))) return { ...scenario, options: next };
	const minimal: Scenario = { ...scenario };
	delete minimal.options;
	return minimal;
}
