import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import { loadOrders, queryRows, type FixtureOrder } from '../../../helpers/orders-fixture.ts';
import {
	createNativeEngine,
	fixtureSql,
	rowsOf,
	type NativeEngine
} from '../../../helpers/native-engine.ts';
import {
	buildCustomerSummarySql,
	buildDailyPurchasesSql,
	buildFitGroupsSql,
	buildPredictionsSql,
	buildSummaryTableSql,
	PAIR_TABLES,
	PAIRS_SQL,
	HOLDOUT_PAIRS_SQL,
	SPEND_SQL,
	SUMMARY_FACTS_SQL,
	type ScoreModel
} from '../../../../src/analyses/predict/sql.ts';
import { defaults } from '../../../../src/analyses/predict/params.ts';
import type { Globals } from '../../../../src/analyses/types.ts';

/*
 * As of 2024-07-01: the data ends on 06-30, its last day. Calibration end 2024-06-01: the last
 * calibration day, included (the holdout is 06-02 … 06-30). T runs to the end day, as in Fader,
 * Hardie & Lee (2005): a purchase on that day counts in the period and gives T = 0 if it is the
 * first.
 *   A  03-01 50 + 03-01 30 (same day: one purchase of 80), 04-10 100, 05-20 60 | 06-15 40
 *      as of 07-01: days 03-01, 04-10, 05-20, 06-15 → x = 3; t_x = 03-01→06-15 = 31+30+31+14 = 106;
 *        T = 03-01→06-30 = 31+30+31+29 = 121; monetary = (100+60+40)/3 = 66.67 (first day left out)
 *      calibration: 03-01, 04-10, 05-20 → x = 2; t_x = 31+30+19 = 80; T = 31+30+31 = 92;
 *        monetary = (100+60)/2 = 80; holdout purchases: 06-15 → 1
 *   B  05-31 20 → x 0, t_x 0, T 30; calibration x 0, T 1
 *   C  06-10 70, 06-20 30: first purchase in the holdout → x 1, t_x 10, T 20, monetary 30;
 *      not a calibration customer (T_cal −1), its two purchases are holdout purchases
 *   D  04-01 refunded (not an order in net mode), 04-05 10 → x 0, T 25+31+30 = 86;
 *      calibration T 04-05→06-01 = 25+31+1 = 57
 *   E  07-01 90: on the as-of date, not counted at all
 *   F  06-01 23:50 20 (the calibration end, late at night: still calibration), 06-08 35
 *      → x 1, t_x 7, T 29, monetary 35; calibration x 0, t_x 0, T 0; holdout purchases 1
 *   -  05-05 15 without a customer id: not a customer
 */
const orders: FixtureOrder[] = [
	{ id: 'a1', customer: 'A', time: '2024-03-01 09:00', gross: 50 },
	{ id: 'a2', customer: 'A', time: '2024-03-01 20:00', gross: 30 },
	{ id: 'a3', customer: 'A', time: '2024-04-10 10:00', gross: 100 },
	{ id: 'a4', customer: 'A', time: '2024-05-20 10:00', gross: 60 },
	{ id: 'a5', customer: 'A', time: '2024-06-15 10:00', gross: 40 },
	{ id: 'b1', customer: 'B', time: '2024-05-31 23:00', gross: 20 },
	{ id: 'c1', customer: 'C', time: '2024-06-10 10:00', gross: 70 },
	{ id: 'c2', customer: 'C', time: '2024-06-20 10:00', gross: 30 },
	{ id: 'd0', customer: 'D', time: '2024-04-01 10:00', gross: 25, status: 'refunded', refund: 25 },
	{ id: 'd1', customer: 'D', time: '2024-04-05 10:00', gross: 10 },
	{ id: 'e1', customer: 'E', time: '2024-07-01 08:00', gross: 90 },
	{ id: 'f1', customer: 'F', time: '2024-06-01 23:50', gross: 20 },
	{ id: 'f2', customer: 'F', time: '2024-06-08 10:00', gross: 35 },
	{ id: 'u1', customer: null, time: '2024-05-05 10:00', gross: 15 }
];

const g: Globals = { asOf: '2024-07-01', revenue: 'net', currency: 'CNY' };
const holdout = { ...defaults, calibrationEnd: '2024-06-01' };

let db: Awaited<ReturnType<typeof createTestEngine>>;
let native: NativeEngine;
beforeAll(async () => {
	db = await createTestEngine();
	await loadOrders(db, orders);
	native = await createNativeEngine();
	const loaded = await native.query(fixtureSql(orders));
	if (!loaded.ok) throw new Error(loaded.error.detail);
}, 60_000);
afterAll(() => {
	db.close();
	native.close();
});

/*
 * Pair terms for the five customers A, B, C, D, F, as runPredict would write them: only the
 * next-order wait and the holdout expectation matter here. The model's time ends on Jun 30, so a
 * wait of 0.3 days ends on Jul 1 and one of 9.0 days on Jul 9; 40,000 days is no date.
 */
const PAIRS = `CREATE OR REPLACE TABLE ${PAIR_TABLES.pairs} AS
SELECT x::INTEGER AS x, age_days::INTEGER AS age_days, 1.0::DOUBLE AS expected_orders,
	0.2::DOUBLE AS p_order, 2.0::DOUBLE AS value_factor, wait_days::DOUBLE AS wait_days
FROM (VALUES (3, 121, 0.3), (0, 30, 9.0), (1, 20, 40000), (0, 86, 9.0), (1, 29, 0.3))
	AS t(x, age_days, wait_days);
CREATE OR REPLACE TABLE ${PAIR_TABLES.holdout} AS
SELECT x_cal::INTEGER AS x_cal, age_cal_days::INTEGER AS age_cal_days, expected::DOUBLE AS expected
FROM (VALUES (2, 92, 0.8), (0, 1, 0.1), (0, 57, 0.1), (0, 0, 0.5)) AS t(x_cal, age_cal_days, expected)`;
const MODEL: ScoreModel = {
	bg: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
	gg: { p: 6.25, q: 3.74, gamma: 15.44 },
	unitDays: 7,
	margin: 0.4,
	holdout: true
};

describe('predict summaries', () => {
	test('per customer, as of the as-of date and in the calibration period', async () => {
		const rows = await queryRows(db, buildCustomerSummarySql(holdout, g));
		const round = rows.map((r) => ({ ...r, monetary: Math.round(Number(r.monetary) * 100) / 100 }));
		expect(round).toEqual([
			{
				customer_id: 'A',
				x: 3,
				t_x_days: 106,
				age_days: 121,
				monetary: 66.67,
				x_cal: 2,
				t_x_cal_days: 80,
				age_cal_days: 92,
				monetary_cal: 80,
				x_holdout: 1
			},
			{
				customer_id: 'B',
				x: 0,
				t_x_days: 0,
				age_days: 30,
				monetary: 0,
				x_cal: 0,
				t_x_cal_days: 0,
				age_cal_days: 1,
				monetary_cal: 0,
				x_holdout: 0
			},
			{
				customer_id: 'C',
				x: 1,
				t_x_days: 10,
				age_days: 20,
				monetary: 30,
				x_cal: 0,
				t_x_cal_days: 0,
				age_cal_days: -1,
				monetary_cal: 0,
				x_holdout: 2
			},
			{
				customer_id: 'D',
				x: 0,
				t_x_days: 0,
				age_days: 86,
				monetary: 0,
				x_cal: 0,
				t_x_cal_days: 0,
				age_cal_days: 57,
				monetary_cal: 0,
				x_holdout: 0
			},
			{
				customer_id: 'F',
				x: 1,
				t_x_days: 7,
				age_days: 29,
				monetary: 35,
				x_cal: 0,
				t_x_cal_days: 0,
				age_cal_days: 0,
				monetary_cal: 0,
				x_holdout: 1
			}
		]);
	});

	test('without a calibration end, calibration ends on the day before the as-of date', async () => {
		const rows = await queryRows(db, buildCustomerSummarySql(defaults, g));
		const a = rows.find((r) => r.customer_id === 'A')!;
		expect([a.x_cal, a.t_x_cal_days, a.age_cal_days, a.x_holdout]).toEqual([3, 106, 121, 0]);
		expect(rows.find((r) => r.customer_id === 'C')!.age_cal_days).toBe(20);
	});

	test('fit groups in weeks: fractional weeks, nothing rounded, calibration customers only', async () => {
		// F: T 0; B: T 1/7; D: T 57/7 = 8.14; A: t_x 80/7 = 11.43, T 92/7 = 13.14. C is not fitted.
		await queryRows(db, buildSummaryTableSql(holdout, g));
		expect(await queryRows(db, buildFitGroupsSql(holdout))).toEqual([
			{ x: 0, t_x: 0, t_cal: 0, n: 1 },
			{ x: 0, t_x: 0, t_cal: 1 / 7, n: 1 },
			{ x: 0, t_x: 0, t_cal: 57 / 7, n: 1 },
			{ x: 2, t_x: 80 / 7, t_cal: 92 / 7, n: 1 }
		]);
	});

	test('fit groups in days keep whole days', async () => {
		await queryRows(db, buildSummaryTableSql(holdout, g));
		expect(await queryRows(db, buildFitGroupsSql({ ...holdout, unit: 'days' }))).toEqual([
			{ x: 0, t_x: 0, t_cal: 0, n: 1 },
			{ x: 0, t_x: 0, t_cal: 1, n: 1 },
			{ x: 0, t_x: 0, t_cal: 57, n: 1 },
			{ x: 2, t_x: 80, t_cal: 92, n: 1 }
		]);
	});

	test('what runPredict reads: spend, facts about all customers, distinct pairs', async () => {
		await queryRows(db, buildSummaryTableSql(holdout, g));
		// A is the only repeat calibration customer: 2 repeat days worth 80 on average.
		expect(await queryRows(db, SPEND_SQL)).toEqual([{ x: 2, mbar: 80 }]);
		// History: A's 92 days; cycle: A's 80 days over 2 repeats.
		expect(await queryRows(db, SUMMARY_FACTS_SQL)).toEqual([
			{ customers: 5, history: 92, cycle: 40 }
		]);
		expect(await queryRows(db, PAIRS_SQL)).toEqual([
			{ x: 0, age_days: 30 },
			{ x: 0, age_days: 86 },
			{ x: 1, age_days: 20 },
			{ x: 1, age_days: 29 },
			{ x: 3, age_days: 121 }
		]);
		// C arrived after the calibration end: no calibration pair.
		expect(await queryRows(db, HOLDOUT_PAIRS_SQL)).toEqual([
			{ x: 0, age_days: 0 },
			{ x: 0, age_days: 1 },
			{ x: 0, age_days: 57 },
			{ x: 2, age_days: 92 }
		]);
	});

	test('the typical gap is the upper median; no repeat customers, no gap', async () => {
		const facts = (sql: string) => queryRows(db, `${sql};\n${SUMMARY_FACTS_SQL}`);
		const table = (gaps: number[]) =>
			`CREATE OR REPLACE TABLE predict_summary AS SELECT 1 AS x_cal, gap AS t_x_cal_days, ` +
			`100 AS age_cal_days FROM (SELECT unnest([${gaps.join(', ')}]) AS gap)`;
		expect((await facts(table([40, 10, 30, 20])))[0].cycle).toBe(30);
		expect((await facts(table([20, 10, 30])))[0].cycle).toBe(20);
		expect(
			await facts(
				'CREATE OR REPLACE TABLE predict_summary AS SELECT 0 AS x_cal, 0 AS t_x_cal_days, 5 AS age_cal_days'
			)
		).toEqual([{ customers: 1, history: 5, cycle: null }]);
	});

	test('predictions: days since the last purchase to the as-of date, next order from Jun 30', async () => {
		await queryRows(db, `${buildSummaryTableSql(holdout, g)};\n${PAIRS}`);
		await queryRows(db, buildPredictionsSql(g, MODEL));
		const rows = await rowsOf(
			db,
			`SELECT customer_id, days_since_last, next_order_date, calibration_repeat_orders,
				actual_holdout FROM predictions ORDER BY customer_id`
		);
		// A last bought Jun 15 (16 days before Jul 1), B May 31 (31), C Jun 20 (11), D Apr 5 (87),
		// F Jun 8 (23): T − t_x + 1, as RFM counts recency.
		expect(rows.map((r) => Object.values(r))).toEqual([
			['A', 16, '2024-07-01T00:00:00.000Z', 2, 1],
			['B', 31, '2024-07-09T00:00:00.000Z', 0, 0],
			['C', 11, null, null, null],
			['D', 87, '2024-07-09T00:00:00.000Z', 0, 0],
			['F', 23, '2024-07-01T00:00:00.000Z', 0, 1]
		]);
	});

	test('daily first and repeat purchases of calibration customers, as days from its end', async () => {
		// A 03-01 −92 new, 04-10 −52, 05-20 −12, 06-15 +14; D 04-05 −57 new; B 05-31 −1 new;
		// F 06-01 0 new (the calibration end is a calibration day), 06-08 +7.
		// C arrived after the calibration end and is not tracked.
		expect(await queryRows(db, buildDailyPurchasesSql(holdout, g))).toEqual([
			{ day_offset: -92, new_customers: 1, repeats: 0 },
			{ day_offset: -57, new_customers: 1, repeats: 0 },
			{ day_offset: -52, new_customers: 0, repeats: 1 },
			{ day_offset: -12, new_customers: 0, repeats: 1 },
			{ day_offset: -1, new_customers: 1, repeats: 0 },
			{ day_offset: 0, new_customers: 1, repeats: 0 },
			{ day_offset: 7, new_customers: 0, repeats: 1 },
			{ day_offset: 14, new_customers: 0, repeats: 1 }
		]);
	});
});

describe('the same rows on duckdb-wasm and native DuckDB', () => {
	const plain = async (sql: string) => {
		const r = await native.query(sql);
		if (!r.ok) throw new Error(r.error.detail);
		return r.value;
	};

	test.each([
		['summary, holdout', buildCustomerSummarySql(holdout, g)],
		['summary, no holdout', buildCustomerSummarySql(defaults, g)],
		['daily purchases', buildDailyPurchasesSql(holdout, g)]
	])('%s', async (_, sql) => {
		expect(await plain(sql)).toEqual(await rowsOf(db, sql));
	});

	test.each([
		['fit groups, weeks', buildFitGroupsSql(holdout)],
		['fit groups, days', buildFitGroupsSql({ ...holdout, unit: 'days' })],
		['predictions', 'SELECT * FROM predictions ORDER BY customer_id']
	])('%s', async (_, sql) => {
		const setup = `${buildSummaryTableSql(holdout, g)};\n${PAIRS};\n${buildPredictionsSql(g, MODEL)}`;
		await rowsOf(db, setup);
		await plain(setup);
		expect(await plain(sql)).toEqual(await rowsOf(db, sql));
	});
});
