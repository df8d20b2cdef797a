/**
 * The BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your customers the easy way")
 * and the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie 2013
 * note), written from the published formulas. Times are in the fit's unit (days or weeks).
 *
 * Per customer: x = repeat purchases in the calibration period, tx = time of the last purchase
 * after the first, T = time from the first purchase to the end of calibration; for spend, mbar =
 * mean value of the x repeat purchases.
 */
import { betaExpectation } from './quadrature.ts';
import { hyp2f1, lnGamma } from './special.ts';

export interface BgNbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

export interface GammaGammaParams {
	p: number;
	q: number;
	gamma: number;
}

/** Customers with the same (x, tx, T), n of them: the likelihood is a weighted sum over these. */
export interface BgNbdGroups {
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	n: Float64Array;
}

/** ln(eᵘ + eᵛ) without overflow; v may be −∞. */
function logSumExp(u: number, v: number): number {
	if (v === -Infinity) return u;
	const m = Math.max(u, v);
	return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}

/** Indexes of each value in its list of distinct values, so per-value work is done once. */
function indexDistinct(values: Float64Array): { distinct: number[]; index: Int32Array } {
	const seen = new Map<number, number>();
	const distinct: number[] = [];
	const index = new Int32Array(values.length);
	for (let i = 0; i < values.length; i++) {
		let k = seen.get(values[i]);
		if (k === undefined) {
			k = distinct.length;
			distinct.push(values[i]);
			seen.set(values[i], k);
		}
		index[i] = k;
	}
	return { distinct, index };
}

/**
 * Builds the weighted BG/NBD log-likelihood Σ nᵢ ln L(r, α, a, b | xᵢ, txᵢ, Tᵢ) for grouped data.
 * Terms that depend only on x or only on a time are computed once per distinct value, so a
 * million customers cost about as much as their distinct (x, tx, T) rows.
 *
 * In logs (Fader, Hardie & Lee, "Implementing the BG/NBD model", eq. for ln L):
 *   A1 = ln Γ(r+x) − ln Γ(r) + r ln α
 *   A2 = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
 *   A3 = −(r+x) ln(α+T)
 *   A4 = ln a − ln(b+x−1) − (r+x) ln(α+tx)   (only when x > 0)
 *   ln L = A1 + A2 + ln(e^A3 + δ(x>0) e^A4)
 */
export function makeBgNbdLogLikelihood(data: BgNbdGroups): (p: BgNbdParams) => number {
	const xs = indexDistinct(data.x);
	const times = indexDistinct(Float64Array.from([...data.tx, ...data.T]));
	const rows = data.x.length;
	const xPart = new Float64Array(xs.distinct.length);
	const lnBx1 = new Float64Array(xs.distinct.length);
	const lnTime = new Float64Array(times.distinct.length);
	return ({ r, alpha, a, b }) => {
		const shared = lnGamma(a + b) - lnGamma(b) - lnGamma(r) + r * Math.log(alpha);
		for (let k = 0; k < xs.distinct.length; k++) {
			const x = xs.distinct[k];
			xPart[k] = shared + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
			lnBx1[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0;
		}
		for (let k = 0; k < times.distinct.length; k++) lnTime[k] = Math.log(alpha + times.distinct[k]);
		let sum = 0;
		for (let i = 0; i < rows; i++) {
			const k = xs.index[i];
			const x = data.x[i];
			const a3 = -(r + x) * lnTime[times.index[rows + i]];
			const a4 = x > 0 ? lnBx1[k] - (r + x) * lnTime[times.index[i]] : -Infinity;
			sum += data.n[i] * (xPart[k] + logSumExp(a3, a4));
		}
		return sum;
	};
}

/**
 * P(alive at T | x, tx, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tx))^(r+x)).
 * A customer who never came back is certainly alive: dropout happens only right after a purchase.
 */
export function probabilityAlive(
	{ r, alpha, a, b }: BgNbdParams,
	x: number,
	tx: number,
	T: number
) {
	if (x === 0) return 1;
	// ln((α+T)/(α+tx)) as log1p, so a huge α (a fit at the edge of its range) keeps its digits.
	const lnOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
	return 1 / (1 + Math.exp(lnOdds));
}

/** |a − 1| or |a + b + x − 1| below this makes the closed form 0/0; it is then stepped around. */
const REMOVABLE_POLE = 1e-4;

/**
 * Expected purchases in (T, T+t] for a customer still alive at T with x repeat purchases.
 * Given alive, λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x), and E[purchases | λ, p] = (1 − e^(−λpt))/p.
 * Integrating gives the BG/NBD paper's eq. (10) without its P(alive) factor:
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)],  z = t/(α+T+t).
 * Euler's transformation 2F1(A,B;C;z) = (1−z)^(C−A−B) 2F1(C−A, C−B; C; z) turns the bracket into
 *   1 − (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z),
 * whose parameters do not grow with x and whose size stays moderate. At a = 1 (or a+b+x = 1) the
 * formula is 0/0 but the expectation is smooth, so we average the values just either side.
 * With a or r very large (a fit at the edge of its range) the series overflows or cancels, and
 * the expectation over p is integrated numerically instead (quadrature.ts).
 */
export function expectedIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
	if (t <= 0) return 0;
	if (params.a <= CLOSED_FORM_MAX_A && params.r <= CLOSED_FORM_MAX_R) {
		const closed = expectedClosedForm(params, x, T, t);
		if (Number.isFinite(closed) && closed >= 0) return closed;
	}
	const c = params.alpha + T;
	const s = params.r + x;
	return betaExpectation(
		params.a,
		params.b + x,
		(p) => -Math.expm1(-s * Math.log1p((p * t) / c)) / p
	);
}

/**
 * Past these the hypergeometric series meets terms near (1−z)^−a or (1+z)^r before they cancel:
 * digits are lost (r) or the sum overflows (a).
 */
const CLOSED_FORM_MAX_A = 100;
const CLOSED_FORM_MAX_R = 30;

function expectedClosedForm(params: BgNbdParams, x: number, T: number, t: number): number {
	const { a } = params;
	if (Math.abs(a - 1) < REMOVABLE_POLE || Math.abs(a + params.b + x - 1) < REMOVABLE_POLE) {
		const step = 2 * REMOVABLE_POLE;
		return (
			0.5 *
			(expectedClosedForm({ ...params, a: a + step }, x, T, t) +
				expectedClosedForm({ ...params, a: a - step }, x, T, t))
		);
	}
	const { r, alpha, b } = params;
	const z = t / (alpha + T + t);
	const c = a + b + x - 1;
	const f = hyp2f1(a + b - 1 - r, a - 1, c, z);
	return (c / (a - 1)) * (1 - Math.pow(1 - z, a - 1) * f);
}

/** E[purchases in (T, T+t] | x, tx, T] = P(alive) × the expectation if alive. */
export function expectedConditional(
	params: BgNbdParams,
	x: number,
	tx: number,
	T: number,
	t: number
): number {
	return probabilityAlive(params, x, tx, T) * expectedIfAlive(params, x, T, t);
}

/** E[X(t)]: expected repeat purchases within t of a new customer's first purchase. */
export function expectedUnconditional(params: BgNbdParams, t: number): number {
	return expectedIfAlive(params, 0, 0, t);
}

/**
 * P(at least one purchase in (T, T+t] | alive at T): the wait to the next purchase is exponential
 * with rate λ ~ Gamma(r+x, α+T), and nobody drops out before purchasing again.
 */
export function probabilityOrderIfAlive(
	{ r, alpha }: BgNbdParams,
	x: number,
	T: number,
	t: number
): number {
	return -Math.expm1(-(r + x) * Math.log1p(t / (alpha + T)));
}

/**
 * The expected next-order time, defined as the median wait to the next purchase if the customer
 * is still alive: the t where probabilityOrderIfAlive reaches ½, t = (α+T)(2^(1/(r+x)) − 1).
 * (The mean wait E[1/λ] is infinite when r+x ≤ 1, so the median is the figure that always exists.)
 */
export function medianWaitIfAlive({ r, alpha }: BgNbdParams, x: number, T: number): number {
	return (alpha + T) * Math.expm1(Math.LN2 / (r + x));
}

/**
 * P(X(t) = x) for a customer observed for t after the first purchase (BG/NBD paper, eq. 8):
 *   B(a,b+x)/B(a,b) · Γ(r+x)/(Γ(r) x!) · (α/(α+t))^r (t/(α+t))^x
 *   + δ(x>0) B(a+1,b+x−1)/B(a,b) · [1 − (α/(α+t))^r Σ_{j<x} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j]
 * Used for the in-sample check: expected number of customers with each repeat count.
 */
export function probabilityOfCount({ r, alpha, a, b }: BgNbdParams, t: number, x: number): number {
	const lnB = (u: number, v: number) => lnGamma(u) + lnGamma(v) - lnGamma(u + v);
	const lnStay = Math.log(alpha / (alpha + t));
	const lnBuy = t > 0 ? Math.log(t / (alpha + t)) : -Infinity;
	const lnNbd = (j: number) =>
		lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnStay + (j > 0 ? j * lnBuy : 0);
	let p = Math.exp(lnB(a, b + x) - lnB(a, b) + lnNbd(x));
	if (x > 0) {
		let below = 0;
		for (let j = 0; j < x; j++) below += Math.exp(lnNbd(j));
		p += Math.exp(lnB(a + 1, b + x - 1) - lnB(a, b)) * Math.max(0, 1 - below);
	}
	return p;
}

/** Repeat customers: x purchases whose mean value is mbar (> 0). */
export interface SpendData {
	x: Float64Array;
	mbar: Float64Array;
}

/** Repeat customers with the same (x, mbar), n of them (shops with fixed prices have many). */
export interface SpendGroups extends SpendData {
	n: Float64Array;
}

/**
 * Builds Σ n · ln f(mbar | p, q, γ, x) for the Gamma-Gamma model (Fader & Hardie 2013, eq. 1):
 *   f = Γ(px+q)/(Γ(px)Γ(q)) · γ^q mbar^(px−1) x^(px) / (γ + mbar·x)^(px+q)
 */
export function makeGammaGammaLogLikelihood(data: SpendGroups): (p: GammaGammaParams) => number {
	const xs = indexDistinct(data.x);
	const lnM = data.mbar.map(Math.log);
	const lnX = data.x.map(Math.log);
	const mx = data.mbar.map((m, i) => m * data.x[i]);
	const xPart = new Float64Array(xs.distinct.length);
	return ({ p, q, gamma }) => {
		const shared = q * Math.log(gamma) - lnGamma(q);
		for (let k = 0; k < xs.distinct.length; k++) {
			const px = p * xs.distinct[k];
			xPart[k] = shared + lnGamma(px + q) - lnGamma(px);
		}
		let sum = 0;
		for (let i = 0; i < data.x.length; i++) {
			const px = p * data.x[i];
			sum +=
				data.n[i] *
				(xPart[xs.index[i]] + (px - 1) * lnM[i] + px * lnX[i] - (px + q) * Math.log(gamma + mx[i]));
		}
		return sum;
	};
}

/**
 * E[mean spend per purchase | x, mbar] = (γ + mbar·x)·p / (px + q − 1): a weighted average of the
 * population mean pγ/(q−1) and the customer's own mean. With x = 0 it is the population mean.
 * Needs q > 1 (otherwise the population mean is infinite; the fit refuses that case).
 */
export function expectedSpend({ p, q, gamma }: GammaGammaParams, x: number, mbar: number): number {
	const seen = x > 0 ? mbar * x : 0;
	return ((gamma + seen) * p) / (p * x + q - 1);
}

/** Days per month for CLV periods: a Julian year over twelve. */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Discounted customer value over `months`:
 *   Σ_{m=1..M} margin · spend · (E[Y(m)] − E[Y(m−1)]) / (1 + d)^m,  d = (1 + annual)^(1/12) − 1,
 * where E[Y(m)] is the conditional expected number of purchases within m months of the end of
 * calibration (`cumulative(m)`), so each month's purchases are discounted at its end.
 */
export function discountedValue(
	cumulative: (months: number) => number,
	months: number,
	spend: number,
	margin: number,
	annualRate: number
): number {
	const monthly = Math.pow(1 + annualRate, 1 / 12) - 1;
	let value = 0;
	let before = 0;
	for (let m = 1; m <= months; m++) {
		const now = cumulative(m);
		value += (now - before) / Math.pow(1 + monthly, m);
		before = now;
	}
	return value * spend * margin;
}
