import { beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import {
	decodedRowsOf,
	fixtureSql,
	rowsOf,
	type TestOrder
} from '../../../helpers/native-engine.ts';
import { notices } from '../../../../src/analyses/overview/describe.ts';
import type { SqlEngine } from '../../../../src/engine/types.ts';
import type { Globals } from '../../../../src/analyses/types.ts';
import { overview } from '../../../../src/analyses/overview/index.ts';
import {
	buildKpisSql,
	buildMonthlyOrdersSql,
	buildMonthlyRevenueSql,
	buildOverviewCustomersSql
} from '../../../../src/analyses/overview/sql.ts';

/*
 * a: Jan 100, Feb 50.            b: Feb 80 with 30 refunded (net 50), Mar 3 twice the same day (40, 60).
 * c: Mar 200, refunded in full.  d: Mar 90.        unknown customer: Mar 100.
 * b's March orders and d's came through the app.
 */
const orders: TestOrder[] = [
	{ id: 'o1', customer: 'a', time: '2024-01-10', gross: 100 },
	{ id: 'o2', customer: 'a', time: '2024-02-05', gross: 50 },
	{ id: 'o3', customer: 'b', time: '2024-02-20', gross: 80, refund: 30 },
	{ id: 'o4', customer: 'b', time: '2024-03-03 10:00', gross: 40, channel: 'app' },
	{ id: 'o5', customer: 'b', time: '2024-03-03 15:00', gross: 60, channel: 'app' },
	{ id: 'o6', customer: 'c', time: '2024-03-10', gross: 200, status: 'refunded', refund: 200 },
	{ id: 'o7', customer: null, time: '2024-03-15', gross: 100 },
	{ id: 'o8', customer: 'd', time: '2024-03-20', gross: 90, channel: 'app' }
];
const net: Globals = { asOf: '2024-04-01', revenue: 'net', currency: 'CNY' };
const gross: Globals = { ...net, revenue: 'gross' };

let db: SqlEngine;
beforeAll(async () => {
	db = await createTestEngine();
	await rowsOf(db, fixtureSql(orders));
}, 60_000);

describe('KPIs: last complete month (March) vs February', () => {
	test('net: refunded order out, refund subtracted, same-day orders separate, unknown in revenue only', async () => {
		const [k] = await rowsOf(db, buildKpisSql({ compare: 'month' }, net));
		// March net: o4 40 + o5 60 + o7 100 + o8 90 = 290 from 4 orders; customers b, d (unknown not counted).
		// February net: o2 50 + o3 (80 − 30) 50 = 100 from 2 orders by a and b.
		expect(k).toMatchObject({
			period_start: '2024-03-01T00:00:00.000Z',
			period_end: '2024-03-31T00:00:00.000Z',
			previous_start: '2024-02-01T00:00:00.000Z',
			previous_end: '2024-02-29T00:00:00.000Z',
			customers: 2,
			customers_previous: 2,
			customers_change: 0,
			orders: 4,
			orders_previous: 2,
			orders_change: 1, // (4 − 2) ÷ 2
			revenue: 290,
			revenue_previous: 100,
			aov: 72.5, // 290 ÷ 4
			aov_previous: 50,
			repeat_rate: 0.5, // b has 2 orders (same day), d has 1
			repeat_rate_previous: 0,
			repeat_rate_change: 0.5, // percentage points
			unknown_share_previous: 0
		});
		expect(k.revenue_change).toBeCloseTo(1.9, 12); // (290 − 100) ÷ 100
		expect(k.aov_change).toBeCloseTo(0.45, 12); // (72.5 − 50) ÷ 50
		expect(k.unknown_share).toBeCloseTo(100 / 290, 12);
		// A third of March's revenue has no customer id: worth a notice.
		const rows = await decodedRowsOf(db, buildKpisSql({ compare: 'month' }, net));
		expect(overview.notices!('kpis', rows)).toEqual(['overview.many-unknown']);
		expect(notices['overview.many-unknown']).toBeDefined();
	});

	test('gross: the refunded order and the refunded part count', async () => {
		const [k] = await rowsOf(db, buildKpisSql({ compare: 'month' }, gross));
		// March gross: 40 + 60 + 200 + 100 + 90 = 490, 5 orders, customers b, c, d; February 50 + 80 = 130.
		expect(k).toMatchObject({
			customers: 3,
			orders: 5,
			revenue: 490,
			revenue_previous: 130,
			aov: 98
		});
		expect(k.repeat_rate).toBeCloseTo(1 / 3, 12);
		expect(k.unknown_share).toBeCloseTo(100 / 490, 12);
	});

	test('period mode: the filtered period against the equally long period before it', async () => {
		const g: Globals = { ...net, from: '2024-03-01', to: '2024-03-31' };
		const [k] = await rowsOf(db, buildKpisSql({ compare: 'period' }, g));
		// 31 days from Mar 1; the previous 31 days start on Jan 30 and hold o2 and o3 (not o1, Jan 10).
		expect(k).toMatchObject({
			period_start: '2024-03-01T00:00:00.000Z',
			period_end: '2024-03-31T00:00:00.000Z',
			previous_start: '2024-01-30T00:00:00.000Z',
			revenue: 290,
			revenue_previous: 100,
			orders_previous: 2
		});
	});

	test('all-time returning share: known customers with ≥ 2 orders before the as-of date', async () => {
		const [k] = await rowsOf(db, buildKpisSql({ compare: 'month' }, net));
		// Net: a (o1, o2) and b (o3, o4, o5) ordered twice or more; d once; c's only order was refunded.
		expect(k.returning_share).toBeCloseTo(2 / 3, 12);
	});

	test('year mode: March against March a year earlier, which has no orders', async () => {
		const [k] = await rowsOf(db, buildKpisSql({ compare: 'year' }, net));
		expect(k).toMatchObject({
			period_start: '2024-03-01T00:00:00.000Z',
			previous_start: '2023-03-01T00:00:00.000Z',
			previous_end: '2023-03-31T00:00:00.000Z',
			revenue: 290,
			orders_previous: 0,
			revenue_change: null
		});
		const rows = await decodedRowsOf(db, buildKpisSql({ compare: 'year' }, net));
		expect(overview.notices!('kpis', rows)).toContain('overview.no-previous');
		// Data that ends before a whole month has passed: the window is empty, and the cell says why.
		const early = await decodedRowsOf(
			db,
			buildKpisSql({ compare: 'month' }, { ...net, asOf: '2024-01-20' })
		);
		expect(overview.notices!('kpis', early)).toEqual(['overview.empty-period']);
		expect(notices['overview.empty-period']).toBeDefined();
	});

	test('all-time mode: everything before the as-of date, no previous window', async () => {
		const [k] = await rowsOf(db, buildKpisSql({ compare: 'all' }, net));
		// Net: 100 + 50 + 50 + 40 + 60 + 100 + 90 = 490 from 7 paid orders; customers a, b, d.
		expect(k).toMatchObject({
			period_start: '2024-01-10T00:00:00.000Z',
			period_end: '2024-03-31T00:00:00.000Z',
			previous_start: null,
			previous_end: null,
			customers: 3,
			orders: 7,
			revenue: 490,
			orders_previous: 0
		});
		expect(k.repeat_rate).toBeCloseTo(2 / 3, 12);
		// Nothing to compare with is not worth a notice here: it is what was asked for.
		const rows = await decodedRowsOf(db, buildKpisSql({ compare: 'all' }, net));
		expect(overview.notices!('kpis', rows)).not.toContain('overview.no-previous');
	});
});

describe('revenue by month, new vs returning', () => {
	test('net: a customer is new in the month of their first-ever order', async () => {
		const rows = await rowsOf(db, buildMonthlyRevenueSql({ compare: 'month' }, net));
		expect(
			rows.map((r) => [r.month?.toString().slice(0, 7), r.customer_type, r.revenue, r.orders])
		).toEqual([
			['2024-01', 'new', 100, 1], // a
			['2024-02', 'new', 50, 1], // b: 80 − 30
			['2024-02', 'returning', 50, 1], // a
			['2024-03', 'new', 90, 1], // d
			['2024-03', 'returning', 100, 2], // b, two orders on one day
			['2024-03', 'unknown', 100, 1]
		]);
	});

	test('gross: c, whose only order was refunded, is a new customer in March', async () => {
		const rows = await rowsOf(db, buildMonthlyRevenueSql({ compare: 'month' }, gross));
		const march = rows.filter((r) => String(r.month).startsWith('2024-03'));
		// new: c 200 + d 90; returning: b 40 + 60; unknown 100. Shares of 490.
		expect(march.map((r) => [r.customer_type, r.revenue, r.customers])).toEqual([
			['new', 290, 2],
			['returning', 100, 1],
			['unknown', 100, 0]
		]);
		expect(march[0].revenue_share).toBeCloseTo(290 / 490, 12);
	});

	test('"first-ever" looks before the date range: b is returning in March', async () => {
		const g: Globals = { ...net, from: '2024-03-01' };
		const rows = await rowsOf(db, buildMonthlyRevenueSql({ compare: 'month' }, g));
		expect(rows.map((r) => [r.customer_type, r.revenue])).toEqual([
			['new', 90],
			['returning', 100],
			['unknown', 100]
		]);
	});

	test('and past the channel filter: b, whose first order was not in the app, is returning', async () => {
		const g: Globals = { ...net, channels: ['app'] };
		const rows = await rowsOf(db, buildMonthlyRevenueSql({ compare: 'month' }, g));
		expect(rows.map((r) => [r.customer_type, r.revenue])).toEqual([
			['new', 90],
			['returning', 100]
		]);
	});

	test('orders per month count every order, unknown customers included', async () => {
		const rows = await rowsOf(db, buildMonthlyOrdersSql({ compare: 'month' }, net));
		expect(rows.map((r) => [r.orders, r.customers, r.revenue])).toEqual([
			[1, 1, 100],
			[2, 2, 100],
			[4, 2, 290]
		]);
	});

	test('drill: the returning customers of March, from a decoded Date', async () => {
		const sql = buildOverviewCustomersSql({ compare: 'month' }, net, {
			month: new Date(Date.UTC(2024, 2, 1)),
			customer_type: 'returning'
		});
		expect(await rowsOf(db, sql)).toEqual([
			{
				customer_id: 'b',
				customer_type: 'returning',
				orders: 2,
				revenue: 100,
				first_order_in_month: '2024-03-03T10:00:00.000Z'
			}
		]);
	});
});

test('the cell has its three queries; every compared KPI has a change column, rates in points', () => {
	const qs = overview.build(overview.defaults, net);
	expect(qs.map((q) => q.id)).toEqual(['kpis', 'monthly-revenue', 'monthly-orders']);
	const kpis = qs[0].chart;
	if (kpis?.kind !== 'kpis') throw new Error('no KPI tiles');
	const compared = kpis.items.filter((i) => i.change);
	expect(compared.every((i) => i.change === `${i.key}_change`)).toBe(true);
	expect(compared.filter((i) => i.changeIn === 'points').map((i) => i.key)).toEqual([
		'repeat_rate',
		'unknown_share'
	]);
	expect(kpis.items.map((i) => i.key)).toContain('returning_share');
	expect(kpis.period?.start).toBe('period_start');
});

test('one customer, one order: no previous period gives no change, not a division error', async () => {
	// Runs last: it replaces the fixture.
	await rowsOf(db, fixtureSql([{ id: 'x', customer: 'z', time: '2024-03-05', gross: 10 }]));
	const [k] = await rowsOf(db, buildKpisSql({ compare: 'month' }, net));
	expect(k).toMatchObject({
		customers: 1,
		orders: 1,
		revenue: 10,
		customers_previous: 0,
		customers_change: null,
		revenue_change: null,
		aov_previous: null,
		repeat_rate: 0,
		unknown_share: 0
	});
	const rows = await decodedRowsOf(db, buildKpisSql({ compare: 'month' }, net));
	expect(overview.notices!('kpis', rows)).toEqual(['overview.no-previous']);
	expect(notices['overview.no-previous']).toBeDefined();
});
