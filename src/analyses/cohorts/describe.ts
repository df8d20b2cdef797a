import type { ValueLabel } from '../types.ts';
import type { Msg } from '../../lib/msg.ts';
import { NONE } from './acquired.ts';

export const title: Msg = { en: 'Cohorts', zh: '同期群' };

export const definition: Msg = {
	en:
		'A cohort = known customers whose first-ever order (all store orders before the as-of date, whatever the filters; net mode: paid orders only) is in the filtered period and slice, ' +
		'grouped by that order’s month or week, or by its channel, campaign, category (of its largest line) or province. ' +
		'Period k = the k-th week or calendar month after the week/month of the first order (k = 0 is that week/month); for non-time cohorts, calendar months. ' +
		'Retention in period k = members who ordered in period k ÷ members whose period k has ended; ' +
		'cumulative repurchase = members with a second order before the end of period k ÷ the same; ' +
		'LTV = their net (or gross) revenue in periods 0…k ÷ the same. ' +
		'The retention heatmap starts at period 1: in period 0 every member is active by definition. ' +
		'Periods that have not ended by the as-of date (or the range end) are masked, not shown as drops; for non-time cohorts only members whose period k has ended are counted. ' +
		'Orders are those of the filtered set; same-day orders count separately.',
	zh:
		'同期群 = 首单（截至基准日前的全店订单，不受筛选影响；净额模式只计已付款订单）落在筛选期间和范围内的已知客户，' +
		'按首单所在月份或周分组，或按首单的渠道、活动、品类（金额最大的商品行）或省份分组。' +
		'第 k 期 = 首单所在周/月之后的第 k 周或第 k 个自然月（k = 0 即首单所在周/月）；非时间分组按自然月。' +
		'第 k 期留存 = 第 k 期有下单的成员 ÷ 第 k 期已结束的成员；' +
		'累计复购 = 第 k 期结束前有第二单的成员 ÷ 同一分母；' +
		'LTV = 这些成员第 0…k 期的净额（或总额）收入 ÷ 同一分母。' +
		'留存热力图从第 1 期开始：第 0 期所有成员按定义都活跃。' +
		'截至基准日（或筛选结束日）尚未结束的期间被遮盖，不显示为下降；非时间分组只计第 k 期已结束的成员。' +
		'订单取筛选后的订单；同一天的多笔订单分别计数。'
};

export const labels = {
	retention: { en: 'Retention by period', zh: '各期留存率' },
	repurchase: { en: 'Cumulative repurchase', zh: '累计复购率' },
	ltv: { en: 'Cumulative revenue per customer (LTV)', zh: '累计人均收入（LTV）' },
	cohort: { en: 'Cohort', zh: '同期群' },
	period: { en: 'Period after first order', zh: '首单后期数' },
	customers: { en: 'Customers', zh: '客户数' },
	eligible: { en: 'Customers with the period ended', zh: '该期已结束的客户' },
	active: { en: 'Active', zh: '活跃客户' },
	retentionRate: { en: 'Retention', zh: '留存率' },
	// Period 0 is the month of the first order: every member is active in it, so its count is
	// the cohort's size.
	period0: { en: 'Size (0)', zh: '人数（0）' },
	repurchaseCum: { en: 'Repurchased (cumulative)', zh: '累计复购率' },
	ltvCum: { en: 'Revenue per customer (cumulative)', zh: '累计人均收入' }
} satisfies Record<string, Msg>;

export const noneLabels: ValueLabel[] = [{ value: NONE, label: { en: '(none)', zh: '（无）' } }];

/**
 * The notices this analysis's results call for (see `notices` in index.ts), keyed as the catalog
 * keys them: each names the result that triggers it, says what it means for the numbers and what
 * to do. src/ui/i18n gathers them into the page's catalog.
 */
export const notices: Record<string, Msg> = {
	// cohorts, query 'retention': every retention is NULL
	'cohorts.all-masked': {
		en: 'No cohort has a finished period yet, so every cell is masked. Choose weekly cohorts, or move the as-of date later.',
		zh: '还没有任何同期群有已结束的期间，所有单元格都被遮盖。请改用按周分组，或把基准日往后调。'
	}
};
