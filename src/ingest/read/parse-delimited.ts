/**
 * A small RFC 4180 parser for the head of a delimited file: the header, the preview rows and
 * delimiter sniffing. The file itself is loaded by DuckDB's CSV reader with the same dialect
 * (quote `"`, doubled to escape), so both agree on where fields and records end.
 */
import { HEADER_SEARCH_ROWS } from './limits.ts';

export interface ParsedRecord {
	/** DuckDB's line number for the record: the first is 1; blank lines count, line breaks inside quotes do not. */
	line: number;
	fields: string[];
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * Records of `text` up to `maxRecords`. Without `complete`, a last record that may continue
 * past the end of the sample is left out.
 */
export function parseRecords(
	text: string,
	delimiter: string,
	maxRecords: number,
	complete: boolean
): ParsedRecord[] {
	const records: ParsedRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let recordStarted = false;
	const end = () => {
		fields.push(field);
		if (recordStarted) records.push({ line, fields });
		line++;
		fields = [];
		field = '';
		recordStarted = false;
	};
	// As in DuckDB, a quote opens a quoted field only at the field's start; elsewhere (15" laptop)
	// it is a plain character.
	let atFieldStart = true;
	for (let i = 0; i < text.length && records.length < maxRecords; i++) {
		const c = text[i];
		if (quoted) {
			if (c !== '"') field += c;
			else if (text[i + 1] === '"') {
				field += '"';
				i++;
			} else quoted = false;
			continue;
		}
		if (c === '"' && atFieldStart) {
			quoted = true;
			recordStarted = true;
			atFieldStart = false;
		} else if (c === delimiter) {
			fields.push(field);
			field = '';
			recordStarted = true;
			atFieldStart = true;
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			end();
			atFieldStart = true;
		} else {
			field += c;
			recordStarted = true;
			atFieldStart = false;
		}
	}
	// At the end of the file an unterminated quote still ends the record (DuckDB rejects it).
	if (complete && recordStarted && records.length < maxRecords) end();
	return records;
}

/**
 * The delimiter that splits the first records into the same number (> 1) of fields most
 * consistently; ties go to the one that starts splitting sooner, then to more fields. Counting
 * starts at the first record it splits into two or more values, so title lines above the header
 * (one value each) do not rule a delimiter out. Comma when nothing splits (one column).
 */
export function sniffDelimiter(text: string, complete: boolean): string {
	let best = { delimiter: ',', consistency: 0, start: Infinity, width: 1 };
	for (const delimiter of DELIMITERS) {
		const all = parseRecords(text, delimiter, 50 + HEADER_SEARCH_ROWS, complete);
		const start = all
			.slice(0, HEADER_SEARCH_ROWS)
			.findIndex((r) => r.fields.filter((f) => f.trim() !== '').length >= 2);
		if (start === -1) continue;
		const records = all.slice(start, start + 50);
		const width = records[0].fields.length;
		const consistency = records.filter((r) => r.fields.length === width).length / records.length;
		const tied = Math.abs(consistency - best.consistency) < 1e-9;
		if (
			(!tied && consistency > best.consistency) ||
			(tied && (start < best.start || (start === best.start && width > best.width)))
		)
			best = { delimiter, consistency, start, width };
	}
	return best.delimiter;
}
