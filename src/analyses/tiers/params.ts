import type { ParamField } from '../types.ts';

export type TierParams = {
	/**
	 * Cumulative-spend lower bounds of the tiers, ascending (a Tmall store's: 0 / 2000 / 5000 /
	 * 20000). Empty: from the store's own spend (0, then the top half, top 20% and top 5%).
	 */
	thresholds: number[];
	/** Member price per tier in percent of list price, in the same order (95 / 92 / 90 / 88). */
	discounts: number[];
	/** Movement: the tier this many months before the as-of date against the tier at it. */
	monthsBack: number;
};

export const defaults: TierParams = {
	thresholds: [],
	discounts: [95, 92, 90, 88],
	monthsBack: 6
};

export const fields: ParamField[] = [
	{
		key: 'thresholds',
		label: { en: 'Tier thresholds (cumulative spend)', zh: '等级门槛（累计消费）' },
		kind: 'numbers',
		hint: {
			en: 'Lower bound of each tier, ascending. Empty: from your store’s spend — everyone, the top half, the top 20% and the top 5% of customers (e.g. 0, 2000, 5000, 20000 for a store like the Tmall case).',
			zh: '每个等级的消费下限，递增。留空：按本店客户消费自动分级——全部、前 50%、前 20%、前 5% 的客户（如天猫案例店铺：0、2000、5000、20000）。'
		},
		empty: { en: 'Automatic: from your store’s spend', zh: '自动：按本店客户消费' }
	},
	{
		key: 'discounts',
		label: { en: 'Member price (% of list), per tier', zh: '会员折扣（占原价 %），逐级' },
		kind: 'numbers'
	},
	{
		key: 'monthsBack',
		label: { en: 'Movement over the last N months', zh: '迁移：最近 N 个月' },
		kind: 'number',
		min: 1,
		max: 60,
		step: 1
	}
];
