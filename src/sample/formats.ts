/**
 * Writes the sample stream as file text in the layouts analysts drop into huitou: our generic
 * layout, a Taobao/Tmall 订单报表 and a Shopify orders export, plus the campaign contact list.
 * Text comes out in chunks of whole rows, so a caller can encode each chunk (UTF-8, or GB18030 in
 * Node) and write it without holding the file.
 */
import { GENERIC_COLUMNS } from '../ingest/presets/generic.ts';
import type { OrderStatus } from '../ingest/canonical.ts';
import type { SampleContact, SampleOrder } from './generate.ts';

export type SampleFormat = 'generic' | 'taobao' | 'shopify' | 'lean';
export const SAMPLE_FORMATS: readonly SampleFormat[] = ['generic', 'taobao', 'shopify', 'lean'];

export interface FormatOptions {
	/** Start with a UTF-8 byte-order mark, as Taobao's UTF-8 exports do (Excel needs it). */
	bom?: boolean;
	/** Orders per chunk. */
	chunkOrders?: number;
}

/** The generic layout is the importer's own: the sample writes exactly what the preset reads. */
export const GENERIC_HEADER: readonly string[] = GENERIC_COLUMNS;

export const TAOBAO_HEADER = [
	'订单编号',
	'买家会员名',
	'买家应付货款',
	'买家应付邮费',
	'总金额',
	'买家实际支付金额',
	'订单状态',
	'买家留言',
	'收货人姓名',
	'收货地址',
	'联系手机',
	'订单创建时间',
	'订单付款时间',
	'宝贝标题',
	'宝贝种类',
	'宝贝总数量',
	'店铺优惠',
	'退款金额',
	'流量来源'
];

export const SHOPIFY_HEADER = [
	'Name',
	'Email',
	'Financial Status',
	'Paid at',
	'Fulfillment Status',
	'Currency',
	'Subtotal',
	'Shipping',
	'Taxes',
	'Total',
	'Discount Code',
	'Discount Amount',
	'Created at',
	'Lineitem quantity',
	'Lineitem name',
	'Lineitem price',
	'Lineitem sku',
	'Billing Name',
	'Billing City',
	'Billing Province',
	'Billing Country',
	'Billing Phone',
	'Cancelled at',
	'Refunded Amount',
	'Source',
	'Id'
];

const CONTACTS_HEADER = [
	'campaign_id',
	'wave',
	'customer_id',
	'group',
	'send_time',
	'channel',
	'cost'
];

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string): string {
	return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
const NEEDS_QUOTES = /[",\r\n]/;

/** Fields joined into one CSV row (a plain loop: this runs for millions of rows). */
function row(fields: readonly string[], eol = '\n'): string {
	let out = csvField(fields[0]);
	for (let i = 1; i < fields.length; i++) out += ',' + csvField(fields[i]);
	return out + eol;
}
const money = (yuan: number) => yuan.toFixed(2);
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD HH:MM:SS` of a store-local time kept as UTC milliseconds. */
function formatSampleTime(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2024/11/11 0:03`: how Excel rewrites times when a Taobao export is opened and saved. */
function formatExcelTime(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}`;
}

/**
 * Taobao's words for each status. Taobao has no separate "cancelled": unpaid orders that were
 * cancelled or timed out both read 交易关闭, so both come back as 'closed' on import.
 */
const TAOBAO_STATUS: Record<OrderStatus, string> = {
	paid: '交易成功',
	refunded: '付款以后用户退款成功，交易自动关闭',
	closed: '交易关闭',
	cancelled: '交易关闭'
};

const SHOPIFY_SOURCE: Record<string, string> = {
	自然搜索: 'search',
	直通车: 'paid_search',
	聚划算: 'flash_deal',
	淘宝客: 'affiliate',
	直播: 'live',
	老客: 'crm'
};

/** Shopify discount codes are ASCII; the sample's Chinese promotion names get short codes. */
function shopifyDiscountCode(campaign: string): string {
	if (/^[\x20-\x7e]*$/.test(campaign)) return campaign;
	const m = /^(618|双11|双12|店铺券)满(\d+)减(\d+)$/.exec(campaign);
	const prefix = { '618': 'MID618', 双11: 'D11', 双12: 'D12', 店铺券: 'STORE' } as const;
	return m ? `${prefix[m[1] as keyof typeof prefix]}-${m[2]}-${m[3]}` : 'PROMO';
}

function shopifyStatus(order: SampleOrder): string {
	if (order.status === 'paid') return order.refund > 0 ? 'partially_refunded' : 'paid';
	if (order.status === 'refunded') return 'refunded';
	// A cancelled order had its authorisation voided; a closed one never got paid.
	return order.status === 'cancelled' ? 'voided' : 'expired';
}

/**
 * An order's value for each order-level column of the generic layout, in the layout's order (they
 * repeat on every line), as the generic and lean layouts write them.
 */
const ORDER_VALUES = {
	order_id: (o) => o.orderId,
	customer_id: (o) => o.customerId,
	order_time: (o) => formatSampleTime(o.time),
	status: (o) => o.status,
	order_amount: (o) => money(o.amount),
	refund_amount: (o) => money(o.refund),
	channel: (o) => o.channel,
	campaign: (o) => o.campaign,
	province: (o) => o.province,
	city: (o) => o.city
} satisfies Partial<Record<(typeof GENERIC_COLUMNS)[number], (o: SampleOrder) => string>>;

type OrderColumn = keyof typeof ORDER_VALUES;
const ORDER_COLUMNS = Object.keys(ORDER_VALUES) as OrderColumn[];

function genericRows(o: SampleOrder): string {
	// Order-level fields repeat on every line: build them once.
	const head = row(
		ORDER_COLUMNS.map((c) => ORDER_VALUES[c](o)),
		','
	);
	const tail = row([o.customerName, o.phone, o.email]);
	let out = '';
	for (const l of o.lines) {
		out +=
			head +
			row([l.productId, l.title, l.category, String(l.quantity), money(l.amount)], ',') +
			tail;
	}
	return out;
}

function taobaoRow(o: SampleOrder): string {
	// Taobao guards long ids against Excel as a formula, written unquoted as the platform does.
	const id = `="${o.orderId}"`;
	const fields = [
		money(o.subtotal),
		'0.00',
		money(o.subtotal),
		money(o.amount),
		TAOBAO_STATUS[o.status],
		o.note,
		o.customerName,
		o.address,
		o.phone,
		formatSampleTime(o.time),
		o.payTime === null ? '' : formatExcelTime(o.payTime),
		o.lines.map((l) => l.title).join('，'),
		String(o.lines.length),
		String(o.lines.reduce((s, l) => s + l.quantity, 0)),
		o.campaign,
		money(o.refund),
		o.channel
	];
	// Taobao's exports come from Windows tools: CRLF line ends.
	return `${id},${row([o.customerId, ...fields], '\r\n')}`;
}

function shopifyRows(o: SampleOrder): string {
	const created = `${formatSampleTime(o.time)} +0800`;
	const name = `#${1001 + o.index}`;
	let out = '';
	o.lines.forEach((l, i) => {
		const first = i === 0;
		// Order-level fields only on the first line's row, as Shopify exports them.
		const only = (v: string) => (first ? v : '');
		out += row([
			name,
			o.email,
			only(shopifyStatus(o)),
			only(o.payTime === null ? '' : `${formatSampleTime(o.payTime)} +0800`),
			only(o.status === 'paid' ? 'fulfilled' : ''),
			'CNY',
			only(money(o.subtotal)),
			only('0.00'),
			only('0.00'),
			only(money(o.amount)),
			only(o.campaign === '' ? '' : shopifyDiscountCode(o.campaign)),
			only(o.discount > 0 ? money(o.discount) : ''),
			created,
			String(l.quantity),
			l.title,
			money(l.unitPrice),
			l.productId,
			only(o.customerName),
			only(o.cityEn),
			only(o.provinceEn),
			only('China'),
			only(o.phone),
			only(o.status === 'cancelled' ? created : ''),
			only(money(o.refund)),
			only(SHOPIFY_SOURCE[o.channel] ?? 'web'),
			only(String(5_400_000_000_000 + o.index))
		]);
	});
	return out;
}

/**
 * One row per order with the columns the analyses need and nothing else (~80 bytes an order):
 * the shape of a slim order report, for files of millions of orders. The first line's category
 * stands for the order's.
 */
export const LEAN_HEADER = [
	'order_id',
	'customer_id',
	'order_time',
	'status',
	'order_amount',
	'refund_amount',
	'channel',
	'province',
	'category'
] as const satisfies readonly (OrderColumn | 'category')[];

function leanRow(o: SampleOrder): string {
	return row(
		LEAN_HEADER.map((c) => (c === 'category' ? (o.lines[0]?.category ?? '') : ORDER_VALUES[c](o)))
	);
}

const WRITERS: Record<SampleFormat, { header: string; rows: (o: SampleOrder) => string }> = {
	generic: { header: row(GENERIC_HEADER), rows: genericRows },
	taobao: { header: row(TAOBAO_HEADER, '\r\n'), rows: taobaoRow },
	shopify: { header: row(SHOPIFY_HEADER), rows: shopifyRows },
	lean: { header: row(LEAN_HEADER), rows: leanRow }
};

/**
 * The file text for an order stream, in chunks of whole rows (header in the first chunk).
 */
export function* formatOrders(
	orders: Iterable<SampleOrder>,
	format: SampleFormat,
	options: FormatOptions = {}
): Generator<string> {
	const writer = WRITERS[format];
	const perChunk = options.chunkOrders ?? 2000;
	let chunk = (options.bom ? '\uFEFF' : '') + writer.header;
	let n = 0;
	for (const order of orders) {
		chunk += writer.rows(order);
		if (++n === perChunk) {
			yield chunk;
			chunk = '';
			n = 0;
		}
	}
	if (chunk !== '') yield chunk;
}

/** The campaign contact list as CSV text. */
export function formatContacts(contacts: Iterable<SampleContact>): string {
	let out = row(CONTACTS_HEADER);
	for (const c of contacts) {
		out += row([
			c.campaignId,
			String(c.wave),
			c.customerId,
			c.group,
			formatSampleTime(c.sendTime),
			c.channel,
			c.cost.toFixed(2)
		]);
	}
	return out;
}
