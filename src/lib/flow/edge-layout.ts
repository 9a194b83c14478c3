/**
 * Hands the placed edge geometry from TrustGraph to each TrustEdge. Placement needs every label at
 * once (to keep them apart), while Svelte Flow renders each edge on its own.
 */
import { createContext } from 'svelte';
import type { PlacedEdge } from './label-placement.ts';

export interface EdgeLayout {
	readonly current: ReadonlyMap<string, PlacedEdge>;
}

export const [getEdgeLayout, setEdgeLayout] = createContext<EdgeLayout>();

/** The arrowhead shared by every edge of a tone (ArrowMarkers defines them once per page). */
export function arrowMarkerId(tone: 'ok' | 'warn' | 'bad'): string {
	return `tw-arrow-${tone}`;
}
