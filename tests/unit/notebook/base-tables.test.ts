/**
 * The base tables: one table per shared CTE per set of global controls, reused by every cell,
 * dropped with the data, capped in number, and never in the way of a result.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../helpers/wasm-engine.ts';
import { fixtureSql, rowsOf } from '../../helpers/native-engine.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import type { Globals, SharedCte } from '../../../src/analyses/types.ts';
import {
	cteChain,
	filteredOrdersCte,
	firstOrdersCte,
	sharedCtes,
	sharedFilteredOrders
} from '../../../src/analyses/base.ts';
import { BaseTables } from '../../../src/notebook/base-tables.ts';
import { sharedRanked } from '../../../src/analyses/products/sql.ts';
import { sharedFirstTwo } from '../../../src/analyses/overview/sql.ts';
import { ResultCache, runQueries } from '../../../src/notebook/run-cell.ts';

let engine: SqlEngine & { close(): void };
/** Every statement sent, to count the tables made and dropped. */
let sent: string[] = [];
let counting: SqlEngine;

// Under the category filter the filtered orders are a table of their own (without it they are
// read as written: see the test on that). Every order here is tea, so the filter keeps them all.
const g: Globals = { asOf: '2024-03-01', revenue: 'net', currency: 'CNY', categories: ['tea'] };
const plain: Globals = { ...g, categories: undefined };
// o1 and o2 paid before the as-of date; o3 is after it; o4 was refunded.
// Net revenue before 2024-03-01: 100 + 50 = 150 over 2 orders.
const totalSql = (globals: Globals) =>
	`WITH ${filteredOrdersCte(globals)} SELECT count(*)::INTEGER AS n, sum(amount) AS revenue FROM f_orders`;

const baseTables = async () =>
	(await rowsOf(engine, `SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '__base_%'`))
		.map((r) => String(r.table_name))
		.sort();

beforeAll(async () => {
	engine = await createTestEngine();
	await rowsOf(
		engine,
		fixtureSql(
			[
				{ id: 'o1', customer: 'c1', time: '2024-01-05 10:00', gross: 100 },
				{ id: 'o2', customer: 'c2', time: '2024-02-01 10:00', gross: 50 },
				{ id: 'o3', customer: 'c1', time: '2024-03-02 10:00', gross: 70 },
				{ id: 'o4', customer: 'c2', time: '2024-02-10 10:00', gross: 30, status: 'refunded' }
			],
			['o1', 'o2', 'o3', 'o4'].map((order) => ({ order, category: 'tea', amount: 1 }))
		)
	);
	counting = {
		...engine,
		query: (sql: string) => {
			sent.push(sql);
			return engine.query(sql);
		}
	};
}, 60_000);
afterAll(() => engine.close());

describe('BaseTables', () => {
	test('cells under the same controls share one table; the rows are those of the CTE', async () => {
		sent = [];
		const base = new BaseTables(counting);
		const a = await base.rewrite(totalSql(g), sharedCtes(g));
		const b = await base.rewrite(totalSql(g), sharedCtes(g));
		expect(a).toEqual(b);
		expect(a).not.toContain('FROM orders o');
		expect(sent.filter((s) => s.startsWith('CREATE OR REPLACE TABLE'))).toHaveLength(1);
		expect(await rowsOf(engine, a)).toEqual([{ n: 2, revenue: 150 }]);
		// Kept compressed beside the canonical tables, not in the (uncompressed) temp catalog.
		expect(
			await rowsOf(
				engine,
				`SELECT database_name, temporary FROM duckdb_tables() WHERE table_name LIKE '__base_%'`
			)
		).toEqual([{ database_name: 'huitou', temporary: false }]);
		base.reset();
		expect(await baseTables()).toEqual([]);
	});

	test('a base table read twice in one query is scanned twice, not copied into a materialized CTE', async () => {
		const base = new BaseTables(engine);
		const twice = `WITH ${filteredOrdersCte(g)}
SELECT count(*)::INTEGER AS n FROM f_orders a JOIN f_orders b USING (customer_id)`;
		const sql = await base.rewrite(twice, sharedCtes(g), g);
		expect(sql).toContain('f_orders AS NOT MATERIALIZED (SELECT * FROM "__base_');
		const plan = async (q: string) =>
			(await rowsOf(engine, `EXPLAIN ${q}`)).map((r) => String(r.explain_value)).join('\n');
		// As written, DuckDB materializes a CTE read twice; read from its table, it does not.
		expect(await plan(twice)).toContain('CTE_SCAN');
		expect(await plan(sql)).not.toContain('CTE_SCAN');
		// Same rows as the CTE as written: c1 and c2 each meet their one paid order.
		expect(await rowsOf(engine, sql)).toEqual(await rowsOf(engine, twice));
		expect(await rowsOf(engine, sql)).toEqual([{ n: 2 }]);
		base.reset();
	});

	test('without the category filter the filtered orders are read as written, and tables that read them scan the orders', async () => {
		sent = [];
		const base = new BaseTables(counting);
		const firstSql = `WITH ${filteredOrdersCte(plain)},\n${firstOrdersCte(plain)}
SELECT f.customer_id, count(*)::INTEGER AS n, any_value(c.first_order_id) AS first_order_id
FROM f_orders f JOIN c_first c USING (customer_id) GROUP BY ALL ORDER BY ALL`;
		const sql = await base.rewrite(firstSql, sharedCtes(plain), plain);
		// One table, the first orders; the filtered orders are the CTE as written, never copied.
		const made = sent.filter((s) => s.startsWith('CREATE'));
		expect(made).toHaveLength(1);
		expect(made[0]).toContain('GROUP BY o.customer_id');
		expect(sql).toContain(
			filteredOrdersCte(plain).replace('f_orders AS (', 'f_orders AS NOT MATERIALIZED (')
		);
		expect(await rowsOf(engine, sql)).toEqual(await rowsOf(engine, firstSql));
		// c1's and c2's one paid order each before the as-of date.
		expect(await rowsOf(engine, sql)).toEqual([
			{ customer_id: 'c1', n: 1, first_order_id: 'o1' },
			{ customer_id: 'c2', n: 1, first_order_id: 'o2' }
		]);
		base.reset();
	});

	test('over the row budget the least recently used tables not in use are dropped, and made again when asked', async () => {
		// A budget of 3 rows: the page's is 25M.
		const base = new BaseTables(engine, 16, 3);
		const rankedSql = `WITH ${cteChain(sharedRanked(plain))}
SELECT customer_id, first_order_id, customer_orders::INTEGER AS orders FROM ranked ORDER BY customer_id`;
		const ranked = [sharedRanked(plain), ...sharedCtes(plain)];
		const firstTwoSql = `WITH ${cteChain(sharedFirstTwo(plain))}
SELECT customer_id, second_time FROM first_two ORDER BY customer_id`;
		const expected = await rowsOf(engine, rankedSql);
		// The first orders (2 rows) and the ranked customers (2): 4 rows, over the budget, but one
		// query reads them both, so neither is dropped under it.
		const sql = await base.rewrite(rankedSql, ranked, plain);
		expect(await baseTables()).toHaveLength(2);
		expect(await rowsOf(engine, sql)).toEqual(expected);
		// The next table (2 rows) needs room: the two older ones go, oldest first, until 2 ≤ 3.
		const two = await base.rewrite(firstTwoSql, [sharedFirstTwo(plain)], plain);
		expect(await baseTables()).toHaveLength(1);
		expect(await rowsOf(engine, two)).toEqual(await rowsOf(engine, firstTwoSql));
		// Asked again, the ranked customers are made again, with the same rows.
		const again = await base.rewrite(rankedSql, ranked, plain);
		expect(await rowsOf(engine, again)).toEqual(expected);
		expect(expected.map((r) => r.first_order_id)).toEqual(['o1', 'o2']);
		base.reset();
	});

	test('SQL without a shared CTE is left alone and makes no table', async () => {
		sent = [];
		const base = new BaseTables(counting);
		const sql = 'SELECT count(*) AS n FROM orders';
		expect(await base.rewrite(sql, sharedCtes(g))).toBe(sql);
		expect(sent).toEqual([]);
	});

	test('only the most recently used tables are kept', async () => {
		const base = new BaseTables(engine, 2);
		for (const from of ['2024-01-20', '2024-02-05', '2024-01-01'])
			await base.rewrite(totalSql({ ...g, from }), sharedCtes({ ...g, from }));
		expect(await baseTables()).toHaveLength(2);
		// The first range's table was dropped; asking again makes it anew, with the right rows.
		// From 2024-01-20 only o2 (50) was paid before the as-of date.
		const again = await base.rewrite(
			totalSql({ ...g, from: '2024-01-20' }),
			sharedCtes({ ...g, from: '2024-01-20' })
		);
		expect(await rowsOf(engine, again)).toEqual([{ n: 1, revenue: 50 }]);
		base.reset();
	});

	test('new controls drop the tables made under the old ones', async () => {
		const base = new BaseTables(engine);
		const gross = { ...g, revenue: 'gross' as const };
		await base.rewrite(totalSql(g), sharedCtes(g), g);
		const before = await baseTables();
		expect(before).toHaveLength(1);
		const sql = await base.rewrite(totalSql(gross), sharedCtes(gross), gross);
		const after = await baseTables();
		// One table, the new one: the old controls' table is gone.
		expect(after).toHaveLength(1);
		expect(after).not.toEqual(before);
		// Gross before 2024-03-01: o1, o2 and the refunded o4 at what was paid: 180 over 3 orders.
		expect(await rowsOf(engine, sql)).toEqual([{ n: 3, revenue: 180 }]);
		base.reset();
	});

	test('a new as-of date keeps the undated tables and reads them up to the date', async () => {
		sent = [];
		const base = new BaseTables(counting);
		const later = { ...g, asOf: '2024-03-05' };
		const firstSql = (globals: Globals) =>
			`WITH ${filteredOrdersCte(globals)},\n${firstOrdersCte(globals)}
SELECT customer_id, first_order_id FROM c_first ORDER BY customer_id`;
		await base.rewrite(firstSql(g), sharedCtes(g), g);
		const made = await baseTables();
		// The orders and first orders, both without the date.
		expect(made).toHaveLength(2);
		sent = [];
		const sql = await base.rewrite(firstSql(later), sharedCtes(later), later);
		expect(sent).toEqual([]);
		expect(await baseTables()).toEqual(made);
		expect(sql).toContain(`WHERE first_time < DATE '2024-03-05'`);
		expect(await rowsOf(engine, sql)).toEqual([
			{ customer_id: 'c1', first_order_id: 'o1' },
			{ customer_id: 'c2', first_order_id: 'o2' }
		]);
		// Before 2024-01-10 only c1 had ordered.
		const early = { ...g, asOf: '2024-01-10' };
		const sqlEarly = await base.rewrite(firstSql(early), sharedCtes(early), early);
		expect(await rowsOf(engine, sqlEarly)).toEqual([{ customer_id: 'c1', first_order_id: 'o1' }]);
		base.reset();
	});

	test('a new as-of date re-makes the ranked customers from the kept first orders', async () => {
		sent = [];
		const base = new BaseTables(counting);
		const rankedSql = (globals: Globals) =>
			`WITH ${cteChain(sharedRanked(globals))}
SELECT customer_id, customer_orders::INTEGER AS orders, acquired, first_order_id, second_order_id
FROM ranked ORDER BY customer_id`;
		const shared = (globals: Globals) => [sharedRanked(globals), ...sharedCtes(globals)];
		await base.rewrite(rankedSql(g), shared(g), g);
		const later = { ...g, asOf: '2024-03-05' };
		sent = [];
		const sql = await base.rewrite(rankedSql(later), shared(later), later);
		// One table, this date's (the undated filtered and first orders are kept).
		const made = sent.filter((s) => s.startsWith('CREATE'));
		expect(made).toHaveLength(1);
		expect(made[0]).toContain(`WHERE first_time < DATE '2024-03-05'`);
		// By 2024-03-05 c1 had come back (o3): two orders, the first of them acquired c1.
		expect(await rowsOf(engine, sql)).toEqual([
			{ customer_id: 'c1', orders: 2, acquired: true, first_order_id: 'o1', second_order_id: 'o3' },
			{ customer_id: 'c2', orders: 1, acquired: true, first_order_id: 'o2', second_order_id: null }
		]);
		// Before the first date c1 had one order only.
		const again = await base.rewrite(rankedSql(g), shared(g), g);
		expect(await rowsOf(engine, again)).toEqual([
			{ customer_id: 'c1', orders: 1, acquired: true, first_order_id: 'o1', second_order_id: null },
			{ customer_id: 'c2', orders: 1, acquired: true, first_order_id: 'o2', second_order_id: null }
		]);
		base.reset();
	});

	test('a table that cannot be made leaves the CTE as written', async () => {
		const failing: SqlEngine = {
			...engine,
			query: (sql: string) =>
				sql.startsWith('CREATE') ? engine.query('SELECT * FROM no_such_table') : engine.query(sql)
		};
		const base = new BaseTables(failing);
		expect(await base.rewrite(totalSql(g), sharedCtes(g))).toBe(totalSql(g));
	});

	test('a cell whose table was dropped under it still gets its rows (run as written)', async () => {
		const base = new BaseTables(engine);
		const cache = new ResultCache();
		cache.onClear(() => base.reset());
		const query = { id: 'total', title: { en: 'Total', zh: '合计' }, sql: totalSql(g) };
		const opts = { base: { tables: base, shared: sharedCtes(g) } };
		await runQueries(engine, [query], cache, opts);
		// Someone drops the table behind the cache's back (as an engine restart would).
		for (const t of await baseTables()) await engine.query(`DROP TABLE "${t}"`);
		const [out] = await runQueries(engine, [query], cache, { ...opts, fresh: true });
		expect(out.result.ok && out.result.value.toArray().map((r) => r.toJSON())).toEqual([
			{ n: 2, revenue: 150 }
		]);
		cache.clear();
		expect(await baseTables()).toEqual([]);
	});

	test('a CTE that reads another matches only right after it, and is made from its table', async () => {
		sent = [];
		const base = new BaseTables(counting);
		const perCustomer = `
	SELECT customer_id, sum(amount) AS spent FROM f_orders WHERE known GROUP BY customer_id
`;
		const summary: SharedCte = {
			name: 'summary',
			body: perCustomer,
			after: [sharedFilteredOrders(g)]
		};
		const shared = [summary, ...sharedCtes(g)];
		const sql = `WITH ${filteredOrdersCte(g)},\nsummary AS (${perCustomer})
SELECT customer_id, spent FROM summary ORDER BY customer_id`;
		const rewritten = await base.rewrite(sql, shared);
		expect(rewritten).not.toContain('GROUP BY customer_id');
		expect(rewritten).not.toContain('FROM orders o');
		// c1 paid 100 before the as-of date, c2 50 (its refunded order does not count).
		expect(await rowsOf(engine, rewritten)).toEqual([
			{ customer_id: 'c1', spent: 100 },
			{ customer_id: 'c2', spent: 50 }
		]);
		const made = sent.filter((s) => s.startsWith('CREATE OR REPLACE TABLE'));
		expect(made).toHaveLength(2);
		// The summary was made from the filtered orders' table, not by scanning the orders again.
		expect(made[1]).toMatch(
			/f_orders AS NOT MATERIALIZED \(SELECT \* FROM "__base_\d+" WHERE order_time < DATE '2024-03-01'\)/
		);

		// The same body after a differently filtered f_orders (another as-of date) is not it.
		const other = { ...g, asOf: '2024-02-05' };
		const elsewhere = `WITH ${filteredOrdersCte(other)},\nsummary AS (${perCustomer})
SELECT customer_id, spent FROM summary ORDER BY customer_id`;
		const kept = await base.rewrite(elsewhere, shared);
		expect(kept).toContain('GROUP BY customer_id');
		// Before 2024-02-05 only c1's and c2's first orders were paid: 100 and 50.
		expect(await rowsOf(engine, kept)).toEqual([
			{ customer_id: 'c1', spent: 100 },
			{ customer_id: 'c2', spent: 50 }
		]);
		base.reset();
	});

	test('a run that was given up stops before its next query', async () => {
		sent = [];
		const abort = new AbortController();
		const queries = ['SELECT 1 AS a', 'SELECT 2 AS b'].map((sql, i) => ({
			id: `q${i}`,
			title: { en: 'q', zh: 'q' },
			sql
		}));
		const run = runQueries(counting, queries, new ResultCache(), { signal: abort.signal });
		abort.abort();
		// The first query was already sent; the second never is.
		expect((await run).map((o) => o.query.id)).toEqual(['q0']);
		expect(sent).toEqual(['SELECT 1 AS a']);
	});
});
