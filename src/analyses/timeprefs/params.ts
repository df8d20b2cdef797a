import type { ParamField } from '../types.ts';

export type TimePrefsParams = {
	/** Which orders: all, customers' first orders, or their later (repeat) orders. */
	segment: 'all' | 'first' | 'repeat';
	/** Heatmap colour: order count or share of the segment's orders. */
	measure: 'orders' | 'share';
	/** How many weekday-hour cells to list as the best times. */
	best: number;
};

export const defaults: TimePrefsParams = { segment: 'all', measure: 'share', best: 5 };

export const fields: ParamField[] = [
	{
		key: 'segment',
		kind: 'select',
		label: { en: 'Orders', zh: '订单范围' },
		options: [
			{ value: 'all', label: { en: 'All orders', zh: '全部订单' } },
			{ value: 'first', label: { en: 'First orders (new customers)', zh: '首单（新客）' } },
			{ value: 'repeat', label: { en: 'Repeat orders (returning)', zh: '复购订单（老客）' } }
		]
	},
	{
		key: 'measure',
		kind: 'select',
		label: { en: 'Colour by', zh: '颜色表示' },
		options: [
			{ value: 'share', label: { en: 'Share of orders', zh: '订单占比' } },
			{ value: 'orders', label: { en: 'Orders', zh: '订单数' } }
		]
	},
	{
		key: 'best',
		kind: 'number',
		min: 1,
		max: 24,
		label: { en: 'Best times listed', zh: '列出最佳时段数' }
	}
];
