/**
 * How a source file's columns become canonical fields, and how its values are read. A preset is a
 * ready-made Mapping; an unknown layout gets one from `suggestMapping`, which the analyst edits.
 */
import { CANONICAL_FIELDS, type CanonicalField, type OrderStatus } from './canonical.ts';
import { fail, ok, type Result } from '../lib/result.ts';
import { looksLikeCountOrId, looksLikeMoney, refineMoneyColumns } from './money-columns.ts';

/**
 * Order of the parts in dates whose year comes last (`11/12/2024`). 'auto' decides from the data
 * (a first part above 12 means day first) and falls back to `ambiguousDateDefault`; 'ymd' accepts
 * only year-first dates and rejects year-last ones. It steers the format detection
 * (dates/detect.ts) when `Mapping.dateFormat` is absent.
 */
export type DateOrder = 'auto' | 'ymd' | 'dmy' | 'mdy';

/**
 * Where the order amount lives. 'order': on every row of the order (repeated), the first non-empty
 * one is taken; 'first-line': only on the order's first row (Shopify's Total); 'line-sum': there is
 * no order amount, it is the sum of the line amounts.
 */
type OrderAmountLevel = 'order' | 'first-line' | 'line-sum';

/** How order ids are generated for a file without an order id column (see Mapping). */
export type OrderIdMode = 'row' | 'customer-time';

export interface Mapping {
	/** Canonical field → source column name (exactly as in the header). */
	fields: Partial<Record<CanonicalField, string>>;
	dateOrder: DateOrder;
	ambiguousDateDefault: 'dmy' | 'mdy';
	/**
	 * The date columns' format as the analyst chose or typed it (a DATE_FORMATS id or a token
	 * pattern such as `D.M.YYYY H:mm`, see dates/format.ts). Absent: decided from the data.
	 */
	dateFormat?: string;
	/** Store time zone as minutes east of UTC (China: 480). Canonical times are store-local. */
	timezoneOffsetMinutes: number;
	/**
	 * Offset of source times written without one (Chinese platforms: 480), converted to the
	 * store's once at import. Absent: such times are already store-local.
	 */
	sourceOffsetMinutes?: number;
	decimal: '.' | ',';
	/** Platform status word (matched trimmed, case-insensitive) → canonical status. */
	statusMap: Record<string, OrderStatus>;
	orderAmountLevel: OrderAmountLevel;
	/** Cell values that mean "empty" besides the empty string (Pinduoduo writes `-`). */
	nullTokens: string[];
	/** Order ids starting with this mark cancellations (UCI: `C536379`). */
	cancelPrefix?: string;
	/**
	 * Order ids starting with this mark are adjustment documents, neither sales nor returns (UCI:
	 * `A563185`, "Adjust bad debt"); their rows are counted in the quality report and dropped.
	 */
	adjustmentPrefix?: string;
	/**
	 * How orders are formed when no column is mapped to order_id: 'row' (the default) makes each
	 * row one order, id `#row-<file>:<line>`; 'customer-time' makes the rows of one customer at one
	 * time one order (line items), id `#ct-<customer>@<time>`. The `#` never starts a platform's
	 * id, so generated ids are recognisable; both are stable for the same file.
	 */
	orderIdMode?: OrderIdMode;
	/** The analyst accepted that every order's customer is unknown (no customer column). */
	unknownCustomersAcknowledged: boolean;
	/** Currency assumed when the amounts carry no symbol (ISO 4217). */
	currency?: string;
}

/** A mapping with neutral reading rules; presets and suggestions start from it. */
export function createMapping(
	fields: Partial<Record<CanonicalField, string>>,
	overrides: Partial<Omit<Mapping, 'fields'>> = {}
): Mapping {
	return {
		fields,
		dateOrder: 'auto',
		ambiguousDateDefault: 'mdy',
		timezoneOffsetMinutes: 0,
		decimal: '.',
		statusMap: {},
		orderAmountLevel: 'order',
		nullTokens: [],
		unknownCustomersAcknowledged: false,
		...overrides
	};
}

/**
 * Traditional characters of column names (Hong Kong and Taiwan exports) and their simplified
 * forms, so `訂單編號` is known as `订单编号`.
 */
const TRADITIONAL =
	'訂單號編戶時間實額數價貨買賣類稱態狀區電話郵碼帳賬會員總計優運費發銷幣種標題條寶貝稅項';
const SIMPLIFIED =
	'订单号编户时间实额数价货买卖类称态状区电话邮码帐账会员总计优运费发销币种标题条宝贝税项';

/**
 * Lower-case, without spaces, underscores, dashes, dots or brackets, in simplified characters:
 * `Order ID` = `order_id`, `訂單編號` = `订单编号`.
 */
export function normalizeColumnName(name: string): string {
	return name
		.replace(/^\uFEFF/, '')
		.toLowerCase()
		.replace(/[\s_\-.:：/()（）[\]【】#]+/g, '')
		.replace(/[^\x20-\x7e]/g, (c) => SIMPLIFIED[TRADITIONAL.indexOf(c)] ?? c);
}

/**
 * A stable id for a header: the same columns in the same order (ignoring case, spaces and
 * punctuation) give the same signature, so a mapping saved for last month's export applies to
 * this month's.
 */
export function headerSignature(header: readonly string[]): string {
	const text = header.map(normalizeColumnName).join('\u001f');
	// Two FNV-1a passes with different seeds: 64 bits, enough to keep a shop's layouts apart.
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ 0x5bd1e995;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193) >>> 0;
		b = Math.imul(b ^ c, 0x01000193 + 0x9e) >>> 0;
	}
	return `h${header.length}-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** Remembers the mapping an analyst chose, per header signature. */
export interface MappingStore {
	get(signature: string): Promise<Mapping | undefined>;
	put(signature: string, mapping: Mapping): Promise<void>;
}

const STORE_PREFIX = 'huitou.mapping.';

/**
 * A MappingStore in localStorage. Where there is none (Node, a sandboxed iframe), it keeps the
 * mappings in memory for the session instead of failing.
 */
export function createLocalMappingStore(storage?: Storage): MappingStore {
	const backing = storage ?? findLocalStorage();
	const memory = new Map<string, string>();
	const read = (key: string) => (backing ? backing.getItem(key) : (memory.get(key) ?? null));
	const write = (key: string, value: string) => {
		if (backing) backing.setItem(key, value);
		else memory.set(key, value);
	};
	return {
		async get(signature) {
			const text = read(STORE_PREFIX + signature);
			if (text === null) return undefined;
			try {
				const parsed: unknown = JSON.parse(text);
				return isMapping(parsed) ? parsed : undefined;
			} catch {
				return undefined;
			}
		},
		async put(signature, mapping) {
			write(STORE_PREFIX + signature, JSON.stringify(mapping));
		}
	};
}

/** The page's localStorage, when it may be used (also for the contact-list mappings). */
export function findLocalStorage(): Storage | undefined {
	try {
		const storage = (globalThis as { localStorage?: Storage }).localStorage;
		return storage && typeof storage.getItem === 'function' ? storage : undefined;
	} catch {
		// Reading localStorage throws in some sandboxed or privacy-restricted contexts.
		return undefined;
	}
}

/** Enough of a shape check that a stale or hand-edited entry cannot crash an import. */
export function isMapping(value: unknown): value is Mapping {
	if (typeof value !== 'object' || value === null) return false;
	const m = value as Record<string, unknown>;
	return (
		typeof m.fields === 'object' &&
		m.fields !== null &&
		typeof m.dateOrder === 'string' &&
		typeof m.timezoneOffsetMinutes === 'number' &&
		(m.decimal === '.' || m.decimal === ',') &&
		typeof m.statusMap === 'object' &&
		typeof m.orderAmountLevel === 'string' &&
		Array.isArray(m.nullTokens)
	);
}

/** True when a column is mapped to order_id; otherwise ids are generated per `orderIdMode`. */
export function hasOrderIdColumn(mapping: Mapping): boolean {
	return mapping.fields.order_id !== undefined;
}

/** The id generation the mapping implies: null with an order id column, else its mode or 'row'. */
export function orderIdModeOf(mapping: Mapping): OrderIdMode | null {
	return hasOrderIdColumn(mapping) ? null : (mapping.orderIdMode ?? 'row');
}

/**
 * Checks that a mapping can build orders from this header, and returns it with the amount level
 * matching the mapped columns. An order id column is optional (ids are then generated). A file without a customer column is accepted only when the analyst
 * acknowledged that all its customers will be unknown.
 */
export function validateMapping(mapping: Mapping, header: readonly string[]): Result<Mapping> {
	const f = mapping.fields;
	const columns = new Set(header);
	for (const [field, column] of Object.entries(f)) {
		if (column !== undefined && !columns.has(column))
			return fail('ingest.mapping-unknown-column', `${field} → "${column}" is not in the header`);
	}
	if (!f.order_time && !f.pay_time)
		return fail('ingest.mapping-missing-date', 'no column mapped to order_time');
	const hasLineAmount = Boolean(f.line_amount || f.unit_price);
	if (!f.order_amount && !hasLineAmount)
		return fail(
			'ingest.mapping-missing-amount',
			'no column mapped to order_amount, line_amount or unit_price'
		);
	if (!f.customer_id && !mapping.unknownCustomersAcknowledged)
		return fail('ingest.mapping-missing-customer', 'no column mapped to customer_id');
	// The amount level follows the columns the analyst picked, so a mapper never has to set it.
	if (mapping.orderAmountLevel === 'line-sum' && !hasLineAmount)
		return ok({ ...mapping, orderAmountLevel: 'order' });
	if (mapping.orderAmountLevel !== 'line-sum' && !f.order_amount)
		return ok({ ...mapping, orderAmountLevel: 'line-sum' });
	return ok(mapping);
}

/** Column names (normalised) that mean each field, English and Chinese, most specific first. */
const SYNONYMS: Record<CanonicalField, string[]> = {
	order_id: [
		'orderid',
		'ordernumber',
		'orderno',
		'invoiceno',
		'invoice',
		'amazonorderid',
		'订单编号',
		'订单号',
		'主订单编号',
		'订单id',
		'order',
		'id'
	],
	customer_id: [
		'customerid',
		'buyerid',
		'userid',
		'memberid',
		'clientid',
		'customer',
		'buyer',
		'买家会员名',
		'下单帐号',
		'下单账号',
		'客户id',
		'会员id',
		'用户id',
		'买家id',
		'买家昵称',
		'客户编号',
		'会员名',
		'客户',
		'买家',
		'顾客'
	],
	order_time: [
		'ordertime',
		'orderdate',
		'createdat',
		'createdtime',
		'purchasedate',
		'invoicedate',
		'date',
		'订单创建时间',
		'下单时间',
		'订单提交时间',
		'订单成交时间',
		'创建时间',
		'成交时间',
		'日期'
	],
	pay_time: [
		'paytime',
		'paidat',
		'paymentdate',
		'paiddate',
		'订单付款时间',
		'付款时间',
		'支付时间'
	],
	status: ['orderstatus', 'financialstatus', 'status', '订单状态', '交易状态', '状态'],
	after_sale_status: ['aftersalestatus', 'refundstatus', '售后状态', '退款状态'],
	order_amount: [
		'orderamount',
		'ordertotal',
		'totalamount',
		'grandtotal',
		'amountpaid',
		'totalpaid',
		'paidamount',
		'total',
		'amount',
		'买家实际支付金额',
		'用户实付金额元',
		'订单应付金额',
		'订单实付金额',
		'实付金额',
		'应付金额',
		'订单金额',
		'订单总额',
		'支付金额',
		'实付款',
		'实付',
		'应付',
		'合计',
		'金额'
	],
	refund_amount: ['refundamount', 'refunded', 'refund', '退款金额', '退款'],
	channel: ['channel', 'trafficsource', 'source', '流量来源', '订单来源', '渠道', '来源'],
	campaign: [
		'campaign',
		'discountcode',
		'couponcode',
		'coupon',
		'promo',
		'店铺优惠',
		'优惠券',
		'活动',
		'达人昵称'
	],
	province: [
		'province',
		'billingprovince',
		'shipstate',
		'billingstate',
		'state',
		'region',
		'省份',
		'省'
	],
	city: ['city', 'billingcity', 'shipcity', '城市', '市'],
	address: ['shippingaddress', 'address', '收货地址', '地址'],
	product_id: [
		'productid',
		'stockcode',
		'sku',
		'itemid',
		'商品id',
		'商品编号',
		'商家编码',
		'商品编码',
		'货号'
	],
	product_title: [
		'producttitle',
		'productname',
		'lineitemname',
		'itemname',
		'description',
		'product',
		'title',
		'宝贝标题',
		'商品名称',
		'商品标题',
		'选购商品',
		'商品'
	],
	category: ['category', 'productcategory', 'producttype', '商品类目', '类目', '品类', '分类'],
	quantity: [
		'quantity',
		'lineitemquantity',
		'qty',
		'units',
		'pieces',
		'商品数量',
		'购买数量',
		'宝贝总数量',
		'商品件数',
		'件数',
		'数量'
	],
	line_amount: [
		'lineamount',
		'linetotal',
		'lineitemtotal',
		'itemtotal',
		'itemamount',
		'linesubtotal',
		'subtotal',
		'商品金额',
		'商品小计',
		'商品总价',
		'小计'
	],
	unit_price: [
		'unitprice',
		'lineitemprice',
		'itemprice',
		'saleprice',
		'price',
		'商品单价',
		'成交单价',
		'销售单价',
		'京东价',
		'单价',
		'售价',
		'价格'
	],
	customer_name: [
		'customername',
		'billingname',
		'buyername',
		'收货人姓名',
		'收件人',
		'收货人',
		'客户名称',
		'姓名'
	],
	phone: [
		'phone',
		'mobile',
		'telephone',
		'billingphone',
		'联系手机',
		'收件人手机号',
		'手机号',
		'手机',
		'电话'
	],
	email: ['email', 'mail', 'billingemail', '邮箱'],
	currency: ['currency', 'ordercurrency', 'currencycode', '币种', '货币', '结算币种']
};

const MONEY_FIELDS: readonly CanonicalField[] = [
	'order_amount',
	'refund_amount',
	'line_amount',
	'unit_price'
];

/** The column naming the currency, for presets whose exports spell it differently. */
export function findCurrencyColumn(header: readonly string[]): string | undefined {
	return header.find((h) => SYNONYMS.currency.includes(normalizeColumnName(h)));
}

/**
 * Status words common across shops, for layouts no preset knows; the analyst can change any of
 * them, and words not listed are reported after the import.
 */
const COMMON_STATUS_WORDS: Record<string, OrderStatus> = {
	paid: 'paid',
	completed: 'paid',
	complete: 'paid',
	shipped: 'paid',
	delivered: 'paid',
	processing: 'paid',
	fulfilled: 'paid',
	success: 'paid',
	交易成功: 'paid',
	已完成: 'paid',
	已付款: 'paid',
	已发货: 'paid',
	已签收: 'paid',
	refunded: 'refunded',
	退款成功: 'refunded',
	已退款: 'refunded',
	cancelled: 'cancelled',
	canceled: 'cancelled',
	voided: 'cancelled',
	已取消: 'cancelled',
	closed: 'closed',
	failed: 'closed',
	交易关闭: 'closed',
	已关闭: 'closed'
};

/**
 * A name that contains an order word but names a line, item or count (`order_item_id`,
 * `order_line_no`, `order_count`): its values differ per row, so as an order id it would make
 * every line its own order. Such a column is never proposed for order_id by a partial match.
 */
const LINE_ID_WORDS = /item|line|row|count|qty|quantity|明细|子订单|数量/;

/** What a field's values look like, to confirm or find a column from its sample values. */
const VALUE_KIND: Partial<Record<CanonicalField, 'date' | 'number'>> = {
	order_time: 'date',
	pay_time: 'date',
	order_amount: 'number',
	refund_amount: 'number',
	line_amount: 'number',
	unit_price: 'number',
	quantity: 'number'
};

const DATE_LIKE =
	/^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{8}$|\d{5}(\.\d+)?$)/;
const NUMBER_LIKE = /^[(-]?\s*[¥￥$€£]?\s*-?[\d,.' ]*\d[\d,.]*\s*(元|\))?$/;

function valueShare(values: string[], kind: 'date' | 'number'): number {
	const present = values.map((v) => v.trim().replace(/^="?|"$/g, '')).filter((v) => v !== '');
	if (present.length === 0) return 0;
	const re = kind === 'date' ? DATE_LIKE : NUMBER_LIKE;
	return present.filter((v) => re.test(v)).length / present.length;
}

export interface MappingSuggestion {
	mapping: Mapping;
	/** 0–1 per mapped field: 1 = exact known name and values of the right kind. */
	confidence: Partial<Record<CanonicalField, number>>;
}

/**
 * Suggests a mapping for an unknown layout from column names (English and Chinese synonyms,
 * ignoring case, spaces and punctuation) and from what the sample values look like. Each column
 * is used for one field at most; the analyst reviews the result in the column mapper.
 */
export function suggestMapping(
	header: readonly string[],
	sampleRows: readonly (readonly string[])[]
): MappingSuggestion {
	const normalized = header.map(normalizeColumnName);
	const columnValues = header.map((_, i) => sampleRows.map((row) => row[i] ?? ''));
	const candidates: { field: CanonicalField; column: number; score: number }[] = [];
	for (const field of CANONICAL_FIELDS) {
		const synonyms = SYNONYMS[field];
		const kind = VALUE_KIND[field];
		normalized.forEach((name, column) => {
			const rank = synonyms.indexOf(name);
			let score = 0;
			if (rank >= 0) score = 0.9 - rank * 0.01;
			else if (name.length > 0 && synonyms.some((s) => s.length >= 3 && name.includes(s)))
				score = field === 'order_id' && LINE_ID_WORDS.test(name) ? 0 : 0.5;
			if (score === 0) return;
			// `Total Quantity` and `Order No` are never money, whatever else their names say.
			if (MONEY_FIELDS.includes(field) && looksLikeCountOrId(name)) return;
			if (kind) {
				const share = valueShare(columnValues[column], kind);
				score = sampleRows.length === 0 ? score : score * (0.4 + 0.6 * share);
			}
			candidates.push({ field, column, score });
		});
	}
	candidates.sort((a, b) => b.score - a.score);
	const fields: Partial<Record<CanonicalField, string>> = {};
	const confidence: Partial<Record<CanonicalField, number>> = {};
	const used = new Set<number>();
	for (const c of candidates) {
		if (fields[c.field] !== undefined || used.has(c.column) || c.score < 0.3) continue;
		fields[c.field] = header[c.column];
		confidence[c.field] = Math.round(c.score * 100) / 100;
		used.add(c.column);
	}
	// No date column by name: take the first unused column whose values all look like dates.
	if (!fields.order_time && sampleRows.length > 0) {
		const column = header.findIndex(
			(_, i) => !used.has(i) && valueShare(columnValues[i], 'date') === 1
		);
		if (column >= 0) {
			fields.order_time = header[column];
			confidence.order_time = 0.4;
		}
	}
	const firstAmount = fields.order_amount ?? fields.line_amount ?? fields.unit_price;
	const decimal = firstAmount ? detectDecimalMark(columnValues[header.indexOf(firstAmount)]) : '.';
	const money = header.filter((h, i) => !used.has(i) && looksLikeMoney(normalized[i]));
	const refined = refineMoneyColumns(fields, header, columnValues, money, decimal);
	for (const field of MONEY_FIELDS) {
		if (refined[field] === fields[field]) continue;
		if (refined[field] === undefined) delete confidence[field];
		else confidence[field] = 0.7; // decided by the values, not the name
	}
	const orderAmountLevel = refined.order_amount ? 'order' : 'line-sum';
	return {
		mapping: createMapping(refined, { orderAmountLevel, decimal, statusMap: COMMON_STATUS_WORDS }),
		confidence
	};
}

/**
 * ',' when the sample amounts write decimals with a comma (`3,50`, `1.234,50`) and none with a
 * point; '.' otherwise. `1,234` alone is ambiguous and counts for neither.
 */
function detectDecimalMark(values: string[]): '.' | ',' {
	const commaDecimal = /(^|[^\d,.])\d+(\.\d{3})*,\d{1,2}$/;
	const pointDecimal = /(^|[^\d,.])\d+(,\d{3})*\.\d{1,2}$/;
	const cells = values.map((v) => v.trim());
	return cells.some((v) => commaDecimal.test(v)) && !cells.some((v) => pointDecimal.test(v))
		? ','
		: '.';
}
