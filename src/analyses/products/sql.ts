import type { Globals, SharedCte } from '../types.ts';
import { cteChain, dataEndSql, sharedFilteredOrders, sharedFirstOrders } from '../base.ts';
import { literal, literalList } from '../../lib/sql.ts';
import type { ProductsParams } from './params.ts';

const whole = (n: unknown, min: number, max: number, fallback: number): number =>
	typeof n === 'number' && Number.isFinite(n)
		? Math.min(Math.max(Math.round(n), min), max)
		: fallback;
/** A split in percent as a fraction, or null for "the median". */
const split = (n: unknown): number | null =>
	typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.min(n, 100) / 100 : null;

/**
 * Did a customer repeat? With no window: 2+ orders in the filtered data, every customer judged.
 * With a window of N days, by calendar days as the repurchase cell counts it: the second order's
 * date is at most N days after the first's, judged only for customers whose first order date
 * plus N days is still inside the data, so nobody counts as "not back" before their window has
 * passed and clock times do not move anyone across the edge.
 */
function judgedColumns(p: ProductsParams, g: Globals): string {
	const days = whole(p.repeatDays, 0, 3650, 0);
	if (days === 0) return 'TRUE AS observed, customer_orders >= 2 AS repeated';
	return `first_time::DATE + ${literal(days)} < ${dataEndSql(g)} AS observed,
	coalesce(date_diff('day', first_time::DATE, second_time::DATE) <= ${literal(days)}, FALSE) AS repeated`;
}

/**
 * CTEs shared by every product query:
 * - `ranked`: per known customer, see sharedRanked;
 * - `item_lines`: one row per order line with an item, its revenue = the order's amount (net or
 *   gross) split across the order's lines in proportion to line amounts (equally if they are all
 *   0), so items add up to order revenue and partial refunds shrink every line alike; `is_first`
 *   marks the customer's first-ever order (see firstOrdersCte, so in a date range a long-standing
 *   customer is returning), `is_second` an acquired customer's second order;
 * - `names`: a display name per item;
 * - `judged`: per acquired customer, whether they repeated (see judgedColumns);
 * - `first_items`: the items in each acquired customer's first order, with that verdict.
 */
/**
 * `ranked`: one row per known customer with orders in the filtered set: `customer_orders` (their
 * orders in it), `acquired` (their first-ever order is in it), `first_order_id` / `first_time`
 * (that first-ever order), and for acquired customers `second_order_id` / `second_time`, the next
 * order in time (ties by order id, as firstOrdersCte breaks them). It does not depend on the
 * cell's parameters, so the notebook keeps it as a table.
 *
 * Aggregates, not a window numbering every order: a window holds every order it reads, and on 5M
 * orders numbering them was the largest step of the page's memory. The second order is found in
 * two plain passes (its time, then the least id at that time) rather than by an arg_min over a
 * (time, id) key, which grows as much.
 */
export function sharedRanked(g: Globals): SharedCte {
	return {
		name: 'ranked',
		// A subquery, as a base table is made from `WITH <the CTEs before it> <body>`.
		body: `
	SELECT * FROM (
		WITH a AS MATERIALIZED (
			SELECT f.customer_id, count(*) AS customer_orders,
				bool_or(f.order_id = c.first_order_id) AS acquired,
				any_value(c.first_order_id) AS first_order_id, any_value(c.first_time) AS first_time,
				min(f.order_time) FILTER (WHERE f.order_id <> c.first_order_id) AS second_time
			FROM f_orders f
			JOIN c_first c ON c.customer_id = f.customer_id
			GROUP BY f.customer_id
		)
		SELECT a.*, s.second_order_id
		FROM a
		LEFT JOIN (
			SELECT f.customer_id, min(f.order_id) AS second_order_id
			FROM f_orders f
			JOIN a ON a.customer_id = f.customer_id AND f.order_time = a.second_time
			WHERE a.acquired AND f.order_id <> a.first_order_id
			GROUP BY f.customer_id
		) s ON s.customer_id = a.customer_id
	)
`,
		after: [sharedFilteredOrders(g), sharedFirstOrders(g)]
	};
}

function itemCtes(p: ProductsParams, g: Globals): string {
	const byCategory = p.level === 'category';
	const itemId = byCategory ? 'l.category' : 'coalesce(l.product_id, l.product_title)';
	const itemName = byCategory ? 'l.category' : 'coalesce(l.product_title, l.product_id)';
	const categoryFilter = g.categories?.length ? `AND category IN ${literalList(g.categories)}` : '';
	return `${cteChain(sharedRanked(g))},
order_totals AS (
	SELECT order_id, sum(line_amount) AS line_total, count(*) AS line_count
	FROM order_lines
	GROUP BY order_id
),
split_lines AS (
	SELECT l.order_id, ${itemId} AS item_id, ${itemName} AS item_name, l.category, l.quantity,
		o.known, o.customer_id,
		o.amount * CASE
			WHEN t.line_total > 0 THEN l.line_amount / t.line_total
			ELSE 1 / t.line_count
		END AS revenue
	FROM order_lines l
	JOIN f_orders o ON o.order_id = l.order_id
	JOIN order_totals t ON t.order_id = l.order_id
),
item_lines AS (
	SELECT split_lines.*, split_lines.order_id = ranked.first_order_id AS is_first,
		ranked.acquired, split_lines.order_id = ranked.second_order_id AS is_second,
		ranked.customer_orders
	FROM split_lines LEFT JOIN ranked ON ranked.customer_id = split_lines.customer_id
	WHERE item_id IS NOT NULL ${categoryFilter}
),
names AS (
	SELECT item_id, max(item_name) AS item FROM item_lines GROUP BY item_id
),
judged AS (
	SELECT customer_id, ${judgedColumns(p, g)}
	FROM ranked
	WHERE acquired
),
first_items AS (
	SELECT DISTINCT item_lines.customer_id, item_lines.item_id, item_lines.customer_orders,
		judged.observed, judged.repeated
	FROM item_lines JOIN judged ON judged.customer_id = item_lines.customer_id
	WHERE item_lines.is_first
)`;
}

/**
 * Per item: sales, buyers, first-order share (traffic), repeat rate of customers whose first
 * order held it, returning-customer revenue share (profit), and the quadrant role.
 */
export function buildRolesSql(p: ProductsParams, g: Globals): string {
	const xs = split(p.xSplit);
	const ys = split(p.ySplit);
	return `WITH ${itemCtes(p, g)},
-- Customers whose first order has item lines: a first order without lines says nothing either way.
known_customers AS (SELECT count(DISTINCT customer_id) AS customers FROM first_items),
first_stats AS (
	SELECT item_id, count(*) AS first_buyers, count(*) FILTER (WHERE observed) AS judged,
		count(*) FILTER (WHERE observed AND repeated) AS repeaters
	FROM first_items
	GROUP BY item_id
),
sales AS (
	SELECT item_id, sum(revenue) AS revenue, count(DISTINCT order_id) AS orders,
		sum(quantity) AS quantity, count(DISTINCT customer_id) AS buyers,
		sum(revenue) FILTER (WHERE known) AS known_revenue,
		sum(revenue) FILTER (WHERE NOT is_first) AS returning_revenue
	FROM item_lines
	GROUP BY item_id
),
measured AS (
	SELECT sales.item_id, names.item, sales.revenue, sales.orders::INTEGER AS orders, sales.quantity,
		sales.buyers::INTEGER AS buyers,
		coalesce(first_stats.first_buyers, 0)::INTEGER AS first_buyers,
		coalesce(first_stats.first_buyers, 0) / nullif(known_customers.customers, 0) AS first_order_share,
		first_stats.repeaters / nullif(first_stats.judged, 0) AS repeat_rate,
		coalesce(sales.returning_revenue, 0) / nullif(sales.known_revenue, 0) AS returning_share
	FROM sales
	JOIN names ON names.item_id = sales.item_id
	LEFT JOIN first_stats ON first_stats.item_id = sales.item_id
	CROSS JOIN known_customers
	WHERE sales.buyers >= ${literal(whole(p.minBuyers, 1, 1e9, 1))}
),
splits AS (
	SELECT *,
		${xs === null ? 'median(first_order_share) OVER ()' : `${literal(xs)}::DOUBLE`} AS x_split,
		${ys === null ? 'median(returning_share) OVER ()' : `${literal(ys)}::DOUBLE`} AS y_split
	FROM measured
)
SELECT *,
	CASE
		WHEN first_order_share >= x_split AND coalesce(returning_share, 0) < y_split THEN 'traffic'
		WHEN first_order_share < x_split AND coalesce(returning_share, 0) >= y_split THEN 'profit'
		WHEN first_order_share >= x_split THEN 'potential'
		ELSE 'marginal'
	END AS role
FROM splits
ORDER BY revenue DESC, item_id`;
}

/**
 * Item pairs in the same order (every order with lines, known customer or not). Support = orders
 * with both ÷ orders with any item; confidence A→B = orders with both ÷ orders with A; lift =
 * support ÷ (share of orders with A × share with B).
 */
export function buildPairsSql(p: ProductsParams, g: Globals): string {
	const sort = p.pairSort === 'lift' ? 'lift DESC, together DESC' : 'together DESC, lift DESC';
	return `WITH ${itemCtes(p, g)},
basket AS (SELECT DISTINCT order_id, item_id FROM item_lines),
total AS (SELECT count(DISTINCT order_id) AS orders FROM basket),
item_orders AS (SELECT item_id, count(*) AS orders FROM basket GROUP BY item_id),
pairs AS (
	SELECT a.item_id AS a_id, b.item_id AS b_id, count(*) AS together
	FROM basket a JOIN basket b ON a.order_id = b.order_id AND a.item_id < b.item_id
	GROUP BY ALL
)
SELECT pairs.a_id, na.item AS item_a, pairs.b_id, nb.item AS item_b,
	na.item || ' + ' || nb.item AS pair, pairs.together::INTEGER AS together,
	pairs.together / total.orders AS support,
	pairs.together / ia.orders AS confidence_ab,
	pairs.together / ib.orders AS confidence_ba,
	(pairs.together / total.orders) / ((ia.orders / total.orders) * (ib.orders / total.orders)) AS lift
FROM pairs
JOIN item_orders ia ON ia.item_id = pairs.a_id
JOIN item_orders ib ON ib.item_id = pairs.b_id
JOIN names na ON na.item_id = pairs.a_id
JOIN names nb ON nb.item_id = pairs.b_id
CROSS JOIN total
WHERE pairs.together >= ${literal(whole(p.minPairOrders, 1, 1e9, 1))}
ORDER BY ${sort}, pairs.a_id, pairs.b_id
LIMIT ${literal(whole(p.top, 1, 1000, 20))}`;
}

/** The focus item as typed, '' when none (or when a tampered link sent something else). */
export const focusOf = (p: ProductsParams): string =>
	typeof p.focus === 'string' ? p.focus.trim() : '';

/** Matches the focus item by id or by name. */
const focusFilter = (p: ProductsParams, column: string, name: string) =>
	focusOf(p) ? `AND (${column} = ${literal(focusOf(p))} OR ${name} = ${literal(focusOf(p))})` : '';

/**
 * For customers whose first order held item X and who ordered again: the items of their second
 * order. Share = those customers ÷ customers with X first who placed a second order. The first
 * items with most such customers (top), and their top next items (nextTop).
 */
export function buildNextSql(p: ProductsParams, g: Globals): string {
	return `WITH ${itemCtes(p, g)},
second_items AS (SELECT DISTINCT customer_id, item_id FROM item_lines WHERE is_second),
followers AS (
	SELECT first_items.item_id, count(*) AS customers
	FROM first_items
	WHERE customer_orders >= 2
	GROUP BY item_id
),
top_first AS (
	SELECT followers.*, row_number() OVER (ORDER BY customers DESC, followers.item_id) AS first_rank
	FROM followers JOIN names ON names.item_id = followers.item_id
	WHERE TRUE ${focusFilter(p, 'followers.item_id', 'names.item')}
	QUALIFY first_rank <= ${literal(whole(p.top, 1, 1000, 20))}
),
next_pairs AS (
	SELECT f.item_id AS first_id, s.item_id AS next_id, count(*) AS customers
	FROM first_items f JOIN second_items s ON s.customer_id = f.customer_id
	GROUP BY ALL
)
SELECT next_pairs.first_id, nf.item AS first_item, next_pairs.next_id, nn.item AS next_item,
	next_pairs.customers::INTEGER AS customers, top_first.customers::INTEGER AS repeaters,
	next_pairs.customers / top_first.customers AS share,
	row_number() OVER (PARTITION BY next_pairs.first_id ORDER BY next_pairs.customers DESC, next_pairs.next_id)::INTEGER AS next_rank
FROM next_pairs
JOIN top_first ON top_first.item_id = next_pairs.first_id
JOIN names nf ON nf.item_id = next_pairs.first_id
JOIN names nn ON nn.item_id = next_pairs.next_id
QUALIFY next_rank <= ${literal(whole(p.nextTop, 1, 1000, 5))}
ORDER BY top_first.first_rank, next_rank`;
}

/**
 * First items ranked by the repeat rate of the customers whose first order held them (customers
 * still inside their repeat window are left out).
 */
export function buildFirstItemRepeatSql(p: ProductsParams, g: Globals): string {
	return `WITH ${itemCtes(p, g)}
SELECT first_items.item_id, names.item, count(*)::INTEGER AS first_buyers,
	count(*) FILTER (WHERE repeated)::INTEGER AS repeaters,
	count(*) FILTER (WHERE repeated) / count(*) AS repeat_rate
FROM first_items JOIN names ON names.item_id = first_items.item_id
WHERE observed
GROUP BY ALL
HAVING count(*) >= ${literal(whole(p.minBuyers, 1, 1e9, 1))}
ORDER BY repeat_rate DESC, first_buyers DESC, first_items.item_id
LIMIT ${literal(whole(p.top, 1, 1000, 20))}`;
}

/** Known customers who bought an item: their orders and revenue on it, and if it opened their first order. */
export function buildItemBuyersSql(p: ProductsParams, g: Globals, itemId: string): string {
	return `WITH ${itemCtes(p, g)}
SELECT customer_id, count(DISTINCT order_id)::INTEGER AS orders_with_item, sum(revenue) AS item_revenue,
	coalesce(bool_or(is_first), FALSE) AS in_first_order, max(customer_orders)::INTEGER AS orders
FROM item_lines
WHERE known AND item_id = ${literal(itemId)}
GROUP BY customer_id
ORDER BY item_revenue DESC, customer_id`;
}

/** Customers whose first order held the item, and whether they ordered again. */
export function buildFirstBuyersSql(p: ProductsParams, g: Globals, itemId: string): string {
	return `WITH ${itemCtes(p, g)}
SELECT customer_id, customer_orders::INTEGER AS orders, repeated, observed AS window_passed
FROM first_items
WHERE item_id = ${literal(itemId)}
ORDER BY repeated DESC, customer_id`;
}

/** Known customers who bought both items in one order. */
export function buildPairBuyersSql(p: ProductsParams, g: Globals, a: string, b: string): string {
	return `WITH ${itemCtes(p, g)}
SELECT customer_id, count(DISTINCT order_id)::INTEGER AS orders_with_both
FROM item_lines x
WHERE known AND item_id = ${literal(a)}
	AND EXISTS (SELECT 1 FROM item_lines y WHERE y.order_id = x.order_id AND y.item_id = ${literal(b)})
GROUP BY customer_id
ORDER BY orders_with_both DESC, customer_id`;
}

/** Customers whose first order held `first` and whose second order held `next`. */
export function buildNextBuyersSql(
	p: ProductsParams,
	g: Globals,
	first: string,
	next: string
): string {
	return `WITH ${itemCtes(p, g)}
SELECT customer_id, customer_orders::INTEGER AS orders
FROM first_items
WHERE item_id = ${literal(first)}
	AND customer_id IN (SELECT customer_id FROM item_lines WHERE is_second AND item_id = ${literal(next)})
ORDER BY customer_id`;
}
