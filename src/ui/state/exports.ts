import type { Table } from 'apache-arrow';
import { tableToRows, columnNames, type Row } from '../../engine/decode.ts';
import { sortRows, type RowOrder } from '../../lib/sort-rows.ts';
import { toCsv } from '../../lib/export/csv.ts';
import { toXlsx } from '../../lib/export/xlsx.ts';
import { downloadBlob } from '../../lib/export/download.ts';

/** How a list is written out: in the order it is shown, its fractional numbers rounded. */
interface ExportShape {
	order?: RowOrder;
	locale?: string;
	/** Decimals kept on numbers that are not whole (a currency's cents); all of them if absent. */
	digits?: number;
}

/** Downloads a query result as CSV (UTF-8 with BOM, for Excel) or XLSX; formulas neutralised. */
export async function exportTable(
	table: Table,
	name: string,
	kind: 'csv' | 'xlsx',
	shape: ExportShape = {}
): Promise<void> {
	const columns = columnNames(table).map((key) => ({ key, label: key }));
	let rows = tableToRows(table);
	if (shape.order) rows = sortRows(rows, shape.order, shape.locale ?? 'en-US');
	if (shape.digits !== undefined) rows = rows.map((r) => roundRow(r, shape.digits as number));
	if (kind === 'csv') {
		const csv = toCsv(columns, rows, { bom: true });
		downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
	} else {
		downloadBlob(await toXlsx(columns, rows), `${name}.xlsx`);
	}
}

/** The row with every fractional number rounded to `digits` (234.98432 → 234.98 for cents). */
function roundRow(row: Row, digits: number): Row {
	const scale = 10 ** digits;
	const out: Row = { ...row };
	for (const [k, v] of Object.entries(row))
		if (typeof v === 'number' && !Number.isInteger(v)) out[k] = Math.round(v * scale) / scale;
	return out;
}
