/**
 * CSV per RFC 4180, written by papaparse's `unparse`: comma-separated, CRLF line ends, a field
 * quoted when it holds a comma, quote, CR or LF, quotes doubled. Text is neutralised against
 * formula injection first; numbers stay numbers. `bom` prefixes U+FEFF so Excel reads the file
 * as UTF-8 (without it, Chinese text turns to mojibake in Excel on Windows). `neutralise: false`
 * is for files read by programs, not spreadsheets (the generic layout for the DuckDB CLI), where
 * a leading `'` would change ids.
 */
import Papa from 'papaparse';
import { neutraliseFormula } from './neutralise.ts';
import { formatDateCell, type ExportColumn, type ExportRows } from './table.ts';

function cellText(value: unknown, neutralise: boolean): string {
	const guard = neutralise ? neutraliseFormula : (t: string) => t;
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDateCell(value);
	if (typeof value === 'string') return guard(value);
	return guard(JSON.stringify(value));
}

export function toCsv(
	columns: readonly ExportColumn[],
	rows: ExportRows,
	opts: { bom?: boolean; neutralise?: boolean } = {}
): string {
	const guard = opts.neutralise ?? true;
	const data = [columns.map((c) => cellText(c.label, guard))];
	for (const row of rows) data.push(columns.map((c) => cellText(row[c.key], guard)));
	// papaparse's own formula escaping is off: neutraliseFormula does it, for text only.
	const body = Papa.unparse(data, { newline: '\r\n', quotes: false, escapeFormulae: false });
	return (opts.bom ? '\uFEFF' : '') + body + '\r\n';
}
