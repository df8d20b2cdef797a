import { describe, expect, test } from 'vitest';
import {
	compareProportions,
	computeIncrement,
	computeRoi,
	fisherExactTwoSided,
	logFactorial,
	minimumDetectableUplift,
	newcombeInterval,
	normalCdf,
	normalQuantile,
	wilsonInterval
} from '../../../../src/analyses/campaigns/stats.ts';

/** Φ by Simpson's rule on the density: an independent check of the series/continued fraction. */
function integrateNormal(x: number): number {
	const steps = 20000;
	const lo = -12;
	const h = (x - lo) / steps;
	const pdf = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
	let s = pdf(lo) + pdf(x);
	for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * pdf(lo + i * h);
	return (s * h) / 3;
}

/** C(n, k) as an exact BigInt, for enumerating hypergeometric tables without logs. */
function choose(n: number, k: number): bigint {
	let r = 1n;
	for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
	return r;
}

describe('normal distribution', () => {
	test.each([
		// Reference values (published tables / scipy.stats.norm.cdf).
		[0, 0.5],
		[1.96, 0.9750021048517795],
		[0.5, 0.6914624612740131],
		[-3, 0.0013498980316300933],
		[-5, 2.866515718791933e-7],
		[-8, 6.22096057427174e-16]
	])('Φ(%d) = %d (relative error < 1e-12)', (x, expected) => {
		expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-12);
	});

	test.each([-4, -2.5, -1, 0.3, 1.7, 2.5, 3.2])('Φ(%d) agrees with Simpson integration', (x) => {
		expect(normalCdf(x)).toBeCloseTo(integrateNormal(x), 12);
	});

	test.each([
		[0.975, 1.959963984540054],
		[0.95, 1.6448536269514722],
		[0.001, -3.090232306167813],
		[0.3, -0.5244005127080409],
		[1e-10, -6.361340902404056]
	])('Φ⁻¹(%d) = %d', (p, x) => {
		expect(normalQuantile(p)).toBeCloseTo(x, 12);
	});

	test('quantile inverts the CDF across the range', () => {
		for (const p of [1e-6, 0.01, 0.02425, 0.2, 0.5, 0.8, 0.97575, 0.999]) {
			expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
		}
	});
});

describe('intervals', () => {
	test('Wilson 30/200 and 15/200', () => {
		// p = 0.15, z = 1.959964: centre (0.15 + z²/400)/(1 + z²/200) = 0.156596,
		// half-width z·√(0.15·0.85/200 + z²/160000)/(1 + z²/200) = 0.04946.
		const w = wilsonInterval(30, 200);
		expect(w.low).toBeCloseTo(0.10713593562241995, 12);
		expect(w.high).toBeCloseTo(0.20605579284166659, 12);
	});

	test.each([
		// Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10.
		[56, 70, 48, 80, 0.0524, 0.3339],
		[9, 10, 3, 10, 0.1705, 0.809],
		[5, 56, 0, 29, -0.0381, 0.1926]
	])('Newcombe %d/%d − %d/%d matches the published interval', (k1, n1, k2, n2, lo, hi) => {
		const ci = newcombeInterval(k1, n1, k2, n2);
		expect(ci.low).toBeCloseTo(lo, 4);
		expect(ci.high).toBeCloseTo(hi, 4);
	});
});

describe('Fisher exact test', () => {
	test('tea-tasting table [[3,1],[1,3]] by hand', () => {
		// Margins 4/4 of 8: P(x) = C(4,x)·C(4,4−x)/C(8,4) = 1, 16, 36, 16, 1 (/70).
		// Tables at most as likely as x = 3 (16/70): x = 0, 1, 3, 4 → 34/70.
		expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(34 / 70, 12);
	});

	test.each([
		[1, 9, 11, 3],
		[2, 48, 0, 50],
		[0, 5, 4, 1],
		[7, 293, 1, 99]
	])('[[%d,%d],[%d,%d]] equals exact enumeration with BigInt binomials', (a, b, c, d) => {
		const r1 = a + b;
		const r2 = c + d;
		const c1 = a + c;
		const total = choose(r1 + r2, c1);
		const prob = (x: number) => Number(choose(r1, x) * choose(r2, c1 - x)) / Number(total);
		const observed = prob(a);
		let p = 0;
		for (let x = Math.max(0, c1 - r2); x <= Math.min(r1, c1); x++) {
			if (prob(x) <= observed * (1 + 1e-9)) p += prob(x);
		}
		expect(fisherExactTwoSided(a, b, c, d)).toBeCloseTo(Math.min(1, p), 12);
	});

	test('the dieting example [[1,9],[11,3]] gives p = 0.00276 (scipy.stats.fisher_exact)', () => {
		expect(fisherExactTwoSided(1, 9, 11, 3)).toBeCloseTo(0.0027594561852200836, 12);
	});

	test('log-factorial switches to Stirling without a jump', () => {
		let exact = 0;
		for (let i = 2; i <= 300; i++) exact += Math.log(i);
		expect(logFactorial(300)).toBeCloseTo(exact, 9);
		expect(logFactorial(5)).toBeCloseTo(Math.log(120), 14);
	});
});

describe('compareProportions', () => {
	test('30/200 contacted vs 15/200 control, by hand', () => {
		// rates 0.15 and 0.075, uplift 0.075. Pooled p = 45/400 = 0.1125,
		// SE = √(0.1125·0.8875·(1/200 + 1/200)) = √0.0009984375 = 0.0315981,
		// z = 0.075/0.0315981 = 2.37356, p = 2·(1 − Φ(2.37356)) = 0.017617.
		// Relative: RR = 2, SE(ln RR) = √(1/30 − 1/200 + 1/15 − 1/200) = 0.30 →
		// exp(ln 2 ± 1.96·0.3) − 1 = 0.1109 .. 2.6007.
		const r = compareProportions({
			contacted: 200,
			responders: 30,
			control: 200,
			controlResponders: 15
		});
		expect(r).not.toBeNull();
		if (!r) return;
		expect(r.rate).toBe(0.15);
		expect(r.controlRate).toBe(0.075);
		expect(r.uplift).toBeCloseTo(0.075, 15);
		expect(r.z).toBeCloseTo(2.3735633163877066, 12);
		expect(r.pValue).toBeCloseTo(0.01761737223451881, 12);
		expect(r.test).toBe('z');
		expect(r.verdict).toBe('significant');
		expect(r.upliftLow).toBeCloseTo(0.012820784516974264, 12);
		expect(r.upliftHigh).toBeCloseTo(0.13812453836315416, 12);
		expect(r.relativeUplift).toBeCloseTo(1, 12);
		expect(r.relativeLow).toBeCloseTo(0.11088610005334654, 10);
		expect(r.relativeHigh).toBeCloseTo(2.600729183494072, 10);
	});

	test('a small test switches to Fisher and says "not significant"', () => {
		// Expected responders in control = 40·3/80 = 1.5 < 5 → Fisher; [[3,37],[0,40]] p = 0.2405.
		const r = compareProportions({
			contacted: 40,
			responders: 3,
			control: 40,
			controlResponders: 0
		});
		expect(r?.test).toBe('fisher');
		expect(r?.pValue).toBeCloseTo(fisherExactTwoSided(3, 37, 0, 40), 15);
		expect(r?.pValue).toBeCloseTo(0.2405063291139, 9);
		expect(r?.verdict).toBe('not significant');
		// No control responder: the ratio is infinite, so no relative uplift is claimed.
		expect(r?.relativeUplift).toBeNull();
		expect(r?.relativeLow).toBeNull();
	});

	test('no control group → no comparison', () => {
		expect(
			compareProportions({ contacted: 100, responders: 5, control: 0, controlResponders: 0 })
		).toBeNull();
	});
});

describe('ROI and increments', () => {
	test("seed 000's lesson: 100 → 1000 is 10× (+900), 1000 → 2000 is 2× (+1000)", () => {
		const small = computeRoi({
			attributedRevenue: 1000,
			incrementalRevenue: 1000,
			cost: 100,
			margin: 1
		});
		const large = computeRoi({
			attributedRevenue: 2000,
			incrementalRevenue: 2000,
			cost: 1000,
			margin: 1
		});
		expect(small.attributedRoi).toBe(10);
		expect(small.attributedGain).toBe(900);
		expect(large.attributedRoi).toBe(2);
		expect(large.attributedGain).toBe(1000);
	});

	test('incremental revenue, ROI and profit at a 30% margin', () => {
		// uplift 0.075 × 200 contacted = 15 extra responders; 30 responders placed 36 orders for
		// 6000 yuan → 15·36/30 = 18 extra orders, 15·6000/30 = 3000 yuan.
		const inc = computeIncrement(0.075, 200, 30, 36, 6000);
		expect(inc.responders).toBeCloseTo(15, 12);
		expect(inc.orders).toBeCloseTo(18, 12);
		expect(inc.revenue).toBeCloseTo(3000, 9);
		// Cost 200 × 1 yuan: attributed 6000/200 = 30 (1:30), incremental 3000/200 = 15,
		// profit 3000 × 0.3 − 200 = 700.
		const roi = computeRoi({
			attributedRevenue: 6000,
			incrementalRevenue: inc.revenue,
			cost: 200,
			margin: 0.3
		});
		expect(roi.attributedRoi).toBe(30);
		expect(roi.incrementalRoi).toBeCloseTo(15, 9);
		expect(roi.incrementalProfit).toBeCloseTo(700, 9);
		expect(
			computeRoi({ attributedRevenue: 10, incrementalRevenue: 5, cost: 0, margin: 0.3 })
				.attributedRoi
		).toBeNull();
	});
});

describe('minimum detectable uplift', () => {
	test('8000 contacted, 2000 control, 5% natural rate, 80% power', () => {
		// √(0.05·0.95·(1/8000 + 1/2000)) = √(0.0475·0.000625) = 0.0054486;
		// × (1.959964 + 0.841621) = 2.801585 → 0.015265 (1.5 points).
		expect(minimumDetectableUplift(8000, 2000, 0.05)).toBeCloseTo(0.015265, 6);
	});

	test('no control group or no base rate → no answer', () => {
		expect(minimumDetectableUplift(8000, 0, 0.05)).toBeNull();
		expect(minimumDetectableUplift(8000, 2000, 0)).toBeNull();
	});
});
