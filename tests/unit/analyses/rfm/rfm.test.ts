import { beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import {
	decodedRowsOf,
	fixtureSql,
	rowsOf,
	type TestOrder
} from '../../../helpers/native-engine.ts';
import { notices } from '../../../../src/analyses/rfm/describe.ts';
import type { SqlEngine } from '../../../../src/engine/types.ts';
import type { Globals } from '../../../../src/analyses/types.ts';
import { rfm } from '../../../../src/analyses/rfm/index.ts';
import { defaults, type RfmParams } from '../../../../src/analyses/rfm/params.ts';
import {
	buildHeatmapSql,
	buildMovementSql,
	buildRfmCustomersSql,
	buildSegmentsSql,
	compareAsOf,
	rfmSegmentsSql,
	rfmShared
} from '../../../../src/analyses/rfm/sql.ts';
import { sharedCtes } from '../../../../src/analyses/base.ts';
import { BaseTables } from '../../../../src/notebook/base-tables.ts';

const repeat = (customer: string, n: number, time: string, gross: number): TestOrder[] =>
	Array.from({ length: n }, (_, i) => ({ id: `${customer}${i}`, customer, time, gross }));

/*
 * As of 2024-07-01, default thresholds R ≤ 30/90/180/365 days → 5/4/3/2 (else 1),
 * F ≥ 2/3/4/6 orders → 2/3/4/5, M ≥ 100/200/500/1000 → 2/3/4/5.
 *   A: 6 orders of 10 on Jun 1 (same day)  r 30 → R5, F 6 → F5        → Champions
 *   B: 1 order of 500 on May 31            r 31 → R4, F1               → Promising
 *   C: 1 order of 50 on Jun 1              r 30 → R5, F1               → New
 *   D: 100 on Jan 15 and Apr 1             r 91 → R3, F2               → Need attention
 *   E: 6 orders of 20 on 2023-07-01        r 366 (leap year) → R1, F5  → Can't lose
 *   F: 4 orders of 25 on 2023-07-02        r 365 → R2, F4              → At risk
 *   G: one order of 80, refunded           net: not a customer; gross: r 11 → R5, F1 → New
 *   unknown customer: 70 on Jun 10         never in RFM
 */
const orders: TestOrder[] = [
	...repeat('A', 6, '2024-06-01', 10),
	{ id: 'b0', customer: 'B', time: '2024-05-31', gross: 500 },
	{ id: 'c0', customer: 'C', time: '2024-06-01', gross: 50 },
	{ id: 'd0', customer: 'D', time: '2024-01-15', gross: 100 },
	{ id: 'd1', customer: 'D', time: '2024-04-01', gross: 100 },
	...repeat('E', 6, '2023-07-01', 20),
	...repeat('F', 4, '2023-07-02', 25),
	{ id: 'g0', customer: 'G', time: '2024-06-20', gross: 80, status: 'refunded', refund: 80 },
	{ id: 'u0', customer: null, time: '2024-06-10', gross: 70 }
];
const net: Globals = { asOf: '2024-07-01', revenue: 'net', currency: 'CNY' };

let db: SqlEngine;
beforeAll(async () => {
	db = await createTestEngine();
	await rowsOf(db, fixtureSql(orders));
}, 60_000);

const bySegment = async (p: RfmParams, g: Globals) =>
	Object.fromEntries(
		(await rowsOf(db, `${rfmSegmentsSql(p, g)} ORDER BY customer_id`)).map((r) => [
			r.customer_id,
			`${r.segment} R${r.r_score}F${r.f_score}M${r.m_score}`
		])
	);

describe('scores and segments at the threshold boundaries', () => {
	test('net, default rules', async () => {
		expect(await bySegment(defaults, net)).toEqual({
			A: 'Champions R5F5M1', // M 60
			B: 'Promising R4F1M4', // M 500
			C: 'New R5F1M1',
			D: 'Need attention R3F2M3', // M 200
			E: "Can't lose R1F5M2", // M 120
			F: 'At risk R2F4M2' // M 100: a lower bound is reached at equality
		});
	});

	test('gross: the refunded-only customer G appears as New', async () => {
		const s = await bySegment(defaults, { ...net, revenue: 'gross' });
		expect(s.G).toBe('New R5F1M1');
		expect(Object.keys(s)).toHaveLength(7);
	});

	test('R, F and M values: days, orders (same-day ones separately), total or average', async () => {
		const rows = await rowsOf(db, `${rfmSegmentsSql(defaults, net)} ORDER BY customer_id`);
		expect(rows[0]).toMatchObject({ customer_id: 'A', r: 30, f: 6, m: 60, revenue: 60 });
		const avg = await rowsOf(
			db,
			`${rfmSegmentsSql({ ...defaults, monetary: 'average' }, net)} ORDER BY customer_id`
		);
		// A: 60 ÷ 6 = 10; D: 200 ÷ 2 = 100 → M2.
		expect(avg.map((r) => [r.customer_id, r.m, r.m_score])).toEqual([
			['A', 10, 1],
			['B', 500, 4],
			['C', 50, 1],
			['D', 100, 2],
			['E', 20, 1],
			['F', 25, 1]
		]);
	});

	test('edited rules: first match wins, M ranges apply, gaps fall to Unclassified', async () => {
		const rules = [
			{ segment: 'Frequent', rMin: 1, rMax: 5, fMin: 5, fMax: 5 },
			{ segment: 'Recent', rMin: 5, rMax: 5, fMin: 1, fMax: 5 },
			{ segment: 'Spender', rMin: 1, rMax: 5, fMin: 1, fMax: 5, mMin: 4, mMax: 5 }
		];
		const p = { ...defaults, rules };
		// A is F5 and R5: "Frequent" comes first. E: F5. C: R5. B: M4. D, F: nothing.
		expect(await bySegment(p, net)).toMatchObject({
			A: expect.stringMatching(/^Frequent/),
			B: expect.stringMatching(/^Spender/),
			C: expect.stringMatching(/^Recent/),
			D: expect.stringMatching(/^Unclassified/),
			E: expect.stringMatching(/^Frequent/),
			F: expect.stringMatching(/^Unclassified/)
		});
		const table = await rowsOf(db, buildSegmentsSql(p, net));
		expect(table.map((r) => [r.segment, r.customers])).toEqual([
			['Frequent', 2],
			['Recent', 1],
			['Spender', 1],
			['Unclassified', 2]
		]);
		const decoded = await decodedRowsOf(db, buildSegmentsSql(p, net));
		expect(rfm.notices!('segments', decoded)).toEqual(['rfm.unclassified']);
		expect(notices['rfm.unclassified']).toBeDefined();
	});
});

describe('quintile scores', () => {
	test('everybody buys once: F collapses to 1 for all (ties share the lower score), R and M spread', async () => {
		const once = await createTestEngine();
		// r = 5, 4, 3, 2, 1 days; amounts 10 … 50.
		await rowsOf(
			once,
			fixtureSql(
				[1, 2, 3, 4, 5].map((i) => ({
					id: `o${i}`,
					customer: `c${i}`,
					time: `2024-06-${String(25 + i).padStart(2, '0')}`,
					gross: 10 * i
				}))
			)
		);
		const p = { ...defaults, scoring: 'quantiles' as const };
		const rows = await rowsOf(once, `${rfmSegmentsSql(p, net)} ORDER BY customer_id`);
		// R: rank by r descending 1…5 → 1 + ⌊5 × (rank − 1) ÷ 5⌋ = 1…5.
		expect(rows.map((r) => [r.r, r.r_score, r.f_score, r.m_score, r.segment])).toEqual([
			[5, 1, 1, 1, 'Lost'],
			[4, 2, 1, 2, 'Hibernating'],
			[3, 3, 1, 3, 'About to sleep'],
			[2, 4, 1, 4, 'Promising'],
			[1, 5, 1, 5, 'New']
		]);
		// The default F thresholds give the same F = 1: everybody is a one-time buyer.
		const t = await rowsOf(once, `${rfmSegmentsSql(defaults, net)} ORDER BY customer_id`);
		expect(t.every((r) => r.f_score === 1)).toBe(true);
		// Repeat rate 0 shows as no one above F1 in the heatmap.
		const heat = await rowsOf(once, buildHeatmapSql(defaults, net));
		expect(heat.every((r) => r.f_score === 1)).toBe(true);
		const decoded = await decodedRowsOf(once, buildHeatmapSql(defaults, net));
		expect(rfm.notices!('heatmap', decoded)).toEqual(['rfm.one-time-buyers']);
		expect(notices['rfm.one-time-buyers']).toBeDefined();
		once.close();
	}, 60_000); // starts a second engine

	test('ties share the lower quintile score', async () => {
		// On the main fixture F = A 6, B 1, C 1, D 2, E 6, F 4: ranks ascending 5, 1, 1, 3, 5, 4.
		const p = { ...defaults, scoring: 'quantiles' as const };
		const rows = await rowsOf(db, `${rfmSegmentsSql(p, net)} ORDER BY customer_id`);
		// score = 1 + ⌊5 × (rank − 1) ÷ 6⌋: rank 1 → 1, 3 → 2, 4 → 3, 5 → 4.
		expect(rows.map((r) => [r.customer_id, r.f_score])).toEqual([
			['A', 4],
			['B', 1],
			['C', 1],
			['D', 2],
			['E', 4],
			['F', 3]
		]);
	});
});

describe('segment table, heatmap, movement', () => {
	test('segment table: every rule segment, in rule order, with shares of known revenue', async () => {
		const rows = await rowsOf(db, buildSegmentsSql(defaults, net));
		expect(rows.map((r) => r.segment)).toEqual(defaults.rules.map((r) => r.segment));
		const champions = rows[0];
		// Revenue of known customers: 60 + 500 + 50 + 200 + 120 + 100 = 1030.
		expect(champions).toMatchObject({
			customers: 1,
			revenue: 60,
			aov: 10,
			avg_recency: 30,
			last_order: '2024-06-01T00:00:00.000Z'
		});
		expect(champions.customer_share).toBeCloseTo(1 / 6, 12);
		expect(champions.revenue_share).toBeCloseTo(60 / 1030, 12);
		expect(rows.find((r) => r.segment === 'Loyal')).toMatchObject({
			customers: 0,
			revenue: 0,
			revenue_share: 0,
			aov: null
		});
	});

	test('heatmap coloured by revenue uses the revenue column', async () => {
		const q = rfm.build({ ...defaults, heatmapFill: 'revenue' }, net)[1];
		expect(q.chart).toMatchObject({ kind: 'heatmap', fill: 'revenue' });
		const rows = await rowsOf(db, q.sql);
		expect(rows.find((r) => r.r_score === 4 && r.f_score === 1)).toMatchObject({
			customers: 1,
			revenue: 500
		});
	});

	test('movement from 2024-03-01', async () => {
		/*
		 * On 2024-03-01: D had one order (Jan 15, r 46 → R4, F1: Promising), E was Can't lose (r 244 →
		 * R2, F5), F At risk (r 243 → R2, F4); A, B, C had not ordered yet.
		 */
		const p = { ...defaults, compareAsOf: '2024-03-01' };
		const rows = await rowsOf(db, buildMovementSql(p, net));
		expect(rows.map((r) => [r.from_segment, r.to_segment, r.customers])).toEqual([
			['Not yet a customer', 'Champions', 1],
			['Not yet a customer', 'New', 1],
			['Not yet a customer', 'Promising', 1],
			['Promising', 'Need attention', 1],
			["Can't lose", "Can't lose", 1],
			['At risk', 'At risk', 1]
		]);
		const who = await rowsOf(
			db,
			buildRfmCustomersSql(p, net, 'movement', {
				from_segment: 'Promising',
				to_segment: 'Need attention'
			})
		);
		expect(who.map((r) => r.customer_id)).toEqual(['D']);
	});

	test('the earlier as-of date defaults to 90 days before the as-of date', () => {
		expect(compareAsOf(defaults, net)).toBe('2024-04-02');
		expect(compareAsOf({ ...defaults, compareAsOf: '2024-01-01' }, net)).toBe('2024-01-01');
	});

	test('drill: a segment and a heatmap cell list their customers', async () => {
		const seg = await rowsOf(
			db,
			buildRfmCustomersSql(defaults, net, 'segments', { segment: 'Champions' })
		);
		expect(seg.map((r) => r.customer_id)).toEqual(['A']);
		const cell = await rowsOf(
			db,
			buildRfmCustomersSql(defaults, net, 'heatmap', { r_score: 2, f_score: 4 })
		);
		expect(cell.map((r) => r.customer_id)).toEqual(['F']);
	});

	test('a hostile segment name stays a value', async () => {
		const rules = [{ segment: "x'); DROP TABLE orders; --", rMin: 1, rMax: 5, fMin: 1, fMax: 5 }];
		const rows = await rowsOf(db, buildSegmentsSql({ ...defaults, rules }, net));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ segment: "x'); DROP TABLE orders; --", customers: 6 });
	});
});

describe('in the notebook: customer summaries kept as tables', () => {
	const variants: [string, RfmParams][] = [
		['thresholds, total', defaults],
		['quintiles, total', { ...defaults, scoring: 'quantiles' }],
		['quintiles, average', { ...defaults, scoring: 'quantiles', monetary: 'average' }],
		['earlier date set', { ...defaults, compareAsOf: '2024-01-01' }]
	];

	test.each(variants)('%s: every query gives the same rows', async (_, p) => {
		const base = new BaseTables(db);
		const shared = [...rfmShared(p, net), ...sharedCtes(net)];
		for (const q of rfm.build(p, net)) {
			const rewritten = await base.rewrite(q.sql, shared);
			expect(rewritten).not.toContain('GROUP BY customer_id');
			expect(await rowsOf(db, rewritten)).toEqual(await rowsOf(db, q.sql));
		}
		base.reset();
	});

	test('a new scoring, threshold or rule re-reads the summaries: no new table', async () => {
		const made: string[] = [];
		const counting: SqlEngine = {
			...db,
			query: (sql: string) => {
				if (sql.startsWith('CREATE OR REPLACE TABLE')) made.push(sql);
				return db.query(sql);
			}
		};
		const base = new BaseTables(counting);
		const run = async (p: RfmParams) => {
			for (const q of rfm.build(p, net))
				await base.rewrite(q.sql, [...rfmShared(p, net), ...sharedCtes(net)]);
		};
		await run(defaults);
		// The summaries at the as-of date and 90 days before (both from the orders: without the
		// category filter the filtered orders are no table), and the pair the movement joins.
		const first = made.length;
		expect(first).toBe(3);
		await run({ ...defaults, scoring: 'quantiles' });
		await run({ ...defaults, rThresholds: [10, 60, 120, 300] });
		await run({ ...defaults, rules: defaults.rules.slice(1) });
		expect(made).toHaveLength(first);
		base.reset();
	});
});
