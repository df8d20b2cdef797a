/**
 * The mapper's money column: a unit price, a line total and an order total told apart by names
 * (English and Chinese) and by values, and never a quantity, count or id column for an amount.
 */
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../src/ingest/mapping.ts';
import { bindPresetMapping, findPreset } from '../../../src/ingest/presets/index.ts';

// Two orders: A1 has two lines (2 × 10 + 1 × 5.5 = 25.5), A2 one (3 × 4 = 12).
const lines = [
	['A1', 'c1', '2024-11-11 10:00', 'Tea', '2', '10.00', '20.00', '25.50'],
	['A1', 'c1', '2024-11-11 10:00', 'Cup', '1', '5.50', '5.50', '25.50'],
	['A2', 'c2', '2024-11-12 09:30', 'Pot', '3', '4.00', '12.00', '12.00']
];

describe('quantity, unit price, line total and order total', () => {
	it('by English names', () => {
		const header = [
			'Order ID',
			'Customer',
			'Order Date',
			'Product',
			'Quantity',
			'Unit Price',
			'Line Total',
			'Order Total'
		];
		const { mapping } = suggestMapping(header, lines);
		expect(mapping.fields).toMatchObject({
			quantity: 'Quantity',
			unit_price: 'Unit Price',
			line_amount: 'Line Total',
			order_amount: 'Order Total'
		});
		expect(mapping.orderAmountLevel).toBe('order');
	});

	it('by Chinese names', () => {
		const header = ['订单号', '客户ID', '下单时间', '商品名称', '数量', '单价', '小计', '实付金额'];
		const rows = lines.map((r) => [...r.slice(0, 5), `¥${r[5]}`, `¥${r[6]}`, `¥${r[7]}`]);
		expect(suggestMapping(header, rows).mapping.fields).toMatchObject({
			quantity: '数量',
			unit_price: '单价',
			line_amount: '小计',
			order_amount: '实付金额'
		});
	});

	it('by values, where the names say only "amount" and "total"', () => {
		// "amount" is price × quantity and differs within A1: a line total. "total" is the same on
		// every row of an order: the order's.
		const header = ['order_no', 'buyer', 'date', 'item', 'qty', 'price', 'amount', 'total'];
		const { mapping, confidence } = suggestMapping(header, lines);
		expect(mapping.fields).toMatchObject({
			order_id: 'order_no',
			quantity: 'qty',
			unit_price: 'price',
			line_amount: 'amount',
			order_amount: 'total'
		});
		expect(confidence.line_amount).toBe(0.7);
	});

	it('a "total" that differs between the lines of an order is the line total', () => {
		const header = ['order_no', 'buyer', 'date', 'item', 'qty', 'price', 'total'];
		const rows = lines.map((r) => r.slice(0, 7));
		const { mapping } = suggestMapping(header, rows);
		expect(mapping.fields.line_amount).toBe('total');
		expect(mapping.fields.order_amount).toBeUndefined();
		expect(mapping.orderAmountLevel).toBe('line-sum');
	});

	it('a "subtotal" equal on every line of an order is the order total', () => {
		const header = ['order_no', 'buyer', 'date', 'item', 'qty', 'price', 'subtotal'];
		const rows = lines.map((r) => [...r.slice(0, 6), r[7]]);
		const { mapping } = suggestMapping(header, rows);
		expect(mapping.fields.order_amount).toBe('subtotal');
		expect(mapping.fields.line_amount).toBeUndefined();
	});
});

describe('never a quantity, count or id column for an amount', () => {
	it.each([
		[['订单编号', '买家', '下单时间', '宝贝总数量', '商品总数量金额编号']],
		[['Order No', 'Customer', 'Date', 'Total Quantity', 'Amount Id']],
		[['Invoice', 'Customer', 'Date', 'Total Items', 'Item Count']]
	])('%j', (header) => {
		const rows = [['1', 'c', '2024-01-02', '3', '7']];
		const fields = suggestMapping(header, rows).mapping.fields;
		for (const f of ['order_amount', 'line_amount', 'unit_price', 'refund_amount'] as const)
			expect(fields[f], f).toBeUndefined();
	});
});

describe('the currency column', () => {
	it('is suggested by its name', () => {
		const header = ['Order ID', 'Customer', 'Date', 'Total', 'Currency'];
		const rows = [['1', 'c', '2024-01-02', '12.00', 'GBP']];
		expect(suggestMapping(header, rows).mapping.fields.currency).toBe('Currency');
	});

	it.each([
		['shopify', ['Name', 'Email', 'Financial Status', 'Currency', 'Total'], 'Currency'],
		['woocommerce', ['Order Number', 'Order Currency', 'Order Total Amount'], 'Order Currency'],
		['woocommerce', ['Order Number', 'currency', 'Order Total Amount'], 'currency'],
		['amazon', ['amazon-order-id', 'item-price', 'currency'], 'currency']
	] as const)('%s reads it from %j', (id, header, column) => {
		expect(bindPresetMapping(findPreset(id), header).fields.currency).toBe(column);
	});
});
