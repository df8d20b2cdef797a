/**
 * Special functions the purchase and spend models need: log-gamma (Lanczos) and the Gauss
 * hypergeometric function 2F1 for real parameters and real z < 1. Written from the textbook
 * formulas (Abramowitz & Stegun 15.1.1, 15.3.5, 15.3.6), not from any library.
 */

/** Lanczos approximation, g = 7, nine terms: about 15 significant digits for x ≥ 0.5. */
const LANCZOS_G = 7;
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
	-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
	1.5056327351493116e-7
];
const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/** sin(πx), exact zeros at integers and accurate for large |x| and near every integer. */
function sinPi(x: number): number {
	const r = x - 2 * Math.round(x / 2); // [−1, 1]
	if (r === 0 || r === 1 || r === -1) return 0;
	// Fold into [−½, ½] so the argument of Math.sin stays small and keeps its digits.
	if (r > 0.5) return Math.sin(Math.PI * (1 - r));
	if (r < -0.5) return -Math.sin(Math.PI * (1 + r));
	return Math.sin(Math.PI * r);
}

/** ln |Γ(x)|; +Infinity at the poles 0, −1, −2, … */
export function lnGamma(x: number): number {
	if (x < 0.5) {
		const s = sinPi(x);
		if (s === 0) return Infinity;
		return Math.log(Math.PI / Math.abs(s)) - lnGamma(1 - x);
	}
	const y = x - 1;
	let sum = LANCZOS[0];
	for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (y + i);
	const t = y + LANCZOS_G + 0.5;
	return HALF_LN_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The sign of Γ(x): +1 for x > 0, alternating between the poles below 0; NaN at a pole. */
export function gammaSign(x: number): number {
	if (x > 0) return 1;
	const s = sinPi(x);
	if (s === 0) return NaN;
	// Γ(x) = π / (sin(πx) Γ(1 − x)) and Γ(1 − x) > 0 here.
	return s > 0 ? 1 : -1;
}

/**
 * ∏Γ(num) / ∏Γ(den) · exp(lnFactor), computed in logs with signs so huge and tiny parts meet
 * before exponentiating. A pole in the denominator makes the ratio 0
 * (1/Γ is entire); a pole in the numerator gives NaN (the caller must avoid it).
 */
function gammaRatio(num: number[], den: number[], lnFactor = 0): number {
	let lnv = lnFactor;
	let sign = 1;
	for (const v of den) {
		const s = gammaSign(v);
		if (Number.isNaN(s)) return 0;
		sign *= s;
		lnv -= lnGamma(v);
	}
	for (const v of num) {
		const s = gammaSign(v);
		if (Number.isNaN(s)) return NaN;
		sign *= s;
		lnv += lnGamma(v);
	}
	return sign * Math.exp(lnv);
}

const SERIES_EPS = 1e-16;
const SERIES_MAX_TERMS = 200_000;

/**
 * The defining power series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ for |z| < 1. Stops once the terms are
 * shrinking and negligible twice in a row; NaN if c is a pole or the series has not converged.
 */
function hyp2f1Series(a: number, b: number, c: number, z: number): number {
	let term = 1;
	let sum = 1;
	let small = 0;
	for (let n = 0; n < SERIES_MAX_TERMS; n++) {
		if (c + n === 0) return NaN;
		const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
		term *= ratio;
		sum += term;
		if (term === 0) return sum; // a or b is a non-positive integer: a polynomial
		if (Math.abs(ratio) < 1 && Math.abs(term) <= SERIES_EPS * Math.abs(sum)) {
			if (++small >= 2) return sum;
		} else small = 0;
		if (!Number.isFinite(sum)) return NaN;
	}
	return NaN;
}

/** Beyond this, the series in z is slow and the 1 − z connection formula is used instead. */
const DIRECT_MAX_Z = 0.75;
/**
 * How near an integer c − a − b may come before its removable poles are stepped around: small
 * enough that the average stays accurate, large enough that the cancelling terms keep digits.
 */
const INTEGER_SHIFT = 3e-6;

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for real a, b, c and real z < 1.
 * - z < 0: Pfaff's transformation maps z to z/(z − 1) in (0, 1).
 * - 0 ≤ z ≤ 0.75: the power series.
 * - 0.75 < z < 1: the connection formula in 1 − z (A&S 15.3.6), whose series converge fast.
 *   When c − a − b is (nearly) an integer its two terms have cancelling poles; there we average
 *   the values at c ± 6e-6, which is smooth in c: relative error below 1e-9 in our checks.
 * Returns NaN for z ≥ 1, c a non-positive integer, or a series that does not converge.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
	if (!(z < 1) || !Number.isFinite(a + b + c + z)) return NaN;
	if (z === 0) return 1;
	if (z < 0) {
		const w = z / (z - 1);
		return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, w);
	}
	if (z <= DIRECT_MAX_Z) return hyp2f1Series(a, b, c, z);
	const s = c - a - b;
	if (Math.abs(s - Math.round(s)) < INTEGER_SHIFT) {
		return 0.5 * (hyp2f1(a, b, c + 2 * INTEGER_SHIFT, z) + hyp2f1(a, b, c - 2 * INTEGER_SHIFT, z));
	}
	const w = 1 - z;
	const first = gammaRatio([c, s], [c - a, c - b]);
	const second = gammaRatio([c, -s], [a, b], s * Math.log(w));
	let value = 0;
	if (first !== 0) value += first * hyp2f1Series(a, b, 1 - s, w);
	if (second !== 0) value += second * hyp2f1Series(c - a, c - b, 1 + s, w);
	return value;
}
