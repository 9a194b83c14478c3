/** The unpacking half of link version 1's compact scenario encoding (described in `compact.ts`). */
import { decodeBase64url } from './base64url.ts';
import { DICTIONARY, SHAPES, type ShapeName, type SlotKind } from './compact-shapes.ts';
import {
	CorruptError,
	absentMarker,
	define,
	definedNames,
	isPlainObject,
	referenceIndex,
	shapeOf,
	type Holder
} from './compact-common.ts';
import { GUID_BYTES, readGuid } from './guid.ts';

interface Fixup {
	holder: Holder;
	key: string | number;
	code: number;
	tenant: number;
}

interface UnpackContext {
	fixups: Fixup[];
	/** Steps that need resolved references (records keyed by one), run after the fixups. */
	finishers: (() => void)[];
	guids: readonly string[];
	nextGuid: { at: number };
	tenant: number;
	domain: unknown;
}

/**
 * Reads a compact scenario back, taking side-table GUIDs from `guids` in order. Throws `CorruptError`
 * for anything no packer writes.
 */
export function unpackScenario(packed: unknown, guids: readonly string[]): Record<string, unknown> {
	const ctx: UnpackContext = {
		fixups: [],
		finishers: [],
		guids,
		nextGuid: { at: 0 },
		tenant: -1,
		domain: undefined
	};
	const scenario = unpackObject('scenario', packed, ctx);
	if (ctx.nextGuid.at !== guids.length) throw new CorruptError('unused GUIDs');
	const names = definedNames(scenario);
	for (const { holder, key, code, tenant } of ctx.fixups) {
		const name = names.list[referenceIndex(code, names, tenant)];
		if (name === undefined) throw new CorruptError('reference to nothing');
		if (Array.isArray(holder)) holder[key as number] = name;
		else define(holder, key as string, name);
	}
	for (const finish of ctx.finishers) finish();
	return scenario;
}

function unpackObject(
	name: ShapeName,
	packed: unknown,
	ctx: UnpackContext
): Record<string, unknown> {
	const shape = SHAPES[name];
	if (typeof packed === 'number') {
		const macro = Number.isInteger(packed) ? shape.macros?.[packed - 1] : undefined;
		if (macro === undefined) throw new CorruptError('unknown object number');
		return structuredClone(macro) as Record<string, unknown>;
	}
	const slots = shape.slots;
	if (!Array.isArray(packed) || packed.length > slots.length + 1)
		throw new CorruptError(`bad ${name}`);
	const out: Record<string, unknown> = {};
	const inner: UnpackContext = { ...ctx };
	slots.forEach(([key, kind], i) => {
		const slot: unknown = i < packed.length ? packed[i] : absentMarker(kind);
		if (slot === absentMarker(kind)) return;
		out[key] = unpackSlot(kind, slot, inner, out, key);
		if (name === 'tenant' && key === 'domain') inner.domain = out[key];
	});
	if (packed.length === slots.length + 1) {
		const extras: unknown = packed[slots.length];
		if (!isPlainObject(extras)) throw new CorruptError('bad extra properties');
		for (const key of Object.keys(extras)) {
			if (slots.some(([k]) => k === key)) throw new CorruptError('extra property repeats a slot');
			define(out, key, extras[key]);
		}
	}
	return out;
}

function unpackSlot(
	kind: SlotKind,
	packed: unknown,
	ctx: UnpackContext,
	holder: Holder,
	key: string | number
): unknown {
	if (packed === null && kind !== 'num') return null;
	switch (kind) {
		case 'str':
		case 'def':
			return unpackString(kind, packed, ctx, holder, key);
		case 'upn': {
			const value = unpackString('def', packed, ctx, holder, key);
			if (value.includes('@')) return value;
			if (typeof ctx.domain !== 'string') throw new CorruptError('a name without its domain');
			return `${value}@${ctx.domain}`;
		}
		case 'bool':
			if (packed === 1) return true;
			if (packed === 2) return false;
			throw new CorruptError('bad boolean');
		case 'num':
			if (typeof packed !== 'number') throw new CorruptError('bad number');
			return packed;
		case 'strs': {
			if (!Array.isArray(packed)) throw new CorruptError('bad list');
			const list: unknown[] = [];
			packed.forEach((item, i) => {
				list.push(item === null ? null : unpackString('str', item, ctx, list, i));
			});
			return list;
		}
		default:
			return unpackComposite(kind, packed, ctx);
	}
}

function unpackComposite(kind: SlotKind, packed: unknown, ctx: UnpackContext): unknown {
	const shape = shapeOf(kind);
	if (kind.startsWith('obj:')) return unpackObject(shape, packed, ctx);
	if (!Array.isArray(packed)) throw new CorruptError('bad list');
	const items = packed.map((item, i) =>
		unpackObject(shape, item, shape === 'tenant' ? { ...ctx, tenant: i } : ctx)
	);
	if (kind.startsWith('objs:')) return items;
	const record: Record<string, unknown> = {};
	ctx.finishers.push(() => {
		for (const item of items) {
			const { key, ...entry } = item;
			if (typeof key !== 'string' || Object.hasOwn(record, key))
				throw new CorruptError('bad record key');
			define(record, key, entry);
		}
	});
	return record;
}

function unpackString(
	kind: 'str' | 'def',
	packed: unknown,
	ctx: UnpackContext,
	holder: Holder,
	key: string | number
): string {
	if (typeof packed === 'string') return unpackLiteral(packed, ctx);
	if (typeof packed !== 'number' || !Number.isSafeInteger(packed) || packed === 0)
		throw new CorruptError('bad string');
	if (packed > 0) {
		const word = DICTIONARY[packed - 1];
		if (word === undefined) throw new CorruptError('unknown word');
		return word;
	}
	if (kind === 'def') throw new CorruptError('a definition cannot be a reference');
	// Resolved once the whole scenario is read, since references may point forward.
	ctx.fixups.push({ holder, key, code: -1 - packed, tenant: ctx.tenant });
	return '';
}

function unpackLiteral(packed: string, ctx: UnpackContext): string {
	if (!packed.startsWith('~')) return packed;
	if (packed.startsWith('~~')) return packed.slice(1);
	if (packed === '~') {
		const guid = ctx.guids[ctx.nextGuid.at++];
		if (guid === undefined) throw new CorruptError('missing GUID');
		return guid;
	}
	const bytes = decodeBase64url(packed.slice(1));
	if (!bytes.ok || bytes.bytes.length !== GUID_BYTES) throw new CorruptError('bad GUID');
	return readGuid(bytes.bytes, 0);
}
