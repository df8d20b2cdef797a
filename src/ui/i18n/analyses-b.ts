import type { Msg } from '../../lib/msg.ts';

/**
 * Notices for the lifecycle, product-role, time-preference and what-if cells. Each key names the
 * result that triggers it (checked on the rows of the named query), says what it means for the
 * numbers and what to do.
 */
export const messages: Record<string, Msg> = {
	// lifecycle, query 'rule': cycle_source = 'fallback'
	'lifecycle.cycle-fallback': {
		en: 'No customer has ordered on two different days yet, so there is no repurchase cycle to measure: the stages use a 90-day cycle. Set the cycle in days if you know your products’ usual repurchase time.',
		zh: '还没有客户在两个不同日期下单，无法测算复购周期：各阶段暂按 90 天周期划分。如了解商品的常见复购时间，请直接填写周期天数。'
	},
	// lifecycle, query 'rule': gaps below 30
	'lifecycle.few-gaps': {
		en: 'The repurchase cycle rests on fewer than 30 repeat purchases, so it can move a lot as orders come in. Check it against what you know, or set it in days.',
		zh: '复购周期只基于不到 30 次复购测算，随新订单可能变化很大。请结合经验核对，或直接填写天数。'
	},
	// products, query 'roles': no rows
	'products.empty': {
		en: 'No item to show. Either the orders have no item rows (product roles need one row per item: import an export with item columns such as 宝贝标题, 商品名称 or Lineitem name, or map the product column), or no item reaches “Minimum buyers per item” (lower it, or widen the date range).',
		zh: '没有可显示的商品。可能是订单没有商品明细（商品角色需要每件商品一行：请导入带商品列的报表，如 宝贝标题、商品名称、Lineitem name，或映射商品列），也可能是没有商品达到“每个商品最少买家数”（请调低，或扩大日期范围）。'
	},
	// products, query 'next': no rows
	'products.no-repeaters': {
		en: 'No customer has placed a second order in this range yet, so there is nothing bought next to show.',
		zh: '该范围内还没有客户下第二单，暂无“下一单”可显示。'
	},
	// timeprefs, query 'heatmap': every order in hour 0
	'timeprefs.dates-only': {
		en: 'Every order is at 00:00: the file seems to hold order dates without times, so the hour pattern is not real. Map a column with the order time (e.g. 订单付款时间, Created at) to see hours.',
		zh: '所有订单都在 00:00：文件似乎只有下单日期没有时间，小时分布并不真实。请映射包含下单时间的列（如 订单付款时间、Created at）以查看小时分布。'
	},
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
