/**
 * The state behind a "copy this link" field (the share dialog, the challenge dialog): the link for
 * the latest inputs, encoded shortly after they settle (a large scenario takes a moment to compress),
 * and the copy to the clipboard. A link for older inputs is never shown or copied.
 */
import type { Scenario } from '$lib/domain/schema.ts';
import {
	buildShareUrl,
	encodeScenarioLink,
	linkSizeReport,
	type EncodeOptions
} from '$lib/share/index.ts';

const SETTLE_MS = 250;

export class LinkMaker {
	url = $state('');
	working = $state(false);
	problem = $state<string | null>(null);
	copied = $state(false);
	readonly size = $derived(this.url ? linkSizeReport(this.url.length) : null);
	#generation = 0;

	/**
	 * Starts encoding `scenario` (nothing when it is null); call it from an `$effect` and return what
	 * it returns, so a newer call cancels the pending one.
	 */
	schedule(scenario: Scenario | null, options: EncodeOptions): () => void {
		const generation = ++this.#generation;
		this.copied = false;
		this.url = '';
		this.problem = null;
		if (!scenario) {
			this.working = false;
			return () => {};
		}
		this.working = true;
		const timer = setTimeout(() => {
			encodeScenarioLink(scenario, options).then(
				(payload) => {
					if (generation !== this.#generation) return;
					const base = `${location.origin}${location.pathname}`;
					this.url = buildShareUrl(base, payload, Boolean(options.passphrase));
					this.problem = null;
					this.working = false;
				},
				(e: unknown) => {
					if (generation !== this.#generation) return;
					this.problem = e instanceof Error ? e.message : String(e);
					this.working = false;
				}
			);
		}, SETTLE_MS);
		return () => clearTimeout(timer);
	}

	async copy(): Promise<void> {
		try {
			await navigator.clipboard.writeText(this.url);
			this.copied = true;
		} catch {
			this.problem = 'The browser did not allow copying: select the link and copy it by hand.';
		}
	}
}
