/**
 * The sample layouts describe one shop: imported through huitou's own importer, each gives the
 * orders, customers, statuses and net revenue the generator made (Taobao also read as GBK, as
 * sellers get it).
 */
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { importFiles } from '../../../src/ingest/import.ts';
import { formatOrders, type SampleFormat } from '../../../src/sample/formats.ts';
import { generateOrders } from '../../../src/sample/generate.ts';

const ORDERS = [...generateOrders({ orders: 2500, seed: 3 })];
const cents = (yuan: number) => Math.round(yuan * 100);
const count = (keep: (o: (typeof ORDERS)[number]) => boolean) => ORDERS.filter(keep).length;
const EXPECTED = {
	orders: ORDERS.length,
	customers: new Set(ORDERS.map((o) => o.customerId).filter(Boolean)).size,
	// Net revenue: paid orders less their partial refunds, in cents.
	net: ORDERS.filter((o) => o.status === 'paid').reduce(
		(s, o) => s + cents(o.amount) - cents(o.refund),
		0
	),
	paid: count((o) => o.status === 'paid'),
	refunded: count((o) => o.status === 'refunded'),
	unpaid: count((o) => o.status === 'closed' || o.status === 'cancelled'),
	first: ORDERS[0].time,
	rejected: 0
};

const engine = useTestEngine();

async function importAs(format: SampleFormat, encoding: 'utf8' | 'gbk') {
	for (const t of ['orders', 'order_lines', 'customers'])
		await engine.query(`DROP TABLE IF EXISTS ${t}`);
	const bom = format === 'taobao' && encoding === 'utf8';
	const text = [...formatOrders(ORDERS, format, { bom })].join('');
	const bytes = encoding === 'gbk' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
	const result = await importFiles(
		engine,
		[new File([new Uint8Array(bytes)], `sample-${format}.csv`)],
		{
			now: new Date('2025-06-01T00:00:00Z')
		}
	);
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
	const r = await engine.query(`SELECT count(*)::INT AS orders,
		count(DISTINCT customer_id)::INT AS customers, round(sum(net_amount) * 100)::BIGINT::INT AS net,
		count(*) FILTER (WHERE status = 'paid')::INT AS paid,
		count(*) FILTER (WHERE status = 'refunded')::INT AS refunded,
		count(*) FILTER (WHERE status IN ('closed', 'cancelled'))::INT AS unpaid,
		epoch_ms(min(order_time))::DOUBLE AS first FROM orders`);
	if (!r.ok) throw new Error(r.error.detail);
	return { ...r.value.get(0)!.toJSON(), rejected: result.value.files[0].rejected.length };
}

describe('sample layouts round-trip through the importer', () => {
	test.each([
		['generic', 'utf8'],
		['taobao', 'gbk'],
		['taobao', 'utf8'],
		['shopify', 'utf8']
	] as const)('%s in %s gives back the generated shop', async (format, encoding) => {
		expect(await importAs(format, encoding)).toEqual(EXPECTED);
	});
});
