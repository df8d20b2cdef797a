import { Type, type Table, type DataType, type Vector } from 'apache-arrow';

/** A decoded cell: what charts, tables and exports handle. Dates stay Date (store-local as UTC). */
export type Cell = string | number | boolean | Date | null;
export type Row = Record<string, Cell>;

/** Converts one Arrow value to a plain JS value. The one place 64-bit ints, decimals and dates are decoded. */
function decodeValue(value: unknown, type: DataType): Cell {
	if (value === null || value === undefined) return null;
	switch (type.typeId) {
		case Type.Int:
		case Type.Int64:
		case Type.Uint64: {
			if (typeof value !== 'bigint') return value as number;
			const n = Number(value);
			return Number.isSafeInteger(n) ? n : value.toString();
		}
		case Type.Decimal: {
			const scale = (type as unknown as { scale: number }).scale;
			return Number(value) / 10 ** scale;
		}
		case Type.Timestamp:
		case Type.Date:
		case Type.DateDay:
		case Type.DateMillisecond:
			return new Date(value as number);
		case Type.Float:
		case Type.Float64:
		case Type.Float32:
		case Type.Bool:
		case Type.Utf8:
		case Type.LargeUtf8:
			return value as Cell;
		default:
			if (typeof value === 'bigint') return Number(value);
			if (typeof value === 'object')
				return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
			return value as Cell;
	}
}

/** Column names of a result, in order. */
export const columnNames = (table: Table): string[] => table.schema.fields.map((f) => f.name);

/** Materialises an Arrow table as plain rows (for charts and small tables). */
export function tableToRows(table: Table, limit = Infinity): Row[] {
	const fields = table.schema.fields;
	const cols = fields.map((f) => table.getChild(f.name) as Vector);
	const n = Math.min(table.numRows, limit);
	const rows: Row[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const row: Row = {};
		for (let c = 0; c < fields.length; c++)
			row[fields[c].name] = decodeValue(cols[c].get(i), fields[c].type);
		rows[i] = row;
	}
	return rows;
}

/** Reads one cell without materialising the table (virtualised tables over 1M rows). */
export function getCell(table: Table, row: number, column: string): Cell {
	const field = table.schema.fields.find((f) => f.name === column);
	if (!field) return null;
	return decodeValue(table.getChild(column)?.get(row), field.type);
}
