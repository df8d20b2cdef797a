import type { ParamField } from '../types.ts';

/** What a cohort is: the first-order month or week, or an attribute of the first order. */
type CohortKey = 'month' | 'week' | 'channel' | 'campaign' | 'category' | 'province';

export type CohortParams = {
	key: CohortKey;
	/** Periods after the first (k = 0 … periods). */
	periods: number;
};

export const defaults: CohortParams = { key: 'month', periods: 12 };

export const fields: ParamField[] = [
	{
		key: 'key',
		label: { en: 'Cohort by', zh: '分组依据' },
		kind: 'select',
		options: [
			{ value: 'month', label: { en: 'First-order month', zh: '首单月份' } },
			{ value: 'week', label: { en: 'First-order week', zh: '首单周' } },
			{ value: 'channel', label: { en: 'First channel', zh: '首单渠道' } },
			{ value: 'campaign', label: { en: 'First campaign', zh: '首单活动' } },
			{ value: 'category', label: { en: 'First category', zh: '首单品类' } },
			{ value: 'province', label: { en: 'First province', zh: '首单省份' } }
		]
	},
	{
		key: 'periods',
		label: { en: 'Periods to follow', zh: '跟踪期数' },
		kind: 'number',
		min: 1,
		max: 60,
		step: 1
	}
];
