import { beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import {
	decodedRowsOf,
	fixtureSql,
	rowsOf,
	type TestOrder
} from '../../../helpers/native-engine.ts';
import { notices } from '../../../../src/analyses/repurchase/describe.ts';
import type { SqlEngine } from '../../../../src/engine/types.ts';
import type { Globals } from '../../../../src/analyses/types.ts';
import { repurchase } from '../../../../src/analyses/repurchase/index.ts';
import { defaults } from '../../../../src/analyses/repurchase/params.ts';
import {
	bandLabels,
	buildBreakdownSql,
	buildCycleSql,
	buildGapsSql,
	buildParetoSql,
	buildParetoTopSql,
	buildRepurchaseCustomersSql,
	buildWindowsSql
} from '../../../../src/analyses/repurchase/sql.ts';

/*
 * As of 2024-07-01 (net). First orders sit on the AOV band edges 70 / 140:
 *   p: Jan 1 10:00 70 (juhuasuan, 浙江), Jan 20 10:00 30            → ≤ 70, gap 19 days
 *   q: Feb 1 10:00 70.01 (tmall)                                    → 70–140, once
 *   r: Mar 1 10:00 140 (tmall), May 10 10:00 100, May 10 20:00 60   → 70–140, gaps 70 and 0 (same day)
 *   s: Jun 15 10:00 141 (tmall), Jun 20 10:00 59                    → > 140, gap 5
 *   t: Jun 1 00:00 50 (no channel), Jun 30 23:59 10                 → ≤ 70, gap 29
 *   unknown customer: Feb 1 500                                     → revenue only, in no customer metric
 */
const orders: TestOrder[] = [
	{
		id: 'p1',
		customer: 'p',
		time: '2024-01-01 10:00',
		gross: 70,
		channel: 'juhuasuan',
		province: '浙江'
	},
	{ id: 'p2', customer: 'p', time: '2024-01-20 10:00', gross: 30 },
	{ id: 'q1', customer: 'q', time: '2024-02-01 10:00', gross: 70.01, channel: 'tmall' },
	{ id: 'r1', customer: 'r', time: '2024-03-01 10:00', gross: 140, channel: 'tmall' },
	{ id: 'r2', customer: 'r', time: '2024-05-10 10:00', gross: 100 },
	{ id: 'r3', customer: 'r', time: '2024-05-10 20:00', gross: 60 },
	{ id: 's1', customer: 's', time: '2024-06-15 10:00', gross: 141, channel: 'tmall' },
	{ id: 's2', customer: 's', time: '2024-06-20 10:00', gross: 59 },
	{ id: 't1', customer: 't', time: '2024-06-01 00:00', gross: 50 },
	{ id: 't2', customer: 't', time: '2024-06-30 23:59', gross: 10 },
	{ id: 'u1', customer: null, time: '2024-02-01 10:00', gross: 500, channel: 'tmall' }
];
const net: Globals = { asOf: '2024-07-01', revenue: 'net', currency: 'CNY' };

let db: SqlEngine;
beforeAll(async () => {
	db = await createTestEngine();
	await rowsOf(db, fixtureSql(orders));
}, 60_000);

describe('repeat rate and revenue share by group', () => {
	test('AOV bands [70, 140]: ≤ 70, 70–140, > 140 by the first order’s amount', async () => {
		expect(bandLabels([140, 70])).toEqual(['≤ 70', '70–140', '> 140']);
		const rows = await rowsOf(db, buildBreakdownSql(defaults, net, 'band'));
		// Revenue of acquired customers: p 100 + t 60 + q 70.01 + r 300 + s 200 = 730.01.
		expect(
			rows.map((r) => [r.grp, r.customers, r.repeat_customers, r.repeat_rate, r.revenue, r.aov])
		).toEqual([
			['≤ 70', 2, 2, 1, 160, 40], // p, t: 160 ÷ 4 orders
			['70–140', 2, 1, 0.5, 370.01, 92.5025], // q, r: 370.01 ÷ 4
			['> 140', 1, 1, 1, 200, 100] // s
		]);
		expect(rows[1].revenue_share).toBeCloseTo(370.01 / 730.01, 12);
		expect(rows[0].customer_share).toBeCloseTo(0.4, 12);
	});

	test('by acquisition channel, largest first; a missing channel is (none)', async () => {
		const rows = await rowsOf(db, buildBreakdownSql(defaults, net, 'channel'));
		expect(rows.map((r) => [r.grp, r.customers, r.repeat_rate])).toEqual([
			['tmall', 3, 2 / 3], // q, r, s — the unknown customer's tmall order is not a customer
			['(none)', 1, 1], // t
			['juhuasuan', 1, 1] // p
		]);
	});

	test('gross vs net: a refund changes the band', async () => {
		const g = await createTestEngine();
		// One customer: first order 150 with 100 refunded → net 50 (≤ 70), gross 150 (> 140).
		await rowsOf(
			g,
			fixtureSql([{ id: 'x', customer: 'x', time: '2024-05-01', gross: 150, refund: 100 }])
		);
		const n = await rowsOf(g, buildBreakdownSql(defaults, net, 'band'));
		const gr = await rowsOf(g, buildBreakdownSql(defaults, { ...net, revenue: 'gross' }, 'band'));
		expect(n.map((r) => [r.grp, r.revenue, r.repeat_rate])).toEqual([['≤ 70', 50, 0]]);
		expect(gr.map((r) => [r.grp, r.revenue, r.repeat_rate])).toEqual([['> 140', 150, 0]]);
		g.close();
	}, 60_000); // starts a second engine
});

describe('repurchase within N days, right-censored', () => {
	test('denominator = customers whose first order date is at least N days before the last day of data', async () => {
		const rows = await rowsOf(db, buildWindowsSql(defaults, net));
		/*
		 * The data's last day is Jun 30, so a 30-day window must start by May 31.
		 * 30 days: p, q, r observed; t (Jun 1 00:00: its window's last day, Jul 1, is not in the data)
		 *          and s (Jun 15) are censored. Repurchased: p (19 days). → 1 / 3.
		 * 60 days: p, q, r observed (t, s censored); only p → 1 / 3.
		 * 90 days: p, q, r; p and r (70 days) → 2 / 3.
		 */
		expect(rows.map((r) => [r.window_days, r.eligible, r.repurchased, r.censored])).toEqual([
			[30, 3, 1, 2],
			[60, 3, 1, 2],
			[90, 3, 2, 2]
		]);
		expect(rows.map((r) => r.rate)).toEqual([1 / 3, 1 / 3, 2 / 3]);
	});

	test('drill: the observed customers of a window, non-repurchasers first', async () => {
		const rows = await rowsOf(
			db,
			buildRepurchaseCustomersSql(defaults, net, 'windows', { window_days: 60 })
		);
		expect(rows.map((r) => [r.customer_id, r.repurchased])).toEqual([
			['q', false],
			['r', false],
			['p', true]
		]);
	});
});

test('every first order too recent: the windows are empty and a notice says so', async () => {
	// As of Jan 15 only p (Jan 1) is a customer, and 14 days cover none of the windows.
	const rows = await decodedRowsOf(db, buildWindowsSql(defaults, { ...net, asOf: '2024-01-15' }));
	expect(rows.map((r) => [r.eligible, r.rate, r.censored])).toEqual([
		[0, null, 1],
		[0, null, 1],
		[0, null, 1]
	]);
	expect(repurchase.notices!('windows', rows)).toEqual(['repurchase.all-censored']);
	expect(notices['repurchase.all-censored']).toBeDefined();
});

describe('repurchase cycle', () => {
	test('median of the gaps, each order counting by default; re-contact = ⌊median⌋ − 3', async () => {
		const [c] = await rowsOf(db, buildCycleSql(defaults, net));
		// Gaps 19 (p), 70 and 0 (r, two orders on May 10), 5 (s), 29 (t): 0, 5, 19, 29, 70.
		// Median 19, re-contact 16; quartiles (linear) at positions 1 and 3: 5 and 29.
		expect(c).toEqual({
			gaps: 5,
			customers: 4,
			median_days: 19,
			p25_days: 5,
			p75_days: 29,
			recontact_day: 16
		});
		const [once] = await rowsOf(db, buildCycleSql({ ...defaults, sameDayOnePurchase: true }, net));
		// Same-day orders as one purchase: r's 0-day gap goes. 5, 19, 29, 70 → median 24,
		// quartiles 5 + 0.75 × 14 = 15.5 and 29 + 0.25 × 41 = 39.25, re-contact 21.
		expect(once).toEqual({
			gaps: 4,
			customers: 4,
			median_days: 24,
			p25_days: 15.5,
			p75_days: 39.25,
			recontact_day: 21
		});
		const decoded = await decodedRowsOf(db, buildCycleSql(defaults, net));
		expect(repurchase.notices!('cycle', decoded)).toEqual(['repurchase.few-gaps']);
		expect(notices['repurchase.few-gaps']).toBeDefined();
	});

	test('histogram: 7-day buckets, the last from maxDays on', async () => {
		const rows = await rowsOf(db, buildGapsSql(defaults, net));
		expect(rows.map((r) => [r.bucket_label, r.gaps, r.bin_width])).toEqual([
			['0–6', 2, 7], // 0 (r's same-day orders) and 5
			['14–20', 1, 7],
			['28–34', 1, 7],
			['70–76', 1, 7]
		]);
		expect(rows[0]).toMatchObject({ median_days: 19, recontact_day: 16, share: 0.4 });
		const capped = await rowsOf(db, buildGapsSql({ ...defaults, maxDays: 30 }, net));
		// 29 falls in 28–29 (cut at 30); 70 in "≥ 30".
		expect(capped.map((r) => [r.bucket_label, r.bucket_start, r.bucket_end])).toEqual([
			['0–6', 0, 6],
			['14–20', 14, 20],
			['28–29', 28, 29],
			['≥ 30', 30, null]
		]);
	});
});

describe('Pareto', () => {
	test('curve and top-20% share over known customers', async () => {
		// Revenue: r 300, s 200, p 100, q 70.01, t 60 = 730.01 (the unknown 500 is not a customer).
		const curve = await rowsOf(db, buildParetoSql(defaults, net));
		expect(curve.map((r) => r.customer_share)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		const expected = [0, 300, 500, 600, 670.01, 730.01].map((x) => x / 730.01);
		curve.forEach((r, i) => expect(r.revenue_share).toBeCloseTo(expected[i], 12));
		const [top] = await rowsOf(db, buildParetoTopSql(defaults, net));
		expect(top).toMatchObject({ top_percent: 0.2, top_customers: 1, customers: 5 });
		expect(top.top_revenue_share).toBeCloseTo(300 / 730.01, 12);
		const who = await rowsOf(db, buildRepurchaseCustomersSql(defaults, net, 'pareto-top', {}));
		expect(who.map((r) => r.customer_id)).toEqual(['r']);
	});
});

test('the cell lists its queries with drill keys on the breakdowns', () => {
	const qs = repurchase.build(defaults, net);
	expect(qs.map((q) => q.id)).toEqual([
		'by-channel',
		'by-band',
		'by-category',
		'by-province',
		'windows',
		'cycle',
		'gaps',
		'pareto',
		'pareto-top'
	]);
	expect(qs[1].drill).toEqual(['grp']);
});

test('everybody buys once: repeat 0, no cycle, empty histogram', async () => {
	// Runs last: it replaces the fixture.
	await rowsOf(
		db,
		fixtureSql([
			{ id: 'a', customer: 'a', time: '2024-01-01', gross: 10, channel: 'tmall' },
			{ id: 'b', customer: 'b', time: '2024-02-01', gross: 100, channel: 'tmall' },
			{ id: 'c', customer: 'c', time: '2024-03-01', gross: 200, channel: 'jd' }
		])
	);
	const bands = await rowsOf(db, buildBreakdownSql(defaults, net, 'band'));
	expect(bands.map((r) => [r.grp, r.repeat_rate])).toEqual([
		['≤ 70', 0],
		['70–140', 0],
		['> 140', 0]
	]);
	expect(await rowsOf(db, buildCycleSql(defaults, net))).toEqual([
		{
			gaps: 0,
			customers: 0,
			median_days: null,
			p25_days: null,
			p75_days: null,
			recontact_day: null
		}
	]);
	expect(await rowsOf(db, buildGapsSql(defaults, net))).toEqual([]);
	const cycle = await decodedRowsOf(db, buildCycleSql(defaults, net));
	expect(repurchase.notices!('cycle', cycle)).toEqual(['repurchase.no-repeat']);
	expect(notices['repurchase.no-repeat']).toBeDefined();
	const windows = await rowsOf(db, buildWindowsSql(defaults, net));
	expect(windows.map((r) => r.rate)).toEqual([0, 0, 0]);
});

test('params from a tampered link: non-numbers are dropped, bad sizes fall back', () => {
	const p = {
		...defaults,
		bands: ['1; DROP TABLE orders', 70, Infinity] as unknown as number[],
		windows: [-5, 'x'] as unknown as number[],
		bucketDays: Number.NaN
	};
	expect(bandLabels(p.bands)).toEqual(['≤ 70', '> 70']);
	const sql = buildWindowsSql(p, net) + buildGapsSql(p, net) + buildBreakdownSql(p, net, 'band');
	expect(sql).not.toContain('DROP');
	expect(sql).toContain('(VALUES (30), (60), (90))');
	expect(sql).toContain('gap // 7 * 7');
});
