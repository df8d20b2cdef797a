/**
 * Files in the shapes shops outside mainland China's UTF-8 tools write: a GB18030 export with
 * `¥` on every amount, a Big5 one from Hong Kong, a Shopify export in pounds, and a file mixing
 * currencies. Each goes through the real reader and the whole import; totals worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { importFiles, type MappingRequest } from '../../../src/ingest/import.ts';
import { dominantCurrency, resolveCurrencies } from '../../../src/ingest/quality.ts';
import { createMapping } from '../../../src/ingest/mapping.ts';
import { fileOf, resetCanonical } from './stage-fixture.ts';

const engine = useTestEngine({ each: resetCanonical });

const NOW = new Date('2025-06-01T00:00:00Z');

/** Imports with the mapper's suggestion taken as it is, and keeps what it was shown. */
async function importSuggested(name: string, bytes: Uint8Array) {
	const requests: MappingRequest[] = [];
	const result = await importFiles(engine, [fileOf(name, bytes)], {
		now: NOW,
		mappingFor: async (request) => {
			requests.push(request);
			return request.proposed;
		}
	});
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
	return { quality: result.value.files[0], request: requests[0] };
}

describe('GB18030, semicolons, Chinese headers, YYYY/M/D dates, ¥1,234.50 amounts', () => {
	const text = [
		'订单编号;客户;下单时间;订单状态;实付金额',
		'20240105001;王小明;2024/1/5;交易成功;¥1,234.50',
		'20240106002;李小红;2024/1/6;交易成功;¥88.00',
		'20240210003;王小明;2024/2/10;交易成功;¥2,000.00',
		'20240211004;张强;2024/2/11;交易关闭;¥99.90',
		'20240301005;李小红;2024/3/1;交易成功;¥15.25'
	].join('\r\n');

	it('is detected for certain and imports with its customers, orders and net revenue', async () => {
		const { quality, request } = await importSuggested('订单.csv', iconv.encode(text, 'gb18030'));
		expect(request.preview).toMatchObject({
			encoding: 'gb18030',
			encodingConfidence: 'certain',
			delimiter: ';',
			header: ['订单编号', '客户', '下单时间', '订单状态', '实付金额']
		});
		expect(request.proposed.fields).toMatchObject({
			order_id: '订单编号',
			customer_id: '客户',
			order_time: '下单时间',
			status: '订单状态',
			order_amount: '实付金额'
		});
		// Paid: 1234.50 + 88 + 2000 + 15.25 = 3337.75; 张强's order is closed (never paid), so
		// of the three buyers two are customers: the report counts those the analyses count.
		expect(quality).toMatchObject({
			orders: 5,
			customers: 2,
			netRevenue: 3337.75,
			currency: 'CNY',
			currencies: [{ code: 'CNY', rows: 5 }],
			firstOrder: '2024-01-05 00:00:00',
			lastOrder: '2024-03-01 00:00:00',
			rejected: []
		});
		expect(quality.statuses.closed).toEqual({ orders: 1, amount: 99.9 });
		expect(quality.warnings.map((w) => w.code)).not.toContain('ingest.mixed-currency');
	});
});

it('a Big5 export from Hong Kong reads in HK$', async () => {
	const text = [
		'訂單編號,客戶,下單時間,實付金額',
		'HK-1,陳大文,2024-05-01 10:00,HK$120.00',
		'HK-2,林小美,2024-05-02 11:30,HK$88.50',
		'HK-3,陳大文,2024-05-09 09:15,"HK$1,000.00"'
	].join('\n');
	const { quality, request } = await importSuggested('香港.csv', iconv.encode(text, 'big5'));
	expect(request.preview).toMatchObject({ encoding: 'big5', encodingConfidence: 'certain' });
	// 120 + 88.50 + 1000 = 1208.50 from two customers.
	expect(quality).toMatchObject({
		orders: 3,
		customers: 2,
		netRevenue: 1208.5,
		currency: 'HKD'
	});
});

it('a Shopify export in pounds has currency GBP', async () => {
	const header =
		'Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price';
	const text = [
		header,
		'#1001,ann@example.co.uk,paid,2024-11-11 10:05:00 +0000,GBP,30.00,34.50,2024-11-11 10:03:15 +0000,2,Tea,15.00',
		'#1001,ann@example.co.uk,,,,,,2024-11-11 10:03:15 +0000,1,Cup,0.00',
		'#1002,bob@example.co.uk,paid,2024-11-12 09:00:30 +0000,GBP,12.00,12.00,2024-11-12 09:00:00 +0000,1,Pot,12.00'
	].join('\n');
	const result = await importFiles(engine, [fileOf('orders_export.csv', text)], { now: NOW });
	if (!result.ok) throw new Error(result.error.detail);
	const q = result.value.files[0];
	expect(q.preset).toBe('shopify');
	// Currency is written on each order's first row only: 2 rows say GBP. 34.50 + 12 = 46.50.
	expect(q).toMatchObject({
		currency: 'GBP',
		currencies: [{ code: 'GBP', rows: 2 }],
		netRevenue: 46.5
	});
});

it('a file mixing currencies gets a warning with the rows per currency', async () => {
	const text = [
		'order,customer,date,amount',
		'1,a,2024-01-02,£12.00',
		'2,b,2024-01-03,£8.00',
		'3,c,2024-01-04,$5.00',
		'4,a,2024-01-05,€3.00',
		'5,b,2024-01-06,£1.00'
	].join('\n');
	const result = await importFiles(engine, [fileOf('mixed.csv', text)], {
		now: NOW,
		mappingFor: async () =>
			createMapping({
				order_id: 'order',
				customer_id: 'customer',
				order_time: 'date',
				order_amount: 'amount'
			})
	});
	if (!result.ok) throw new Error(result.error.detail);
	const q = result.value.files[0];
	expect(q.currency).toBe('GBP');
	expect(q.currencies).toEqual([
		{ code: 'GBP', rows: 3 },
		{ code: 'EUR', rows: 1 },
		{ code: 'USD', rows: 1 }
	]);
	expect(q.warnings).toContainEqual({
		code: 'ingest.mixed-currency',
		detail: 'GBP 3, EUR 1, USD 1'
	});
});

describe('resolveCurrencies', () => {
	it('reads ¥ as CNY unless the file says JPY', () => {
		expect(resolveCurrencies([{ code: 'YEN', rows: 4 }], undefined)).toEqual({
			currency: 'CNY',
			counts: [{ code: 'CNY', rows: 4 }]
		});
		expect(
			resolveCurrencies(
				[
					{ code: 'YEN', rows: 4 },
					{ code: 'JPY', rows: 1 }
				],
				undefined
			)
		).toEqual({ currency: 'JPY', counts: [{ code: 'JPY', rows: 5 }] });
		expect(resolveCurrencies([{ code: 'YEN', rows: 2 }], 'JPY').currency).toBe('JPY');
	});

	it('falls back to the preset when the data names no currency', () => {
		expect(resolveCurrencies([], 'CNY')).toEqual({ currency: 'CNY', counts: [] });
		expect(resolveCurrencies([], undefined)).toEqual({ currency: null, counts: [] });
	});
});

it('the display currency is the one most imported orders are in', () => {
	expect(
		dominantCurrency([
			{ currency: 'GBP', orders: 120 },
			{ currency: 'USD', orders: 30 },
			{ currency: null, orders: 500 }
		])
	).toBe('GBP');
	expect(dominantCurrency([{ currency: null, orders: 5 }])).toBeNull();
});
