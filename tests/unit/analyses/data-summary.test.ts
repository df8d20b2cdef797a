/** The side panel's figures, counted as the analyses count them, on a hand-made shop and on none. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestEngine } from '../../helpers/wasm-engine.ts';
import { fixtureSql, rowsOf } from '../../helpers/native-engine.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import { dataSummarySql } from '../../../src/analyses/data-summary.ts';
import { CANONICAL_DDL } from '../../../src/ingest/canonical.ts';

let engine: SqlEngine & { close(): void };
beforeAll(async () => {
	engine = await createTestEngine();
}, 60_000);
afterAll(() => engine.close());

test('paid orders and their customers; other statuses beside them; the span of every order', async () => {
	await rowsOf(
		engine,
		fixtureSql(
			[
				{ id: 'o1', customer: 'a', time: '2024-01-05 10:00', gross: 10 },
				{ id: 'o2', customer: 'a', time: '2024-02-01 10:00', gross: 20 },
				{ id: 'o3', customer: null, time: '2024-02-02 10:00', gross: 30 },
				{ id: 'o4', customer: 'b', time: '2024-02-03 10:00', gross: 40, status: 'refunded' },
				{ id: 'o5', customer: 'c', time: '2024-03-09 23:00', gross: 50, status: 'cancelled' },
				{ id: 'o6', customer: 'd', time: '2023-12-31 09:00', gross: 60, status: 'closed' }
			],
			[{ order: 'o1', amount: 10 }]
		)
	);
	// Paid: o1, o2 (customer a) and o3 (no customer); b, c and d have no paid order.
	expect(await rowsOf(engine, dataSummarySql)).toEqual([
		{
			orders: 3,
			closed_orders: 1,
			cancelled_orders: 1,
			refunded_orders: 1,
			customers: 1,
			lines: 1,
			unknown_orders: 1,
			first_day: '2023-12-31',
			day_after_last: '2024-03-10',
			contacts: 0
		}
	]);
});

test('no orders: zero counts and no span', async () => {
	await rowsOf(engine, CANONICAL_DDL.join(';\n'));
	const [row] = await rowsOf(engine, dataSummarySql);
	expect(row).toMatchObject({ orders: 0, customers: 0, lines: 0, first_day: null });
	expect(row.day_after_last).toBeNull();
});
