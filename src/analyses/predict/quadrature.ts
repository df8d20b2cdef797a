/**
 * E[g(p)] for p ~ Beta(a, b) by tanh-sinh (double-exponential) quadrature, for the BG/NBD
 * expectations where the hypergeometric closed form loses its digits (very large parameters, as
 * when a fit runs to the edge of its range). The interval is split at the density's peak, so
 * the nodes, which crowd double-exponentially toward each end of a piece, resolve both a narrow
 * peak and an integrable singularity at 0 or 1. The Beta function is never needed: the same
 * nodes integrate the density, and the ratio is taken.
 */

/** Node spacing and range in the tanh-sinh variable: beyond ±3.5 the weights are below 1e-20. */
const STEP = 1 / 16;
const RANGE = 3.5;

/**
 * Adds Σ w·density and Σ w·density·g over [lo, hi] into sums. Each node is passed as p and 1 − p,
 * both computed from the distance to the nearer end so neither loses digits near 0 or 1.
 */
function integratePiece(
	lo: number,
	hi: number,
	logDensity: (p: number, q: number) => number,
	g: (p: number) => number,
	sums: { mass: number; value: number }
) {
	const half = (hi - lo) / 2;
	for (let t = -RANGE; t <= RANGE + 1e-12; t += STEP) {
		const u = (Math.PI / 2) * Math.sinh(t);
		const weight = (half * (Math.PI / 2) * Math.cosh(t)) / Math.cosh(u) ** 2;
		// Distance from the nearer end: half · (1 − tanh|u|) = 2·half / (1 + e^(2|u|)).
		const d = (2 * half) / (1 + Math.exp(2 * Math.abs(u)));
		const p = t >= 0 ? hi - d : lo + d;
		const q = t >= 0 ? 1 - hi + d : 1 - lo - d;
		if (!(p > 0 && q > 0)) continue;
		const w = weight * Math.exp(logDensity(p, q));
		sums.mass += w;
		sums.value += w * g(p);
	}
}

export function betaExpectation(a: number, b: number, g: (p: number) => number): number {
	const split = a > 1 && b > 1 ? (a - 1) / (a + b - 2) : a / (a + b);
	const peak = (a - 1) * Math.log(split) + (b - 1) * Math.log1p(-split);
	const logDensity = (p: number, q: number) => (a - 1) * Math.log(p) + (b - 1) * Math.log(q) - peak;
	const sums = { mass: 0, value: 0 };
	integratePiece(0, split, logDensity, g, sums);
	integratePiece(split, 1, logDensity, g, sums);
	return sums.value / sums.mass;
}
