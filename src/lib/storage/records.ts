/**
 * What trustwalk keeps in the browser. A stored `document` is the scenario JSON as data: it is
 * `unknown` on purpose, because anything read back from IndexedDB goes through `parseScenario`
 * (`readScenario` in load.ts) before the app trusts it.
 */
import type { AuditRecord } from '../domain/audit.ts';

export type ScenarioOrigin = 'example' | 'user' | 'import' | 'link';

export interface StoredScenario {
	id: string;
	name: string;
	document: unknown;
	/** Grows by one per save; a save carrying a revision not above the stored one is refused. */
	revision: number;
	createdAt: number;
	updatedAt: number;
	origin: ScenarioOrigin;
	/** For origin 'example': the example file it was seeded from. */
	exampleFile?: string;
	lessonProgress?: Record<string, unknown>;
}

export interface StoredSnapshot {
	id: string;
	scenarioId: string;
	name: string;
	document: unknown;
	createdAt: number;
}

/** An audit record in the log of one scenario; `seq` is assigned by the store. */
export type StoredAudit = AuditRecord & { seq?: number; scenarioId: string };

export interface StoredMeta {
	key: string;
	value: unknown;
}

export const BACKUP_FORMAT = 'trustwalk/backup';
export const BACKUP_VERSION = 1;

export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	/** ISO time. */
	exportedAt: string;
	scenarios: StoredScenario[];
	snapshots: StoredSnapshot[];
}
