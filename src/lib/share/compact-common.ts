/** What the compact packer and unpacker share: errors, helpers, and how names are numbered. */
import type { ShapeName, SlotKind } from './compact-shapes.ts';

/** The packer met something its shapes cannot say exactly (only in documents that are not valid). */
export class PackError extends Error {}
/** The unpacker met something no packer writes. */
export class CorruptError extends Error {}

export type Holder = Record<string, unknown> | unknown[];

/** Where GUIDs go: inline in the JSON, or in a table of raw bytes beside it. */
export type GuidMode = 'inline' | 'table';

/** JSON with every object's keys sorted: equal text means equal documents. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		isPlainObject(v)
			? Object.fromEntries(
					Object.keys(v)
						.sort()
						.map((k) => [k, v[k]])
				)
			: v
	);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets a property as data even when its name is `__proto__`. */
export function define(target: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true
	});
}

export const shapeOf = (kind: SlotKind) => kind.slice(kind.indexOf(':') + 1) as ShapeName;
export const absentMarker = (kind: SlotKind) => (kind === 'num' ? null : 0);

/**
 * The names a scenario defines: every tenant ID, then every domain, then each tenant's block of
 * user IDs and UPNs, group IDs and app IDs. Positions hold even where a value is not a string.
 */
export interface Names {
	list: (string | undefined)[];
	tenants: number;
	/** Where each tenant's block starts, and (last) where the last one ends. */
	blocks: number[];
}

export function definedNames(scenario: unknown): Names {
	const objects = (value: unknown) => (Array.isArray(value) ? value.filter(isPlainObject) : []);
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
	const tenants =
		isPlainObject(scenario) && Array.isArray(scenario.tenants) ? scenario.tenants : [];
	const tenantObjects = tenants.map((t) => (isPlainObject(t) ? t : {}));
	const list = [
		...tenantObjects.map((t) => text(t.tenantId)),
		...tenantObjects.map((t) => text(t.domain))
	];
	const blocks: number[] = [];
	for (const tenant of tenantObjects) {
		blocks.push(list.length);
		for (const user of objects(tenant.users))
			list.push(text(user.id), text(user.userPrincipalName));
		for (const group of objects(tenant.groups)) list.push(text(group.id));
		for (const app of objects(tenant.applications)) list.push(text(app.appId));
	}
	blocks.push(list.length);
	return { list, tenants: tenants.length, blocks };
}

/**
 * How a reference to `names.list[index]` is numbered, written from inside tenant `tenant` (-1: outside
 * any). Tenant IDs and domains by their position; an object of the same tenant by its place in that
 * tenant's block (even numbers), so tenants built alike are written alike; any other object by its
 * place among all objects (odd numbers), so every tenant names it the same way.
 */
export function referenceCode(index: number, names: Names, tenant: number): number {
	const twoN = 2 * names.tenants;
	if (index < twoN) return index;
	const start = names.blocks[tenant];
	const end = names.blocks[tenant + 1];
	if (tenant >= 0 && start !== undefined && end !== undefined && index >= start && index < end)
		return twoN + 2 * (index - start);
	return twoN + 2 * (index - twoN) + 1;
}

/** The inverse of `referenceCode`; -1 for a number no encoder writes. */
export function referenceIndex(code: number, names: Names, tenant: number): number {
	const twoN = 2 * names.tenants;
	if (code < twoN) return code;
	const rest = code - twoN;
	if (rest % 2 === 1) return twoN + (rest - 1) / 2;
	const start = tenant >= 0 ? names.blocks[tenant] : undefined;
	const end = names.blocks[tenant + 1];
	if (start === undefined || end === undefined || start + rest / 2 >= end) return -1;
	return start + rest / 2;
}
