/**
 * The Predict cell's one entry point: summaries from DuckDB, the fit off the main thread, scores
 * for every customer, and the result tables written back into DuckDB for the cell's charts.
 */
import type { Table } from 'apache-arrow';
import type { SqlEngine } from '../../engine/types.ts';
import { fail, ok, type Result } from '../../lib/result.ts';
import { ident } from '../../lib/sql.ts';
import type { Globals } from '../types.ts';
import {
	checkFrequencies,
	trackCumulative,
	type FrequencyRow,
	type TrackingRow
} from './checks.ts';
import type { FitResult, Warning } from './fit.ts';
import { unitDays, type PredictParams } from './params.ts';
import { runFit } from './run-fit.ts';
import { scoreCustomers } from './score.ts';
import {
	SUMMARY_ARRAYS_SQL,
	buildDailyPurchasesSql,
	buildFitGroupsSql,
	buildPredictionsSql,
	buildSummaryTableSql,
	calibrationEnd
} from './sql.ts';
import { addDays, dayBefore, dayNumber } from './dates.ts';
import { buildFrequencyTable, buildScoresTable, buildTrackingTable } from './table.ts';

/**
 * Tables runPredict (re)creates; the cell's queries read them. `predict_summary` holds every
 * customer's model inputs (see sql.ts).
 */
const PREDICT_TABLES = {
	summary: 'predict_summary',
	predictions: 'predictions',
	frequency: 'predict_frequency',
	tracking: 'predict_tracking'
} as const;
/** Scores by row number on their way into `predictions`; dropped once joined. */
const SCORES_TABLE = 'predict_scores';

/** Warn when the history is shorter than this many typical gaps between purchases. */
const MIN_HISTORY_CYCLES = 3;

export interface PredictResult {
	asOf: string;
	/** First and last day of the calibration period, both inclusive (see sql.ts). */
	calibrationStart: string;
	calibrationEnd: string;
	/** Days after the calibration end up to the day before the as-of date; 0 = no holdout check. */
	holdoutDays: number;
	unit: PredictParams['unit'];
	fit: FitResult;
	/** Customers with a row in `predictions` (everyone known with an order before the as-of). */
	customersScored: number;
	frequency: FrequencyRow[];
	tracking: TrackingRow[];
	/** Fit warnings plus data warnings (short history). */
	warnings: Warning[];
}

function numbers(table: Table, name: string): Float64Array {
	const col = table.getChild(name);
	return col ? Float64Array.from(col.toArray() as ArrayLike<number>) : new Float64Array(0);
}

function checkParams(
	p: PredictParams,
	g: Globals
): Result<{ calEnd: string; holdoutDays: number }> {
	const calEnd = calibrationEnd(p, g);
	const holdoutDays = dayNumber(dayBefore(g.asOf)) - dayNumber(calEnd);
	if (!(holdoutDays >= 0))
		return fail(
			'predict.calibration-end',
			`calibration end ${calEnd} is not before the as-of date ${g.asOf}`
		);
	const positive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
	if (!positive(p.horizonDays) || !positive(p.clvMonths))
		return fail('predict.params', 'horizon and CLV months must be positive numbers');
	if (!(p.discountRate >= 0) || !(p.margin >= 0))
		return fail('predict.params', 'discount rate and margin must be 0 or more');
	return ok({ calEnd, holdoutDays });
}

/** The median of t_x / x over calibration repeat customers, in days: a typical purchase cycle. */
function medianCycleDays(xCal: Float64Array, txCal: Float64Array, ageCal: Float64Array): number {
	const gaps: number[] = [];
	for (let i = 0; i < xCal.length; i++)
		if (xCal[i] > 0 && ageCal[i] >= 0) gaps.push(txCal[i] / xCal[i]);
	gaps.sort((a, b) => a - b);
	return gaps.length ? gaps[gaps.length >> 1] : NaN;
}

/**
 * Fits BG/NBD and Gamma-Gamma on orders before the calibration end, scores every known customer
 * as of the as-of date, and writes `predictions`, `predict_frequency` and `predict_tracking`.
 */
export async function runPredict(
	engine: SqlEngine,
	params: PredictParams,
	globals: Globals,
	opts: { signal?: AbortSignal } = {}
): Promise<Result<PredictResult>> {
	const { signal } = opts;
	const cancelled = () => fail<never>('predict.cancelled', 'the prediction was cancelled');
	const checked = checkParams(params, globals);
	if (!checked.ok) return checked;
	const { calEnd, holdoutDays } = checked.value;
	const u = unitDays(params);

	const stored = await engine.query(buildSummaryTableSql(params, globals));
	if (!stored.ok) return stored;
	if (signal?.aborted) return cancelled();
	const grouped = await engine.query(buildFitGroupsSql(params));
	if (!grouped.ok) return grouped;
	const summary = await engine.query(SUMMARY_ARRAYS_SQL);
	if (!summary.ok) return summary;
	if (signal?.aborted) return cancelled();

	const groups = {
		x: numbers(grouped.value, 'x'),
		tx: numbers(grouped.value, 't_x'),
		T: numbers(grouped.value, 't_cal'),
		n: numbers(grouped.value, 'n')
	};
	const s = summary.value;
	const customers = {
		x: numbers(s, 'x'),
		txDays: numbers(s, 't_x_days'),
		ageDays: numbers(s, 'age_days'),
		monetary: numbers(s, 'monetary'),
		xCal: numbers(s, 'x_cal'),
		txCalDays: numbers(s, 't_x_cal_days'),
		ageCalDays: numbers(s, 'age_cal_days')
	};
	const monetaryCal = numbers(s, 'monetary_cal');
	const repeat: number[] = [];
	for (let i = 0; i < s.numRows; i++)
		if (customers.xCal[i] > 0 && customers.ageCalDays[i] >= 0) repeat.push(i);
	const spend = {
		x: Float64Array.from(repeat, (i) => customers.xCal[i]),
		mbar: Float64Array.from(repeat, (i) => monetaryCal[i])
	};

	const fitted = await runFit({ groups, spend }, { signal });
	if (!fitted.ok) return fitted;
	const fit = fitted.value;
	const warnings = [...fit.warnings];
	const cycle = medianCycleDays(customers.xCal, customers.txCalDays, customers.ageCalDays);
	const history = customers.ageCalDays.reduce((m, v) => Math.max(m, v), 0);
	if (history < MIN_HISTORY_CYCLES * cycle)
		warnings.push({
			code: 'predict.warn.short-history',
			detail: `${history} days of history, typical gap between purchases ${Math.round(cycle)} days`,
			vars: { historyDays: history, cycleDays: Math.round(cycle) }
		});

	const scores = scoreCustomers(customers, fit.bgnbd.params, fit.gammaGamma.params, {
		unitDays: u,
		horizonDays: params.horizonDays,
		clvMonths: Math.max(1, Math.round(params.clvMonths)),
		discountRate: params.discountRate,
		margin: params.margin,
		holdoutDays
	});

	const daily = await engine.query(buildDailyPurchasesSql(params, globals));
	if (!daily.ok) return daily;
	if (signal?.aborted) return cancelled();
	const frequency = checkFrequencies(groups, fit.bgnbd.params);
	const tracking = trackCumulative(
		{
			dayOffset: numbers(daily.value, 'day_offset'),
			newCustomers: numbers(daily.value, 'new_customers'),
			repeats: numbers(daily.value, 'repeats')
		},
		fit.bgnbd.params,
		u,
		calEnd,
		holdoutDays
	);

	const tables: [string, Table][] = [
		[SCORES_TABLE, buildScoresTable(scores)],
		[PREDICT_TABLES.frequency, buildFrequencyTable(frequency)],
		[PREDICT_TABLES.tracking, buildTrackingTable(tracking)]
	];
	for (const [name, table] of tables) {
		const dropped = await engine.query(`DROP TABLE IF EXISTS ${ident(name)}`);
		if (!dropped.ok) return dropped;
		const inserted = await engine.insertArrow(name, table, 'create');
		if (!inserted.ok) return inserted;
	}
	const joined = await engine.query(
		`${buildPredictionsSql(globals)};\nDROP TABLE ${ident(SCORES_TABLE)}`
	);
	if (!joined.ok) return joined;
	return ok({
		asOf: globals.asOf,
		// The oldest fitted customer's T reaches back to the first purchase day of the period.
		calibrationStart: addDays(calEnd, -history),
		calibrationEnd: calEnd,
		holdoutDays,
		unit: params.unit,
		fit,
		customersScored: s.numRows,
		frequency,
		tracking,
		warnings
	});
}
