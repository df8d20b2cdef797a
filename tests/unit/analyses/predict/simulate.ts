/**
 * Seeded simulation of customers from known BG/NBD and Gamma-Gamma parameters, for the
 * parameter-recovery and end-to-end tests. The generators are textbook: a 32-bit mixing PRNG,
 * Box–Muller normals, Marsaglia–Tsang gammas, Beta from two gammas.
 */
import type { BgNbdParams, GammaGammaParams } from '../../../../src/analyses/predict/model.ts';

function makeRandom(seed: number) {
	let s = seed >>> 0;
	const uniform = () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
	const gamma = (shape: number): number => {
		if (shape < 1) return gamma(shape + 1) * Math.pow(1 - uniform(), 1 / shape);
		const d = shape - 1 / 3;
		const c = 1 / Math.sqrt(9 * d);
		for (;;) {
			let x: number;
			let v: number;
			do {
				x = normal();
				v = 1 + c * x;
			} while (v <= 0);
			v = v * v * v;
			if (Math.log(1 - uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
		}
	};
	const beta = (a: number, b: number) => {
		const u = gamma(a);
		return u / (u + gamma(b));
	};
	return { uniform, gamma, beta };
}

export interface SimulatedCustomer {
	/** Purchase times after the first purchase (the first is at 0), within the observed age. */
	repeats: number[];
	/** Observed time from the first purchase to the end of observation. */
	age: number;
	/** Value of every purchase, the first included. */
	values: number[];
}

/**
 * Customers observed for an age drawn uniformly from [minAge, maxAge]: purchases at rate λ while
 * alive, dropout with probability p after each repeat purchase; each purchase's value is
 * Gamma(p_spend, ν) with ν ~ Gamma(q, γ) per customer.
 */
export function simulateCustomers(
	count: number,
	bg: BgNbdParams,
	gg: GammaGammaParams,
	ages: [number, number],
	seed: number
): SimulatedCustomer[] {
	const rnd = makeRandom(seed);
	const out: SimulatedCustomer[] = [];
	for (let i = 0; i < count; i++) {
		const lambda = rnd.gamma(bg.r) / bg.alpha;
		const p = rnd.beta(bg.a, bg.b);
		const nu = rnd.gamma(gg.q) / gg.gamma;
		const age = ages[0] + (ages[1] - ages[0]) * rnd.uniform();
		const repeats: number[] = [];
		let t = 0;
		for (;;) {
			t += -Math.log(1 - rnd.uniform()) / lambda;
			if (t > age) break;
			repeats.push(t);
			if (rnd.uniform() < p) break;
		}
		const values = Array.from({ length: repeats.length + 1 }, () => rnd.gamma(gg.p) / nu);
		out.push({ repeats, age, values });
	}
	return out;
}
