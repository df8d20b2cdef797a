import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import {
	expectTamperedParamsQuoted,
	loadOrders,
	queryRows,
	type FixtureLine,
	type FixtureOrder
} from '../../../helpers/orders-fixture.ts';
import { products } from '../../../../src/analyses/products/index.ts';
import { defaults, type ProductsParams } from '../../../../src/analyses/products/params.ts';
import type { Globals } from '../../../../src/analyses/types.ts';

/** Starting duckdb-wasm takes ~1 s, much longer while other suites load the machine. */
const ENGINE_TIMEOUT = 60_000;

/*
 * Products P, Q (category drink) and R (food). Lines: P 60, Q 40, R 50.
 *   A  o1 06-01 {P, Q} 100      o2 06-10 {R} 50
 *   B  o3 06-02 {P} 60          o4 06-12 {Q, R} 90
 *   C  o5 06-03 {P, Q} 100, refund 20 → net 80, split P 48 / Q 32
 *   D  o6 06-04 {R} 50          o7 06-20 {P} 60
 *   -  o8 06-05 {P, Q} 100 (no customer id)
 *   Z  o9 06-06, no lines: not counted in first-order shares (nothing known about its items)
 * Known customers 4; first orders o1, o3, o5, o6; A, B, D came back.
 *   P: first in A, B, C → 3/4 = 0.75; repeat 2/3. Revenue 60+60+48+60+60 = 288; known 228,
 *      returning (o7) 60 → 60/228.
 *   Q: first in A, C → 2/4 = 0.5; repeat 1/2. Revenue 40+40+32+40 = 152; known 112, returning (o4)
 *      40 → 40/112.
 *   R: first in D → 1/4; repeat 1/1. Revenue 50×3 = 150, all known; returning o2 + o4 = 100/150.
 * Medians: x 0.5 (Q), y 40/112 (Q) → P traffic, Q potential (on both lines = high), R profit.
 */
const orders: FixtureOrder[] = [
	{ id: 'o1', customer: 'A', time: '2024-06-01 10:00', gross: 100 },
	{ id: 'o2', customer: 'A', time: '2024-06-10 10:00', gross: 50 },
	{ id: 'o3', customer: 'B', time: '2024-06-02 10:00', gross: 60 },
	{ id: 'o4', customer: 'B', time: '2024-06-12 10:00', gross: 90 },
	{ id: 'o5', customer: 'C', time: '2024-06-03 10:00', gross: 100, refund: 20 },
	{ id: 'o6', customer: 'D', time: '2024-06-04 10:00', gross: 50 },
	{ id: 'o7', customer: 'D', time: '2024-06-20 10:00', gross: 60 },
	{ id: 'o8', customer: null, time: '2024-06-05 10:00', gross: 100 },
	{ id: 'o9', customer: 'Z', time: '2024-06-06 10:00', gross: 70 }
];
const P = { product: 'P', category: 'drink', amount: 60 };
const Q = { product: 'Q', category: 'drink', amount: 40 };
const R = { product: 'R', category: 'food', amount: 50 };
const lines: FixtureLine[] = [
	{ order: 'o1', ...P },
	{ order: 'o1', ...Q },
	{ order: 'o2', ...R },
	{ order: 'o3', ...P },
	{ order: 'o4', ...Q },
	{ order: 'o4', ...R },
	{ order: 'o5', ...P },
	{ order: 'o5', ...Q },
	{ order: 'o6', ...R },
	{ order: 'o7', ...P },
	{ order: 'o8', ...P },
	{ order: 'o8', ...Q }
];

const net: Globals = { asOf: '2024-07-01', revenue: 'net', currency: 'CNY' };
const all: ProductsParams = { ...defaults, minBuyers: 1, minPairOrders: 1 };
const sqlOf = (id: string, p: ProductsParams = all, g = net) => {
	const q = products.build(p, g).find((c) => c.id === id);
	if (!q) throw new Error(`no query ${id}`);
	return q.sql;
};

let db: Awaited<ReturnType<typeof createTestEngine>>;
beforeAll(async () => {
	db = await createTestEngine();
	await loadOrders(db, orders, lines);
}, ENGINE_TIMEOUT);
afterAll(() => db.close());

describe('roles', () => {
	test('shares, repeat rates and quadrant roles at the medians', async () => {
		const rows = await queryRows(db, sqlOf('roles'));
		expect(
			rows.map((r) => [r.item_id, r.revenue, r.orders, r.buyers, r.first_buyers, r.role])
		).toEqual([
			['P', 288, 5, 4, 3, 'traffic'],
			['Q', 152, 4, 3, 2, 'potential'],
			['R', 150, 3, 3, 1, 'profit']
		]);
		const [p, q, r] = rows;
		expect([p.first_order_share, q.first_order_share, r.first_order_share]).toEqual([
			0.75, 0.5, 0.25
		]);
		expect(p.repeat_rate).toBeCloseTo(2 / 3);
		expect([q.repeat_rate, r.repeat_rate]).toEqual([0.5, 1]);
		expect(p.returning_share).toBeCloseTo(60 / 228);
		expect(q.returning_share).toBeCloseTo(40 / 112);
		expect(r.returning_share).toBeCloseTo(100 / 150);
		expect(p.x_split).toBe(0.5);
		expect(p.y_split).toBeCloseTo(40 / 112);
	});

	test('set split lines 60% / 50%: P traffic, Q marginal, R profit', async () => {
		const rows = await queryRows(db, sqlOf('roles', { ...all, xSplit: 60, ySplit: 50 }));
		expect(rows.map((r) => [r.item_id, r.role, r.x_split, r.y_split])).toEqual([
			['P', 'traffic', 0.6, 0.5],
			['Q', 'marginal', 0.6, 0.5],
			['R', 'profit', 0.6, 0.5]
		]);
	});

	test('gross: the refunded 20 stays in, P 300 and Q 160', async () => {
		const rows = await queryRows(db, sqlOf('roles', all, { ...net, revenue: 'gross' }));
		expect(rows.map((r) => [r.item_id, r.revenue])).toEqual([
			['P', 300],
			['Q', 160],
			['R', 150]
		]);
	});

	test('from June 2, A (first order June 1) is a returning customer, not a new one', async () => {
		// Acquired in range: B {P}, C {P, Q}, D {R} → P 2/3, Q 1/3, R 1/3. A's o2 {R} stays returning.
		const g = { ...net, from: '2024-06-02' };
		const rows = await queryRows(db, sqlOf('roles', all, g));
		const byId = Object.fromEntries(rows.map((r) => [r.item_id, r]));
		expect(byId.P.first_order_share).toBeCloseTo(2 / 3);
		expect(byId.Q.first_order_share).toBeCloseTo(1 / 3);
		expect(byId.R.returning_share).toBeCloseTo(100 / 150);
		// Next purchase: B {P} → {Q, R}, D {R} → {P}; A is not followed.
		const next = await queryRows(db, sqlOf('next', all, g));
		expect(next.map((r) => [r.first_id, r.next_id, r.customers])).toEqual([
			['P', 'Q', 1],
			['P', 'R', 1],
			['R', 'P', 1]
		]);
	});

	test('minimum buyers: 4 keeps only P; 5 keeps nothing and says so', async () => {
		const rows = await queryRows(db, sqlOf('roles', { ...all, minBuyers: 4 }));
		expect(rows.map((r) => r.item_id)).toEqual(['P']);
		expect(products.notices!('roles', rows)).toEqual([]);
		const none = await queryRows(db, sqlOf('roles', { ...all, minBuyers: 5 }));
		expect(products.notices!('roles', none)).toEqual(['products.empty']);
	});

	test('categories: two drink lines in one order count as one order', async () => {
		// drink: first in A, B, C → 3/4; orders o1 o3 o4 o5 o7 o8 = 6; revenue 288 + 152 = 440.
		const rows = await queryRows(db, sqlOf('roles', { ...all, level: 'category' }));
		expect(rows.map((r) => [r.item, r.orders, r.revenue, r.first_order_share])).toEqual([
			['drink', 6, 440, 0.75],
			['food', 3, 150, 0.25]
		]);
	});

	test('drill: buyers of P and whether P was in their first order', async () => {
		const sql = products.customersSql!(all, net, 'roles', { item_id: 'P' });
		const rows = await queryRows(db, sql);
		expect(rows.map((r) => [r.customer_id, r.item_revenue, r.in_first_order])).toEqual([
			['A', 60, true],
			['B', 60, true],
			['D', 60, false],
			['C', 48, true]
		]);
	});
});

describe('co-purchase', () => {
	/*
	 * Orders with items: 8. P in 5, Q in 4, R in 3. P+Q in o1 o5 o8 = 3; Q+R in o4 = 1; P+R none.
	 * P+Q: support 3/8, conf 3/5 and 3/4, lift (3/8) / (5/8 · 4/8) = 1.2.
	 * Q+R: support 1/8, conf 1/4 and 1/3, lift (1/8) / (4/8 · 3/8) = 2/3.
	 */
	test('support, confidence and lift', async () => {
		const rows = await queryRows(db, sqlOf('pairs'));
		expect(rows.map((r) => [r.pair, r.together, r.support, r.confidence_ab])).toEqual([
			['P + Q', 3, 0.375, 0.6],
			['Q + R', 1, 0.125, 0.25]
		]);
		expect(rows[0].lift).toBeCloseTo(1.2);
		expect(rows[1].lift).toBeCloseTo(2 / 3);
		expect(rows[1].confidence_ba).toBeCloseTo(1 / 3);
	});

	test('pairs below the minimum orders are left out', async () => {
		const rows = await queryRows(db, sqlOf('pairs', { ...all, minPairOrders: 2 }));
		expect(rows.map((r) => r.pair)).toEqual(['P + Q']);
	});

	test('drill: known customers who bought P and Q in one order (o8 has no id)', async () => {
		const sql = products.customersSql!(all, net, 'pairs', { a_id: 'P', b_id: 'Q' });
		expect((await queryRows(db, sql)).map((r) => r.customer_id)).toEqual(['A', 'C']);
	});
});

describe('next purchase and first-item repeat', () => {
	/*
	 * Came back: A first {P, Q} → second {R}; B first {P} → {Q, R}; D first {R} → {P}.
	 * After P (A, B): R 2/2, Q 1/2. After Q (A): R 1/1. After R (D): P 1/1.
	 */
	test('second-order items per first item', async () => {
		const rows = await queryRows(db, sqlOf('next'));
		expect(rows.map((r) => [r.first_id, r.next_id, r.customers, r.repeaters, r.share])).toEqual([
			['P', 'R', 2, 2, 1],
			['P', 'Q', 1, 2, 0.5],
			['Q', 'R', 1, 1, 1],
			['R', 'P', 1, 1, 1]
		]);
	});

	test('focus on one first item', async () => {
		const rows = await queryRows(db, sqlOf('next', { ...all, focus: 'Q' }));
		expect(rows.map((r) => [r.first_id, r.next_id])).toEqual([['Q', 'R']]);
	});

	test('first items by repeat rate: R 1/1, P 2/3, Q 1/2', async () => {
		const rows = await queryRows(db, sqlOf('first-repeat'));
		expect(rows.map((r) => [r.item_id, r.first_buyers, r.repeaters])).toEqual([
			['R', 1, 1],
			['P', 3, 2],
			['Q', 2, 1]
		]);
		const sql = products.customersSql!(all, net, 'first-repeat', { item_id: 'P' });
		expect((await queryRows(db, sql)).map((r) => [r.customer_id, r.repeated])).toEqual([
			['A', true],
			['B', true],
			['C', false]
		]);
	});
});

describe('repeat within a window', () => {
	/*
	 * Second orders: A 06-01 → 06-10 (9 days), B 06-02 10:00 → 06-12 10:00 (exactly 10 days),
	 * D 06-04 → 06-20 (16 days); C never. Data ends 07-01.
	 * Windows count calendar days, as in the repurchase cell: back when the second order's date is
	 * at most N days after the first's; judged when the first date + N is before the data's end.
	 * 10 days: all judged (06-14 at the latest < 07-01); A (9 days) and B (exactly 10) are back.
	 *   P (A, B, C) 2/3; Q (A, C) 1/2; R (D) 0/1.
	 * 28 days: C (06-03 + 28 d = 07-01) and D (07-02) are still inside their window.
	 *   P (A, B) 2/2; Q (A) 1/1; R nobody judged → no rate.
	 */
	test('10 days', async () => {
		const rows = await queryRows(db, sqlOf('roles', { ...all, repeatDays: 10 }));
		const rate = Object.fromEntries(rows.map((r) => [r.item_id, r.repeat_rate]));
		expect(rate.P).toBeCloseTo(2 / 3);
		expect([rate.Q, rate.R]).toEqual([0.5, 0]);
	});

	test('28 days: customers still inside their window are not judged', async () => {
		const p = { ...all, repeatDays: 28 };
		const rows = await queryRows(db, sqlOf('roles', p));
		const byId = Object.fromEntries(rows.map((r) => [r.item_id, r]));
		expect([byId.P.repeat_rate, byId.Q.repeat_rate, byId.R.repeat_rate]).toEqual([1, 1, null]);
		expect(byId.P.first_order_share).toBe(0.75); // the traffic share is not windowed
		const first = await queryRows(db, sqlOf('first-repeat', p));
		expect(first.map((r) => [r.item_id, r.first_buyers, r.repeaters])).toEqual([
			['P', 2, 2],
			['Q', 1, 1]
		]);
	});
});

describe('edge cases', () => {
	let edge: Awaited<ReturnType<typeof createTestEngine>>;
	beforeAll(async () => {
		edge = await createTestEngine();
	}, ENGINE_TIMEOUT);
	afterAll(() => edge.close());

	test('one customer who buys once, lines at 0: revenue split equally, nobody came back', async () => {
		await loadOrders(
			edge,
			[{ id: '1', customer: 'X', time: '2024-06-01 10:00', gross: 30 }],
			[
				{ order: '1', product: 'P', amount: 0 },
				{ order: '1', product: 'Q', amount: 0 }
			]
		);
		const rows = await queryRows(edge, sqlOf('roles'));
		expect(
			rows.map((r) => [r.item_id, r.revenue, r.first_order_share, r.repeat_rate, r.returning_share])
		).toEqual([
			['P', 15, 1, 0, 0],
			['Q', 15, 1, 0, 0]
		]);
		const next = await queryRows(edge, sqlOf('next'));
		expect(next).toEqual([]);
		expect(products.notices!('next', next)).toEqual(['products.no-repeaters']);
	});

	/*
	 * Y placed three orders in the same minute: by order id y1 {Q} is the first, y2 {P} the
	 * second, y3 {R} the third; y0 {P} came the day after. W's refunded w1 {P} acquired no one
	 * (net), so w2 {Q} is W's first order and w3 {R} the second.
	 * After Q: Y → P, W → R (1/2 each). Q opened both first orders; both came back.
	 */
	test('orders at the same time count in order-id order; a refunded first order is skipped', async () => {
		await loadOrders(
			edge,
			[
				{ id: 'y2', customer: 'Y', time: '2024-06-01 10:00', gross: 10 },
				{ id: 'y1', customer: 'Y', time: '2024-06-01 10:00', gross: 10 },
				{ id: 'y3', customer: 'Y', time: '2024-06-01 10:00', gross: 10 },
				{ id: 'y0', customer: 'Y', time: '2024-06-02 10:00', gross: 10 },
				{ id: 'w1', customer: 'W', time: '2024-06-01 09:00', gross: 10, status: 'refunded' },
				{ id: 'w2', customer: 'W', time: '2024-06-03 10:00', gross: 10 },
				{ id: 'w3', customer: 'W', time: '2024-06-05 10:00', gross: 10 }
			],
			[
				{ order: 'y2', product: 'P', amount: 10 },
				{ order: 'y1', product: 'Q', amount: 10 },
				{ order: 'y3', product: 'R', amount: 10 },
				{ order: 'y0', product: 'P', amount: 10 },
				{ order: 'w1', product: 'P', amount: 10 },
				{ order: 'w2', product: 'Q', amount: 10 },
				{ order: 'w3', product: 'R', amount: 10 }
			]
		);
		const next = await queryRows(edge, sqlOf('next'));
		expect(next.map((r) => [r.first_id, r.next_id, r.customers, r.repeaters])).toEqual([
			['Q', 'P', 1, 2],
			['Q', 'R', 1, 2]
		]);
		const first = await queryRows(edge, sqlOf('first-repeat'));
		expect(first.map((r) => [r.item_id, r.first_buyers, r.repeaters])).toEqual([['Q', 2, 2]]);
		const buyers = await queryRows(
			edge,
			products.customersSql!(all, net, 'roles', { item_id: 'P' })
		);
		expect(buyers.map((r) => [r.customer_id, r.in_first_order, r.orders])).toEqual([
			['Y', false, 4]
		]);
		const nextBuyers = products.customersSql!(all, net, 'next', { first_id: 'Q', next_id: 'R' });
		expect((await queryRows(edge, nextBuyers)).map((r) => r.customer_id)).toEqual(['W']);
	});
});

describe('params from a tampered link', () => {
	test('every query still runs, and param text reaches SQL only inside quotes', async () => {
		await expectTamperedParamsQuoted(db, products, net);
	});
});
