import readXlsxFile from 'read-excel-file/universal';
import { cellText } from './cell-text.ts';
import { ReadError } from './read-error.ts';

export interface SheetRows {
	sheets: string[];
	sheet: string;
	/** Every row with its sheet row number (1-based, as Excel shows it); the caller finds the header. */
	rows: { line: number; cells: (string | null)[] }[];
}

/**
 * Reads one sheet with read-excel-file: numbers stay as the text stored in the file (no float
 * rounding of long ids), cells with a date format become `YYYY-MM-DD HH:MM:SS`.
 */
export async function readXlsx(file: Blob, sheet: string | undefined): Promise<SheetRows> {
	let sheets: Awaited<ReturnType<typeof readXlsxFile<string>>>;
	try {
		sheets = await readXlsxFile<string>(file, { trim: false, parseNumber: (s) => s });
	} catch (e) {
		const detail = String((e as Error)?.message ?? e);
		throw new ReadError('read.xlsx-invalid', detail);
	}
	const names = sheets.map((s) => s.sheet);
	const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet);
	if (!chosen)
		throw new ReadError(
			sheet === undefined ? 'read.empty' : 'read.sheet-not-found',
			sheet === undefined
				? 'the workbook has no sheets'
				: `no sheet "${sheet}" in ${names.join(', ')}`
		);
	const rows = chosen.data.map((row, i) => ({ line: i + 1, cells: row.map((v) => cellText(v)) }));
	if (!rows.some((r) => r.cells.some((v) => v !== null && v !== '')))
		throw new ReadError('read.empty', `sheet "${chosen.sheet}" is empty`);
	return { sheets: names, sheet: chosen.sheet, rows };
}
