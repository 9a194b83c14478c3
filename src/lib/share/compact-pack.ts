/** The packing half of link version 1's compact scenario encoding (described in `compact.ts`). */
import { encodeBase64url } from './base64url.ts';
import { DICTIONARY, SHAPES, type ShapeName, type SlotKind } from './compact-shapes.ts';
import {
	PackError,
	absentMarker,
	canonicalJson,
	define,
	definedNames,
	isPlainObject,
	referenceCode,
	shapeOf,
	type GuidMode,
	type Names
} from './compact-common.ts';
import { GUID_BYTES, isCanonicalGuid, writeGuid } from './guid.ts';

const dictionaryIndex = new Map(DICTIONARY.map((s, i) => [s, i + 1]));
const macroIndex = new Map<ShapeName, Map<string, number>>(
	Object.entries(SHAPES).map(([name, shape]) => [
		name as ShapeName,
		new Map((shape.macros ?? []).map((m, i) => [canonicalJson(m), i + 1]))
	])
);

interface PackContext {
	names: Names;
	firstIndex: Map<string, number>;
	mode: GuidMode;
	guids: string[];
	/** The tenant being written, or -1. */
	tenant: number;
	domain: unknown;
}

export interface Packed {
	packed: unknown;
	/** GUIDs moved to the side table (mode `table`), in the order the unpacker asks for them. */
	guids: string[];
}

/** Rewrites a scenario compactly. Throws `PackError` for a value its shape cannot hold exactly. */
export function packScenario(scenario: unknown, mode: GuidMode): Packed {
	const names = definedNames(scenario);
	const firstIndex = new Map<string, number>();
	names.list.forEach((name, i) => {
		if (name !== undefined && !firstIndex.has(name)) firstIndex.set(name, i);
	});
	const ctx: PackContext = { names, firstIndex, mode, guids: [], tenant: -1, domain: undefined };
	return { packed: packObject('scenario', scenario, ctx), guids: ctx.guids };
}

function packObject(name: ShapeName, value: unknown, ctx: PackContext): unknown {
	if (!isPlainObject(value)) throw new PackError(`expected an object for ${name}`);
	const macros = macroIndex.get(name);
	const macro = macros && macros.size > 0 ? macros.get(canonicalJson(value)) : undefined;
	if (macro !== undefined) return macro;
	const slots = SHAPES[name].slots;
	const inner = name === 'tenant' ? { ...ctx, domain: value.domain } : ctx;
	const out = slots.map(([key, kind]) =>
		Object.hasOwn(value, key) && value[key] !== undefined
			? packSlot(kind, value[key], inner)
			: absentMarker(kind)
	);
	const known = new Set(slots.map(([key]) => key));
	const extraKeys = Object.keys(value).filter((k) => !known.has(k) && value[k] !== undefined);
	if (extraKeys.length > 0) {
		const extras: Record<string, unknown> = {};
		for (const key of extraKeys) define(extras, key, value[key]);
		return [...out, extras];
	}
	let end = out.length;
	while (end > 0 && out[end - 1] === absentMarker(slots[end - 1]?.[1] ?? 'str')) end--;
	return out.slice(0, end);
}

function packSlot(kind: SlotKind, value: unknown, ctx: PackContext): unknown {
	if (value === null) {
		if (kind === 'num') throw new PackError('a number slot cannot hold null');
		return null;
	}
	switch (kind) {
		case 'str':
		case 'def':
			return packString(kind, value, ctx);
		case 'upn':
			return packUpn(value, ctx);
		case 'bool':
			if (typeof value !== 'boolean') throw new PackError('expected a boolean');
			return value ? 1 : 2;
		case 'num':
			// JSON writes -0 as 0; refusing it here keeps the round trip exact (the caller falls back).
			if (typeof value !== 'number' || !Number.isFinite(value) || Object.is(value, -0))
				throw new PackError('expected a finite number');
			return value;
		case 'strs':
			if (!Array.isArray(value)) throw new PackError('expected a list');
			return value.map((item) => (item === null ? null : packString('str', item, ctx)));
		default:
			return packComposite(kind, value, ctx);
	}
}

function packComposite(kind: SlotKind, value: unknown, ctx: PackContext): unknown {
	const shape = shapeOf(kind);
	if (kind.startsWith('obj:')) return packObject(shape, value, ctx);
	if (kind.startsWith('objs:')) {
		if (!Array.isArray(value)) throw new PackError('expected a list');
		return value.map((item, i) =>
			packObject(shape, item, shape === 'tenant' ? { ...ctx, tenant: i } : ctx)
		);
	}
	// record: each entry is the value with the record's key in the `key` slot.
	if (!isPlainObject(value)) throw new PackError('expected a record');
	return Object.keys(value).map((key) => {
		const entry = value[key];
		if (!isPlainObject(entry) || Object.hasOwn(entry, 'key'))
			throw new PackError('unexpected record entry');
		const withKey: Record<string, unknown> = { key };
		for (const k of Object.keys(entry)) define(withKey, k, entry[k]);
		return packObject(shape, withKey, ctx);
	});
}

function packString(kind: 'str' | 'def', value: unknown, ctx: PackContext): unknown {
	if (typeof value !== 'string') throw new PackError('expected a string');
	const word = dictionaryIndex.get(value);
	if (word !== undefined) return word;
	const index = kind === 'str' ? ctx.firstIndex.get(value) : undefined;
	if (index !== undefined) {
		return -1 - referenceCode(index, ctx.names, ctx.tenant);
	}
	if (isCanonicalGuid(value)) {
		if (ctx.mode === 'inline') {
			const bytes = new Uint8Array(GUID_BYTES);
			writeGuid(value, bytes, 0);
			return `~${encodeBase64url(bytes)}`;
		}
		ctx.guids.push(value);
		return '~';
	}
	return value.startsWith('~') ? `~${value}` : value;
}

function packUpn(value: unknown, ctx: PackContext): unknown {
	if (typeof value !== 'string' || !value.includes('@'))
		throw new PackError('expected a userPrincipalName');
	if (typeof ctx.domain === 'string') {
		const suffix = `@${ctx.domain}`;
		const local = value.slice(0, value.length - suffix.length);
		if (value.endsWith(suffix) && !local.includes('@')) return packString('def', local, ctx);
	}
	return packString('def', value, ctx);
}
