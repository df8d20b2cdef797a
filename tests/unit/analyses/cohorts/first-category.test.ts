import { beforeAll, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import { fixtureSql, rowsOf, type TestOrder } from '../../../helpers/native-engine.ts';
import type { SqlEngine } from '../../../../src/engine/types.ts';
import type { Globals } from '../../../../src/analyses/types.ts';
import { buildCohortSql } from '../../../../src/analyses/cohorts/sql.ts';

/*
 * A first order's category is that of its largest line; between equal lines the category first
 * by name, and a line without a category last:
 *   p: tea 50, cups 50 → cups          q: (none) 50, tea 50 → tea
 *   r: (none) 80, tea 20 → (none)      s: cups 10, tea 90 → tea
 *   t: (none) 30 only → (none)         u: no lines → (none)
 */
const orders: TestOrder[] = ['p', 'q', 'r', 's', 't', 'u'].map((c) => ({
	id: `${c}1`,
	customer: c,
	time: '2024-01-10',
	gross: 100
}));
const lines = [
	{ order: 'p1', category: 'tea', amount: 50 },
	{ order: 'p1', category: 'cups', amount: 50 },
	{ order: 'q1', amount: 50 },
	{ order: 'q1', category: 'tea', amount: 50 },
	{ order: 'r1', amount: 80 },
	{ order: 'r1', category: 'tea', amount: 20 },
	{ order: 's1', category: 'cups', amount: 10 },
	{ order: 's1', category: 'tea', amount: 90 },
	{ order: 't1', amount: 30 }
];
const g: Globals = { asOf: '2024-03-01', revenue: 'net', currency: 'CNY' };

let db: SqlEngine;
beforeAll(async () => {
	db = await createTestEngine();
	await rowsOf(db, fixtureSql(orders, lines));
}, 60_000);

test('the largest line; ties by category name, a line without one last', async () => {
	const rows = await rowsOf(db, buildCohortSql({ key: 'category', periods: 1 }, g));
	const sizes = rows.filter((r) => r.period === 0).map((r) => [r.cohort, r.customers]);
	expect(sizes).toEqual([
		['(none)', 3],
		['cups', 1],
		['tea', 2]
	]);
});
