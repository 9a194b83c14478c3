/**
 * The words and icons that carry a relationship's state on the canvas, in the legend, the text
 * mirror and the pair view: colour and line style only reinforce them.
 */
import type { Relationship, RelationshipState } from '../domain/relationships.ts';

export const STATE_WORDS: Readonly<Record<RelationshipState, { icon: string; word: string }>> = {
	established: { icon: '✓', word: 'established' },
	outboundOnly: { icon: '⚠', word: 'one-sided' },
	inboundOnly: { icon: '⚠', word: 'one-sided' },
	blocked: { icon: '✕', word: 'blocked' }
};

/** The CSS class of a state's words (`ok`, `warn`, `bad` in global.css). */
export function stateTone(state: RelationshipState): 'ok' | 'warn' | 'bad' {
	return state === 'established' ? 'ok' : state === 'blocked' ? 'bad' : 'warn';
}

/** The second line of a label: who gets through, or who still has to act. */
export function stateDetail(rel: Pick<Relationship, 'state' | 'scope' | 'label'>): string {
	return rel.state === 'established' ? rel.scope : rel.label;
}
