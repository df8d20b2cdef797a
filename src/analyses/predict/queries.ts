/**
 * Pure SQL over the tables runPredict writes (`predictions`, `predict_frequency`,
 * `predict_tracking`): the cell's charts and its customer lists.
 */
import type { Globals } from '../types.ts';
import { defaults as rfmDefaults } from '../rfm/params.ts';
import { rfmSegmentsSql } from '../rfm/sql.ts';
import { literal } from '../../lib/sql.ts';
import { FREQUENCY_BUCKETS } from './checks.ts';

/** Days-since-last-order buckets of the P(alive) heatmap: ≤ 30, ≤ 90, ≤ 180, ≤ 365, more. */
export const RECENCY_BUCKETS = [30, 90, 180, 365];
/** CLV histogram: this many equal bins up to the 99th percentile, plus one for the rest. */
const CLV_BINS = 20;
/** Value tiers by CLV rank: top 20 % high, next 30 % medium, the rest low. */
const HIGH_SHARE = 0.2;
const MEDIUM_SHARE = 0.5;
/** Win-back list: customers who came back before, now less likely than this to be active. */
export const WIN_BACK_P_ALIVE = 0.5;
/** Rows the win-back table shows; the full list comes from its drill-down. */
const WIN_BACK_ROWS = 200;

const frequencyBucket = (col: string) => `least(${col}, ${FREQUENCY_BUCKETS})::INTEGER`;

const recencyBucket = (col: string) =>
	`CASE ${RECENCY_BUCKETS.map((d, i) => `WHEN ${col} <= ${literal(d)} THEN ${i + 1}`).join(' ')} ELSE ${RECENCY_BUCKETS.length + 1} END`;

/**
 * A comment naming the run that wrote the tables: FNV-1a of the params and globals, in hex. The
 * notebook caches results by SQL text and these queries read tables that change with every run,
 * so the text must change with what produced them. Hex only: nothing typed reaches the SQL.
 */
export function runTag(params: unknown, g: Globals): string {
	let h = 0x811c9dc5;
	for (const ch of JSON.stringify([params, g])) {
		h ^= ch.codePointAt(0)!;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return `/* predict run ${h.toString(16).padStart(8, '0')} */\n`;
}

/** Columns of every customer list (drill-downs and exports). */
const LIST_COLUMNS = `customer_id, p_alive, p_order, expected_orders, expected_spend, clv,
	next_order_date, repeat_orders, days_since_last, avg_repeat_value`;

/** Calibration-period customers by repeat purchases: actual count and model's expected count. */
export function buildFrequencyCheckSql(): string {
	return `SELECT repeat_orders, 'actual' AS series, actual AS customers FROM predict_frequency
UNION ALL
SELECT repeat_orders, 'expected' AS series, expected AS customers FROM predict_frequency
ORDER BY repeat_orders, series`;
}

/**
 * Holdout orders per customer by calibration repeat purchases (0 … 7+), actual against the
 * model's conditional expectation. Empty without a holdout period.
 */
export function buildHoldoutCheckSql(): string {
	const bucket = frequencyBucket('calibration_repeat_orders');
	return `SELECT ${bucket} AS repeat_orders, 'actual' AS series,
	avg(actual_holdout) AS orders_per_customer, count(*) AS customers
FROM predictions WHERE expected_holdout IS NOT NULL GROUP BY ALL
UNION ALL
SELECT ${bucket} AS repeat_orders, 'expected' AS series,
	avg(expected_holdout) AS orders_per_customer, count(*) AS customers
FROM predictions WHERE expected_holdout IS NOT NULL GROUP BY ALL
ORDER BY repeat_orders, series`;
}

/** Cumulative repeat purchases of calibration customers, actual and expected, by date. */
export function buildTrackingSql(): string {
	return `SELECT date, 'actual' AS series, actual AS repeat_orders, period FROM predict_tracking
UNION ALL
SELECT date, 'expected' AS series, expected AS repeat_orders, period FROM predict_tracking
ORDER BY date, series`;
}

/** Mean P(alive) by repeat purchases (0 … 7+) and days since the last purchase (buckets 1–5). */
export function buildAliveHeatmapSql(): string {
	return `SELECT ${frequencyBucket('repeat_orders')} AS repeat_orders,
	${recencyBucket('days_since_last')} AS recency,
	avg(p_alive) AS p_alive, count(*) AS customers
FROM predictions
GROUP BY ALL
ORDER BY repeat_orders, recency`;
}

const clvBinsCte = `clv_bins AS (
	SELECT greatest(quantile_cont(clv, 0.99), 1e-9) / ${CLV_BINS} AS width, median(clv) AS median_clv
	FROM predictions
)`;
const clvBin = `least(floor(clv / clv_bins.width), ${CLV_BINS})`;

/** CLV histogram: equal bins to the 99th percentile, the last bin holding everything above. */
export function buildClvHistogramSql(): string {
	return `WITH ${clvBinsCte}
SELECT ${clvBin} * clv_bins.width AS clv_from, clv_bins.width AS bin_width,
	count(*) AS customers, sum(clv) AS clv_total, clv_bins.median_clv AS median_clv
FROM predictions, clv_bins
GROUP BY ALL
ORDER BY clv_from`;
}

const valueTier = `CASE
		WHEN percent_rank() OVER (ORDER BY clv DESC) < ${HIGH_SHARE} THEN 'high'
		WHEN percent_rank() OVER (ORDER BY clv DESC) < ${MEDIUM_SHARE} THEN 'medium'
		ELSE 'low'
	END`;

/** Predicted value tiers (by CLV rank) against the RFM segments at the same as-of date. */
export function buildValueSegmentsSql(g: Globals): string {
	return `WITH tiers AS (SELECT customer_id, clv, p_alive, ${valueTier} AS value_tier FROM predictions)
SELECT t.value_tier, s.segment, count(*) AS customers, sum(t.clv) AS clv, avg(t.p_alive) AS p_alive
FROM tiers t JOIN (${rfmSegmentsSql(rfmDefaults, g)}) s USING (customer_id)
GROUP BY ALL
ORDER BY t.value_tier, s.segment`;
}

const winBackWhere = `repeat_orders >= 1 AND p_alive < ${literal(WIN_BACK_P_ALIVE)}`;
const winBackOrder = 'repeat_orders * avg_repeat_value DESC, customer_id';

/**
 * Customers to win back now: they bought more than once (so they were loyal) but are now less
 * likely than not to be active; the most valuable in the past first.
 */
export function buildWinBackSql(): string {
	return `SELECT ${LIST_COLUMNS} FROM predictions
WHERE ${winBackWhere}
ORDER BY ${winBackOrder}
LIMIT ${WIN_BACK_ROWS}`;
}

/** The customers behind one mark of a chart, with their predictions. */
export function buildPredictCustomersSql(
	g: Globals,
	queryId: string,
	sel: Record<string, unknown>
): string {
	const num = (k: string) => literal(Number(sel[k]));
	switch (queryId) {
		case 'alive-heatmap':
			return `SELECT ${LIST_COLUMNS} FROM predictions
WHERE ${frequencyBucket('repeat_orders')} = ${num('repeat_orders')}
	AND ${recencyBucket('days_since_last')} = ${num('recency')}
ORDER BY clv DESC, customer_id`;
		case 'frequency-check':
		case 'holdout-check':
			return `SELECT ${LIST_COLUMNS} FROM predictions
WHERE ${frequencyBucket('calibration_repeat_orders')} = ${num('repeat_orders')}
ORDER BY clv DESC, customer_id`;
		case 'clv-distribution':
			return `WITH ${clvBinsCte}
SELECT ${LIST_COLUMNS} FROM predictions, clv_bins
WHERE ${clvBin} = round(${num('clv_from')} / clv_bins.width)
ORDER BY clv DESC, customer_id`;
		case 'value-segments':
			return `WITH tiers AS (SELECT *, ${valueTier} AS value_tier FROM predictions)
SELECT ${LIST_COLUMNS} FROM tiers JOIN (${rfmSegmentsSql(rfmDefaults, g)}) s USING (customer_id)
WHERE value_tier = ${literal(String(sel.value_tier))} AND s.segment = ${literal(String(sel.segment))}
ORDER BY clv DESC, customer_id`;
		case 'win-back':
			return `SELECT ${LIST_COLUMNS} FROM predictions WHERE ${winBackWhere} ORDER BY ${winBackOrder}`;
		default:
			throw new Error(`predict: no customer list for query ${queryId}`);
	}
}
