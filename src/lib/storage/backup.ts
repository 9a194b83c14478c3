/**
 * The `trustwalk/backup` file: building one, and checking one before anything is written. Every
 * document in it goes through `parseScenario`, and errors carry the full path inside the file.
 */
import * as z from 'zod';
import { formatPath, parseScenario, type ScenarioError } from '../domain/parse.ts';
import { newId } from './id.ts';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	type Backup,
	type StoredScenario,
	type StoredSnapshot
} from './records.ts';

const originSchema = z.enum(['example', 'user', 'import', 'link']);

const backupSchema = z.looseObject({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_VERSION),
	scenarios: z.array(
		z.looseObject({
			id: z.string().min(1),
			name: z.string().min(1),
			document: z.unknown(),
			origin: originSchema.optional(),
			createdAt: z.number().optional(),
			lessonProgress: z.record(z.string(), z.unknown()).optional()
		})
	),
	snapshots: z
		.array(
			z.looseObject({
				id: z.string().min(1),
				scenarioId: z.string().min(1),
				name: z.string(),
				document: z.unknown(),
				createdAt: z.number()
			})
		)
		.optional()
});

export function buildBackup(scenarios: StoredScenario[], snapshots: StoredSnapshot[]): Backup {
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: new Date().toISOString(),
		scenarios,
		snapshots
	};
}

export type PreparedImport =
	| { ok: true; scenarios: StoredScenario[]; snapshots: StoredSnapshot[] }
	| { ok: false; errors: ScenarioError[] };

function readJson(data: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
	if (typeof data !== 'string') return { ok: true, value: data };
	try {
		return { ok: true, value: JSON.parse(data) as unknown };
	} catch (e) {
		return { ok: false, error: e instanceof Error ? e.message : String(e) };
	}
}

/** Parses one document, prefixing its errors with where it sits in the backup. */
function parseDocument(document: unknown, at: string, errors: ScenarioError[]): unknown {
	const parsed = parseScenario(document);
	if (parsed.ok) return parsed.scenario;
	for (const e of parsed.errors) {
		const path = e.path === '' ? at : e.path.startsWith('[') ? at + e.path : `${at}.${e.path}`;
		errors.push({ path, message: e.message });
	}
	return undefined;
}

/**
 * Checks a backup and turns it into new records: fresh ids (snapshots follow their scenario),
 * origin 'import', revision 1, documents as parsed (migrated to the current format).
 */
export function prepareImport(data: unknown, now: number = Date.now()): PreparedImport {
	const json = readJson(data);
	if (!json.ok)
		return { ok: false, errors: [{ path: '', message: `not valid JSON (${json.error})` }] };
	const shape = backupSchema.safeParse(json.value);
	if (!shape.success) {
		const errors = shape.error.issues.map((issue) => ({
			path: formatPath(issue.path),
			message: issue.message.replace(/^Invalid input: /, '')
		}));
		return { ok: false, errors };
	}
	const errors: ScenarioError[] = [];
	const newIds = new Map<string, string>();
	const scenarios: StoredScenario[] = shape.data.scenarios.map((s, i) => {
		const id = newId();
		newIds.set(s.id, id);
		const record: StoredScenario = {
			id,
			name: s.name,
			document: parseDocument(s.document, `scenarios[${i}].document`, errors),
			revision: 1,
			createdAt: s.createdAt ?? now,
			updatedAt: now,
			origin: 'import'
		};
		if (s.lessonProgress) record.lessonProgress = s.lessonProgress;
		return record;
	});
	const snapshots: StoredSnapshot[] = (shape.data.snapshots ?? []).map((s, i) => {
		const scenarioId = newIds.get(s.scenarioId);
		if (scenarioId === undefined)
			errors.push({
				path: `snapshots[${i}].scenarioId`,
				message: `expected the id of a scenario in this backup; no scenario "${s.scenarioId}"`
			});
		return {
			id: newId(),
			scenarioId: scenarioId ?? '',
			name: s.name,
			document: parseDocument(s.document, `snapshots[${i}].document`, errors),
			createdAt: s.createdAt
		};
	});
	if (errors.length > 0) return { ok: false, errors };
	return { ok: true, scenarios, snapshots };
}
