/**
 * Test fixtures for storage: both store implementations behind one factory (so one contract suite
 * runs against each), a fresh fake IndexedDB per store, and valid records.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import example1 from '../examples/example-1-fabrikam-all-users.json';
import example2 from '../examples/example-2-fabrikam-marketing-only.json';
import type { AuditRecord } from '../domain/audit.ts';
import { openTrustwalkDb } from './db.ts';
import type { StoredScenario, StoredSnapshot } from './records.ts';
import {
	createIdbStore,
	createMemoryStore,
	type NewScenario,
	type ScenarioStore
} from './store.ts';

export const EXAMPLES = [
	{ file: 'example-1-fabrikam-all-users.json', document: example1 as unknown },
	{ file: 'example-2-fabrikam-marketing-only.json', document: example2 as unknown }
];

export const STORE_KINDS: [string, () => Promise<ScenarioStore>][] = [
	[
		'IndexedDB',
		async () => createIdbStore(await openTrustwalkDb({ idbFactory: new IDBFactory() }))
	],
	['memory', () => Promise.resolve(createMemoryStore())]
];

export function scenarioRecord(overrides: Partial<StoredScenario> = {}): NewScenario {
	return {
		id: 'scenario-1',
		name: 'Fabrikam and Contoso',
		document: structuredClone(example1),
		createdAt: 1000,
		updatedAt: 1000,
		origin: 'user',
		...overrides
	};
}

export function snapshotRecord(overrides: Partial<StoredSnapshot> = {}): StoredSnapshot {
	return {
		id: 'snapshot-1',
		scenarioId: 'scenario-1',
		name: 'before the change',
		document: structuredClone(example1),
		createdAt: 2000,
		...overrides
	};
}

export function auditRecord(overrides: Partial<AuditRecord> = {}): AuditRecord {
	return {
		tenantId: 'tenant-a',
		activityDateTime: '2025-01-01T00:00:00.000Z',
		category: 'CrossTenantAccessSettings',
		activityDisplayName: 'Add a partner to cross-tenant access setting',
		targetPartnerTenantId: 'tenant-b',
		modifiedProperties: [],
		...overrides
	};
}
