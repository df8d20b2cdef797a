import type { ParamField } from '../types.ts';

export type OverviewParams = {
	/**
	 * What the KPIs compare: the last complete calendar month against the month before it
	 * ('month') or the same month a year earlier ('year'); the whole filtered period against the
	 * equally long period just before it ('period'); or everything before the as-of date, with
	 * nothing to compare ('all').
	 */
	compare: 'month' | 'year' | 'period' | 'all';
};

export const defaults: OverviewParams = { compare: 'month' };

export const fields: ParamField[] = [
	{
		key: 'compare',
		label: { en: 'Compare', zh: '对比' },
		kind: 'select',
		options: [
			{
				value: 'month',
				label: { en: 'Last complete month vs the month before', zh: '最近完整月 vs 上一个月' }
			},
			{
				value: 'year',
				label: {
					en: 'Last complete month vs the same month a year earlier',
					zh: '最近完整月 vs 去年同月'
				}
			},
			{
				value: 'period',
				label: {
					en: 'Filtered period vs the equally long period before',
					zh: '筛选期间 vs 之前等长期间'
				}
			},
			{ value: 'all', label: { en: 'All time (no comparison)', zh: '全部时间（不对比）' } }
		]
	}
];
