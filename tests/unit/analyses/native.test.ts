/**
 * Every registered analysis runs unchanged on native DuckDB (@duckdb/node-api, the engine a big
 * store would move to) with the same results as on duckdb-wasm: default params, one small
 * fixture, every query, and the customer list behind the first row of every drillable query.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../helpers/wasm-engine.ts';
import {
	createNativeEngine,
	decodedRowsOf,
	fixtureSql,
	rowsOf,
	type NativeEngine,
	type PlainRow,
	type TestLine,
	type TestOrder
} from '../../helpers/native-engine.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import type { Globals } from '../../../src/analyses/types.ts';
import { analyses } from '../../../src/analyses/registry.ts';
import { sharedCtes } from '../../../src/analyses/base.ts';
import { BaseTables } from '../../../src/notebook/base-tables.ts';

const orders: TestOrder[] = [
	{
		id: 'o01',
		customer: 'c1',
		time: '2024-01-03 10:00',
		gross: 120,
		channel: 'tmall',
		province: '浙江',
		campaign: '双11'
	},
	{
		id: 'o02',
		customer: 'c1',
		time: '2024-02-10 21:30',
		gross: 80,
		channel: 'tmall',
		province: '浙江'
	},
	{
		id: 'o03',
		customer: 'c1',
		time: '2024-04-01 09:00',
		gross: 2500,
		channel: 'jd',
		province: '浙江'
	},
	{
		id: 'o04',
		customer: 'c2',
		time: '2024-01-15 12:00',
		gross: 60,
		channel: 'jd',
		province: '广东'
	},
	{
		id: 'o05',
		customer: 'c2',
		time: '2024-01-15 18:00',
		gross: 40,
		channel: 'jd',
		province: '广东'
	},
	{
		id: 'o06',
		customer: 'c3',
		time: '2024-02-20 08:00',
		gross: 300,
		refund: 100,
		channel: 'douyin',
		province: '北京'
	},
	{
		id: 'o07',
		customer: 'c3',
		time: '2024-03-05 08:00',
		gross: 90,
		status: 'refunded',
		refund: 90,
		channel: 'douyin'
	},
	{
		id: 'o08',
		customer: 'c4',
		time: '2024-03-28 23:00',
		gross: 5200,
		channel: 'tmall',
		province: '上海'
	},
	{ id: 'o09', customer: null, time: '2024-03-02 11:00', gross: 55, channel: 'tmall' },
	{
		id: 'o10',
		customer: 'c5',
		time: '2024-04-20 16:00',
		gross: 150,
		status: 'cancelled',
		channel: 'jd'
	},
	{
		id: 'o11',
		customer: "c'6",
		time: '2024-04-25 16:00',
		gross: 70,
		channel: 'tmall',
		province: '浙江'
	},
	{
		id: 'o12',
		customer: 'c2',
		time: '2024-05-02 10:00',
		gross: 200,
		channel: 'jd',
		province: '广东'
	}
];
const lines: TestLine[] = [
	{ order: 'o01', category: 'tea', product: 'p1', amount: 120 },
	{ order: 'o02', category: 'cups', product: 'p2', amount: 80 },
	{ order: 'o03', category: 'tea', product: 'p3', amount: 2500 },
	{ order: 'o04', category: 'cups', product: 'p2', amount: 60 },
	{ order: 'o05', category: 'tea', product: 'p1', amount: 40 },
	{ order: 'o06', category: 'tea', product: 'p1', amount: 150 },
	{ order: 'o06', category: 'snacks', product: 'p4', amount: 150 },
	{ order: 'o08', category: 'tea', product: 'p3', amount: 5200 },
	{ order: 'o11', category: 'snacks', product: 'p4', amount: 70 },
	{ order: 'o12', category: 'cups', product: 'p2', amount: 200 }
];
const globals: Globals = { asOf: '2024-05-15', revenue: 'net', currency: 'CNY' };
/** Every filter on, so the shared CTEs differ from the unfiltered ones. */
const filtered: Globals = {
	asOf: '2024-05-01',
	from: '2024-01-10',
	to: '2024-04-20',
	channels: ['tmall', 'jd'],
	revenue: 'gross',
	currency: 'CNY'
};

/** Doubles summed in a different order may differ in the last bits; 12 significant digits agree. */
const round = (r: PlainRow): PlainRow =>
	Object.fromEntries(
		Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(12)) : v])
	);
/** Rows as a sorted multiset: ties in ORDER BY may legitimately come back in either order. */
const canonical = (rows: PlainRow[]) => rows.map((r) => JSON.stringify(round(r))).sort();

let wasm: SqlEngine & { close(): void };
let native: NativeEngine;
let base: BaseTables;

beforeAll(async () => {
	wasm = await createTestEngine();
	native = await createNativeEngine();
	base = new BaseTables(wasm);
	const setup = fixtureSql(orders, lines);
	await rowsOf(wasm, setup);
	const r = await native.query(setup);
	if (!r.ok) throw new Error(r.error.detail);
}, 60_000);
afterAll(() => {
	wasm.close();
	native.close();
});

async function nativeRows(sql: string): Promise<PlainRow[]> {
	const r = await native.query(sql);
	if (!r.ok) throw new Error(`${r.error.detail}\n${sql}`);
	return r.value;
}

// Analyses with a `prepare` step (Predict) read tables their JS model fit writes first; their SQL
// summaries are cross-checked in their own tests (tests/unit/analyses/predict).
const sqlOnly = analyses.filter((a) => !a.prepare);

describe.each(sqlOnly.map((a) => [a.id, a] as const))('%s', (_id, analysis) => {
	const queries = analysis.build(analysis.defaults, globals);

	test.each(queries.map((q) => [q.id, q] as const))(
		'query %s: same rows on wasm and native',
		async (_qid, q) => {
			const w = await rowsOf(wasm, q.sql);
			const n = await nativeRows(q.sql);
			expect(canonical(n)).toEqual(canonical(w));
		}
	);

	// The notebook reads the shared CTEs from tables made once per set of controls
	// (src/notebook/base-tables.ts): the rows must not change, with and without filters.
	test.each(
		queries.flatMap((q) =>
			[globals, filtered].map((g, i) => [q.id, i ? 'filtered' : 'defaults', g] as const)
		)
	)('query %s (%s): same rows when the shared CTEs come from base tables', async (qid, _, g) => {
		const q = analysis.build(analysis.defaults, g).find((x) => x.id === qid)!;
		const own = analysis.shared?.(analysis.defaults, g) ?? [];
		const rewritten = await base.rewrite(q.sql, [...own, ...sharedCtes(g)]);
		if (q.sql.includes('f_orders AS (')) expect(rewritten).not.toEqual(q.sql);
		// The analysis' own shared CTEs are read from tables too.
		for (const cte of own) expect(rewritten).not.toContain(cte.body);
		expect(canonical(await rowsOf(wasm, rewritten))).toEqual(canonical(await nativeRows(q.sql)));
	});

	// A new as-of date keeps the undated base tables (filtered orders, first orders, acquired
	// customers, order days) and reads them up to the date: every date must give its own rows.
	// Without filters some CTEs are read as written or from other tables (see sharedTagged).
	test.each(
		queries.flatMap((q) =>
			[globals, filtered].map((g, i) => [q.id, i ? 'filtered' : 'defaults', g] as const)
		)
	)(
		'query %s (%s): same rows across as-of dates with the kept undated tables',
		async (qid, _, start) => {
			for (const asOf of [start.asOf, '2024-03-01', '2024-04-26', '2024-01-05']) {
				const g = { ...start, asOf };
				const q = analysis.build(analysis.defaults, g).find((x) => x.id === qid)!;
				const own = analysis.shared?.(analysis.defaults, g) ?? [];
				const rewritten = await base.rewrite(q.sql, [...own, ...sharedCtes(g)], g);
				expect(canonical(await rowsOf(wasm, rewritten))).toEqual(
					canonical(await nativeRows(q.sql))
				);
			}
		}
	);

	const drillable = queries.filter((q) => q.drill && analysis.customersSql);
	if (drillable.length)
		test.each(drillable.map((q) => [q.id, q] as const))(
			'customers behind %s: same on both',
			async (_qid, q) => {
				const rows = await decodedRowsOf(wasm, q.sql);
				const first = rows.find((r) => q.drill!.every((k) => r[k] !== null)) ?? rows[0] ?? {};
				const selection = Object.fromEntries(q.drill!.map((k) => [k, first[k]]));
				const sql = analysis.customersSql!(analysis.defaults, globals, q.id, selection);
				const w = await rowsOf(wasm, sql);
				expect(canonical(await nativeRows(sql))).toEqual(canonical(w));
				if (w.length) expect(w[0]).toHaveProperty('customer_id');
			}
		);
});
