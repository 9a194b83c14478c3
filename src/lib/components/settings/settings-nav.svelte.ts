/**
 * Where the settings editor is: which tab, organization, direction and section are open, and which
 * setting is highlighted after the simulator's "open the setting that decided" link. Shared by the
 * editor's components through a context so a focus path can open every level at once.
 */
import { createContext } from 'svelte';
import type { Direction } from '$lib/domain/commands.ts';
import type { FocusTarget } from './focus-path.ts';

export type SettingsTab = 'default' | 'orgs';
export type Section = 'b2b' | 'trust';

const HIGHLIGHT_MS = 4000;

export class SettingsNav {
	tab = $state<SettingsTab>('default');
	/** The organization open in the organizational settings tab (null: the list). */
	partnerId = $state<string | null>(null);
	direction = $state<Direction>('inbound');
	section = $state<Section>('b2b');
	/** The `data-setting-path` of the highlighted setting, for a few seconds. */
	highlight = $state<string | null>(null);
	#timer: ReturnType<typeof setTimeout> | undefined;

	openPartner(partnerTenantId: string | null): void {
		this.tab = 'orgs';
		this.partnerId = partnerTenantId;
	}

	/** Opens the tab, organization, direction and section a focus path names. */
	open(target: FocusTarget, partnerExists: boolean): void {
		if (target.unknownPartner) this.openPartner(null);
		else if (target.partnerTenantId === null) this.tab = 'default';
		else this.openPartner(partnerExists ? target.partnerTenantId : null);
		if (target.direction) this.direction = target.direction;
		if (target.section) this.section = target.section;
	}

	flash(path: string): void {
		clearTimeout(this.#timer);
		this.highlight = path;
		this.#timer = setTimeout(() => (this.highlight = null), HIGHLIGHT_MS);
	}

	dispose(): void {
		clearTimeout(this.#timer);
	}
}

export const [getSettingsNav, setSettingsNav] = createContext<SettingsNav>();
