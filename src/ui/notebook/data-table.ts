/**
 * The arithmetic behind DataTable.svelte, kept pure so it is tested without a DOM: which rows are
 * on screen, sorting over an index, keyboard moves, and copying a selection as TSV.
 */

/**
 * Browsers cap an element's height (Firefox near 17.9M px, Chrome 33.5M), below 1M rows × 28 px.
 * Past this the scrollbar maps proportionally onto the rows instead of one pixel per pixel.
 */
const MAX_SCROLL_HEIGHT = 10_000_000;

export interface WindowInput {
	scrollTop: number;
	/** Height available to rows (the viewport minus the header). */
	viewportHeight: number;
	rowHeight: number;
	rowCount: number;
	overscan?: number;
	maxScrollHeight?: number;
}

export interface RowWindow {
	/** First and one-past-last row index to render. */
	start: number;
	end: number;
	/** Where the first rendered row goes, in the scroll content's pixels. */
	offsetY: number;
	/** Height of the scroll content. */
	spacerHeight: number;
	/** Content pixels per scroll pixel (1 unless the table is taller than the cap). */
	scale: number;
}

export function computeWindow(input: WindowInput): RowWindow {
	const { rowHeight, rowCount, viewportHeight } = input;
	const overscan = input.overscan ?? 6;
	const max = input.maxScrollHeight ?? MAX_SCROLL_HEIGHT;
	const total = rowCount * rowHeight;
	const spacerHeight = Math.min(total, max);
	const scrollRange = Math.max(0, spacerHeight - viewportHeight);
	const scale = total > max && scrollRange > 0 ? (total - viewportHeight) / scrollRange : 1;
	const scrollTop = Math.min(Math.max(0, input.scrollTop), scrollRange);
	const virtualTop = scrollTop * scale;
	const first = Math.floor(virtualTop / rowHeight);
	const start = Math.max(0, first - overscan);
	const visible = Math.ceil(viewportHeight / rowHeight) + 1;
	const end = Math.min(rowCount, first + visible + overscan);
	// Row `first` sits where the viewport's top would be in an uncapped table.
	const offsetY = scrollTop - (virtualTop - start * rowHeight);
	return { start, end, offsetY, spacerHeight, scale };
}

/**
 * The scrollTop that brings `row` into view (at the top or bottom edge), or null when it is
 * already in view. The viewport shows content rows from `scrollTop × scale` down `viewportHeight`.
 */
export function scrollToRow(
	row: number,
	scrollTop: number,
	viewportHeight: number,
	rowHeight: number,
	scale: number
): number | null {
	const virtualTop = scrollTop * scale;
	const top = row * rowHeight;
	const bottom = (row + 1) * rowHeight;
	if (top < virtualTop) return top / scale;
	if (bottom > virtualTop + viewportHeight) return (bottom - viewportHeight) / scale;
	return null;
}

export type SortDir = 'asc' | 'desc';

/** Above this many distinct texts, text sorts by code point: a locale collator is ~10× slower. */
const COLLATE_MAX_VALUES = 50_000;

const isNullish = (v: unknown): boolean =>
	v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

/** A number to sort by, or null when the value is not numeric (dates and booleans are). */
function numericKey(v: unknown): number | null {
	if (typeof v === 'number') return v;
	if (v instanceof Date) return v.getTime();
	if (typeof v === 'boolean') return Number(v);
	if (typeof v === 'bigint') return Number(v);
	return null;
}

/** Index of `x` in the ascending array `sorted` (which holds it). */
function search(sorted: Float64Array, x: number): number {
	let lo = 0;
	let hi = sorted.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Row indexes in sorted order, stable, nulls last in both directions.
 *
 * A comparator sort over a million rows takes seconds (a JS call per comparison), so values are
 * ranked instead: the distinct values sort natively (typed-array numeric sort, or the default
 * string sort), each row gets its value's rank, and a counting sort by rank places the rows. The
 * counting sort is stable, so equal values keep their order.
 */
export function sortIndex(
	rowCount: number,
	getValue: (row: number) => unknown,
	dir: SortDir,
	/** Collation locale for text, e.g. 'zh-CN' orders Chinese by pinyin. */
	locale?: string
): Uint32Array {
	const present: number[] = [];
	const nulls: number[] = [];
	const values = new Array<unknown>(rowCount);
	let numeric = true;
	for (let i = 0; i < rowCount; i++) {
		const v = getValue(i);
		values[i] = v;
		if (isNullish(v)) nulls.push(i);
		else {
			present.push(i);
			if (numeric && numericKey(v) === null) numeric = false;
		}
	}

	const ranks = new Uint32Array(present.length);
	let distinct: number;
	if (numeric) {
		const keys = Float64Array.from(present, (i) => numericKey(values[i])!);
		const sorted = keys.slice().sort();
		let u = 0;
		for (let k = 0; k < sorted.length; k++)
			if (k === 0 || sorted[k] !== sorted[u - 1]) sorted[u++] = sorted[k];
		const uniq = sorted.subarray(0, u);
		for (let k = 0; k < keys.length; k++) ranks[k] = search(uniq, keys[k]);
		distinct = u;
	} else {
		const keys = present.map((i) => String(values[i]));
		const uniq = [...new Set(keys)];
		if (uniq.length <= COLLATE_MAX_VALUES)
			uniq.sort(new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }).compare);
		else uniq.sort();
		const rankOf = new Map(uniq.map((text, r) => [text, r]));
		for (let k = 0; k < keys.length; k++) ranks[k] = rankOf.get(keys[k])!;
		distinct = uniq.length;
	}
	if (dir === 'desc') for (let k = 0; k < ranks.length; k++) ranks[k] = distinct - 1 - ranks[k];

	// Counting sort by rank: starts[r] is where rank r's rows begin.
	const starts = new Uint32Array(distinct + 1);
	for (let k = 0; k < ranks.length; k++) starts[ranks[k] + 1]++;
	for (let r = 0; r < distinct; r++) starts[r + 1] += starts[r];
	const out = new Uint32Array(rowCount);
	for (let k = 0; k < ranks.length; k++) out[starts[ranks[k]]++] = present[k];
	out.set(nulls, present.length);
	return out;
}

export interface Cursor {
	row: number;
	col: number;
}

/** Where a key moves the cursor, or null for keys the grid does not handle. */
export function moveCursor(
	cursor: Cursor,
	key: string,
	ctrl: boolean,
	size: { rows: number; cols: number; pageRows: number }
): Cursor | null {
	const clampRow = (r: number) => Math.max(0, Math.min(size.rows - 1, r));
	const clampCol = (c: number) => Math.max(0, Math.min(size.cols - 1, c));
	switch (key) {
		case 'ArrowDown':
			return { row: clampRow(ctrl ? size.rows - 1 : cursor.row + 1), col: cursor.col };
		case 'ArrowUp':
			return { row: clampRow(ctrl ? 0 : cursor.row - 1), col: cursor.col };
		case 'ArrowRight':
			return { row: cursor.row, col: clampCol(ctrl ? size.cols - 1 : cursor.col + 1) };
		case 'ArrowLeft':
			return { row: cursor.row, col: clampCol(ctrl ? 0 : cursor.col - 1) };
		case 'PageDown':
			return { row: clampRow(cursor.row + size.pageRows), col: cursor.col };
		case 'PageUp':
			return { row: clampRow(cursor.row - size.pageRows), col: cursor.col };
		case 'Home':
			return ctrl ? { row: 0, col: 0 } : { row: cursor.row, col: 0 };
		case 'End':
			return ctrl
				? { row: clampRow(size.rows - 1), col: size.cols - 1 }
				: { row: cursor.row, col: size.cols - 1 };
		default:
			return null;
	}
}

/** Copying more rows than this would freeze the tab and overflow most clipboards. */
const MAX_COPY_ROWS = 100_000;

function tsvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) {
		const iso = value.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
	}
	// Tabs and line breaks would split the cell when pasted; spreadsheets take TSV without quoting.
	return String(value).replace(/[\t\r\n]+/g, ' ');
}

/**
 * The selected block as tab-separated text with a header line: raw values (numbers unformatted),
 * so pasting into a spreadsheet keeps them numeric.
 */
export function selectionToTsv(
	columns: readonly { key: string; label: string }[],
	rows: { from: number; to: number },
	cols: { from: number; to: number },
	getCell: (viewRow: number, key: string) => unknown
): { text: string; rows: number } {
	const keys = columns.slice(cols.from, cols.to + 1);
	const last = Math.min(rows.to, rows.from + MAX_COPY_ROWS - 1);
	const lines = [keys.map((c) => tsvField(c.label)).join('\t')];
	for (let r = rows.from; r <= last; r++)
		lines.push(keys.map((c) => tsvField(getCell(r, c.key))).join('\t'));
	return { text: lines.join('\n'), rows: last - rows.from + 1 };
}
