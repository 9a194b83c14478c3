/** The orders both stores return, so the two implementations cannot drift apart. */
import type { StoredAudit, StoredScenario, StoredSnapshot } from './records.ts';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Most recently updated first (ties by id, so the order is stable). */
export function newestScenariosFirst(list: StoredScenario[]): StoredScenario[] {
	return list.sort((a, b) => b.updatedAt - a.updatedAt || byId(a, b));
}

/** Newest first (ties by id). */
export function newestSnapshotsFirst(list: StoredSnapshot[]): StoredSnapshot[] {
	return list.sort((a, b) => b.createdAt - a.createdAt || byId(a, b));
}

/** Drops a caller-supplied `seq`: the store numbers audit records itself. */
export function withoutSeq(record: StoredAudit): StoredAudit {
	const copy = { ...record };
	delete copy.seq;
	return copy;
}
