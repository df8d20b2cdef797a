import { describe, expect, test } from 'vitest';
import { fitModels, groupSpend, type FitInput } from '../../../../src/analyses/predict/fit.ts';
import { nelderMead } from '../../../../src/analyses/predict/optimize.ts';
import { runFit } from '../../../../src/analyses/predict/run-fit.ts';
import { simulateCustomers } from './simulate.ts';

const BG = { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };

function toInput(customers: ReturnType<typeof simulateCustomers>): FitInput {
	const repeaters = customers.filter((c) => c.repeats.length > 0);
	return {
		groups: {
			x: Float64Array.from(customers, (c) => c.repeats.length),
			tx: Float64Array.from(customers, (c) => c.repeats.at(-1) ?? 0),
			T: Float64Array.from(customers, (c) => c.age),
			n: new Float64Array(customers.length).fill(1)
		},
		spend: {
			x: Float64Array.from(repeaters, (c) => c.repeats.length),
			// Gamma-Gamma models the mean of the repeat purchases: the first is left out.
			mbar: Float64Array.from(
				repeaters,
				(c) => c.values.slice(1).reduce((s, v) => s + v, 0) / c.repeats.length
			)
		}
	};
}

describe('parameter recovery (4,000 simulated customers, CDNOW-like parameters, weeks)', () => {
	const input = toInput(simulateCustomers(4000, BG, GG, [39, 51], 20240601));
	const result = fitModels(input);

	test('the fit converges with standard errors', () => {
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.bgnbd.converged).toBe(true);
		expect(result.value.bgnbd.se).not.toBeNull();
		expect(result.value.gammaGamma.se).not.toBeNull();
	});

	test.each(['r', 'alpha', 'a', 'b'] as const)('BG/NBD %s within 3 standard errors', (k) => {
		if (!result.ok) throw new Error(result.error.code);
		const { params, se } = result.value.bgnbd;
		expect(Math.abs(params[k] - BG[k])).toBeLessThan(3 * se![k]);
	});

	test.each(['p', 'q', 'gamma'] as const)('Gamma-Gamma %s within 3 standard errors', (k) => {
		if (!result.ok) throw new Error(result.error.code);
		const { params, se } = result.value.gammaGamma;
		expect(Math.abs(params[k] - GG[k])).toBeLessThan(3 * se![k]);
	});

	test('spend is simulated independently of frequency, and the check sees it', () => {
		if (!result.ok) throw new Error(result.error.code);
		expect(Math.abs(result.value.gammaGamma.correlation)).toBeLessThan(0.1);
		expect(result.value.warnings.map((w) => w.code)).not.toContain('predict.warn.correlation');
	});

	test('grouping identical customers gives the same fit', () => {
		// Round times to whole weeks, then group: same likelihood as the ungrouped rounded data.
		const x = input.groups.x;
		const tx = input.groups.tx.map(Math.round);
		const T = input.groups.T.map(Math.round);
		const counts = new Map<string, number>();
		for (let i = 0; i < x.length; i++) {
			const key = `${x[i]}|${tx[i]}|${T[i]}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		const keys = [...counts.keys()].map((k) => k.split('|').map(Number));
		const grouped = fitModels({
			...input,
			groups: {
				x: Float64Array.from(keys, (k) => k[0]),
				tx: Float64Array.from(keys, (k) => k[1]),
				T: Float64Array.from(keys, (k) => k[2]),
				n: Float64Array.from(counts.values())
			}
		});
		const ungrouped = fitModels({ ...input, groups: { x, tx, T, n: input.groups.n } });
		if (!grouped.ok || !ungrouped.ok) throw new Error('fit failed');
		expect(keys.length).toBeLessThan(x.length);
		expect(grouped.value.bgnbd.logLik).toBeCloseTo(ungrouped.value.bgnbd.logLik, 4);
		expect(grouped.value.bgnbd.params.r).toBeCloseTo(ungrouped.value.bgnbd.params.r, 4);
	});

	test('runFit without Worker (Node) runs inline and gives the same answer', async () => {
		const r = await runFit(input);
		if (!r.ok || !result.ok) throw new Error('fit failed');
		expect(r.value.bgnbd.logLik).toBe(result.value.bgnbd.logLik);
	});

	test('an aborted signal cancels', async () => {
		const r = await runFit(input, { signal: AbortSignal.abort() });
		expect(r.ok ? 'ok' : r.error.code).toBe('predict.cancelled');
	});
});

describe('inputs that cannot be fitted give a code, never NaN', () => {
	const rows = (list: [number, number, number, number][]) => ({
		x: Float64Array.from(list, (r) => r[0]),
		tx: Float64Array.from(list, (r) => r[1]),
		T: Float64Array.from(list, (r) => r[2]),
		n: Float64Array.from(list, (r) => r[3])
	});
	const goodSpend = (n: number) => ({
		x: new Float64Array(n).fill(1),
		mbar: Float64Array.from({ length: n }, (_, i) => 10 + i)
	});
	const simulated = toInput(simulateCustomers(1500, BG, GG, [39, 51], 7));
	const code = (input: FitInput) => {
		const r = fitModels(input);
		return r.ok ? 'ok' : r.error.code;
	};

	test('no customers', () => {
		expect(code({ groups: rows([]), spend: goodSpend(0) })).toBe('predict.no-customers');
	});

	test('everyone bought once', () => {
		expect(code({ groups: rows([[0, 0, 30, 1000]]), spend: goodSpend(0) })).toBe(
			'predict.no-repeat'
		);
	});

	test('one customer', () => {
		expect(code({ groups: rows([[3, 20, 30, 1]]), spend: goodSpend(1) })).toBe(
			'predict.too-few-repeat'
		);
	});

	test('identical customers', () => {
		expect(code({ groups: rows([[2, 10, 30, 500]]), spend: goodSpend(500) })).toBe(
			'predict.identical'
		);
	});

	test('zero-spend orders', () => {
		const spend = { x: simulated.spend.x, mbar: new Float64Array(simulated.spend.x.length) };
		expect(code({ groups: simulated.groups, spend })).toBe('predict.no-spend');
	});

	test('everyone spends the same per order', () => {
		const spend = {
			x: simulated.spend.x,
			mbar: new Float64Array(simulated.spend.x.length).fill(99)
		};
		expect(code({ groups: simulated.groups, spend })).toBe('predict.spend-constant');
	});

	test('a likelihood that is nowhere finite fails the fit', () => {
		const groups = { ...simulated.groups, T: simulated.groups.T.map(() => NaN) };
		expect(code({ groups, spend: simulated.spend })).toBe('predict.fit-failed');
	});

	test('few repeat customers: the fit runs with a warning', () => {
		const small = toInput(simulateCustomers(150, BG, GG, [39, 51], 11));
		const r = fitModels(small);
		if (!r.ok) throw new Error(r.error.code);
		expect(r.value.warnings.map((w) => w.code)).toContain('predict.warn.few-repeat');
		expect(Object.values(r.value.bgnbd.params).every(Number.isFinite)).toBe(true);
	});

	test('repeat customers with spend ≤ 0 are left out, and counted', () => {
		const mbar = simulated.spend.mbar.slice();
		mbar[0] = 0;
		mbar[1] = -5;
		const r = fitModels({ groups: simulated.groups, spend: { x: simulated.spend.x, mbar } });
		if (!r.ok) throw new Error(r.error.code);
		expect(r.value.gammaGamma.excluded).toBe(2);
		expect(r.value.warnings.map((w) => w.code)).toContain('predict.warn.spend-excluded');
	});
});

describe('Nelder–Mead', () => {
	test('finds the minimum of a quadratic bowl', () => {
		// (x − 1)² + 10 (y + 2)²: minimum 0 at (1, −2)
		const m = nelderMead((v) => (v[0] - 1) ** 2 + 10 * (v[1] + 2) ** 2, [0, 0], {
			step: 0.5,
			maxEvals: 2000,
			fTol: 1e-14,
			xTol: 1e-8
		});
		expect(m.converged).toBe(true);
		expect(m.x[0]).toBeCloseTo(1, 6);
		expect(m.x[1]).toBeCloseTo(-2, 6);
	});

	test('reports no convergence when the budget runs out', () => {
		const m = nelderMead((v) => (v[0] - 1) ** 2, [100], {
			step: 0.01,
			maxEvals: 5,
			fTol: 1e-14,
			xTol: 1e-8
		});
		expect(m.converged).toBe(false);
	});
});

describe('groupSpend', () => {
	test('equal (x, mbar) pairs become one weighted row, in the order each pair first appears', () => {
		const x = Float64Array.from([2, 1, 2, 3, 1, 2, 1]);
		const mbar = Float64Array.from([10, 5, 10, 7.5, 5, 11, 6]);
		const g = groupSpend({ x, mbar });
		expect([...g.x]).toEqual([2, 1, 3, 2, 1]);
		expect([...g.mbar]).toEqual([10, 5, 7.5, 11, 6]);
		expect([...g.n]).toEqual([2, 2, 1, 1, 1]);
	});
});
