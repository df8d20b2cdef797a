import { beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import {
	decodedRowsOf,
	fixtureSql,
	rowsOf,
	type PlainRow,
	type TestOrder
} from '../../../helpers/native-engine.ts';
import { notices } from '../../../../src/analyses/cohorts/describe.ts';
import type { SqlEngine } from '../../../../src/engine/types.ts';
import type { Globals } from '../../../../src/analyses/types.ts';
import { cohorts } from '../../../../src/analyses/cohorts/index.ts';
import type { CohortParams } from '../../../../src/analyses/cohorts/params.ts';
import { buildCohortCustomersSql, buildCohortSql } from '../../../../src/analyses/cohorts/sql.ts';

/*
 * As of 2024-03-15 (net):
 *   a: Jan 5 100 (channel x; lines tea 60 + cups 40), Feb 10 50
 *   b: Jan 20 30 (y; line cups 30)
 *   c: Jan 25 40 at 10:00 and 20 at 18:00 — a second order the same day (y)
 *   d: Mar 2 70 (x)
 *   e: 2023-12-20 10 (x), Feb 1 25 (y)
 *   f: Feb 10 60, refunded — a customer only in gross mode
 *   unknown customer: Jan 10 — never in a cohort
 */
const orders: TestOrder[] = [
	{ id: 'a1', customer: 'a', time: '2024-01-05', gross: 100, channel: 'x' },
	{ id: 'a2', customer: 'a', time: '2024-02-10', gross: 50, channel: 'x' },
	{ id: 'b1', customer: 'b', time: '2024-01-20', gross: 30, channel: 'y' },
	{ id: 'c1', customer: 'c', time: '2024-01-25 10:00', gross: 40, channel: 'y' },
	{ id: 'c2', customer: 'c', time: '2024-01-25 18:00', gross: 20, channel: 'y' },
	{ id: 'd1', customer: 'd', time: '2024-03-02', gross: 70, channel: 'x' },
	{ id: 'e1', customer: 'e', time: '2023-12-20', gross: 10, channel: 'x' },
	{ id: 'e2', customer: 'e', time: '2024-02-01', gross: 25, channel: 'y' },
	{ id: 'f1', customer: 'f', time: '2024-02-10', gross: 60, status: 'refunded', refund: 60 },
	{ id: 'u1', customer: null, time: '2024-01-10', gross: 99 }
];
const lines = [
	{ order: 'a1', category: 'tea', amount: 60 },
	{ order: 'a1', category: 'cups', amount: 40 },
	{ order: 'b1', category: 'cups', amount: 30 }
];
const net: Globals = { asOf: '2024-03-15', revenue: 'net', currency: 'CNY' };
const p: CohortParams = { key: 'month', periods: 3 };

let db: SqlEngine;
beforeAll(async () => {
	db = await createTestEngine();
	await rowsOf(db, fixtureSql(orders, lines));
}, 60_000);

/** `cohort/k → [retention, repurchase_cum, ltv_cum]`, rounded to 4 places. */
const grid = (rows: PlainRow[]) =>
	Object.fromEntries(
		rows.map((r) => [
			`${r.cohort}/${r.period}`,
			[r.retention, r.repurchase_cum, r.ltv_cum].map((v) =>
				typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : v
			)
		])
	);

describe('month cohorts', () => {
	test('retention triangle, cumulative repurchase and LTV; unfinished periods are NULL', async () => {
		const rows = await rowsOf(db, buildCohortSql(p, net));
		expect(grid(rows)).toEqual({
			// e: active in Dec and Feb; second order Feb 1 12:00, after the end of Jan (k1) → counts from k2.
			'2023-12/0': [1, 0, 10],
			'2023-12/1': [0, 0, 10],
			'2023-12/2': [1, 1, 35],
			'2023-12/3': [null, null, null], // March ends Apr 1, after the as-of date
			// a, b, c all active in Jan; c's same-day second order is a repurchase in k0.
			// LTV k0 = (100 + 30 + 60) ÷ 3; k1 adds a's 50: 240 ÷ 3.
			'2024-01/0': [1, 0.3333, 63.3333],
			'2024-01/1': [0.3333, 0.6667, 80],
			'2024-01/2': [null, null, null],
			'2024-01/3': [null, null, null],
			// d's first month is not over: masked, not shown as a drop.
			'2024-03/0': [null, null, null],
			'2024-03/1': [null, null, null],
			'2024-03/2': [null, null, null],
			'2024-03/3': [null, null, null]
		});
		const jan1 = rows.find((r) => r.cohort === '2024-01' && r.period === 1);
		expect(jan1).toMatchObject({ customers: 3, eligible: 3, active: 1 });
		expect(rows.find((r) => r.cohort === '2024-03' && r.period === 0)).toMatchObject({
			customers: 1,
			eligible: 0,
			active: 0
		});
	});

	test('first-ever order looks before the date range: e (first order Dec 2023) is in no cohort', async () => {
		const rows = await rowsOf(db, buildCohortSql(p, { ...net, from: '2024-01-01' }));
		expect([...new Set(rows.map((r) => r.cohort))]).toEqual(['2024-01', '2024-03']);
	});

	test('gross: f, whose only order was refunded, forms the February cohort', async () => {
		const rows = await rowsOf(db, buildCohortSql(p, { ...net, revenue: 'gross' }));
		expect(grid(rows)['2024-02/0']).toEqual([1, 0, 60]);
		expect(grid(rows)['2024-02/1']).toEqual([null, null, null]);
	});

	test('the range end censors like the as-of date', async () => {
		const rows = await rowsOf(db, buildCohortSql(p, { ...net, to: '2024-02-15' }));
		// Data ends Feb 16: January's k1 (ends Mar 1) is no longer complete.
		expect(grid(rows)['2024-01/1']).toEqual([null, null, null]);
		expect(grid(rows)['2024-01/0']).toEqual([1, 0.3333, 63.3333]);
	});
});

test('nothing finished yet: every cell masked, and a notice says why', async () => {
	// As of Jan 26 with the range from Jan 1: only the January cohort (a, b, c), January not over.
	const g: Globals = { ...net, asOf: '2024-01-26', from: '2024-01-01' };
	const rows = await decodedRowsOf(db, buildCohortSql(p, g));
	expect(rows.length).toBe(4);
	expect(rows.every((r) => r.retention === null && r.ltv_cum === null)).toBe(true);
	expect(cohorts.notices!('retention', rows)).toEqual(['cohorts.all-masked']);
	expect(notices['cohorts.all-masked']).toBeDefined();
	const normal = await decodedRowsOf(db, buildCohortSql(p, net));
	expect(cohorts.notices!('retention', normal)).toEqual([]);
});

describe('other cohort keys', () => {
	test('by first channel: months since each member’s first order, censored per member', async () => {
		const rows = await rowsOf(db, buildCohortSql({ key: 'channel', periods: 3 }, net));
		/*
		 * x = a (Jan 5), d (Mar 2), e (Dec 20).
		 * k0: a and e done (d's March is not) → 2 of 2 active.  k1: a (Feb) active, e (Jan) not → ½.
		 * k2: only e's (Feb) is over, and e ordered → 1.  k3: nobody's is over.
		 * y = b, c: k0 both active; k1 (Feb) neither; k2 not over.
		 */
		const g = grid(rows);
		expect([g['x/0'][0], g['x/1'][0], g['x/2'][0], g['x/3'][0]]).toEqual([1, 0.5, 1, null]);
		expect([g['y/0'][0], g['y/1'][0], g['y/2'][0]]).toEqual([1, 0, null]);
		expect(rows.find((r) => r.cohort === 'x' && r.period === 1)).toMatchObject({
			customers: 3,
			eligible: 2
		});
	});

	test('by first category: the largest line of the first order; none → (none)', async () => {
		const rows = await rowsOf(db, buildCohortSql({ key: 'category', periods: 1 }, net));
		const sizes = rows.filter((r) => r.period === 0).map((r) => [r.cohort, r.customers]);
		expect(sizes).toEqual([
			['(none)', 3], // c, d, e: no lines
			['cups', 1], // b
			['tea', 1] // a: tea 60 > cups 40
		]);
	});

	test('by first-order week (weeks start on Monday)', async () => {
		const rows = await rowsOf(db, buildCohortSql({ key: 'week', periods: 6 }, net));
		// a: Fri Jan 5 → week of Mon Jan 1; Feb 10 is day 40 → week 5 (ends Feb 12, complete).
		const a = rows.filter((r) => r.cohort === '2024-01-01');
		expect(a.map((r) => r.retention)).toEqual([1, 0, 0, 0, 0, 1, 0]);
	});
});

describe('drill-down', () => {
	test('a retention cell lists the members active in it; a curve lists the cohort', async () => {
		const cell = await rowsOf(
			db,
			buildCohortCustomersSql(p, net, { cohort: '2024-01', period: 1 })
		);
		expect(cell).toEqual([
			{
				customer_id: 'a',
				cohort: '2024-01',
				period: 1,
				orders: 1,
				revenue: 50,
				revenue_followed: 150
			}
		]);
		const sql = cohorts.customersSql!(p, net, 'ltv', { cohort: '2024-01', period: 3 });
		const all = await rowsOf(db, sql);
		expect(all.map((r) => [r.customer_id, r.revenue_followed])).toEqual([
			['a', 150],
			['c', 60],
			['b', 30]
		]);
	});
});

test('a cohort key from a tampered link cannot name a column: it falls back to months', async () => {
	const key = 'channel; DROP TABLE orders; --' as CohortParams['key'];
	const rows = await rowsOf(db, buildCohortSql({ key, periods: 1 }, net));
	expect([...new Set(rows.map((r) => r.cohort))]).toEqual(['2023-12', '2024-01', '2024-03']);
});

test('the retention heatmap starts at period 1; the curves keep period 0', async () => {
	const [retention, repurchase] = cohorts.build(p, net);
	const heat = await rowsOf(db, retention.sql);
	expect(Math.min(...heat.map((r) => Number(r.period)))).toBe(1);
	expect(grid(heat)['2024-01/1']).toEqual([0.3333, 0.6667, 80]);
	const curve = await rowsOf(db, repurchase.sql);
	expect(Math.min(...curve.map((r) => Number(r.period)))).toBe(0);
});
