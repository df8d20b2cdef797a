/**
 * What the Predict cell shows about a fit, as plain rows: each parameter with its standard error,
 * and the facts an analyst needs to judge it. Pure, so the component stays a thin view.
 */
import type { PredictResult } from '../../analyses/predict/run.ts';

interface ParamRow {
	/** Message key of the parameter's name. */
	label: string;
	symbol: string;
	value: number;
	/** null when the Hessian gave none (boundary or not positive definite). */
	se: number | null;
}

export interface FitSummary {
	bgnbd: ParamRow[];
	gammaGamma: ParamRow[];
	/** `message` values are catalog keys to translate; `text` is shown as is. */
	facts: { label: string; value: string | number; kind: 'number' | 'text' | 'message' }[];
}

/** Four significant digits: enough to compare fits, few enough to read. */
export const roundParam = (v: number): number => Number(v.toPrecision(4));

export function summarizeFit(r: PredictResult): FitSummary {
	const { bgnbd: bg, gammaGamma: gg } = r.fit;
	const row = <P extends object>(
		label: string,
		symbol: string,
		key: keyof P,
		p: P,
		se: P | null
	) => ({
		label,
		symbol,
		value: p[key] as number,
		se: se ? (se[key] as number) : null
	});
	return {
		bgnbd: [
			row('predict.ui.r', 'r', 'r', bg.params, bg.se),
			row('predict.ui.alpha', 'α', 'alpha', bg.params, bg.se),
			row('predict.ui.a', 'a', 'a', bg.params, bg.se),
			row('predict.ui.b', 'b', 'b', bg.params, bg.se)
		],
		gammaGamma: [
			row('predict.ui.p', 'p', 'p', gg.params, gg.se),
			row('predict.ui.q', 'q', 'q', gg.params, gg.se),
			row('predict.ui.gamma', 'γ', 'gamma', gg.params, gg.se)
		],
		facts: [
			{ label: 'predict.ui.unit', value: `predict.ui.unit-${r.unit}`, kind: 'message' },
			{
				label: 'predict.ui.calibration-window',
				value: `${r.calibrationStart} – ${r.calibrationEnd}`,
				kind: 'text'
			},
			{ label: 'predict.ui.holdout-days', value: r.holdoutDays, kind: 'number' },
			{ label: 'predict.ui.customers', value: bg.customers, kind: 'number' },
			{ label: 'predict.ui.repeat-customers', value: bg.repeatCustomers, kind: 'number' },
			{ label: 'predict.ui.repeat-purchases', value: bg.repeatPurchases, kind: 'number' },
			{ label: 'predict.ui.loglik-bgnbd', value: roundParam(bg.logLik), kind: 'number' },
			{ label: 'predict.ui.spend-customers', value: gg.customers, kind: 'number' },
			{ label: 'predict.ui.loglik-gg', value: roundParam(gg.logLik), kind: 'number' },
			{ label: 'predict.ui.correlation', value: roundParam(gg.correlation), kind: 'number' },
			{ label: 'predict.ui.scored', value: r.customersScored, kind: 'number' }
		]
	};
}
