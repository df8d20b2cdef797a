import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import { queryRows } from '../../../helpers/orders-fixture.ts';
import { scoreHoldoutPairs, scorePairs } from '../../../../src/analyses/predict/score.ts';
import {
	HOLDOUT_PAIRS_SQL,
	PAIRS_SQL,
	PAIR_TABLES,
	buildPredictionsSql,
	type ScoreModel
} from '../../../../src/analyses/predict/sql.ts';
import { buildHoldoutPairsTable, buildPairsTable } from '../../../../src/analyses/predict/table.ts';
import {
	DAYS_PER_MONTH,
	expectedConditional,
	expectedSpend,
	medianWaitIfAlive,
	probabilityAlive,
	type BgNbdParams,
	type GammaGammaParams
} from '../../../../src/analyses/predict/model.ts';
import type { Globals } from '../../../../src/analyses/types.ts';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // weeks
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const opts = { unitDays: 7, horizonDays: 91, clvMonths: 3, discountRate: 0.12, holdoutDays: 28 };
const g: Globals = { asOf: '2024-07-01', revenue: 'net', currency: 'CNY' };

/*
 * Four customers, times in days (÷ 7 for weeks). Customers 0 and 1 share (x, age) and so one
 * pair's terms, but not t_x; customer 3 arrived after the calibration end.
 */
const customers = {
	x: [2, 2, 0, 1],
	txDays: [200, 30, 0, 3],
	ageDays: [266, 266, 100, 10],
	monetary: [40, 25, 0, 60],
	xCal: [1, 2, 0, 0],
	txCalDays: [150, 30, 0, 0],
	ageCalDays: [238, 238, 72, -1]
};
const SUMMARY = `CREATE OR REPLACE TABLE predict_summary AS
SELECT row_no::INTEGER AS row_no, 'c' || row_no AS customer_id, x::INTEGER AS x,
	t_x_days::INTEGER AS t_x_days, age_days::INTEGER AS age_days, monetary::DOUBLE AS monetary,
	x_cal::INTEGER AS x_cal, t_x_cal_days::INTEGER AS t_x_cal_days,
	age_cal_days::INTEGER AS age_cal_days, 0::DOUBLE AS monetary_cal, 0 AS x_holdout
FROM (VALUES ${customers.x
	.map(
		(x, i) =>
			`(${i}, ${x}, ${customers.txDays[i]}, ${customers.ageDays[i]}, ${customers.monetary[i]}, ` +
			`${customers.xCal[i]}, ${customers.txCalDays[i]}, ${customers.ageCalDays[i]})`
	)
	.join(', ')}) AS t(row_no, x, t_x_days, age_days, monetary, x_cal, t_x_cal_days, age_cal_days)`;

let db: Awaited<ReturnType<typeof createTestEngine>>;
beforeAll(async () => {
	db = await createTestEngine();
	await queryRows(db, SUMMARY);
}, 60_000);
afterAll(() => db.close());

/** Scores the four customers as runPredict does: pair terms in JS, the rest in DuckDB. */
async function predictions(bg: BgNbdParams, gg: GammaGammaParams, holdoutDays: number) {
	const o = { ...opts, holdoutDays };
	const read = async (sql: string) => {
		const rows = await queryRows(db, sql);
		return { x: rows.map((r) => Number(r.x)), ageDays: rows.map((r) => Number(r.age_days)) };
	};
	const pairs = await read(PAIRS_SQL);
	const cal = await read(HOLDOUT_PAIRS_SQL);
	for (const [name, table] of [
		[PAIR_TABLES.pairs, buildPairsTable(pairs, scorePairs(pairs, bg, o))],
		[PAIR_TABLES.holdout, buildHoldoutPairsTable(cal, scoreHoldoutPairs(cal, bg, o))]
	] as const) {
		await queryRows(db, `DROP TABLE IF EXISTS ${name}`);
		const inserted = await db.insertArrow(name, table, 'create');
		if (!inserted.ok) throw new Error(inserted.error.detail);
	}
	const model: ScoreModel = { bg, gg, unitDays: 7, margin: 0.4, holdout: holdoutDays > 0 };
	await queryRows(db, buildPredictionsSql(g, model));
	return {
		pairs,
		rows: await queryRows(db, 'SELECT * FROM predictions ORDER BY age_days DESC, customer_id')
	};
}

describe('scores: pair terms in JS, each customer in SQL', () => {
	test('customers sharing (x, age) share one pair', async () => {
		const { pairs } = await predictions(BG, GG, 28);
		expect(pairs).toEqual({ x: [0, 1, 2], ageDays: [100, 10, 266] });
	});

	test.each([0, 1, 2, 3])('customer %d equals the model computed on its own', async (i) => {
		const { rows } = await predictions(BG, GG, 28);
		const row = rows.find((r) => r.customer_id === `c${i}`)!;
		const x = customers.x[i];
		const tx = customers.txDays[i] / 7;
		const T = customers.ageDays[i] / 7;
		const alive = probabilityAlive(BG, x, tx, T);
		const spend = expectedSpend(GG, x, customers.monetary[i]);
		expect(row.p_alive).toBeCloseTo(alive, 12);
		expect(row.expected_orders).toBeCloseTo(expectedConditional(BG, x, tx, T, 13), 12);
		expect(row.expected_spend).toBeCloseTo(spend, 12);
		// The median wait ends that many days after Jun 30, the model's last day.
		const wait = Math.ceil(medianWaitIfAlive(BG, x, T) * 7);
		expect(row.next_order_date).toEqual(new Date(Date.UTC(2024, 5, 30 + wait)));
		// CLV by hand: three months, each month's expected orders discounted at its end.
		const d = Math.pow(1.12, 1 / 12) - 1;
		const month = DAYS_PER_MONTH / 7;
		let clv = 0;
		for (let m = 1; m <= 3; m++) {
			const orders =
				expectedConditional(BG, x, tx, T, m * month) -
				expectedConditional(BG, x, tx, T, (m - 1) * month);
			clv += orders / (1 + d) ** m;
		}
		expect(row.clv).toBeCloseTo(clv * spend * 0.4, 10);
	});

	test('holdout expectation from calibration data; none for customers who came later', async () => {
		const { rows } = await predictions(BG, GG, 28);
		const first = rows.find((r) => r.customer_id === 'c0')!;
		expect(first.expected_holdout).toBeCloseTo(expectedConditional(BG, 1, 150 / 7, 238 / 7, 4), 12);
		expect(rows.find((r) => r.customer_id === 'c3')!.expected_holdout).toBeNull();
	});

	test('no holdout: no holdout expectations', async () => {
		const { rows } = await predictions(BG, GG, 0);
		expect(rows.map((r) => r.expected_holdout)).toEqual([null, null, null, null]);
	});

	test('fits at the edge of their range still give finite scores', async () => {
		const edge = { r: 4e5, alpha: 4e6, a: 4e5, b: 1.2e6 };
		const { rows } = await predictions(edge, { p: 4e5, q: 2.8, gamma: 1e-4 }, 28);
		for (const r of rows)
			for (const k of ['p_alive', 'p_order', 'expected_orders', 'expected_spend', 'clv'])
				expect(Number.isFinite(r[k])).toBe(true);
	});
});
