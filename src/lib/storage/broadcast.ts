/**
 * Tabs tell each other what they changed, so a tab can reload a scenario another tab saved instead
 * of later being refused as stale. Where BroadcastChannel does not exist every call is a no-op.
 */
export type SyncMessage =
	| { type: 'saved'; id: string; revision: number }
	| { type: 'deleted'; id: string }
	| { type: 'created'; id: string };

export interface Sync {
	announce(message: SyncMessage): void;
	/** Calls `fn` for each message from other tabs (never for this tab's own); returns unsubscribe. */
	subscribe(fn: (message: SyncMessage) => void): () => void;
	close(): void;
}

function isSyncMessage(value: unknown): value is SyncMessage {
	if (typeof value !== 'object' || value === null) return false;
	const m = value as Record<string, unknown>;
	if (typeof m.id !== 'string') return false;
	if (m.type === 'saved') return typeof m.revision === 'number';
	return m.type === 'deleted' || m.type === 'created';
}

export function createSync(channelName = 'trustwalk'): Sync {
	if (typeof BroadcastChannel === 'undefined') {
		return { announce: () => undefined, subscribe: () => () => undefined, close: () => undefined };
	}
	const channel = new BroadcastChannel(channelName);
	const listeners = new Set<(message: SyncMessage) => void>();
	// Another version of trustwalk may post other shapes; ignore what this one does not understand.
	channel.onmessage = (event: MessageEvent<unknown>) => {
		if (!isSyncMessage(event.data)) return;
		for (const fn of listeners) fn(event.data);
	};
	let closed = false;
	return {
		announce(message) {
			if (!closed) channel.postMessage(message);
		},
		subscribe(fn) {
			listeners.add(fn);
			return () => listeners.delete(fn);
		},
		close() {
			closed = true;
			listeners.clear();
			channel.close();
		}
	};
}
