import type { Msg } from '../../lib/msg.ts';

/**
 * Notices for the overview, RFM, cohort, repurchase and tier cells. Each key names the result that
 * triggers it (checked on the rows of the named query), says what it means for the numbers and
 * what to do.
 */
export const messages: Record<string, Msg> = {
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
	},
	// rfm, query 'segments': a row with segment = 'Unclassified'
	'rfm.unclassified': {
		en: 'Some customers match no segment rule and are shown as Unclassified. Widen the rules so every R and F score from 1 to 5 is covered.',
		zh: '部分客户不符合任何分群规则，显示为“未分群”。请调整规则，使 R、F 的 1–5 分都被覆盖。'
	},
	// rfm, query 'heatmap': every row has f_score = 1
	'rfm.one-time-buyers': {
		en: 'Every customer has the lowest F score: with these thresholds nobody ordered often enough to rank higher. Most shops see this when most customers buy once; lower the F thresholds (e.g. 2, 3, 4, 5) or read R and M instead.',
		zh: '所有客户的 F 分都是最低分：按当前阈值没有客户下单次数足够多。多数客户只买一次的店铺常见此情况；可调低 F 阈值（如 2、3、4、5），或主要参考 R 和 M。'
	},
	// cohorts, query 'retention': every retention is NULL
	'cohorts.all-masked': {
		en: 'No cohort has a finished period yet, so every cell is masked. Choose weekly cohorts, or move the as-of date later.',
		zh: '还没有任何同期群有已结束的期间，所有单元格都被遮盖。请改用按周分组，或把基准日往后调。'
	},
	// repurchase, query 'cycle': gaps = 0
	'repurchase.no-repeat': {
		en: 'No customer has a second order (on another day) yet, so there is no repurchase cycle or re-contact day. Widen the date range or include more orders.',
		zh: '还没有客户在另一天下第二单，无法得出复购周期和再次触达日。请扩大日期范围或导入更多订单。'
	},
	// repurchase, query 'cycle': 0 < gaps < 30
	'repurchase.few-gaps': {
		en: 'The repurchase cycle rests on fewer than 30 repeat orders and may move a lot as orders come in. Use the re-contact day as a first guess.',
		zh: '复购周期只基于不到 30 次复购，随新订单可能变化较大。建议的再次触达日仅供初步参考。'
	},
	// repurchase, query 'windows': a row with eligible = 0
	'repurchase.all-censored': {
		en: 'For some windows every first order is too recent to have been observed for the whole window, so no rate is shown. Move the as-of date later or shorten the window.',
		zh: '部分窗口内所有首单都太近，尚未观察满整个窗口，因此不显示比率。请把基准日往后调或缩短窗口。'
	},
	// tiers, query 'summary': a row with tier = 0
	'tiers.below-first': {
		en: 'Some customers spent less than the first tier threshold and are shown below it. Set the first threshold to 0 if every buyer is a member.',
		zh: '部分客户累计消费低于第一个等级门槛，显示为门槛以下。如所有买家都是会员，请把第一个门槛设为 0。'
	}
};
