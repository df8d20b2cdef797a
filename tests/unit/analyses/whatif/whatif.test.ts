import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import {
	expectTamperedParamsQuoted,
	loadOrders,
	queryRows,
	type FixtureOrder
} from '../../../helpers/orders-fixture.ts';
import { whatif } from '../../../../src/analyses/whatif/index.ts';
import { defaults, type WhatIfParams } from '../../../../src/analyses/whatif/params.ts';
import type { Globals } from '../../../../src/analyses/types.ts';

/** Starting duckdb-wasm takes ~1 s, much longer while other suites load the machine. */
const ENGINE_TIMEOUT = 60_000;

/*
 *   A  200 (ads), 100          first > 140, repeat   revenue 300, 2 orders
 *   B  150 (ads)               first > 140, once
 *   C  160 (search)            first > 140, once
 *   D  170 (no channel)        first > 140, once
 *   E  50 (ads), 30, 20        first ≤ 140, repeat   revenue 100, 3 orders
 *   F  60 (search)             first ≤ 140, once
 *   -  40, no customer id
 *   G  500 refunded            net: gone; gross: first > 140, once
 * Net store: revenue 300+150+160+170+100+60+40 = 980, orders 2+1+1+1+3+1+1 = 10, AOV 98.
 * Band > 140: n 4, repeaters 1 (25%); target 50% → extra 0.5·4 − 1 = 1.
 *   Per repeater 300 and 2 orders; one-time buyers (150+160+170)/3 = 160.
 *   Δrevenue 1·(300 − 160) = 140; Δorders 1·(2 − 1) = 1.
 *   Store 1120 / 11 = 101.8181…; change 140/980 = 1/7; AOV change (1120/11)/98 − 1.
 *   Segment 780 / 5 = 156 → 920 / 6.
 */
const orders: FixtureOrder[] = [
	{ id: 'a1', customer: 'A', time: '2024-05-01 10:00', gross: 200, channel: 'ads' },
	{ id: 'a2', customer: 'A', time: '2024-06-01 10:00', gross: 100, channel: 'search' },
	{ id: 'b1', customer: 'B', time: '2024-05-02 10:00', gross: 150, channel: 'ads' },
	{ id: 'c1', customer: 'C', time: '2024-05-03 10:00', gross: 160, channel: 'search' },
	{ id: 'd1', customer: 'D', time: '2024-05-04 10:00', gross: 170 },
	{ id: 'e1', customer: 'E', time: '2024-05-05 10:00', gross: 50, channel: 'ads' },
	{ id: 'e2', customer: 'E', time: '2024-05-06 10:00', gross: 30 },
	{ id: 'e3', customer: 'E', time: '2024-05-07 10:00', gross: 20 },
	{ id: 'f1', customer: 'F', time: '2024-05-08 10:00', gross: 60, channel: 'search' },
	{ id: 'u1', customer: null, time: '2024-05-09 10:00', gross: 40 },
	{ id: 'g1', customer: 'G', time: '2024-05-10 10:00', gross: 500, status: 'refunded', refund: 500 }
];

const net: Globals = { asOf: '2024-07-01', revenue: 'net', currency: 'CNY' };
const sqlOf = (id: string, p: WhatIfParams = defaults, g = net) => {
	const q = whatif.build(p, g).find((c) => c.id === id);
	if (!q) throw new Error(`no query ${id}`);
	return q.sql;
};

let db: Awaited<ReturnType<typeof createTestEngine>>;
beforeAll(async () => {
	db = await createTestEngine();
	await loadOrders(db, orders);
}, ENGINE_TIMEOUT);
afterAll(() => db.close());

describe('projection', () => {
	test('first order > 140 rising from 25% to 50% repeat', async () => {
		const [r] = await queryRows(db, sqlOf('projection'));
		expect(r).toMatchObject({
			segment: 'in',
			customers: 4,
			repeaters: 1,
			repeat_rate: 0.25,
			target_rate: 0.5,
			extra_repeaters: 1,
			basis: 'segment',
			revenue_per_repeater: 300,
			orders_per_repeater: 2,
			revenue_per_one_timer: 160,
			segment_revenue: 780,
			segment_revenue_projected: 920,
			segment_aov: 156,
			store_revenue: 980,
			store_revenue_projected: 1120,
			store_orders: 10,
			store_orders_projected: 11,
			store_aov: 98
		});
		expect(r.segment_aov_projected).toBeCloseTo(920 / 6);
		expect(r.store_revenue_change).toBeCloseTo(1 / 7);
		expect(r.store_aov_projected).toBeCloseTo(1120 / 11);
		expect(r.store_aov_change).toBeCloseTo(1120 / 11 / 98 - 1);
		expect(whatif.notices!('projection', [r])).toEqual([]);
	});

	test('all customers: 2 of 6 repeat; 50% adds 1 at 200 instead of 135', async () => {
		// Repeaters A 300/2, E 100/3 → 200 and 2.5 orders; one-timers (150+160+170+60)/4 = 135.
		const [r] = await queryRows(db, sqlOf('projection', { ...defaults, segmentBy: 'all' }));
		expect(r).toMatchObject({ customers: 6, repeaters: 2, extra_repeaters: 1 });
		expect(r.store_revenue_projected).toBe(980 + 65);
		expect(r.store_orders_projected).toBe(11.5);
	});

	test('a lower target runs the other way: ads at 50% has 0.5 fewer repeat customers', async () => {
		// ads: A, B, E; repeaters A, E (2/3); 0.5·3 − 2 = −0.5; per repeater 200, 2.5 orders; B 150.
		const p = { ...defaults, segmentBy: 'channel' as const, channel: 'ads' };
		const [r] = await queryRows(db, sqlOf('projection', p));
		expect(r).toMatchObject({ customers: 3, repeaters: 2, extra_repeaters: -0.5 });
		expect(r.store_revenue_projected).toBe(980 - 25);
		expect(r.store_orders_projected).toBe(10 - 0.75);
	});

	test("a segment with no repeat customer uses the store's average repeat customer", async () => {
		// search: C 160, F 60, both once; extra 0.5·2 = 1; 1·(200 − 110) = 90; orders +1.5.
		const p = { ...defaults, segmentBy: 'channel' as const, channel: 'search' };
		const [r] = await queryRows(db, sqlOf('projection', p));
		expect(r).toMatchObject({
			basis: 'store',
			revenue_per_repeater: 200,
			revenue_per_one_timer: 110
		});
		expect(whatif.notices!('projection', [r])).toEqual(['whatif.store-basis']);
		expect(r.store_revenue_projected).toBe(1070);
		const rows = await queryRows(db, sqlOf('assumptions', p));
		expect(rows.map((x) => x.assumption)).toContain('revenue_per_repeater_store');
	});

	test('gross counts the refunded 500 as a one-time buyer above 140', async () => {
		// n 5, repeaters 1; extra 2.5 − 1 = 1.5; one-timers (150+160+170+500)/4 = 245;
		// Δ 1.5·(300 − 245) = 82.5; store 980 + 500 = 1480.
		const [r] = await queryRows(db, sqlOf('projection', defaults, { ...net, revenue: 'gross' }));
		expect(r).toMatchObject({ customers: 5, extra_repeaters: 1.5, store_revenue: 1480 });
		expect(r.store_revenue_projected).toBe(1562.5);
	});

	test('a date range from May 2: A was acquired before it, so only its later order counts, as store revenue', async () => {
		// Acquired in range: B, C, D (> 140, all once), E (3 orders, 100), F. Store 980 − 200 = 780.
		// No repeat customer above 140 → the acquired repeat customers' average: E, 100 and 3 orders.
		// extra 0.5·3 − 0 = 1.5; Δ 1.5·(100 − 160) = −90: E-like spend is below these first orders.
		const [r] = await queryRows(db, sqlOf('projection', defaults, { ...net, from: '2024-05-02' }));
		expect(r).toMatchObject({
			customers: 3,
			repeaters: 0,
			basis: 'store',
			revenue_per_repeater: 100,
			orders_per_repeater: 3,
			store_revenue: 780,
			store_revenue_projected: 690,
			store_orders: 9,
			store_orders_projected: 12
		});
	});

	test('assumptions are listed as rows', async () => {
		const rows = await queryRows(db, sqlOf('assumptions'));
		expect(rows.map((r) => [r.assumption, r.value])).toEqual([
			['customers', 4],
			['current_rate', 25],
			['target_rate', 50],
			['extra_repeaters', 1],
			['revenue_per_repeater', 300],
			['orders_per_repeater', 2],
			['revenue_per_one_timer', 160],
			['nothing_else_changes', null]
		]);
	});

	test('drill: the one-time buyers to bring back', async () => {
		const sql = whatif.customersSql!(defaults, net, 'projection', {});
		expect((await queryRows(db, sql)).map((r) => r.customer_id)).toEqual(['D', 'C', 'B']);
	});
});

describe('segments', () => {
	test('band in / out: customers, repeat rate, revenue share, AOV', async () => {
		const rows = await queryRows(db, sqlOf('segments'));
		expect(
			rows.map((r) => [
				r.segment,
				r.customers,
				r.repeaters,
				r.repeat_rate,
				r.revenue,
				r.orders,
				r.aov,
				r.avg_first_order
			])
		).toEqual([
			['in', 4, 1, 0.25, 780, 5, 156, 170],
			['out', 2, 1, 0.5, 160, 4, 40, 55]
		]);
		expect(rows[0].revenue_share).toBeCloseTo(780 / 980);
	});

	test('channels, with "(none)" for a first order without one', async () => {
		const p = { ...defaults, segmentBy: 'channel' as const };
		const rows = await queryRows(db, sqlOf('segments', p));
		expect(rows.map((r) => [r.segment, r.customers])).toEqual([
			['ads', 3],
			['search', 2],
			['(none)', 1]
		]);
		const sql = whatif.customersSql!(p, net, 'segments', { segment: 'search' });
		expect((await queryRows(db, sql)).map((r) => r.customer_id)).toEqual(['C', 'F']);
	});
});

describe('edge cases', () => {
	test(
		'everybody buys once: no repeat customer anywhere, so no projection',
		async () => {
			const edge = await createTestEngine();
			await loadOrders(edge, [
				{ id: '1', customer: 'X', time: '2024-05-01 10:00', gross: 200 },
				{ id: '2', customer: 'Y', time: '2024-05-01 10:00', gross: 300 }
			]);
			const [r] = await queryRows(edge, sqlOf('projection'));
			expect(r).toMatchObject({
				customers: 2,
				repeat_rate: 0,
				extra_repeaters: 1,
				basis: null,
				store_revenue: 500,
				store_revenue_projected: null
			});
			expect(whatif.notices!('projection', [r])).toEqual(['whatif.no-repeaters']);
			edge.close();
		},
		ENGINE_TIMEOUT
	);

	test('a channel nobody came from: zero customers, nothing projected', async () => {
		const p = { ...defaults, segmentBy: 'channel' as const, channel: "x' OR '1'='1" };
		const [r] = await queryRows(db, sqlOf('projection', p));
		expect(r).toMatchObject({ customers: 0, repeat_rate: null, store_revenue_projected: null });
		expect(whatif.notices!('projection', [r])).toEqual(['whatif.empty-segment']);
	});
});

describe('params from a tampered link', () => {
	test('every query still runs, and param text reaches SQL only inside quotes', async () => {
		await expectTamperedParamsQuoted(db, whatif, net);
	});
});
