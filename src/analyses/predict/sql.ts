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
import { unitDays, type PredictParams } from './params.ts';

/** The calibration end: the param when set, else the as-of date (no holdout). */
export function calibrationEnd(p: PredictParams, g: Globals): string {
	return p.calibrationEnd && /^\d{4}-\d{2}-\d{2}$/.test(p.calibrationEnd)
		? p.calibrationEnd
		: g.asOf;
}

/**
 * CTEs `p_days` (customer, day, value, first_day, in_cal) and `p_customers`: one row per known
 * customer with an order before the as-of date.
 *
 * As of the as-of date (what the per-customer predictions use):
 * - `x` = purchase days − 1 (repeat purchases); `t_x_days` = days from the first to the last
 *   purchase day; `age_days` = days from the first purchase day to the as-of date (≥ 1);
 * - `monetary` = mean value of the repeat purchase days (the first is left out: first orders
 *   often carry a welcome discount); 0 when x = 0.
 * In the calibration period, orders before the calibration end (the fit and the holdout check):
 * - `x_cal`, `t_x_cal_days`, `age_cal_days`, `monetary_cal`, same definitions; customers whose
 *   first purchase is on or after the calibration end have `age_cal_days` = −1 and are not fitted;
 * - `x_holdout` = purchase days from the calibration end up to the as-of date.
 */
function summaryCtes(p: PredictParams, g: Globals): string {
	const cal = dateLiteral(calibrationEnd(p, g));
	return `${filteredOrdersCte(g)},
p_days AS (
	SELECT customer_id, day, value, min(day) OVER (PARTITION BY customer_id) AS first_day,
		day < ${cal} AS in_cal
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
		date_diff('day', first_day, ${dateLiteral(g.asOf)})::INTEGER AS age_days,
		coalesce(sum(value) FILTER (WHERE day > first_day) / nullif(count(*) - 1, 0), 0)::DOUBLE
			AS monetary,
		greatest(count(*) FILTER (WHERE in_cal) - 1, 0)::INTEGER AS x_cal,
		coalesce(date_diff('day', first_day, max(day) FILTER (WHERE in_cal)), 0)::INTEGER
			AS t_x_cal_days,
		CASE WHEN first_day < ${cal} THEN date_diff('day', first_day, ${cal}) ELSE -1 END::INTEGER
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
 * The fit's sufficient statistics: calibration customers grouped by (x, t_x, T) with times in
 * the model unit, rounded to whole units, and `n` customers per group. With weeks, rounding moves
 * a time by at most half a week, which the fit does not notice, while a million customers shrink
 * to a few thousand rows.
 */
export function buildFitGroupsSql(p: PredictParams, g: Globals): string {
	const u = literal(unitDays(p));
	return `WITH ${summaryCtes(p, g)}
SELECT x_cal::DOUBLE AS x, round(t_x_cal_days / ${u})::DOUBLE AS t_x,
	round(age_cal_days / ${u})::DOUBLE AS t_cal, count(*)::DOUBLE AS n
FROM p_customers
WHERE age_cal_days >= 0
GROUP BY ALL
ORDER BY x, t_x, t_cal`;
}

/**
 * For the tracking check, per day (as days from the calibration end, negative before it):
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
WHERE first_day < ${cal}
GROUP BY day
ORDER BY day`;
}
