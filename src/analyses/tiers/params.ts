import type { ParamField } from '../types.ts';

export type TierParams = {
	/** Cumulative-spend lower bounds of the tiers, ascending (seed 001: 0 / 2000 / 5000 / 20000). */
	thresholds: number[];
	/** Member price per tier in percent of list price, in the same order (95 / 92 / 90 / 88). */
	discounts: number[];
	/** Movement: the tier this many months before the as-of date against the tier at it. */
	monthsBack: number;
};

export const defaults: TierParams = {
	thresholds: [0, 2000, 5000, 20000],
	discounts: [95, 92, 90, 88],
	monthsBack: 6
};

export const fields: ParamField[] = [
	{
		key: 'thresholds',
		label: { en: 'Tier thresholds (cumulative spend)', zh: '等级门槛（累计消费）' },
		kind: 'numbers',
		hint: {
			en: 'Lower bound of each tier, ascending.',
			zh: '每个等级的消费下限，递增。'
		}
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
