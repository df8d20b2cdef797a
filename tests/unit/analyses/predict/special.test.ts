import { describe, expect, test } from 'vitest';
import { gammaSign, hyp2f1, lnGamma } from '../../../../src/analyses/predict/special.ts';

describe('lnGamma', () => {
	test.each([
		[1, 0],
		[2, 0],
		[0.5, 0.5 * Math.log(Math.PI)], // Γ(½) = √π
		[5, Math.log(24)],
		[10.5, Math.log(1133278.388948785)], // Γ(10.5) = 9.5 · 8.5 · … · 0.5 · √π
		[-0.5, Math.log(2 * Math.sqrt(Math.PI))], // Γ(−½) = −2√π
		[1e-5, 11.512919692895824] // ln(1e5) − γ·1e-5 + π²/12·1e-10
	])('ln |Γ(%d)|', (x, expected) => {
		expect(lnGamma(x)).toBeCloseTo(expected, 12);
	});

	test('sign and poles', () => {
		expect(gammaSign(-0.5)).toBe(-1);
		expect(gammaSign(-1.5)).toBe(1);
		expect(gammaSign(-2)).toBeNaN();
		expect(lnGamma(-3)).toBe(Infinity);
	});
});

describe('hyp2f1 against closed forms', () => {
	const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
	// Direct series below 0.75, the 1 − z connection formula above it (with c − a − b = 0, an
	// integer, for the first form), and Pfaff's transformation for z < 0.
	const zs = [0.1, 0.5, 0.75, 0.8, 0.9, 0.99, 0.9999, -0.5, -5, -100];

	test.each(zs)('2F1(1, 1; 2; z) = −ln(1 − z)/z at z = %d', (z) => {
		expect(rel(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z)).toBeLessThan(1e-9);
	});

	test.each(zs)('2F1(a, b; b; z) = (1 − z)^−a at z = %d', (z) => {
		expect(rel(hyp2f1(0.37, 2.3, 2.3, z), Math.pow(1 - z, -0.37))).toBeLessThan(1e-12);
	});

	test.each(zs.filter((z) => z > 0))('2F1(½, 1; 3/2; z) = artanh(√z)/√z at z = %d', (z) => {
		const s = Math.sqrt(z);
		expect(rel(hyp2f1(0.5, 1, 1.5, z), Math.atanh(s) / s)).toBeLessThan(1e-9);
	});

	test.each(zs.filter((z) => z > 0))('2F1(½, ½; 3/2; z) = arcsin(√z)/√z at z = %d', (z) => {
		const s = Math.sqrt(z);
		expect(rel(hyp2f1(0.5, 0.5, 1.5, z), Math.asin(s) / s)).toBeLessThan(1e-12);
	});

	test('a polynomial when a is a negative integer: 2F1(−2, b; c; z)', () => {
		// 1 − 2bz/c + b(b+1)z²/(c(c+1)) with b = 3, c = 4, z = 0.5: 1 − 0.75 + 0.15 = 0.4
		expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(0.4, 14);
	});

	test('outside its domain it is NaN, not a wrong number', () => {
		expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
		expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
	});
});
