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
import { dateLiteral, doubleLiteral, literal } from '../../lib/sql.ts';
import type { BgNbdParams, GammaGammaParams } from './model.ts';
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
 * Stores the summaries as `predict_summary` with a `row_no` (0, 1, … by customer id), the order
 * the spend model reads its customers in (SPEND_SQL). Customer ids never cross into JS.
 */
export function buildSummaryTableSql(p: PredictParams, g: Globals): string {
	return `CREATE OR REPLACE TABLE predict_summary AS
SELECT (row_number() OVER (ORDER BY customer_id) - 1)::INTEGER AS row_no, *
FROM (${buildCustomerSummarySql(p, g)})`;
}

/**
 * The spend model's data: each repeat calibration customer's repeat purchases and mean repeat
 * value, in row_no order (the fit sums in this order, so it gives the same estimates every run).
 */
export const SPEND_SQL = `SELECT x_cal::DOUBLE AS x, monetary_cal AS mbar
FROM predict_summary
WHERE x_cal > 0 AND age_cal_days >= 0
ORDER BY row_no`;

/**
 * One row about all customers: how many there are, the longest calibration history in days
 * (`history`, 0 when nobody is in the calibration period) and the typical gap between purchases
 * (`cycle`: the upper median of t_x / x over repeat calibration customers, NULL without any).
 */
export const SUMMARY_FACTS_SQL = `WITH g AS (
	SELECT count(*) AS customers, max(age_cal_days) AS history,
		list_sort(list(t_x_cal_days / x_cal) FILTER (WHERE x_cal > 0 AND age_cal_days >= 0)) AS gaps
	FROM predict_summary
)
SELECT customers::DOUBLE AS customers, greatest(coalesce(history, 0), 0)::DOUBLE AS history,
	CASE WHEN len(gaps) > 0 THEN gaps[len(gaps) // 2 + 1] END AS cycle
FROM g`;

/**
 * Tables of the terms runPredict computes in JS once per distinct pair (see score.ts), read by
 * buildPredictionsSql and dropped once it has run: `predict_pairs` (x, age_days,
 * expected_orders, p_order, value_factor, wait_days) and `predict_holdout_pairs` (x_cal,
 * age_cal_days, expected), the latter only with a holdout period.
 */
export const PAIR_TABLES = { pairs: 'predict_pairs', holdout: 'predict_holdout_pairs' } as const;

/** The distinct (x, age_days) pairs of the customers. */
export const PAIRS_SQL = `SELECT x, age_days FROM predict_summary
GROUP BY x, age_days ORDER BY x, age_days`;

/** The distinct calibration pairs of the customers in the calibration period. */
export const HOLDOUT_PAIRS_SQL = `SELECT x_cal AS x, age_cal_days AS age_days FROM predict_summary
WHERE age_cal_days >= 0 GROUP BY x_cal, age_cal_days ORDER BY x_cal, age_cal_days`;

/** The fitted models, and what the per-customer scores need besides the pair terms. */
export interface ScoreModel {
	bg: BgNbdParams;
	gg: GammaGammaParams;
	unitDays: number;
	margin: number;
	/** Whether there is a holdout period (and so a `predict_holdout_pairs` table). */
	holdout: boolean;
}

/** ln(1 + y) keeping the digits of a small y (DuckDB has no log1p). */
const log1p = (y: string) =>
	`CASE WHEN 1 + ${y} = 1 THEN ${y} ELSE ln(1 + ${y}) * (${y} / ((1 + ${y}) - 1)) END`;

/**
 * P(alive) as model.ts probabilityAlive computes it, from columns of repeat purchases and times
 * in days: 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tx))^(r+x)), the power's log taken as
 * (r+x) · log1p((T−tx)/(α+tx)).
 */
function aliveSql(m: ScoreModel, x: string, txDays: string, ageDays: string): string {
	const { r, alpha, a, b } = m.bg;
	const u = doubleLiteral(m.unitDays);
	const [tx, T] = [`(${txDays} / ${u})`, `(${ageDays} / ${u})`];
	const y = `((${T} - ${tx}) / (${doubleLiteral(alpha)} + ${tx}))`;
	const lnOdds = `ln(${doubleLiteral(a)}) - ln(${doubleLiteral(b)} + ${x} - 1) + (${doubleLiteral(r)} + ${x}) * ${log1p(y)}`;
	return `CASE WHEN ${x} = 0 THEN 1::DOUBLE ELSE 1 / (1 + exp(${lnOdds})) END`;
}

/**
 * E[spend per order | x, mbar] as model.ts expectedSpend computes it: (γ + mbar·x)·p / (px + q − 1),
 * mbar·x taken as 0 without repeats.
 */
function spendSql({ gg }: ScoreModel, x: string, mbar: string): string {
	const [p, q] = [doubleLiteral(gg.p), doubleLiteral(gg.q)];
	return `((${doubleLiteral(gg.gamma)} + CASE WHEN ${x} > 0 THEN ${mbar} * ${x} ELSE 0 END) * ${p}) / (${p} * ${x} + ${q} - 1)`;
}

/** Next-order dates further out than this are left empty: "not within a century" is no date. */
const MAX_NEXT_ORDER_DAYS = 36_525;

/**
 * Scores every customer of `predict_summary` into `predictions`, from the pair terms (see
 * PAIR_TABLES) and each customer's closed-form terms: customer_id, repeat_orders,
 * days_since_last (to the as-of date, as RFM counts it: a purchase the day before is 1 day ago),
 * age_days (T, see summaryCtes), avg_repeat_value (NULL without repeats), p_alive, p_order (≥ 1
 * order in the next N days), expected_orders (next N days), expected_spend (per order), clv
 * (discounted over the CLV horizon, times the margin), next_order_date (NULL beyond a century),
 * calibration_repeat_orders, expected_holdout and actual_holdout (NULL without a holdout or for
 * customers who arrived after the calibration end).
 *
 * The model's time ends on the day before the as-of date, so a wait of w days ends on that day
 * + w; the next order date is the first whole day by which it has passed.
 */
export function buildPredictionsSql(g: Globals, m: ScoreModel): string {
	const holdout = m.holdout
		? `CASE WHEN s.age_cal_days >= 0 THEN ${aliveSql(m, 's.x_cal', 's.t_x_cal_days', 's.age_cal_days')} * h.expected END`
		: 'NULL::DOUBLE';
	const holdoutJoin = m.holdout
		? `LEFT JOIN ${PAIR_TABLES.holdout} h ON h.x_cal = s.x_cal AND h.age_cal_days = s.age_cal_days`
		: '';
	return `CREATE OR REPLACE TABLE predictions AS
WITH scored AS (
	SELECT s.*, t.expected_orders AS orders_if_alive, t.p_order AS p_order_if_alive,
		t.value_factor, t.wait_days, ${aliveSql(m, 's.x', 's.t_x_days', 's.age_days')} AS p_alive,
		${spendSql(m, 's.x', 's.monetary')} AS expected_spend, ${holdout} AS expected_holdout
	FROM predict_summary s JOIN ${PAIR_TABLES.pairs} t ON t.x = s.x AND t.age_days = s.age_days
	${holdoutJoin}
)
SELECT customer_id, x AS repeat_orders, age_days - t_x_days + 1 AS days_since_last,
	age_days, CASE WHEN x > 0 THEN monetary END AS avg_repeat_value,
	p_alive, p_alive * p_order_if_alive AS p_order, p_alive * orders_if_alive AS expected_orders,
	expected_spend, p_alive * value_factor * expected_spend * ${doubleLiteral(m.margin)} AS clv,
	CASE WHEN wait_days <= ${MAX_NEXT_ORDER_DAYS}
		THEN ${dateLiteral(dayBefore(g.asOf))} + ceil(wait_days)::INTEGER
	END AS next_order_date,
	CASE WHEN age_cal_days >= 0 THEN x_cal END AS calibration_repeat_orders,
	CASE WHEN NOT isnan(expected_holdout) THEN expected_holdout END AS expected_holdout,
	CASE WHEN NOT isnan(expected_holdout) THEN x_holdout END AS actual_holdout
FROM scored
ORDER BY customer_id`;
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
