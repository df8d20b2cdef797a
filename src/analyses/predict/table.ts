/**
 * Arrow tables the Predict cell writes into DuckDB, so predictions can be charted, joined (RFM,
 * exports) and listed with plain SQL. Built column-wise from typed arrays.
 */
import {
	DateDay,
	Float64,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableFromArrays,
	vectorFromArray,
	type Vector
} from 'apache-arrow';
import type { CustomerArrays, Scores } from './score.ts';
import type { FrequencyRow, TrackingRow } from './checks.ts';

/** Next-order dates further out than this are left empty: "not within a century" is no date. */
const MAX_NEXT_ORDER_DAYS = 36_525;

const epochDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** A DOUBLE column where NaN becomes NULL. */
function nullableFloats(values: Float64Array): Vector {
	const bitmap = new Uint8Array((values.length + 7) >> 3);
	let nulls = 0;
	for (let i = 0; i < values.length; i++) {
		if (Number.isNaN(values[i])) nulls++;
		else bitmap[i >> 3] |= 1 << (i & 7);
	}
	return makeVector(
		makeData({
			type: new Float64(),
			length: values.length,
			data: values,
			nullBitmap: bitmap,
			nullCount: nulls
		})
	);
}

/** A DATE column from day offsets after `iso`; non-finite offsets become NULL. */
function datesAfter(iso: string, offsets: Float64Array): Vector {
	const base = epochDay(iso);
	const days = new Int32Array(offsets.length);
	const bitmap = new Uint8Array((offsets.length + 7) >> 3);
	let nulls = 0;
	for (let i = 0; i < offsets.length; i++) {
		const d = Math.round(offsets[i]);
		if (Number.isFinite(d) && d <= MAX_NEXT_ORDER_DAYS) {
			days[i] = base + d;
			bitmap[i >> 3] |= 1 << (i & 7);
		} else nulls++;
	}
	return makeVector(
		makeData({
			type: new DateDay(),
			length: days.length,
			data: days,
			nullBitmap: bitmap,
			nullCount: nulls
		})
	);
}

const ints = (values: ArrayLike<number>) => makeVector(Int32Array.from(values));
const floats = (values: Float64Array) => makeVector(values);

/**
 * The `predictions` table, one row per known customer:
 * customer_id, repeat_orders, days_since_last, age_days, avg_repeat_value (NULL without repeats),
 * p_alive, p_order (≥ 1 order in the next N days), expected_orders (next N days), expected_spend
 * (per order), clv, next_order_date (NULL beyond a century), calibration_repeat_orders (NULL for
 * customers who arrived after the calibration end), expected_holdout, actual_holdout (NULL
 * without a holdout or outside the calibration set).
 */
export function buildPredictionsTable(
	ids: string[],
	c: CustomerArrays & { xHoldout: ArrayLike<number> },
	s: Scores,
	asOf: string
): Table {
	const n = ids.length;
	const sinceLast = new Int32Array(n);
	const avgRepeat = new Float64Array(n);
	const calRepeats = new Float64Array(n);
	const actualHoldout = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		sinceLast[i] = c.ageDays[i] - c.txDays[i];
		avgRepeat[i] = c.x[i] > 0 ? c.monetary[i] : NaN;
		const inCal = c.ageCalDays[i] >= 0;
		calRepeats[i] = inCal ? c.xCal[i] : NaN;
		actualHoldout[i] = Number.isNaN(s.expectedHoldout[i]) ? NaN : c.xHoldout[i];
	}
	return new Table({
		customer_id: vectorFromArray(ids, new Utf8()),
		repeat_orders: ints(c.x),
		days_since_last: makeVector(sinceLast),
		age_days: ints(c.ageDays),
		avg_repeat_value: nullableFloats(avgRepeat),
		p_alive: floats(s.pAlive),
		p_order: floats(s.pOrder),
		expected_orders: floats(s.expectedOrders),
		expected_spend: floats(s.expectedSpend),
		clv: floats(s.clv),
		next_order_date: datesAfter(asOf, s.nextOrderDays),
		calibration_repeat_orders: nullableFloats(calRepeats),
		expected_holdout: nullableFloats(s.expectedHoldout),
		actual_holdout: nullableFloats(actualHoldout)
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

/** `predict_tracking`: day_offset, date, actual, expected, period. */
export function buildTrackingTable(rows: TrackingRow[], calibrationEnd: string): Table {
	return new Table({
		day_offset: makeVector(Int32Array.from(rows, (r) => r.day_offset)),
		date: datesAfter(
			calibrationEnd,
			Float64Array.from(rows, (r) => r.day_offset)
		),
		actual: makeVector(Float64Array.from(rows, (r) => r.actual)),
		expected: makeVector(Float64Array.from(rows, (r) => r.expected)),
		period: vectorFromArray(
			rows.map((r) => r.period),
			new Utf8()
		)
	});
}
