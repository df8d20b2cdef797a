import type { ParamField } from '../types.ts';

/**
 * Lifecycle thresholds. Every day count is measured at the as-of date (an order the day before
 * is 1 day ago). A 0 means "derive it": the cycle from the data, a threshold from the cycle.
 */
export type LifecycleParams = {
	/** Repurchase cycle in days; 0 = median days between a customer's consecutive order days. */
	cycleDays: number;
	/** Active: last order at most this many cycles ago. */
	activeMultiple: number;
	/** Dormant: last order at most this many cycles ago; churned beyond. */
	dormantMultiple: number;
	/** Overrides in days (0 = cycle × multiple, rounded to the nearest day). */
	activeDays: number;
	dormantDays: number;
	/** New: first-ever order at most this many days ago (takes precedence over the other stages). */
	newDays: number;
	/** Month-end snapshots shown over time, and months of reactivation rates. */
	months: number;
};

/** Used when no customer has ordered on two different days, so there is no cycle to measure. */
export const FALLBACK_CYCLE_DAYS = 90;

export const defaults: LifecycleParams = {
	cycleDays: 0,
	activeMultiple: 1,
	dormantMultiple: 3,
	activeDays: 0,
	dormantDays: 0,
	newDays: 30,
	months: 12
};

export const fields: ParamField[] = [
	{
		key: 'cycleDays',
		kind: 'number',
		min: 0,
		label: {
			en: 'Repurchase cycle, days (0 = median from the data)',
			zh: '复购周期（天，0 = 按数据取中位数）'
		}
	},
	{
		key: 'activeMultiple',
		kind: 'number',
		min: 0,
		step: 0.5,
		label: { en: 'Active: last order within × cycle', zh: '活跃：最近一单在几倍周期内' }
	},
	{
		key: 'dormantMultiple',
		kind: 'number',
		min: 0,
		step: 0.5,
		label: { en: 'Dormant: last order within × cycle', zh: '休眠：最近一单在几倍周期内' }
	},
	{
		key: 'activeDays',
		kind: 'number',
		min: 0,
		label: { en: 'Active threshold, days (0 = from cycle)', zh: '活跃阈值（天，0 = 按周期）' }
	},
	{
		key: 'dormantDays',
		kind: 'number',
		min: 0,
		label: { en: 'Dormant threshold, days (0 = from cycle)', zh: '休眠阈值（天，0 = 按周期）' }
	},
	{
		key: 'newDays',
		kind: 'number',
		min: 0,
		label: { en: 'New: first order within, days', zh: '新客：首单在多少天内' }
	},
	{
		key: 'months',
		kind: 'number',
		min: 1,
		max: 36,
		label: { en: 'Months shown over time', zh: '趋势显示月数' }
	}
];
