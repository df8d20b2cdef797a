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
import { scoreHoldoutPairs, scorePairs } from './score.ts';
import {
	HOLDOUT_PAIRS_SQL,
	PAIRS_SQL,
	PAIR_TABLES,
	SPEND_SQL,
	SUMMARY_FACTS_SQL,
	buildDailyPurchasesSql,
	buildFitGroupsSql,
	buildPredictionsSql,
	buildSummaryTableSql,
	calibrationEnd
} from './sql.ts';
import { addDays, dayBefore, dayNumber } from './dates.ts';
import {
	buildFrequencyTable,
	buildHoldoutPairsTable,
	buildPairsTable,
	buildTrackingTable
} from './table.ts';

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

/** Distinct pairs as PAIRS_SQL and HOLDOUT_PAIRS_SQL return them. */
const pairsOf = (t: Table) => ({ x: numbers(t, 'x'), ageDays: numbers(t, 'age_days') });

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
	const spendRows = await engine.query(SPEND_SQL);
	if (!spendRows.ok) return spendRows;
	const factsRead = await engine.query(SUMMARY_FACTS_SQL);
	if (!factsRead.ok) return factsRead;
	const facts = factsRead.value.get(0);
	if (signal?.aborted) return cancelled();

	const groups = {
		x: numbers(grouped.value, 'x'),
		tx: numbers(grouped.value, 't_x'),
		T: numbers(grouped.value, 't_cal'),
		n: numbers(grouped.value, 'n')
	};
	const spend = { x: numbers(spendRows.value, 'x'), mbar: numbers(spendRows.value, 'mbar') };
	const fitted = await runFit({ groups, spend }, { signal });
	if (!fitted.ok) return fitted;
	const fit = fitted.value;
	const warnings = [...fit.warnings];
	const history = Number(facts?.history ?? 0);
	const cycle = facts?.cycle == null ? NaN : Number(facts.cycle);
	if (history < MIN_HISTORY_CYCLES * cycle)
		warnings.push({
			code: 'predict.warn.short-history',
			detail: `${history} days of history, typical gap between purchases ${Math.round(cycle)} days`,
			vars: { historyDays: history, cycleDays: Math.round(cycle) }
		});

	const options = {
		unitDays: u,
		horizonDays: params.horizonDays,
		clvMonths: Math.max(1, Math.round(params.clvMonths)),
		discountRate: params.discountRate,
		holdoutDays
	};
	const pairRows = await engine.query(PAIRS_SQL);
	if (!pairRows.ok) return pairRows;
	const pairs = pairsOf(pairRows.value);
	const tables: [string, Table][] = [
		[PAIR_TABLES.pairs, buildPairsTable(pairs, scorePairs(pairs, fit.bgnbd.params, options))]
	];
	if (holdoutDays > 0) {
		const holdoutRows = await engine.query(HOLDOUT_PAIRS_SQL);
		if (!holdoutRows.ok) return holdoutRows;
		const cal = pairsOf(holdoutRows.value);
		tables.push([
			PAIR_TABLES.holdout,
			buildHoldoutPairsTable(cal, scoreHoldoutPairs(cal, fit.bgnbd.params, options))
		]);
	}

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

	tables.push(
		[PREDICT_TABLES.frequency, buildFrequencyTable(frequency)],
		[PREDICT_TABLES.tracking, buildTrackingTable(tracking)]
	);
	for (const [name, table] of tables) {
		const dropped = await engine.query(`DROP TABLE IF EXISTS ${ident(name)}`);
		if (!dropped.ok) return dropped;
		const inserted = await engine.insertArrow(name, table, 'create');
		if (!inserted.ok) return inserted;
	}
	const model = {
		bg: fit.bgnbd.params,
		gg: fit.gammaGamma.params,
		unitDays: u,
		margin: params.margin,
		holdout: holdoutDays > 0
	};
	const joined = await engine.query(
		`${buildPredictionsSql(globals, model)};\n` +
			`DROP TABLE IF EXISTS ${ident(PAIR_TABLES.pairs)}; DROP TABLE IF EXISTS ${ident(PAIR_TABLES.holdout)}`
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
		customersScored: Number(facts?.customers ?? 0),
		frequency,
		tracking,
		warnings
	});
}
