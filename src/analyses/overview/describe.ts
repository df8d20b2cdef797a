import type { ValueLabel } from '../types.ts';
import type { Msg } from '../../lib/msg.ts';

export const title: Msg = { en: 'Overview', zh: '概览' };

export const definition: Msg = {
	en:
		'Revenue is net (paid orders, refunds subtracted) or gross (every order at the amount paid), as set in the header. ' +
		'Returns are never orders: a refund row of an order (WooCommerce, Taobao 退款金额) reduces that order; a cancellation invoice (UCI `C…`) or a return whose order is elsewhere reduces the same customer’s latest earlier sale of that product (else their latest earlier sale, else their next one), also across files; one whose sale is not in the data changes no revenue. Adjustment invoices (UCI `A…`) are not orders. ' +
		'Customers = distinct known customers with an order; unknown customers (no id) count in orders and revenue only. ' +
		'Orders: every order counts, several on the same day included. AOV = revenue ÷ orders. ' +
		'Repeat rate in the period = known customers with ≥ 2 orders in the window ÷ known customers with ≥ 1 order in it. ' +
		'Repeat customers, all time = known customers with ≥ 2 orders from the start of the data (or of the date range) to the end of the window ÷ known customers with an order then — the repeat rate the other cells show. ' +
		'Unknown share = revenue of orders without a customer id ÷ all revenue. ' +
		'KPIs cover the last complete calendar month and compare it with the month before or the same month a year earlier (or, if chosen, the filtered period against the equally long period just before it, or all time with no comparison); the tiles name both windows. ' +
		'changes are relative (%), except for the two rates, whose change is the difference in percentage points. ' +
		'New customer in a month = their first-ever order (all store orders before the as-of date, whatever the filters; in net mode the first paid one) falls in that month; returning = an earlier first order.',
	zh:
		'收入按页头设置取净额（仅已付款订单，扣除退款）或总额（所有订单按实付金额）。' +
		'退货从不计为订单：订单自身的退款行（WooCommerce、淘宝退款金额）冲减该订单；取消发票（UCI `C…`）或订单不在同一行组的退货，冲减同一客户在此之前最近一笔含该商品的销售（否则为此前最近一笔，再否则为之后第一笔），跨文件同样适用；销售不在数据中的退货不改变收入。调整单据（UCI `A…`）不是订单。' +
		'客户数 = 有订单的已知客户去重数；无客户 ID 的未知客户只计入订单和收入。' +
		'订单数：每笔订单都计数，同一天的多笔订单分别计算。客单价 = 收入 ÷ 订单数。' +
		'期内复购率 = 窗口内下单 ≥ 2 次的已知客户 ÷ 窗口内下单 ≥ 1 次的已知客户。' +
		'累计复购客户占比 = 从数据（或日期范围）开始到窗口结束下单 ≥ 2 次的已知客户 ÷ 期间内下过单的已知客户，即其他分析所说的复购率。' +
		'未知客户收入占比 = 无客户 ID 订单的收入 ÷ 全部收入。' +
		'指标取最近一个完整自然月，与上一个月或去年同月对比（或按选择：筛选期间与之前等长期间对比，或全部时间不对比）；指标卡上注明两个期间。' +
		'变化为相对变化（%），两个比率的变化为百分点差。' +
		'某月新客 = 该客户首单（截至基准日前的全店订单，不受筛选影响；净额模式取首个已付款订单）落在该月；老客 = 首单更早。'
};

export const labels = {
	kpis: { en: 'Key figures', zh: '关键指标' },
	monthlyRevenue: { en: 'Revenue by month: new vs returning', zh: '月度收入：新客 vs 老客' },
	monthlyOrders: { en: 'Orders per month', zh: '月度订单数' },
	month: { en: 'Month', zh: '月份' },
	customerType: { en: 'Customer type', zh: '客户类型' },
	customers: { en: 'Customers', zh: '客户数' },
	orders: { en: 'Orders', zh: '订单数' },
	revenue: { en: 'Revenue', zh: '收入' },
	revenueShare: { en: 'Share of month revenue', zh: '占当月收入' },
	aov: { en: 'AOV', zh: '客单价' },
	repeatRate: { en: 'Repeat rate in the period', zh: '期内复购率' },
	returningShare: { en: 'Repeat customers, all time', zh: '累计复购客户占比' },
	unknownShare: { en: 'Unknown-customer revenue share', zh: '未知客户收入占比' },
	periodStart: { en: 'Period start', zh: '期间开始' },
	periodEnd: { en: 'Period end', zh: '期间结束' },
	previousStart: { en: 'Previous start', zh: '上期开始' },
	previousEnd: { en: 'Previous end', zh: '上期结束' },
	previous: { en: '(previous)', zh: '（上期）' },
	change: { en: 'change', zh: '变化' }
} satisfies Record<string, Msg>;

export const customerTypeLabels: ValueLabel[] = [
	{ value: 'new', label: { en: 'New', zh: '新客' } },
	{ value: 'returning', label: { en: 'Returning', zh: '老客' } },
	{ value: 'unknown', label: { en: 'Unknown customer', zh: '未知客户' } }
];

/**
 * The notices this analysis's results call for (see `notices` in index.ts), keyed as the catalog
 * keys them: each names the result that triggers it, says what it means for the numbers and what
 * to do. src/ui/i18n gathers them into the page's catalog.
 */
export const notices: Record<string, Msg> = {
	// overview, query 'kpis': orders_previous = 0
	'overview.no-previous': {
		en: 'The previous period has no orders, so there is no change to show. Move the as-of date or widen the date range to compare two periods with data.',
		zh: '上一期没有订单，无法显示变化。请调整基准日或扩大日期范围，对比两个都有数据的期间。'
	},
	// overview, query 'kpis': no order in the current window (data shorter than a whole month)
	'overview.empty-period': {
		en: 'The period these figures cover has no orders: the data may not span a whole calendar month yet. Choose “All time” under Parameters (⚙), or move the as-of date.',
		zh: '这些指标所覆盖的期间没有订单：数据可能还不满一个完整的自然月。请在参数（⚙）中选择“全部时间”，或调整基准日。'
	},
	// overview, query 'kpis': unknown_share > 0.2
	'overview.many-unknown': {
		en: 'More than a fifth of revenue comes from orders without a customer id. Those orders count in revenue but in no customer metric; map a buyer column (e.g. 买家会员名, Email) if the file has one.',
		zh: '超过五分之一的收入来自没有客户 ID 的订单：这些订单计入收入，但不计入任何客户指标。如文件中有买家列（如 买家会员名、Email），请映射该列。'
	}
};
