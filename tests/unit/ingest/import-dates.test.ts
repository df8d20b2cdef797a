/**
 * Dates and offsets through the whole import, on files written in the shapes exporters produce:
 * the format is decided from the whole column, a rejected date names its value and the format
 * tried, and a column whose offsets change with daylight saving keeps its wall-clock times.
 */
import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { importFiles, type ImportOptions } from '../../../src/ingest/import.ts';
import type { Mapping } from '../../../src/ingest/mapping.ts';
import { message } from '../../../src/ui/i18n/index.ts';
import { describeDateFormat } from '../../../src/ingest/dates/format.ts';
import { fileOf, resetCanonical, rowsOf } from './stage-fixture.ts';

const engine = useTestEngine({ each: resetCanonical });

const NOW = new Date('2025-06-01T00:00:00Z');

/** Imports one file; an unknown layout takes the suggested mapping with `change` applied. */
async function load(name: string, text: string, change: Partial<Mapping> = {}) {
	const opts: ImportOptions = {
		now: NOW,
		mappingFor: async (r) => ({ ...r.proposed, unknownCustomersAcknowledged: true, ...change })
	};
	const result = await importFiles(engine, [fileOf(name, text)], opts);
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
	expect(result.value.failures).toEqual([]);
	return result.value.files[0];
}

const times = () =>
	rowsOf(engine, 'SELECT order_id, order_time FROM orders ORDER BY order_id').then((rows) =>
		Object.fromEntries(rows.map((r) => [r.order_id, r.order_time]))
	);

describe('formats decided from the whole column', () => {
	it('UCI-style invoices with two-digit years (12/1/09 7:45): every row loads, month first', async () => {
		// The first rows cannot tell day from month; line 6 (12/13/09) can.
		const csv = [
			'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
			'489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,12/1/09 7:45,6.95,13085.0,United Kingdom',
			'489434,79323P,PINK CHERRY LIGHTS,12,12/1/09 7:45,6.75,13085.0,United Kingdom',
			'489435,22350,CAT BOWL,12,12/1/09 7:46,2.55,13085.0,United Kingdom',
			'C489449,22087,PAPER BUNTING WHITE LACE,-12,12/1/09 10:33,2.95,16321.0,Australia',
			'489520,21755,LOVE BUILDING BLOCK WORD,3,12/13/09 14:05,5.95,,United Kingdom',
			'489521,21754,HOME BUILDING BLOCK WORD,1,1/2/10 9:00,5.95,17850.0,United Kingdom'
		].join('\n');
		const q = await load('online_retail_II.csv', csv);
		expect(q.preset).toBe('uci');
		expect(q.rejected).toEqual([]);
		expect(q).toMatchObject({
			dateFormat: 'M/D/YY H:mm',
			dateOrder: 'mdy',
			dateOrderGuessed: false,
			offsetRule: 'none',
			firstOrder: '2009-12-01 07:45:00',
			lastOrder: '2010-01-02 09:00:00'
		});
		// The cancellation C489449 is read at 10:33 too, but it is a return, not an order: it has
		// no sale of its own customer's to net into here, so it is reported and loads no order.
		expect(q.returns.unmatched.lines).toBe(1);
		expect(await times()).toEqual({
			'489434': '2009-12-01 07:45:00',
			'489435': '2009-12-01 07:46:00',
			'489520': '2009-12-13 14:05:00',
			'489521': '2010-01-02 09:00:00'
		});
	});

	it('DD.MM.YYYY with times', async () => {
		const csv = [
			'order_id,customer,date,amount',
			'A1,c1,01.02.2024 09:05,12.50',
			'A2,c2,15.03.2024 10:00,20.00',
			'A3,c1,31.12.2024,5.00'
		].join('\n');
		const q = await load('orders-de.csv', csv);
		expect(q).toMatchObject({ dateFormat: 'D.M.YYYY H:mm', dateOrder: 'dmy', rejected: [] });
		expect(await times()).toEqual({
			A1: '2024-02-01 09:05:00',
			A2: '2024-03-15 10:00:00',
			A3: '2024-12-31 00:00:00'
		});
	});

	it('YYYY年M月D日 HH:mm', async () => {
		const csv = [
			'订单号,买家会员名,下单时间,实付金额',
			'1001,张三,2024年1月5日 09:05,88.00',
			'1002,李四,2024年11月11日 23:59,120.00'
		].join('\n');
		const q = await load('orders-zh.csv', csv);
		expect(q).toMatchObject({ dateFormat: 'iso', rejected: [] });
		expect(await times()).toEqual({ '1001': '2024-01-05 09:05:00', '1002': '2024-11-11 23:59:00' });
	});

	it.each([
		['unix-s', '1731283395', '1731369600'],
		['unix-ms', '1731283395000', '1731369600000']
	])('Unix time (%s), read as UTC', async (format, a, b) => {
		const csv = ['order_id,customer,created_at,total', `1,c1,${a},10`, `2,c2,${b},20`].join('\n');
		const q = await load('epoch.csv', csv);
		expect(q).toMatchObject({ dateFormat: format, rejected: [] });
		expect(await times()).toEqual({ '1': '2024-11-11 00:03:15', '2': '2024-11-12 00:00:00' });
	});

	it('Excel serial numbers inside a CSV', async () => {
		const csv = ['order_id,customer,order date,total', '1,c1,45607.5,10', '2,c2,45608,20'].join(
			'\n'
		);
		const q = await load('serials.csv', csv);
		expect(q).toMatchObject({ dateFormat: 'excel', rejected: [] });
		expect(await times()).toEqual({ '1': '2024-11-11 12:00:00', '2': '2024-11-12 00:00:00' });
	});

	it('a format typed in the format field', async () => {
		const csv = [
			'order_id,customer,date,amount',
			'1,c1,12/11/2024 at 22:03,10',
			'2,c2,01/02/2024 at 09:00,20'
		].join('\n');
		const q = await load('typed.csv', csv, { dateFormat: 'DD/MM/YYYY at HH:mm' });
		expect(q).toMatchObject({ dateFormat: 'DD/MM/YYYY at HH:mm', dateOrder: 'dmy', rejected: [] });
		expect(await times()).toEqual({ '1': '2024-11-12 22:03:00', '2': '2024-02-01 09:00:00' });
	});

	it('refuses a format that cannot be read, loading nothing', async () => {
		const csv = ['order_id,customer,date,amount', '1,c1,12/11/2024,10'].join('\n');
		const result = await importFiles(engine, [fileOf('bad-format.csv', csv)], {
			now: NOW,
			mappingFor: async (r) => ({ ...r.proposed, dateFormat: 'MM/DD' })
		});
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.error).toEqual({
				code: 'ingest.date-format-invalid',
				detail: '"MM/DD" has no YYYY or YY'
			});
	});
});

describe('a rejected date', () => {
	it('names the value and the format tried', async () => {
		const csv = [
			'order_id,customer,date,amount',
			'1,c1,28/02/2024,10',
			'2,c2,31/02/2024,20',
			'3,c3,13/03/2024,30'
		].join('\n');
		const q = await load('feb.csv', csv);
		expect(q.dateFormat).toBe('D/M/YYYY');
		expect(q.rejected).toEqual([
			{ line: 3, reason: 'bad-date', column: 'date', value: '31/02/2024', format: 'D/M/YYYY' }
		]);
		const r = q.rejected[0];
		const text = (lang: 'en' | 'zh') =>
			message('ingest.reject.bad-date-in', lang, {
				value: r.value ?? '',
				format: describeDateFormat(r.format ?? '')[lang]
			});
		expect(text('en')).toBe('“31/02/2024” is not a date in D/M/YYYY');
		expect(text('zh')).toBe('“31/02/2024” 不是 D/M/YYYY 格式的日期');
	});

	it('in a file whose every row fails, the failure says which value and format', async () => {
		const csv = ['order_id,customer,date,amount', '1,c1,31/02/2024,10'].join('\n');
		const result = await importFiles(engine, [fileOf('all-bad.csv', csv)], {
			now: NOW,
			mappingFor: async (r) => r.proposed
		});
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.error).toMatchObject({
				code: 'ingest.nothing-loaded',
				detail: 'all 1 rows were rejected (first: line 2, "31/02/2024" is not a date in D/M/YYYY)',
				rejected: [{ line: 2, value: '31/02/2024', format: 'D/M/YYYY' }]
			});
	});
});

describe('offsets', () => {
	const shopify = (rows: string[]) =>
		[
			'Name,Email,Financial Status,Created at,Total,Lineitem name,Lineitem quantity,Lineitem price',
			...rows
		].join('\n');

	it('a Shopify export across daylight saving keeps each time as written', async () => {
		// London: +0000 in winter, +0100 in summer. One store offset would move one season an hour.
		const csv = shopify([
			'#1001,a@example.uk,paid,2024-01-15 10:00:00 +0000,20.00,Tea,1,20.00',
			'#1002,b@example.uk,paid,2024-07-15 10:00:00 +0100,30.00,Tea,1,30.00',
			'#1003,a@example.uk,paid,2024-07-16 09:30:00 +0100,15.00,Tea,1,15.00'
		]);
		const q = await load('shopify-uk.csv', csv);
		expect(q).toMatchObject({
			preset: 'shopify',
			offsetRule: 'wall-clock',
			offsetsSeen: [60, 0],
			storeOffsetMinutes: 60,
			rejected: []
		});
		expect(await times()).toEqual({
			'#1001': '2024-01-15 10:00:00',
			'#1002': '2024-07-15 10:00:00',
			'#1003': '2024-07-16 09:30:00'
		});
	});

	it('one offset throughout is converted to the store zone, as before', async () => {
		const csv = shopify([
			'#1001,a@example.cn,paid,2024-01-15 10:00:00 +0800,20.00,Tea,1,20.00',
			'#1002,b@example.cn,paid,2024-07-15 10:00:00 +0800,30.00,Tea,1,30.00'
		]);
		const opts: ImportOptions = { now: NOW, timezoneOffsetMinutes: 0 };
		const result = await importFiles(engine, [fileOf('shopify-cn.csv', csv)], opts);
		if (!result.ok) throw new Error(result.error.detail);
		expect(result.value.files[0]).toMatchObject({
			offsetRule: 'single',
			offsetsSeen: [480],
			storeOffsetMinutes: 0
		});
		expect(await times()).toEqual({
			'#1001': '2024-01-15 02:00:00',
			'#1002': '2024-07-15 02:00:00'
		});
	});
});
