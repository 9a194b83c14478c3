/**
 * The storage boundary: a stored document becomes a Scenario only through `parseScenario`, so a
 * record written by an older trustwalk, edited in devtools or corrupted on disk gives errors the UI
 * can show next to the scenario's name, never an exception.
 */
import { parseScenario, type ParseResult } from '../domain/parse.ts';
import type { StoredScenario } from './records.ts';

/** Reads a stored scenario's document through the parser. Never throws. */
export function readScenario(record: Pick<StoredScenario, 'document'>): ParseResult {
	return parseScenario(record.document);
}
