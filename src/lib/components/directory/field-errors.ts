import type { FieldError } from '$lib/domain/directory-commands.ts';

/** The message for one field, if the check refused it. */
export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
	return errors.find((e) => e.field === field)?.message;
}

/** aria-describedby for a field: its hint and, when refused, its error. */
export function describedBy(
	errors: readonly FieldError[],
	field: string,
	errorId: string,
	hintId?: string
): string | undefined {
	const ids = [hintId, errorFor(errors, field) ? errorId : undefined].filter(Boolean);
	return ids.length > 0 ? ids.join(' ') : undefined;
}
