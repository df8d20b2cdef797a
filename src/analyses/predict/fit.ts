/**
 * Maximum-likelihood fits of BG/NBD and Gamma-Gamma on log-parameters, with standard errors from
 * a finite-difference Hessian, and the checks that decide whether a fit may be shown at all.
 */
import { fail, ok, type Result } from '../../lib/result.ts';
import {
	makeBgNbdLogLikelihood,
	makeGammaGammaLogLikelihood,
	type BgNbdGroups,
	type BgNbdParams,
	type GammaGammaParams,
	type SpendData,
	type SpendGroups
} from './model.ts';
import { hessian, invertSpd, minimizeWithRestarts } from './optimize.ts';

/** Below this many repeat customers the fit is refused: the dropout process is not identified. */
export const MIN_REPEAT_CUSTOMERS = 20;
/** Below this many the fit runs, with a warning that estimates are rough. */
export const WARN_REPEAT_CUSTOMERS = 100;
/** |Pearson r| of frequency and mean spend at or above this breaks Gamma-Gamma's assumption. */
export const WARN_CORRELATION = 0.3;

/** A warning shown beside the results; `vars` fill the catalog message's placeholders. */
export interface Warning {
	code: string;
	detail: string;
	vars: Record<string, string | number>;
}

interface ModelFit<P> {
	params: P;
	/** Standard errors (delta method from log-parameters); null when the Hessian is not SPD. */
	se: P | null;
	logLik: number;
	evaluations: number;
	converged: boolean;
}

export interface FitInput {
	/** Customers grouped by (x, tx, T), in the fit's unit. */
	groups: BgNbdGroups;
	/** Every repeat customer (x ≥ 1) with the mean value of their repeat purchases. */
	spend: SpendData;
}

export interface FitResult {
	bgnbd: ModelFit<BgNbdParams> & {
		customers: number;
		repeatCustomers: number;
		/** Σ x: repeat purchases (purchase days after the first) of the fitted customers. */
		repeatPurchases: number;
		rows: number;
	};
	gammaGamma: ModelFit<GammaGammaParams> & {
		customers: number;
		/** Repeat customers left out because their mean repeat spend was ≤ 0. */
		excluded: number;
		/** Pearson correlation of x and mean spend among the customers used. */
		correlation: number;
	};
	warnings: Warning[];
}

/** Log-parameters stay within e^±13: beyond it a parameter is not identified by the data. */
const LOG_BOUND = 13;
const NEAR_BOUND = 12.5;
const HESSIAN_STEP = 1e-3;
const SEARCH = {
	step: 0.5,
	scoutEvals: 150,
	scoutTol: 1e-6,
	restartStep: 0.1,
	maxEvals: 4000,
	maxRestarts: 6,
	fTol: 1e-11,
	xTol: 1e-5
};

interface Fitted {
	theta: number[];
	negLogLik: number;
	evaluations: number;
	converged: boolean;
	se: number[] | null;
	atBound: boolean;
}

/**
 * Minimises the mean negative log-likelihood over log-parameters (mean, so tolerances do not
 * depend on the number of customers), then takes standard errors from the Hessian of the total.
 */
function fitLogParams(
	logLik: (natural: number[]) => number,
	weight: number,
	starts: number[][]
): Fitted {
	const total = (theta: number[]) =>
		theta.some((v) => Math.abs(v) > LOG_BOUND) ? Infinity : -logLik(theta.map(Math.exp));
	const m = minimizeWithRestarts((t) => total(t) / weight, starts, SEARCH);
	const atBound = m.x.some((v) => Math.abs(v) > NEAR_BOUND);
	let se: number[] | null = null;
	if (Number.isFinite(m.f) && !atBound) {
		const cov = invertSpd(hessian(total, m.x, HESSIAN_STEP));
		if (cov) se = m.x.map((v, i) => Math.exp(v) * Math.sqrt(cov[i][i]));
	}
	return {
		theta: m.x,
		negLogLik: m.f * weight,
		evaluations: m.evals,
		converged: m.converged && Number.isFinite(m.f),
		se,
		atBound
	};
}

function pearson(u: Float64Array, v: Float64Array): number {
	const n = u.length;
	let mu = 0;
	let mv = 0;
	for (let i = 0; i < n; i++) {
		mu += u[i] / n;
		mv += v[i] / n;
	}
	let suv = 0;
	let suu = 0;
	let svv = 0;
	for (let i = 0; i < n; i++) {
		suv += (u[i] - mu) * (v[i] - mv);
		suu += (u[i] - mu) ** 2;
		svv += (v[i] - mv) ** 2;
	}
	return suu > 0 && svv > 0 ? suv / Math.sqrt(suu * svv) : 0;
}

function fitBgNbd(groups: BgNbdGroups, warnings: Warning[]): Result<FitResult['bgnbd']> {
	let customers = 0;
	let repeat = 0;
	let purchases = 0;
	let exposure = 0;
	const distinct = new Set<string>();
	for (let i = 0; i < groups.n.length; i++) {
		const n = groups.n[i];
		if (!(n > 0)) continue;
		customers += n;
		if (groups.x[i] > 0) repeat += n;
		purchases += n * groups.x[i];
		exposure += n * groups.T[i];
		distinct.add(`${groups.x[i]}|${groups.tx[i]}|${groups.T[i]}`);
	}
	if (customers === 0)
		return fail('predict.no-customers', 'no known customer ordered before the calibration end');
	if (repeat === 0)
		return fail('predict.no-repeat', `all ${customers} customers bought on a single day only`);
	if (repeat < MIN_REPEAT_CUSTOMERS)
		return fail(
			'predict.too-few-repeat',
			`${repeat} repeat customers; at least ${MIN_REPEAT_CUSTOMERS} are needed`
		);
	if (distinct.size === 1)
		return fail('predict.identical', 'every customer has the same frequency, recency and age');
	if (repeat < WARN_REPEAT_CUSTOMERS)
		warnings.push({
			code: 'predict.warn.few-repeat',
			detail: `${repeat} repeat customers`,
			vars: { count: repeat }
		});

	// Starting points: typical shapes of the four parameters, with α set so that r/α (the mean
	// purchase rate) is near the observed repeat rate, which understates it because of dropout.
	const rate = purchases / Math.max(exposure, 1e-9);
	const shapes = [
		[0.25, 0.8, 2.5],
		[1, 1, 1],
		[0.5, 0.3, 3],
		[2, 2, 10]
	];
	const starts = shapes.map(([r, a, b]) => [r, r / (2 * rate), a, b].map(Math.log));
	const ll = makeBgNbdLogLikelihood(groups);
	const fit = fitLogParams(([r, alpha, a, b]) => ll({ r, alpha, a, b }), customers, starts);
	if (!fit.converged)
		return fail(
			'predict.fit-failed',
			`BG/NBD did not converge after ${fit.evaluations} evaluations`
		);
	if (fit.atBound)
		warnings.push({
			code: 'predict.warn.boundary',
			detail: 'a BG/NBD parameter ran to the edge of its range',
			vars: { model: 'BG/NBD' }
		});
	else if (!fit.se)
		warnings.push({ code: 'predict.warn.no-se', detail: 'BG/NBD', vars: { model: 'BG/NBD' } });
	const [r, alpha, a, b] = fit.theta.map(Math.exp);
	const se = fit.se && { r: fit.se[0], alpha: fit.se[1], a: fit.se[2], b: fit.se[3] };
	return ok({
		params: { r, alpha, a, b },
		se,
		logLik: -fit.negLogLik,
		evaluations: fit.evaluations,
		converged: true,
		customers,
		repeatCustomers: repeat,
		repeatPurchases: purchases,
		rows: distinct.size
	});
}

/**
 * Merges repeat customers with equal (x, mbar) into weighted rows, in the order each pair first
 * appears (the log-likelihood sums in this order, so a run gives the same estimates every time).
 * Sorted indices, not a map keyed by text: on 5M orders there are about a million repeat
 * customers, and a key string and a key array each in the fit worker.
 */
export function groupSpend(data: SpendData): SpendGroups {
	const { x, mbar } = data;
	const order = Uint32Array.from({ length: x.length }, (_, i) => i);
	order.sort((i, j) => x[i] - x[j] || mbar[i] - mbar[j] || i - j);
	// Each group's first index (the least, as ties sort by index) and its size.
	const firsts: number[] = [];
	const sizes: number[] = [];
	for (let k = 0; k < order.length; k++) {
		const i = order[k];
		const prev = order[k - 1];
		if (k > 0 && x[prev] === x[i] && mbar[prev] === mbar[i]) sizes[sizes.length - 1]++;
		else {
			firsts.push(i);
			sizes.push(1);
		}
	}
	const groups = Uint32Array.from(firsts.keys()).sort((a, b) => firsts[a] - firsts[b]);
	return {
		x: Float64Array.from(groups, (g) => x[firsts[g]]),
		mbar: Float64Array.from(groups, (g) => mbar[firsts[g]]),
		n: Float64Array.from(groups, (g) => sizes[g])
	};
}

function fitGammaGamma(spend: SpendData, warnings: Warning[]): Result<FitResult['gammaGamma']> {
	const keep: number[] = [];
	for (let i = 0; i < spend.x.length; i++)
		if (spend.x[i] > 0 && spend.mbar[i] > 0 && Number.isFinite(spend.mbar[i])) keep.push(i);
	const excluded = spend.x.length - keep.length;
	const data: SpendData = {
		x: Float64Array.from(keep, (i) => spend.x[i]),
		mbar: Float64Array.from(keep, (i) => spend.mbar[i])
	};
	const n = keep.length;
	if (n === 0)
		return fail('predict.no-spend', `none of ${spend.x.length} repeat customers has spend above 0`);
	if (n < MIN_REPEAT_CUSTOMERS)
		return fail(
			'predict.too-few-spend',
			`${n} repeat customers with spend above 0; at least ${MIN_REPEAT_CUSTOMERS} are needed`
		);
	let lo = Infinity;
	let hi = -Infinity;
	let mean = 0;
	for (const m of data.mbar) {
		lo = Math.min(lo, m);
		hi = Math.max(hi, m);
		mean += m / n;
	}
	if (hi - lo <= 1e-9 * hi)
		return fail('predict.spend-constant', `every repeat customer spent ${hi} per order`);
	if (excluded > 0)
		warnings.push({
			code: 'predict.warn.spend-excluded',
			detail: `${excluded} repeat customers with spend ≤ 0 left out of the spend model`,
			vars: { count: excluded }
		});
	const correlation = pearson(data.x, data.mbar);
	const groups = groupSpend(data);
	if (Math.abs(correlation) >= WARN_CORRELATION)
		warnings.push({
			code: 'predict.warn.correlation',
			detail: `r = ${correlation.toFixed(2)}`,
			vars: { r: correlation.toFixed(2) }
		});

	// The population mean spend is pγ/(q−1): start from shapes that reproduce the sample mean.
	const shapes = [
		[1, 2],
		[2, 3],
		[5, 4],
		[10, 10]
	];
	const starts = shapes.map(([p, q]) => [p, q, (mean * (q - 1)) / p].map(Math.log));
	const ll = makeGammaGammaLogLikelihood(groups);
	const fit = fitLogParams(([p, q, gamma]) => ll({ p, q, gamma }), n, starts);
	if (!fit.converged)
		return fail(
			'predict.fit-failed',
			`Gamma-Gamma did not converge after ${fit.evaluations} evaluations`
		);
	const [p, q, gamma] = fit.theta.map(Math.exp);
	if (q <= 1)
		return fail('predict.spend-unbounded', `q = ${q.toPrecision(3)}: mean spend is unbounded`);
	if (fit.atBound)
		warnings.push({
			code: 'predict.warn.boundary',
			detail: 'a Gamma-Gamma parameter ran to the edge of its range',
			vars: { model: 'Gamma-Gamma' }
		});
	else if (!fit.se)
		warnings.push({
			code: 'predict.warn.no-se',
			detail: 'Gamma-Gamma',
			vars: { model: 'Gamma-Gamma' }
		});
	const se = fit.se && { p: fit.se[0], q: fit.se[1], gamma: fit.se[2] };
	return ok({
		params: { p, q, gamma },
		se,
		logLik: -fit.negLogLik,
		evaluations: fit.evaluations,
		converged: true,
		customers: n,
		excluded,
		correlation
	});
}

/** Fits both models, or says why it cannot. Pure and synchronous; run-fit.ts moves it off-thread. */
export function fitModels(input: FitInput): Result<FitResult> {
	const warnings: Warning[] = [];
	const bgnbd = fitBgNbd(input.groups, warnings);
	if (!bgnbd.ok) return bgnbd;
	const gammaGamma = fitGammaGamma(input.spend, warnings);
	if (!gammaGamma.ok) return gammaGamma;
	return ok({ bgnbd: bgnbd.value, gammaGamma: gammaGamma.value, warnings });
}
