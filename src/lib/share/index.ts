/** Share links: the scenario in the address's fragment (`#s=` plain, `#e=` passphrase). */
export {
	decodeScenarioLink,
	encodeScenarioLink,
	LinkTooLargeError,
	type DecodedLink,
	type DecodeOptions,
	type EncodeOptions
} from './link.ts';
export {
	buildShareUrl,
	linkSizeReport,
	readFragment,
	LINK_SIZE_LIMIT,
	type LinkSize
} from './url.ts';
export { PBKDF2_ITERATIONS } from './crypto.ts';
export { MAX_SCENARIO_BYTES } from './content.ts';
export { LINK_VERSION, MAX_PAYLOAD_LENGTH } from './frame.ts';
export type { LinkErrorCode } from './messages.ts';
