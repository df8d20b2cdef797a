/**
 * Repurchase windows count calendar days, and "orders on the same day count as one purchase"
 * applies alike to the repeat rate, the windows and the cycle. Every query these change gives the
 * same rows on duckdb-wasm (the page) and native DuckDB.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import {
	createNativeEngine,
	fixtureSql,
	rowsOf,
	type NativeEngine,
	type PlainRow,
	type TestOrder
} from '../../../helpers/native-engine.ts';
import type { SqlEngine } from '../../../../src/engine/types.ts';
import type { Globals } from '../../../../src/analyses/types.ts';
import { repurchase } from '../../../../src/analyses/repurchase/index.ts';
import { definitionOf } from '../../../../src/analyses/registry.ts';
import { defaults } from '../../../../src/analyses/repurchase/params.ts';
import {
	buildBreakdownSql,
	buildCycleSql,
	buildGapsSql,
	buildRepurchaseCustomersSql,
	buildWindowsSql
} from '../../../../src/analyses/repurchase/sql.ts';

/*
 * As of 2024-07-01: the data's last day is Jun 30, so a 30-day window (the first order's date and
 * the 30 dates after it) is observed when the first order is dated May 31 or earlier.
 *   a  Mar 1 23:50, Mar 31 00:10   30 days (29 d 0 h 20 min)    → repurchased
 *   b  Mar 1 00:10, Mar 31 23:50   30 days (30 d 23 h 40 min)   → repurchased (not in 30 × 24 h)
 *   c  Mar 1 23:50, Apr 1 00:10    31 days (30 d 0 h 20 min)    → not repurchased
 *   d  May 31 23:50, Jun 30 00:10  first order late on the last eligible day: eligible; 30 days
 *   e  Jun 1 00:00, Jun 15 10:00   window ends Jul 1, not in the data: censored at any clock time
 *   f  Jun 1 23:50                 censored, one order
 *   g  Mar 10 10:00, Mar 10 18:00, Apr 20 10:00   second order the same day; next day 41 days on
 *   h  Mar 15 09:00, Mar 15 21:00  two orders, one day
 * Each order counts: eligible a b c d g h; repurchased a b d g (0 days) h (0 days) → 5 / 6.
 * Same day as one purchase: g's second purchase is Apr 20 (41 days), h has none → a b d → 3 / 6.
 */
const orders: TestOrder[] = [
	{ id: 'a1', customer: 'a', time: '2024-03-01 23:50', gross: 10 },
	{ id: 'a2', customer: 'a', time: '2024-03-31 00:10', gross: 10 },
	{ id: 'b1', customer: 'b', time: '2024-03-01 00:10', gross: 10 },
	{ id: 'b2', customer: 'b', time: '2024-03-31 23:50', gross: 10 },
	{ id: 'c1', customer: 'c', time: '2024-03-01 23:50', gross: 10 },
	{ id: 'c2', customer: 'c', time: '2024-04-01 00:10', gross: 10 },
	{ id: 'd1', customer: 'd', time: '2024-05-31 23:50', gross: 10 },
	{ id: 'd2', customer: 'd', time: '2024-06-30 00:10', gross: 10 },
	{ id: 'e1', customer: 'e', time: '2024-06-01 00:00', gross: 10 },
	{ id: 'e2', customer: 'e', time: '2024-06-15 10:00', gross: 10 },
	{ id: 'f1', customer: 'f', time: '2024-06-01 23:50', gross: 10 },
	{ id: 'g1', customer: 'g', time: '2024-03-10 10:00', gross: 10 },
	{ id: 'g2', customer: 'g', time: '2024-03-10 18:00', gross: 10 },
	{ id: 'g3', customer: 'g', time: '2024-04-20 10:00', gross: 10 },
	{ id: 'h1', customer: 'h', time: '2024-03-15 09:00', gross: 10 },
	{ id: 'h2', customer: 'h', time: '2024-03-15 21:00', gross: 10 }
];
/** The same orders without times of day (the fixture puts them at noon). */
const dateOnly = orders.map((o) => ({ ...o, time: o.time.slice(0, 10) }));

const g: Globals = { asOf: '2024-07-01', revenue: 'net', currency: 'CNY' };
const each = { ...defaults, windows: [30] };
const once = { ...each, sameDayOnePurchase: true };

let wasm: SqlEngine & { close(): void };
let native: NativeEngine;

async function load(rows: TestOrder[]) {
	await rowsOf(wasm, fixtureSql(rows));
	const r = await native.query(fixtureSql(rows));
	if (!r.ok) throw new Error(r.error.detail);
}

beforeAll(async () => {
	wasm = await createTestEngine();
	native = await createNativeEngine();
	await load(orders);
}, 60_000);
afterAll(() => {
	wasm.close();
	native.close();
});

describe('repurchase within 30 days, by calendar dates', () => {
	test('each order counts: 5 of 6 eligible customers', async () => {
		const rows = await rowsOf(wasm, buildWindowsSql(each, g));
		expect(rows).toEqual([
			{ window_days: 30, eligible: 6, repurchased: 5, rate: 5 / 6, censored: 2 }
		]);
		const who = await rowsOf(
			wasm,
			buildRepurchaseCustomersSql(each, g, 'windows', { window_days: 30 })
		);
		// Non-repurchasers first, then by first order time.
		expect(who.map((r) => [r.customer_id, r.repurchased])).toEqual([
			['c', false],
			['b', true],
			['a', true],
			['g', true],
			['h', true],
			['d', true]
		]);
	});

	test('same-day orders as one purchase: 3 of 6', async () => {
		const rows = await rowsOf(wasm, buildWindowsSql(once, g));
		expect(rows).toEqual([
			{ window_days: 30, eligible: 6, repurchased: 3, rate: 0.5, censored: 2 }
		]);
		const who = await rowsOf(
			wasm,
			buildRepurchaseCustomersSql(once, g, 'windows', { window_days: 30 })
		);
		expect(who.filter((r) => r.repurchased).map((r) => r.customer_id)).toEqual(['b', 'a', 'd']);
		// g's second purchase is its next day's order, not the same-day one; h has none.
		expect(who.find((r) => r.customer_id === 'g')!.second_time).toBe('2024-04-20T10:00:00.000Z');
		expect(who.find((r) => r.customer_id === 'h')!.second_time).toBeNull();
	});
});

describe('repeat rate and cycle follow the same-day option', () => {
	test('repeat rate: h (two orders, one day) repeats only when each order counts', async () => {
		const rate = async (p: typeof each) =>
			(await rowsOf(wasm, buildBreakdownSql(p, g, 'channel'))).map((r) => [
				r.grp,
				r.customers,
				r.repeat_customers,
				r.aov
			]);
		// 8 customers, 15 orders of 10 (AOV per order either way); one order: f only.
		expect(await rate(each)).toEqual([['(none)', 8, 7, 10]]);
		expect(await rate(once)).toEqual([['(none)', 8, 6, 10]]);
	});

	test('cycle: 0-day gaps of g and h only when each order counts', async () => {
		// Each: 30 (a), 30 (b), 31 (c), 30 (d), 14 (e), 0 and 41 (g), 0 (h) → 8 gaps of 7 customers;
		// sorted 0 0 14 30 30 30 31 41, median 30. Once: 14 30 30 30 31 41 of 6, median 30.
		const cycle = async (p: typeof each) => (await rowsOf(wasm, buildCycleSql(p, g)))[0];
		expect(await cycle(each)).toMatchObject({ gaps: 8, customers: 7, median_days: 30 });
		expect(await cycle(once)).toMatchObject({ gaps: 6, customers: 6, median_days: 30 });
	});

	test('the definition says how purchases are counted', () => {
		const text = (p: Record<string, unknown>) => definitionOf(repurchase, p);
		expect(text({}).en).toContain('Every order counts as a purchase');
		expect(text({ sameDayOnePurchase: true }).en).toContain(
			'Orders of one customer on the same calendar day count as one purchase'
		);
		expect(text({ sameDayOnePurchase: true }).zh).toContain('同一自然日的多笔订单算作一次购买');
		expect(text({}).zh).not.toEqual(text({ sameDayOnePurchase: true }).zh);
		expect(repurchase.definition).toEqual(text({}));
	});
});

/** Every query the calendar days and the option change, both ways. */
const changed = [each, once].flatMap((p) => [
	buildWindowsSql(p, g),
	buildRepurchaseCustomersSql(p, g, 'windows', { window_days: 30 }),
	buildBreakdownSql(p, g, 'channel'),
	buildBreakdownSql(p, g, 'band'),
	buildRepurchaseCustomersSql(p, g, 'by-channel', { grp: '(none)' }),
	buildCycleSql(p, g),
	buildGapsSql(p, g)
]);

describe('the same rows on duckdb-wasm and native DuckDB', () => {
	test.each(changed.map((sql, i) => [i, sql] as const))('query %i', async (_, sql) => {
		const n = await native.query(sql);
		if (!n.ok) throw new Error(n.error.detail);
		expect(n.value).toEqual(await rowsOf(wasm, sql));
	});

	test('without times of day, the same windows and repeat rates (runs last: reloads)', async () => {
		const before: PlainRow[][] = [];
		for (const p of [each, once]) before.push(await rowsOf(wasm, buildWindowsSql(p, g)));
		await load(dateOnly);
		for (const [i, p] of [each, once].entries()) {
			expect(await rowsOf(wasm, buildWindowsSql(p, g))).toEqual(before[i]);
			const n = await native.query(buildWindowsSql(p, g));
			expect(n.ok && n.value).toEqual(before[i]);
		}
	});
});
