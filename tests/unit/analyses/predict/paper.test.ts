/**
 * Predict reproduces Fader, Hardie & Lee on the CDNOW sample (2,357 customers, calibration
 * 1997-01-01 … 1997-09-30, weeks): BG/NBD r = 0.243, α = 4.414, a = 0.793, b = 2.426,
 * LL = −9582.43 ("Counting Your Customers" the Easy Way, 2005); Gamma-Gamma p = 6.25, q = 3.74,
 * γ = 15.44 (Fader & Hardie, "The Gamma-Gamma Model of Monetary Value", 2013). Fixtures and their
 * source: tests/fixtures/cdnow/README.md.
 *
 * First the fit alone, on the published per-customer summary; then the whole run, from the
 * sample's transactions through the summary SQL, which must give the same summary and estimates.
 */
import { readFileSync } from 'node:fs';
import { tableFromArrays } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fitModels } from '../../../../src/analyses/predict/fit.ts';
import { defaults } from '../../../../src/analyses/predict/params.ts';
import { runPredict, type PredictResult } from '../../../../src/analyses/predict/index.ts';
import { buildCustomerSummarySql } from '../../../../src/analyses/predict/sql.ts';
import { CANONICAL_DDL } from '../../../../src/ingest/canonical.ts';
import type { Globals } from '../../../../src/analyses/types.ts';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import { queryRows } from '../../../helpers/orders-fixture.ts';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../fixtures/cdnow/${name}`, import.meta.url), 'utf8');
const csv = fixture('cdnow_customers_summary_with_transactions.csv');
/** ID, x (repeat purchases), t_x and T (weeks, two decimals), zbar (mean repeat purchase value). */
const rows = csv
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(',').map(Number));
const repeaters = rows.filter((r) => r[1] > 0);

const result = fitModels({
	groups: {
		x: Float64Array.from(rows, (r) => r[1]),
		tx: Float64Array.from(rows, (r) => r[2]),
		T: Float64Array.from(rows, (r) => r[3]),
		n: new Float64Array(rows.length).fill(1)
	},
	spend: {
		x: Float64Array.from(repeaters, (r) => r[1]),
		mbar: Float64Array.from(repeaters, (r) => r[4])
	}
});

describe('the published CDNOW summary gives the published BG/NBD estimates', () => {
	test('the fixture is the whole sample', () => {
		expect(rows.length).toBe(2357);
		expect(repeaters.length).toBe(946);
	});

	test('BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.43', () => {
		if (!result.ok) throw new Error(result.error.detail);
		const { params, logLik, customers, repeatCustomers, repeatPurchases } = result.value.bgnbd;
		expect(params.r.toFixed(3)).toBe('0.243');
		expect(params.alpha.toFixed(3)).toBe('4.414');
		expect(params.a.toFixed(3)).toBe('0.793');
		expect(params.b.toFixed(3)).toBe('2.426');
		expect(logLik.toFixed(2)).toBe('-9582.43');
		expect([customers, repeatCustomers, repeatPurchases]).toEqual([2357, 946, 2457]);
	});
});

/*
 * The sample's transactions: customer (master id, sample id 1…2357), date, CDs bought, amount.
 * As of 1998-07-01 the data ends on 1998-06-30, the last day of the paper's 39-week holdout.
 */
const AS_OF = '1998-07-01';
const g: Globals = { asOf: AS_OF, revenue: 'net', currency: 'USD' };
const params = { ...defaults, unit: 'weeks' as const, calibrationEnd: '1997-09-30' };

let db: Awaited<ReturnType<typeof createTestEngine>>;
let run: PredictResult;

beforeAll(async () => {
	const lines = fixture('CDNOW_sample.txt').trim().split('\n');
	const fields = lines.map((l) => l.trim().split(/\s+/));
	const day = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)} 00:00:00`;
	db = await createTestEngine();
	const staged = await db.insertArrow(
		'staged',
		tableFromArrays({
			order_id: fields.map((_, i) => `t${i}`),
			customer_id: fields.map((f) => String(Number(f[1]))),
			order_time: fields.map((f) => day(f[2])),
			amount: Float64Array.from(fields, (f) => Number(f[4]))
		}),
		'create'
	);
	if (!staged.ok) throw new Error(staged.error.detail);
	const loaded = await db.query(`${CANONICAL_DDL.join(';\n')};
INSERT INTO orders SELECT order_id, customer_id, order_time::TIMESTAMP, 'paid', amount, 0, amount,
	NULL, NULL, NULL, NULL, 'cdnow' FROM staged`);
	if (!loaded.ok) throw new Error(loaded.error.detail);
	const r = await runPredict(db, params, g);
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}`);
	run = r.value;
}, 120_000);
afterAll(() => db.close());

describe('from the CDNOW transactions, the run gives the published summary and estimates', () => {
	test('x, t_x and T in weeks match the published summary at its two decimals', async () => {
		const ours = await queryRows(db, buildCustomerSummarySql(params, g));
		const published = new Map(rows.map((r) => [String(r[0]), r]));
		expect(ours.length).toBe(2357);
		const differing = ours.filter((o) => {
			const [, x, tx, T] = published.get(String(o.customer_id))!;
			const weeks = (days: unknown) => (Number(days) / 7).toFixed(2);
			return (
				o.x_cal !== x ||
				weeks(o.t_x_cal_days) !== tx.toFixed(2) ||
				weeks(o.age_cal_days) !== T.toFixed(2)
			);
		});
		expect(differing).toEqual([]);
	});

	test('the model details: window, customers, repeat customers and repeat purchase days', () => {
		expect([run.calibrationStart, run.calibrationEnd, run.holdoutDays]).toEqual([
			'1997-01-01',
			'1997-09-30',
			273
		]);
		const { customers, repeatCustomers, repeatPurchases } = run.fit.bgnbd;
		expect([customers, repeatCustomers, repeatPurchases]).toEqual([2357, 946, 2457]);
	});

	test('BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.43', () => {
		const { params: fitted, logLik } = run.fit.bgnbd;
		expect([fitted.r, fitted.alpha, fitted.a, fitted.b].map((v) => v.toFixed(3))).toEqual([
			'0.243',
			'4.414',
			'0.793',
			'2.426'
		]);
		expect(logLik.toFixed(2)).toBe('-9582.43');
	});

	test('Gamma-Gamma: p = 6.25, q = 3.74, γ = 15.44', () => {
		const { p, q, gamma } = run.fit.gammaGamma.params;
		expect([p, q, gamma].map((v) => v.toFixed(2))).toEqual(['6.25', '3.74', '15.44']);
	});
});
