/**
 * A file whose every order is one row is built without grouping (ONE_ROW_PER_ORDER_PROBE_SQL):
 * the draft, orders, lines, customers and rejects must be exactly what grouping the rows gives.
 */
import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import {
	INGEST_TABLES,
	ONE_ROW_PER_ORDER_PROBE_SQL,
	buildOrderSql,
	buildParseRowsSql
} from '../../../src/ingest/canonicalize.ts';
import { createMapping, type Mapping } from '../../../src/ingest/mapping.ts';
import { ORDER_LINES_DDL, ORDERS_DDL } from '../../../src/ingest/canonical.ts';
import { rowsOf, run, stageRows } from './stage-fixture.ts';

const engine = useTestEngine({
	async setUp(engine) {
		// Returns are netted against the orders already loaded too, so the canonical tables exist.
		for (const ddl of [ORDERS_DDL, ORDER_LINES_DDL]) await run(engine, ddl);
	}
});

const header = [
	'id',
	'buyer',
	't',
	'amt',
	'line',
	'refund',
	'status',
	'after',
	'ch',
	'addr',
	'sku',
	'phone'
];
const fields = {
	order_id: 'id',
	customer_id: 'buyer',
	order_time: 't',
	order_amount: 'amt',
	line_amount: 'line',
	refund_amount: 'refund',
	status: 'status',
	after_sale_status: 'after',
	channel: 'ch',
	address: 'addr',
	product_id: 'sku',
	phone: 'phone'
};

/** One row per order, with every case stage 2 treats apart. */
const oneRowEach: (string | null)[][] = [
	// paid, with everything
	[
		'o1',
		'c1',
		'2024-03-01 10:00',
		'100',
		'100',
		'',
		'交易成功',
		'',
		'tmall',
		'浙江省 杭州市 西湖区',
		'p1',
		'13800000001'
	],
	// refunded in part, and after-sale "refunded"
	['o2', 'c1', '2024-03-02 10:00', '80', '', '30', '交易成功', '退款成功', 'tmall', '', 'p2', ''],
	// a sale of p1 to c2, then a refund row of its own (negative amount): no order, it nets 50
	// into that sale
	['o9', 'c2', '2024-03-02 12:00', '60', '60', '', '交易成功', '', 'jd', '', 'p1', ''],
	['o3', 'c2', '2024-03-03 10:00', '-50', '-50', '', '', '', 'jd', '', 'p1', ''],
	// no amount at all: rejected as missing-amount
	['o4', 'c2', '2024-03-04 10:00', '', '', '', '交易成功', '', 'jd', '', '', ''],
	// closed without an amount: 0
	['o5', 'c3', '2024-03-05 10:00', '', '', '', '交易关闭', '', '', '', '', ''],
	// a row the parser rejects (bad date), and a row without a customer
	['o6', 'c3', 'not a date', '10', '', '', '交易成功', '', '', '', '', ''],
	['o7', '', '2024-03-07 10:00', '20', '20', '', '交易成功', '', 'pdd', '广东省 深圳市', 'p3', ''],
	// no order id
	['', 'c4', '2024-03-08 10:00', '5', '', '', '交易成功', '', '', '', '', '']
];

const TABLES = ['draft', 'orders', 'lines', 'customers', 'rejects'] as const;

async function build(mapping: Mapping, oneRow: boolean) {
	for (const sql of buildOrderSql(mapping, 'f.csv', oneRow)) await run(engine, sql);
	const out: Record<string, unknown[]> = {};
	for (const t of TABLES)
		out[t] = await rowsOf(engine, `SELECT * FROM ${INGEST_TABLES[t]} ORDER BY ALL`);
	return out;
}

describe('one row per order', () => {
	it.each([['order'], ['first-line'], ['line-sum']] as const)(
		'amounts at the %s level: the same tables as grouping the rows',
		async (level) => {
			await stageRows(engine, 'raw', header, oneRowEach);
			const mapping = createMapping(fields, { orderAmountLevel: level });
			await run(engine, buildParseRowsSql(mapping, 'raw'));
			expect(await rowsOf(engine, ONE_ROW_PER_ORDER_PROBE_SQL)).toEqual([{ one_row: true }]);
			const grouped = await build(mapping, false);
			const single = await build(mapping, true);
			expect(single).toEqual(grouped);
			// The fixture reaches every case: accepted, rejected by stage 2, by stage 1, lines.
			expect(grouped.orders.length).toBeGreaterThanOrEqual(3);
			expect(grouped.rejects.length).toBeGreaterThanOrEqual(2);
			expect(grouped.lines.length).toBeGreaterThanOrEqual(2);
		}
	);

	it('an order on two rows is found, so it is grouped', async () => {
		await stageRows(engine, 'raw', header, [...oneRowEach, [...oneRowEach[0]]]);
		await run(engine, buildParseRowsSql(createMapping(fields), 'raw'));
		expect(await rowsOf(engine, ONE_ROW_PER_ORDER_PROBE_SQL)).toEqual([{ one_row: false }]);
	});
});
