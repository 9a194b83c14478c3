/**
 * Every storage failure reaches the caller as a `StorageError` whose `reason` can be shown as is,
 * so the UI never has to know IndexedDB's error names.
 */
export class StorageError extends Error {
	override readonly name = 'StorageError';
	/** A readable reason, e.g. "the browser's storage for this site is full". */
	readonly reason: string;

	constructor(action: string, reason: string, options?: { cause?: unknown }) {
		super(`Could not ${action}: ${reason}`, options);
		this.reason = reason;
	}
}

function reasonOf(error: unknown): string {
	if (typeof error === 'object' && error !== null && 'name' in error) {
		const { name, message } = error as { name: unknown; message?: unknown };
		if (name === 'QuotaExceededError') return "the browser's storage for this site is full";
		// The data on disk was upgraded by a newer trustwalk (another tab) than this page.
		if (name === 'VersionError')
			return 'a newer trustwalk has updated the saved data in another tab: reload this page';
		const text = typeof message === 'string' && message !== '' ? `: ${message}` : '';
		return `${String(name)}${text}`;
	}
	return String(error);
}

/** Wraps any error thrown by IndexedDB (or the memory store) as a StorageError, once. */
export function toStorageError(error: unknown, action: string): StorageError {
	if (error instanceof StorageError) return error;
	return new StorageError(action, reasonOf(error), { cause: error });
}

/** Runs a storage operation, turning whatever it throws into a StorageError. */
export async function attempt<T>(action: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw toStorageError(error, action);
	}
}
