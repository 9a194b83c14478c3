/** Small shared wordings for the graph, the text mirror and the pair view. */
import type { Tenant } from '../domain/schema.ts';

const LICENCES: Readonly<Record<Tenant['license'], string>> = {
	free: 'Entra ID Free',
	p1: 'Entra ID P1',
	p2: 'Entra ID P2'
};

export function licenceName(license: Tenant['license']): string {
	return LICENCES[license];
}

/** "1 user", "3 users". */
export function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}
