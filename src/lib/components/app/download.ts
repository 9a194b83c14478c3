/** Saves text as a file through the browser's download, without any server. */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.click();
	// The click starts the download synchronously; the URL can go once the event loop turns.
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "contoso-and-fabrikam.trustwalk.json" from a scenario name. */
export function scenarioFileName(name: string): string {
	const slug = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `${slug || 'scenario'}.trustwalk.json`;
}
