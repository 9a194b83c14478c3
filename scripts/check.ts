/**
 * `npm run check -- FILE [--json]`: the thin shell around check-run.ts (arguments, the file, exit code).
 * Every failure is a message and an exit code, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { EXIT_INVALID, EXIT_OK, USAGE, parseArgs, runCheck } from './check-run.ts';

function readText(file: string): { ok: true; text: string } | { ok: false; message: string } {
	try {
		// A byte order mark (Windows editors) is not JSON; drop it before parsing.
		return { ok: true, text: readFileSync(file, 'utf8').replace(/^\uFEFF/, '') };
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		const why =
			code === 'ENOENT'
				? 'no such file'
				: code === 'EISDIR'
					? 'it is a directory, not a file'
					: code === 'EACCES'
						? 'permission denied'
						: e instanceof Error
							? e.message
							: String(e);
		return { ok: false, message: `cannot read ${file}: ${why}` };
	}
}

function main(argv: readonly string[]): number {
	const args = parseArgs(argv);
	if (args.kind === 'help') {
		process.stdout.write(`${USAGE}\n`);
		return EXIT_OK;
	}
	if (args.kind === 'usage') {
		process.stderr.write(`${args.message}\n${USAGE}\n`);
		return EXIT_INVALID;
	}
	const read = readText(args.file);
	if (!read.ok) {
		process.stderr.write(`${read.message}\n`);
		return EXIT_INVALID;
	}
	const out = runCheck(args.file, read.text, args.json);
	process.stdout.write(out.stdout);
	process.stderr.write(out.stderr);
	return out.code;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (e) {
	// The engine threw on a valid file: a trustwalk bug, reported without a stack trace.
	process.stderr.write(
		`trustwalk check failed unexpectedly: ${e instanceof Error ? e.message : String(e)}\n`
	);
	process.exitCode = EXIT_INVALID;
}
