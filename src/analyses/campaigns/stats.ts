/**
 * Statistics for a group test: a contacted group against a control group, both measured as the
 * share of customers who ordered within the response window. Pure functions, no dependencies.
 *
 * Choices, so an analyst can explain the numbers:
 * - Absolute uplift CI: Newcombe's hybrid score interval (his method 10), built from the Wilson
 *   interval of each rate. It stays inside [-1, 1], behaves at rates near 0 (where responses
 *   live) and needs no continuity correction; Wald intervals undercover there.
 * - Relative uplift CI: Katz's log risk-ratio interval; undefined when either group has no
 *   responder (the ratio is 0 or infinite), reported as null then.
 * - p-value: the pooled two-proportion z-test, two-sided; Fisher's exact test instead when any
 *   expected cell count is below 5 (Cochran's rule), where the normal approximation fails.
 * - Verdict: 'significant' when p < 0.05. The interval and the test come from different methods
 *   and can disagree at the margin; the verdict follows the test.
 */

/** Significance level of the verdict and 1 − coverage of the intervals. */
export const ALPHA = 0.05;

const SQRT2 = Math.SQRT2;
const SQRT_PI = Math.sqrt(Math.PI);

/** erfc(x) for x ≥ 0: power series of erf below 2.5, continued fraction above (both ~1e-15). */
function erfcNonNegative(x: number): number {
	if (x < 2.5) {
		// erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)): all terms positive, no cancellation.
		let term = x;
		let sum = x;
		for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
			term *= (2 * x * x) / (2 * n + 1);
			sum += term;
		}
		return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
	}
	// erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail.
	let t = x;
	for (let k = 120; k >= 1; k--) t = x + k / 2 / t;
	return Math.exp(-x * x) / SQRT_PI / t;
}

/** Standard normal cumulative distribution Φ(x). */
export function normalCdf(x: number): number {
	if (Number.isNaN(x)) return NaN;
	const y = -x / SQRT2;
	return y >= 0 ? 0.5 * erfcNonNegative(y) : 1 - 0.5 * erfcNonNegative(-y);
}

/** Upper tail 1 − Φ(x), accurate far into the tail (no 1 − Φ cancellation). */
function normalUpperTail(x: number): number {
	return normalCdf(-x);
}

// Acklam's rational approximation of the normal quantile (relative error < 1.2e-9), refined
// below with one Halley step on our Φ to full double precision.
const QA = [
	-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
	-3.066479806614716e1, 2.506628277459239
];
const QB = [
	-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
	-1.328068155288572e1
];
const QC = [
	-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
	4.374664141464968, 2.938163982698783
];
const QD = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const Q_LOW = 0.02425;

/** The standard normal quantile Φ⁻¹(p), e.g. 1.959964 for p = 0.975. */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) {
		if (p === 0) return -Infinity;
		if (p === 1) return Infinity;
		return NaN;
	}
	let x: number;
	if (p < Q_LOW || p > 1 - Q_LOW) {
		const q = Math.sqrt(-2 * Math.log(p < Q_LOW ? p : 1 - p));
		const v =
			(((((QC[0] * q + QC[1]) * q + QC[2]) * q + QC[3]) * q + QC[4]) * q + QC[5]) /
			((((QD[0] * q + QD[1]) * q + QD[2]) * q + QD[3]) * q + 1);
		x = p < Q_LOW ? v : -v;
	} else {
		const q = p - 0.5;
		const r = q * q;
		x =
			((((((QA[0] * r + QA[1]) * r + QA[2]) * r + QA[3]) * r + QA[4]) * r + QA[5]) * q) /
			(((((QB[0] * r + QB[1]) * r + QB[2]) * r + QB[3]) * r + QB[4]) * r + 1);
	}
	const e = normalCdf(x) - p;
	const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
	return x - u / (1 + (x * u) / 2);
}

/** z for a two-sided interval at `level` (1.959964 for 0.95). */
export const zForLevel = (level: number): number => normalQuantile(1 - (1 - level) / 2);

export interface Interval {
	low: number;
	high: number;
}

/** Wilson score interval for k successes out of n (n > 0). */
export function wilsonInterval(k: number, n: number, z = zForLevel(1 - ALPHA)): Interval {
	const p = k / n;
	const denom = 1 + (z * z) / n;
	const center = (p + (z * z) / (2 * n)) / denom;
	const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
	return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/** Newcombe's hybrid score interval for p1 − p2 (method 10 of Newcombe 1998). */
export function newcombeInterval(
	k1: number,
	n1: number,
	k2: number,
	n2: number,
	z = zForLevel(1 - ALPHA)
): Interval {
	const p1 = k1 / n1;
	const p2 = k2 / n2;
	const w1 = wilsonInterval(k1, n1, z);
	const w2 = wilsonInterval(k2, n2, z);
	const d = p1 - p2;
	return {
		low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
		high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2)
	};
}

const LOG_FACTORIAL_TABLE: number[] = [0];

/** ln(n!) exactly summed up to 256, Stirling's series (error < 1e-17 there) beyond. */
export function logFactorial(n: number): number {
	if (n < 0 || !Number.isInteger(n)) return NaN;
	if (n <= 256) {
		for (let i = LOG_FACTORIAL_TABLE.length; i <= n; i++)
			LOG_FACTORIAL_TABLE.push(LOG_FACTORIAL_TABLE[i - 1] + Math.log(i));
		return LOG_FACTORIAL_TABLE[n];
	}
	const n2 = n * n;
	return (
		n * Math.log(n) -
		n +
		0.5 * Math.log(2 * Math.PI * n) +
		1 / (12 * n) -
		1 / (360 * n * n2) +
		1 / (1260 * n * n2 * n2)
	);
}

const logChoose = (n: number, k: number): number =>
	logFactorial(n) - logFactorial(k) - logFactorial(n - k);

/**
 * Fisher's exact test, two-sided, for the 2×2 table [[a, b], [c, d]]: the probability, under
 * fixed margins, of every table at most as likely as the observed one.
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
	const row1 = a + b;
	const row2 = c + d;
	const col1 = a + c;
	const logDenominator = logChoose(row1 + row2, col1);
	const logP = (x: number) => logChoose(row1, x) + logChoose(row2, col1 - x) - logDenominator;
	const observed = logP(a);
	let p = 0;
	for (let x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) {
		const lp = logP(x);
		// Relative tolerance so tables as likely as the observed one are not lost to rounding.
		if (lp <= observed + 1e-7) p += Math.exp(lp);
	}
	return Math.min(1, p);
}

/** Counts of one group test. */
export interface GroupCounts {
	/** Customers contacted and those among them who ordered within the window. */
	contacted: number;
	responders: number;
	/** Customers held out and those among them who ordered within the window. */
	control: number;
	controlResponders: number;
}

type Verdict = 'significant' | 'not significant';

export interface ProportionComparison {
	/** Response rate (刺激响应率) of the contacted group. */
	rate: number;
	/** Natural repurchase rate (自然复购率) of the control group. */
	controlRate: number;
	/** rate − controlRate, with its interval. */
	uplift: number;
	upliftLow: number;
	upliftHigh: number;
	/** rate ÷ controlRate − 1, with its interval; null where undefined (see module comment). */
	relativeUplift: number | null;
	relativeLow: number | null;
	relativeHigh: number | null;
	/** Pooled z statistic (null when both groups have the same all-or-nothing outcome). */
	z: number | null;
	pValue: number;
	test: 'z' | 'fisher';
	verdict: Verdict;
}

/** True when an expected count of the 2×2 table is below 5 (Cochran's rule for the z-test). */
function hasSmallExpectedCounts(g: GroupCounts): boolean {
	const n = g.contacted + g.control;
	const yes = g.responders + g.controlResponders;
	const no = n - yes;
	const smallest = (Math.min(g.contacted, g.control) * Math.min(yes, no)) / n;
	return smallest < 5;
}

/**
 * Compares the contacted group's response with the control group's. Returns null when either
 * group is empty (no test is possible: see "without a control group" in sql.ts).
 */
export function compareProportions(g: GroupCounts, level = 1 - ALPHA): ProportionComparison | null {
	const { contacted: n1, responders: k1, control: n2, controlResponders: k2 } = g;
	if (n1 <= 0 || n2 <= 0) return null;
	const z0 = zForLevel(level);
	const rate = k1 / n1;
	const controlRate = k2 / n2;
	const ci = newcombeInterval(k1, n1, k2, n2, z0);

	let relativeUplift: number | null = null;
	let relativeLow: number | null = null;
	let relativeHigh: number | null = null;
	if (k2 > 0) relativeUplift = rate / controlRate - 1;
	if (k1 > 0 && k2 > 0) {
		const se = Math.sqrt(1 / k1 - 1 / n1 + 1 / k2 - 1 / n2);
		const logRatio = Math.log(rate / controlRate);
		relativeLow = Math.exp(logRatio - z0 * se) - 1;
		relativeHigh = Math.exp(logRatio + z0 * se) - 1;
	}

	const pooled = (k1 + k2) / (n1 + n2);
	const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
	const z = se > 0 ? (rate - controlRate) / se : null;
	const fisher = hasSmallExpectedCounts(g);
	const pValue = fisher
		? fisherExactTwoSided(k1, n1 - k1, k2, n2 - k2)
		: z === null
			? 1
			: Math.min(1, 2 * normalUpperTail(Math.abs(z)));
	return {
		rate,
		controlRate,
		uplift: rate - controlRate,
		upliftLow: ci.low,
		upliftHigh: ci.high,
		relativeUplift,
		relativeLow,
		relativeHigh,
		z,
		pValue,
		test: fisher ? 'fisher' : 'z',
		verdict: pValue < ALPHA ? 'significant' : 'not significant'
	};
}

export interface RoiInput {
	/** Revenue of the contacted customers' attributed orders (what sellers quote, gross). */
	attributedRevenue: number;
	/** Revenue the campaign caused: uplift × contacted × revenue per responder. */
	incrementalRevenue: number;
	cost: number;
	/** Gross margin on revenue, 0..1. */
	margin: number;
}

export interface Roi {
	/** attributedRevenue ÷ cost — the "1:80" figure; null without cost. */
	attributedRoi: number | null;
	/** attributedRevenue − cost: the absolute gain beside the ratio (seed 000's lesson). */
	attributedGain: number;
	/** incrementalRevenue ÷ cost; null without cost. */
	incrementalRoi: number | null;
	incrementalGain: number;
	/** incrementalRevenue × margin − cost: what the campaign earned after goods and sending. */
	incrementalProfit: number;
}

/** The campaign's return, as ratios and as absolute amounts side by side. */
export function computeRoi(r: RoiInput): Roi {
	const ratio = (x: number) => (r.cost > 0 ? x / r.cost : null);
	return {
		attributedRoi: ratio(r.attributedRevenue),
		attributedGain: r.attributedRevenue - r.cost,
		incrementalRoi: ratio(r.incrementalRevenue),
		incrementalGain: r.incrementalRevenue - r.cost,
		incrementalProfit: r.incrementalRevenue * r.margin - r.cost
	};
}

/** Incremental outcomes: uplift × contacted, times orders or revenue per contacted responder. */
export function computeIncrement(
	uplift: number,
	contacted: number,
	responders: number,
	orders: number,
	revenue: number
): { responders: number; orders: number; revenue: number } {
	const extra = uplift * contacted;
	return {
		responders: extra,
		orders: responders > 0 ? (extra * orders) / responders : 0,
		revenue: responders > 0 ? (extra * revenue) / responders : 0
	};
}

/**
 * The smallest absolute uplift a test of this size detects with the given power at the 5% level
 * (two-sided, normal approximation, both groups at `baseRate`): (z₁₋α/₂ + z_power) ·
 * √(p(1 − p)(1/n₁ + 1/n₂)). Lets the analyst size the holdout before sending.
 */
export function minimumDetectableUplift(
	contacted: number,
	control: number,
	baseRate: number,
	power = 0.8
): number | null {
	if (contacted <= 0 || control <= 0 || !(baseRate > 0 && baseRate < 1)) return null;
	const z = zForLevel(1 - ALPHA) + normalQuantile(power);
	return z * Math.sqrt(baseRate * (1 - baseRate) * (1 / contacted + 1 / control));
}
