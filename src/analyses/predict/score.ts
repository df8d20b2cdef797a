/**
 * Per-customer predictions from fitted models, for up to millions of customers: typed arrays in
 * and out, and every quantity that depends only on (x, age) (the hypergeometric ones) computed
 * once per distinct pair.
 */
import {
	DAYS_PER_MONTH,
	discountedValue,
	expectedIfAlive,
	expectedSpend,
	medianWaitIfAlive,
	probabilityAlive,
	probabilityOrderIfAlive,
	type BgNbdParams,
	type GammaGammaParams
} from './model.ts';

/** Per-customer summaries, as read from buildCustomerSummarySql (one entry per customer). */
export interface CustomerArrays {
	x: ArrayLike<number>;
	txDays: ArrayLike<number>;
	ageDays: ArrayLike<number>;
	monetary: ArrayLike<number>;
	xCal: ArrayLike<number>;
	txCalDays: ArrayLike<number>;
	/** −1 for customers whose first purchase is after the calibration end. */
	ageCalDays: ArrayLike<number>;
}

export interface ScoreOptions {
	unitDays: number;
	horizonDays: number;
	clvMonths: number;
	discountRate: number;
	margin: number;
	/** Days from the calibration end to the as-of date (0 = no holdout). */
	holdoutDays: number;
}

export interface Scores {
	/** P(still a customer) at the as-of date. */
	pAlive: Float64Array;
	/** P(at least one order in the next N days). */
	pOrder: Float64Array;
	/** Expected orders (purchase days) in the next N days. */
	expectedOrders: Float64Array;
	/** Expected value of one future order (Gamma-Gamma). */
	expectedSpend: Float64Array;
	/** Discounted expected value over the CLV horizon, times the margin. */
	clv: Float64Array;
	/** Days from the as-of date to the median next order if still a customer (see model.ts). */
	nextOrderDays: Float64Array;
	/** Expected orders in the holdout, from calibration data; NaN outside the calibration set. */
	expectedHoldout: Float64Array;
}

/** What depends only on (x, age): cached per distinct pair. */
interface PairTerms {
	expectedOrders: number;
	pOrder: number;
	valueFactor: number;
	waitDays: number;
}

export function scoreCustomers(
	c: CustomerArrays,
	bg: BgNbdParams,
	gg: GammaGammaParams,
	o: ScoreOptions
): Scores {
	const n = c.x.length;
	const u = o.unitDays;
	const horizon = o.horizonDays / u;
	const monthUnits = DAYS_PER_MONTH / u;
	const out: Scores = {
		pAlive: new Float64Array(n),
		pOrder: new Float64Array(n),
		expectedOrders: new Float64Array(n),
		expectedSpend: new Float64Array(n),
		clv: new Float64Array(n),
		nextOrderDays: new Float64Array(n),
		expectedHoldout: new Float64Array(n)
	};
	// Keys pack (x, age in days) into one number; ages stay far below 2^21 days.
	const key = (x: number, ageDays: number) => x * 2_097_152 + ageDays;
	const pairs = new Map<number, PairTerms>();
	const holdout = new Map<number, number>();
	for (let i = 0; i < n; i++) {
		const x = c.x[i];
		const T = c.ageDays[i] / u;
		const k = key(x, c.ageDays[i]);
		let terms = pairs.get(k);
		if (!terms) {
			terms = {
				expectedOrders: expectedIfAlive(bg, x, T, horizon),
				pOrder: probabilityOrderIfAlive(bg, x, T, horizon),
				// Value per unit of spend × margin if alive: discounted expected orders per month.
				valueFactor: discountedValue(
					(m) => expectedIfAlive(bg, x, T, m * monthUnits),
					o.clvMonths,
					1,
					1,
					o.discountRate
				),
				waitDays: medianWaitIfAlive(bg, x, T) * u
			};
			pairs.set(k, terms);
		}
		const alive = probabilityAlive(bg, x, c.txDays[i] / u, T);
		const spend = expectedSpend(gg, x, c.monetary[i]);
		out.pAlive[i] = alive;
		out.pOrder[i] = alive * terms.pOrder;
		out.expectedOrders[i] = alive * terms.expectedOrders;
		out.expectedSpend[i] = spend;
		out.clv[i] = alive * terms.valueFactor * spend * o.margin;
		out.nextOrderDays[i] = terms.waitDays;

		const ageCal = c.ageCalDays[i];
		if (o.holdoutDays > 0 && ageCal >= 0) {
			const xc = c.xCal[i];
			const hk = key(xc, ageCal);
			let e = holdout.get(hk);
			if (e === undefined) {
				e = expectedIfAlive(bg, xc, ageCal / u, o.holdoutDays / u);
				holdout.set(hk, e);
			}
			out.expectedHoldout[i] = probabilityAlive(bg, xc, c.txCalDays[i] / u, ageCal / u) * e;
		} else out.expectedHoldout[i] = NaN;
	}
	return out;
}
