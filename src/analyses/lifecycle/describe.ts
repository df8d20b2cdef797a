import type { ValueLabel } from '../types.ts';
import type { Msg } from '../../lib/msg.ts';
import { FALLBACK_CYCLE_DAYS } from './params.ts';

export const title: Msg = { en: 'Customer lifecycle', zh: '会员生命周期' };

/** The exact rule, as shown under the title. */
export const definition: Msg = {
	en: `Each known customer's stage at the as-of date (days are counted to the as-of date: an order the day before is 1 day ago). New: first-ever order (whatever the filters) at most N days ago (checked first). Active: last order at most "active" days ago. Dormant: at most "dormant" days ago. Churned: longer. Thresholds: cycle × multiple (default 1× and 3×), rounded to the nearest day, unless set in days. Cycle: the median of days between a customer's consecutive order days (orders on the same day count once); ${FALLBACK_CYCLE_DAYS} days if nobody ordered on two days. Over time: the same thresholds applied at each month end to orders before it. Reactivation rate of month M = customers dormant at M's start who ordered during M ÷ customers dormant at M's start; complete months only. Revenue and orders per stage = everything the stage's customers bought in the filtered data; customers without an id count only in the "unknown" revenue row. Net mode: only paid orders count, as orders and as revenue (refunds subtracted); gross mode: every order at the amount paid.`,
	zh: `按截止日计算每位已知客户所处阶段（天数算到截止日：前一天下单即 1 天前）。新客：首次下单（不受筛选影响）在 N 天内（优先判断）。活跃：最近一单在“活跃”天数内。休眠：在“休眠”天数内。流失：超过休眠天数。阈值 = 复购周期 × 倍数（默认 1 倍和 3 倍，四舍五入到天），也可直接填天数。复购周期：客户相邻两个下单日之间天数的中位数（同一天多单只算一次）；若无人在两天以上下单，取 ${FALLBACK_CYCLE_DAYS} 天。趋势：在每个月末用同样阈值、按该月末之前的订单判断。月 M 的唤醒率 = 月初处于休眠且在当月下单的客户数 ÷ 月初休眠客户数；只计完整月份。各阶段的收入和订单 = 该阶段客户在筛选数据中的全部收入和订单；无客户编号的订单只计入“未知客户”收入行。净收入模式：只有已付款订单计为订单和收入（扣除退款）；总收入模式：所有订单按实付金额计。`
};

export const stageLabels: ValueLabel[] = [
	{ value: 'new', label: { en: 'New', zh: '新客' } },
	{ value: 'active', label: { en: 'Active', zh: '活跃' } },
	{ value: 'dormant', label: { en: 'Dormant', zh: '休眠' } },
	{ value: 'churned', label: { en: 'Churned', zh: '流失' } },
	{ value: 'unknown', label: { en: 'Unknown customers', zh: '未知客户' } }
];

export const cycleSourceLabels: ValueLabel[] = [
	{ value: 'median', label: { en: 'median of the data', zh: '数据中位数' } },
	{ value: 'set', label: { en: 'set by you', zh: '手动设置' } },
	{
		value: 'fallback',
		label: {
			en: `default ${FALLBACK_CYCLE_DAYS} days (no customer ordered twice)`,
			zh: `默认 ${FALLBACK_CYCLE_DAYS} 天（无复购客户）`
		}
	}
];

export const labels = {
	rule: { en: 'Rule in force', zh: '当前规则' },
	stages: { en: 'Customers by stage', zh: '各阶段客户' },
	trend: { en: 'Stages at each month end', zh: '各月末阶段分布' },
	reactivation: { en: 'Reactivation of dormant customers', zh: '休眠客户唤醒率' },
	cycleDays: { en: 'Repurchase cycle (days)', zh: '复购周期（天）' },
	cycleSource: { en: 'Cycle from', zh: '周期来源' },
	medianGap: { en: 'Median gap in data (days)', zh: '数据中位间隔（天）' },
	gaps: { en: 'Gaps measured', zh: '间隔样本数' },
	activeDays: { en: 'Active if last order ≤ days', zh: '活跃：最近一单 ≤ 天' },
	dormantDays: { en: 'Dormant if last order ≤ days', zh: '休眠：最近一单 ≤ 天' },
	newDays: { en: 'New if first order ≤ days', zh: '新客：首单 ≤ 天' },
	stage: { en: 'Stage', zh: '阶段' },
	customers: { en: 'Customers', zh: '客户数' },
	customerShare: { en: 'Share of customers', zh: '客户占比' },
	orders: { en: 'Orders', zh: '订单数' },
	revenue: { en: 'Revenue', zh: '收入' },
	revenueShare: { en: 'Share of revenue', zh: '收入占比' },
	avgDaysSinceLast: { en: 'Avg days since last order', zh: '平均距最近一单天数' },
	monthEnd: { en: 'Month end', zh: '月末' },
	month: { en: 'Month', zh: '月份' },
	dormantAtStart: { en: 'Dormant at month start', zh: '月初休眠客户' },
	reactivated: { en: 'Ordered in the month', zh: '当月复购' },
	reactivationRate: { en: 'Reactivation rate', zh: '唤醒率' }
} satisfies Record<string, Msg>;

/**
 * The notices this analysis's results call for (see `notices` in index.ts), keyed as the catalog
 * keys them: each names the result that triggers it, says what it means for the numbers and what
 * to do. src/ui/i18n gathers them into the page's catalog.
 */
export const notices: Record<string, Msg> = {
	// lifecycle, query 'rule': cycle_source = 'fallback'
	'lifecycle.cycle-fallback': {
		en: 'No customer has ordered on two different days yet, so there is no repurchase cycle to measure: the stages use a 90-day cycle. Set the cycle in days if you know your products’ usual repurchase time.',
		zh: '还没有客户在两个不同日期下单，无法测算复购周期：各阶段暂按 90 天周期划分。如了解商品的常见复购时间，请直接填写周期天数。'
	},
	// lifecycle, query 'rule': gaps below 30
	'lifecycle.few-gaps': {
		en: 'The repurchase cycle rests on fewer than 30 repeat purchases, so it can move a lot as orders come in. Check it against what you know, or set it in days.',
		zh: '复购周期只基于不到 30 次复购测算，随新订单可能变化很大。请结合经验核对，或直接填写天数。'
	}
};
