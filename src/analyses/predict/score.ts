/**
 * The parts of the per-customer predictions that need the special functions (the hypergeometric
 * series, numerical quadrature): they depend only on a customer's repeat purchases and age, so
 * they are computed here once per distinct (x, age) pair, and DuckDB combines them with each
 * customer's closed-form terms (P(alive), expected spend; see buildPredictionsSql). A million
 * customers share a few thousand pairs, and their rows never cross into the page.
 */
import {
	DAYS_PER_MONTH,
	discountedValue,
	expectedIfAlive,
	medianWaitIfAlive,
	probabilityOrderIfAlive,
	type BgNbdParams
} from './model.ts';

/** Distinct (repeat purchases, age in days) pairs, as read from `predict_summary`. */
export interface Pairs {
	x: ArrayLike<number>;
	ageDays: ArrayLike<number>;
}

export interface ScoreOptions {
	unitDays: number;
	horizonDays: number;
	clvMonths: number;
	discountRate: number;
	/** Days from the calibration end to the as-of date (0 = no holdout). */
	holdoutDays: number;
}

/** Per pair, for a customer still alive at the as-of date; multiplied by P(alive) in SQL. */
export interface PairTerms {
	/** Expected orders (purchase days) in the next N days. */
	expectedOrders: Float64Array;
	/** P(at least one order in the next N days). */
	pOrder: Float64Array;
	/** Discounted expected orders over the CLV horizon (times spend and margin in SQL). */
	valueFactor: Float64Array;
	/** Days from the as-of date to the median next order. */
	waitDays: Float64Array;
}

export function scorePairs(pairs: Pairs, bg: BgNbdParams, o: ScoreOptions): PairTerms {
	const n = pairs.x.length;
	const u = o.unitDays;
	const horizon = o.horizonDays / u;
	const monthUnits = DAYS_PER_MONTH / u;
	const out: PairTerms = {
		expectedOrders: new Float64Array(n),
		pOrder: new Float64Array(n),
		valueFactor: new Float64Array(n),
		waitDays: new Float64Array(n)
	};
	for (let i = 0; i < n; i++) {
		const x = pairs.x[i];
		const T = pairs.ageDays[i] / u;
		out.expectedOrders[i] = expectedIfAlive(bg, x, T, horizon);
		out.pOrder[i] = probabilityOrderIfAlive(bg, x, T, horizon);
		out.valueFactor[i] = discountedValue(
			(m) => expectedIfAlive(bg, x, T, m * monthUnits),
			o.clvMonths,
			1,
			1,
			o.discountRate
		);
		out.waitDays[i] = medianWaitIfAlive(bg, x, T) * u;
	}
	return out;
}

/**
 * Per distinct calibration pair (x_cal, age_cal_days): expected orders in the holdout for a
 * customer alive at the calibration end (times P(alive) then, in SQL).
 */
export function scoreHoldoutPairs(pairs: Pairs, bg: BgNbdParams, o: ScoreOptions): Float64Array {
	const u = o.unitDays;
	return Float64Array.from({ length: pairs.x.length }, (_, i) =>
		expectedIfAlive(bg, pairs.x[i], pairs.ageDays[i] / u, o.holdoutDays / u)
	);
}
