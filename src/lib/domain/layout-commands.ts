/**
 * Pure commands for the canvas layout (`scenario.layout`): where each tenant's card sits. Positions
 * are whole pixels, and a command that changes nothing returns the same scenario, so a click that
 * did not move a card records no undo step.
 */
import type { Scenario } from './schema.ts';

export type CanvasPosition = { x: number; y: number };
export type ScenarioLayout = NonNullable<Scenario['layout']>;

function whole(p: CanvasPosition): CanvasPosition | null {
	if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
	return { x: Math.round(p.x), y: Math.round(p.y) };
}

function sameLayout(a: ScenarioLayout | undefined, b: ScenarioLayout): boolean {
	const keys = Object.keys(b);
	if (!a || Object.keys(a).length !== keys.length) return false;
	return keys.every((k) => a[k]?.x === b[k]?.x && a[k]?.y === b[k]?.y);
}

/** Replaces the whole layout; positions of tenants the scenario does not have are dropped. */
export function setLayout(scenario: Scenario, layout: ScenarioLayout): Scenario {
	const known = new Set(scenario.tenants.map((t) => t.tenantId));
	const next: ScenarioLayout = {};
	for (const [id, position] of Object.entries(layout)) {
		const p = whole(position);
		if (known.has(id) && p) next[id] = p;
	}
	return sameLayout(scenario.layout, next) ? scenario : { ...scenario, layout: next };
}

/** Puts one tenant's card at `position`; other cards keep theirs. Unknown tenants change nothing. */
export function moveTenant(
	scenario: Scenario,
	tenantId: string,
	position: CanvasPosition
): Scenario {
	const p = whole(position);
	if (!p || !scenario.tenants.some((t) => t.tenantId === tenantId)) return scenario;
	const current = scenario.layout?.[tenantId];
	if (current && current.x === p.x && current.y === p.y) return scenario;
	return { ...scenario, layout: { ...scenario.layout, [tenantId]: p } };
}
