/** Choices the directory forms offer, with the words the Entra admin center uses. */
import type { Tenant } from '$lib/domain/schema.ts';

export const CLOUDS: readonly { id: NonNullable<Tenant['cloud']>; label: string }[] = [
	{ id: 'global', label: 'Global (Microsoft Azure)' },
	{ id: 'usGovernment', label: 'US Government' },
	{ id: 'china', label: 'China (operated by 21Vianet)' }
];

export const LICENCES: readonly { id: Tenant['license']; label: string }[] = [
	{ id: 'free', label: 'Microsoft Entra ID Free' },
	{ id: 'p1', label: 'Microsoft Entra ID P1' },
	{ id: 'p2', label: 'Microsoft Entra ID P2' }
];
