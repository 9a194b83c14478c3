/**
 * Checks of the users x applications combination of one direct connect setting (V3, V4, V5). A
 * half-filled partner setting is judged with its missing half taken from the default (R2), or from
 * the service default D1 when the default lacks it too.
 */
import {
	ALL_APPLICATIONS,
	ALL_USERS,
	effectiveHalf,
	hasTarget,
	possessive,
	report,
	settingLabel,
	type ConfigContext,
	type Direction,
	type EffectiveHalf
} from './validate-context.ts';

/** Checks the effective combination of a setting that this configuration sets at least in part. */
export function checkCombination(ctx: ConfigContext, direction: Direction): void {
	const setting = ctx.config[direction];
	if (setting?.usersAndGroups == null && setting?.applications == null) return;
	const users = effectiveHalf(ctx, direction, 'usersAndGroups');
	const apps = effectiveHalf(ctx, direction, 'applications');
	const settingPath = `${ctx.path}.${direction}`;
	const path = `${settingPath}.${apps.from === 'own' ? 'applications' : 'usersAndGroups'}`;
	const label = settingLabel(ctx, direction);
	const note = inheritedNote(ctx, users, apps);
	const blocksAllUsers =
		users.config.accessType === 'blocked' && hasTarget(users.config, ALL_USERS);
	const blocksAllApps =
		apps.config.accessType === 'blocked' && hasTarget(apps.config, ALL_APPLICATIONS);

	if (blocksAllUsers && !blocksAllApps) {
		report(
			ctx,
			'V3',
			'error',
			path,
			`${label} blocks all users, so it must block all applications as well${note}.`
		);
	} else if (users.config.accessType === 'allowed' && blocksAllApps) {
		report(
			ctx,
			'V4',
			'error',
			path,
			`${label} lets users in but blocks every application, so allow at least one application${note}.`
		);
	} else if (users.config.accessType === 'blocked' && !blocksAllUsers && blocksAllApps) {
		report(
			ctx,
			'V5',
			'warning',
			path,
			`${label} blocks all applications only for the listed users, which leaves every application open to everyone else; Microsoft Graph accepts this but the admin portal warns about it${note}.`
		);
	}
}

/** Says which half did not come from this configuration, so a half-filled setting is understood. */
function inheritedNote(ctx: ConfigContext, users: EffectiveHalf, apps: EffectiveHalf): string {
	const inherited = users.from !== 'own' ? users : apps.from !== 'own' ? apps : undefined;
	if (!inherited) return '';
	const half = inherited === users ? 'users and groups' : 'applications';
	const source =
		inherited.from === 'default'
			? `${possessive(ctx.tenant.displayName)} default`
			: 'the service default (blocked for all)';
	return ` (its ${half} half is not set here and comes from ${source})`;
}
