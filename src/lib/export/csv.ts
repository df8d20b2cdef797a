/**
 * CSV per RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote,
 * CR or LF, quotes doubled. Text is neutralised against formula injection; numbers stay numbers.
 * `bom` prefixes U+FEFF so Excel reads the file as UTF-8 (without it, Chinese text turns to
 * mojibake in Excel on Windows). `neutralise: false` is for files read by programs, not
 * spreadsheets (the generic layout for the DuckDB CLI), where a leading `'` would change ids.
 */
import { neutraliseFormula } from './neutralise.ts';
import { formatDateCell, type ExportColumn, type ExportRows } from './table.ts';

const NEEDS_QUOTES = /[",\r\n]/;

function field(value: unknown, neutralise: boolean): string {
	const guard = neutralise ? neutraliseFormula : (t: string) => t;
	let text: string;
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
	else if (typeof value === 'bigint' || typeof value === 'boolean') text = String(value);
	else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : formatDateCell(value);
	else if (typeof value === 'string') text = guard(value);
	else text = guard(JSON.stringify(value));
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(
	columns: readonly ExportColumn[],
	rows: ExportRows,
	opts: { bom?: boolean; neutralise?: boolean } = {}
): string {
	const guard = opts.neutralise ?? true;
	const lines = [columns.map((c) => field(c.label, guard)).join(',')];
	for (const row of rows) lines.push(columns.map((c) => field(row[c.key], guard)).join(','));
	return (opts.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
