/**
 * A value that follows `source` two painted frames late: after a change, the browser first paints
 * what depends on the new value directly (the "Who can reach whom" table after an edit; the cards
 * after an import, which Svelte Flow shows one frame after measuring them), then this value catches
 * up and the heavier views that read it recompute. Quick successive changes collapse into one
 * catch-up. Create it while a component initialises.
 */
export function deferred<T>(source: () => T, initial: T): { readonly current: T } {
	let current = $state.raw(initial);
	$effect(() => {
		const value = source();
		let timer: ReturnType<typeof setTimeout> | undefined;
		// A frame callback runs before its frame paints; the timer after the second one.
		let frame = requestAnimationFrame(() => {
			frame = requestAnimationFrame(() => {
				timer = setTimeout(() => (current = value), 0);
			});
		});
		return () => {
			cancelAnimationFrame(frame);
			clearTimeout(timer);
		};
	});
	return {
		get current() {
			return current;
		}
	};
}
