/**
 * Link version 1's compact scenario encoding: a lossless rewrite of the scenario JSON that deflate
 * compresses far better than the document itself.
 *
 * - Each object becomes the list of its property values in the slot order of its shape
 *   (`compact-shapes.ts`), so property names are never written. In a slot `0` means the property is
 *   absent (`null` in number slots) and `null` is Graph's `null`, which means "inherit": the two are
 *   never merged. Trailing absent slots are dropped. Properties a shape does not know (Graph
 *   properties trustwalk does not simulate) follow the slots as one object, written as they are.
 * - Frequent strings and frequent whole objects become small positive numbers.
 * - A string naming something the scenario defines (a tenant ID or domain, a user's ID or UPN, a group
 *   ID, an app ID) becomes a negative number (`referenceCode`), numbered so that tenants built alike
 *   are written alike and deflate finds the repeats.
 * - A user's UPN drops its tenant's `@domain`; GUIDs are written as 16 bytes, either inline in base64
 *   (`"~" + 22 characters`) or, when the caller asks, in a side table of raw bytes (`"~"`), which costs
 *   less for random GUIDs than anything deflate can do with them. A real string starting with `~` gets
 *   one more `~`.
 *
 * Nothing is normalized: unpacking gives back the same document (deep-equal, key order aside).
 */
export { CorruptError, PackError, canonicalJson, type GuidMode } from './compact-common.ts';
export { packScenario, type Packed } from './compact-pack.ts';
export { unpackScenario } from './compact-unpack.ts';
