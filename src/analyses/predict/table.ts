/**
 * Arrow tables the Predict cell writes into DuckDB: the scores by row number (joined back to the
 * customers in SQL, see buildPredictionsSql) and the two checks, so everything can be charted,
 * joined and listed with plain SQL.
 */
import { DateDay, Table, makeData, makeVector, tableFromArrays } from 'apache-arrow';
import { utf8Vector } from '../../engine/arrow-build.ts';
import type { Scores } from './score.ts';
import type { FrequencyRow, TrackingRow } from './checks.ts';

/** `predict_scores`: row_no plus every score array, as DOUBLE (NaN where a score is undefined). */
export function buildScoresTable(s: Scores): Table {
	return tableFromArrays({
		row_no: Int32Array.from({ length: s.pAlive.length }, (_, i) => i),
		p_alive: s.pAlive,
		p_order: s.pOrder,
		expected_orders: s.expectedOrders,
		expected_spend: s.expectedSpend,
		clv: s.clv,
		next_order_days: s.nextOrderDays,
		expected_holdout: s.expectedHoldout
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
