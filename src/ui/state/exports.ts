import type { Table } from 'apache-arrow';
import { tableToRows, columnNames } from '../../engine/decode.ts';
import { toCsv } from '../../lib/export/csv.ts';
import { toXlsx } from '../../lib/export/xlsx.ts';
import { downloadBlob } from '../../lib/export/download.ts';

/** Downloads a query result as CSV (UTF-8 with BOM, for Excel) or XLSX; formulas neutralised. */
export async function exportTable(table: Table, name: string, kind: 'csv' | 'xlsx'): Promise<void> {
	const columns = columnNames(table).map((key) => ({ key, label: key }));
	const rows = tableToRows(table);
	if (kind === 'csv') {
		const csv = toCsv(columns, rows, { bom: true });
		downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
	} else {
		downloadBlob(await toXlsx(columns, rows), `${name}.xlsx`);
	}
}
