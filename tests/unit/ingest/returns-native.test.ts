/**
 * The import SQL that nets returns (and reads `N.0` ids) gives the same tables on duckdb-wasm and
 * native DuckDB, over two files: the second's cancellations take back sales of the first.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEngine } from '../../helpers/wasm-engine.ts';
import {
	createNativeEngine,
	rowsOf,
	type NativeEngine,
	type PlainRow
} from '../../helpers/native-engine.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import { CUSTOMERS_DDL, ORDER_LINES_DDL, ORDERS_DDL } from '../../../src/ingest/canonical.ts';
import {
	INGEST_TABLES,
	buildFloatIdProbeSql,
	buildMergeSql,
	buildOrderSql,
	buildParseRowsSql
} from '../../../src/ingest/canonicalize.ts';
import { bindPresetMapping, findPreset } from '../../../src/ingest/presets/index.ts';
import { run, stageRows } from './stage-fixture.ts';

const HEADER = [
	'Invoice',
	'StockCode',
	'Description',
	'Quantity',
	'InvoiceDate',
	'Price',
	'Customer ID',
	'Country'
];
const row = (inv: string, code: string, qty: string, time: string, price: string, c: string) => [
	inv,
	code,
	'item',
	qty,
	time,
	price,
	c,
	'United Kingdom'
];
const DECEMBER = [
	row('536365', '85123A', '6', '2010-12-01 08:26', '2.55', '17850.0'),
	row('536365', '71053', '6', '2010-12-01 08:26', '3.39', '17850.0'),
	row('536366', '22633', '6', '2010-12-01 08:28', '1.85', ''),
	row('536370', '22633', '10', '2010-12-05 10:00', '1.85', '17850.0'),
	row('536420', '21000', '1', '2010-12-09 09:00', '5.00', '14000.0')
];
const JANUARY = [
	row('C539001', '85123A', '-2', '2011-01-04 10:00', '2.55', '17850.0'),
	row('C539001', '85123A', '-2', '2011-01-04 10:00', '2.55', '17850.0'),
	row('C539002', '99999', '-1', '2011-01-05 10:00', '4.00', '17850.0'),
	row('C539003', '22633', '-2', '2011-01-05 11:00', '1.85', ''),
	row('C539004', '21000', '-3', '2011-01-06 09:00', '5.00', '14000.0'),
	row('C539005', 'M', '1', '2011-01-06 10:00', '10.00', '14000.0'),
	row('C539006', '23166', '-5', '2011-01-07 10:00', '2.00', '12346.0'),
	row('A539007', 'B', '1', '2011-01-07 11:00', '11062.06', ''),
	row('539008', '22633', '2', '2011-01-08 10:00', '1.85', '17850.0')
];

let wasm: SqlEngine & { close(): void };
let native: NativeEngine;
beforeAll(async () => {
	wasm = await createTestEngine();
	native = await createNativeEngine();
}, 60_000);
afterAll(() => {
	wasm.close();
	native.close();
});

/** The native engine behind the query interface the staging helpers use. */
const nativeAsEngine = (): SqlEngine =>
	({
		query: async (sql: string) => native.query(sql)
	}) as unknown as SqlEngine;

const mapping = { ...bindPresetMapping(findPreset('uci'), HEADER), dateOrder: 'ymd' as const };

async function importBoth(engine: SqlEngine, label: string, rows: string[][]): Promise<void> {
	await stageRows(engine, 'raw', HEADER, rows);
	const statements = [
		buildParseRowsSql(mapping, 'raw', { fileLabel: label, floatIdFields: ['customer_id'] }),
		...buildOrderSql(mapping, label, false),
		...buildMergeSql()
	];
	for (const sql of statements) await run(engine, sql);
}

async function nativeRows(sql: string): Promise<PlainRow[]> {
	const r = await native.query(sql);
	if (!r.ok) throw new Error(`${r.error.detail}\n${sql}`);
	return r.value;
}

const rounded = (rows: PlainRow[]) =>
	rows.map((r) =>
		Object.fromEntries(
			Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(12)) : v])
		)
	);

it('nets returns alike on wasm and native, within a file and into orders loaded before', async () => {
	for (const engine of [wasm, nativeAsEngine()]) {
		for (const ddl of [ORDERS_DDL, ORDER_LINES_DDL, CUSTOMERS_DDL]) await run(engine, ddl);
		await importBoth(engine, 'dec.csv', DECEMBER);
	}
	for (const engine of [wasm, nativeAsEngine()]) await stageRows(engine, 'raw', HEADER, JANUARY);
	const probe = buildFloatIdProbeSql('raw', ['Invoice', 'Customer ID']);
	expect(await nativeRows(probe)).toEqual(await rowsOf(wasm, probe));
	for (const engine of [wasm, nativeAsEngine()]) await importBoth(engine, 'jan.csv', JANUARY);

	const queries = [
		'SELECT * FROM orders ORDER BY order_id',
		'SELECT * FROM order_lines ORDER BY order_id, line_no',
		`SELECT * EXCLUDE (return_time) FROM ${INGEST_TABLES.returns} ORDER BY return_no`,
		`SELECT * FROM ${INGEST_TABLES.matches} ORDER BY return_no`
	];
	for (const sql of queries)
		expect(rounded(await nativeRows(sql)), sql).toEqual(rounded(await rowsOf(wasm, sql)));

	// 536365: 15.30 + 20.34 = 35.64, less 2 hearts once (5.10) → 30.54. 536370 less 4.00 → 14.50.
	// 536366 (guest) less 3.70 → 7.40. 536420: 5.00 less 15.00 → refunded. 539008 = 3.70.
	expect(
		await rowsOf(
			wasm,
			`SELECT order_id, customer_id, status, round(net_amount, 2) AS net FROM orders ORDER BY 1`
		)
	).toEqual([
		{ order_id: '536365', customer_id: '17850', status: 'paid', net: 30.54 },
		{ order_id: '536366', customer_id: null, status: 'paid', net: 7.4 },
		{ order_id: '536370', customer_id: '17850', status: 'paid', net: 14.5 },
		{ order_id: '536420', customer_id: '14000', status: 'refunded', net: 0 },
		{ order_id: '539008', customer_id: '17850', status: 'paid', net: 3.7 }
	]);
});
