import type { Globals, SharedCte } from '../types.ts';
import { beforeAsOf, cteChain, dataEndSql, filteredOrdersCte, keptAcrossDates } from '../base.ts';
import { literal } from '../../lib/sql.ts';
import { acquiredCtes } from '../cohorts/acquired.ts';
import type { RepurchaseParams } from './params.ts';

/** What the breakdown queries group acquired customers by. */
export type Breakdown = 'channel' | 'band' | 'category' | 'province';

const ascending = (xs: unknown): number[] =>
	Array.isArray(xs)
		? [...new Set(xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)))].sort(
				(a, b) => a - b
			)
		: [];

const positive = (n: unknown, fallback: number): number =>
	typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : fallback;

/** Band labels in order: `≤ 70`, `70–140`, `> 140`. */
export function bandLabels(bands: unknown): string[] {
	const b = ascending(bands);
	if (!b.length) return ['all'];
	return [`≤ ${b[0]}`, ...b.slice(1).map((x, i) => `${b[i]}–${x}`), `> ${b[b.length - 1]}`];
}

/** SQL for the band (label, or its 1-based order) of a first-order amount. */
function bandCase(bands: unknown, col: string, what: 'label' | 'order'): string {
	const b = ascending(bands);
	const labels = bandLabels(bands);
	const out = (i: number) => (what === 'label' ? literal(labels[i]) : literal(i + 1));
	if (!b.length) return out(0);
	return `CASE ${b.map((x, i) => `WHEN ${col} <= ${literal(x)} THEN ${out(i)}`).join(' ')} ELSE ${out(b.length)} END`;
}

/**
 * `stats`: acquired customers (see acquiredCtes) with their orders, purchases (orders, or order
 * days when same-day orders count as one) and revenue in the filtered set.
 */
function statsCtes(p: RepurchaseParams, g: Globals, withCategory: boolean): string {
	const purchases = p.sameDayOnePurchase ? 'count(DISTINCT f.order_time::DATE)' : 'count(*)';
	return `WITH ${acquiredCtes(g, withCategory)},
stats AS (
	SELECT a.customer_id, any_value(a.first_time) AS first_time,
		any_value(a.first_amount) AS first_amount, any_value(a.channel) AS channel,
		any_value(a.province) AS province, any_value(a.category) AS category,
		count(*) AS orders, ${purchases} AS purchases, sum(f.amount) AS revenue
	FROM acquired a
	JOIN f_orders f USING (customer_id)
	GROUP BY a.customer_id
)`;
}

const groupExpr = (p: RepurchaseParams, by: Breakdown) =>
	by === 'band' ? bandCase(p.bands, 'first_amount', 'label') : by;

/**
 * Per group of acquired customers: customers, repeat customers (≥ 2 purchases), repeat rate,
 * revenue and its share of all acquired customers' revenue, AOV (per order). Bands in order,
 * other groups by size.
 */
export function buildBreakdownSql(p: RepurchaseParams, g: Globals, by: Breakdown): string {
	const order =
		by === 'band' ? `min(${bandCase(p.bands, 'first_amount', 'order')})` : 'count(*) DESC, grp';
	return `${statsCtes(p, g, by === 'category')}
SELECT ${groupExpr(p, by)} AS grp, count(*) AS customers,
	count(*) / sum(count(*)) OVER () AS customer_share,
	count(*) FILTER (WHERE purchases >= 2) AS repeat_customers,
	count(*) FILTER (WHERE purchases >= 2) / count(*) AS repeat_rate,
	sum(revenue) AS revenue, sum(revenue) / nullif(sum(sum(revenue)) OVER (), 0) AS revenue_share,
	sum(revenue) / sum(orders) AS aov, avg(first_amount) AS first_order_aov
FROM stats
GROUP BY grp
ORDER BY ${order}`;
}

/** Window lengths: positive whole days, ascending; the defaults when none are usable. */
const windowDays = (xs: unknown): number[] => {
	const days = [
		...new Set(
			ascending(xs)
				.filter((x) => x >= 1)
				.map(Math.round)
		)
	];
	return days.length ? days : [30, 60, 90];
};

/**
 * `second`: acquired customers with the time of their second purchase (NULL if none): their
 * second order, or, when same-day orders count as one, their first order on a later day than the
 * first. The first order is the acquired one, so it is in the filtered set.
 */
function secondCtes(p: RepurchaseParams, g: Globals): string {
	const second = p.sameDayOnePurchase
		? `SELECT f.customer_id, min(f.order_time) AS second_time
		FROM f_orders f
		JOIN acquired a USING (customer_id)
		WHERE f.order_time::DATE > a.first_time::DATE
		GROUP BY f.customer_id`
		: // The second of the customer's order times in order (ties count twice): what numbering
			// the orders by time and order id would pick, without sorting every order.
			`SELECT customer_id, min(order_time, 2)[2] AS second_time
		FROM f_orders
		WHERE known
		GROUP BY customer_id
		HAVING count(*) >= 2`;
	return `WITH ${acquiredCtes(g, false)},
second AS (
	SELECT a.customer_id, a.first_time, s.second_time
	FROM acquired a
	LEFT JOIN (
		${second}
	) s USING (customer_id)
)`;
}

/**
 * `judged`: each acquired customer × window, whether the window is observed and was a
 * repurchase. Both by calendar dates, never by clock time: the window of N days is the first
 * order's date and the N dates after it, observed when its last date is in the data (before the
 * data end), so the same orders give the same answer with or without times of day.
 */
function judgedCtes(p: RepurchaseParams, g: Globals): string {
	const values = windowDays(p.windows)
		.map((d) => `(${literal(d)})`)
		.join(', ');
	return `${secondCtes(p, g)},
judged AS (
	SELECT s.customer_id, w.days AS window_days, s.first_time, s.second_time,
		s.first_time::DATE + CAST(w.days AS INTEGER) < ${dataEndSql(g)} AS observed,
		coalesce(date_diff('day', s.first_time::DATE, s.second_time::DATE) <= w.days, FALSE)
			AS repurchased
	FROM second s
	CROSS JOIN (VALUES ${values}) w(days)
)`;
}

/**
 * Repurchase within N days, right-censored: among acquired customers whose first order date is
 * at least N days before the last day of data (so their whole window is observed), the share
 * whose second purchase is dated at most N calendar days after the first order's date.
 */
export function buildWindowsSql(p: RepurchaseParams, g: Globals): string {
	return `${judgedCtes(p, g)}
SELECT window_days, count(*) FILTER (WHERE observed) AS eligible,
	count(*) FILTER (WHERE observed AND repurchased) AS repurchased,
	count(*) FILTER (WHERE observed AND repurchased) / nullif(count(*) FILTER (WHERE observed), 0) AS rate,
	count(*) FILTER (WHERE NOT observed) AS censored
FROM judged
GROUP BY window_days
ORDER BY window_days`;
}

const ORDER_GAPS = `
	SELECT customer_id, order_time, date_diff('day',
		(lag(order_time) OVER (PARTITION BY customer_id ORDER BY order_time, order_id))::DATE,
		order_time::DATE) AS gap
	FROM f_orders
	WHERE known
`;

/**
 * `order_gaps`: each order of a known customer with the calendar days since their previous one
 * (NULL for the first). The cycle and the histogram both read it, and the notebook keeps it as a
 * table made without the as-of date: an order's previous order is earlier, so before the date
 * whenever the order is, and a new date only filters the table instead of sorting every order.
 */
export function sharedOrderGaps(g: Globals): SharedCte {
	return keptAcrossDates(g, {
		name: 'order_gaps',
		body: ORDER_GAPS,
		read: beforeAsOf(g, 'order_time')
	});
}

/**
 * `gaps`: calendar days between consecutive orders of each known customer (dates, not 24 h);
 * when same-day orders count as one purchase, the 0-day gaps go, leaving the days between
 * consecutive order days.
 */
function gapCtes(p: RepurchaseParams, g: Globals): string {
	return `WITH ${cteChain(sharedOrderGaps(g))},
gaps AS (
	SELECT customer_id, gap
	FROM order_gaps
	WHERE gap IS NOT NULL${p.sameDayOnePurchase ? ' AND gap > 0' : ''}
),
cycle AS (
	SELECT count(*) AS gaps, count(DISTINCT customer_id) AS customers,
		median(gap) AS median_days, quantile_cont(gap, 0.25) AS p25_days,
		quantile_cont(gap, 0.75) AS p75_days,
		-- greatest() skips NULLs, so no gaps must stay NULL explicitly
		CASE WHEN count(*) > 0 THEN greatest(1, floor(median(gap)) - ${literal(Math.max(0, positive(p.leadDays, 0)))})::INTEGER END AS recontact_day
	FROM gaps
)`;
}

/**
 * The repurchase cycle, one row: gaps counted, customers with a gap, median and quartiles, and
 * the suggested re-contact day = ⌊median⌋ − lead days, at least day 1.
 */
export function buildCycleSql(p: RepurchaseParams, g: Globals): string {
	return `${gapCtes(p, g)}
SELECT * FROM cycle`;
}

/** Histogram of gaps: buckets `bucketDays` wide, everything from `maxDays` on in the last one. */
export function buildGapsSql(p: RepurchaseParams, g: Globals): string {
	const w = literal(positive(p.bucketDays, 7));
	const max = literal(positive(p.maxDays, 180));
	return `${gapCtes(p, g)},
bucketed AS (
	SELECT CASE WHEN gap >= ${max} THEN ${max} ELSE gap // ${w} * ${w} END AS bucket_start
	FROM gaps
)
SELECT bucket_start,
	CASE WHEN bucket_start >= ${max} THEN NULL ELSE least(bucket_start + ${w}, ${max}) - 1 END AS bucket_end,
	CASE WHEN bucket_start >= ${max} THEN ${w} ELSE least(bucket_start + ${w}, ${max}) - bucket_start END AS bin_width,
	CASE WHEN bucket_start >= ${max} THEN '≥ ' || bucket_start
		ELSE bucket_start || '–' || (least(bucket_start + ${w}, ${max}) - 1) END AS bucket_label,
	count(*) AS gaps, count(*) / sum(count(*)) OVER () AS share,
	any_value(cycle.median_days) AS median_days, any_value(cycle.recontact_day) AS recontact_day
FROM bucketed, cycle
GROUP BY bucket_start
ORDER BY bucket_start`;
}

/** `ranked`: known customers by revenue, highest first, with running totals. */
function rankedCtes(g: Globals): string {
	return `WITH ${filteredOrdersCte(g)},
per_customer AS (
	SELECT customer_id, sum(amount) AS revenue, count(*) AS orders
	FROM f_orders
	WHERE known
	GROUP BY customer_id
),
ranked AS (
	SELECT customer_id, revenue, orders,
		row_number() OVER (ORDER BY revenue DESC, customer_id) AS rn,
		count(*) OVER () AS n, sum(revenue) OVER () AS total,
		sum(revenue) OVER (ORDER BY revenue DESC, customer_id ROWS UNBOUNDED PRECEDING) AS cum
	FROM per_customer
)`;
}

/**
 * The Pareto curve: cumulative revenue share against cumulative customer share, at most 100
 * points (each percent of customers) plus the origin.
 */
export function buildParetoSql(_p: RepurchaseParams, g: Globals): string {
	return `${rankedCtes(g)}
SELECT 0::DOUBLE AS customer_share, 0::DOUBLE AS revenue_share
UNION ALL
SELECT ceil(100 * rn / n) / 100 AS customer_share, max(cum) / nullif(max(total), 0) AS revenue_share
FROM ranked
GROUP BY ceil(100 * rn / n)
ORDER BY customer_share`;
}

const topShare = (p: RepurchaseParams) => Math.min(100, positive(p.topPercent, 20)) / 100;

/** The top x% of customers (rounded up to whole customers) and their share of revenue, one row. */
export function buildParetoTopSql(p: RepurchaseParams, g: Globals): string {
	const share = literal(topShare(p));
	return `${rankedCtes(g)}
SELECT ${share} AS top_percent, count(*) FILTER (WHERE rn <= ceil(n * ${share})) AS top_customers,
	count(*) AS customers,
	sum(revenue) FILTER (WHERE rn <= ceil(n * ${share})) / nullif(sum(revenue), 0) AS top_revenue_share
FROM ranked`;
}

/** Customers behind a breakdown group, a repurchase window, or the Pareto top. */
export function buildRepurchaseCustomersSql(
	p: RepurchaseParams,
	g: Globals,
	queryId: string,
	selection: Record<string, unknown>
): string {
	if (queryId === 'windows') {
		return `${judgedCtes(p, g)}
SELECT customer_id, window_days, first_time, second_time, repurchased
FROM judged
WHERE observed AND window_days = ${literal(Number(selection.window_days))}
ORDER BY repurchased, first_time, customer_id`;
	}
	if (queryId === 'pareto-top' || queryId === 'pareto') {
		return `${rankedCtes(g)}
SELECT customer_id, rn AS revenue_rank, revenue, orders, cum / nullif(total, 0) AS cumulative_share
FROM ranked
WHERE rn <= ceil(n * ${literal(topShare(p))})
ORDER BY rn`;
	}
	const by = BREAKDOWNS.find((b) => `by-${b}` === queryId) ?? 'channel';
	return `${statsCtes(p, g, by === 'category')}
SELECT customer_id, ${groupExpr(p, by)} AS grp, first_time, first_amount, orders, revenue
FROM stats
WHERE ${groupExpr(p, by)} = ${literal(String(selection.grp))}
ORDER BY revenue DESC, customer_id`;
}

export const BREAKDOWNS: Breakdown[] = ['channel', 'band', 'category', 'province'];
