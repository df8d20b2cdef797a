import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import { loadOrders, queryRows, type FixtureOrder } from '../../../helpers/orders-fixture.ts';
import { predict, runPredict, type PredictResult } from '../../../../src/analyses/predict/index.ts';
import { defaults } from '../../../../src/analyses/predict/params.ts';
import { CANONICAL_DDL } from '../../../../src/ingest/canonical.ts';
import type { Globals } from '../../../../src/analyses/types.ts';
import { simulateCustomers } from './simulate.ts';

/*
 * 3,000 customers simulated in days from CDNOW-like parameters (α = 4.41 weeks = 30.87 days),
 * first purchases spread over the 84 days from 2023-01-01, observed to the as-of date 2024-01-01.
 * Calibration's last day 2023-09-30 (included): 92 days of holdout, 2023-10-01 … 12-31.
 */
const BG_DAYS = { r: 0.24, alpha: 30.87, a: 0.79, b: 2.43 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const START = Date.UTC(2023, 0, 1);
const AS_OF = '2024-01-01';
const g: Globals = { asOf: AS_OF, revenue: 'net', currency: 'CNY' };
const params = { ...defaults, unit: 'days' as const, calibrationEnd: '2023-09-30' };

function simulatedOrders() {
	const horizon = (Date.UTC(2024, 0, 1) - START) / 86_400_000; // 365 days
	// Ages 281–365 days at the as-of date: first purchases on days 0–84 of 2023.
	const customers = simulateCustomers(3000, BG_DAYS, GG, [horizon - 84, horizon], 99);
	const ids: string[] = [];
	const customerIds: string[] = [];
	const times: string[] = [];
	const amounts: number[] = [];
	customers.forEach((c, i) => {
		const first = horizon - c.age;
		[0, ...c.repeats].forEach((t, k) => {
			const day = first + t;
			ids.push(`o${i}-${k}`);
			customerIds.push(`c${String(i).padStart(4, '0')}`);
			times.push(new Date(START + day * 86_400_000).toISOString().slice(0, 19).replace('T', ' '));
			amounts.push(Math.round(c.values[k] * 100) / 100);
		});
	});
	return { ids, customerIds, times, amounts };
}

let db: Awaited<ReturnType<typeof createTestEngine>>;
let result: PredictResult;

beforeAll(async () => {
	db = await createTestEngine();
	const o = simulatedOrders();
	const staged = await db.insertArrow(
		'staged',
		tableFromArrays({
			order_id: o.ids,
			customer_id: o.customerIds,
			order_time: o.times,
			amount: Float64Array.from(o.amounts)
		}),
		'create'
	);
	if (!staged.ok) throw new Error(staged.error.detail);
	const loaded = await db.query(`${CANONICAL_DDL.join(';\n')};
INSERT INTO orders SELECT order_id, customer_id, order_time::TIMESTAMP, 'paid', amount, 0, amount,
	NULL, NULL, NULL, NULL, 'sim' FROM staged`);
	if (!loaded.ok) throw new Error(loaded.error.detail);
	const r = await runPredict(db, params, g);
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}`);
	result = r.value;
}, 120_000);
afterAll(() => db.close());

describe('runPredict on simulated orders', () => {
	test('scores every customer and writes the predictions table', async () => {
		const [row] = await queryRows(
			db,
			`SELECT count(*) AS n,
				count(*) FILTER (WHERE p_alive IS NULL OR isnan(p_alive) OR clv IS NULL OR isnan(clv)
					OR expected_orders IS NULL OR isnan(expected_orders)) AS bad,
				min(p_alive) FILTER (WHERE repeat_orders = 0) AS p_alive_once,
				count(*) FILTER (WHERE p_alive < 0 OR p_alive > 1 OR p_order > p_alive) AS out_of_range
			FROM predictions`
		);
		expect(result.customersScored).toBe(3000);
		expect(row).toEqual({ n: 3000, bad: 0, p_alive_once: 1, out_of_range: 0 });
	});

	test('the fit recovers the simulated parameters roughly and reports no warnings', () => {
		const { r, alpha, a, b } = result.fit.bgnbd.params;
		expect(r).toBeGreaterThan(0.15);
		expect(r).toBeLessThan(0.35);
		expect(alpha).toBeGreaterThan(15);
		expect(alpha).toBeLessThan(50);
		expect(a / (a + b)).toBeGreaterThan(0.15); // mean dropout 0.79/3.22 = 0.25
		expect(a / (a + b)).toBeLessThan(0.35);
		expect(result.holdoutDays).toBe(92);
		expect(result.warnings).toEqual([]);
	});

	test('holdout: the model expects about as many repeat purchases as happened', async () => {
		const [row] = await queryRows(
			db,
			`SELECT sum(actual_holdout) AS actual, sum(expected_holdout) AS expected FROM predictions`
		);
		const ratio = Number(row.expected) / Number(row.actual);
		expect(ratio).toBeGreaterThan(0.85);
		expect(ratio).toBeLessThan(1.15);
	});

	test('tracking ends at the as-of date with actual ≈ expected', () => {
		const last = result.tracking.at(-1)!;
		expect(last.day_offset).toBe(92);
		expect(last.period).toBe('holdout');
		expect(last.expected / last.actual).toBeGreaterThan(0.9);
		expect(last.expected / last.actual).toBeLessThan(1.1);
	});

	test('frequency check: expected customers add up to the calibration customers', () => {
		const actual = result.frequency.reduce((s, r) => s + r.actual, 0);
		const expected = result.frequency.reduce((s, r) => s + r.expected, 0);
		expect(actual).toBe(result.fit.bgnbd.customers);
		expect(expected).toBeCloseTo(actual, 6);
	});

	test.each(predict.build(params, g).map((q) => [q.id, q.sql]))(
		'query %s runs on the written tables',
		async (_id, sql) => {
			const r = await db.query(sql);
			expect(r.ok ? 'ok' : r.error.detail).toBe('ok');
		}
	);

	test.each(predict.build(params, g).filter((q) => q.drill?.length))(
		'drill-down of $id runs for its first mark',
		async (q) => {
			const [first] = await queryRows(db, q.sql);
			const selection = Object.fromEntries(q.drill!.map((k) => [k, first[k]]));
			const list = await queryRows(db, predict.customersSql!(params, g, q.id, selection));
			expect(list.length).toBeGreaterThan(0);
		}
	);

	test('drill-down lists return the customers of the mark', async () => {
		const heat = await queryRows(db, predict.build(params, g)[3].sql);
		const cell = heat[0];
		const list = await queryRows(
			db,
			predict.customersSql!(params, g, 'alive-heatmap', {
				repeat_orders: cell.repeat_orders,
				recency: cell.recency
			})
		);
		expect(list.length).toBe(cell.customers);
		const winBack = await queryRows(db, predict.customersSql!(params, g, 'win-back', {}));
		expect(winBack.every((c) => Number(c.p_alive) < 0.5 && Number(c.repeat_orders) >= 1)).toBe(
			true
		);
	});

	test('running again replaces the tables', async () => {
		const again = await runPredict(db, { ...params, horizonDays: 30 }, g);
		expect(again.ok).toBe(true);
		const [row] = await queryRows(db, 'SELECT count(*) AS n FROM predictions');
		expect(row.n).toBe(3000);
	});
});

describe('runPredict refuses what it cannot fit', () => {
	let small: Awaited<ReturnType<typeof createTestEngine>>;
	beforeAll(async () => {
		small = await createTestEngine();
	}, 60_000);
	afterAll(() => small.close());

	test('everyone bought once', async () => {
		const once: FixtureOrder[] = Array.from({ length: 50 }, (_, i) => ({
			id: `o${i}`,
			customer: `c${i}`,
			time: `2024-0${1 + (i % 5)}-1${i % 10} 10:00`,
			gross: 10 + i
		}));
		await loadOrders(small, once);
		const r = await runPredict(small, defaults, { ...g, asOf: '2024-07-01' });
		expect(r.ok ? 'ok' : r.error.code).toBe('predict.no-repeat');
	});

	test('a calibration end after the as-of date', async () => {
		const r = await runPredict(small, { ...defaults, calibrationEnd: '2025-01-01' }, g);
		expect(r.ok ? 'ok' : r.error.code).toBe('predict.calibration-end');
	});
});
