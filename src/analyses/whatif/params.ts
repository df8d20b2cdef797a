import type { ParamField } from '../types.ts';

export type WhatIfParams = {
	/** How customers are grouped: everybody, first-order amount band, or first-order channel. */
	segmentBy: 'all' | 'aov' | 'channel';
	/** Band: first order amount > aovMin and ≤ aovMax (aovMax 0 = no upper bound). */
	aovMin: number;
	aovMax: number;
	/** Channel of the first order, when segmenting by channel. */
	channel: string;
	/** The repeat-customer rate the segment would reach, in percent. */
	targetRate: number;
};

/** DOMAIN.md's store: lift premium customers (first order > 140) to 50% repeat. */
export const defaults: WhatIfParams = {
	segmentBy: 'aov',
	aovMin: 140,
	aovMax: 0,
	channel: '',
	targetRate: 50
};

export const fields: ParamField[] = [
	{
		key: 'segmentBy',
		kind: 'select',
		label: { en: 'Segment', zh: '客群' },
		options: [
			{ value: 'aov', label: { en: 'First-order amount band', zh: '首单金额区间' } },
			{ value: 'channel', label: { en: 'Acquisition channel', zh: '首单渠道' } },
			{ value: 'all', label: { en: 'All customers', zh: '全部客户' } }
		]
	},
	{
		key: 'aovMin',
		kind: 'number',
		min: 0,
		label: { en: 'First order above', zh: '首单金额高于' }
	},
	{
		key: 'aovMax',
		kind: 'number',
		min: 0,
		label: { en: 'and at most (0 = no limit)', zh: '且不超过（0 = 不限）' }
	},
	{ key: 'channel', kind: 'text', label: { en: 'Channel', zh: '渠道' } },
	{
		key: 'targetRate',
		kind: 'number',
		min: 0,
		max: 100,
		step: 1,
		label: { en: 'Repeat rate would become, %', zh: '复购率提升到（%）' }
	}
];
