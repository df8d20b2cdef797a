import type { ValueLabel } from '../types.ts';
import type { Msg } from '../../lib/msg.ts';
import type { WhatIfParams } from './params.ts';
import { NONE } from '../cohorts/acquired.ts';
import { bandOf } from './sql.ts';

export const title: Msg = { en: 'What-if: a higher repeat rate', zh: '假设分析：提升复购率' };

export const definition: Msg = {
	en: "If the repeat-customer rate of segment X became Y%: X is a group of the customers acquired in the filtered data (their first-ever order is in it), by that first order: amount band, acquisition channel, or everybody; their orders and revenue are those in the filtered data. Repeat rate = customers with 2+ orders ÷ customers. Extra repeat customers = Y × customers − current repeat customers. Assumptions: (1) they are today's one-time buyers of X, and each now brings X's current average revenue and orders per repeat customer (the store's average if X has no repeat customer yet) instead of the one-time buyers' average revenue and 1 order; (2) nothing else changes: no new customers, same prices, other segments and orders without a customer id as they are. Revenue change = extra × (revenue per repeat customer − revenue per one-time buyer); order change = extra × (orders per repeat customer − 1); AOV = revenue ÷ orders, for X and for the whole store (unknown customers included). Net mode counts paid orders with refunds subtracted; gross mode every order at the amount paid. A projection, not a forecast: it shows what the target is worth.",
	zh: '假设客群 X 的复购率变为 Y%：X 是在筛选数据中获客的客户（首次下单在其中），按首单划分：首单金额区间、首单渠道或全部客户；其订单和收入按筛选数据计。复购率 = 下单 2 次及以上的客户 ÷ 客户数。新增复购客户 = Y × 客户数 − 当前复购客户数。假设：（1）新增复购客户来自 X 当前只买过一次的客户，每人带来 X 当前复购客户的平均收入和平均订单数（若 X 尚无复购客户，用全店复购客户平均值），取代一次性客户的平均收入和 1 笔订单；（2）其他不变：不增加新客，价格不变，其他客群及无客户编号的订单不变。收入变化 = 新增复购客户 × （复购客户人均收入 − 一次性客户人均收入）；订单变化 = 新增复购客户 × （复购客户人均订单数 − 1）；客单价 = 收入 ÷ 订单数，分别按 X 和全店（含未知客户）计算。净收入模式只计已付款订单并扣除退款；总收入模式按实付金额计所有订单。这是测算而非预测：用来说明目标值多少钱。'
};

/** Labels for segment codes, worded from the band the user set. */
export function segmentLabels(p: WhatIfParams): ValueLabel[] {
	const { min, max } = bandOf(p);
	const band =
		max > 0 ? { en: `${min} – ${max}`, zh: `${min} – ${max}` } : { en: `> ${min}`, zh: `> ${min}` };
	return [
		{ value: 'all', label: { en: 'All customers', zh: '全部客户' } },
		{ value: 'in', label: { en: `First order ${band.en}`, zh: `首单 ${band.zh}` } },
		{ value: 'out', label: { en: 'Other first orders', zh: '其他首单' } },
		{ value: NONE, label: { en: 'No channel', zh: '无渠道' } }
	];
}

export const assumptionLabels: ValueLabel[] = [
	{ value: 'customers', label: { en: 'Customers in the segment', zh: '客群客户数' } },
	{ value: 'current_rate', label: { en: 'Current repeat rate, %', zh: '当前复购率（%）' } },
	{ value: 'target_rate', label: { en: 'Assumed repeat rate, %', zh: '假设复购率（%）' } },
	{
		value: 'extra_repeaters',
		label: {
			en: 'One-time buyers who would come back (target × customers − repeat customers)',
			zh: '将复购的一次性客户（目标 × 客户数 − 复购客户数）'
		}
	},
	{
		value: 'revenue_per_repeater',
		label: {
			en: "Revenue each brings: the segment's average repeat customer",
			zh: '每人带来的收入：本客群复购客户平均值'
		}
	},
	{
		value: 'revenue_per_repeater_store',
		label: {
			en: "Revenue each brings: the store's average repeat customer (none in the segment yet)",
			zh: '每人带来的收入：全店复购客户平均值（本客群尚无复购客户）'
		}
	},
	{
		value: 'orders_per_repeater',
		label: {
			en: "Orders each places: the segment's average repeat customer",
			zh: '每人订单数：本客群复购客户平均值'
		}
	},
	{
		value: 'orders_per_repeater_store',
		label: {
			en: "Orders each places: the store's average repeat customer",
			zh: '每人订单数：全店复购客户平均值'
		}
	},
	{
		value: 'revenue_per_one_timer',
		label: {
			en: 'Revenue each brings today (average one-time buyer of the segment)',
			zh: '每人当前收入（本客群一次性客户平均值）'
		}
	},
	{
		value: 'nothing_else_changes',
		label: {
			en: 'No new customers; same prices; other segments and unknown customers unchanged',
			zh: '不增加新客；价格不变；其他客群和未知客户不变'
		}
	}
];

export const labels = {
	projection: { en: 'Projected impact', zh: '测算结果' },
	segments: { en: 'Segments today', zh: '当前各客群' },
	assumptions: { en: 'Assumptions', zh: '假设条件' },
	segment: { en: 'Segment', zh: '客群' },
	customers: { en: 'Customers', zh: '客户数' },
	customerShare: { en: 'Share of customers', zh: '客户占比' },
	repeaters: { en: 'Repeat customers', zh: '复购客户数' },
	repeatRate: { en: 'Repeat rate', zh: '复购率' },
	targetRate: { en: 'Assumed repeat rate', zh: '假设复购率' },
	extraRepeaters: { en: 'Extra repeat customers', zh: '新增复购客户' },
	revenue: { en: 'Revenue', zh: '收入' },
	revenueShare: { en: 'Share of revenue', zh: '收入占比' },
	orders: { en: 'Orders', zh: '订单数' },
	aov: { en: 'AOV', zh: '客单价' },
	avgFirstOrder: { en: 'Average first order', zh: '平均首单金额' },
	storeRevenueProjected: { en: 'Store revenue, projected', zh: '全店收入（测算）' },
	storeAovProjected: { en: 'Store AOV, projected', zh: '全店客单价（测算）' },
	segmentRevenueProjected: { en: 'Segment revenue, projected', zh: '客群收入（测算）' },
	segmentAovProjected: { en: 'Segment AOV, projected', zh: '客群客单价（测算）' },
	storeRevenue: { en: 'Store revenue', zh: '全店收入' },
	storeAov: { en: 'Store AOV', zh: '全店客单价' },
	storeRevenueChange: { en: 'Store revenue change', zh: '全店收入变化' },
	storeAovChange: { en: 'Store AOV change', zh: '全店客单价变化' },
	assumption: { en: 'Assumption', zh: '假设' },
	value: { en: 'Value', zh: '数值' }
} satisfies Record<string, Msg>;

/**
 * The notices this analysis's results call for (see `notices` in index.ts), keyed as the catalog
 * keys them: each names the result that triggers it, says what it means for the numbers and what
 * to do. src/ui/i18n gathers them into the page's catalog.
 */
export const notices: Record<string, Msg> = {
	// whatif, query 'projection': basis = 'store'
	'whatif.store-basis': {
		en: 'This segment has no repeat customer yet, so the projection assumes they would spend like the store’s average repeat customer. Treat it as a rough guide.',
		zh: '该客群尚无复购客户，测算按全店复购客户的平均消费计算，仅供粗略参考。'
	},
	// whatif, query 'projection': basis is null and customers > 0
	'whatif.no-repeaters': {
		en: 'Nobody in the store has ordered twice yet, so there is no repeat-customer spend to project from. Try a longer date range.',
		zh: '全店还没有客户下过两单，无法据复购客户消费进行测算。请扩大日期范围。'
	},
	// whatif, query 'projection': customers = 0
	'whatif.empty-segment': {
		en: 'No customer falls in this segment. Check the band or the channel name (it must match the channel as imported).',
		zh: '没有客户属于该客群。请检查金额区间或渠道名称（需与导入的渠道一致）。'
	}
};
