/**
 * The two standard checks of a BG/NBD fit, as plain rows:
 * - in the calibration period, how many customers made 0, 1, …, 7+ repeat purchases, against how
 *   many the model expects given each customer's age;
 * - cumulative repeat purchases of the calibration customers over calendar time, actual against
 *   expected, through the holdout period when there is one.
 */
import { addDays } from './dates.ts';
import {
	expectedUnconditional,
	probabilityOfCount,
	type BgNbdGroups,
	type BgNbdParams
} from './model.ts';

/** Repeat counts from 0 to this; the last bucket holds this many and more ("7+"). */
export const FREQUENCY_BUCKETS = 7;

export interface FrequencyRow {
	/** 0 … 7, where 7 means 7 or more. */
	repeat_orders: number;
	actual: number;
	expected: number;
}

export function checkFrequencies(groups: BgNbdGroups, params: BgNbdParams): FrequencyRow[] {
	const actual = new Array<number>(FREQUENCY_BUCKETS + 1).fill(0);
	const byAge = new Map<number, number>();
	for (let i = 0; i < groups.n.length; i++) {
		actual[Math.min(groups.x[i], FREQUENCY_BUCKETS)] += groups.n[i];
		byAge.set(groups.T[i], (byAge.get(groups.T[i]) ?? 0) + groups.n[i]);
	}
	const expected = new Array<number>(FREQUENCY_BUCKETS + 1).fill(0);
	for (const [T, n] of byAge) {
		let below = 0;
		for (let x = 0; x < FREQUENCY_BUCKETS; x++) {
			const p = probabilityOfCount(params, T, x);
			expected[x] += n * p;
			below += p;
		}
		expected[FREQUENCY_BUCKETS] += n * Math.max(0, 1 - below);
	}
	return actual.map((a, x) => ({ repeat_orders: x, actual: a, expected: expected[x] }));
}

export interface DailyPurchases {
	/** Days from the calibration end (negative before it). */
	dayOffset: ArrayLike<number>;
	newCustomers: ArrayLike<number>;
	repeats: ArrayLike<number>;
}

export interface TrackingRow {
	/** The point in time: start of this day, as days from the calibration end. */
	day_offset: number;
	date: string;
	actual: number;
	expected: number;
	period: 'calibration' | 'holdout';
}

/**
 * Cumulative repeat purchases at one point per model unit, aligned so that one point falls on the
 * calibration end, from the first purchase to the last day before the as-of date (always the last
 * point). A point is a day, its purchases included. A customer whose first purchase was on day s
 * is expected to have made E[X(e − s)] repeat purchases by point e.
 */
export function trackCumulative(
	daily: DailyPurchases,
	params: BgNbdParams,
	unitDays: number,
	calibrationEnd: string,
	holdoutDays: number
): TrackingRow[] {
	const cohorts: [number, number][] = [];
	const repeatsByDay = new Map<number, number>();
	let first = Infinity;
	for (let i = 0; i < daily.dayOffset.length; i++) {
		const d = daily.dayOffset[i];
		if (daily.newCustomers[i] > 0) cohorts.push([d, daily.newCustomers[i]]);
		if (daily.repeats[i] > 0) repeatsByDay.set(d, daily.repeats[i]);
		first = Math.min(first, d);
	}
	if (!cohorts.length) return [];
	const expectedAt = new Map<number, number>();
	const expectedAfter = (days: number) => {
		let e = expectedAt.get(days);
		if (e === undefined) {
			e = expectedUnconditional(params, days / unitDays);
			expectedAt.set(days, e);
		}
		return e;
	};
	const points: number[] = [];
	for (let e = Math.floor(first / unitDays) * unitDays + unitDays; e <= holdoutDays; e += unitDays)
		points.push(e);
	if (points.at(-1) !== holdoutDays) points.push(holdoutDays);
	const rows: TrackingRow[] = [];
	let actual = 0;
	let countedTo = first;
	for (const e of points) {
		// A purchase on the day of a point counts by it, as the last calibration day's do.
		for (; countedTo <= e; countedTo++) actual += repeatsByDay.get(countedTo) ?? 0;
		let expected = 0;
		for (const [s, n] of cohorts) if (s < e) expected += n * expectedAfter(e - s);
		rows.push({
			day_offset: e,
			date: addDays(calibrationEnd, e),
			actual,
			expected,
			period: e <= 0 ? 'calibration' : 'holdout'
		});
	}
	return rows;
}
