import { describe, expect, it } from 'vitest';
import { loadFrozen } from './test-fixtures/frozen.ts';
import { moveTenant, setLayout } from './layout-commands.ts';

const CONTOSO = 'b02d8a02-ec4c-4d9d-b7d6-e82f61d5cc2f';
const FABRIKAM = '201d4218-76fe-43f8-8068-c427b8ca391a';
const NORTHWIND = 'cc5527ad-b935-43e8-a9f3-7e400e1ca873';

describe('moveTenant', () => {
	it('moves one card to whole pixels and keeps the others', () => {
		const before = loadFrozen();
		const after = moveTenant(before, NORTHWIND, { x: 250.4, y: 331.6 });
		expect(after.layout?.[NORTHWIND]).toEqual({ x: 250, y: 332 });
		expect(after.layout?.[CONTOSO]).toEqual(before.layout?.[CONTOSO]);
		expect(after.layout?.[FABRIKAM]).toEqual(before.layout?.[FABRIKAM]);
		expect(after.tenants).toBe(before.tenants);
	});

	it('returns the same scenario when nothing moved (no undo step for a click)', () => {
		const before = loadFrozen();
		const at = before.layout?.[CONTOSO] ?? { x: 0, y: 0 };
		expect(moveTenant(before, CONTOSO, { x: at.x + 0.2, y: at.y - 0.3 })).toBe(before);
	});

	it('ignores unknown tenants and positions that are not numbers', () => {
		const before = loadFrozen();
		expect(moveTenant(before, 'nobody', { x: 1, y: 2 })).toBe(before);
		expect(moveTenant(before, CONTOSO, { x: Number.NaN, y: 2 })).toBe(before);
	});

	it('starts a layout when the scenario has none', () => {
		const after = moveTenant({ ...loadFrozen(), layout: undefined }, FABRIKAM, { x: 10, y: 20 });
		expect(after.layout).toEqual({ [FABRIKAM]: { x: 10, y: 20 } });
	});
});

describe('setLayout', () => {
	it('replaces the layout, rounding and dropping tenants that do not exist', () => {
		const before = loadFrozen();
		const after = setLayout(before, {
			[CONTOSO]: { x: 1.4, y: 2.6 },
			gone: { x: 5, y: 5 }
		});
		expect(after.layout).toEqual({ [CONTOSO]: { x: 1, y: 3 } });
		expect(before.layout?.[FABRIKAM]).toBeDefined();
	});

	it('returns the same scenario for an equal layout', () => {
		const before = loadFrozen();
		expect(setLayout(before, structuredClone(before.layout ?? {}))).toBe(before);
	});
});
