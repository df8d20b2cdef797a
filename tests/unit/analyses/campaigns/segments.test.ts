import { beforeAll, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import { loadOrders, queryRows } from '../../../helpers/orders-fixture.ts';
import {
	buildSegmentChoicesSql,
	buildSegmentCustomersSql
} from '../../../../src/analyses/campaigns/segments.ts';
import type { SqlEngine } from '../../../../src/engine/types.ts';

let db: SqlEngine;
const g = { asOf: '2024-07-01', revenue: 'net' as const, currency: 'CNY' };
beforeAll(async () => {
	db = await createTestEngine();
	// a: three orders, the last a week before as-of; b: one order a year before as-of
	await loadOrders(db, [
		{ id: 'o1', customer: 'a', time: '2024-04-01 10:00', gross: 100 },
		{ id: 'o2', customer: 'a', time: '2024-05-01 10:00', gross: 100 },
		{ id: 'o3', customer: 'a', time: '2024-06-24 10:00', gross: 100 },
		{ id: 'o4', customer: 'b', time: '2023-07-01 10:00', gross: 50 }
	]);
}, 60_000);

test('segment choices count every known customer once', async () => {
	const rows = await queryRows(db, buildSegmentChoicesSql(g));
	expect(rows.reduce((n, r) => n + Number(r.customers), 0)).toBe(2);
});

test("a segment's customers are the customers RFM put in it, and a hostile name stays a value", async () => {
	const [first] = await queryRows(db, buildSegmentChoicesSql(g));
	const ids = await queryRows(db, buildSegmentCustomersSql(String(first.segment), g));
	expect(ids.length).toBe(Number(first.customers));
	const none = await queryRows(db, buildSegmentCustomersSql("x' OR 1=1 --", g));
	expect(none).toEqual([]);
});
