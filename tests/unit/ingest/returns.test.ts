/**
 * Cancellations and returns netted into the sales they take back (issue 16), ids written by
 * spreadsheets as `N.0`, and the counts of paid orders that the side panel, the quality report and
 * the analyses share (issue 15). Every figure is worked out by hand beside its fixture.
 */
import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { importFiles } from '../../../src/ingest/import.ts';
import type { FileQuality, ImportReport } from '../../../src/ingest/quality.ts';
import { buildKpisSql } from '../../../src/analyses/overview/sql.ts';
import type { Globals } from '../../../src/analyses/types.ts';
import { fileOf, resetCanonical, rowsOf } from './stage-fixture.ts';

const engine = useTestEngine({ each: resetCanonical });

const NOW = new Date('2025-06-01T00:00:00Z');
const DECEMBER: Globals = {
	asOf: '2011-01-01',
	from: '2010-12-01',
	to: '2010-12-31',
	revenue: 'net',
	currency: 'GBP'
};

async function load(...files: [string, string][]): Promise<ImportReport> {
	const result = await importFiles(
		engine,
		files.map(([name, text]) => fileOf(name, text)),
		{ now: NOW }
	);
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
	expect(result.value.failures).toEqual([]);
	return result.value;
}

const orders = () =>
	rowsOf(
		engine,
		`SELECT order_id, customer_id, status, round(gross_amount, 2) AS gross,
			round(refund_amount, 2) AS refund, round(net_amount, 2) AS net
		FROM orders ORDER BY order_id`
	);
/** Each customer's M: net spend over paid orders, as RFM reads it. */
const monetary = () =>
	rowsOf(
		engine,
		`SELECT customer_id, round(sum(net_amount), 2) AS m FROM orders
		WHERE status = 'paid' AND customer_id IS NOT NULL GROUP BY ALL ORDER BY customer_id`
	);
const kpis = async () => {
	const [k] = await rowsOf(engine, buildKpisSql({ compare: 'period' }, DECEMBER));
	return {
		customers: k.customers,
		orders: k.orders,
		revenue: Math.round(Number(k.revenue) * 100) / 100,
		aov: Math.round(Number(k.aov) * 100) / 100
	};
};

/**
 * One December of an Online Retail II export (`Invoice`, `Price`, `Customer ID`), customer ids
 * saved by pandas as floats. In the older layout (`InvoiceNo`, `UnitPrice`, `CustomerID`, US
 * dates) the same rows give the same answers.
 */
const UCI_ROWS: [string, string, string, string, string, string, string][] = [
	// invoice, stock code, quantity, time, price, customer, description
	['536365', '85123A', '6', '2010-12-01 08:26', '2.55', '17850.0', 'HEART T-LIGHT HOLDER'],
	['536365', '71053', '6', '2010-12-01 08:26', '3.39', '17850.0', 'METAL LANTERN'],
	['536366', '22633', '6', '2010-12-01 08:28', '1.85', '', 'HAND WARMER'],
	['536367', '84879', '32', '2010-12-01 08:34', '1.69', '13047.0', 'BIRD ORNAMENT'],
	['536370', '22633', '10', '2010-12-05 10:00', '1.85', '17850.0', 'HAND WARMER'],
	// 17850 cancels 2 of the hearts of 536365 (same product, latest sale before it); the row twice.
	['C536380', '85123A', '-2', '2010-12-06 09:00', '2.55', '17850.0', 'HEART T-LIGHT HOLDER'],
	['C536380', '85123A', '-2', '2010-12-06 09:00', '2.55', '17850.0', 'HEART T-LIGHT HOLDER'],
	// A product 17850 never bought here: the latest sale before it, 536370.
	['C536381', '99999', '-1', '2010-12-07 11:00', '4.00', '17850.0', 'POSTAGE'],
	// A cancellation with a positive amount: neither sale nor return.
	['C536391', 'M', '1', '2010-12-02 10:00', '10.00', '13047.0', 'Manual'],
	// 12346 appears only in a cancellation: its sale predates the file.
	['C536400', '23166', '-5', '2010-12-03 10:00', '2.00', '12346.0', 'STORAGE JAR'],
	// Adjusting bad debt is no order.
	['A536500', 'B', '1', '2010-12-04 14:00', '11062.06', '', 'Adjust bad debt'],
	// A guest returns 2 hand warmers: the guest sale 536366 with that product.
	['C536410', '22633', '-2', '2010-12-08 12:00', '1.85', '', 'HAND WARMER'],
	// A guest returns a product no guest bought here: unmatched.
	['C536411', '55555', '-1', '2010-12-08 12:30', '3.00', '', 'DOORMAT'],
	// 14000 returns more than it bought: the order is refunded in full, the rest is excess.
	['536420', '21000', '1', '2010-12-09 09:00', '5.00', '14000.0', 'GIFT BAG'],
	['C536421', '21000', '-2', '2010-12-10 09:00', '5.00', '14000.0', 'GIFT BAG']
];

const usDate = (iso: string) => {
	const [, y, m, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(iso)!;
	return `${Number(m)}/${Number(d)}/${y} ${Number(h)}:${mi}`;
};

function uciFile(layout: 'II' | 'I'): string {
	const header =
		layout === 'II'
			? 'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country'
			: 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
	const rows = UCI_ROWS.map(([inv, code, qty, time, price, customer, title]) =>
		[
			inv,
			code,
			title,
			qty,
			layout === 'II' ? time : usDate(time),
			price,
			customer,
			'United Kingdom'
		].join(',')
	);
	return [header, ...rows].join('\r\n') + '\r\n';
}

describe('UCI cancellations are netted into the sales they take back', () => {
	it.each(['II', 'I'] as const)('Online Retail %s layout', async (layout) => {
		const report = await load([`online_retail_${layout}.csv`, uciFile(layout)]);
		const q = report.files[0];
		expect(q.preset).toBe('uci');
		// 536365 = 6×2.55 + 6×3.39 = 35.64, less 2×2.55 = 5.10 (once) → 30.54.
		// 536370 = 10×1.85 = 18.50, less 4.00 → 14.50. 536367 = 32×1.69 = 54.08.
		// 536366 = 6×1.85 = 11.10 (guest), less 2×1.85 = 3.70 → 7.40.
		// 536420 = 5.00, less 10.00 → refunded, 0 (5.00 excess).
		expect(await orders()).toEqual([
			{
				order_id: '536365',
				customer_id: '17850',
				status: 'paid',
				gross: 35.64,
				refund: 5.1,
				net: 30.54
			},
			{ order_id: '536366', customer_id: null, status: 'paid', gross: 11.1, refund: 3.7, net: 7.4 },
			{
				order_id: '536367',
				customer_id: '13047',
				status: 'paid',
				gross: 54.08,
				refund: 0,
				net: 54.08
			},
			{
				order_id: '536370',
				customer_id: '17850',
				status: 'paid',
				gross: 18.5,
				refund: 4,
				net: 14.5
			},
			{ order_id: '536420', customer_id: '14000', status: 'refunded', gross: 5, refund: 5, net: 0 }
		]);
		// M: 17850 = 30.54 + 14.50 = 45.04; 13047 = 54.08. 14000 has no paid order, 12346 none at all.
		expect(await monetary()).toEqual([
			{ customer_id: '13047', m: 54.08 },
			{ customer_id: '17850', m: 45.04 }
		]);
		// Paid orders 4, net 30.54 + 14.50 + 54.08 + 7.40 = 106.52, AOV 106.52 / 4 = 26.63.
		expect(await kpis()).toEqual({ customers: 2, orders: 4, revenue: 106.52, aov: 26.63 });
		expect(report.totals).toMatchObject({
			orders: 4,
			otherOrders: { closed: 0, cancelled: 0, refunded: 1 },
			customers: 2,
			unknownCustomerOrders: 1
		});
		expect(report.totals.netRevenue).toBeCloseTo(106.52, 9);
		expect(q.statuses.paid.orders).toBe(4);
		expect(q.customers).toBe(2);
		expect(q.generatedOrderIds).toBeNull();
		// Refunded: 5.10 + 4.00 + 3.70 + 5.00 (what 536420 was worth) = 17.80, the duplicate once.
		expect(q.refundAmount).toBeCloseTo(17.8, 9);
		// Return lines: 5.10 + 4.00 + 10.00 + 3.70 + 3.00 + 10.00 = 35.80
		//   = 17.80 netted + 5.00 excess + 13.00 unmatched (12346's 10.00, the guest's 3.00).
		const r = q.returns;
		expect(r).toMatchObject({
			lines: 6,
			duplicateLines: 1,
			earlierFiles: { orders: 0, amount: 0 },
			unmatched: { lines: 2 },
			positiveCancellationLines: 1,
			adjustmentRows: 1
		});
		expect(r.amount).toBeCloseTo(35.8, 9);
		expect(r.duplicateAmount).toBeCloseTo(5.1, 9);
		expect(r.unmatched.amount).toBeCloseTo(13, 9);
		expect(r.excess).toBeCloseTo(5, 9);
		expect(r.adjustmentAmount).toBeCloseTo(11062.06, 9);
		expect(q.suspicious.refundOnlyOrders).toBe(2);
		// Customer ids: 11 of the 15 rows carry one, every one written N.0.
		expect(q.warnings).toContainEqual({
			code: 'ingest.float-ids',
			detail: `${layout === 'II' ? 'Customer ID' : 'CustomerID'}: 11 ids written as N.0, read as N`
		});
		// Lines only from the sales: 6 rows.
		const [lines] = await rowsOf(engine, 'SELECT count(*) AS n FROM order_lines');
		expect(lines.n).toBe(6);
		const customers = await rowsOf(engine, 'SELECT customer_id FROM customers ORDER BY 1');
		expect(customers.map((c) => c.customer_id)).not.toContain('12346');
	});

	it('a cancellation in the next month’s file takes back a sale loaded before', async () => {
		const header = 'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country';
		const december = [
			header,
			'536365,85123A,HEART,6,2010-12-01 08:26,2.55,17850.0,United Kingdom',
			'536370,22633,WARMER,10,2010-12-05 10:00,1.85,17850.0,United Kingdom'
		].join('\n');
		const january = [
			header,
			'C539001,85123A,HEART,-3,2011-01-04 10:00,2.55,17850.0,United Kingdom',
			'539002,22633,WARMER,2,2011-01-05 10:00,1.85,17850.0,United Kingdom'
		].join('\n');
		const first = await load(['2010-12.csv', december]);
		expect(first.totals.netRevenue).toBeCloseTo(15.3 + 18.5, 9);
		const second = await load(['2011-01.csv', january]);
		// 3 hearts (7.65) come off 536365 (15.30 → 7.65), in the orders loaded from December.
		expect(await orders()).toEqual([
			{
				order_id: '536365',
				customer_id: '17850',
				status: 'paid',
				gross: 15.3,
				refund: 7.65,
				net: 7.65
			},
			{
				order_id: '536370',
				customer_id: '17850',
				status: 'paid',
				gross: 18.5,
				refund: 0,
				net: 18.5
			},
			{ order_id: '539002', customer_id: '17850', status: 'paid', gross: 3.7, refund: 0, net: 3.7 }
		]);
		const q = second.files[0];
		expect(q.returns.earlierFiles.orders).toBe(1);
		expect(q.returns.earlierFiles.amount).toBeCloseTo(7.65, 9);
		expect(q.refundAmount).toBeCloseTo(7.65, 9);
		expect(q.returns.unmatched.lines).toBe(0);
		// 7.65 + 18.50 + 3.70 = 29.85 over 3 paid orders.
		expect(second.totals).toMatchObject({ orders: 3, customers: 1 });
		expect(second.totals.netRevenue).toBeCloseTo(29.85, 9);
	});

	it('a WooCommerce refund row in a later file nets into its order by the same order id', async () => {
		const header =
			'Order Number,Order Status,Order Date,Order Total Amount,Email (Billing),SKU,Quantity,Item Cost';
		const sale = [header, '1001,completed,2024-03-01 10:00,50.00,a@x.test,s1,1,50.00'].join('\n');
		const refund = [header, '1001,completed,2024-03-09 10:00,-20.00,a@x.test,s1,-1,-20.00'].join(
			'\n'
		);
		await load(['sale.csv', sale]);
		const second = await load(['refund.csv', refund]);
		expect(await orders()).toEqual([
			{ order_id: '1001', customer_id: 'a@x.test', status: 'paid', gross: 50, refund: 20, net: 30 }
		]);
		expect(second.files[0].returns.earlierFiles).toEqual({ orders: 1, amount: 20 });
	});
});

describe('ids written by spreadsheets', () => {
	it('reads a column whose every id is N.0 as N, and keeps a column with a real decimal', async () => {
		const text = [
			'order_id,customer_id,order_time,order_amount,product_id',
			'1.0,7.0,2024-01-01 10:00,10,3.5',
			'2.0,8.00,2024-01-02 10:00,20,4.0',
			'3.0,,2024-01-03 10:00,30,'
		].join('\n');
		const report = await importFiles(engine, [fileOf('floats.csv', text)], {
			now: NOW,
			mappingFor: async (request) => request.proposed
		});
		if (!report.ok) throw new Error(report.error.detail);
		const got = await rowsOf(engine, 'SELECT order_id, customer_id FROM orders ORDER BY 1');
		expect(got).toEqual([
			{ order_id: '1', customer_id: '7' },
			{ order_id: '2', customer_id: '8' },
			{ order_id: '3', customer_id: null }
		]);
		const lines = await rowsOf(engine, 'SELECT product_id FROM order_lines ORDER BY 1');
		expect(lines.map((l) => l.product_id)).toEqual(['3.5', '4.0', null]);
		expect(report.value.files[0].warnings.filter((w) => w.code === 'ingest.float-ids')).toEqual([
			{ code: 'ingest.float-ids', detail: 'order_id: 3 ids written as N.0, read as N' },
			{ code: 'ingest.float-ids', detail: 'customer_id: 2 ids written as N.0, read as N' }
		]);
	});
});

/**
 * A POS transaction log: customer, date, amount, no order id. c1 buys twice at 10:00 on
 * 1 March (two lines of one basket) and once on 5 March; c2 once; c3 twice at 09:00 and 09:30.
 */
const LOG = [
	'Customer,Date,Amount',
	'c1,2024-03-01 10:00,10.00',
	'c1,2024-03-01 10:00,5.00',
	'c2,2024-03-02 11:00,8.00',
	'c1,2024-03-05 12:00,20.00',
	'c3,2024-03-06 09:00,4.00',
	'c3,2024-03-06 09:30,6.00'
].join('\n');

describe('a file without order ids', () => {
	const loadLog = async (mode: 'row' | 'customer-time' | undefined) => {
		const result = await importFiles(engine, [fileOf('pos.csv', LOG)], {
			now: NOW,
			mappingFor: async (request) => {
				expect(request.proposed.fields.order_id).toBeUndefined();
				return mode ? { ...request.proposed, orderIdMode: mode } : request.proposed;
			}
		});
		if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
		return result.value;
	};
	const march: Globals = {
		asOf: '2024-04-01',
		from: '2024-03-01',
		revenue: 'net',
		currency: 'CNY'
	};
	const repeatRate = async () =>
		Number((await rowsOf(engine, buildKpisSql({ compare: 'period' }, march)))[0].repeat_rate);

	it('each row is one order by default, with ids from the file and line', async () => {
		const report = await loadLog(undefined);
		const q: FileQuality = report.files[0];
		expect(q.generatedOrderIds).toBe('row');
		// 6 orders, 3 customers, 53.00; c1 (3 orders) and c3 (2) repeat: 2 / 3.
		expect(report.totals).toMatchObject({ orders: 6, customers: 3, netRevenue: 53 });
		const ids = await rowsOf(engine, 'SELECT order_id FROM orders ORDER BY order_id');
		expect(ids.map((r) => r.order_id)).toEqual([2, 3, 4, 5, 6, 7].map((l) => `#row-pos.csv:${l}`));
		expect(await repeatRate()).toBeCloseTo(2 / 3, 9);
		// The same file again gives the same ids: it replaces its orders instead of adding.
		const again = await loadLog(undefined);
		expect(again.totals.orders).toBe(6);
		expect(again.files[0].duplicatesRemoved).toBe(6);
	});

	it('rows of one customer at one time are one order when asked', async () => {
		const report = await loadLog('customer-time');
		expect(report.files[0].generatedOrderIds).toBe('customer-time');
		// c1's two 10:00 rows are one order of 15.00: 5 orders, 53.00, AOV 10.60; c1 and c3 repeat.
		expect(report.totals).toMatchObject({ orders: 5, customers: 3, netRevenue: 53 });
		expect(await orders()).toEqual([
			{
				order_id: '#ct-c1@2024-03-01 10:00:00',
				customer_id: 'c1',
				status: 'paid',
				gross: 15,
				refund: 0,
				net: 15
			},
			{
				order_id: '#ct-c1@2024-03-05 12:00:00',
				customer_id: 'c1',
				status: 'paid',
				gross: 20,
				refund: 0,
				net: 20
			},
			{
				order_id: '#ct-c2@2024-03-02 11:00:00',
				customer_id: 'c2',
				status: 'paid',
				gross: 8,
				refund: 0,
				net: 8
			},
			{
				order_id: '#ct-c3@2024-03-06 09:00:00',
				customer_id: 'c3',
				status: 'paid',
				gross: 4,
				refund: 0,
				net: 4
			},
			{
				order_id: '#ct-c3@2024-03-06 09:30:00',
				customer_id: 'c3',
				status: 'paid',
				gross: 6,
				refund: 0,
				net: 6
			}
		]);
		expect(await repeatRate()).toBeCloseTo(2 / 3, 9);
	});
});

describe('counts that agree', () => {
	it('a Taobao export with 交易关闭 rows counts paid orders, closed ones beside them', async () => {
		// 3 paid orders (two customers), 2 closed (one of them by a buyer with no paid order).
		const text = [
			'订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间',
			'="1001",小明,100.00,交易成功,2024-11-11 00:03:15',
			'="1002",小明,50.00,交易成功,2024-11-12 10:00:00',
			'="1003",小红,30.00,交易成功,2024-11-12 11:00:00',
			'="1004",小红,0.00,交易关闭,2024-11-12 12:00:00',
			'="1005",小刚,20.00,交易关闭,2024-11-13 12:00:00'
		].join('\n');
		const report = await load(['taobao.csv', text]);
		expect(report.totals).toMatchObject({
			orders: 3,
			otherOrders: { closed: 2, cancelled: 0, refunded: 0 },
			customers: 2,
			netRevenue: 180
		});
		const q = report.files[0];
		expect(q.statuses.paid.orders).toBe(3);
		expect(q.statuses.closed.orders).toBe(2);
		expect(q.customers).toBe(2);
	});
});

/**
 * The same log as a spreadsheet saved by Excel: dates are serial numbers (45352 = 2024-03-01),
 * there is no order id, and numbers are numbers. Each row is one order, as in the CSV.
 */
it('an XLSX with date serials and no order id: each row one order, dates from the serials', async () => {
	const { default: writeXlsxFile } = await import('write-excel-file/node');
	const serial = (day: number, hours: number) => 45352 + day + hours / 24;
	const rows: [string, number, number][] = [
		['c1', serial(0, 10), 10],
		['c1', serial(0, 10), 5],
		['c2', serial(1, 11), 8],
		['c1', serial(4, 12), 20]
	];
	const buffer = await writeXlsxFile([
		{
			sheet: 'Sheet1',
			data: [
				[{ value: 'Customer' }, { value: 'Date' }, { value: 'Amount' }],
				...rows.map(([c, d, a]) => [{ value: c }, { value: d }, { value: a }])
			]
		}
	]).toBuffer();
	const result = await importFiles(engine, [fileOf('pos.xlsx', new Uint8Array(buffer))], {
		now: NOW,
		mappingFor: async (request) => request.proposed
	});
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
	// 4 orders of 2 customers: c1 three (a repeat customer), c2 one; 43.00 in all.
	expect(result.value.files[0].generatedOrderIds).toBe('row');
	expect(result.value.totals).toMatchObject({ orders: 4, customers: 2, netRevenue: 43 });
	const times = await rowsOf(engine, 'SELECT order_time FROM orders ORDER BY order_time');
	expect(times.map((r) => String(r.order_time).slice(0, 16))).toEqual([
		'2024-03-01 10:00',
		'2024-03-01 10:00',
		'2024-03-02 11:00',
		'2024-03-05 12:00'
	]);
});
