import type { Globals, SharedCte } from '../types.ts';
import {
	beforeAsOf,
	cteChain,
	dataEndSql,
	filteredOrdersCte,
	selectionDate,
	keptAcrossDates
} from '../base.ts';
import { dateLiteral, literal } from '../../lib/sql.ts';
import type { OverviewParams } from './params.ts';

/**
 * The compared windows as one row (cur_start, cur_end, prev_start, prev_end; ends exclusive).
 * 'all' has no previous window: prev_start = prev_end, which no order falls in.
 */
function windowBoundsSql(p: OverviewParams, g: Globals): string {
	const end = dataEndSql(g);
	const firstDay = `(SELECT min(order_time)::DATE FROM f_orders)`;
	switch (p.compare) {
		case 'period':
			return `SELECT cur_start, cur_end, (cur_start - CAST(cur_end - cur_start AS INTEGER))::DATE AS prev_start,
		cur_start AS prev_end
	FROM (SELECT ${g.from ? dateLiteral(g.from) : firstDay} AS cur_start, ${end} AS cur_end)`;
		case 'all':
			return `SELECT cur_start, cur_end, cur_start AS prev_start, cur_start AS prev_end
	FROM (SELECT ${g.from ? dateLiteral(g.from) : firstDay} AS cur_start, ${end} AS cur_end)`;
		case 'year':
			return `SELECT (m - INTERVAL 1 MONTH)::DATE AS cur_start, m AS cur_end,
		(m - INTERVAL 13 MONTH)::DATE AS prev_start, (m - INTERVAL 12 MONTH)::DATE AS prev_end
	FROM (SELECT date_trunc('month', ${end})::DATE AS m)`;
		case 'month':
			return `SELECT (m - INTERVAL 1 MONTH)::DATE AS cur_start, m AS cur_end,
		(m - INTERVAL 2 MONTH)::DATE AS prev_start, (m - INTERVAL 1 MONTH)::DATE AS prev_end
	FROM (SELECT date_trunc('month', ${end})::DATE AS m)`;
	}
}

const FIRST_TWO = `
	SELECT customer_id, min(order_time) AS first_time, min(order_time, 2)[2] AS second_time
	FROM f_orders
	WHERE known
	GROUP BY customer_id
`;

/**
 * `first_two`: each known customer's first two order times in the filtered orders without the
 * date range (the second NULL for a customer with one order), for the all-time share of customers
 * who ordered twice: a customer counts when their first order is before the window's end, and
 * twice when their second is. Kept as a table made without the as-of date: a customer's first two
 * orders before the date are their first two ever where those are before it, so a new date reads
 * the table instead of counting every customer's orders again.
 */
export function sharedFirstTwo(g: Globals): SharedCte {
	const all = { ...g, from: undefined, to: undefined };
	const asOf = dateLiteral(g.asOf);
	return keptAcrossDates(all, {
		name: 'first_two',
		body: FIRST_TWO,
		read: (table) => `
	SELECT customer_id, first_time, CASE WHEN second_time < ${asOf} THEN second_time END AS second_time
	FROM ${table}
	WHERE first_time < ${asOf}
`
	});
}

/**
 * KPIs of the current window and the previous one, one row, and the all-time share of known
 * customers who ordered twice or more (what the other cells call the repeat rate). The previous
 * window usually lies before the date range, so this query reads the filtered orders without the
 * range and applies the two windows itself.
 */
export function buildKpisSql(p: OverviewParams, g: Globals): string {
	// Without a date range, the all-time share reads each customer's first two order times.
	const allTime = g.from
		? `
	SELECT count(*) FILTER (WHERE orders >= 2) / nullif(count(*), 0) AS returning_share
	FROM (
		SELECT customer_id, count(*) AS orders FROM f_orders f, bounds b
		WHERE known AND f.order_time < b.cur_end AND f.order_time >= ${dateLiteral(g.from)}
		GROUP BY customer_id
	)
`
		: `
	SELECT count(*) FILTER (WHERE t.second_time < b.cur_end) / nullif(count(*), 0)
		AS returning_share
	FROM first_two t, bounds b
	WHERE t.first_time < b.cur_end
`;
	return `WITH ${g.from ? filteredOrdersCte({ ...g, from: undefined, to: undefined }) : cteChain(sharedFirstTwo(g))},
bounds AS (
	${windowBoundsSql(p, g)}
),
windowed AS (
	SELECT f.*, CASE
			WHEN f.order_time >= b.cur_start AND f.order_time < b.cur_end THEN 'cur'
			WHEN f.order_time >= b.prev_start AND f.order_time < b.prev_end THEN 'prev'
		END AS win
	FROM f_orders f, bounds b
),
per_customer AS (
	SELECT win, customer_id, count(*) AS orders
	FROM windowed
	WHERE win IS NOT NULL AND known
	GROUP BY ALL
),
all_time AS (${allTime}),
kpi AS (
	SELECT w.win, w.customers, w.orders, w.revenue,
		w.revenue / nullif(w.orders, 0) AS aov,
		c.repeaters / nullif(w.customers, 0) AS repeat_rate,
		w.unknown_revenue / nullif(w.revenue, 0) AS unknown_share
	FROM (
		SELECT win, count(DISTINCT customer_id) AS customers, count(*) AS orders,
			sum(amount) AS revenue, coalesce(sum(amount) FILTER (WHERE NOT known), 0) AS unknown_revenue
		FROM windowed
		WHERE win IS NOT NULL
		GROUP BY win
	) w
	LEFT JOIN (
		SELECT win, count(*) FILTER (WHERE orders >= 2) AS repeaters FROM per_customer GROUP BY win
	) c USING (win)
)
SELECT b.cur_start AS period_start, (b.cur_end - 1)::DATE AS period_end,
	CASE WHEN b.prev_end > b.prev_start THEN b.prev_start END AS previous_start,
	CASE WHEN b.prev_end > b.prev_start THEN (b.prev_end - 1)::DATE END AS previous_end,
	coalesce(c.customers, 0) AS customers, coalesce(p.customers, 0) AS customers_previous,
	(coalesce(c.customers, 0) - p.customers) / nullif(p.customers, 0) AS customers_change,
	coalesce(c.orders, 0) AS orders, coalesce(p.orders, 0) AS orders_previous,
	(coalesce(c.orders, 0) - p.orders) / nullif(p.orders, 0) AS orders_change,
	coalesce(c.revenue, 0) AS revenue, coalesce(p.revenue, 0) AS revenue_previous,
	(coalesce(c.revenue, 0) - p.revenue) / nullif(p.revenue, 0) AS revenue_change,
	c.aov, p.aov AS aov_previous, (c.aov - p.aov) / nullif(p.aov, 0) AS aov_change,
	c.repeat_rate, p.repeat_rate AS repeat_rate_previous,
	c.repeat_rate - p.repeat_rate AS repeat_rate_change,
	a.returning_share,
	c.unknown_share, p.unknown_share AS unknown_share_previous,
	c.unknown_share - p.unknown_share AS unknown_share_change
FROM bounds b
CROSS JOIN all_time a
LEFT JOIN kpi c ON c.win = 'cur'
LEFT JOIN kpi p ON p.win = 'prev'`;
}

/** The filtered orders with their month and customer type; `firsts` holds each first_time. */
const tagged = (firsts: 'c_first' | 'first_two') => `
	SELECT f.customer_id, f.order_time, f.amount, f.known,
		date_trunc('month', f.order_time)::DATE AS month,
		CASE
			WHEN NOT f.known THEN 'unknown'
			WHEN date_trunc('month', c.first_time) = date_trunc('month', f.order_time) THEN 'new'
			ELSE 'returning'
		END AS customer_type
	FROM f_orders f
	LEFT JOIN ${firsts} c USING (customer_id)
`;

/**
 * Whether a customer's first order in `first_two` is their first to the store, as `c_first`
 * says: when no control but the as-of date narrows the orders `first_two` reads.
 */
const firstTwoIsFirst = (g: Globals): boolean =>
	!g.from && !g.to && !g.channels?.length && !g.provinces?.length && !g.categories?.length;

/**
 * `tagged`: filtered orders (the columns the cell reads) with their month and whether the
 * customer was new that month. The notebook keeps it as a table made without the as-of date: an
 * order before the date has the same first order with or without it (the customer's first-ever
 * order is no later than it), so a new date only filters the table, joining nothing again.
 *
 * Under the default controls each customer's first order comes from `first_two`, the table the
 * KPIs read anyway: the first screen then waits for one pass over every customer's orders, not
 * two (on 1M orders the first orders' table took about 2.8 s of duckdb-wasm's one thread).
 */
export function sharedTagged(g: Globals): SharedCte {
	const read = beforeAsOf(g, 'order_time');
	if (!firstTwoIsFirst(g))
		return keptAcrossDates(g, { name: 'tagged', body: tagged('c_first'), firstOrders: true, read });
	const firstTwo = sharedFirstTwo(g);
	const undatedFirstTwo = firstTwo.undated!.cte;
	return {
		name: 'tagged',
		body: tagged('first_two'),
		after: [...(firstTwo.after ?? []), firstTwo],
		undated: {
			cte: {
				name: 'tagged',
				body: tagged('first_two'),
				after: [...(undatedFirstTwo.after ?? []), undatedFirstTwo]
			},
			read
		}
	};
}

/** `tagged` after the CTEs it reads. */
const taggedCtes = (g: Globals): string => cteChain(sharedTagged(g));

/** Revenue, orders and customers per month and customer type (new / returning / unknown). */
export function buildMonthlyRevenueSql(_p: OverviewParams, g: Globals): string {
	return `WITH ${taggedCtes(g)}
SELECT month, customer_type, sum(amount) AS revenue,
	sum(amount) / nullif(sum(sum(amount)) OVER (PARTITION BY month), 0) AS revenue_share,
	count(*) AS orders, count(DISTINCT customer_id) AS customers
FROM tagged
GROUP BY month, customer_type
ORDER BY month, CASE customer_type WHEN 'new' THEN 1 WHEN 'returning' THEN 2 ELSE 3 END`;
}

/** Orders, customers and revenue per month. */
export function buildMonthlyOrdersSql(_p: OverviewParams, g: Globals): string {
	return `WITH ${filteredOrdersCte(g)}
SELECT date_trunc('month', order_time)::DATE AS month, count(*) AS orders,
	count(DISTINCT customer_id) AS customers, sum(amount) AS revenue,
	sum(amount) / count(*) AS aov
FROM f_orders
GROUP BY ALL
ORDER BY month`;
}

/** Known customers behind a month (and customer type), with what they did that month. */
export function buildOverviewCustomersSql(
	_p: OverviewParams,
	g: Globals,
	selection: Record<string, unknown>
): string {
	const where = [`known`, `month = ${selectionDate(selection.month)}`];
	if (typeof selection.customer_type === 'string')
		where.push(`customer_type = ${literal(selection.customer_type)}`);
	return `WITH ${taggedCtes(g)}
SELECT customer_id, any_value(customer_type) AS customer_type, count(*) AS orders,
	sum(amount) AS revenue, min(order_time) AS first_order_in_month
FROM tagged
WHERE ${where.join(' AND ')}
GROUP BY customer_id
ORDER BY revenue DESC, customer_id`;
}
