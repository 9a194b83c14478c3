/**
 * The seam where older scenario versions become the current one. Version 1 is the first, so today the
 * ladder is empty; a version 2 adds `if (version < 2) doc = v1ToV2(doc)` here and nowhere else, and
 * every reader (storage, links, files, CLI) gets it because they all parse through `parseScenario`.
 */
import { SCENARIO_VERSION } from './schema.ts';

export type MigrationResult =
	{ ok: true; document: Record<string, unknown> } | { ok: false; message: string };

export function migrate(document: Record<string, unknown>, version: number): MigrationResult {
	if (version > SCENARIO_VERSION) {
		return {
			ok: false,
			message: `this scenario was written in format version ${version}, by a newer trustwalk; this one reads versions up to ${SCENARIO_VERSION}. Open it in a newer trustwalk, or export it there as version ${SCENARIO_VERSION}.`
		};
	}
	if (version < 1) {
		return { ok: false, message: `format version ${version} does not exist; the first is 1` };
	}
	return { ok: true, document };
}
