import { describe, expect, it } from 'vitest';
import type { Tenant } from '$lib/domain/schema.ts';
import { tenantToShow } from './tenant-choice.ts';

const tenants = ['a', 'b', 'c'].map((tenantId) => ({ tenantId }) as Tenant);

describe('tenantToShow', () => {
	it('prefers the pick, then the selection, then the first tenant', () => {
		const pair = { kind: 'pair', from: 'b', to: 'c' } as const;
		expect(tenantToShow(tenants, 'a', pair, 'from')).toBe('a');
		expect(tenantToShow(tenants, null, pair, 'from')).toBe('b');
		expect(tenantToShow(tenants, null, pair, 'to')).toBe('c');
		expect(tenantToShow(tenants, null, { kind: 'tenant', tenantId: 'c' }, 'to')).toBe('c');
		expect(tenantToShow(tenants, 'gone', { kind: 'none' }, 'to')).toBe('a');
		expect(tenantToShow([], 'a', { kind: 'none' }, 'to')).toBeNull();
	});
});
