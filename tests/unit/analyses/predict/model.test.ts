import { describe, expect, test } from 'vitest';
import {
	discountedValue,
	expectedConditional,
	expectedIfAlive,
	expectedSpend,
	expectedUnconditional,
	makeBgNbdLogLikelihood,
	makeGammaGammaLogLikelihood,
	medianWaitIfAlive,
	probabilityAlive,
	probabilityOfCount,
	probabilityOrderIfAlive,
	type BgNbdParams
} from '../../../../src/analyses/predict/model.ts';

/** CDNOW estimates (Fader, Hardie & Lee 2005), weeks. */
const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/**
 * An independent Γ for the checks: shift the argument above 12 with Γ(z) = Γ(z+1)/z, then the
 * Stirling series (not the Lanczos sum the module uses).
 */
function gammaFn(z: number): number {
	let shift = 1;
	while (z < 12) {
		shift *= z;
		z += 1;
	}
	const ln =
		(z - 0.5) * Math.log(z) -
		z +
		0.5 * Math.log(2 * Math.PI) +
		1 / (12 * z) -
		1 / (360 * z ** 3) +
		1 / (1260 * z ** 5) -
		1 / (1680 * z ** 7);
	return Math.exp(ln) / shift;
}
const betaFn = (u: number, v: number) => (gammaFn(u) * gammaFn(v)) / gammaFn(u + v);

/** The BG/NBD likelihood as printed in the paper (eq. 6), with raw Beta and Gamma functions. */
function directLikelihood({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number) {
	const common = (gammaFn(r + x) * alpha ** r) / gammaFn(r);
	let L = (betaFn(a, b + x) / betaFn(a, b)) * (common / (alpha + T) ** (r + x));
	if (x > 0) L += (betaFn(a + 1, b + x - 1) / betaFn(a, b)) * (common / (alpha + tx) ** (r + x));
	return L;
}

const one = (x: number, tx: number, T: number, n = 1) => ({
	x: Float64Array.of(x),
	tx: Float64Array.of(tx),
	T: Float64Array.of(T),
	n: Float64Array.of(n)
});

describe('BG/NBD log-likelihood', () => {
	// Five hand-made customers: a one-timer, a loyal buyer, one who stopped early, one seen at
	// their first purchase only, and a heavy buyer.
	const customers: [number, number, number][] = [
		[0, 0, 38.86],
		[2, 30.43, 38.86],
		[1, 2, 40],
		[0, 0, 0.5],
		[7, 35, 36]
	];

	test.each(customers)('matches the direct formula for x=%d, tx=%d, T=%d', (x, tx, T) => {
		const ll = makeBgNbdLogLikelihood(one(x, tx, T))(CDNOW);
		expect(ll).toBeCloseTo(Math.log(directLikelihood(CDNOW, x, tx, T)), 10);
	});

	test('grouped rows weigh like repeated customers', () => {
		const groups = {
			x: Float64Array.from(customers, (c) => c[0]),
			tx: Float64Array.from(customers, (c) => c[1]),
			T: Float64Array.from(customers, (c) => c[2]),
			n: Float64Array.of(3, 1, 2, 1, 5)
		};
		const direct = customers.reduce(
			(s, [x, tx, T], i) => s + groups.n[i] * Math.log(directLikelihood(CDNOW, x, tx, T)),
			0
		);
		const other = { r: 0.5, alpha: 2, a: 1.3, b: 4 };
		const otherDirect = customers.reduce(
			(s, [x, tx, T], i) => s + groups.n[i] * Math.log(directLikelihood(other, x, tx, T)),
			0
		);
		const ll = makeBgNbdLogLikelihood(groups);
		expect(ll(CDNOW)).toBeCloseTo(direct, 9);
		// The per-value caches are refreshed for new parameters.
		expect(ll(other)).toBeCloseTo(otherDirect, 9);
	});
});

describe('BG/NBD predictions', () => {
	test('P(alive) is 1 for customers who never bought again', () => {
		for (const T of [0.5, 10, 100]) expect(probabilityAlive(CDNOW, 0, 0, T)).toBe(1);
	});

	test('P(alive) falls with time since the last purchase', () => {
		const recent = probabilityAlive(CDNOW, 2, 30, 32);
		const old = probabilityAlive(CDNOW, 2, 5, 32);
		expect(recent).toBeGreaterThan(old);
		// 1 / (1 + a/(b+1) · ((α+T)/(α+tx))^(r+2)) with tx = T: 1 / (1 + 0.793/3.426)
		expect(probabilityAlive(CDNOW, 2, 32, 32)).toBeCloseTo(1 / (1 + 0.793 / 3.426), 12);
	});

	test('the paper’s example: x=2, tx=30.43, T=38.86 expects 1.226 purchases in 39 weeks', () => {
		expect(expectedConditional(CDNOW, 2, 30.43, 38.86, 39)).toBeCloseTo(1.226, 3);
	});

	/**
	 * E[(1 − ((α+T)/(α+T+pt))^(r+x)) / p] over p ~ Beta(a, b+x), by a midpoint rule in u where
	 * p = u⁸/(u⁸ + (1−u)⁸): the substitution flattens the Beta density's peaks at both ends.
	 */
	function integrate(p: BgNbdParams, x: number, T: number, t: number) {
		const N = 200_000;
		const k = 8;
		let num = 0;
		let den = 0;
		for (let i = 0; i < N; i++) {
			const u = (i + 0.5) / N;
			const s = u ** k + (1 - u) ** k;
			const q = u ** k / s;
			const dq = (k * u ** (k - 1) * (1 - u) ** (k - 1)) / (s * s);
			const w = q ** (p.a - 1) * ((1 - u) ** k / s) ** (p.b + x - 1) * dq;
			num += (w * (1 - ((p.alpha + T) / (p.alpha + T + q * t)) ** (p.r + x))) / q;
			den += w;
		}
		return num / den;
	}

	test.each([
		[CDNOW, 0, 10, 39],
		[CDNOW, 5, 20, 500], // z = 0.95: the connection formula
		[CDNOW, 30, 50, 52],
		[{ r: 0.5, alpha: 10, a: 1, b: 3 }, 2, 20, 30], // a = 1: the removable pole
		[{ r: 2, alpha: 3, a: 0.4, b: 0.5 }, 0, 1, 200] // a + b < 1
	])(
		'expected purchases if alive equal the integral over p (%o, x=%d, T=%d, t=%d)',
		(p, x, T, t) => {
			const closed = expectedIfAlive(p, x, T, t);
			expect(Math.abs(closed - integrate(p, x, T, t)) / closed).toBeLessThan(1e-6);
		}
	);

	test('parameters at the edge of their range: finite, and at the limits the model tends to', () => {
		// a, b → ∞ with a/(a+b) = ¼: every customer drops out with p = ¼ exactly, so
		// E = (1 − ((α+T)/(α+T+pt))^(r+x)) / p with p = a/(a+b+x) (the posterior mean).
		const fixedP = { r: 0.3, alpha: 4, a: 4e5, b: 1.2e6 };
		const p = 4e5 / (1.6e6 + 2);
		const limit = (1 - (24 / (24 + p * 52)) ** 2.3) / p;
		expect(expectedIfAlive(fixedP, 2, 20, 52)).toBeCloseTo(limit, 4);
		// r, α → ∞ with r/α = 0.1: everyone buys at the same rate; checked against the integral.
		const fixedRate = { r: 4e5, alpha: 4e6, a: 0.8, b: 2.4 };
		const closed = expectedIfAlive(fixedRate, 2, 20, 52);
		expect(Math.abs(closed - integrate(fixedRate, 2, 20, 52)) / closed).toBeLessThan(1e-6);
		expect(Number.isFinite(probabilityAlive(fixedRate, 3, 10, 40))).toBe(true);
	});

	test('P(X(t) = x) sums to 1 and its mean is E[X(t)]', () => {
		let total = 0;
		let mean = 0;
		for (let x = 0; x < 300; x++) {
			const p = probabilityOfCount(CDNOW, 30, x);
			total += p;
			mean += x * p;
		}
		expect(total).toBeCloseTo(1, 10);
		expect(mean).toBeCloseTo(expectedUnconditional(CDNOW, 30), 8);
	});

	test('median wait: P(order within it | alive) is one half', () => {
		const t = medianWaitIfAlive(CDNOW, 3, 20);
		expect(probabilityOrderIfAlive(CDNOW, 3, 20, t)).toBeCloseTo(0.5, 12);
	});
});

describe('Gamma-Gamma', () => {
	const G = { p: 6.25, q: 3.74, gamma: 15.44 };

	test('log-likelihood matches the density written out', () => {
		// f = Γ(px+q)/(Γ(px)Γ(q)) · γ^q · m^(px−1) · x^(px) / (γ + m x)^(px+q)
		const cases: [number, number][] = [
			[1, 35],
			[3, 12.5],
			[6, 80]
		];
		for (const [x, m] of cases) {
			const px = G.p * x;
			const f =
				((gammaFn(px + G.q) / (gammaFn(px) * gammaFn(G.q))) *
					G.gamma ** G.q *
					m ** (px - 1) *
					x ** px) /
				(G.gamma + m * x) ** (px + G.q);
			const ll = makeGammaGammaLogLikelihood({
				x: Float64Array.of(x),
				mbar: Float64Array.of(m),
				n: Float64Array.of(1)
			});
			expect(ll(G)).toBeCloseTo(Math.log(f), 9);
		}
	});

	test('a grouped row weighs like that many customers', () => {
		const data = (n: number) => ({
			x: Float64Array.of(2),
			mbar: Float64Array.of(40),
			n: Float64Array.of(n)
		});
		expect(makeGammaGammaLogLikelihood(data(3))(G)).toBeCloseTo(
			3 * makeGammaGammaLogLikelihood(data(1))(G),
			10
		);
	});

	test('expected spend is a weighted average of the population mean and the customer mean', () => {
		// population mean pγ/(q−1) = 6.25 · 15.44 / 2.74 = 35.2190…; weight on own mean px/(px+q−1)
		const population = (6.25 * 15.44) / 2.74;
		const w = (6.25 * 4) / (6.25 * 4 + 2.74);
		expect(expectedSpend(G, 0, 0)).toBeCloseTo(population, 10);
		expect(expectedSpend(G, 4, 50)).toBeCloseTo(w * 50 + (1 - w) * population, 10);
	});
});

describe('discounted value', () => {
	test('one purchase a month for two months at 12% a year', () => {
		// monthly rate d = 1.12^(1/12) − 1; value = 10 · 0.5 · (1/(1+d) + 1/(1+d)²)
		const d = Math.pow(1.12, 1 / 12) - 1;
		const v = discountedValue((m) => m, 2, 10, 0.5, 0.12);
		expect(v).toBeCloseTo(5 * (1 / (1 + d) + 1 / (1 + d) ** 2), 12);
	});
});
