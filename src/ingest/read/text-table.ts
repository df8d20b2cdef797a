import { Table, makeVector, type Vector } from 'apache-arrow';
import { utf8Vector } from '../../engine/arrow-build.ts';
import type { SqlEngine } from '../../engine/types.ts';
import { ident } from '../../lib/sql.ts';
import { LINE_COLUMN } from './header.ts';
import { ReadError } from './read-error.ts';

/** Rows parsed in JS (XLSX, Parquet, JSON): every cell text or null, each with its source line. */
export interface TextRows {
	rows: (string | null)[][];
	lines: number[];
}

/**
 * Appends rows to the staging table through Arrow, every column Utf8 (VARCHAR) plus `__line`.
 * The first batch creates the table, so the caller drops any old one first.
 */
export async function insertTextRows(
	engine: SqlEngine,
	table: string,
	header: string[],
	batch: TextRows,
	create: boolean
): Promise<void> {
	const columns: Record<string, Vector> = {};
	header.forEach((name, c) => {
		columns[name] = utf8Vector(batch.rows.map((row) => row[c] ?? null));
	});
	columns[LINE_COLUMN] = makeVector(BigInt64Array.from(batch.lines, (n) => BigInt(n)));
	const inserted = await engine.insertArrow(
		table,
		new Table(columns),
		create ? 'create' : 'append'
	);
	if (!inserted.ok) throw new ReadError('read.load', inserted.error.detail);
}

export async function dropTable(engine: SqlEngine, table: string): Promise<void> {
	await engine.query(`DROP TABLE IF EXISTS ${ident(table)}`);
}
