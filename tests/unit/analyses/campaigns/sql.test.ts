import { beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import type { SqlEngine } from '../../../../src/engine/types.ts';
import { campaigns } from '../../../../src/analyses/campaigns/index.ts';
import {
	buildAcquisitionSql,
	buildBaselineSql,
	buildBoughtSql,
	buildCampaignMetricsSql,
	buildResponseCurvesSql,
	buildRoiBarsSql,
	buildWavesSql,
	withTestStatsSql
} from '../../../../src/analyses/campaigns/sql.ts';
import {
	compareProportions,
	fisherExactTwoSided
} from '../../../../src/analyses/campaigns/stats.ts';
import {
	createTables,
	globals,
	insertContacts,
	insertOrders,
	params,
	queryRows
} from './fixtures.ts';

/*
 * Campaign A: SMS sent 2024-03-01 10:00, 1 yuan per contact; window 10 days = [03-01 10:00, 03-11 10:00).
 *   contacted c1: order at the send instant (100, code SPRING)           → responds (start inclusive)
 *             c2: 03-03 12:00 (80, no code) → A; 03-06 (70, code SPRING) → B (B's send is later)
 *             c3: order at 03-11 10:00:00 exactly (50), and 02-20 (before) → no (end exclusive)
 *             c4: 03-11 09:59:59 (30, code SPRING)                        → responds
 *             c5: 03-02 refunded order (40)                                → no in net mode
 *   control   k1: 03-04 10:00 (40) → natural repurchase; k2, k3: nothing; k4: 03-20 (outside)
 * Campaign B: e-mail sent 2024-03-05 00:00, 0.5 yuan; contacted c2, c6; control k5 (03-07, 60).
 * Campaign W (waves, 11.11 style): wave 1 sent 04-01 to u1–u4 / control v1–v4; wave 2 on 05-01 to
 *   the non-responders u2–u4 / v2–v4. u1 orders 04-03, v1 04-05, u2 05-02.
 */
const ORDERS: Parameters<typeof insertOrders>[1] = [
	['o1', 'c1', '2024-03-01 10:00:00', 100, 'paid', 'SPRING'],
	['o2', 'c2', '2024-03-03 12:00:00', 80],
	['o3', 'c2', '2024-03-06 08:00:00', 70, 'paid', 'SPRING'],
	['o4', 'c3', '2024-03-11 10:00:00', 50],
	['o5', 'c3', '2024-02-20 10:00:00', 55],
	['o6', 'c4', '2024-03-11 09:59:59', 30, 'paid', 'SPRING'],
	['o7', 'c5', '2024-03-02 10:00:00', 40, 'refunded'],
	['o8', 'k1', '2024-03-04 10:00:00', 40],
	['o9', 'k4', '2024-03-20 10:00:00', 45],
	['o10', 'k5', '2024-03-07 10:00:00', 60],
	['o11', 'u1', '2024-04-03 10:00:00', 90],
	['o12', 'v1', '2024-04-05 10:00:00', 90],
	['o13', 'u2', '2024-05-02 10:00:00', 90],
	['o14', null, '2024-03-02 10:00:00', 500]
];

const A = '2024-03-01 10:00:00';
const B = '2024-03-05 00:00:00';
const CONTACTS: Parameters<typeof insertContacts>[1] = [
	...['c1', 'c2', 'c3', 'c4', 'c5'].map((c) => ['A', 1, c, 'contacted', A, 'sms', 1] as const),
	...['k1', 'k2', 'k3', 'k4'].map((c) => ['A', 1, c, 'control', A, 'sms', 0] as const),
	['B', 1, 'c2', 'contacted', B, 'email', 0.5],
	['B', 1, 'c6', 'contacted', B, 'email', 0.5],
	['B', 1, 'k5', 'control', B, 'email', 0],
	...['u1', 'u2', 'u3', 'u4'].map(
		(c) => ['W', 1, c, 'contacted', '2024-04-01 00:00:00', 'coupon', 2] as const
	),
	...['v1', 'v2', 'v3', 'v4'].map(
		(c) => ['W', 1, c, 'control', '2024-04-01 00:00:00', 'coupon', 0] as const
	),
	...['u2', 'u3', 'u4'].map(
		(c) => ['W', 2, c, 'contacted', '2024-05-01 00:00:00', 'coupon', 2] as const
	),
	...['v2', 'v3', 'v4'].map(
		(c) => ['W', 2, c, 'control', '2024-05-01 00:00:00', 'coupon', 0] as const
	)
].map((r) => [...r] as Parameters<typeof insertContacts>[1][number]);

let db: SqlEngine;

beforeAll(async () => {
	db = await createTestEngine();
	await createTables(db);
	await insertOrders(db, ORDERS);
	await insertContacts(db, CONTACTS);
	await queryRows(
		db,
		`INSERT INTO order_lines VALUES ('o1', 1, 'p1', 'Red dress', 'dress', 1, 100),
		('o2', 1, 'p1', 'Red dress', 'dress', 1, 80), ('o6', 1, 'p2', 'Boots', 'shoes', 1, 30),
		('o8', 1, 'p2', 'Boots', 'shoes', 1, 40)`
	);
}, 60_000);

const byKey = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

describe('attribution and metrics', () => {
	test('window edges, refunds, overlap and control responders (time mode)', async () => {
		const rows = byKey(await queryRows(db, buildCampaignMetricsSql(params(), globals)));
		// A: responders c1 (send instant), c2 (03-03 only; 03-06 goes to the later B), c4 (last second).
		// Orders 3, revenue 100 + 80 + 30 = 210; control k1 of 4; cost 5 × 1.
		expect(rows.A).toMatchObject({
			contacted: 5,
			responders: 3,
			orders: 3,
			revenue: 210,
			control: 4,
			control_responders: 1,
			cost: 5,
			rate: 0.6,
			control_rate: 0.25,
			test: 'fisher',
			verdict: 'not significant',
			open_windows: 0
		});
		expect(rows.A.uplift).toBeCloseTo(0.35, 12);
		// Expected cells are small → Fisher on [[3,2],[1,3]]: p = 0.5238 (scipy.stats.fisher_exact).
		expect(rows.A.p_value).toBeCloseTo(0.523809523809524, 9);
		// B: c2's 03-06 order (70); control k5 responds. Cost 2 × 0.5.
		expect(rows.B).toMatchObject({
			contacted: 2,
			responders: 1,
			revenue: 70,
			control: 1,
			control_responders: 1,
			cost: 1
		});
	});

	test('each order is attributed once across campaigns', async () => {
		const [r] = await queryRows(
			db,
			`WITH m AS (${buildCampaignMetricsSql(params(), globals)}) SELECT sum(orders + control_orders)::INTEGER AS n FROM m`
		);
		// A: 3 + control 1, B: 1 + 1, W: wave 1 u1 + v1, wave 2 u2 → 9 orders in windows.
		expect(r.n).toBe(9);
	});

	test('ROI, increments and uplift interval agree with stats.ts', async () => {
		const rows = byKey(
			await queryRows(db, buildCampaignMetricsSql(params({ margin: 0.3 }), globals))
		);
		// Uplift 0.35 × 5 = 1.75 extra responders; revenue per responder 210 / 3 = 70 → 122.5.
		// Attributed ROI 210 / 5 = 42 (gain 205); incremental 122.5 / 5 = 24.5; profit 122.5 × 0.3 − 5 = 31.75.
		expect(rows.A.inc_revenue).toBeCloseTo(122.5, 9);
		expect(rows.A.inc_orders).toBeCloseTo(1.75, 9);
		expect(rows.A.attributed_roi).toBe(42);
		expect(rows.A.attributed_gain).toBe(205);
		expect(rows.A.incremental_roi).toBeCloseTo(24.5, 9);
		expect(rows.A.incremental_profit).toBeCloseTo(31.75, 9);
		const js = compareProportions({
			contacted: 5,
			responders: 3,
			control: 4,
			controlResponders: 1
		});
		expect(rows.A.uplift_low).toBeCloseTo(js!.upliftLow, 12);
		expect(rows.A.uplift_high).toBeCloseTo(js!.upliftHigh, 12);
		expect(rows.A.relative_uplift).toBeCloseTo(js!.relativeUplift!, 12);
		expect(rows.A.relative_low).toBeCloseTo(js!.relativeLow!, 12);
	});

	test('gross mode counts the refunded order of c5', async () => {
		const rows = byKey(
			await queryRows(db, buildCampaignMetricsSql(params(), { ...globals, revenue: 'gross' }))
		);
		expect(rows.A.responders).toBe(4);
	});

	test('a 2-day window keeps only c1', async () => {
		// [03-01 10:00, 03-03 10:00): c1 only; c2's 03-03 12:00 is 2 h late. Control k1 (03-04) out.
		const rows = byKey(
			await queryRows(db, buildCampaignMetricsSql(params({ windowDays: 2 }), globals))
		);
		expect(rows.A).toMatchObject({ responders: 1, control_responders: 0 });
	});

	test('code mode: only orders with the code, and the code wins over a later campaign', async () => {
		const p = params({ campaignId: 'A', attribution: 'code', code: 'SPRING' });
		const rows = byKey(await queryRows(db, buildCampaignMetricsSql(p, globals)));
		// c1 (o1) and c4 (o6) carry SPRING; c2's o3 (03-06, SPRING) now goes to A, not B; o2 has no code.
		expect(rows.A).toMatchObject({ responders: 3, revenue: 200, control_responders: 1 });
		expect(Object.keys(rows)).toEqual(['A']);
	});

	test('breakdown by channel compares the means', async () => {
		const rows = byKey(
			await queryRows(db, buildCampaignMetricsSql(params({ breakdown: 'channel' }), globals))
		);
		expect(Object.keys(rows).sort()).toEqual(['coupon', 'email', 'sms']);
		// coupon = both waves of W: 7 contacts, 2 responders; 7 controls, 1 responder.
		expect(rows.coupon).toMatchObject({
			contacted: 7,
			responders: 2,
			control: 7,
			control_responders: 1
		});
	});

	test('ROI bars in long form', async () => {
		const rows = await queryRows(db, buildRoiBarsSql(params({ campaignId: 'A' }), globals));
		expect(rows.map((r) => r.measure)).toEqual(['attributed_roi', 'incremental_roi']);
		expect(rows[0].value).toBe(42);
	});
});

describe('group-test statistics in SQL', () => {
	test.each([
		[200, 30, 200, 15],
		[5000, 260, 5000, 200],
		[40, 3, 40, 0],
		[12, 0, 9, 0],
		[1000, 1000, 1000, 990]
	])('%d/%d contacted vs %d/%d control equals stats.ts', async (n1, k1, n2, k2) => {
		const source = `(SELECT ${n1} AS contacted, ${k1} AS responders, ${n2} AS control, ${k2} AS control_responders)`;
		const [r] = await queryRows(db, withTestStatsSql(source));
		const js = compareProportions({
			contacted: n1,
			responders: k1,
			control: n2,
			controlResponders: k2
		})!;
		// The SQL z-test tail is Abramowitz–Stegun 26.2.17 (error < 7.5e-8); Fisher is exact in both.
		expect(Math.abs((r.p_value as number) - js.pValue)).toBeLessThan(2e-7);
		expect(r.test).toBe(js.test);
		expect(r.verdict).toBe(js.verdict);
		expect(r.uplift_low).toBeCloseTo(js.upliftLow, 12);
		expect(r.uplift_high).toBeCloseTo(js.upliftHigh, 12);
		expect(r.relative_uplift ?? null).toEqual(
			js.relativeUplift === null ? null : expect.closeTo(js.relativeUplift, 12)
		);
	});
});

describe('response curves', () => {
	test('cumulative share by day since send, both groups', async () => {
		const rows = await queryRows(db, buildResponseCurvesSql(params({ campaignId: 'A' }), globals));
		const curve = (grp: string) => rows.filter((r) => r.grp === grp).map((r) => r.cumulative_rate);
		// Contacted (5): c1 at 0 s → within 1 day; c2 at 2 d 2 h → within 3; c4 at 9 d 23:59:59 → within 10.
		expect(curve('contacted')).toEqual([0, 0.2, 0.2, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.6]);
		// Control (4): k1 exactly 3 days after → within 4 days.
		expect(curve('control')).toEqual([0, 0, 0, 0, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25]);
	});
});

describe('waves', () => {
	test("each wave's response and the cumulative result per customer", async () => {
		const rows = await queryRows(db, buildWavesSql(params({ campaignId: 'W' }), globals));
		expect(rows).toHaveLength(2);
		// Wave 1: u1 of 4, v1 of 4. Wave 2 (non-responders): u2 of 3, none of 3.
		expect(rows[0]).toMatchObject({
			wave: 1,
			contacted: 4,
			responders: 1,
			control: 4,
			control_responders: 1
		});
		expect(rows[1]).toMatchObject({
			wave: 2,
			contacted: 3,
			responders: 1,
			control: 3,
			control_responders: 0
		});
		// Through wave 2: 4 distinct customers each side; u1 + u2 = 2 → 0.5; v1 → 0.25. Cost 7 × 2.
		expect(rows[1]).toMatchObject({
			cum_contacted: 4,
			cum_responders: 2,
			cum_control: 4,
			cum_control_responders: 1,
			cum_rate: 0.5,
			cum_control_rate: 0.25,
			cum_cost: 14
		});
		expect(rows[1].cum_p_value).toBeCloseTo(fisherExactTwoSided(2, 2, 1, 3), 12);
	});
});

describe('what responders bought', () => {
	test('category shares of contacted vs control responders', async () => {
		const rows = await queryRows(db, buildBoughtSql(params({ campaignId: 'A' }), globals));
		const get = (grp: string, item: string) => rows.find((r) => r.grp === grp && r.item === item);
		// Contacted responders' lines: dress 100 + 80, shoes 30 → 180/210 and 30/210.
		expect(get('contacted', 'dress')?.amount_share).toBeCloseTo(180 / 210, 12);
		expect(get('contacted', 'shoes')?.amount_share).toBeCloseTo(30 / 210, 12);
		// Buyers: dress c1, c2 of 3 buyers with lines → 2/3.
		expect(get('contacted', 'dress')?.buyer_share).toBeCloseTo(2 / 3, 12);
		expect(get('control', 'shoes')?.amount_share).toBe(1);
	});
});

describe('without a control group, and acquisition channels', () => {
	let db2: SqlEngine;
	beforeAll(async () => {
		db2 = await createTestEngine();
		await createTables(db2);
		await insertOrders(db2, [
			['n1a', 'n1', '2024-05-20 00:00:00', 100],
			['n1b', 'n1', '2024-06-03 00:00:00', 50],
			['n2a', 'n2', '2024-02-01 00:00:00', 80],
			['n2b', 'n2', '2024-03-01 00:00:00', 60],
			['n3a', 'n3', '2024-06-04 00:00:00', 30, 'paid', null, 'juhuasuan'],
			['m1a', 'm1', '2024-05-25 00:00:00', 40, 'paid', null, 'juhuasuan'],
			['m1b', 'm1', '2024-06-05 00:00:00', 40],
			['m2a', 'm2', '2024-05-15 00:00:00', 20, 'paid', null, 'juhuasuan'],
			['m3a', 'm3', '2024-05-10 00:00:00', 20, 'paid', null, 'juhuasuan'],
			['m4a', 'm4', '2024-05-22 00:00:00', 70],
			['m4b', 'm4', '2024-06-06 00:00:00', 70],
			['m5a', 'm5', '2024-02-10 00:00:00', 90],
			['m5b', 'm5', '2024-02-25 00:00:00', 90],
			['m5c', 'm5', '2024-06-02 00:00:00', 90],
			['m6a', 'm6', '2024-01-05 00:00:00', 50],
			['m6b', 'm6', '2024-01-20 00:00:00', 50],
			// A year earlier, for the year-before comparison.
			['p1a', 'p1', '2023-05-25 00:00:00', 10],
			['p1b', 'p1', '2023-06-03 00:00:00', 10],
			['p2a', 'p2', '2023-05-20 00:00:00', 10]
		]);
		await insertContacts(
			db2,
			['n1', 'n2', 'n3'].map((c) => ['N', 1, c, 'contacted', '2024-06-01 09:00:00', 'sms', 0.1])
		);
	}, 60_000);

	test('the campaign alone says "no control group"', async () => {
		const [r] = await queryRows(db2, buildCampaignMetricsSql(params(), globals));
		expect(r).toMatchObject({
			contacted: 3,
			responders: 2,
			control: 0,
			verdict: 'no control group'
		});
		expect(r.uplift).toBeNull();
	});

	test('comparable customers by recency and frequency band, flagged weaker', async () => {
		const [r] = await queryRows(db2, buildBaselineSql(params({ campaignId: 'N' }), globals));
		// At 06-01 09:00: n1 (12 days, 1 order) → cell (R1, F1); n2 (92 days, 2 orders) → (R3, F2);
		// n3 had no order before → unmatched. Comparable (not in N): (R1, F1) = m1–m4, of whom m1
		// (06-05) and m4 (06-06) order in [06-01 09:00, 06-11 09:00) → 0.5; (R3, F2) = m5 (97 days,
		// orders 06-02) and m6 (133 days, none) → 0.5. Baseline = (1·0.5 + 1·0.5)/2 = 0.5.
		// Matched contacted: n1 responds, n2 not → 0.5. Control size 4 + 2 = 6, 3 "responders".
		expect(r).toMatchObject({
			contacted_all: 3,
			unmatched: 1,
			contacted: 2,
			responders: 1,
			control: 6,
			control_responders: 3,
			baseline_rate: 0.5,
			rate: 0.5,
			evidence: 'weaker'
		});
		expect(r.uplift).toBe(0);
	});

	test('the same window a year earlier', async () => {
		const p = params({ campaignId: 'N', baseline: 'year-before' });
		const [r] = await queryRows(db2, buildBaselineSql(p, globals));
		// Comparables at 2023-06-01 09:00: p1 (7 days, 1 order; orders 2023-06-03) and p2 (12 days,
		// 1 order; nothing) → cell (R1, F1) at 0.5. n1 (R1, F1) is matched; n2 (R3, F2) has no
		// comparable a year earlier and joins n3 as unmatched.
		expect(r).toMatchObject({
			contacted_all: 3,
			unmatched: 2,
			contacted: 1,
			responders: 1,
			control: 2,
			control_responders: 1,
			baseline_rate: 0.5,
			evidence: 'weaker'
		});
	});

	test('first-order channel as a campaign: repeat rate, AOV, revenue per customer, test', async () => {
		const rows = byKey(
			(await queryRows(db2, buildAcquisitionSql(params(), { ...globals, from: '2024-01-01' }))).map(
				(r) => ({
					...r,
					key: r.channel
				})
			)
		);
		// juhuasuan first orders: n3 (1 order), m1 (2), m2 (1), m3 (1) → 4 customers, 1 repeater,
		// 5 orders, revenue 30 + 80 + 20 + 20 = 150 → AOV 30, 37.5 per customer.
		// organic: n1, n2, m4, m5, m6 all repeat → 5 of 5; 11 orders, 800 → AOV 72.73, 160 per customer.
		expect(rows.juhuasuan).toMatchObject({
			customers: 4,
			repeaters: 1,
			orders: 5,
			revenue: 150,
			aov: 30
		});
		expect(rows.juhuasuan.revenue_per_customer).toBe(37.5);
		expect(rows.juhuasuan.repeat_rate).toBe(0.25);
		expect(rows.juhuasuan.rest_repeat_rate).toBe(1);
		expect(rows.juhuasuan.rest_aov).toBeCloseTo(800 / 11, 12);
		// Fisher on [[1,3],[5,0]] = 1/21 = 0.0476 (scipy.stats.fisher_exact) → significant.
		expect(rows.juhuasuan.p_value).toBeCloseTo(1 / 21, 12);
		expect(rows.juhuasuan.verdict).toBe('significant');
	});
});

describe('the analysis module', () => {
	test.each([
		params(),
		params({ campaignId: 'A', breakdown: 'wave', boughtBy: 'product' }),
		params({ campaignId: 'W', breakdown: 'month', attribution: 'code', baseline: 'year-before' }),
		params({ breakdown: 'channel', windowDays: 30 })
	])('every query runs and has the columns its table and chart name (%#)', async (p) => {
		for (const q of campaigns.build(p, globals)) {
			const r = await db.query(q.sql);
			if (!r.ok) throw new Error(`${q.id}: ${r.error.detail}`);
			const names = r.value.schema.fields.map((f) => f.name);
			const wanted = [
				...(q.columns ?? []).map((c) => c.key),
				...Object.values(q.chart ?? {}).filter(
					(v): v is string => typeof v === 'string' && names.includes(v)
				)
			];
			for (const key of wanted) expect(names, `${q.id}.${key}`).toContain(key);
			if (q.chart && 'x' in q.chart) {
				expect(names, q.id).toContain(q.chart.x);
				expect(names, q.id).toContain(q.chart.y);
			}
		}
	});

	test('drilling into a metrics row lists its contacts', async () => {
		const sql = campaigns.customersSql!(params(), globals, 'metrics', { key: 'B' });
		const rows = await queryRows(db, sql);
		expect(rows.map((r) => [r.customer_id, r.grp, r.responded])).toEqual([
			['c2', 'contacted', true],
			['c6', 'contacted', false],
			['k5', 'control', true]
		]);
	});
});
