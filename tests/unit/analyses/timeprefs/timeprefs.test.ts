import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import {
	expectTamperedParamsQuoted,
	loadOrders,
	queryRows,
	type FixtureOrder
} from '../../../helpers/orders-fixture.ts';
import { timeprefs } from '../../../../src/analyses/timeprefs/index.ts';
import { defaults, type TimePrefsParams } from '../../../../src/analyses/timeprefs/params.ts';
import { weekdayLabels } from '../../../../src/analyses/timeprefs/describe.ts';
import type { Globals } from '../../../../src/analyses/types.ts';
import type { Row } from '../../../../src/engine/decode.ts';

/** Starting duckdb-wasm takes ~1 s, much longer while other suites load the machine. */
const ENGINE_TIMEOUT = 60_000;

/*
 * 2024-07-01 is a Monday, 2024-07-07 a Sunday (DuckDB dayofweek 0, ISO weekday 7).
 *   A  Mon 07-01 20:15 (first), Sun 07-07 23:59 (repeat), Mon 07-08 20:45 (repeat)
 *   B  Sun 07-07 00:00 (first)
 *   C  Wed 07-03 20:00 (first), Wed 07-03 20:30 (repeat, same day)
 *   D  Tue 07-02 10:00 refunded (net: gone; gross: D's first order)
 *   -  Mon 07-08 20:05, no customer id (in "all" only)
 * Net, all 7 orders: Mon 20h 3, Wed 20h 2, Sun 0h 1, Sun 23h 1.
 * First: Mon 20h, Sun 0h, Wed 20h (1 each). Repeat: Sun 23h, Mon 20h, Wed 20h (1 each).
 */
const orders: FixtureOrder[] = [
	{ id: 'a1', customer: 'A', time: '2024-07-01 20:15', gross: 10 },
	{ id: 'a2', customer: 'A', time: '2024-07-07 23:59', gross: 10 },
	{ id: 'a3', customer: 'A', time: '2024-07-08 20:45', gross: 10 },
	{ id: 'b1', customer: 'B', time: '2024-07-07 00:00', gross: 10 },
	{ id: 'c1', customer: 'C', time: '2024-07-03 20:00', gross: 10 },
	{ id: 'c2', customer: 'C', time: '2024-07-03 20:30', gross: 10 },
	{ id: 'd1', customer: 'D', time: '2024-07-02 10:00', gross: 10, status: 'refunded', refund: 10 },
	{ id: 'u1', customer: null, time: '2024-07-08 20:05', gross: 10 }
];

const net: Globals = { asOf: '2024-07-10', revenue: 'net', currency: 'CNY' };
const sqlOf = (id: string, p: TimePrefsParams = defaults, g = net) => {
	const q = timeprefs.build(p, g).find((c) => c.id === id);
	if (!q) throw new Error(`no query ${id}`);
	return q.sql;
};
const nonZero = (rows: Row[]) =>
	rows.filter((r) => (r.orders as number) > 0).map((r) => [r.weekday, r.hour, r.orders]);

let db: Awaited<ReturnType<typeof createTestEngine>>;
beforeAll(async () => {
	db = await createTestEngine();
	await loadOrders(db, orders);
}, ENGINE_TIMEOUT);
afterAll(() => db.close());

describe('weekday × hour heatmap', () => {
	test('168 cells, Monday first; Sunday midnight is weekday 7 hour 0', async () => {
		const rows = await queryRows(db, sqlOf('heatmap'));
		expect(rows).toHaveLength(168);
		expect([rows[0].weekday, rows[0].hour, rows[167].weekday, rows[167].hour]).toEqual([
			1, 0, 7, 23
		]);
		expect(nonZero(rows)).toEqual([
			[1, 20, 3],
			[3, 20, 2],
			[7, 0, 1],
			[7, 23, 1]
		]);
		expect(rows.find((r) => r.weekday === 1 && r.hour === 20)?.share).toBeCloseTo(3 / 7);
		expect(weekdayLabels.map((w) => w.label.en)).toEqual([
			'Mon',
			'Tue',
			'Wed',
			'Thu',
			'Fri',
			'Sat',
			'Sun'
		]);
	});

	test('first and repeat orders (same-day second order is a repeat)', async () => {
		const first = await queryRows(db, sqlOf('heatmap', { ...defaults, segment: 'first' }));
		expect(nonZero(first)).toEqual([
			[1, 20, 1],
			[3, 20, 1],
			[7, 0, 1]
		]);
		const repeat = await queryRows(db, sqlOf('heatmap', { ...defaults, segment: 'repeat' }));
		expect(nonZero(repeat)).toEqual([
			[1, 20, 1],
			[3, 20, 1],
			[7, 23, 1]
		]);
	});

	test('from July 2, A (first order July 1) is returning: its Sunday 23h order is a repeat', async () => {
		const p = { ...defaults, segment: 'first' as const };
		const first = await queryRows(db, sqlOf('heatmap', p, { ...net, from: '2024-07-02' }));
		expect(nonZero(first)).toEqual([
			[3, 20, 1],
			[7, 0, 1]
		]);
	});

	test('gross keeps the refunded Tuesday order', async () => {
		const rows = await queryRows(db, sqlOf('heatmap', defaults, { ...net, revenue: 'gross' }));
		expect(nonZero(rows)).toContainEqual([2, 10, 1]);
		expect(rows.reduce((s, r) => s + (r.orders as number), 0)).toBe(8);
	});

	test('drill: known customers who order on Monday 20h (the guest order is not a customer)', async () => {
		const sql = timeprefs.customersSql!(defaults, net, 'heatmap', { weekday: 1, hour: 20 });
		expect((await queryRows(db, sql)).map((r) => [r.customer_id, r.orders_in_slot])).toEqual([
			['A', 2]
		]);
	});
});

describe('best times and hourly profile', () => {
	test('top 3 cells with the hour span as text; ties by weekday then hour', async () => {
		const rows = await queryRows(db, sqlOf('best', { ...defaults, best: 3 }));
		expect(rows.map((r) => [r.rank, r.weekday, r.hours, r.orders])).toEqual([
			[1, 1, '20:00–21:00', 3],
			[2, 3, '20:00–21:00', 2],
			[3, 7, '00:00–01:00', 1]
		]);
	});

	test('hour shares per segment: 20h is 5/7 of all, 2/3 of first and 2/3 of repeat orders', async () => {
		const rows = await queryRows(db, sqlOf('profile'));
		expect(rows).toHaveLength(72);
		const at = (segment: string, hour: number) =>
			rows.find((r) => r.segment === segment && r.hour === hour)?.share;
		expect(at('all', 20)).toBeCloseTo(5 / 7);
		expect(at('first', 20)).toBeCloseTo(2 / 3);
		expect(at('repeat', 20)).toBeCloseTo(2 / 3);
		expect([at('first', 23), at('repeat', 0)]).toEqual([0, 0]);
	});

	test(
		'dates without times: every order at 00:00 calls for a notice',
		async () => {
			const dates = await createTestEngine();
			await loadOrders(dates, [
				{ id: '1', customer: 'X', time: '2024-07-01 00:00', gross: 10 },
				{ id: '2', customer: 'Y', time: '2024-07-03 00:00', gross: 10 }
			]);
			const rows = await queryRows(dates, sqlOf('heatmap'));
			expect(timeprefs.notices!('heatmap', rows)).toEqual(['timeprefs.dates-only']);
			expect(timeprefs.notices!('heatmap', await queryRows(db, sqlOf('heatmap')))).toEqual([]);
			dates.close();
		},
		ENGINE_TIMEOUT
	);

	test(
		'no orders: every cell is 0 with no share, and no best time',
		async () => {
			const empty = await createTestEngine();
			await loadOrders(empty, []);
			const rows = await queryRows(empty, sqlOf('heatmap'));
			expect(rows.every((r) => r.orders === 0 && r.share === null)).toBe(true);
			expect(await queryRows(empty, sqlOf('best'))).toEqual([]);
			empty.close();
		},
		ENGINE_TIMEOUT
	);
});

describe('params from a tampered link', () => {
	test('every query still runs, and param text reaches SQL only inside quotes', async () => {
		await expectTamperedParamsQuoted(db, timeprefs, net);
	});
});
