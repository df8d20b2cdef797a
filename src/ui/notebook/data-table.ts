/**
 * The arithmetic behind DataTable.svelte, kept pure so it is tested without a DOM: which rows are
 * on screen, sorting over an index, keyboard moves, and copying a selection as TSV.
 */

/**
 * Browsers cap an element's height (Firefox near 17.9M px, Chrome 33.5M), below 1M rows × 28 px.
 * Past this the scrollbar maps proportionally onto the rows instead of one pixel per pixel.
 */
export const MAX_SCROLL_HEIGHT = 10_000_000;

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

/** The scrollTop that brings `row` into view (top or bottom edge), or null when already visible. */
export function scrollToRow(
	row: number,
	scrollTop: number,
	viewportHeight: number,
	rowHeight: number,
	scale: number
): number | null {
	const top = (row * rowHeight) / scale;
	const bottom = ((row + 1) * rowHeight) / scale;
	if (top < scrollTop) return top;
	if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
	return null;
}

export type SortDir = 'asc' | 'desc';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Orders any two cell values: nulls last, numbers and dates by value, text by a collator. */
export function compareValues(a: unknown, b: unknown): number {
	const an = a === null || a === undefined || (typeof a === 'number' && Number.isNaN(a));
	const bn = b === null || b === undefined || (typeof b === 'number' && Number.isNaN(b));
	if (an || bn) return an === bn ? 0 : an ? 1 : -1;
	const av = a instanceof Date ? a.getTime() : a;
	const bv = b instanceof Date ? b.getTime() : b;
	if (typeof av === 'number' && typeof bv === 'number') return av - bv;
	if (typeof av === 'bigint' && typeof bv === 'bigint') return av < bv ? -1 : av > bv ? 1 : 0;
	if (typeof av === 'boolean' && typeof bv === 'boolean') return Number(av) - Number(bv);
	return collator.compare(String(av), String(bv));
}

/**
 * Row indexes in sorted order. Values are read once (a getter call per row, not per comparison)
 * and the sort is stable; nulls stay last in both directions.
 */
export function sortIndex(
	rowCount: number,
	getValue: (row: number) => unknown,
	dir: SortDir
): Uint32Array {
	const values = new Array<unknown>(rowCount);
	for (let i = 0; i < rowCount; i++) values[i] = getValue(i);
	const index = new Uint32Array(rowCount);
	for (let i = 0; i < rowCount; i++) index[i] = i;
	const sign = dir === 'asc' ? 1 : -1;
	const isNull = (v: unknown) => v === null || v === undefined || Number.isNaN(v);
	index.sort((i, j) => {
		const a = values[i];
		const b = values[j];
		const c = isNull(a) || isNull(b) ? compareValues(a, b) : sign * compareValues(a, b);
		return c || i - j;
	});
	return index;
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
export const MAX_COPY_ROWS = 100_000;

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
