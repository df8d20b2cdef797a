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

/** The nodes of one Beta(a, b): p at each node and its weight × density, in summation order. */
interface Nodes {
	p: Float64Array;
	w: Float64Array;
	mass: number;
}

/**
 * Appends the nodes over [lo, hi]. Each node is placed as p and 1 − p, both computed from the
 * distance to the nearer end so neither loses digits near 0 or 1.
 */
function piece(
	lo: number,
	hi: number,
	logDensity: (p: number, q: number) => number,
	p: number[],
	w: number[]
) {
	const half = (hi - lo) / 2;
	for (let t = -RANGE; t <= RANGE + 1e-12; t += STEP) {
		const u = (Math.PI / 2) * Math.sinh(t);
		const weight = (half * (Math.PI / 2) * Math.cosh(t)) / Math.cosh(u) ** 2;
		// Distance from the nearer end: half · (1 − tanh|u|) = 2·half / (1 + e^(2|u|)).
		const d = (2 * half) / (1 + Math.exp(2 * Math.abs(u)));
		const at = t >= 0 ? hi - d : lo + d;
		const q = t >= 0 ? 1 - hi + d : 1 - lo - d;
		if (!(at > 0 && q > 0)) continue;
		p.push(at);
		w.push(weight * Math.exp(logDensity(at, q)));
	}
}

function nodesOf(a: number, b: number): Nodes {
	const split = a > 1 && b > 1 ? (a - 1) / (a + b - 2) : a / (a + b);
	const peak = (a - 1) * Math.log(split) + (b - 1) * Math.log1p(-split);
	const logDensity = (p: number, q: number) => (a - 1) * Math.log(p) + (b - 1) * Math.log(q) - peak;
	const p: number[] = [];
	const w: number[] = [];
	piece(0, split, logDensity, p, w);
	piece(split, 1, logDensity, p, w);
	let mass = 0;
	for (const v of w) mass += v;
	return { p: Float64Array.from(p), w: Float64Array.from(w), mass };
}

/**
 * Nodes by (a, b). Scoring asks for the same Beta thousands of times (one per customer group and
 * CLV month, with b = b₀ + x for a few dozen x), and placing the nodes costs more than summing g
 * over them: kept, the Predict cell's scores on the sample took a fraction of the time.
 * Bounded, since a new fit brings new parameters.
 */
const NODES = new Map<string, Nodes>();
const NODES_KEPT = 512;

export function betaExpectation(a: number, b: number, g: (p: number) => number): number {
	const key = `${a},${b}`;
	let nodes = NODES.get(key);
	if (!nodes) {
		if (NODES.size >= NODES_KEPT) NODES.clear();
		nodes = nodesOf(a, b);
		NODES.set(key, nodes);
	}
	const { p, w } = nodes;
	let value = 0;
	for (let i = 0; i < p.length; i++) value += w[i] * g(p[i]);
	return value / nodes.mass;
}
