/**
 * One small export per platform, in that platform's layout and encoding, through the real reader
 * and the whole import. Expected tables are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { importFiles } from '../../../src/ingest/import.ts';
import type { FileQuality } from '../../../src/ingest/quality.ts';
import { fileOf, resetCanonical, rowsOf } from './stage-fixture.ts';

const engine = useTestEngine({ each: resetCanonical });

const NOW = new Date('2025-06-01T00:00:00Z');

async function load(name: string, content: string | Uint8Array): Promise<FileQuality> {
	const result = await importFiles(engine, [fileOf(name, content)], { now: NOW });
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
	expect(result.value.failures).toEqual([]);
	return result.value.files[0];
}

const orders = () =>
	rowsOf(
		engine,
		`SELECT order_id, customer_id, order_time, status, gross_amount AS gross,
			refund_amount AS refund, round(net_amount, 2) AS net, channel, campaign, province, city
		FROM orders ORDER BY order_id`
	);
const lineTotals = async () =>
	(
		await rowsOf(
			engine,
			`SELECT count(*) AS lines, round(sum(line_amount), 2) AS amount, sum(quantity) AS quantity FROM order_lines`
		)
	)[0];
const customers = () => rowsOf(engine, 'SELECT * FROM customers ORDER BY customer_id');

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

describe('presets', () => {
	it('Taobao order report: GBK, ="…" ids, refunds and closed trades', async () => {
		const text = csv([
			[
				'订单编号',
				'买家会员名',
				'买家应付货款',
				'买家实际支付金额',
				'订单状态',
				'收货人姓名',
				'收货地址',
				'联系手机',
				'订单创建时间',
				'订单付款时间',
				'宝贝标题',
				'宝贝种类',
				'宝贝总数量',
				'店铺优惠',
				'退款金额'
			],
			[
				'="3901234567890123456"',
				'小明',
				'199.00',
				'189.00',
				'交易成功',
				'王小明',
				'浙江省 杭州市 西湖区 文三路1号(310000)',
				'13800000001',
				'2024-11-11 00:03:15',
				'2024-11-11 00:03:40',
				'羊毛围巾',
				'1',
				'1',
				'店铺优惠券:省10.00元',
				'0.00'
			],
			[
				'="3901234567890123457"',
				'小红',
				'299.00',
				'299.00',
				'交易成功',
				'李小红',
				'上海 上海市 浦东新区 世纪大道2号',
				'13900000002',
				'2024-11-11 08:15:00',
				'2024-11-11 08:15:30',
				'"羊绒大衣,毛衣"',
				'2',
				'3',
				'',
				'50.00'
			],
			[
				'="3901234567890123458"',
				'小明',
				'88.00',
				'88.00',
				'交易关闭',
				'王小明',
				'浙江省 杭州市 西湖区 文三路1号(310000)',
				'13800000001',
				'2024-11-12 10:00:00',
				'',
				'手套',
				'1',
				'1',
				'',
				'0.00'
			],
			[
				'="3901234567890123459"',
				'阿强',
				'120.00',
				'120.00',
				'交易成功',
				'张强',
				'广东省 深圳市 南山区 科技园',
				'13700000003',
				'2024-11-13 21:00:00',
				'2024-11-13 21:01:00',
				'帽子',
				'1',
				'2',
				'',
				'120.00'
			],
			[
				'="3901234567890123460"',
				'小红',
				'66.00',
				'66.00',
				'等待买家付款',
				'李小红',
				'上海 上海市 浦东新区 世纪大道2号',
				'13900000002',
				'2024-11-14 09:00:00',
				'',
				'袜子',
				'1',
				'1',
				'',
				'0.00'
			]
		]);
		const q = await load('ExportOrderList.csv', iconv.encode(text, 'gb18030'));
		expect(q.preset).toBe('taobao');
		// Store and export are both UTC+8: times unchanged. Order …457 has 50 of 299 refunded
		// (net 249); …459 refunded 120 of 120 → refunded; 交易关闭 and 等待买家付款 → closed.
		expect(await orders()).toEqual([
			{
				order_id: '3901234567890123456',
				customer_id: '小明',
				order_time: '2024-11-11 00:03:15',
				status: 'paid',
				gross: 189,
				refund: 0,
				net: 189,
				channel: null,
				campaign: '店铺优惠券:省10.00元',
				province: '浙江省',
				city: '杭州市'
			},
			{
				order_id: '3901234567890123457',
				customer_id: '小红',
				order_time: '2024-11-11 08:15:00',
				status: 'paid',
				gross: 299,
				refund: 50,
				net: 249,
				channel: null,
				campaign: null,
				province: '上海',
				city: '上海市'
			},
			{
				order_id: '3901234567890123458',
				customer_id: '小明',
				order_time: '2024-11-12 10:00:00',
				status: 'closed',
				gross: 88,
				refund: 0,
				net: 0,
				channel: null,
				campaign: null,
				province: '浙江省',
				city: '杭州市'
			},
			{
				order_id: '3901234567890123459',
				customer_id: '阿强',
				order_time: '2024-11-13 21:00:00',
				status: 'refunded',
				gross: 120,
				refund: 120,
				net: 0,
				channel: null,
				campaign: null,
				province: '广东省',
				city: '深圳市'
			},
			{
				order_id: '3901234567890123460',
				customer_id: '小红',
				order_time: '2024-11-14 09:00:00',
				status: 'closed',
				gross: 66,
				refund: 0,
				net: 0,
				channel: null,
				campaign: null,
				province: '上海',
				city: '上海市'
			}
		]);
		// One line per order worth the order: 189 + 299 + 88 + 120 + 66 = 762; quantities 1+3+1+2+1.
		expect(await lineTotals()).toEqual({ lines: 5, amount: 762, quantity: 8 });
		expect(await customers()).toEqual([
			{ customer_id: '小明', name: '王小明', phone: '13800000001', email: null },
			{ customer_id: '小红', name: '李小红', phone: '13900000002', email: null },
			{ customer_id: '阿强', name: '张强', phone: '13700000003', email: null }
		]);
		// gross 762, refunds 50 + 120 = 170, net 189 + 249 = 438. Customers are those with a paid
		// order: 2 (the contact list keeps all three).
		expect(q).toMatchObject({
			rowsRead: 5,
			orders: 5,
			customers: 2,
			grossRevenue: 762,
			refundAmount: 170,
			netRevenue: 438,
			currency: 'CNY',
			rejected: []
		});
		expect(q.statuses).toEqual({
			paid: { orders: 2, amount: 488 },
			refunded: { orders: 1, amount: 120 },
			cancelled: { orders: 0, amount: 0 },
			closed: { orders: 2, amount: 154 }
		});
	});

	it('JD: GBK line items with the payable amount repeated on every line, taken once', async () => {
		const text = csv([
			[
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
			],
			[
				'240001',
				'jd_alice',
				'2024-11-11 10:00:00',
				'2024-11-11 10:01:00',
				'完成',
				'150.00',
				'1001',
				'保温杯',
				'1',
				'100.00',
				'张三',
				'北京 北京市 朝阳区 建国路1号',
				'13800000001'
			],
			[
				'240001',
				'jd_alice',
				'2024-11-11 10:00:00',
				'2024-11-11 10:01:00',
				'完成',
				'150.00',
				'1002',
				'杯套',
				'2',
				'25.00',
				'张三',
				'北京 北京市 朝阳区 建国路1号',
				'13800000001'
			],
			[
				'240002',
				'jd_bob',
				'2024/11/12 9:05',
				'',
				'已取消',
				'80.00',
				'1003',
				'茶叶',
				'1',
				'80.00',
				'李四',
				'广东 广州市 天河区',
				'13900000002'
			],
			[
				'240003',
				'jd_alice',
				'2024-11-13 20:00:00',
				'2024-11-13 20:00:05',
				'等待确认收货',
				'45.50',
				'1004',
				'茶盘',
				'1',
				'45.50',
				'张三',
				'北京 北京市 朝阳区 建国路1号',
				'13800000001'
			]
		]);
		const q = await load('jd-orders.csv', iconv.encode(text, 'gb18030'));
		expect(q.preset).toBe('jd');
		// 240001 is 150 (not 2 × 150); 240002 cancelled → net 0.
		expect(
			(await orders()).map((o) => [o.order_id, o.order_time, o.status, o.gross, o.net, o.province])
		).toEqual([
			['240001', '2024-11-11 10:00:00', 'paid', 150, 150, '北京'],
			['240002', '2024-11-12 09:05:00', 'cancelled', 80, 0, '广东'],
			['240003', '2024-11-13 20:00:00', 'paid', 45.5, 45.5, '北京']
		]);
		// Lines from unit price × quantity: 100×1 + 25×2 + 80×1 + 45.5×1 = 275.5.
		expect(await lineTotals()).toEqual({ lines: 4, amount: 275.5, quantity: 5 });
		// One customer with a paid order: the cancelled order's buyer is not counted.
		expect(q).toMatchObject({
			orders: 3,
			lines: 4,
			customers: 1,
			grossRevenue: 275.5,
			netRevenue: 195.5
		});
	});

	it('Pinduoduo: BOM, "-" as empty, after-sale refunds, no buyer id', async () => {
		const text = csv([
			[
				'商品',
				'订单号',
				'订单状态',
				'商品总价(元)',
				'店铺优惠折扣(元)',
				'用户实付金额(元)',
				'商品数量(件)',
				'订单成交时间',
				'商品id',
				'商品规格',
				'售后状态',
				'收货人',
				'手机',
				'省',
				'市',
				'区'
			],
			[
				'纸巾 10包',
				'240101-123456789012345',
				'已签收',
				'39.90',
				'5.00',
				'34.90',
				'1',
				'2024-11-11 12:00:00',
				'8801',
				'默认',
				'无售后或售后取消',
				'赵六',
				'-',
				'江苏省',
				'南京市',
				'鼓楼区'
			],
			[
				'洗衣液',
				'240101-223456789012345',
				'已发货，待签收',
				'59.00',
				'0.00',
				'59.00',
				'2',
				'2024-11-11 13:30:00',
				'8802',
				'2kg',
				'退款成功',
				'钱七',
				'-',
				'江苏省',
				'苏州市',
				'-'
			],
			[
				'牙刷',
				'240102-323456789012345',
				'已取消',
				'12.00',
				'0',
				'12.00',
				'1',
				'2024-11-12 08:00:00',
				'8803',
				'-',
				'-',
				'孙八',
				'-',
				'-',
				'-',
				'-'
			],
			[
				'抽纸',
				'240102-423456789012345',
				'待发货',
				'25.00',
				'-',
				'25.00',
				'1',
				'2024-11-12 09:00:00',
				'8801',
				'-',
				'售后处理中',
				'周九',
				'-',
				'浙江省',
				'宁波市',
				'-'
			]
		]);
		const q = await load('pdd.csv', new TextEncoder().encode('\uFEFF' + text));
		expect(q.preset).toBe('pinduoduo');
		// …2234 refunded after sale → refund = gross 59, net 0; …3234 cancelled; '-' → NULL.
		expect(
			(await orders()).map((o) => [
				o.order_id,
				o.customer_id,
				o.status,
				o.gross,
				o.refund,
				o.net,
				o.province,
				o.city
			])
		).toEqual([
			['240101-123456789012345', null, 'paid', 34.9, 0, 34.9, '江苏省', '南京市'],
			['240101-223456789012345', null, 'refunded', 59, 59, 0, '江苏省', '苏州市'],
			['240102-323456789012345', null, 'cancelled', 12, 0, 0, null, null],
			['240102-423456789012345', null, 'paid', 25, 0, 25, '浙江省', '宁波市']
		]);
		expect(await customers()).toEqual([]);
		// All four orders are unknown-customer: net 34.9 + 25 = 59.9. Gross 34.9+59+12+25 = 130.9.
		expect(q).toMatchObject({
			orders: 4,
			customers: 0,
			unknownCustomerOrders: 4,
			grossRevenue: 130.9
		});
		expect(q.unknownCustomerRevenue).toBeCloseTo(59.9, 9);
		expect(await lineTotals()).toMatchObject({ lines: 4, quantity: 5 });
	});

	it('Douyin: sub-orders summed into their main order, influencer and traffic source', async () => {
		const text = csv([
			[
				'主订单编号',
				'子订单编号',
				'选购商品',
				'商品ID',
				'商品数量',
				'订单应付金额',
				'订单提交时间',
				'支付完成时间',
				'订单状态',
				'售后状态',
				'达人昵称',
				'流量来源',
				'收件人',
				'收件人手机号',
				'省',
				'市'
			],
			[
				'6912345678901234567',
				'6912345678901234568',
				'面膜A',
				'3001',
				'2',
				'99.80',
				'2024/11/11 20:00:01',
				'2024/11/11 20:00:30',
				'已完成',
				'-',
				'小美直播间',
				'直播',
				'吴一',
				'-',
				'四川省',
				'成都市'
			],
			[
				'6912345678901234567',
				'6912345678901234569',
				'面膜B',
				'3002',
				'1',
				'49.90',
				'2024/11/11 20:00:01',
				'2024/11/11 20:00:30',
				'已完成',
				'-',
				'小美直播间',
				'直播',
				'吴一',
				'-',
				'四川省',
				'成都市'
			],
			[
				'6912345678901234570',
				'6912345678901234571',
				'精华',
				'3003',
				'1',
				'199.00',
				'2024/11/12 21:10:00',
				'-',
				'已关闭',
				'-',
				'-',
				'商品卡',
				'郑二',
				'-',
				'广东省',
				'广州市'
			],
			[
				'6912345678901234572',
				'6912345678901234573',
				'面霜',
				'3004',
				'1',
				'129.00',
				'2024/11/13 10:00:00',
				'2024/11/13 10:00:09',
				'已完成',
				'退款成功',
				'小美直播间',
				'直播',
				'吴一',
				'-',
				'四川省',
				'成都市'
			]
		]);
		const q = await load('douyin.csv', new TextEncoder().encode(text));
		expect(q.preset).toBe('douyin');
		// …567 = 99.80 + 49.90 = 149.70; …570 closed; …572 refunded after sale.
		expect(
			(await orders()).map((o) => [
				o.order_id,
				o.order_time,
				o.status,
				o.gross,
				o.net,
				o.channel,
				o.campaign
			])
		).toEqual([
			['6912345678901234567', '2024-11-11 20:00:01', 'paid', 149.7, 149.7, '直播', '小美直播间'],
			['6912345678901234570', '2024-11-12 21:10:00', 'closed', 199, 0, '商品卡', null],
			['6912345678901234572', '2024-11-13 10:00:00', 'refunded', 129, 0, '直播', '小美直播间']
		]);
		expect(await lineTotals()).toEqual({ lines: 4, amount: 477.7, quantity: 5 });
		expect(q).toMatchObject({ unknownCustomerOrders: 3, unknownCustomerRevenue: 149.7 });
	});

	it('TikTok Shop: the description row is skipped, day-first dates are detected', async () => {
		const text = csv([
			[
				'Order ID',
				'Order Status',
				'SKU ID',
				'Product Name',
				'Quantity',
				'SKU Subtotal After Discount',
				'Order Amount',
				'Order Refund Amount',
				'Created Time',
				'Paid Time',
				'Buyer Username',
				'Recipient',
				'Phone #',
				'State',
				'City'
			],
			[
				'Platform unique order ID.',
				'Current order status.',
				'Platform SKU ID.',
				'Product name.',
				'Quantity of SKU.',
				'SKU subtotal after discounts.',
				'Order total.',
				'Refunded amount.',
				'Order creation time.',
				'Payment time.',
				'Buyer username.',
				'Recipient name.',
				'Recipient phone.',
				'State.',
				'City.'
			],
			[
				'576111222333444555',
				'Completed',
				'1729001',
				'Phone case',
				'2',
				'19.98',
				'25.97',
				'0',
				'13/11/2024 10:03:15',
				'13/11/2024 10:03:20',
				'buyer_a',
				'Ana',
				'(+44)7000',
				'England',
				'London'
			],
			[
				'576111222333444555',
				'Completed',
				'1729002',
				'Screen protector',
				'1',
				'5.99',
				'25.97',
				'0',
				'13/11/2024 10:03:15',
				'13/11/2024 10:03:20',
				'buyer_a',
				'Ana',
				'(+44)7000',
				'England',
				'London'
			],
			[
				'576111222333444556',
				'Cancelled',
				'1729003',
				'Charger',
				'1',
				'15.00',
				'15.00',
				'0',
				'02/12/2024 18:00:00',
				'',
				'buyer_b',
				'Ben',
				'(+44)7001',
				'Scotland',
				'Glasgow'
			],
			[
				'576111222333444557',
				'Delivered',
				'1729001',
				'Phone case',
				'1',
				'9.99',
				'9.99',
				'9.99',
				'05/12/2024 09:30:00',
				'05/12/2024 09:30:10',
				'buyer_a',
				'Ana',
				'(+44)7000',
				'England',
				'London'
			]
		]);
		const q = await load('tiktok.csv', new TextEncoder().encode(text));
		expect(q.preset).toBe('tiktok');
		// 13/11 can only be day-first, so 02/12/2024 is 2 December.
		expect(q).toMatchObject({
			dateOrder: 'dmy',
			dateOrderGuessed: false,
			rowsRead: 4,
			rejected: []
		});
		expect(
			(await orders()).map((o) => [
				o.order_id,
				o.customer_id,
				o.order_time,
				o.status,
				o.gross,
				o.refund,
				o.net
			])
		).toEqual([
			['576111222333444555', 'buyer_a', '2024-11-13 10:03:15', 'paid', 25.97, 0, 25.97],
			['576111222333444556', 'buyer_b', '2024-12-02 18:00:00', 'cancelled', 15, 0, 0],
			['576111222333444557', 'buyer_a', '2024-12-05 09:30:00', 'refunded', 9.99, 9.99, 0]
		]);
		// 19.98 + 5.99 + 15 + 9.99 = 50.96
		expect(await lineTotals()).toEqual({ lines: 4, amount: 50.96, quantity: 5 });
	});

	it('Shopify: Total only on the first line row, times with offsets, guest checkout', async () => {
		const text = csv([
			[
				'Name',
				'Email',
				'Financial Status',
				'Paid at',
				'Currency',
				'Subtotal',
				'Total',
				'Discount Code',
				'Created at',
				'Lineitem quantity',
				'Lineitem name',
				'Lineitem price',
				'Lineitem sku',
				'Billing Name',
				'Billing City',
				'Billing Province',
				'Billing Phone',
				'Refunded Amount',
				'Source'
			],
			[
				'#1001',
				'ann@example.com',
				'paid',
				'2024-11-11 00:05:00 +0800',
				'CNY',
				'120.00',
				'128.00',
				'SINGLES11',
				'2024-11-11 00:03:15 +0800',
				'2',
				'Tea cup',
				'50.00',
				'TC-1',
				'Ann',
				'Hangzhou',
				'ZJ',
				'',
				'0.00',
				'web'
			],
			[
				'#1001',
				'ann@example.com',
				'',
				'',
				'',
				'',
				'',
				'',
				'2024-11-11 00:03:15 +0800',
				'1',
				'Saucer',
				'20.00',
				'SC-1',
				'',
				'',
				'',
				'',
				'',
				'web'
			],
			[
				'#1002',
				'bob@example.com',
				'partially_refunded',
				'2024-11-12 09:00:30 +0800',
				'CNY',
				'60.00',
				'60.00',
				'',
				'2024-11-12 09:00:00 +0800',
				'1',
				'Teapot',
				'60.00',
				'TP-1',
				'Bob',
				'Shanghai',
				'SH',
				'',
				'15.00',
				'pos'
			],
			[
				'#1003',
				'',
				'refunded',
				'2024-11-12 23:31:00 +0700',
				'CNY',
				'30.00',
				'30.00',
				'',
				'2024-11-12 23:30:00 +0700',
				'1',
				'Tea',
				'30.00',
				'T-1',
				'Guest',
				'Ningbo',
				'ZJ',
				'',
				'30.00',
				'web'
			],
			[
				'#1004',
				'ann@example.com',
				'voided',
				'',
				'CNY',
				'45.00',
				'45.00',
				'',
				'2024-11-14 10:00:00 +0800',
				'1',
				'Tray',
				'45.00',
				'TR-1',
				'Ann',
				'Hangzhou',
				'ZJ',
				'',
				'0.00',
				'web'
			]
		]);
		const q = await load('orders_export.csv', new TextEncoder().encode(text));
		expect(q.preset).toBe('shopify');
		// Most times are +0800, so the store is UTC+8. The offsets differ (+0800, +0700), so each
		// time keeps its wall-clock reading: 23:30 at +0700 stays 23:30.
		expect(q).toMatchObject({ storeOffsetMinutes: 480, offsetRule: 'wall-clock' });
		expect(
			(await orders()).map((o) => [
				o.order_id,
				o.customer_id,
				o.order_time,
				o.status,
				o.gross,
				o.refund,
				o.net,
				o.campaign,
				o.channel
			])
		).toEqual([
			['#1001', 'ann@example.com', '2024-11-11 00:03:15', 'paid', 128, 0, 128, 'SINGLES11', 'web'],
			['#1002', 'bob@example.com', '2024-11-12 09:00:00', 'paid', 60, 15, 45, null, 'pos'],
			['#1003', null, '2024-11-12 23:30:00', 'refunded', 30, 30, 0, null, 'web'],
			['#1004', 'ann@example.com', '2024-11-14 10:00:00', 'cancelled', 45, 0, 0, null, 'web']
		]);
		// Lines: 2×50 + 1×20 + 60 + 30 + 45 = 255 (the Total of #1001, 128, includes shipping).
		expect(await lineTotals()).toEqual({ lines: 5, amount: 255, quantity: 6 });
		expect(await customers()).toEqual([
			{ customer_id: 'ann@example.com', name: 'Ann', phone: null, email: 'ann@example.com' },
			{ customer_id: 'bob@example.com', name: 'Bob', phone: null, email: 'bob@example.com' }
		]);
		// gross 128 + 60 + 30 + 45 = 263; net 128 + 45 = 173
		expect(q).toMatchObject({
			grossRevenue: 263,
			netRevenue: 173,
			unknownCustomerOrders: 1,
			unknownCustomerRevenue: 0
		});
	});

	it('WooCommerce: a negative refund row is netted into its order', async () => {
		const text = csv([
			[
				'Order Number',
				'Order Status',
				'Order Date',
				'Email (Billing)',
				'First Name (Billing)',
				'Phone (Billing)',
				'City (Billing)',
				'State Code (Billing)',
				'Coupon Code',
				'Order Total Amount',
				'Order Refund Amount',
				'SKU',
				'Item Name',
				'Quantity',
				'Item Cost'
			],
			[
				'5001',
				'completed',
				'2024-11-20 14:00',
				'cara@example.com',
				'Cara',
				'+44 20 0000',
				'London',
				'LND',
				'BLACKFRIDAY',
				'80.00',
				'',
				'MUG-1',
				'Mug',
				'2',
				'30.00'
			],
			[
				'5001',
				'completed',
				'2024-11-20 14:00',
				'cara@example.com',
				'Cara',
				'+44 20 0000',
				'London',
				'LND',
				'BLACKFRIDAY',
				'80.00',
				'',
				'COAST-1',
				'Coaster',
				'4',
				'5.00'
			],
			[
				'5001',
				'refunded',
				'2024-11-22 09:00',
				'cara@example.com',
				'',
				'',
				'',
				'',
				'',
				'-20.00',
				'',
				'',
				'',
				'',
				''
			],
			[
				'5002',
				'processing',
				'2024-11-21 08:30',
				'dan@example.com',
				'Dan',
				'',
				'Leeds',
				'WYK',
				'',
				'45.00',
				'',
				'BAG-1',
				'Bag',
				'1',
				'45.00'
			],
			[
				'5003',
				'cancelled',
				'2024-11-21 10:00',
				'cara@example.com',
				'Cara',
				'',
				'London',
				'LND',
				'',
				'15.00',
				'',
				'MUG-1',
				'Mug',
				'1',
				'15.00'
			]
		]);
		const q = await load('woo.csv', new TextEncoder().encode(text));
		expect(q.preset).toBe('woocommerce');
		// 5001: 80 once (not 160), minus the −20 refund row → net 60, time from its sale rows.
		expect(
			(await orders()).map((o) => [
				o.order_id,
				o.order_time,
				o.status,
				o.gross,
				o.refund,
				o.net,
				o.campaign
			])
		).toEqual([
			['5001', '2024-11-20 14:00:00', 'paid', 80, 20, 60, 'BLACKFRIDAY'],
			['5002', '2024-11-21 08:30:00', 'paid', 45, 0, 45, null],
			['5003', '2024-11-21 10:00:00', 'cancelled', 15, 0, 0, null]
		]);
		// The refund row is no line: 2×30 + 4×5 + 45 + 15 = 140.
		expect(await lineTotals()).toEqual({ lines: 4, amount: 140, quantity: 8 });
		expect(q).toMatchObject({ netRevenue: 105, refundAmount: 20, customers: 2 });
		expect(q.suspicious).toMatchObject({ refundRows: 1, refundOnlyOrders: 0 });
	});

	it('Amazon order report: tab-separated, ISO times with offsets, no buyer id', async () => {
		const header = [
			'amazon-order-id',
			'merchant-order-id',
			'purchase-date',
			'last-updated-date',
			'order-status',
			'fulfillment-channel',
			'sales-channel',
			'product-name',
			'sku',
			'asin',
			'quantity',
			'currency',
			'item-price',
			'item-tax',
			'ship-city',
			'ship-state',
			'ship-country',
			'promotion-ids'
		];
		const rows = [
			[
				'111-1234567-1234567',
				'',
				'2024-11-29T08:15:00+00:00',
				'2024-11-30T10:00:00+00:00',
				'Shipped',
				'Amazon',
				'Amazon.com',
				'Desk lamp',
				'LAMP-1',
				'B000000001',
				'1',
				'USD',
				'39.99',
				'3.20',
				'SEATTLE',
				'WA',
				'US',
				'BF2024'
			],
			[
				'111-1234567-1234567',
				'',
				'2024-11-29T08:15:00+00:00',
				'2024-11-30T10:00:00+00:00',
				'Shipped',
				'Amazon',
				'Amazon.com',
				'Bulb, warm',
				'BULB-1',
				'B000000002',
				'2',
				'USD',
				'11.98',
				'0.96',
				'SEATTLE',
				'WA',
				'US',
				'BF2024'
			],
			[
				'112-7654321-7654321',
				'',
				'2024-11-30T01:00:00+00:00',
				'2024-11-30T02:00:00+00:00',
				'Cancelled',
				'Merchant',
				'Amazon.com',
				'Desk lamp',
				'LAMP-1',
				'B000000001',
				'1',
				'',
				'',
				'',
				'AUSTIN',
				'TX',
				'US',
				''
			],
			[
				'113-1111111-2222222',
				'',
				'2024-12-01T18:30:00-08:00',
				'2024-12-02T03:00:00+00:00',
				'Pending',
				'Amazon',
				'Amazon.com',
				'Shade',
				'SHADE-1',
				'B000000003',
				'1',
				'USD',
				'25.00',
				'2.00',
				'PORTLAND',
				'OR',
				'US',
				''
			]
		];
		const text = [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n';
		const q = await load('amazon-orders.txt', new TextEncoder().encode(text));
		expect(q.preset).toBe('amazon');
		// Three +00:00 times against one −08:00: the store is UTC. The offsets differ, so each time
		// keeps its wall-clock reading (18:30 stays 18:30) rather than being moved by another's.
		expect(q).toMatchObject({
			storeOffsetMinutes: 0,
			offsetRule: 'wall-clock',
			offsetsSeen: [0, -480]
		});
		// 111 = 39.99 + 11.98 = 51.97; the cancelled 112 has no price → 0; pending 113 counts as paid.
		expect(
			(await orders()).map((o) => [
				o.order_id,
				o.customer_id,
				o.order_time,
				o.status,
				o.gross,
				o.net,
				o.channel,
				o.campaign,
				o.province
			])
		).toEqual([
			[
				'111-1234567-1234567',
				null,
				'2024-11-29 08:15:00',
				'paid',
				51.97,
				51.97,
				'Amazon.com',
				'BF2024',
				'WA'
			],
			[
				'112-7654321-7654321',
				null,
				'2024-11-30 01:00:00',
				'cancelled',
				0,
				0,
				'Amazon.com',
				null,
				'TX'
			],
			['113-1111111-2222222', null, '2024-12-01 18:30:00', 'paid', 25, 25, 'Amazon.com', null, 'OR']
		]);
		expect(await lineTotals()).toEqual({ lines: 4, amount: 76.97, quantity: 5 });
		expect(q).toMatchObject({
			unknownCustomerOrders: 3,
			unknownCustomerRevenue: 76.97,
			rejected: []
		});
	});

	it('UCI Online Retail: a C-invoice is no order; it nets into its customer’s sale', async () => {
		const text = csv([
			[
				'InvoiceNo',
				'StockCode',
				'Description',
				'Quantity',
				'InvoiceDate',
				'UnitPrice',
				'CustomerID',
				'Country'
			],
			[
				'536365',
				'85123A',
				'WHITE HANGING HEART T-LIGHT HOLDER',
				'6',
				'12/1/2010 8:26',
				'2.55',
				'17850',
				'United Kingdom'
			],
			[
				'536365',
				'71053',
				'WHITE METAL LANTERN',
				'6',
				'12/1/2010 8:26',
				'3.39',
				'17850',
				'United Kingdom'
			],
			[
				'536366',
				'22633',
				'HAND WARMER UNION JACK',
				'6',
				'12/1/2010 8:28',
				'1.85',
				'',
				'United Kingdom'
			],
			['C536379', 'D', 'Discount', '-1', '12/1/2010 9:41', '27.50', '14527', 'United Kingdom'],
			[
				'536380',
				'22961',
				'JAM MAKING SET PRINTED',
				'24',
				'12/13/2010 10:00',
				'1.45',
				'14527',
				'France'
			]
		]);
		const q = await load('Online Retail.csv', iconv.encode(text, 'latin1'));
		expect(q.preset).toBe('uci');
		// 12/13/2010 decides month-first. 536365 = 6×2.55 + 6×3.39 = 35.64; 536366 = 6×1.85 = 11.10
		// (unknown customer); 536380 = 24×1.45 = 34.80. C536379 (14527, 1 Dec) predates 14527's
		// only sale, so it takes back 27.50 of the earliest later one: 536380 nets 7.30.
		expect(q).toMatchObject({
			dateOrder: 'mdy',
			orders: 3,
			customers: 2,
			unknownCustomerOrders: 1
		});
		const got = await orders();
		expect(got.map((o) => [o.order_id, o.customer_id, o.order_time, o.status, o.province])).toEqual(
			[
				['536365', '17850', '2010-12-01 08:26:00', 'paid', 'United Kingdom'],
				['536366', null, '2010-12-01 08:28:00', 'paid', 'United Kingdom'],
				['536380', '14527', '2010-12-13 10:00:00', 'paid', 'France']
			]
		);
		expect(got.map((o) => o.net)).toEqual([35.64, 11.1, 7.3]);
		expect(got[2]).toMatchObject({ gross: 34.8, refund: 27.5 });
		// Lines from sale rows only: 35.64 + 11.10 + 34.80 = 81.54
		expect(await lineTotals()).toEqual({ lines: 4, amount: 81.54, quantity: 42 });
		expect(q.suspicious).toMatchObject({ refundRows: 1, refundOnlyOrders: 0 });
		expect(q.returns).toMatchObject({ lines: 1, amount: 27.5, unmatched: { lines: 0, amount: 0 } });
		expect(q.refundAmount).toBe(27.5);
		expect(q.statuses.cancelled).toEqual({ orders: 0, amount: 0 });
		expect(q.unknownCustomerRevenue).toBeCloseTo(11.1, 9);
		expect(q.currency).toBe('GBP');
	});

	it('generic huitou layout: canonical statuses, line items, unknown customer', async () => {
		const header =
			'order_id,customer_id,order_time,status,order_amount,refund_amount,channel,campaign,province,city,product_id,product_title,category,quantity,line_amount,customer_name,phone,email';
		const text = [
			header,
			'1,c1,2024-11-11 00:03:15,paid,100,0,tmall,D11,浙江省,杭州市,p1,A,cat1,1,60,张三,13800000001,a@x.test',
			'1,c1,2024-11-11 00:03:15,paid,100,0,tmall,D11,浙江省,杭州市,p2,B,cat2,2,40,张三,13800000001,a@x.test',
			'2,c2,2024-11-12 10:00:00,paid,50,10,jd,,江苏省,南京市,p2,B,cat2,1,50,李四,,b@x.test',
			'3,c1,2024-11-13 10:00:00,refunded,30,30,tmall,,浙江省,杭州市,p3,C,cat1,1,30,张三,13800000001,a@x.test',
			'4,,2024-11-14 10:00:00,cancelled,20,0,tmall,,浙江省,杭州市,p3,C,cat1,1,20,,,',
			'5,c3,2024-11-15 10:00:00,closed,10,0,tmall,,广东省,广州市,p1,A,cat1,1,10,王五,,'
		].join('\n');
		const q = await load('sample.csv', new TextEncoder().encode(text));
		expect(q.preset).toBe('generic');
		// gross 100+50+30+20+10 = 210; refunds 10 + 30 = 40; net 100 + 40 = 140.
		expect((await orders()).map((o) => [o.order_id, o.status, o.gross, o.refund, o.net])).toEqual([
			['1', 'paid', 100, 0, 100],
			['2', 'paid', 50, 10, 40],
			['3', 'refunded', 30, 30, 0],
			['4', 'cancelled', 20, 0, 0],
			['5', 'closed', 10, 0, 0]
		]);
		expect(await lineTotals()).toEqual({ lines: 6, amount: 210, quantity: 7 });
		// Customers with a paid order: c1 and c2 (c3's only order is closed).
		expect(q).toMatchObject({
			orders: 5,
			customers: 2,
			unknownCustomerOrders: 1,
			grossRevenue: 210,
			refundAmount: 40,
			netRevenue: 140
		});
	});
});
