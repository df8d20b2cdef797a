/**
 * The default sample shop, loaded into real DuckDB the way the page loads it (generic CSV through
 * read_csv), must look like a real shop and carry the campaign effect we injected.
 */
import type { Table } from 'apache-arrow';
import { beforeAll, afterAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../helpers/wasm-engine.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import { literal } from '../../../src/lib/sql.ts';
import { buildSampleFiles } from '../../../src/sample/sample-files.ts';
import { CHANNELS, SAMPLE_CAMPAIGNS } from '../../../src/sample/generate.ts';

let db: SqlEngine & { close(): void };

async function rows(sql: string): Promise<Record<string, unknown>[]> {
	const r = await db.query(sql);
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}\n${sql}`);
	return (r.value as Table).toArray().map((row) => row.toJSON());
}
const one = async (sql: string) => (await rows(sql))[0];

beforeAll(async () => {
	db = await createTestEngine();
	const files = buildSampleFiles();
	await db.registerFile('sample.csv', files.orders);
	await db.registerFile('contacts.csv', files.contacts);
	await rows(`CREATE TABLE lines AS SELECT * FROM read_csv('/huitou/sample.csv', header = true,
		types = {'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'product_id': 'VARCHAR',
		         'phone': 'VARCHAR', 'order_time': 'TIMESTAMP', 'campaign': 'VARCHAR'})`);
	await rows(`CREATE TABLE o AS SELECT order_id, any_value(customer_id) AS customer_id,
		any_value(order_time) AS order_time, any_value(status) AS status,
		any_value(order_amount) AS amount, any_value(refund_amount) AS refund,
		any_value(channel) AS channel, count(DISTINCT customer_id) AS ids,
		count(DISTINCT order_amount) AS amounts, sum(line_amount) AS lines_total
		FROM lines GROUP BY order_id`);
	await rows(`CREATE TABLE c AS SELECT * FROM read_csv('/huitou/contacts.csv', header = true,
		types = {'customer_id': 'VARCHAR', 'send_time': 'TIMESTAMP'})`);
	// Generating 60k orders and loading 17 MB of CSV takes a few seconds on a busy machine.
}, 120_000);

afterAll(() => db.close());

describe('default sample shop', () => {
	test('has about 60k orders over two years with order-level fields repeated on each line', async () => {
		const r = await one(`SELECT count(*)::INT AS orders, min(order_time)::VARCHAR AS first,
			max(order_time)::VARCHAR AS last, max(ids)::INT AS ids, max(amounts)::INT AS amounts,
			(SELECT count(*) FROM lines)::INT AS line_rows FROM o`);
		expect(r.orders).toBeGreaterThan(50_000);
		expect(r.orders).toBeLessThan(70_000);
		expect(String(r.first) >= '2023-01-01').toBe(true);
		expect(String(r.last) < '2025-01-01').toBe(true);
		expect(r.ids).toBeLessThanOrEqual(1);
		expect(r.amounts).toBe(1);
		expect(r.line_rows).toBeGreaterThan(r.orders as number);
	});

	test('most customers buy once; the repeat rate is 10–30%; a few buy very often', async () => {
		const r = await one(`WITH k AS (SELECT customer_id, count(*) AS n FROM o
			WHERE customer_id IS NOT NULL AND status = 'paid' GROUP BY 1)
			SELECT avg((n = 1)::INT)::DOUBLE AS once, avg((n >= 2)::INT)::DOUBLE AS repeat_rate,
			max(n)::INT AS most FROM k`);
		expect(r.once).toBeGreaterThan(0.6);
		expect(r.repeat_rate).toBeGreaterThan(0.1);
		expect(r.repeat_rate).toBeLessThan(0.3);
		expect(r.most).toBeGreaterThanOrEqual(10);
	});

	test('a repurchase cycle with a median of 40–60 days', async () => {
		const r = await one(`WITH g AS (SELECT date_diff('second',
			lag(order_time) OVER (PARTITION BY customer_id ORDER BY order_time), order_time) / 86400.0
			AS gap FROM o WHERE customer_id IS NOT NULL)
			SELECT median(gap)::DOUBLE AS median FROM g WHERE gap IS NOT NULL`);
		expect(r.median).toBeGreaterThan(35);
		expect(r.median).toBeLessThan(60);
	});

	test('11.11 sells many times an average day; 6.18 and 12.12 spike too', async () => {
		const r = await one(`WITH d AS (SELECT order_time::DATE AS day, count(*) AS n FROM o GROUP BY 1)
			SELECT avg(n)::DOUBLE AS avg_day,
				sum(n) FILTER (WHERE strftime(day, '%m-%d') = '11-11')::DOUBLE / 2 AS d1111,
				sum(n) FILTER (WHERE strftime(day, '%m-%d') = '06-18')::DOUBLE / 2 AS d618,
				sum(n) FILTER (WHERE strftime(day, '%m-%d') = '12-12')::DOUBLE / 2 AS d1212 FROM d`);
		const avg = r.avg_day as number;
		expect(r.d1111).toBeGreaterThan(10 * avg);
		expect(r.d618).toBeGreaterThan(3 * avg);
		expect(r.d1212).toBeGreaterThan(3 * avg);
	});

	test('weekends outsell mid-week days; evenings outsell the small hours', async () => {
		const r = await one(`SELECT
			count(*) FILTER (WHERE dayofweek(order_time) IN (0, 6))::DOUBLE / 2 AS weekend,
			count(*) FILTER (WHERE dayofweek(order_time) IN (2, 3))::DOUBLE / 2 AS midweek,
			count(*) FILTER (WHERE hour(order_time) = 21)::DOUBLE AS h21,
			count(*) FILTER (WHERE hour(order_time) = 4)::DOUBLE AS h4 FROM o`);
		expect(r.weekend).toBeGreaterThan(1.1 * (r.midweek as number));
		expect(r.h21).toBeGreaterThan(5 * (r.h4 as number));
	});

	test('flash-deal customers rarely return and spend less than others', async () => {
		const flash = CHANNELS.flashDeal;
		const list = await rows(`WITH f AS (SELECT customer_id, arg_min(channel, order_time) AS ch,
			arg_min(amount, order_time) AS first_amount, count(*) AS n
			FROM o WHERE customer_id IS NOT NULL GROUP BY 1)
			SELECT ch, count(*)::INT AS customers, avg((n >= 2)::INT)::DOUBLE AS repeat_rate,
			avg(first_amount)::DOUBLE AS aov FROM f GROUP BY ch ORDER BY ch`);
		const byChannel = new Map(list.map((r) => [r.ch as string, r]));
		// 老客 appears too: customers from before the file starts whose first order in it is a repeat.
		expect([...byChannel.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
		const f = byChannel.get(flash)!;
		expect(f.repeat_rate).toBeLessThan(0.06);
		for (const [ch, r] of byChannel) {
			if (ch === flash) continue;
			expect(r.repeat_rate).toBeGreaterThan(3 * (f.repeat_rate as number));
			expect(r.aov).toBeGreaterThan(1.5 * (f.aov as number));
		}
	});

	test('statuses, refunds, unknown buyers and amounts behave like an order report', async () => {
		const r = await one(`SELECT
			avg((status = 'paid')::INT)::DOUBLE AS paid,
			count(DISTINCT status)::INT AS statuses,
			count(*) FILTER (WHERE status = 'refunded' AND refund <> amount)::INT AS bad_full,
			count(*) FILTER (WHERE status = 'paid' AND refund > 0)::INT AS partial,
			count(*) FILTER (WHERE status = 'paid' AND refund >= amount)::INT AS bad_partial,
			count(*) FILTER (WHERE status IN ('closed', 'cancelled') AND refund > 0)::INT AS bad_unpaid,
			avg((customer_id IS NULL)::INT)::DOUBLE AS unknown,
			count(*) FILTER (WHERE round(lines_total - amount, 2) NOT IN (0, 10, 20, 30, 50))::INT
				AS bad_amount,
			avg((lines_total > amount)::INT)::DOUBLE AS discounted
			FROM o`);
		expect(r.paid).toBeGreaterThan(0.85);
		expect(r.paid).toBeLessThan(0.95);
		expect(r.statuses).toBe(4);
		expect(r.bad_full).toBe(0);
		expect(r.partial).toBeGreaterThan(100);
		expect(r.bad_partial).toBe(0);
		expect(r.bad_unpaid).toBe(0);
		expect(r.unknown).toBeGreaterThan(0.02);
		expect(r.unknown).toBeLessThan(0.04);
		expect(r.bad_amount).toBe(0);
		expect(r.discounted).toBeGreaterThan(0.05);
		expect(r.discounted).toBeLessThan(0.5);
	});

	test('31 provinces, 6–8 categories, 40–80 products, contacts for every known buyer', async () => {
		const r = await one(`SELECT count(DISTINCT province)::INT AS provinces,
			count(DISTINCT category)::INT AS categories, count(DISTINCT product_id)::INT AS products,
			count(*) FILTER (WHERE customer_id IS NOT NULL AND (email IS NULL OR phone IS NULL
				OR customer_name IS NULL))::INT AS missing_contact,
			count(*) FILTER (WHERE email IS NOT NULL AND email NOT SIMILAR TO '[^@]+@example\\.(com|net|org)')::INT AS real_domains
			FROM lines`);
		expect(r.provinces).toBe(31);
		expect(r.categories).toBeGreaterThanOrEqual(6);
		expect(r.categories).toBeLessThanOrEqual(8);
		expect(r.products).toBeGreaterThanOrEqual(40);
		expect(r.products).toBeLessThanOrEqual(80);
		expect(r.missing_contact).toBe(0);
		expect(r.real_domains).toBe(0);
	});
});

describe('sample campaigns', () => {
	const { newBuyerThanks: thanks, dormantWinBack: winBack } = SAMPLE_CAMPAIGNS;

	/** Response per campaign and group: an order inside the campaign's window after the send. */
	async function responses() {
		const list = await rows(`WITH w(campaign_id, days) AS (VALUES
				(${literal(thanks.id)}, ${thanks.windowDays}), (${literal(winBack.id)}, ${winBack.windowDays})),
			r AS (SELECT c.campaign_id, c."group" AS grp, c.cost, EXISTS (SELECT 1 FROM o
				WHERE o.customer_id = c.customer_id AND o.order_time >= c.send_time
				AND o.order_time < c.send_time + to_days(w.days)) AS responded
				FROM c JOIN w USING (campaign_id))
			SELECT campaign_id, grp, count(*)::INT AS n, avg(responded::INT)::DOUBLE AS rate,
				min(cost)::DOUBLE AS min_cost, max(cost)::DOUBLE AS max_cost
			FROM r GROUP BY ALL ORDER BY ALL`);
		return new Map(list.map((r) => [`${r.campaign_id}/${r.grp}`, r]));
	}

	test('both campaigns have contacted and control groups, priced per message', async () => {
		const r = await responses();
		for (const [campaign, cost] of [
			[thanks.id, thanks.costPerContact],
			[winBack.id, winBack.costPerContact]
		] as const) {
			const contacted = r.get(`${campaign}/contacted`)!;
			const control = r.get(`${campaign}/control`)!;
			expect(contacted.min_cost).toBe(cost);
			expect(contacted.max_cost).toBe(cost);
			expect(control.max_cost).toBe(0);
			// Control share near the design's 20% (binomial noise allowed).
			const share = (control.n as number) / ((control.n as number) + (contacted.n as number));
			expect(share).toBeGreaterThan(0.12);
			expect(share).toBeLessThan(0.3);
		}
		const waves = await one(`SELECT count(DISTINCT wave)::INT AS waves,
			count(DISTINCT send_time)::INT AS sends FROM c WHERE campaign_id = ${literal(thanks.id)}`);
		expect(waves.waves).toBe(thanks.waves);
		expect(waves.sends).toBe(thanks.waves);
	});

	test('later thank-you waves only go to buyers who have not come back', async () => {
		// A customer in wave k > 1 has no order between their first order and that wave's send.
		const r =
			await one(`SELECT count(*)::INT AS bad FROM c WHERE campaign_id = ${literal(thanks.id)}
			AND wave > 1 AND (SELECT count(*) FROM o WHERE o.customer_id = c.customer_id
				AND o.order_time < c.send_time) > 1`);
		expect(r.bad).toBe(0);
	});

	test('the injected effect is recovered: contacted respond more than control', async () => {
		const r = await responses();
		const t1 = r.get(`${thanks.id}/contacted`)!.rate as number;
		const t0 = r.get(`${thanks.id}/control`)!.rate as number;
		expect(t1).toBeGreaterThan(t0);
		const w1 = r.get(`${winBack.id}/contacted`)!.rate as number;
		const w0 = r.get(`${winBack.id}/control`)!.rate as number;
		// Expected uplift = extraResponse × (1 − natural rate); the win-back has thousands of
		// contacts, so the observed uplift sits close to it.
		const expected = winBack.extraResponse * (1 - w0);
		expect(w1 - w0).toBeGreaterThan(0.7 * expected);
		expect(w1 - w0).toBeLessThan(1.3 * expected);
		expect(w0).toBeGreaterThan(0);
	});
});
