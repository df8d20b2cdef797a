/**
 * A seeded random stream that gives the same numbers in every JavaScript engine.
 *
 * The generator is sfc32 (32-bit integer arithmetic only). `Math.log`, `Math.exp` and `Math.cos`
 * are not required to be correctly rounded, so V8, SpiderMonkey and JavaScriptCore may differ in
 * the last bit — enough to flip a rounded amount somewhere in millions of orders. The
 * distributions below therefore use only `+ - * /` and `Math.sqrt`, which IEEE 754 rounds exactly,
 * so a seed yields byte-identical sample files everywhere.
 */

export interface Random {
	/** Uniform in [0, 1), 32 bits of randomness. */
	next(): number;
	/** Uniform in [lo, hi). */
	uniform(lo: number, hi: number): number;
	/** Integer in [lo, hi] inclusive. */
	int(lo: number, hi: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	normal(mean?: number, sd?: number): number;
	/** exp(normal(mu, sigma)): the median is exp(mu). */
	lognormal(mu: number, sigma: number): number;
	exponential(mean: number): number;
	poisson(mean: number): number;
	/** Index drawn with probability proportional to its weight. */
	weighted(weights: readonly number[]): number;
	pick<T>(items: readonly T[]): T;
}

/** splitmix32: spreads a small seed over the whole state, so seeds 1 and 2 share nothing. */
function splitmix32(state: number): () => number {
	let s = state | 0;
	return () => {
		s = (s + 0x9e3779b9) | 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/**
 * sfc32 as a class: methods live on the prototype, so making a stream per customer costs one
 * small object rather than a dozen closures.
 */
class Sfc32 implements Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;
	private spareNormal: number | undefined;

	constructor(seed: number) {
		// splitmix32 fills the state with well-mixed bits, so sfc32 needs no warm-up.
		const init = splitmix32(seed);
		this.a = init();
		this.b = init();
		this.c = init();
		this.d = init();
	}

	next(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	uniform(lo: number, hi: number): number {
		return lo + (hi - lo) * this.next();
	}

	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	normal(mean = 0, sd = 1): number {
		if (this.spareNormal !== undefined) {
			const z = this.spareNormal;
			this.spareNormal = undefined;
			return mean + sd * z;
		}
		// Marsaglia's polar method: needs only log and sqrt, no cos/sin.
		let u: number, v: number, s: number;
		do {
			u = 2 * this.next() - 1;
			v = 2 * this.next() - 1;
			s = u * u + v * v;
		} while (s >= 1 || s === 0);
		const f = Math.sqrt((-2 * detLog(s)) / s);
		this.spareNormal = v * f;
		return mean + sd * u * f;
	}

	lognormal(mu: number, sigma: number): number {
		return detExp(this.normal(mu, sigma));
	}

	exponential(mean: number): number {
		return -mean * detLog(1 - this.next());
	}

	poisson(mean: number): number {
		if (mean <= 0) return 0;
		if (mean > 40) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
		// Knuth's product of uniforms; exact enough for the small means we draw.
		const limit = detExp(-mean);
		let k = 0;
		let p = this.next();
		while (p > limit) {
			k++;
			p *= this.next();
		}
		return k;
	}

	weighted(weights: readonly number[]): number {
		let total = 0;
		for (let i = 0; i < weights.length; i++) total += weights[i];
		let r = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) return i;
		}
		return weights.length - 1;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
}

/** A random stream from a 32-bit seed (any number; its low 32 bits are used). */
export function createRandom(seed: number): Random {
	return new Sfc32(seed);
}

/**
 * A cheap stream for one key (e.g. a customer index) so per-customer details can be recomputed on
 * demand instead of stored: the same (seed, key) always gives the same stream.
 */
export function createKeyedRandom(seed: number, key: number): Random {
	return createRandom((Math.imul(seed, 0x27d4eb2d) ^ Math.imul(key + 1, 0x165667b1)) | 0);
}

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;

/** Natural log from basic arithmetic only (see the file comment); x > 0. */
export function detLog(x: number): number {
	if (!(x > 0)) return x === 0 ? -Infinity : NaN;
	let m = x;
	let e = 0;
	while (m >= SQRT2) {
		m /= 2;
		e++;
	}
	while (m < SQRT2 / 2) {
		m *= 2;
		e--;
	}
	// log(m) = 2·atanh(s), s = (m−1)/(m+1), |s| ≤ 0.172: the series converges fast.
	const s = (m - 1) / (m + 1);
	const s2 = s * s;
	let term = s;
	let sum = 0;
	for (let k = 1; k <= 21; k += 2) {
		sum += term / k;
		term *= s2;
	}
	return 2 * sum + e * LN2;
}

/** e^x from basic arithmetic only (see the file comment). */
export function detExp(x: number): number {
	if (x > 709) return Infinity;
	if (x < -745) return 0;
	const k = Math.round(x / LN2);
	const r = x - k * LN2;
	// Taylor series of e^r for |r| ≤ 0.35, Horner form.
	let sum = 1;
	for (let n = 18; n >= 1; n--) sum = 1 + (sum * r) / n;
	let scale = 1;
	const base = k >= 0 ? 2 : 0.5;
	for (let i = Math.abs(k); i > 0; i--) scale *= base;
	return sum * scale;
}
