import type { Msg } from '../../lib/msg.ts';
import { defaults, type RepurchaseParams } from './params.ts';

export const title: Msg = { en: 'Repurchase', zh: '复购分析' };

/** How a purchase is counted, in the words of each rule below. */
const counting = (sameDayOnePurchase: boolean) =>
	sameDayOnePurchase
		? {
				en: {
					unit: 'Orders of one customer on the same calendar day count as one purchase. ',
					repeat: 'customers with orders on ≥ 2 different days',
					second: 'whose first order on a later day is dated',
					cycle:
						'median calendar days between consecutive order days of known customers (same-day orders count once: no 0-day gaps)'
				},
				zh: {
					unit: '同一客户同一自然日的多笔订单算作一次购买。',
					repeat: '在 ≥ 2 个不同日期下单的客户',
					second: '首单之后另一天的第一笔订单日期',
					cycle:
						'已知客户相邻两个下单日之间自然日数的中位数（同一天多笔订单只算一次，没有 0 天间隔）'
				}
			}
		: {
				en: {
					unit: 'Every order counts as a purchase, several on one day included. ',
					repeat: 'customers with ≥ 2 orders',
					second: 'whose second order is dated',
					cycle:
						'median calendar days between consecutive orders of known customers (several orders on one day give 0-day gaps)'
				},
				zh: {
					unit: '每笔订单都算一次购买，同一天的多笔订单也分别计算。',
					repeat: '下单 ≥ 2 次的客户',
					second: '第二笔订单日期',
					cycle: '已知客户相邻两笔订单间隔自然日数的中位数（同一天的多笔订单产生 0 天间隔）'
				}
			};

/** The definition under the title; how purchases are counted follows the same-day option. */
export function definitionFor(p: Pick<RepurchaseParams, 'sameDayOnePurchase'>): Msg {
	const { en, zh } = counting(p.sameDayOnePurchase === true);
	return {
		en:
			'Breakdowns and windows cover acquired customers: known customers whose first-ever order (all store orders before the as-of date, whatever the filters; net mode: paid orders only) is in the filtered period and slice. ' +
			'Their group is that first order’s channel, amount band (the first order’s own net or gross amount), category (its largest line) or province. ' +
			en.unit +
			`Repeat rate = ${en.repeat} in the filtered set ÷ customers in the group (not censored: recent customers have had less time); ` +
			'revenue share = the group’s revenue ÷ all acquired customers’ revenue; AOV = revenue ÷ orders. ' +
			`Repurchase within N days = customers ${en.second} at most N calendar days after the first order’s date ÷ customers whose first order is dated at least N days before the last day of data (the day before the as-of date, or the range’s last day). Dates, not clock times: with N = 30, a first order on 1 May at 23:50 and a second on 31 May at 00:10 is a repurchase. Right-censoring: later customers are left out, not counted as non-buyers. ` +
			`Repurchase cycle = ${en.cycle}; ` +
			'suggested re-contact day = ⌊median⌋ − the lead days, at least 1. ' +
			'Pareto: known customers sorted by revenue, cumulative revenue share against cumulative customer share; top x% = the first ⌈x% × customers⌉.',
		zh:
			'分组与窗口只看新获客户：首单（截至基准日前的全店订单，不受筛选影响；净额模式只计已付款订单）落在筛选期间和范围内的已知客户。' +
			'分组依据是首单的渠道、金额段（首单本身的净额或总额）、品类（金额最大的商品行）或省份。' +
			zh.unit +
			`复购率 = 筛选订单中${zh.repeat} ÷ 组内客户（未做删失处理：新客户观察时间较短）；` +
			'收入占比 = 该组收入 ÷ 全部新获客户收入；客单价 = 收入 ÷ 订单数。' +
			`N 天内复购率 = ${zh.second}距首单日期不超过 N 个自然日的客户 ÷ 首单日期距数据最后一天（基准日前一天，或日期范围的最后一天）至少 N 天的客户。按日期而非时刻：N = 30 时，5 月 1 日 23:50 的首单与 5 月 31 日 00:10 的第二单算作复购。右删失：观察期不足的客户不计入，而非算作未复购。` +
			`复购周期 = ${zh.cycle}；` +
			'建议再次触达日 = ⌊中位数⌋ − 提前天数，至少第 1 天。' +
			'帕累托：已知客户按收入降序，累计收入占比对累计客户占比；头部 x% = 前 ⌈x% × 客户数⌉ 位。'
	};
}

export const definition: Msg = definitionFor(defaults);

export const labels = {
	byChannel: { en: 'By acquisition channel', zh: '按获客渠道' },
	byBand: { en: 'By first-order amount band', zh: '按首单金额段' },
	byCategory: { en: 'By first category', zh: '按首单品类' },
	byProvince: { en: 'By province', zh: '按省份' },
	channel: { en: 'First channel', zh: '首单渠道' },
	band: { en: 'First-order amount', zh: '首单金额' },
	category: { en: 'First category', zh: '首单品类' },
	province: { en: 'First province', zh: '首单省份' },
	customers: { en: 'Customers', zh: '客户数' },
	customerShare: { en: 'Customer share', zh: '客户占比' },
	repeatCustomers: { en: 'Repeat customers', zh: '复购客户' },
	repeatRate: { en: 'Repeat rate', zh: '复购率' },
	revenue: { en: 'Revenue', zh: '收入' },
	revenueShare: { en: 'Revenue share', zh: '收入占比' },
	aov: { en: 'AOV', zh: '客单价' },
	firstOrderAov: { en: 'Average first order', zh: '平均首单金额' },
	windows: { en: 'Repurchase within N days', zh: 'N 天内复购率' },
	windowDays: { en: 'Window (days)', zh: '窗口（天）' },
	eligible: { en: 'Customers observed for the whole window', zh: '观察期满的客户' },
	repurchased: { en: 'Repurchased', zh: '已复购' },
	rate: { en: 'Repurchase rate', zh: '复购率' },
	censored: { en: 'Too recent (censored)', zh: '观察期不足（删失）' },
	cycle: { en: 'Repurchase cycle', zh: '复购周期' },
	gaps: { en: 'Gaps between orders', zh: '订单间隔数' },
	gapCustomers: { en: 'Customers with a repeat order', zh: '有复购的客户' },
	median: { en: 'Median days between orders', zh: '间隔天数中位数' },
	p25: { en: '25th percentile (days)', zh: '25% 分位（天）' },
	p75: { en: '75th percentile (days)', zh: '75% 分位（天）' },
	recontact: { en: 'Suggested re-contact day', zh: '建议再次触达日' },
	histogram: { en: 'Days between consecutive orders', zh: '相邻订单间隔天数分布' },
	bucketStart: { en: 'Days between orders', zh: '间隔天数' },
	bucketEnd: { en: 'To (days)', zh: '至（天）' },
	bucket: { en: 'Days', zh: '天数' },
	share: { en: 'Share', zh: '占比' },
	pareto: { en: 'Pareto curve', zh: '帕累托曲线' },
	paretoTop: { en: 'Top customers’ revenue share', zh: '头部客户收入占比' },
	cumCustomers: {
		en: 'Share of customers (by revenue, highest first)',
		zh: '客户占比（按收入从高到低）'
	},
	cumRevenue: { en: 'Share of revenue', zh: '收入占比' },
	topPercent: { en: 'Top share of customers', zh: '头部客户比例' },
	topCustomers: { en: 'Top customers', zh: '头部客户数' },
	topRevenueShare: { en: 'Their revenue share', zh: '其收入占比' }
} satisfies Record<string, Msg>;

/**
 * The notices this analysis's results call for (see `notices` in index.ts), keyed as the catalog
 * keys them: each names the result that triggers it, says what it means for the numbers and what
 * to do. src/ui/i18n gathers them into the page's catalog.
 */
export const notices: Record<string, Msg> = {
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
	}
};
