import { beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import {
	decodedRowsOf,
	fixtureSql,
	rowsOf,
	type TestOrder
} from '../../../helpers/native-engine.ts';
import { notices } from '../../../../src/analyses/tiers/describe.ts';
import { tiers } from '../../../../src/analyses/tiers/index.ts';
import type { SqlEngine } from '../../../../src/engine/types.ts';
import type { Globals } from '../../../../src/analyses/types.ts';
import { defaults as cellDefaults } from '../../../../src/analyses/tiers/params.ts';
import {
	buildTierCustomersSql,
	buildTierMovementSql,
	buildTierSummarySql,
	buildTiersByMonthSql,
	tiersOf
} from '../../../../src/analyses/tiers/sql.ts';

/*
 * Tiers ≥ 0 / 2000 / 5000 / 20000. As of 2024-07-01; movement from 6 months before: 2024-01-01.
 *   a: 1999.99 on 2023-11-10, 0.01 on 2024-03-05  → tier 1 then, 2000 now → tier 2 (edge)
 *   b: 5000 on 2024-02-01                         → no order then ("—"), tier 3 now
 *   c: 20000 on 2023-12-31                        → tier 4 then and now
 *   d: 100 on 2023-06-01; 3000 on 2024-04-01 refunded → net: tier 1 both; gross: 3100 → tier 2 now
 *   unknown customer: 10000                       → in no tier
 */
const orders: TestOrder[] = [
	{ id: 'a1', customer: 'a', time: '2023-11-10', gross: 1999.99 },
	{ id: 'a2', customer: 'a', time: '2024-03-05', gross: 0.01 },
	{ id: 'b1', customer: 'b', time: '2024-02-01', gross: 5000 },
	{ id: 'c1', customer: 'c', time: '2023-12-31', gross: 20000 },
	{ id: 'd1', customer: 'd', time: '2023-06-01', gross: 100 },
	{ id: 'd2', customer: 'd', time: '2024-04-01', gross: 3000, status: 'refunded', refund: 3000 },
	{ id: 'u1', customer: null, time: '2024-05-01', gross: 10000 }
];
const net: Globals = { asOf: '2024-07-01', revenue: 'net', currency: 'CNY' };

/** The Tmall store's tiers of seed 001, set by hand; the cell's default follows the data. */
const defaults = { ...cellDefaults, thresholds: [0, 2000, 5000, 20000] };

let db: SqlEngine;
beforeAll(async () => {
	db = await createTestEngine();
	await rowsOf(db, fixtureSql(orders));
}, 60_000);

test('tier labels pair sorted thresholds with discounts (seed 001 defaults)', () => {
	expect(tiersOf(defaults).map((t) => t.label)).toEqual([
		'≥ 0 · 95%',
		'≥ 2000 · 92%',
		'≥ 5000 · 90%',
		'≥ 20000 · 88%'
	]);
	expect(
		tiersOf({ ...defaults, thresholds: [500, 100], discounts: [98] }).map((t) => t.label)
	).toEqual(['≥ 100 · 98%', '≥ 500']);
});

describe('tier summary', () => {
	test('net: customers, revenue, AOV per tier; the bound is reached at equality', async () => {
		const rows = await rowsOf(db, buildTierSummarySql(defaults, net));
		// Revenue of known customers: 100 + 2000 + 5000 + 20000 = 27100.
		expect(rows.map((r) => [r.tier, r.customers, r.revenue, r.aov])).toEqual([
			[1, 1, 100, 100], // d
			[2, 1, 2000, 1000], // a: two orders (1999.99 + 0.01 = 2000 exactly in doubles)
			[3, 1, 5000, 5000], // b
			[4, 1, 20000, 20000] // c
		]);
		expect(rows[3].revenue_share).toBeCloseTo(20000 / 27100, 12);
		expect(rows[0].customer_share).toBe(0.25);
	});

	test('gross: the refunded 3000 counts, lifting d to tier 2', async () => {
		const rows = await rowsOf(db, buildTierSummarySql(defaults, { ...net, revenue: 'gross' }));
		expect(rows.map((r) => [r.tier, r.customers, r.revenue])).toEqual([
			[1, 0, 0],
			[2, 2, 5100], // a 2000 + d 3100
			[3, 1, 5000],
			[4, 1, 20000]
		]);
	});

	test('a first threshold above 0 puts small spenders below the first tier', async () => {
		const rows = await rowsOf(
			db,
			buildTierSummarySql({ ...defaults, thresholds: [1000, 10000], discounts: [] }, net)
		);
		expect(rows.map((r) => [r.tier, r.tier_label, r.customers])).toEqual([
			[0, '< 1000', 1], // d
			[1, '≥ 1000', 2], // a, b
			[2, '≥ 10000', 1] // c
		]);
		const p = { ...defaults, thresholds: [1000, 10000], discounts: [] };
		const decoded = await decodedRowsOf(db, buildTierSummarySql(p, net));
		expect(tiers.notices!('summary', decoded)).toEqual(['tiers.below-first']);
		expect(notices['tiers.below-first']).toBeDefined();
	});
});

test('with no thresholds set, the tiers split the store’s own customers by spend', async () => {
	// Net spend of known customers: d 100, a 2000, b 5000, c 20000. Interpolated quantiles:
	// 50% 2000 + 0.5 × 3000 = 3500; 80% 5000 + 0.4 × 15000 = 11000; 95% 5000 + 0.85 × 15000 = 17750,
	// rounded to two significant digits: 18000.
	expect(cellDefaults.thresholds).toEqual([]);
	const rows = await rowsOf(db, buildTierSummarySql(cellDefaults, net));
	expect(rows.map((r) => [r.tier, r.tier_label, r.min_spend, r.customers])).toEqual([
		[1, '≥ 0 · 95%', 0, 2], // d, a
		[2, '≥ 3500 · 92%', 3500, 1], // b
		[3, '≥ 11000 · 90%', 11000, 0],
		[4, '≥ 18000 · 88%', 18000, 1] // c
	]);
	const moved = await rowsOf(db, buildTierMovementSql(cellDefaults, net));
	expect(moved.map((r) => r.to_label)).toContain('≥ 18000 · 88%');
	const byMonth = await rowsOf(db, buildTiersByMonthSql(cellDefaults, net));
	expect(byMonth.length).toBeGreaterThan(0);
});

describe('tier movement and tiers by month', () => {
	test('the movement axis names the months chosen', () => {
		const q = tiers.build({ ...defaults, monthsBack: 3 }, net)[1];
		expect(q.chart).toMatchObject({ yLabel: { en: 'Tier 3 months ago', zh: '3 个月前等级' } });
	});

	test('tier 6 months before the as-of date × tier now', async () => {
		const rows = await rowsOf(db, buildTierMovementSql(defaults, net));
		expect(rows.map((r) => [r.from_label, r.to_label, r.customers])).toEqual([
			['—', '≥ 5000 · 90%', 1], // b
			['≥ 0 · 95%', '≥ 0 · 95%', 1], // d
			['≥ 0 · 95%', '≥ 2000 · 92%', 1], // a
			['≥ 20000 · 88%', '≥ 20000 · 88%', 1] // c
		]);
		expect(rows[0]).toMatchObject({
			from_tier: -1,
			to_tier: 3,
			from_date: '2024-01-01T00:00:00.000Z'
		});
	});

	test('customers per tier at the end of each month', async () => {
		const rows = await rowsOf(db, buildTiersByMonthSql(defaults, net));
		const at = (month: string) =>
			rows.filter((r) => String(r.month).startsWith(month)).map((r) => [r.tier, r.customers]);
		expect(at('2023-06')).toEqual([[1, 1]]); // d
		expect(at('2023-11')).toEqual([[1, 2]]); // d, a
		expect(at('2024-01')).toEqual([
			[1, 2],
			[4, 1]
		]); // c joined on Dec 31
		expect(at('2024-03')).toEqual([
			[1, 1],
			[2, 1],
			[3, 1],
			[4, 1]
		]); // a reached 2000
		// Every month from the first order to the last, none skipped: Jun 2023 … Mar 2024 = 10 months.
		expect(new Set(rows.map((r) => r.month)).size).toBe(10);
	});

	test('drill: a tier, a movement cell, a tier in a month', async () => {
		const ids = async (sql: string) => (await rowsOf(db, sql)).map((r) => r.customer_id);
		expect(await ids(buildTierCustomersSql(defaults, net, 'summary', { tier: 2 }))).toEqual(['a']);
		expect(
			await ids(buildTierCustomersSql(defaults, net, 'movement', { from_tier: -1, to_tier: 3 }))
		).toEqual(['b']);
		expect(
			await ids(
				buildTierCustomersSql(defaults, net, 'by-month', {
					month: new Date(Date.UTC(2024, 2, 1)),
					tier: 1
				})
			)
		).toEqual(['d']);
	});
});
