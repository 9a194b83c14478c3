/**
 * What a reader is told when a link does not open: what went wrong, then what to do about it. Every
 * failure has a way out that does not need the link: the scenario as a file.
 */
import type { FrameFailure } from './frame.ts';
import { LINK_VERSION } from './frame.ts';

export type LinkErrorCode = FrameFailure | 'invalidScenario';

const ASK_AGAIN = 'ask for it again, or for the scenario as a file.';

const MESSAGES: Record<Exclude<LinkErrorCode, 'newerVersion' | 'invalidScenario'>, string> = {
	empty: `The link has no scenario in it: the part after "#s=" or "#e=" is missing. Copy the whole link, or ${ASK_AGAIN}`,
	unknownVersion: `This is not a trustwalk scenario link, or it was changed on the way: it does not start the way trustwalk links do. Copy the whole link, or ${ASK_AGAIN}`,
	notBase64: `The link contains characters a trustwalk link never has, so something changed it on the way (a chat tool or an email program, perhaps). Copy the whole link again, or ${ASK_AGAIN}`,
	truncated: `The link was cut off, probably by a chat tool: ${ASK_AGAIN}`,
	corrupt: `The link was changed on the way: some of its characters are not the ones trustwalk wrote. Copy the whole link again, or ${ASK_AGAIN}`,
	tooLarge:
		'This link holds more than trustwalk opens from a link (a scenario of at most 2 MB). Ask for the scenario as a file and import it.',
	needsPassphrase:
		'This link is protected with a passphrase. Enter the passphrase you were given with it to open the scenario.',
	wrongPassphrase:
		'This passphrase does not open the link. Check it (capitals and spaces count) and try again; if you are sure it is right, the link was changed on the way: ask for it again.'
};

/** The message for a failure; `detail` is the link version or the parser's first error. */
export function linkMessage(code: LinkErrorCode, detail?: string | number): string {
	if (code === 'newerVersion') {
		return `This link was made by a newer trustwalk (link version ${detail ?? 'unknown'}); this one reads link versions 1 to ${LINK_VERSION}. Open it in the latest trustwalk, or ask for the scenario as a file.`;
	}
	if (code === 'invalidScenario') {
		return `The link opened, but the scenario in it is not valid (${detail ?? 'see the errors'}). Ask the sender to fix the scenario and share it again, or to send it as a file.`;
	}
	return MESSAGES[code];
}

/** The parser's own sentence, starting with a capital and ending with a full stop. */
export function asSentence(text: string): string {
	const trimmed = text.trim();
	const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
	return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
