/**
 * Where the column header is. Some exports open with title lines above it (JD: 京东订单导出
 * 2024-01-01 至 2024-01-31, 导出时间: …; many XLSX reports), often padded with empty cells to the
 * table's width, and blank lines. The reader ignores everything above the header.
 */
import { rankPresets } from '../presets/index.ts';
import { HEADER_SEARCH_ROWS } from './limits.ts';
import { ReadError } from './read-error.ts';
import type { ReadOptions } from './types.ts';

/** A non-blank row of the source: its line (CSV) or sheet row (XLSX) and its cells. */
interface SourceRow {
	line: number;
	cells: readonly (string | null)[];
}

/** Rows below a candidate whose width it is compared with. */
const FOLLOWING_ROWS = 10;

/** Rows the search needs: the candidates and the rows that follow the last of them. */
export const HEADER_SAMPLE_ROWS = HEADER_SEARCH_ROWS + FOLLOWING_ROWS;

/**
 * The index in `rows` (non-blank rows, in file order) of the header, or -1. Among the first
 * HEADER_SEARCH_ROWS rows it is the first that names a platform's identifying columns (as many as
 * the column mapper offers a preset for), else the first with at least two values that fills
 * about as many columns as the rows below it usually span: title lines hold one or two values,
 * so two make a header only of a table that narrow; three or more must fill half the columns
 * (some may have no name). On a plain file that is row 0 either way.
 */
export function findHeader(rows: readonly SourceRow[]): number {
	const candidates = Math.min(rows.length, HEADER_SEARCH_ROWS);
	for (let i = 0; i < candidates; i++)
		if (rankPresets(rows[i].cells.map((c) => c ?? '')).length > 0) return i;
	for (let i = 0; i < candidates; i++) {
		const filled = rows[i].cells.filter(hasText).length;
		if (filled < 2) continue;
		const below = rows.slice(i + 1, i + 1 + FOLLOWING_ROWS).map((r) => spanOf(r.cells));
		const span = below.length ? upperMedian(below) : spanOf(rows[i].cells);
		if (filled >= (filled <= 2 ? span : span / 2)) return i;
	}
	return -1;
}

/**
 * The header's index for the reader: the row at `options.headerRow` when given, else the one
 * `findHeader` finds. `fallBackToFirst`: when nothing looks like a header, take row 0 (the
 * analyst chose a delimiter that splits nothing, and the one-column preview says so better than
 * an error). `where` names the file or sheet in error details.
 */
export function locateHeader(
	rows: readonly SourceRow[],
	options: Pick<ReadOptions, 'headerRow'>,
	where: string,
	fallBackToFirst = false
): number {
	const wanted = options.headerRow;
	if (wanted !== undefined) {
		const at = Number.isInteger(wanted) ? rows.findIndex((r) => r.line === wanted) : -1;
		if (at === -1)
			throw new ReadError(
				'read.bad-header-row',
				`${where} has no row ${wanted} with values to take as the header`
			);
		return at;
	}
	const at = findHeader(rows);
	if (at !== -1 || (fallBackToFirst && rows.length > 0)) return Math.max(at, 0);
	throw new ReadError(
		'read.no-header',
		`none of the first ${Math.min(rows.length, HEADER_SEARCH_ROWS)} rows of ${where} looks like a column header (they hold one value each, or far fewer than the rows below)`
	);
}

const hasText = (cell: string | null) => cell !== null && cell.trim() !== '';

/** Columns up to the last one with a value. */
function spanOf(cells: readonly (string | null)[]): number {
	for (let i = cells.length - 1; i >= 0; i--) if (hasText(cells[i])) return i + 1;
	return 0;
}

/**
 * The median, the larger middle value for an even count: a second title line below the first
 * should not make the rows below look narrow.
 */
function upperMedian(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}
