import type { Msg } from '../../lib/msg.ts';

export const title: Msg = { en: 'Member tiers', zh: '会员等级' };

export const definition: Msg = {
	en:
		'Known customers ranked by cumulative spend = the sum of their order amounts (net or gross as set in the header) in the filtered orders before the date; unknown customers excluded. ' +
		'A customer is in the highest tier whose lower bound their spend reaches. By default the bounds follow the store’s own spend: tier 1 from 0, the others from the spend of the top half, top 20% and top 5% of customers, rounded to two significant digits; set them by hand for fixed rules (a Tmall store’s: ≥ 0 pays 95%, ≥ 2000 92%, ≥ 5000 90%, ≥ 20000 88% of list price). ' +
		'Revenue = the tier’s cumulative spend; AOV = revenue ÷ orders (every order counts, same-day ones too). ' +
		'Movement: tier from orders before (as-of date − N months) against tier at the as-of date; “—” = no order yet then. ' +
		'Tier by month: each customer’s tier from spend up to the end of the month (the current month: up to the as-of date).',
	zh:
		'已知客户按累计消费分级：累计消费 = 截至该日期前筛选订单金额之和（按页头取净额或总额）；不含未知客户。' +
		'客户属于其累计消费达到下限的最高等级。默认按本店客户消费自动分级：1 级从 0 起，其余分别从前 50%、前 20%、前 5% 客户的消费额起（取两位有效数字）；也可手动设定固定规则（如某天猫店铺：≥ 0 享 95 折，≥ 2000 享 92 折，≥ 5000 享 9 折，≥ 20000 享 88 折）。' +
		'收入 = 该等级客户累计消费；客单价 = 收入 ÷ 订单数（每笔订单都计，含同一天的多笔）。' +
		'迁移：（基准日 − N 个月）之前订单对应的等级 vs 基准日时的等级；“—” 表示当时尚未下单。' +
		'月度等级：每位客户截至当月月底（当月截至基准日）的累计消费所在等级。'
};

export const labels = {
	summary: { en: 'Tiers', zh: '等级概况' },
	movement: { en: 'Tier movement', zh: '等级迁移' },
	byMonth: { en: 'Members per tier by month', zh: '各月等级人数' },
	tier: { en: 'Tier', zh: '等级' },
	toTier: { en: 'Tier now', zh: '当前等级' },
	fromDate: { en: 'Earlier date', zh: '较早日期' },
	minSpend: { en: 'Cumulative spend from', zh: '累计消费下限' },
	discount: { en: 'Member price (% of list)', zh: '会员折扣（%）' },
	customers: { en: 'Customers', zh: '客户数' },
	customerShare: { en: 'Customer share', zh: '客户占比' },
	revenue: { en: 'Revenue', zh: '收入' },
	revenueShare: { en: 'Revenue share', zh: '收入占比' },
	aov: { en: 'AOV', zh: '客单价' },
	avgSpend: { en: 'Average cumulative spend', zh: '人均累计消费' },
	month: { en: 'Month', zh: '月份' }
} satisfies Record<string, Msg>;

/**
 * The notices this analysis's results call for (see `notices` in index.ts), keyed as the catalog
 * keys them: each names the result that triggers it, says what it means for the numbers and what
 * to do. src/ui/i18n gathers them into the page's catalog.
 */
export const notices: Record<string, Msg> = {
	// tiers, query 'summary': a row with tier = 0
	'tiers.below-first': {
		en: 'Some customers spent less than the first tier threshold and are shown below it. Set the first threshold to 0 if every buyer is a member.',
		zh: '部分客户累计消费低于第一个等级门槛，显示为门槛以下。如所有买家都是会员，请把第一个门槛设为 0。'
	}
};
