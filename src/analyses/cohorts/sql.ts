import type { Globals } from '../types.ts';
import { dataEndSql } from '../base.ts';
import { literal } from '../../lib/sql.ts';
import { acquiredCtes } from './acquired.ts';
import type { CohortParams } from './params.ts';

/** Cohort keys that name a first-order attribute column of `acquired`. */
const DIMENSIONS = ['channel', 'campaign', 'category', 'province'] as const;

const periodCount = (n: unknown): number =>
	typeof n === 'number' && Number.isFinite(n) ? Math.min(Math.max(Math.round(n), 1), 120) : 12;

/**
 * CTEs up to `cells`: one row per cohort member and period k = 0 … N, with whether period k is
 * complete (ends on or before the end of the data), whether the member ordered in it, whether
 * they had a second order by its end, and their revenue up to its end.
 *
 * Period k of a member starts k weeks (week cohorts, weeks from Monday) or calendar months after
 * the start of the week/month of their first order. Every member's own periods are used, so for
 * cohorts by channel etc. a cell counts only the members whose period k is over (right-censoring
 * per customer); for time cohorts all members share the periods and a cell is complete or masked.
 */
function cellCtes(p: CohortParams, g: Globals): string {
	const weeks = p.key === 'week';
	const n = periodCount(p.periods);
	const cohort = weeks
		? `strftime(start, '%Y-%m-%d')`
		: (DIMENSIONS.find((d) => d === p.key) ?? `strftime(start, '%Y-%m')`);
	const periodEnd = weeks
		? `m.start + CAST(7 * (k.k + 1) AS INTEGER)`
		: `(m.start + to_months(CAST(k.k + 1 AS INTEGER)))::DATE`;
	const orderPeriod = weeks
		? `date_diff('day', m.start, f.order_time::DATE) // 7`
		: `date_diff('month', m.start, f.order_time::DATE)`;
	return `WITH ${acquiredCtes(g, p.key === 'category')},
members AS (
	SELECT *, ${cohort} AS cohort
	FROM (
		SELECT *, date_trunc(${literal(weeks ? 'week' : 'month')}, first_time)::DATE AS start
		FROM acquired
	)
),
member_periods AS (
	SELECT f.customer_id, ${orderPeriod} AS k, count(*) AS orders, sum(f.amount) AS revenue
	FROM f_orders f
	JOIN members m USING (customer_id)
	GROUP BY ALL
),
second_orders AS (
	SELECT customer_id, order_time AS second_time
	FROM f_orders
	WHERE customer_id IN (SELECT customer_id FROM members)
	QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY order_time, order_id) = 2
),
cells AS (
	SELECT m.customer_id, m.cohort, k.k AS period,
		${periodEnd} <= ${dataEndSql(g)} AS complete,
		mp.orders IS NOT NULL AS active,
		coalesce(s.second_time < ${periodEnd}, FALSE) AS repeated,
		sum(coalesce(mp.revenue, 0)) OVER (PARTITION BY m.customer_id ORDER BY k.k) AS cum_revenue,
		mp.orders, mp.revenue
	FROM members m
	CROSS JOIN range(0, ${literal(n + 1)}) k(k)
	LEFT JOIN member_periods mp ON mp.customer_id = m.customer_id AND mp.k = k.k
	LEFT JOIN second_orders s ON s.customer_id = m.customer_id
)`;
}

/**
 * One row per cohort and period: members, eligible members (period complete), retention,
 * cumulative repurchase share and cumulative revenue per customer. Masked cells are NULL.
 */
export function buildCohortSql(p: CohortParams, g: Globals): string {
	return `${cellCtes(p, g)}
SELECT cohort, period, count(*) AS customers,
	count(*) FILTER (WHERE complete) AS eligible,
	count(*) FILTER (WHERE complete AND active) AS active,
	count(*) FILTER (WHERE complete AND active) / nullif(count(*) FILTER (WHERE complete), 0) AS retention,
	count(*) FILTER (WHERE complete AND repeated) / nullif(count(*) FILTER (WHERE complete), 0) AS repurchase_cum,
	sum(cum_revenue) FILTER (WHERE complete) / nullif(count(*) FILTER (WHERE complete), 0) AS ltv_cum
FROM cells
GROUP BY cohort, period
ORDER BY cohort, period`;
}

/** Members of a cohort; with a period, only those who ordered in it (with that period's orders). */
export function buildCohortCustomersSql(
	p: CohortParams,
	g: Globals,
	selection: Record<string, unknown>
): string {
	const where = [`cohort = ${literal(String(selection.cohort))}`];
	const hasPeriod = selection.period !== undefined && selection.period !== null;
	if (hasPeriod) where.push(`period = ${literal(Number(selection.period))}`, 'active');
	return `${cellCtes(p, g)}
SELECT customer_id, cohort, ${hasPeriod ? 'period, orders, revenue, ' : ''}revenue_followed
FROM (SELECT *, max(cum_revenue) OVER (PARTITION BY customer_id) AS revenue_followed FROM cells)
WHERE ${where.join(' AND ')}${hasPeriod ? '' : ' AND period = 0'}
ORDER BY revenue_followed DESC, customer_id`;
}
