/**
 * Issue 6, item 2: a copy of a scenario that can be shared without exposing the organization.
 * Tenant IDs, object IDs, domains, UPNs and display names are replaced with consistent fakes ("Tenant
 * A", tenant-a.example, user1@tenant-a.example, GUIDs counted per kind): the same real value gets the
 * same fake everywhere it appears — tenants, partner entries, policy targets, Conditional Access
 * lists, attempts, group members, layout keys, and properties trustwalk keeps but does not simulate —
 * so every relationship and every decision of the engine stays the same. Microsoft's own app IDs and
 * Graph keywords (AllUsers, Office365, …) are public and kept. Free text: known names inside it are
 * replaced (or, with `freeText: 'replace'`, the whole text becomes a numbered label); the description
 * is always removed, since it can name anything. Pure and deterministic.
 */
import { RedactionRegistry, type Replacement } from './redact-registry.ts';
import { textRewriter } from './redact-text.ts';
import {
	collectStrings,
	redactIdentifier,
	registerDirectory,
	walk,
	type RedactOptions,
	type Walk
} from './redact-walk.ts';
import type { Scenario } from './schema.ts';

export type { Replacement, RedactionKind } from './redact-registry.ts';
export type { RedactOptions } from './redact-walk.ts';

export interface RedactionResult {
	scenario: Scenario;
	/** What was replaced, in the order first met. For the admin's own reference: it holds real values. */
	replacements: Replacement[];
	/** Plain sentences about what was dropped or needs a look. */
	notes: string[];
}

function uniqueName(name: string, taken: Set<string>): string {
	let out = name;
	for (let i = 2; taken.has(out); i++) out = `${name} (${i})`;
	taken.add(out);
	return out;
}

/** A redacted copy of the scenario (the input is not changed) and the table of what was replaced. */
export function redactScenario(scenario: Scenario, options: RedactOptions = {}): RedactionResult {
	const reg = new RedactionRegistry(collectStrings(scenario, new Set()));
	registerDirectory(scenario, reg, options);
	const text = textRewriter(reg);
	const replace = options.freeText === 'replace';
	const notes: string[] = [];
	const textRow = (original: string, fake: string) => {
		if (fake !== original) reg.rows.push({ kind: 'text', original, fake });
		return fake;
	};
	const w: Walk = {
		reg,
		text,
		freeText: (value) =>
			textRow(value, replace ? (value.trim() ? '(redacted)' : value) : text.rewrite(value))
	};

	const tenants = scenario.tenants.map((t) => walk(t, 'tenants', '', {}, w)) as Scenario['tenants'];
	const taken = new Set<string>();
	const attempts = scenario.attempts?.map((attempt, i) => {
		const rest = walk(attempt, 'attempts', '', {}, { ...w, freeText: (v) => v }) as typeof attempt;
		const named = replace ? `Attempt ${i + 1}` : text.rewrite(attempt.name);
		return { ...rest, name: textRow(attempt.name, uniqueName(named, taken)) };
	});
	const layout = scenario.layout
		? Object.fromEntries(
				Object.entries(scenario.layout).map(([id, p]) => [
					redactIdentifier(id, 'tenant', reg, text),
					{ ...p }
				])
			)
		: undefined;
	const name = textRow(
		scenario.name,
		replace ? 'Redacted scenario' : `${text.rewrite(scenario.name)} (redacted)`
	);
	if (scenario.description?.trim()) {
		reg.rows.push({ kind: 'text', original: scenario.description, fake: '(removed)' });
		notes.push(
			'The description was removed: free text can name people or places trustwalk cannot recognise. Write a new one in your own words if it helps.'
		);
	}
	if (!replace) {
		notes.push(
			'Names were replaced inside the scenario, attempt and policy names; read the "Free text" rows before you share.'
		);
	}
	const { description: _drop, ...kept } = scenario;
	void _drop;
	const redacted: Scenario = {
		...kept,
		name,
		tenants,
		...(attempts ? { attempts } : {}),
		...(layout ? { layout } : {})
	};
	return { scenario: redacted, replacements: reg.rows, notes };
}

/** The replacements as a tab-separated table (for the clipboard or a file kept by the admin). */
export function replacementsTsv(rows: readonly Replacement[]): string {
	const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
	return (
		[
			'kind\toriginal\tfake',
			...rows.map((r) => `${r.kind}\t${clean(r.original)}\t${clean(r.fake)}`)
		].join('\n') + '\n'
	);
}
