/**
 * XLSX through write-excel-file's universal build (the same code in the page and in tests),
 * imported on first use so it stays out of the page's initial bundle.
 * Numbers and dates are typed cells; text is neutralised against formula injection, as in CSV.
 */
import type { Cell, SheetData } from 'write-excel-file/universal';
import { neutraliseFormula } from './neutralise.ts';
import { formatDateCell, type ExportColumn, type ExportRows } from './table.ts';

/** Excel refuses sheet names longer than 31 characters or holding any of `[]:*?/\`. */
const sheetName = (name: string): string =>
	name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';

function cell(value: unknown): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'bigint') {
		const n = Number(value);
		return Number.isSafeInteger(n) ? n : String(value);
	}
	if (typeof value === 'boolean') return value;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return null;
		const withTime = formatDateCell(value).length > 10;
		return { value, format: withTime ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd' };
	}
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return { value: neutraliseFormula(text), type: String };
}

export async function toXlsx(
	columns: readonly ExportColumn[],
	rows: ExportRows,
	opts: { sheet?: string } = {}
): Promise<Blob> {
	const { default: writeXlsxFile } = await import('write-excel-file/universal');
	const data: SheetData = [
		columns.map((c) => ({
			value: neutraliseFormula(c.label),
			type: String,
			fontWeight: 'bold' as const
		}))
	];
	for (const row of rows) data.push(columns.map((c) => cell(row[c.key])));
	return writeXlsxFile(data, {
		sheet: sheetName(opts.sheet ?? 'Sheet1'),
		stickyRowsCount: 1
	}).toBlob();
}
