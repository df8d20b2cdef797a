/**
 * The exported script must run on the DuckDB CLI. Native DuckDB (@duckdb/node-api, the same
 * version as the page's wasm build) runs it against a tiny generic-layout CSV in a temp dir.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { filteredOrdersCte } from '../../../src/analyses/base.ts';
import { createNotebook, type Notebook, type PresetCell } from '../../../src/notebook/schema.ts';
import { buildSqlScript, GENERIC_ORDERS_SQL } from '../../../src/notebook/sql-script.ts';
import { toCsv } from '../../../src/lib/export/csv.ts';

// Five orders. As of 2024-03-01 with net revenue, only 1001 and 1002 count: 1003 is refunded,
// 1004 falls on the as-of day (excluded), 1005 is after it.
const CSV = `order_id,customer_id,order_time,status,gross_amount,refund_amount,net_amount,channel,campaign,province,city
1001,c1,2024-01-05 10:00:00,paid,100,,100,search,,浙江,杭州
1002,c1,2024-02-10 12:30:00,paid,50,10,40,sms,SPRING,浙江,杭州
1003,c2,2024-02-11 09:00:00,refunded,80,80,0,search,,上海,上海
1004,,2024-03-01 08:00:00,paid,30,0,30,search,,,
00012345678901234567,c3,2024-03-02 20:00:00,paid,200,0,200,"ads, paid",,广东,深圳
`;

const globals = { asOf: '2024-03-01', revenue: 'net' as const, currency: 'CNY' };

const notebook: Notebook = createNotebook({
	id: 'nb-script',
	title: 'Script test\nDROP TABLE orders; -- a title cannot escape its comment',
	now: '2026-11-26T08:00:00.000Z',
	globals,
	cells: [
		{ id: 'm1', kind: 'markdown', text: 'Notes\r\nDROP TABLE orders;\n*/ SELECT 1;' },
		{ id: 'p1', kind: 'preset', analysis: 'overview', params: {}, name: 'kpis' },
		{ id: 's1', kind: 'sql', sql: 'SELECT revenue / orders AS aov FROM kpis;;  ', name: 'aov' },
		{ id: 's2', kind: 'sql', sql: '   ' },
		{
			id: 's3',
			kind: 'sql',
			sql: 'SELECT count(*) AS n, max(order_id) AS longest FROM orders -- no newline'
		}
	]
});

// Stands in for the overview analysis: what matters is that preset SQL runs as the page runs it.
const sqlFor = (cell: PresetCell): string[] => {
	expect(cell.analysis).toBe('overview');
	return [
		`WITH ${filteredOrdersCte(globals)}
		SELECT count(*) AS orders, sum(amount) AS revenue, count(DISTINCT customer_id) AS customers
		FROM f_orders;`,
		`WITH ${filteredOrdersCte(globals)} SELECT channel, sum(amount) AS revenue FROM f_orders GROUP BY 1`
	];
};

describe('buildSqlScript', () => {
	let conn: DuckDBConnection;
	let script: string;
	let dir: string;

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'huitou-sql-'));
		const csvPath = path.join(dir, 'orders.csv');
		writeFileSync(csvPath, CSV);
		script = buildSqlScript(notebook, { sqlFor, dataPath: csvPath });
		conn = await (await DuckDBInstance.create(':memory:')).connect();
	});

	const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson();

	/** Runs statement by statement, as the CLI does, returning the last statement's rows. */
	async function runScript(sql: string) {
		const statements = await conn.extractStatements(sql);
		let last;
		for (let i = 0; i < statements.count; i++)
			last = await (await statements.prepare(i)).runAndReadAll();
		return last?.getRowObjectsJson();
	}

	it('runs as one script, ending with the last cell', async () => {
		const last = await runScript(script);
		// 5 rows loaded; the 20-digit id kept as text, so as a string it sorts below '1004'.
		expect(last).toEqual([{ n: '5', longest: '1004' }]);
	});

	it('loads the generic layout with types and NULLs', async () => {
		expect(
			await rows(
				`SELECT order_id, customer_id, refund_amount, channel FROM orders ORDER BY order_time`
			)
		).toEqual([
			{ order_id: '1001', customer_id: 'c1', refund_amount: 0, channel: 'search' },
			{ order_id: '1002', customer_id: 'c1', refund_amount: 10, channel: 'sms' },
			{ order_id: '1003', customer_id: 'c2', refund_amount: 80, channel: 'search' },
			{ order_id: '1004', customer_id: null, refund_amount: 0, channel: 'search' },
			{
				order_id: '00012345678901234567',
				customer_id: 'c3',
				refund_amount: 0,
				channel: 'ads, paid'
			}
		]);
	});

	it('creates named cells as views later cells can query', async () => {
		// net revenue 100 + 40 = 140 over 2 orders from 1 known customer; AOV 140 / 2 = 70
		expect(await rows('SELECT * FROM kpis')).toEqual([
			{ orders: '2', revenue: 140, customers: '1' }
		]);
		expect(await rows('SELECT * FROM aov')).toEqual([{ aov: 70 }]);
	});

	it('keeps notes and the title inside comments', async () => {
		expect(await rows('SELECT count(*) AS n FROM orders')).toEqual([{ n: '5' }]);
		for (const line of script.split('\n'))
			if (/DROP TABLE|\*\/ SELECT/.test(line)) expect(line.startsWith('-- ')).toBe(true);
	});

	it('writes the canonical tables and skips empty cells', () => {
		for (const table of ['orders', 'order_lines', 'customers', 'campaign_contacts'])
			expect(script).toContain(`CREATE OR REPLACE TABLE ${table}`);
		expect(script).not.toContain('Cell 4');
		expect(script).toContain('-- Cell 2 (analysis overview): kpis');
	});

	it('runs on the orders the page exports in the generic layout', async () => {
		// The page saves GENERIC_ORDERS_SQL's result as CSV (not neutralised: ids must stay as they
		// are); loading that file with the script gives back the same orders table.
		const reader = await conn.runAndReadAll(GENERIC_ORDERS_SQL);
		const columns = reader.columnNames().map((key) => ({ key, label: key }));
		const exported = toCsv(columns, reader.getRowObjectsJson(), { bom: true, neutralise: false });
		const again = path.join(dir, 'exported.csv');
		writeFileSync(again, exported);
		const fresh = await (await DuckDBInstance.create(':memory:')).connect();
		const statements = await fresh.extractStatements(
			buildSqlScript(notebook, { sqlFor, dataPath: again })
		);
		for (let i = 0; i < statements.count; i++) await (await statements.prepare(i)).run();
		const cols =
			'order_id, customer_id, order_time, status, gross_amount, refund_amount, net_amount, channel, campaign, province, city';
		const before = await rows(`SELECT ${cols} FROM orders ORDER BY order_id`);
		const after = (
			await fresh.runAndReadAll(`SELECT ${cols} FROM orders ORDER BY order_id`)
		).getRowObjectsJson();
		expect(after).toEqual(before);
		expect((await fresh.runAndReadAll('SELECT * FROM aov')).getRowObjectsJson()).toEqual([
			{ aov: 70 }
		]);
	});
});
