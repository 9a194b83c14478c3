/** Microsoft first-party apps every tenant has (IDs as Microsoft publishes them); all are in the Office 365 suite. */
export interface BuiltInApp {
	appId: string;
	displayName: string;
}

export const TEAMS_APP_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';

export const MICROSOFT_APPS: readonly BuiltInApp[] = [
	{ appId: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', displayName: 'Microsoft Teams Services' },
	{ appId: TEAMS_APP_ID, displayName: 'Microsoft Teams' },
	{ appId: '00000003-0000-0ff1-ce00-000000000000', displayName: 'Office 365 SharePoint Online' },
	{ appId: '00000002-0000-0ff1-ce00-000000000000', displayName: 'Office 365 Exchange Online' }
];

/** In an attempt, `Office365` is shorthand for Microsoft Teams (shared channels). */
export const OFFICE365_SHORTHAND = 'Office365';

export function findMicrosoftApp(appId: string): BuiltInApp | undefined {
	return MICROSOFT_APPS.find((app) => app.appId === appId);
}
