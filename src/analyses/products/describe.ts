import type { ValueLabel } from '../types.ts';
import type { Msg } from '../../lib/msg.ts';

export const title: Msg = { en: 'Product roles', zh: '商品角色' };

export const definition: Msg = {
	en: "From order lines (products keyed by id, else title; or categories). Item revenue = the order's revenue split across its lines in proportion to line amounts; net mode counts paid orders only with refunds subtracted, gross mode every order at the amount paid. First order = a known customer's first-ever order before the as-of date, whatever the filters (ties by order id); customers whose first order is in the filtered data are the ones acquired in it. First-order share = customers whose first order held the item ÷ known customers whose first order has item lines (traffic role, x axis). Returning-revenue share = item revenue from known customers' orders other than their first ÷ item revenue from known customers (profit role, y axis). Repeat rate = customers whose first order held the item and who placed 2+ orders in the filtered data ÷ customers whose first order held it; with a window of N days, repeat = second order less than N × 24 h after the first, counting only customers whose first order is at least N days before the end of the data. Split lines: medians of the items shown, or your values; at or above a line counts as high. Traffic = high x, low y; profit = low x, high y; potential = high on both (grow it); marginal = low on both. Co-purchase: support = orders holding both ÷ orders with any item; confidence A→B = orders with both ÷ orders with A; lift = support ÷ (share of orders with A × share with B), above 1 = bought together more than chance. Next purchase: among customers whose first order held X and who ordered again, the share whose second order held each item. Orders without a customer id count in revenue and co-purchase only.",
	zh: '基于订单明细（商品按编号，无编号时按标题；或按类目）。商品收入 = 订单收入按明细金额比例分摊到各行；净收入模式只计已付款订单并扣除退款，总收入模式按实付金额计所有订单。首单 = 已知客户在截止日前的第一笔订单，不受筛选影响（同一时间按订单号）；首单落在筛选数据中的客户即为其中获客的客户。首单占比 = 首单包含该商品的客户数 ÷ 首单有商品明细的已知客户数（引流，横轴）。老客收入占比 = 该商品来自已知客户非首单的收入 ÷ 该商品来自已知客户的收入（利润，纵轴）。复购率 = 首单包含该商品且在筛选数据中下过 2 单及以上的客户 ÷ 首单包含该商品的客户；设定 N 天窗口时，复购 = 第二单在首单后 N × 24 小时内，且只统计首单距数据截止至少 N 天的客户。分界线：所示商品的中位数，或自定义值；等于或高于分界线算“高”。引流款 = 横高纵低；利润款 = 横低纵高；潜力款 = 两者皆高（重点培养）；边缘款 = 两者皆低。关联购买：支持度 = 同时包含两件商品的订单 ÷ 有商品的订单；置信度 A→B = 同时包含的订单 ÷ 含 A 的订单；提升度 = 支持度 ÷ （含 A 订单占比 × 含 B 订单占比），大于 1 表示比随机更常一起买。下一单：首单含 X 且再次购买的客户中，第二单包含各商品的客户占比。无客户编号的订单只计入收入和关联购买。'
};

export const roleLabels: ValueLabel[] = [
	{ value: 'traffic', label: { en: 'Traffic', zh: '引流款' } },
	{ value: 'profit', label: { en: 'Profit', zh: '利润款' } },
	{ value: 'potential', label: { en: 'Potential', zh: '潜力款' } },
	{ value: 'marginal', label: { en: 'Marginal', zh: '边缘款' } }
];

export const labels = {
	roles: { en: 'Roles: first orders vs returning revenue', zh: '角色：首单占比 vs 老客收入占比' },
	pairs: { en: 'Bought together', zh: '关联购买' },
	next: { en: 'What returning customers buy next', zh: '老客第二单买什么' },
	firstRepeat: { en: 'Which first item brings customers back', zh: '哪个首单商品复购率最高' },
	item: { en: 'Item', zh: '商品' },
	revenue: { en: 'Revenue', zh: '收入' },
	orders: { en: 'Orders', zh: '订单数' },
	quantity: { en: 'Quantity', zh: '件数' },
	buyers: { en: 'Buyers', zh: '买家数' },
	firstBuyers: { en: 'First-order buyers', zh: '首单买家数' },
	firstOrderShare: { en: 'Share of first orders', zh: '首单占比' },
	repeatRate: { en: 'Repeat rate of first-order buyers', zh: '首单买家复购率' },
	returningShare: { en: 'Revenue share from returning customers', zh: '老客收入占比' },
	role: { en: 'Role', zh: '角色' },
	xSplit: { en: 'First-order split', zh: '首单分界' },
	ySplit: { en: 'Returning split', zh: '老客分界' },
	pair: { en: 'Pair', zh: '组合' },
	itemA: { en: 'Item A', zh: '商品 A' },
	itemB: { en: 'Item B', zh: '商品 B' },
	together: { en: 'Orders together', zh: '同单次数' },
	support: { en: 'Support', zh: '支持度' },
	confidenceAb: { en: 'Confidence A→B', zh: '置信度 A→B' },
	confidenceBa: { en: 'Confidence B→A', zh: '置信度 B→A' },
	lift: { en: 'Lift', zh: '提升度' },
	firstItem: { en: 'First order held', zh: '首单商品' },
	nextItem: { en: 'Second order held', zh: '第二单商品' },
	customers: { en: 'Customers', zh: '客户数' },
	repeaters: { en: 'Came back', zh: '复购客户数' },
	share: { en: 'Share of those who came back', zh: '占复购客户比例' },
	repeaterCount: { en: 'Came back (2+ orders)', zh: '复购客户（2 单及以上）' }
} satisfies Record<string, Msg>;

/**
 * The notices this analysis's results call for (see `notices` in index.ts), keyed as the catalog
 * keys them: each names the result that triggers it, says what it means for the numbers and what
 * to do. src/ui/i18n gathers them into the page's catalog.
 */
export const notices: Record<string, Msg> = {
	// products, query 'roles': no rows
	'products.empty': {
		en: 'No item to show. Either the orders have no item rows (product roles need one row per item: import an export with item columns such as 宝贝标题, 商品名称 or Lineitem name, or map the product column), or no item reaches “Minimum buyers per item” (lower it, or widen the date range).',
		zh: '没有可显示的商品。可能是订单没有商品明细（商品角色需要每件商品一行：请导入带商品列的报表，如 宝贝标题、商品名称、Lineitem name，或映射商品列），也可能是没有商品达到“每个商品最少买家数”（请调低，或扩大日期范围）。'
	},
	// products, query 'next': no rows
	'products.no-repeaters': {
		en: 'No customer has placed a second order in this range yet, so there is nothing bought next to show.',
		zh: '该范围内还没有客户下第二单，暂无“下一单”可显示。'
	}
};
