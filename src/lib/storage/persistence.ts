/**
 * Browsers may evict a site's storage under pressure unless it is marked persistent. Both calls are
 * optional platform features, so each returns null where the browser does not offer it.
 */

/** Asks the browser to keep this site's storage; true if granted, null if it cannot be asked. */
export async function requestPersistence(): Promise<boolean | null> {
	const storage = globalThis.navigator?.storage;
	if (typeof storage?.persist !== 'function') return null;
	try {
		return await storage.persist();
	} catch {
		return null;
	}
}

/** Bytes used and available for this site, or null if the browser does not say. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
	const storage = globalThis.navigator?.storage;
	if (typeof storage?.estimate !== 'function') return null;
	try {
		const { usage, quota } = await storage.estimate();
		if (usage === undefined || quota === undefined) return null;
		return { usage, quota };
	} catch {
		return null;
	}
}
