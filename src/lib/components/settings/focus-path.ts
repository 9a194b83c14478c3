/**
 * Where a focus path leads (the simulator's and the pair view's "open the setting that decided"):
 * `default.inboundTrust.isMfaAccepted` or `partners[<id>].b2bDirectConnectInbound.usersAndGroups`
 * names a tab, an organization, a direction and a section of the editor. Pure: no Svelte, no DOM.
 */
import type { Direction } from '$lib/domain/commands.ts';

export interface FocusTarget {
	/** null: the default settings (or no partner entry, when `unknownPartner`); else a tenant ID. */
	partnerTenantId: string | null;
	/** The path names a partner entry that does not exist (`partners[…]…`). */
	unknownPartner: boolean;
	direction: Direction | null;
	section: 'b2b' | 'trust' | null;
}

/** Where `default.inboundTrust.isMfaAccepted` or `partners[<id>].b2bDirectConnectInbound…` lives. */
export function parseFocusPath(path: string): FocusTarget | null {
	const match = /^(?:default|partners\[([^\]]*)\])(?:\.(\w+))?/.exec(path);
	if (!match) return null;
	const id = match[1];
	const unknownPartner = id === '' || id === '…';
	const partnerTenantId = id === undefined || unknownPartner ? null : id;
	const where = { partnerTenantId, unknownPartner };
	switch (match[2]) {
		case 'b2bDirectConnectInbound':
			return { ...where, direction: 'inbound', section: 'b2b' };
		case 'b2bDirectConnectOutbound':
			return { ...where, direction: 'outbound', section: 'b2b' };
		case 'inboundTrust':
			return { ...where, direction: 'inbound', section: 'trust' };
		case 'automaticUserConsentSettings':
			return {
				...where,
				direction: path.includes('outboundAllowed') ? 'outbound' : 'inbound',
				section: 'trust'
			};
		default:
			return { ...where, direction: null, section: null };
	}
}

/** The longest of `candidates` that is `path` or a parent of it (the element to highlight). */
export function closestPath(path: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	for (const c of candidates) {
		const inside = path === c || path.startsWith(`${c}.`) || path.startsWith(`${c}[`);
		if (inside && (best === undefined || c.length > best.length)) best = c;
	}
	return best;
}
