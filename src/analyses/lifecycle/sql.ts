import type { Globals, SharedCte } from '../types.ts';
import { asOfSql, cteChain, selectionDate, keptAcrossDates } from '../base.ts';
import { literal } from '../../lib/sql.ts';
import { FALLBACK_CYCLE_DAYS, type LifecycleParams } from './params.ts';

/** Stage codes in display order. */
const STAGES = ['new', 'active', 'dormant', 'churned'];

/** A non-negative number for SQL; anything else (NaN, negative, text from a saved link) is 0. */
const nonNegative = (n: unknown): number =>
	typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
const monthCount = (n: unknown): number => Math.min(Math.max(Math.round(nonNegative(n)), 1), 120);

/**
 * `days`: one row per known customer and order day (several orders on one day are one visit, so
 * split orders do not make a 0-day cycle), with the customer's next order day (`next_day`, NULL
 * for the last). It does not depend on the cell's parameters, so the notebook keeps it as a table.
 */
export function sharedDays(g: Globals): SharedCte {
	const body = `
	SELECT customer_id, day, lead(day) OVER (PARTITION BY customer_id ORDER BY day) AS next_day
	FROM (SELECT customer_id, order_time::DATE AS day FROM f_orders WHERE known GROUP BY ALL)
`;
	const asOf = asOfSql(g);
	// A customer's order days before the as-of date are the first of all their days; only the
	// last of them loses its next day, which is on or after the date.
	return keptAcrossDates(g, {
		name: 'days',
		body,
		firstOrders: true,
		read: (table) => `
	SELECT customer_id, day, CASE WHEN next_day < ${asOf} THEN next_day END AS next_day
	FROM ${table}
	WHERE day < ${asOf}
`
	});
}

/** Adds `rule`: the repurchase cycle and the thresholds derived from it, one row. */
function ruleCtes(p: LifecycleParams, g: Globals): string {
	const cycle = nonNegative(p.cycleDays);
	const cycleSql =
		cycle > 0 ? literal(cycle) : `coalesce(median_gap, ${literal(FALLBACK_CYCLE_DAYS)})`;
	const sourceSql =
		cycle > 0 ? `'set'` : `CASE WHEN median_gap IS NULL THEN 'fallback' ELSE 'median' END`;
	const threshold = (override: unknown, multiple: unknown) =>
		nonNegative(override) > 0
			? literal(nonNegative(override))
			: `round(cycle_days * ${literal(nonNegative(multiple))})`;
	return `${cteChain(sharedDays(g))},
gaps AS (
	SELECT date_diff('day', day, next_day) AS gap
	FROM days
),
measured AS (
	SELECT median(gap) AS median_gap, count(gap) AS gaps FROM gaps
),
cycle AS (
	SELECT ${cycleSql}::DOUBLE AS cycle_days, ${sourceSql} AS cycle_source, median_gap, gaps
	FROM measured
),
rule AS (
	SELECT cycle_days, cycle_source, median_gap, gaps,
		${threshold(p.activeDays, p.activeMultiple)}::DOUBLE AS active_days,
		${threshold(p.dormantDays, p.dormantMultiple)}::DOUBLE AS dormant_days,
		${literal(nonNegative(p.newDays))}::DOUBLE AS new_days
	FROM cycle
)`;
}

/** The stage of a customer at `at`, from their first and last order day before it. */
const stageCase = (first: string, last: string, at: string) => `CASE
		WHEN date_diff('day', ${first}, ${at}) <= rule.new_days THEN 'new'
		WHEN date_diff('day', ${last}, ${at}) <= rule.active_days THEN 'active'
		WHEN date_diff('day', ${last}, ${at}) <= rule.dormant_days THEN 'dormant'
		ELSE 'churned'
	END`;

/** Adds `staged`: one row per known customer with their stage at the as-of date. */
function stagedCtes(p: LifecycleParams, g: Globals): string {
	return `${ruleCtes(p, g)},
customer AS (
	SELECT f.customer_id, any_value(c.first_time)::DATE AS first_day,
		max(f.order_time)::DATE AS last_day, count(*) AS orders, sum(f.amount) AS revenue
	FROM f_orders f
	JOIN c_first c ON c.customer_id = f.customer_id
	GROUP BY f.customer_id
),
staged AS (
	SELECT customer.*, date_diff('day', last_day, ${asOfSql(g)}) AS days_since_last,
		${stageCase('first_day', 'last_day', asOfSql(g))} AS stage
	FROM customer, rule
)`;
}

/**
 * Adds `snaps` (month starts: k = 0 is the as-of month's start, k = n the start n months back)
 * and `snap_staged`: each known customer's stage at each snapshot, from order days before it.
 * A snapshot at a month's start is the state at the end of the month before. A customer's last
 * order day before a snapshot is the one day whose next order day is at or after it (or none):
 * one row per customer and snapshot, where taking the latest of all earlier days grouped every
 * (customer, snapshot, day); `next_day` is also their first order day from the snapshot on.
 *
 * Each order day lists the snapshots it is the last day before, by month count from the as-of
 * month: after its month (k below the months from the day to the as-of date) and up to the month
 * of the next order day (k at least the months from that day). Joining the days to the snapshots
 * on the range instead met the first orders after it, and DuckDB kept every customer's row of
 * every snapshot in that join's hash table (1M orders: 3.8M rows, 180 MB more memory).
 */
function snapshotCtes(p: LifecycleParams, g: Globals): string {
	const asOf = asOfSql(g);
	const months = monthCount(p.months);
	return `${ruleCtes(p, g)},
snaps AS (
	SELECT k, (date_trunc('month', ${asOf}) - to_months(k::INTEGER))::DATE AS snap
	FROM range(0, ${literal(months + 1)}) AS t(k)
),
day_snaps AS (
	SELECT days.customer_id, c_first.first_time::DATE AS first_day, days.day AS last_day,
		days.next_day,
		unnest(range(
			greatest(coalesce(date_diff('month', days.next_day, ${asOf}), 0), 0),
			least(date_diff('month', days.day, ${asOf}), ${literal(months + 1)})
		)) AS k
	FROM days
	JOIN c_first ON c_first.customer_id = days.customer_id
),
snap_customer AS (
	SELECT snaps.k, snaps.snap, day_snaps.customer_id, day_snaps.first_day, day_snaps.last_day,
		day_snaps.next_day
	FROM day_snaps
	JOIN snaps ON snaps.k = day_snaps.k
),
snap_staged AS (
	SELECT snap_customer.*, ${stageCase('first_day', 'last_day', 'snap')} AS stage
	FROM snap_customer, rule
)`;
}

const stageValues = `(VALUES ${STAGES.map((s, i) => `(${literal(s)}, ${literal(i + 1)})`).join(', ')}) AS stages(stage, ord)`;

/** The cycle and thresholds in force, one row, so the rule can be shown next to the numbers. */
export function buildRuleSql(p: LifecycleParams, g: Globals): string {
	return `WITH ${ruleCtes(p, g)}
SELECT cycle_days, cycle_source, median_gap, gaps::INTEGER AS gaps, active_days, dormant_days, new_days
FROM rule`;
}

/**
 * Customers, orders and revenue per stage at the as-of date. Unknown customers add one row with
 * revenue only. Shares: customers of known customers, revenue of all revenue.
 */
export function buildStagesSql(p: LifecycleParams, g: Globals): string {
	return `WITH ${stagedCtes(p, g)},
per_stage AS (
	SELECT stages.stage, stages.ord, count(staged.customer_id)::INTEGER AS customers,
		coalesce(sum(staged.orders), 0)::INTEGER AS orders, coalesce(sum(staged.revenue), 0) AS revenue,
		avg(staged.days_since_last) AS avg_days_since_last
	FROM ${stageValues} LEFT JOIN staged ON staged.stage = stages.stage
	GROUP BY ALL
),
unknown_customers AS (
	SELECT 'unknown' AS stage, 5 AS ord, NULL::INTEGER AS customers, count(*)::INTEGER AS orders,
		sum(amount) AS revenue, NULL::DOUBLE AS avg_days_since_last
	FROM f_orders
	WHERE NOT known
	HAVING count(*) > 0
),
all_rows AS (SELECT * FROM per_stage UNION ALL SELECT * FROM unknown_customers)
SELECT stage, customers,
	customers / nullif(sum(customers) OVER (), 0) AS customer_share,
	orders, revenue,
	revenue / nullif(sum(revenue) OVER (), 0) AS revenue_share,
	avg_days_since_last
FROM all_rows
ORDER BY ord`;
}

/**
 * Customers per stage at each of the last `months` month ends (every stage, zeros included).
 * Counted per snapshot and stage before meeting the grid: a join keeping every customer's row
 * of every snapshot in a hash table took 0.8 GB more memory on 5M orders.
 */
export function buildTrendSql(p: LifecycleParams, g: Globals): string {
	const months = literal(monthCount(p.months));
	return `WITH ${snapshotCtes(p, g)},
counts AS (
	SELECT k, stage, count(*) AS customers
	FROM snap_staged
	WHERE k < ${months}
	GROUP BY k, stage
)
SELECT (snaps.snap - 1) AS month_end, stages.stage,
	coalesce(counts.customers, 0)::INTEGER AS customers
FROM snaps CROSS JOIN ${stageValues}
LEFT JOIN counts ON counts.k = snaps.k AND counts.stage = stages.stage
WHERE snaps.k < ${months}
ORDER BY month_end, stages.ord`;
}

/**
 * Per complete month M: customers dormant at M's start, how many ordered during M, and the
 * rate. Only months that ended by the as-of date (k ≥ 1), so no month is cut short.
 */
export function buildReactivationSql(p: LifecycleParams, g: Globals): string {
	return `WITH ${snapshotCtes(p, g)},
dormant AS (
	SELECT k, count(*) AS customers,
		count(*) FILTER (WHERE next_day < snap + INTERVAL 1 MONTH) AS reactivated
	FROM snap_staged
	WHERE stage = 'dormant' AND k >= 1
	GROUP BY k
)
SELECT snaps.snap AS month, coalesce(dormant.customers, 0)::INTEGER AS dormant_at_start,
	coalesce(dormant.reactivated, 0)::INTEGER AS reactivated,
	dormant.reactivated / nullif(dormant.customers, 0) AS reactivation_rate
FROM snaps LEFT JOIN dormant ON dormant.k = snaps.k
WHERE snaps.k >= 1
ORDER BY month`;
}

/** Customers in one stage at the as-of date. */
export function buildStageCustomersSql(p: LifecycleParams, g: Globals, stage: string): string {
	return `WITH ${stagedCtes(p, g)}
SELECT customer_id, stage, first_day AS first_order, last_day AS last_order, days_since_last,
	orders::INTEGER AS orders, revenue
FROM staged
WHERE stage = ${literal(stage)}
ORDER BY days_since_last, customer_id`;
}

/** Customers in one stage at a month end (`monthEnd`: the month's last day, as drilled). */
export function buildSnapshotCustomersSql(
	p: LifecycleParams,
	g: Globals,
	monthEnd: unknown,
	stage: string
): string {
	return `WITH ${snapshotCtes(p, g)}
SELECT customer_id, stage, first_day AS first_order, last_day AS last_order,
	date_diff('day', last_day, snap) AS days_since_last
FROM snap_staged
WHERE snap = ${selectionDate(monthEnd)} + 1 AND stage = ${literal(stage)}
ORDER BY days_since_last, customer_id`;
}

/** Customers dormant at the start of `month` (its first day, as drilled), and whether they ordered in it. */
export function buildDormantCustomersSql(p: LifecycleParams, g: Globals, month: unknown): string {
	return `WITH ${snapshotCtes(p, g)}
SELECT customer_id, first_day AS first_order, last_day AS last_order,
	date_diff('day', last_day, snap) AS days_since_last,
	coalesce(next_day < snap + INTERVAL 1 MONTH, FALSE) AS reactivated
FROM snap_staged
WHERE snap = ${selectionDate(month)} AND stage = 'dormant'
ORDER BY reactivated DESC, customer_id`;
}
