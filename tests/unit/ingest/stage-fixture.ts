/**
 * Helpers shared by the ingest tests: a staging table from literal rows (the reader's contract:
 * VARCHAR columns named as in the header plus `__line`, header = line 1), rows of a query as
 * plain objects, and a fresh start for the canonical tables.
 */
import type { SqlEngine } from '../../../src/engine/types.ts';
import { ident, literal } from '../../../src/lib/sql.ts';

export async function stageRows(
	engine: SqlEngine,
	table: string,
	header: string[],
	rows: (string | null)[][]
): Promise<void> {
	const values = rows
		.map((row, i) => `(${[...row.map((v) => literal(v)), String(i + 2)].join(', ')})`)
		.join(',\n');
	const columns = [...header.map(ident), '__line'].join(', ');
	const casts = [
		...header.map((h) => `CAST(${ident(h)} AS VARCHAR) AS ${ident(h)}`),
		'CAST(__line AS BIGINT) AS __line'
	];
	await run(
		engine,
		`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${casts.join(', ')} FROM (VALUES ${values}) AS t(${columns})`
	);
}

export async function run(engine: SqlEngine, sql: string): Promise<void> {
	const result = await engine.query(sql);
	if (!result.ok) throw new Error(`${result.error.detail}\n${sql}`);
}

/** Rows as plain objects: BIGINT counts become numbers, TIMESTAMPs `YYYY-MM-DD HH:MM:SS`. */
export async function rowsOf(engine: SqlEngine, sql: string): Promise<Record<string, unknown>[]> {
	const result = await engine.query(sql);
	if (!result.ok) throw new Error(`${result.error.detail}\n${sql}`);
	const timestamps = new Set(
		result.value.schema.fields
			.filter((f) => String(f.type).startsWith('Timestamp'))
			.map((f) => f.name)
	);
	return result.value.toArray().map((row) => {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(row.toJSON() as Record<string, unknown>)) {
			if (typeof v === 'bigint') out[k] = Number(v);
			else if (timestamps.has(k) && typeof v === 'number')
				out[k] = new Date(v).toISOString().replace('T', ' ').slice(0, 19);
			else out[k] = v;
		}
		return out;
	});
}

export async function resetCanonical(engine: SqlEngine): Promise<void> {
	await run(
		engine,
		'DROP TABLE IF EXISTS orders; DROP TABLE IF EXISTS order_lines; DROP TABLE IF EXISTS customers'
	);
}

/** A File from text or bytes, as the browser hands it over. */
export function fileOf(name: string, content: string | Uint8Array): File {
	return new File([typeof content === 'string' ? content : new Uint8Array(content)], name);
}
