/**
 * Pure SQL builders for the Predict cell: the per-customer summaries the models need, the grouped
 * sufficient statistics the fit reads, the daily counts for the tracking check, and the queries
 * over the `predictions` table that runPredict writes.
 *
 * A purchase is a customer's purchase day: orders of one customer on the same day count once and
 * their amounts add up (a basket split into several orders is one decision to buy). Only known
 * customers count; the order set is the cell's filtered orders (net: paid orders, refunds taken
 * off; gross: every order), before the as-of date.
 */
import type { Globals } from '../types.ts';
import { filteredOrdersCte } from '../base.ts';
import { dateLiteral, literal } from '../../lib/sql.ts';
import { dayBefore } from './dates.ts';
import { unitDays, type PredictParams } from './params.ts';

/**
 * The last day of the calibration period, inclusive: the param when set, else the last day
 * before the as-of date (no holdout).
 */
export function calibrationEnd(p: PredictParams, g: Globals): string {
	return p.calibrationEnd && /^\d{4}-\d{2}-\d{2}$/.test(p.calibrationEnd)
		? p.calibrationEnd
		: dayBefore(g.asOf);
}

/**
 * CTEs `p_days` (customer, day, value, first_day, in_cal) and `p_customers`: one row per known
 * customer with an order before the as-of date.
 *
 * Times are whole days between purchase days, measured as in Fader, Hardie & Lee (2005): a
 * period's last day is both a day one can buy on and the end of the customer's time T, so a
 * customer whose only purchase is on that day has T = 0. Fitting on T one day longer (to the
 * start of the next day) is what kept the CDNOW estimates from matching the paper.
 *
 * Up to the last day before the as-of date (what the per-customer predictions use):
 * - `x` = purchase days − 1 (repeat purchases); `t_x_days` = days from the first to the last
 *   purchase day; `age_days` (T) = days from the first purchase day to the day before the as-of;
 * - `monetary` = mean value of the repeat purchase days (the first is left out: first orders
 *   often carry a welcome discount); 0 when x = 0.
 * In the calibration period, purchase days up to and including the calibration end (the fit and
 * the holdout check):
 * - `x_cal`, `t_x_cal_days`, `age_cal_days` (T to the calibration end), `monetary_cal`, same
 *   definitions; customers whose first purchase is after the calibration end have
 *   `age_cal_days` = −1 and are not fitted;
 * - `x_holdout` = purchase days after the calibration end, before the as-of date.
 */
function summaryCtes(p: PredictParams, g: Globals): string {
	const cal = dateLiteral(calibrationEnd(p, g));
	return `${filteredOrdersCte(g)},
p_days AS (
	SELECT customer_id, day, value, min(day) OVER (PARTITION BY customer_id) AS first_day,
		day <= ${cal} AS in_cal
	FROM (
		SELECT customer_id, order_time::DATE AS day, sum(amount) AS value
		FROM f_orders
		WHERE known
		GROUP BY customer_id, order_time::DATE
	)
),
p_customers AS (
	SELECT customer_id, first_day,
		(count(*) - 1)::INTEGER AS x,
		date_diff('day', first_day, max(day))::INTEGER AS t_x_days,
		date_diff('day', first_day, ${dateLiteral(dayBefore(g.asOf))})::INTEGER AS age_days,
		coalesce(sum(value) FILTER (WHERE day > first_day) / nullif(count(*) - 1, 0), 0)::DOUBLE
			AS monetary,
		greatest(count(*) FILTER (WHERE in_cal) - 1, 0)::INTEGER AS x_cal,
		coalesce(date_diff('day', first_day, max(day) FILTER (WHERE in_cal)), 0)::INTEGER
			AS t_x_cal_days,
		CASE WHEN first_day <= ${cal} THEN date_diff('day', first_day, ${cal}) ELSE -1 END::INTEGER
			AS age_cal_days,
		coalesce(sum(value) FILTER (WHERE in_cal AND day > first_day)
			/ nullif(count(*) FILTER (WHERE in_cal) - 1, 0), 0)::DOUBLE AS monetary_cal,
		count(*) FILTER (WHERE NOT in_cal)::INTEGER AS x_holdout
	FROM p_days
	GROUP BY customer_id, first_day
)`;
}

/** One row per known customer: see summaryCtes for the columns. */
export function buildCustomerSummarySql(p: PredictParams, g: Globals): string {
	return `WITH ${summaryCtes(p, g)}
SELECT customer_id, x, t_x_days, age_days, monetary, x_cal, t_x_cal_days, age_cal_days,
	monetary_cal, x_holdout
FROM p_customers
ORDER BY customer_id`;
}

/**
 * Stores the summaries as `predict_summary` with a `row_no` (0, 1, … by customer id), so the
 * scores computed in JS come back by row number and customer ids never cross into JS.
 */
export function buildSummaryTableSql(p: PredictParams, g: Globals): string {
	return `CREATE OR REPLACE TABLE predict_summary AS
SELECT (row_number() OVER (ORDER BY customer_id) - 1)::INTEGER AS row_no, *
FROM (${buildCustomerSummarySql(p, g)})`;
}

/** The numeric summaries, in row_no order, for the fit and the scores. */
export const SUMMARY_ARRAYS_SQL = `SELECT x, t_x_days, age_days, monetary, x_cal, t_x_cal_days,
	age_cal_days, monetary_cal, x_holdout
FROM predict_summary
ORDER BY row_no`;

/** Next-order dates further out than this are left empty: "not within a century" is no date. */
const MAX_NEXT_ORDER_DAYS = 36_525;

/**
 * Joins the JS scores (`predict_scores`, by row_no) back to the customers as `predictions`:
 * customer_id, repeat_orders, days_since_last (to the as-of date, as RFM counts it: a purchase
 * the day before is 1 day ago), age_days (T, see summaryCtes), avg_repeat_value (NULL without
 * repeats), p_alive, p_order (≥ 1 order in the next N days), expected_orders (next N days),
 * expected_spend (per order), clv, next_order_date (NULL beyond a century),
 * calibration_repeat_orders, expected_holdout and actual_holdout (NULL without a holdout or for
 * customers who arrived after the calibration end).
 *
 * The model's time ends on the day before the as-of date, so a wait of w days ends on that day
 * + w; the next order date is the first whole day by which it has passed.
 */
export function buildPredictionsSql(g: Globals): string {
	return `CREATE OR REPLACE TABLE predictions AS
SELECT s.customer_id, s.x AS repeat_orders, s.age_days - s.t_x_days + 1 AS days_since_last,
	s.age_days, CASE WHEN s.x > 0 THEN s.monetary END AS avg_repeat_value,
	p.p_alive, p.p_order, p.expected_orders, p.expected_spend, p.clv,
	CASE WHEN p.next_order_days <= ${MAX_NEXT_ORDER_DAYS}
		THEN ${dateLiteral(dayBefore(g.asOf))} + ceil(p.next_order_days)::INTEGER
	END AS next_order_date,
	CASE WHEN s.age_cal_days >= 0 THEN s.x_cal END AS calibration_repeat_orders,
	CASE WHEN NOT isnan(p.expected_holdout) THEN p.expected_holdout END AS expected_holdout,
	CASE WHEN NOT isnan(p.expected_holdout) THEN s.x_holdout END AS actual_holdout
FROM predict_summary s JOIN predict_scores p USING (row_no)
ORDER BY s.customer_id`;
}

/**
 * The fit's sufficient statistics, from `predict_summary`: calibration customers grouped by
 * (x, t_x, T) with `n` customers per group, times in the model unit as fractions (a week is 7
 * days; nothing is rounded, which moved the CDNOW estimates off the paper's). Grouping by whole
 * days is exact and still shrinks a million customers to far fewer rows.
 */
export function buildFitGroupsSql(p: PredictParams): string {
	const u = literal(unitDays(p));
	return `SELECT x_cal::DOUBLE AS x, t_x_cal_days / ${u} AS t_x, age_cal_days / ${u} AS t_cal,
	count(*)::DOUBLE AS n
FROM predict_summary
WHERE age_cal_days >= 0
GROUP BY x_cal, t_x_cal_days, age_cal_days
ORDER BY x, t_x, t_cal`;
}

/**
 * For the tracking check, per day (as days from the calibration end, 0 on it, negative before):
 * calibration customers' first purchases (`new_customers`) and repeat purchases (`repeats`), up
 * to the as-of date.
 */
export function buildDailyPurchasesSql(p: PredictParams, g: Globals): string {
	const cal = dateLiteral(calibrationEnd(p, g));
	return `WITH ${summaryCtes(p, g)}
SELECT date_diff('day', ${cal}, day)::INTEGER AS day_offset,
	count(*) FILTER (WHERE day = first_day)::INTEGER AS new_customers,
	count(*) FILTER (WHERE day > first_day)::INTEGER AS repeats
FROM p_days
WHERE first_day <= ${cal}
GROUP BY day
ORDER BY day`;
}
