/** `npm run schema`: regenerates static/scenario.schema.json from the zod schema. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/lib/domain/json-schema.ts';

const target = fileURLToPath(new URL('../static/scenario.schema.json', import.meta.url));
const text = scenarioJsonSchemaText();

function readPrevious(): string | null {
	try {
		return readFileSync(target, 'utf8');
	} catch {
		return null;
	}
}
const previous = readPrevious();

if (previous === text) {
	console.log(`static/scenario.schema.json is up to date (${text.length} bytes)`);
} else {
	writeFileSync(target, text);
	console.log(`wrote static/scenario.schema.json (${text.length} bytes)`);
}
