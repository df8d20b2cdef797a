/**
 * Arrow tables the Predict cell writes into DuckDB: the per-pair terms of the scores (joined to the
 * customers in SQL, see buildPredictionsSql) and the two checks, so everything can be charted,
 * joined and listed with plain SQL.
 */
import { DateDay, Table, makeData, makeVector, tableFromArrays } from 'apache-arrow';
import { utf8Vector } from '../../engine/arrow-build.ts';
import type { PairTerms, Pairs } from './score.ts';
import type { FrequencyRow, TrackingRow } from './checks.ts';

/** `predict_pairs`: the distinct (x, age_days) pairs and their terms, as DOUBLE (see score.ts). */
export function buildPairsTable(p: Pairs, t: PairTerms): Table {
	return tableFromArrays({
		x: Int32Array.from(p.x),
		age_days: Int32Array.from(p.ageDays),
		expected_orders: t.expectedOrders,
		p_order: t.pOrder,
		value_factor: t.valueFactor,
		wait_days: t.waitDays
	});
}

/** `predict_holdout_pairs`: the distinct calibration pairs and their holdout expectation. */
export function buildHoldoutPairsTable(p: Pairs, expected: Float64Array): Table {
	return tableFromArrays({
		x_cal: Int32Array.from(p.x),
		age_cal_days: Int32Array.from(p.ageDays),
		expected
	});
}

/** `predict_frequency`: repeat_orders (7 = 7+), actual, expected customers. */
export function buildFrequencyTable(rows: FrequencyRow[]): Table {
	return tableFromArrays({
		repeat_orders: Int32Array.from(rows, (r) => r.repeat_orders),
		actual: Float64Array.from(rows, (r) => r.actual),
		expected: Float64Array.from(rows, (r) => r.expected)
	});
}

const epochDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** `predict_tracking`: day_offset, date, actual, expected, period. */
export function buildTrackingTable(rows: TrackingRow[]): Table {
	return new Table({
		day_offset: makeVector(Int32Array.from(rows, (r) => r.day_offset)),
		date: makeVector(
			makeData({
				type: new DateDay(),
				length: rows.length,
				data: Int32Array.from(rows, (r) => epochDay(r.date))
			})
		),
		actual: makeVector(Float64Array.from(rows, (r) => r.actual)),
		expected: makeVector(Float64Array.from(rows, (r) => r.expected)),
		period: utf8Vector(rows.map((r) => r.period))
	});
}
