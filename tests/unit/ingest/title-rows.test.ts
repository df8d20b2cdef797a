/**
 * Exports that open with title lines above the column header (JD's order export, many XLSX
 * reports), through the real reader and the whole import: the header is found, the titles are
 * not data, and rejected rows keep the file's own line numbers.
 */
import { expect, it } from 'vitest';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { importFiles } from '../../../src/ingest/import.ts';
import { createMapping } from '../../../src/ingest/mapping.ts';
import { previewSource } from '../../../src/ingest/read/index.ts';
import { fileOf, resetCanonical, rowsOf } from './stage-fixture.ts';

const engine = useTestEngine({ each: resetCanonical });

const NOW = new Date('2025-06-01T00:00:00Z');

const JD_HEADER = [
	'订单号',
	'下单帐号',
	'下单时间',
	'付款确认时间',
	'订单状态',
	'应付金额',
	'商品ID',
	'商品名称',
	'商品数量',
	'京东价',
	'客户姓名',
	'客户地址',
	'联系电话'
];
const ALICE = ['张三', '北京 北京市 朝阳区 建国路1号', '13800000001'];
const JD_ROWS = [
	// 240001: two items, the payable 150 repeated on both.
	['="240001"', 'jd_alice', '2024-11-11 10:00:00', '2024-11-11 10:01:00', '完成', '150.00'],
	['="240001"', 'jd_alice', '2024-11-11 10:00:00', '2024-11-11 10:01:00', '完成', '150.00'],
	['="240002"', 'jd_bob', '2024/11/12 9:05', '', '已取消', '80.00'],
	['="240003"', 'jd_alice', '2024-11-13 20:00:00', '2024-11-13 20:00:05', '等待确认收货', '45.50'],
	// 240004: the payable amount is not a number, so the order is rejected.
	['="240004"', 'jd_carol', '2024-11-14 08:00:00', '2024-11-14 08:00:09', '完成', '六十']
];
const JD_ITEMS = [
	['="1001"', '保温杯', '1', '100.00', ...ALICE],
	['="1002"', '杯套', '2', '25.00', ...ALICE],
	['="1003"', '茶叶', '1', '80.00', '李四', '广东 广州市 天河区', '13900000002'],
	['="1004"', '茶盘', '1', '45.50', ...ALICE],
	['="1005"', '茶匙', '1', '60.00', '王五', '上海 上海市 浦东新区', '13700000003']
];

const orders = () =>
	rowsOf(
		engine,
		`SELECT order_id, customer_id, order_time, status, gross_amount AS gross, net_amount AS net, province
		FROM orders ORDER BY order_id`
	);
const lines = () =>
	rowsOf(
		engine,
		`SELECT order_id, line_no, product_id, product_title, quantity, line_amount
		FROM order_lines ORDER BY order_id, line_no`
	);

const EXPECTED_ORDERS = [
	// 240001 is 150 once, not 2 × 150; 240002 is cancelled, so its net is 0.
	{
		order_id: '240001',
		customer_id: 'jd_alice',
		order_time: '2024-11-11 10:00:00',
		status: 'paid',
		gross: 150,
		net: 150,
		province: '北京'
	},
	{
		order_id: '240002',
		customer_id: 'jd_bob',
		order_time: '2024-11-12 09:05:00',
		status: 'cancelled',
		gross: 80,
		net: 0,
		province: '广东'
	},
	{
		order_id: '240003',
		customer_id: 'jd_alice',
		order_time: '2024-11-13 20:00:00',
		status: 'paid',
		gross: 45.5,
		net: 45.5,
		province: '北京'
	}
];
// Line amounts are unit price × quantity: 100 × 1, 25 × 2, 80 × 1, 45.5 × 1.
const EXPECTED_LINES = [
	{
		order_id: '240001',
		line_no: 1,
		product_id: '1001',
		product_title: '保温杯',
		quantity: 1,
		line_amount: 100
	},
	{
		order_id: '240001',
		line_no: 2,
		product_id: '1002',
		product_title: '杯套',
		quantity: 2,
		line_amount: 50
	},
	{
		order_id: '240002',
		line_no: 1,
		product_id: '1003',
		product_title: '茶叶',
		quantity: 1,
		line_amount: 80
	},
	{
		order_id: '240003',
		line_no: 1,
		product_id: '1004',
		product_title: '茶盘',
		quantity: 1,
		line_amount: 45.5
	}
];

it('JD GBK export with a title line and a blank line above the header', async () => {
	// Line 1 title (one field, narrower than the header: DuckDB must not reject it), line 2 blank,
	// line 3 header, lines 4–8 items; line 8 (240004) has a payable amount that is not a number.
	const body = JD_ROWS.map((r, i) => [...r, ...JD_ITEMS[i]].join(','));
	const text = ['京东订单导出 2024-11-01 至 2024-11-30', '', JD_HEADER.join(','), ...body].join(
		'\r\n'
	);
	const file = fileOf('ExportOrderList.csv', iconv.encode(text + '\r\n', 'gb18030'));

	const preview = await previewSource(file);
	if (!preview.ok) throw new Error(preview.error.detail);
	expect(preview.value).toMatchObject({
		encoding: 'gb18030',
		delimiter: ',',
		header: JD_HEADER,
		headerRow: 3,
		rowsAboveHeader: [{ line: 1, cells: ['京东订单导出 2024-11-01 至 2024-11-30'] }]
	});
	expect(preview.value.rows).toHaveLength(5);

	const result = await importFiles(engine, [file], { now: NOW });
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
	const q = result.value.files[0];
	expect(q.preset).toBe('jd');
	expect(q.rejected).toEqual([
		{ line: 8, reason: 'bad-amount', column: '应付金额', value: '六十' }
	]);
	// 5 data rows read (the title and blank lines are not rows), 1 rejected; 3 orders in 4 lines.
	// Gross 150 + 80 + 45.5 = 275.5; net leaves out the cancelled 80: 195.5. Customers are those
	// with a paid order: the cancelled order's buyer is not one.
	expect(q).toMatchObject({
		rowsRead: 5,
		orders: 3,
		lines: 4,
		customers: 1,
		grossRevenue: 275.5,
		netRevenue: 195.5
	});
	expect(await orders()).toEqual(EXPECTED_ORDERS);
	expect(await lines()).toEqual(EXPECTED_LINES);
});

it('XLSX report with a merged-looking title row and an export note above the header', async () => {
	// Sheet rows: 1 title (one cell), 2 export note (two cells), 3 blank, 4 header, 5–9 items.
	const cell = (v: string) => (v === '' ? null : { value: v });
	const buffer = await writeXlsxFile([
		{
			sheet: '订单',
			data: [
				[cell('京东订单导出'), ...JD_HEADER.slice(1).map(() => null)],
				[cell('导出时间:'), cell('2024-12-01 09:00:00'), ...JD_HEADER.slice(2).map(() => null)],
				JD_HEADER.map(() => null),
				JD_HEADER.map(cell),
				...JD_ROWS.map((r, i) => [...r, ...JD_ITEMS[i]].map((v) => cell(v.replace(/^="|"$/g, ''))))
			]
		}
	]).toBuffer();
	const file = fileOf('jd.xlsx', new Uint8Array(buffer));
	const preview = await previewSource(file);
	if (!preview.ok) throw new Error(preview.error.detail);
	expect(preview.value).toMatchObject({
		fileKind: 'xlsx',
		header: JD_HEADER,
		headerRow: 4,
		rowsAboveHeader: [
			{ line: 1, cells: ['京东订单导出', ...JD_HEADER.slice(1).map(() => '')] },
			{ line: 2, cells: ['导出时间:', '2024-12-01 09:00:00', ...JD_HEADER.slice(2).map(() => '')] }
		]
	});

	const result = await importFiles(engine, [file], { now: NOW });
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
	const q = result.value.files[0];
	expect(q.preset).toBe('jd');
	// Sheet row 9 holds 240004's bad amount.
	expect(q.rejected).toEqual([
		{ line: 9, reason: 'bad-amount', column: '应付金额', value: '六十' }
	]);
	expect(q).toMatchObject({ rowsRead: 5, orders: 3, lines: 4, netRevenue: 195.5 });
	expect(await orders()).toEqual(EXPECTED_ORDERS);
	expect(await lines()).toEqual(EXPECTED_LINES);
});

it('an explicit header row passes through the import', async () => {
	// Line 1, a summary of three values over four columns, passes for a header by its shape;
	// the analyst says line 2. Then one order of 12.5 on line 3.
	const text =
		'Bericht,November,3\nBestellnummer,Kunde,Datum,Betrag\nB-1,k1,2024-11-11 10:00:00,12.5\n';
	const found = await previewSource(fileOf('r.csv', text));
	expect(found.ok && found.value.headerRow).toBe(1);
	let seen: unknown;
	const result = await importFiles(engine, [fileOf('r.csv', text)], {
		now: NOW,
		readFor: () => ({ headerRow: 2 }),
		mappingFor: async ({ preview }) => {
			seen = { headerRow: preview.headerRow, header: preview.header };
			return createMapping({
				order_id: 'Bestellnummer',
				customer_id: 'Kunde',
				order_time: 'Datum',
				order_amount: 'Betrag'
			});
		}
	});
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
	expect(seen).toEqual({ headerRow: 2, header: ['Bestellnummer', 'Kunde', 'Datum', 'Betrag'] });
	expect(result.value.files[0]).toMatchObject({ orders: 1, netRevenue: 12.5 });
	expect(await orders()).toEqual([
		{
			order_id: 'B-1',
			customer_id: 'k1',
			order_time: '2024-11-11 10:00:00',
			status: 'paid',
			gross: 12.5,
			net: 12.5,
			province: null
		}
	]);
});
