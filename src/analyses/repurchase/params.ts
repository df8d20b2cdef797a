import type { ParamField } from '../types.ts';

export type RepurchaseParams = {
	/** First-order amount band edges, ascending: ≤ first, first–second, …, > last. */
	bands: number[];
	/** Repurchase windows in days. */
	windows: number[];
	/** Width of the days-between-orders histogram buckets. */
	bucketDays: number;
	/** Gaps of this many days or more share the last bucket. */
	maxDays: number;
	/**
	 * Orders of one customer on one calendar day count as one purchase: in the repeat rate, the
	 * repurchase windows (the second purchase is the first order on a later day) and the cycle (no
	 * 0-day gaps). Off: every order counts, as in the other cells' repeat rates.
	 */
	sameDayOnePurchase: boolean;
	/** Suggested re-contact day = median gap − this many days (at least day 1). */
	leadDays: number;
	/** The Pareto figure: revenue share of the top this-many percent of customers. */
	topPercent: number;
};

export const defaults: RepurchaseParams = {
	bands: [70, 140],
	windows: [30, 60, 90],
	bucketDays: 7,
	maxDays: 180,
	sameDayOnePurchase: false,
	leadDays: 3,
	topPercent: 20
};

export const fields: ParamField[] = [
	{
		key: 'bands',
		label: { en: 'First-order amount bands', zh: '首单金额分段' },
		kind: 'numbers',
		hint: {
			en: 'Band edges, e.g. 70, 140 → ≤ 70, 70–140, > 140.',
			zh: '分段边界，如 70, 140 → ≤ 70、70–140、> 140。'
		}
	},
	{
		key: 'windows',
		label: { en: 'Repurchase windows (days)', zh: '复购窗口（天）' },
		kind: 'numbers'
	},
	{
		key: 'bucketDays',
		label: { en: 'Histogram bucket (days)', zh: '直方图分组宽度（天）' },
		kind: 'number',
		min: 1,
		step: 1
	},
	{
		key: 'maxDays',
		label: { en: 'Last bucket from (days)', zh: '末组起点（天）' },
		kind: 'number',
		min: 1,
		step: 1
	},
	{
		key: 'sameDayOnePurchase',
		label: {
			en: 'Orders on the same day count as one purchase',
			zh: '同一天的多笔订单算作一次购买'
		},
		kind: 'toggle'
	},
	{
		key: 'leadDays',
		label: { en: 'Re-contact this many days before the median', zh: '提前几天再次触达' },
		kind: 'number',
		min: 0,
		step: 1
	},
	{
		key: 'topPercent',
		label: { en: 'Top customers (%) for the Pareto figure', zh: '帕累托：头部客户比例（%）' },
		kind: 'number',
		min: 1,
		max: 100,
		step: 1
	}
];
