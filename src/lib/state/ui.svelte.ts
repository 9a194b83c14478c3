/**
 * What the user is looking at: the selected tenant or pair, the open panel, the setting to highlight,
 * the attempt being simulated, the theme. Kept apart from `Playground` (the data) so views can move
 * focus around without touching what is saved.
 */
import { createContext } from 'svelte';
import type { Attempt } from '../domain/schema.ts';

export type Panel = 'tenant' | 'simulate' | 'matrix' | 'invite' | 'lessons' | 'library';
export type TenantTab = 'settings' | 'directory' | 'audit' | 'graph';
export type Theme = 'system' | 'light' | 'dark';

export type Selection =
	| { kind: 'none' }
	| { kind: 'tenant'; tenantId: string }
	/** A direction of trust: `from`'s users into `to`'s shared channels. */
	| { kind: 'pair'; from: string; to: string };

/** Where the graph should draw attention while the simulator walks (S1 at home, S2 at the resource). */
export interface Highlight {
	tenantId: string | null;
	edge: { from: string; to: string } | null;
}

const THEME_KEY = 'trustwalk.theme';

export class UiState {
	panel = $state<Panel>('tenant');
	tenantTab = $state<TenantTab>('settings');
	selection = $state.raw<Selection>({ kind: 'none' });
	/** A setting path to scroll to and highlight in the editor (`partners[<id>].b2bDirectConnectInbound...`). */
	focusPath = $state<string | null>(null);
	highlight = $state.raw<Highlight>({ tenantId: null, edge: null });
	/** The attempt the simulator opens with (from the matrix, a saved attempt, or a fix). */
	simulatorAttempt = $state.raw<Attempt | null>(null);
	theme = $state<Theme>('system');
	showTextMirror = $state(false);

	selectTenant(tenantId: string, tab: TenantTab = 'settings'): void {
		this.selection = { kind: 'tenant', tenantId };
		this.panel = 'tenant';
		this.tenantTab = tab;
	}

	selectPair(from: string, to: string): void {
		this.selection = { kind: 'pair', from, to };
		this.panel = 'tenant';
	}

	/** Opens the editor of `tenantId` at the setting that decided a step. */
	openSetting(tenantId: string, path: string): void {
		this.selectTenant(
			tenantId,
			path.startsWith('conditionalAccessPolicies') ? 'directory' : 'settings'
		);
		this.focusPath = path;
	}

	simulate(attempt: Attempt): void {
		this.simulatorAttempt = attempt;
		this.panel = 'simulate';
	}

	loadTheme(): void {
		const saved = globalThis.localStorage?.getItem(THEME_KEY);
		if (saved === 'light' || saved === 'dark' || saved === 'system') this.theme = saved;
	}

	setTheme(theme: Theme): void {
		this.theme = theme;
		globalThis.localStorage?.setItem(THEME_KEY, theme);
	}
}

export const [getUi, setUi] = createContext<UiState>();
