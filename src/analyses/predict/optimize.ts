/**
 * Derivative-free minimisation (Nelder–Mead) and a finite-difference Hessian, for maximum
 * likelihood on log-parameters. No gradients: the objective is a closed-form likelihood whose
 * numerical gradient would be noisy on large, grouped data.
 */

export interface Minimum {
	x: number[];
	f: number;
	evals: number;
	converged: boolean;
}

export interface NelderMeadOptions {
	/** Initial simplex edge along each axis. */
	step: number;
	maxEvals: number;
	/** Stop when the simplex's function values differ by less than this … */
	fTol: number;
	/** … and its vertices by less than this in every coordinate. */
	xTol: number;
}

/**
 * Nelder–Mead with the standard coefficients (reflect 1, expand 2, contract ½, shrink ½).
 * Non-finite values count as +∞, so the search backs away from invalid regions.
 */
export function nelderMead(
	fn: (x: number[]) => number,
	start: number[],
	opts: NelderMeadOptions
): Minimum {
	const n = start.length;
	let evals = 0;
	const f = (x: number[]) => {
		evals++;
		const v = fn(x);
		return Number.isFinite(v) ? v : Infinity;
	};
	const simplex = [start.slice()];
	for (let i = 0; i < n; i++) {
		const v = start.slice();
		v[i] += opts.step;
		simplex.push(v);
	}
	let values = simplex.map(f);
	const along = (from: number[], to: number[], t: number) =>
		from.map((v, i) => v + t * (to[i] - v));
	// A simplex stretched along a flat ridge can go on forever without shrinking: stop when, for
	// this many evaluations, the best value has not moved by fTol and the simplex has not halved
	// (not counted as converged; minimizeWithRestarts decides).
	const stallEvals = 50 * n;
	let record = Infinity;
	let size = Infinity;
	let progressAt = 0;
	while (evals < opts.maxEvals) {
		const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
		const pts = order.map((i) => simplex[i]);
		values = order.map((i) => values[i]);
		simplex.splice(0, simplex.length, ...pts);
		const best = values[0];
		const worst = values[n];
		const spread = Math.max(
			...simplex.slice(1).map((p) => Math.max(...p.map((v, i) => Math.abs(v - simplex[0][i]))))
		);
		if (best < record - opts.fTol || spread < size / 2) {
			record = Math.min(record, best);
			size = Math.min(size, spread);
			progressAt = evals;
		} else if (evals - progressAt > stallEvals) break;
		if (Number.isFinite(worst) && worst - best <= opts.fTol && spread <= opts.xTol)
			return { x: simplex[0], f: best, evals, converged: true };
		const centroid = new Array<number>(n).fill(0);
		for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += simplex[k][i] / n;
		const reflected = along(centroid, simplex[n], -1);
		const fr = f(reflected);
		if (fr < best) {
			const expanded = along(centroid, simplex[n], -2);
			const fe = f(expanded);
			if (fe < fr) [simplex[n], values[n]] = [expanded, fe];
			else [simplex[n], values[n]] = [reflected, fr];
		} else if (fr < values[n - 1]) {
			[simplex[n], values[n]] = [reflected, fr];
		} else {
			const outside = fr < worst;
			const contracted = along(centroid, outside ? reflected : simplex[n], 0.5);
			const fc = f(contracted);
			if (fc < (outside ? fr : worst)) [simplex[n], values[n]] = [contracted, fc];
			else {
				for (let k = 1; k <= n; k++) {
					simplex[k] = along(simplex[0], simplex[k], 0.5);
					values[k] = f(simplex[k]);
				}
			}
		}
	}
	const i = values.indexOf(Math.min(...values));
	return { x: simplex[i], f: values[i], evals, converged: false };
}

/**
 * Minimises from several starting points with a short budget and loose tolerance each (scouts
 * only need to find the right basin), then restarts Nelder–Mead from the best point with a fresh
 * simplex until a restart no longer improves: restarts guard against a simplex that collapsed
 * before reaching the minimum.
 */
export function minimizeWithRestarts(
	fn: (x: number[]) => number,
	starts: number[][],
	opts: NelderMeadOptions & {
		scoutEvals: number;
		scoutTol: number;
		restartStep: number;
		maxRestarts: number;
	}
): Minimum {
	let best: Minimum | null = null;
	let evals = 0;
	for (const s of starts) {
		const m = nelderMead(fn, s, {
			...opts,
			maxEvals: opts.scoutEvals,
			fTol: opts.scoutTol,
			xTol: Math.sqrt(opts.scoutTol)
		});
		evals += m.evals;
		if (!best || m.f < best.f) best = m;
	}
	if (!best || !Number.isFinite(best.f))
		return { x: starts[0], f: Infinity, evals, converged: false };
	let converged = false;
	for (let k = 0; k < opts.maxRestarts && !converged; k++) {
		const m = nelderMead(fn, best.x, { ...opts, step: opts.restartStep });
		evals += m.evals;
		// A fresh simplex that cannot improve on the point means a minimum, also where the simplex
		// could not shrink (a flat ridge running to the edge of the allowed range).
		converged = best.f - m.f <= opts.fTol;
		if (m.f <= best.f) best = m;
	}
	return { ...best, evals, converged };
}

/** Central-difference Hessian of fn at x with step h per coordinate. */
export function hessian(fn: (x: number[]) => number, x: number[], h: number): number[][] {
	const n = x.length;
	const at = (d: [number, number][]) => {
		const y = x.slice();
		for (const [i, s] of d) y[i] += s * h;
		return fn(y);
	};
	const f0 = fn(x);
	const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) {
		H[i][i] = (at([[i, 1]]) - 2 * f0 + at([[i, -1]])) / (h * h);
		for (let j = 0; j < i; j++) {
			const v =
				(at([
					[i, 1],
					[j, 1]
				]) -
					at([
						[i, 1],
						[j, -1]
					]) -
					at([
						[i, -1],
						[j, 1]
					]) +
					at([
						[i, -1],
						[j, -1]
					])) /
				(4 * h * h);
			H[i][j] = v;
			H[j][i] = v;
		}
	}
	return H;
}

/** The inverse of a symmetric positive-definite matrix by Cholesky; null if it is not SPD. */
export function invertSpd(A: number[][]): number[][] | null {
	const n = A.length;
	const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			let s = A[i][j];
			for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
			if (i === j) {
				if (!(s > 0) || !Number.isFinite(s)) return null;
				L[i][i] = Math.sqrt(s);
			} else L[i][j] = s / L[j][j];
		}
	}
	// Solve L Lᵀ X = I column by column.
	const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let c = 0; c < n; c++) {
		const y = new Array<number>(n).fill(0);
		for (let i = 0; i < n; i++) {
			let s = i === c ? 1 : 0;
			for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
			y[i] = s / L[i][i];
		}
		for (let i = n - 1; i >= 0; i--) {
			let s = y[i];
			for (let k = i + 1; k < n; k++) s -= L[k][i] * inv[k][c];
			inv[i][c] = s / L[i][i];
		}
	}
	return inv;
}
