import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import {
	expectTamperedParamsQuoted,
	loadOrders,
	queryRows,
	type FixtureOrder
} from '../../../helpers/orders-fixture.ts';
import { lifecycle } from '../../../../src/analyses/lifecycle/index.ts';
import { defaults } from '../../../../src/analyses/lifecycle/params.ts';
import type { Globals } from '../../../../src/analyses/types.ts';

/** Starting duckdb-wasm takes ~1 s, much longer while other suites load the machine. */
const ENGINE_TIMEOUT = 60_000;

/*
 * As of 2024-07-01 (days counted to it: 2024-06-30 is 1 day ago).
 *   A  05-22 100, 06-11 100                 gaps 20          last 20 d  → active (≤ 20, boundary)
 *   B  04-01 30, 04-01 20 (same day), 05-01 50   gaps 30 (same day collapses)  last 61 d → churned
 *   C  04-22 40 refund 10, 05-02 10, 05-02 10 (same day)  gap 10   last 60 d → dormant (≤ 60, boundary)
 *   D  06-01 70                              first 30 d → new (≤ 30, boundary)
 *   E  05-31 90                              first 31 d → not new; last 31 d → dormant
 *   H  04-10 20, 04-20 20, 06-15 60          gaps 10, 56      last 16 d → active
 *   F  06-10 80 refunded                     net: not an order; gross: new
 *   -  06-12 50, no customer id              unknown revenue
 * Gaps between distinct order days: 20, 30, 10, 10, 56 → sorted 10 10 20 30 56 → median 20.
 * (Counting same-day orders as 0-day gaps would give 0 0 10 10 20 30 56 → median 10.)
 * Cycle 20 → active ≤ 20 d, dormant ≤ 60 d, churned beyond; new ≤ 30 d.
 */
const orders: FixtureOrder[] = [
	{ id: 'a1', customer: 'A', time: '2024-05-22 10:00', gross: 100 },
	{ id: 'a2', customer: 'A', time: '2024-06-11 10:00', gross: 100 },
	{ id: 'b1', customer: 'B', time: '2024-04-01 09:00', gross: 30 },
	{ id: 'b2', customer: 'B', time: '2024-04-01 15:00', gross: 20 },
	{ id: 'b3', customer: 'B', time: '2024-05-01 12:00', gross: 50 },
	{ id: 'c1', customer: 'C', time: '2024-04-22 12:00', gross: 40, refund: 10 },
	{ id: 'c2', customer: 'C', time: '2024-05-02 10:00', gross: 10 },
	{ id: 'c3', customer: 'C', time: '2024-05-02 18:00', gross: 10 },
	{ id: 'd1', customer: 'D', time: '2024-06-01 08:00', gross: 70 },
	{ id: 'e1', customer: 'E', time: '2024-05-31 23:59', gross: 90 },
	{ id: 'h1', customer: 'H', time: '2024-04-10 10:00', gross: 20 },
	{ id: 'h2', customer: 'H', time: '2024-04-20 10:00', gross: 20 },
	{ id: 'h3', customer: 'H', time: '2024-06-15 10:00', gross: 60 },
	{ id: 'f1', customer: 'F', time: '2024-06-10 10:00', gross: 80, status: 'refunded', refund: 80 },
	{ id: 'g1', customer: null, time: '2024-06-12 10:00', gross: 50 }
];

const net: Globals = { asOf: '2024-07-01', revenue: 'net', currency: 'CNY' };
const gross: Globals = { ...net, revenue: 'gross' };
const sqlOf = (id: string, p = defaults, g = net) => {
	const q = lifecycle.build(p, g).find((c) => c.id === id);
	if (!q) throw new Error(`no query ${id}`);
	return q.sql;
};

let db: Awaited<ReturnType<typeof createTestEngine>>;
beforeAll(async () => {
	db = await createTestEngine();
	await loadOrders(db, orders);
}, ENGINE_TIMEOUT);
afterAll(() => db.close());

describe('lifecycle rule', () => {
	test('cycle is the median gap between distinct order days', async () => {
		const rows = await queryRows(db, sqlOf('rule'));
		expect(lifecycle.notices!('rule', rows)).toEqual(['lifecycle.few-gaps']); // 5 gaps < 30
		expect(rows).toEqual([
			{
				cycle_days: 20,
				cycle_source: 'median',
				median_gap: 20,
				gaps: 5,
				active_days: 20,
				dormant_days: 60,
				new_days: 30
			}
		]);
	});

	test('a set cycle and day overrides win; multiples round to whole days', async () => {
		// cycle 7 × 1.5 = 10.5 → 11 (rounded half away from zero); dormant set to 45 days.
		const p = { ...defaults, cycleDays: 7, activeMultiple: 1.5, dormantDays: 45 };
		const [rule] = await queryRows(db, sqlOf('rule', p));
		expect(lifecycle.notices!('rule', [rule])).toEqual([]);
		expect(rule).toMatchObject({
			cycle_days: 7,
			cycle_source: 'set',
			active_days: 11,
			dormant_days: 45
		});
	});
});

describe('stages at the as-of date', () => {
	test('boundaries: 20 d active, 60 d dormant, 61 d churned, first order 30 d ago new', async () => {
		// Revenue (net): D 70 | A 200 + H 100 | C 30+10+10 + E 90 | B 100 | unknown 50 → total 660.
		const rows = await queryRows(db, sqlOf('stages'));
		expect(rows.map((r) => [r.stage, r.customers, r.orders, r.revenue])).toEqual([
			['new', 1, 1, 70],
			['active', 2, 5, 300],
			['dormant', 2, 4, 140],
			['churned', 1, 3, 100],
			['unknown', null, 1, 50]
		]);
		expect(rows[1].customer_share).toBeCloseTo(2 / 6);
		expect(rows[2].revenue_share).toBeCloseTo(140 / 660);
		expect(rows[4].customer_share).toBeNull();
		expect(rows[2].avg_days_since_last).toBe(45.5); // (C 60 + E 31) / 2
	});

	test('gross counts the refunded order: F (21 days ago) is new, C keeps its refund', async () => {
		const rows = await queryRows(db, sqlOf('stages', defaults, gross));
		expect(rows.map((r) => [r.stage, r.customers, r.revenue])).toEqual([
			['new', 2, 150], // D 70 + F 80
			['active', 2, 300],
			['dormant', 2, 150], // C 40+10+10 + E 90
			['churned', 1, 100],
			['unknown', null, 50]
		]);
	});

	test('an active threshold of 19 days moves A (20 days) to dormant', async () => {
		const rows = await queryRows(db, sqlOf('stages', { ...defaults, activeDays: 19 }));
		expect(rows.map((r) => [r.stage, r.customers])).toEqual([
			['new', 1],
			['active', 1],
			['dormant', 3],
			['churned', 1],
			['unknown', null]
		]);
	});

	test('from May 2: H (first order April 10, in range only June 15) is active, not new', async () => {
		// In range: A 05-22 06-11, C 05-02 ×2, D, E, H 06-15; B's last order (05-01) is out.
		// Gaps in range: A 20 → cycle 20 as before. "New" looks at the first-ever order.
		const rows = await queryRows(db, sqlOf('stages', defaults, { ...net, from: '2024-05-02' }));
		expect(rows.map((r) => [r.stage, r.customers])).toEqual([
			['new', 1],
			['active', 2],
			['dormant', 2],
			['churned', 0],
			['unknown', null]
		]);
	});

	test('drill: the dormant customers, most recent first', async () => {
		const sql = lifecycle.customersSql!(defaults, net, 'stages', { stage: 'dormant' });
		const rows = await queryRows(db, sql);
		expect(rows.map((r) => [r.customer_id, r.days_since_last, r.orders, r.revenue])).toEqual([
			['E', 31, 1, 90],
			['C', 60, 3, 50]
		]);
	});
});

describe('stages over time and reactivation (3 months)', () => {
	const p = { ...defaults, months: 3 };

	test('month-end snapshots use only earlier orders', async () => {
		/*
		 * End of April (snapshot 05-01): B first 04-01 = 30 d, C 9 d, H 21 d → all new.
		 * End of May (06-01): A 10 d and E 1 d new; B last 31 d, C 30 d, H 42 d → dormant.
		 * End of June (07-01 = as-of): as in the stage table.
		 */
		const rows = await queryRows(db, sqlOf('trend', p));
		const byMonth = (d: string) =>
			rows.filter((r) => (r.month_end as Date).toISOString().startsWith(d)).map((r) => r.customers);
		expect(rows).toHaveLength(12);
		expect(byMonth('2024-04-30')).toEqual([3, 0, 0, 0]);
		expect(byMonth('2024-05-31')).toEqual([2, 0, 3, 0]);
		expect(byMonth('2024-06-30')).toEqual([1, 2, 2, 1]);
	});

	test('reactivation: of B, C, H dormant on June 1, only H ordered in June', async () => {
		const rows = await queryRows(db, sqlOf('reactivation', p));
		expect(
			rows.map((r) => [
				(r.month as Date).toISOString().slice(0, 10),
				r.dormant_at_start,
				r.reactivated,
				r.reactivation_rate
			])
		).toEqual([
			['2024-04-01', 0, 0, null],
			['2024-05-01', 0, 0, null],
			['2024-06-01', 3, 1, 1 / 3]
		]);
	});

	test('drill: dormant at the start of June, reactivated first', async () => {
		const sql = lifecycle.customersSql!(p, net, 'reactivation', {
			month: new Date(Date.UTC(2024, 5, 1))
		});
		const rows = await queryRows(db, sql);
		expect(rows.map((r) => [r.customer_id, r.reactivated])).toEqual([
			['H', true],
			['B', false],
			['C', false]
		]);
	});

	test('drill: dormant at the end of May', async () => {
		const sql = lifecycle.customersSql!(p, net, 'trend', {
			month_end: new Date(Date.UTC(2024, 4, 31)),
			stage: 'dormant'
		});
		const rows = await queryRows(db, sql);
		expect(rows.map((r) => [r.customer_id, r.days_since_last])).toEqual([
			['C', 30],
			['B', 31],
			['H', 42]
		]);
	});
});

describe('edge cases', () => {
	let edge: Awaited<ReturnType<typeof createTestEngine>>;
	beforeAll(async () => {
		edge = await createTestEngine();
	}, ENGINE_TIMEOUT);
	afterAll(() => edge.close());

	test('everybody buys once: no gaps, the cycle falls back to 90 days', async () => {
		await loadOrders(edge, [
			{ id: '1', customer: 'X', time: '2024-06-20 10:00', gross: 10 },
			{ id: '2', customer: 'Y', time: '2024-03-01 10:00', gross: 10 },
			{ id: '3', customer: 'Z', time: '2023-06-01 10:00', gross: 10 }
		]);
		const [rule] = await queryRows(edge, sqlOf('rule'));
		expect(lifecycle.notices!('rule', [rule])).toEqual(['lifecycle.cycle-fallback']);
		expect(rule).toMatchObject({
			cycle_days: 90,
			cycle_source: 'fallback',
			median_gap: null,
			gaps: 0,
			active_days: 90,
			dormant_days: 270
		});
		// X 11 d → new; Y 122 d → dormant (≤ 270); Z 396 d → churned.
		const rows = await queryRows(edge, sqlOf('stages'));
		expect(rows.map((r) => r.customers)).toEqual([1, 0, 1, 1]);
	});

	test('one customer with two orders on one day: one visit, no gap', async () => {
		await loadOrders(edge, [
			{ id: '1', customer: 'X', time: '2024-06-20 10:00', gross: 10 },
			{ id: '2', customer: 'X', time: '2024-06-20 11:00', gross: 15 }
		]);
		const [rule] = await queryRows(edge, sqlOf('rule'));
		expect(rule).toMatchObject({ gaps: 0, cycle_source: 'fallback' });
		const rows = await queryRows(edge, sqlOf('stages'));
		expect(rows.map((r) => [r.stage, r.customers, r.orders, r.revenue])).toEqual([
			['new', 1, 2, 25],
			['active', 0, 0, 0],
			['dormant', 0, 0, 0],
			['churned', 0, 0, 0]
		]);
	});

	test('every value reaches SQL quoted', () => {
		const sql = lifecycle.customersSql!(defaults, net, 'stages', { stage: "x' OR 1=1 --" });
		expect(sql).toContain("'x'' OR 1=1 --'");
		expect(() =>
			lifecycle.customersSql!(defaults, net, 'trend', { month_end: '1; DROP' })
		).toThrow();
	});
});

describe('params from a tampered link', () => {
	test('every query still runs, and param text reaches SQL only inside quotes', async () => {
		await expectTamperedParamsQuoted(db, lifecycle, net);
	});
});
