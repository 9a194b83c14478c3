/**
 * The challenge marker a share link may carry beside the scenario (`c` in the link's envelope, never
 * inside the scenario: the scenario format refuses unknown top-level properties). Its presence makes
 * the link open in challenge mode; the goals are the scenario's attempts with `expect`.
 */

/** What the author adds to a challenge link: both optional, so `{}` is a plain "this is a challenge". */
export interface ChallengeMarker {
	/** A short title shown on the challenge banner. */
	title?: string;
	/** A few sentences from the author to the learner. */
	brief?: string;
}

export const MAX_CHALLENGE_TITLE = 200;
export const MAX_CHALLENGE_BRIEF = 2000;

/** A marker read from untrusted input (a link, the store), or null when it is not one we write. */
export function readChallengeMarker(value: unknown): ChallengeMarker | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const { title, brief, ...rest } = value as Record<string, unknown>;
	if (Object.keys(rest).length > 0) return null;
	if (title !== undefined && (typeof title !== 'string' || title.length > MAX_CHALLENGE_TITLE))
		return null;
	if (brief !== undefined && (typeof brief !== 'string' || brief.length > MAX_CHALLENGE_BRIEF))
		return null;
	return {
		...(title === undefined ? {} : { title }),
		...(brief === undefined ? {} : { brief })
	};
}

/** The marker as written into a link: empty strings left out, text trimmed. */
export function cleanChallengeMarker(marker: ChallengeMarker): ChallengeMarker {
	const title = marker.title?.trim().slice(0, MAX_CHALLENGE_TITLE);
	const brief = marker.brief?.trim().slice(0, MAX_CHALLENGE_BRIEF);
	return { ...(title ? { title } : {}), ...(brief ? { brief } : {}) };
}
