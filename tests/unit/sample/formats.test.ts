import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import {
	csvField,
	formatContacts,
	formatOrders,
	GENERIC_HEADER,
	SHOPIFY_HEADER,
	TAOBAO_HEADER,
	type SampleFormat
} from '../../../src/sample/formats.ts';
import { generateOrders, type SampleOrder } from '../../../src/sample/generate.ts';

const ORDERS = [...generateOrders({ orders: 6000 })];
const text = (format: SampleFormat, orders: SampleOrder[] = ORDERS, bom = false) =>
	[...formatOrders(orders, format, { bom, chunkOrders: 700 })].join('');
const parse = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;

describe('csvField', () => {
	test('quotes only what needs it and doubles inner quotes', () => {
		expect(csvField('plain 文本')).toBe('plain 文本');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('要"米白"的')).toBe('"要""米白""的"');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\r')).toBe('"cr\r"');
		expect(csvField('')).toBe('');
	});
});

describe('generic layout', () => {
	test('exact header, one row per line, order fields repeated, fields survive a CSV parser', () => {
		const rows = parse(text('generic'));
		expect(rows[0]).toEqual(GENERIC_HEADER);
		expect(rows[0].join(',')).toBe(
			'order_id,customer_id,order_time,status,order_amount,refund_amount,channel,campaign,province,city,product_id,product_title,category,quantity,line_amount,customer_name,phone,email'
		);
		const lines = ORDERS.reduce((s, o) => s + o.lines.length, 0);
		expect(rows.length - 1).toBe(lines);
		const o = ORDERS.find((x) => x.lines.length === 3)!;
		const mine = rows.filter((r) => r[0] === o.orderId);
		expect(mine).toHaveLength(3);
		for (const r of mine) expect(r[4]).toBe(o.amount.toFixed(2));
		expect(mine.map((r) => r[11])).toEqual(o.lines.map((l) => l.title));
		const bad = rows
			.slice(1)
			.filter(
				(r) =>
					r.length !== GENERIC_HEADER.length ||
					!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[2]) ||
					!['paid', 'refunded', 'cancelled', 'closed'].includes(r[3])
			);
		expect(bad).toEqual([]);
	});

	test('chunk size does not change the text', () => {
		const a = [...formatOrders(ORDERS.slice(0, 500), 'generic', { chunkOrders: 7 })].join('');
		const b = [...formatOrders(ORDERS.slice(0, 500), 'generic', { chunkOrders: 5000 })].join('');
		expect(a).toBe(b);
	});
});

describe('taobao layout', () => {
	test('GBK (GB18030) bytes decode back to the same text, with ="…" ids and one row per order', () => {
		const utf = text('taobao');
		const bytes = iconv.encode(utf, 'gb18030');
		// Every character is in GBK proper: the bytes never use GB18030's 4-byte forms.
		expect(iconv.decode(bytes, 'gbk')).toBe(utf);
		const decoded = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
		expect(decoded).toBe(utf);
		const rows = parse(decoded);
		expect(rows[0]).toEqual(TAOBAO_HEADER);
		expect(rows.length - 1).toBe(ORDERS.length);
		for (const r of rows.slice(1)) {
			expect(r).toHaveLength(TAOBAO_HEADER.length);
			expect(r[0]).toMatch(/^="\d{19}"$/);
		}
		expect(decoded).toMatch(/\r\n="\d{19}",/);
	});

	test('statuses, refunds, notes with quotes and line breaks, Excel-style pay times', () => {
		const rows = parse(text('taobao'));
		const col = (name: string) => TAOBAO_HEADER.indexOf(name);
		const statuses = new Set(rows.slice(1).map((r) => r[col('订单状态')]));
		expect(statuses).toEqual(
			new Set(['交易成功', '交易关闭', '付款以后用户退款成功，交易自动关闭'])
		);
		const notes = rows.slice(1).map((r) => r[col('买家留言')]);
		expect(notes.some((n) => n.includes('\n'))).toBe(true);
		expect(notes.some((n) => n.includes('"'))).toBe(true);
		const pay = rows
			.slice(1)
			.map((r) => r[col('订单付款时间')])
			.filter((p) => p !== '');
		for (const p of pay) expect(p).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}$/);
		const o = ORDERS.find((x) => x.status === 'paid' && x.refund > 0)!;
		const r = rows.find((x) => x[0] === `="${o.orderId}"`)!;
		expect(r[col('退款金额')]).toBe(o.refund.toFixed(2));
		expect(r[col('买家实际支付金额')]).toBe(o.amount.toFixed(2));
		expect(r[col('收货地址')].startsWith(o.province + ' ')).toBe(true);
		expect(Number(r[col('宝贝种类')])).toBe(o.lines.length);
	});

	test('a UTF-8 Taobao file starts with a byte-order mark when asked', () => {
		expect(text('taobao', ORDERS.slice(0, 3), true).startsWith('\uFEFF订单编号,')).toBe(true);
		expect(text('taobao', ORDERS.slice(0, 3)).startsWith('订单编号,')).toBe(true);
	});
});

describe('shopify layout', () => {
	test('Total and the other order-level money only on the first line-item row', () => {
		const rows = parse(text('shopify'));
		expect(rows[0]).toEqual(SHOPIFY_HEADER);
		const col = (name: string) => SHOPIFY_HEADER.indexOf(name);
		const seen = new Set<string>();
		const bad: string[][] = [];
		for (const r of rows.slice(1)) {
			const first = !seen.has(r[col('Name')]);
			seen.add(r[col('Name')]);
			const orderLevel = ['Total', 'Financial Status', 'Subtotal', 'Billing Province'];
			if (
				orderLevel.some((name) => (r[col(name)] !== '') !== first) ||
				r[col('Lineitem name')] === '' ||
				!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0800$/.test(r[col('Created at')])
			)
				bad.push(r);
		}
		expect(bad).toEqual([]);
		expect(rows.length - 1).toBeGreaterThan(seen.size);
		expect(seen.size).toBe(ORDERS.length);
		expect(rows[1][col('Name')]).toBe('#1001');
		const statuses = new Set(rows.map((r) => r[col('Financial Status')]).filter(Boolean));
		expect(statuses).toEqual(
			new Set(['Financial Status', 'paid', 'partially_refunded', 'refunded', 'voided', 'expired'])
		);
		// Shopify discount codes are ASCII.
		for (const r of rows.slice(1)) expect(r[col('Discount Code')]).toMatch(/^[\x20-\x7e]*$/);
	});
});

describe('contacts', () => {
	test('header and rows', () => {
		const csv = formatContacts([
			{
				campaignId: 'x',
				wave: 2,
				customerId: 'tb1',
				group: 'control',
				sendTime: Date.UTC(2024, 0, 14, 10),
				channel: 'sms',
				cost: 0
			}
		]);
		expect(csv).toBe(
			'campaign_id,wave,customer_id,group,send_time,channel,cost\nx,2,tb1,control,2024-01-14 10:00:00,sms,0.00\n'
		);
	});
});
