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
 * CTEs `members` (cohort, period start, and `done` = how many of their periods have ended by the
 * end of the data), `member_periods` (orders and revenue per member and period k) and
 * `second_orders` (the period of each member's second order).
 *
 * Period k of a member starts k weeks (week cohorts, weeks from Monday) or calendar months after
 * the start of the week/month of their first order, and is over when its end is on or before the
 * end of the data. Every member's own periods are used, so for cohorts by channel etc. a cell
 * counts only the members whose period k is over (right-censoring per customer); for time
 * cohorts all members share the periods and a cell is complete or masked.
 */
function memberCtes(p: CohortParams, g: Globals): string {
	const weeks = p.key === 'week';
	const cohort = weeks
		? `strftime(start, '%Y-%m-%d')`
		: (DIMENSIONS.find((d) => d === p.key) ?? `strftime(start, '%Y-%m')`);
	const periodOf = (day: string) =>
		weeks ? `date_diff('day', m.start, ${day}) // 7` : `date_diff('month', m.start, ${day})`;
	return `WITH ${acquiredCtes(g, p.key === 'category')},
members AS (
	SELECT customer_id, first_time, start, ${cohort} AS cohort, ${periodOf(dataEndSql(g))} AS done
	FROM (
		SELECT *, date_trunc(${literal(weeks ? 'week' : 'month')}, first_time)::DATE AS start
		FROM acquired
	) m
),
member_periods AS (
	SELECT f.customer_id, ${periodOf('f.order_time::DATE')} AS k, count(*) AS orders,
		sum(f.amount) AS revenue
	FROM f_orders f
	JOIN members m USING (customer_id)
	GROUP BY ALL
),
second_orders AS (
	SELECT f.customer_id, ${periodOf('(min(f.order_time, 2)[2])::DATE')} AS k
	FROM f_orders f
	JOIN members m USING (customer_id)
	GROUP BY f.customer_id, m.start
	HAVING count(*) >= 2
)`;
}

/**
 * One row per cohort and period: members, eligible members (period over), active ones,
 * retention, cumulative repurchase share and cumulative revenue per customer. Masked cells are
 * NULL. Members are counted in groups of equal `done`, so the work grows with cohorts × periods,
 * not customers × periods. `fromPeriod` 1 leaves out period 0, where every finished cohort is
 * 100% active by definition (for the retention heatmap, so its colours show the later periods).
 */
export function buildCohortSql(p: CohortParams, g: Globals, fromPeriod: 0 | 1 = 0): string {
	const n = periodCount(p.periods);
	return `${memberCtes(p, g)},
sizes AS (
	SELECT cohort, done, count(*) AS members FROM members GROUP BY ALL
),
activity AS (
	SELECT m.cohort, m.done, mp.k, count(*) AS active, sum(mp.revenue) AS revenue
	FROM member_periods mp
	JOIN members m USING (customer_id)
	WHERE mp.k <= ${literal(n)}
	GROUP BY ALL
),
repeats AS (
	SELECT m.cohort, m.done, s.k, count(*) AS repeaters
	FROM second_orders s
	JOIN members m USING (customer_id)
	WHERE s.k <= ${literal(n)}
	GROUP BY ALL
),
cells AS (
	SELECT s.cohort, s.done, s.members, k.k, coalesce(a.active, 0) AS active,
		sum(coalesce(r.repeaters, 0)) OVER w AS repeaters_cum,
		sum(coalesce(a.revenue, 0)) OVER w AS revenue_cum
	FROM sizes s
	CROSS JOIN range(0, ${literal(n + 1)}) k(k)
	LEFT JOIN activity a ON a.cohort = s.cohort AND a.done = s.done AND a.k = k.k
	LEFT JOIN repeats r ON r.cohort = s.cohort AND r.done = s.done AND r.k = k.k
	WINDOW w AS (PARTITION BY s.cohort, s.done ORDER BY k.k)
),
totals AS (
	SELECT cohort, k AS period, sum(members)::BIGINT AS customers,
		coalesce(sum(members) FILTER (WHERE done > k), 0)::BIGINT AS eligible,
		coalesce(sum(active) FILTER (WHERE done > k), 0)::BIGINT AS active,
		sum(repeaters_cum) FILTER (WHERE done > k) AS repeaters_cum,
		sum(revenue_cum) FILTER (WHERE done > k) AS revenue_cum
	FROM cells
	GROUP BY cohort, k
)
SELECT cohort, period, customers, eligible, active,
	active / nullif(eligible, 0) AS retention,
	repeaters_cum / nullif(eligible, 0) AS repurchase_cum,
	revenue_cum / nullif(eligible, 0) AS ltv_cum
FROM totals${
		fromPeriod
			? `
WHERE period >= ${literal(fromPeriod)}`
			: ''
	}
ORDER BY cohort, period`;
}

/** Members of a cohort; with a period, only those who ordered in it (with that period's orders). */
export function buildCohortCustomersSql(
	p: CohortParams,
	g: Globals,
	selection: Record<string, unknown>
): string {
	const n = periodCount(p.periods);
	const hasPeriod = selection.period !== undefined && selection.period !== null;
	return `${memberCtes(p, g)}
SELECT m.customer_id, m.cohort, ${hasPeriod ? 'mp.k AS period, mp.orders, mp.revenue, ' : ''}t.revenue_followed
FROM members m${
		hasPeriod
			? `
JOIN member_periods mp ON mp.customer_id = m.customer_id AND mp.k = ${literal(Number(selection.period))}`
			: ''
	}
LEFT JOIN (
	SELECT customer_id, sum(revenue) AS revenue_followed
	FROM member_periods
	WHERE k <= ${literal(n)}
	GROUP BY customer_id
) t ON t.customer_id = m.customer_id
WHERE m.cohort = ${literal(String(selection.cohort))}
ORDER BY t.revenue_followed DESC, m.customer_id`;
}
