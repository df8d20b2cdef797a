import type { ParamField } from '../types.ts';

/** One segment rule: score ranges (inclusive, 1–5). The first rule a customer matches wins. */
export type SegmentRule = {
	segment: string;
	rMin: number;
	rMax: number;
	fMin: number;
	fMax: number;
	/** Optional M range; omitted means any M score. */
	mMin?: number;
	mMax?: number;
};

export type RfmParams = {
	/** M = total net spend, or average spend per order. */
	monetary: 'total' | 'average';
	/** Scores from the threshold lists, or from each customer's rank (quintiles). */
	scoring: 'thresholds' | 'quantiles';
	/** Days since last order, ascending: R = 5 at or below the first, …, 1 above the last. */
	rThresholds: number[];
	/** Orders, ascending lower bounds of F = 2, 3, 4, 5. */
	fThresholds: number[];
	/** Spend, ascending lower bounds of M = 2, 3, 4, 5. */
	mThresholds: number[];
	rules: SegmentRule[];
	/** What colours the R×F heatmap. */
	heatmapFill: 'customers' | 'revenue';
	/** Earlier as-of date for segment movement; empty = 90 days before the as-of date. */
	compareAsOf: string;
};

/**
 * Default rules on R and F scores. Every one of the 25 R×F cells is covered; "Can't lose" comes
 * before "At risk" because it is the narrower rule for the same lapsed customers.
 */
const r = (segment: string, rMin: number, rMax: number, fMin: number, fMax: number) => ({
	segment,
	rMin,
	rMax,
	fMin,
	fMax
});
const DEFAULT_RULES: SegmentRule[] = [
	r('Champions', 4, 5, 4, 5),
	r('Loyal', 3, 5, 3, 5),
	r('Potential loyalist', 4, 5, 2, 2),
	r('New', 5, 5, 1, 1),
	r('Promising', 4, 4, 1, 1),
	r('Need attention', 3, 3, 2, 2),
	r('About to sleep', 3, 3, 1, 1),
	r("Can't lose", 1, 2, 5, 5),
	r('At risk', 1, 2, 3, 4),
	r('Hibernating', 2, 2, 1, 2),
	r('Lost', 1, 1, 1, 2)
];

export const defaults: RfmParams = {
	monetary: 'total',
	scoring: 'thresholds',
	rThresholds: [30, 90, 180, 365],
	fThresholds: [2, 3, 4, 6],
	mThresholds: [100, 200, 500, 1000],
	rules: DEFAULT_RULES,
	heatmapFill: 'customers',
	compareAsOf: ''
};

export const fields: ParamField[] = [
	{
		key: 'monetary',
		label: { en: 'M (monetary)', zh: 'M（消费金额）' },
		kind: 'select',
		options: [
			{ value: 'total', label: { en: 'Total spend', zh: '累计消费' } },
			{ value: 'average', label: { en: 'Average spend per order', zh: '平均每单消费' } }
		]
	},
	{
		key: 'scoring',
		label: { en: 'Scores', zh: '评分方式' },
		kind: 'select',
		options: [
			{ value: 'thresholds', label: { en: 'Thresholds (below)', zh: '按阈值（见下）' } },
			{ value: 'quantiles', label: { en: 'Quintiles of rank', zh: '按排名五等分' } }
		]
	},
	{
		key: 'rThresholds',
		label: { en: 'R thresholds (days)', zh: 'R 阈值（天）' },
		kind: 'numbers',
		hint: {
			en: 'Four ascending values: R = 5 at or below the first, 4 at or below the second, …, 1 above the last.',
			zh: '四个递增值：不超过第一个为 5 分，不超过第二个为 4 分，……，超过最后一个为 1 分。'
		}
	},
	{
		key: 'fThresholds',
		label: { en: 'F thresholds (orders)', zh: 'F 阈值（订单数）' },
		kind: 'numbers',
		hint: {
			en: 'Four ascending lower bounds of F = 2, 3, 4, 5. Default 2, 3, 4, 6 gives 1 / 2 / 3 / 4–5 / 6+ orders.',
			zh: 'F = 2、3、4、5 分的四个递增下限。默认 2、3、4、6 即 1 / 2 / 3 / 4–5 / 6+ 单。'
		}
	},
	{
		key: 'mThresholds',
		label: { en: 'M thresholds (money)', zh: 'M 阈值（金额）' },
		kind: 'numbers',
		hint: {
			en: 'Four ascending lower bounds of M = 2, 3, 4, 5.',
			zh: 'M = 2、3、4、5 分的四个递增下限。'
		}
	},
	{
		key: 'rules',
		label: { en: 'Segment rules (first match wins)', zh: '分群规则（按顺序，先匹配者生效）' },
		kind: 'rules',
		columns: [
			{ key: 'segment', label: { en: 'Segment', zh: '分群' }, kind: 'text' },
			{ key: 'rMin', label: { en: 'R min', zh: 'R 最小' }, kind: 'number' },
			{ key: 'rMax', label: { en: 'R max', zh: 'R 最大' }, kind: 'number' },
			{ key: 'fMin', label: { en: 'F min', zh: 'F 最小' }, kind: 'number' },
			{ key: 'fMax', label: { en: 'F max', zh: 'F 最大' }, kind: 'number' },
			{ key: 'mMin', label: { en: 'M min', zh: 'M 最小' }, kind: 'number' },
			{ key: 'mMax', label: { en: 'M max', zh: 'M 最大' }, kind: 'number' }
		]
	},
	{
		key: 'heatmapFill',
		label: { en: 'Heatmap colour', zh: '热力图着色' },
		kind: 'select',
		options: [
			{ value: 'customers', label: { en: 'Customers', zh: '客户数' } },
			{ value: 'revenue', label: { en: 'Revenue', zh: '收入' } }
		]
	},
	{
		key: 'compareAsOf',
		label: {
			en: 'Movement from (earlier as-of; empty = 90 days before)',
			zh: '迁移起点（较早的基准日；留空 = 前 90 天）'
		},
		kind: 'date'
	}
];
