import type { ParamField } from '../types.ts';

/** What the analyst can set on a Predict cell. */
export type PredictParams = {
	/** Time unit of the model (parameters α and the times are in it). */
	unit: 'days' | 'weeks';
	/** Expected orders and P(order) are over the next N days. */
	horizonDays: number;
	/** CLV horizon in months. */
	clvMonths: number;
	/** Annual discount rate for CLV, e.g. 0.1 = 10 %. */
	discountRate: number;
	/** Share of revenue kept as profit, 0–1 (1 = CLV in revenue). */
	margin: number;
	/**
	 * Last day of the calibration period (`YYYY-MM-DD`, inclusive). Empty = the day before the
	 * as-of date, no holdout. When set, the models are fitted on orders up to and including it and
	 * checked on orders after it, before the as-of date; per-customer predictions still use every
	 * order before the as-of date.
	 */
	calibrationEnd: string;
};

export const defaults: PredictParams = {
	unit: 'weeks',
	horizonDays: 90,
	clvMonths: 12,
	discountRate: 0.1,
	margin: 1,
	calibrationEnd: ''
};

export const fields: ParamField[] = [
	{
		key: 'unit',
		kind: 'select',
		label: { en: 'Time unit of the model', zh: '模型时间单位' },
		options: [
			{ value: 'weeks', label: { en: 'Weeks', zh: '周' } },
			{ value: 'days', label: { en: 'Days', zh: '天' } }
		]
	},
	{
		key: 'horizonDays',
		kind: 'number',
		min: 1,
		max: 3650,
		step: 1,
		label: { en: 'Expected orders in the next N days', zh: '预测未来 N 天的订单数' }
	},
	{
		key: 'clvMonths',
		kind: 'number',
		min: 1,
		max: 120,
		step: 1,
		label: { en: 'CLV horizon (months)', zh: 'CLV 预测期（月）' }
	},
	{
		key: 'discountRate',
		kind: 'number',
		min: 0,
		max: 1,
		step: 0.01,
		label: { en: 'Annual discount rate (0.1 = 10%)', zh: '年折现率（0.1 = 10%）' }
	},
	{
		key: 'margin',
		kind: 'number',
		min: 0,
		max: 1,
		step: 0.05,
		label: { en: 'Profit margin (1 = revenue)', zh: '利润率（1 = 按收入计）' }
	},
	{
		key: 'calibrationEnd',
		kind: 'date',
		label: {
			en: 'Last day of calibration, for a holdout check (empty = no check)',
			zh: '校准期最后一天（含当天），用于留出期检验（留空 = 不检验）'
		}
	}
];

/** Days per model unit. */
export const unitDays = (p: Pick<PredictParams, 'unit'>): 1 | 7 => (p.unit === 'days' ? 1 : 7);
