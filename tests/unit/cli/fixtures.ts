/**
 * Shared by the command-line tests: sample exports written to a temp folder (the generator the
 * import tests and `npm run sample` use), the command run in-process with its stderr kept, and
 * results reduced to rows that compare equal across duckdb-wasm and native DuckDB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeSampleFile, type SampleEncoding } from '../../../scripts/sample.ts';
import type { SampleFormat } from '../../../src/sample/formats.ts';
import { main } from '../../../src/cli/main.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import type { Table } from 'apache-arrow';
import { plainRows, rowsOf, type PlainRow } from '../../helpers/native-engine.ts';

/** A temp folder for the file's tests, removed after its last test. */
export function useTempDir(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'huitou-cli-test-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

export async function writeFixture(
	dir: string,
	name: string,
	format: SampleFormat,
	encoding: SampleEncoding,
	orders = 400,
	/** Also write the shop's campaign contact list here. */
	contacts?: string
): Promise<string> {
	const out = path.join(dir, name);
	await writeSampleFile({
		format,
		encoding,
		out,
		orders,
		seed: 7,
		...(contacts ? { contacts } : {})
	});
	return out;
}

/** Runs `huitou …` in this process; resolves to the exit code and everything said on stderr. */
export async function runCli(args: string[]): Promise<{ code: number; stderr: string }> {
	const lines: string[] = [];
	const code = await main(args, (line) => lines.push(line));
	return { code, stderr: lines.join('\n') };
}

/**
 * Rows with numbers rounded to 9 significant digits (native DuckDB sums in parallel, in another
 * order than the single-threaded page), sorted, so ties ordered differently still compare equal.
 */
export async function comparableRows(engine: SqlEngine, sql: string): Promise<string[]> {
	return comparable(await rowsOf(engine, sql));
}

/** A result already in hand (a cell's), reduced as `comparableRows` reduces a query's. */
export const comparableTable = (table: Table): string[] => comparable(plainRows(table));

const comparable = (rows: PlainRow[]): string[] =>
	rows.map((r) => JSON.stringify(roundRow(r))).sort();

/**
 * Nine significant digits, reached through twelve: sums in another order differ in the last bits,
 * and a value such as 120.5640625 would round up on one engine and down on the other if rounded
 * to nine digits at once; at twelve both are the same number first.
 */
const round = (v: number) => Number(Number(v.toPrecision(12)).toPrecision(9));

function roundRow(row: PlainRow): PlainRow {
	return Object.fromEntries(
		Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])
	);
}

export const CANONICAL_QUERIES = {
	orders: 'SELECT * FROM orders',
	order_lines: 'SELECT * FROM order_lines',
	customers: 'SELECT * FROM customers',
	campaign_contacts: 'SELECT * FROM campaign_contacts'
};
