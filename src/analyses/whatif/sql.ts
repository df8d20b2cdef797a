import type { Globals } from '../types.ts';
import { acquiredCtes, NONE } from '../cohorts/acquired.ts';
import { literal } from '../../lib/sql.ts';
import type { WhatIfParams } from './params.ts';

const amount = (n: unknown): number =>
	typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
const target = (p: WhatIfParams): number => Math.min(amount(p.targetRate), 100) / 100;

/** The first-order band as numbers (max 0 = no upper bound), whatever the params hold. */
export const bandOf = (p: WhatIfParams): { min: number; max: number } => ({
	min: amount(p.aovMin),
	max: amount(p.aovMax)
});

/** The segment code of a customer, from their first order (first_amount; first_channel, NONE if blank). */
function segmentExpr(p: WhatIfParams): string {
	if (p.segmentBy === 'channel') return 'first_channel';
	if (p.segmentBy === 'aov') {
		const { min, max } = bandOf(p);
		const upper = max > 0 ? ` AND first_amount <= ${literal(max)}` : '';
		return `CASE WHEN first_amount > ${literal(min)}${upper} THEN 'in' ELSE 'out' END`;
	}
	return `'all'`;
}

/** The segment the what-if changes. */
function targetSegment(p: WhatIfParams): string {
	if (p.segmentBy === 'channel') return (typeof p.channel === 'string' && p.channel.trim()) || NONE;
	return p.segmentBy === 'aov' ? 'in' : 'all';
}

/**
 * - `customer`: one row per customer acquired in the filtered set (first-ever order in it, see
 *   acquiredCtes, as the repurchase breakdowns count them): their orders and revenue in the set,
 *   first order's amount and channel, and segment;
 * - `store`: revenue and orders of every filtered order, unknown customers included, and the
 *   average repeat customer (the fallback for a segment with no repeat customers yet).
 */
function customerCtes(p: WhatIfParams, g: Globals): string {
	return `WITH ${acquiredCtes(g, false)},
customer AS (
	SELECT *, ${segmentExpr(p)} AS segment
	FROM (
		SELECT a.customer_id, count(*) AS orders, sum(f.amount) AS revenue,
			any_value(a.first_amount) AS first_amount, any_value(a.channel) AS first_channel
		FROM acquired a
		JOIN f_orders f ON f.customer_id = a.customer_id
		GROUP BY a.customer_id
	)
),
store AS (
	SELECT (SELECT coalesce(sum(amount), 0) FROM f_orders) AS revenue,
		(SELECT count(*) FROM f_orders) AS orders,
		avg(revenue) FILTER (WHERE orders >= 2) AS revenue_per_repeater,
		avg(orders) FILTER (WHERE orders >= 2) AS orders_per_repeater
	FROM customer
)`;
}

/** Customers, repeat rate, revenue and AOV per segment (all segments, for choosing X). */
export function buildSegmentsSql(p: WhatIfParams, g: Globals): string {
	return `${customerCtes(p, g)}
SELECT c.segment, count(*)::INTEGER AS customers,
	count(*) / sum(count(*)) OVER () AS customer_share,
	count(*) FILTER (WHERE c.orders >= 2)::INTEGER AS repeaters,
	count(*) FILTER (WHERE c.orders >= 2) / count(*) AS repeat_rate,
	sum(c.revenue) AS revenue, sum(c.revenue) / nullif(any_value(store.revenue), 0) AS revenue_share,
	sum(c.orders)::INTEGER AS orders, sum(c.revenue) / sum(c.orders) AS aov,
	avg(c.first_amount) AS avg_first_order
FROM customer c CROSS JOIN store
GROUP BY c.segment
ORDER BY revenue DESC, segment`;
}

/**
 * The projection, one row. With n customers, r repeaters and target rate t in the segment:
 * extra = t·n − r customers turn from one-time buyers into repeat customers (negative: the
 * reverse). Each extra repeater brings the segment's average repeat-customer revenue and orders
 * instead of the one-time buyers' average revenue and 1 order:
 *   Δrevenue = extra × (revenue per repeater − revenue per one-time buyer)
 *   Δorders  = extra × (orders per repeater − 1)
 * Projected AOV = (revenue + Δrevenue) ÷ (orders + Δorders), for the segment and the store.
 */
export function buildProjectionSql(p: WhatIfParams, g: Globals): string {
	return `${customerCtes(p, g)},
seg AS (
	SELECT count(customer_id) AS customers,
		count(customer_id) FILTER (WHERE orders >= 2) AS repeaters,
		coalesce(sum(revenue), 0) AS revenue, coalesce(sum(orders), 0) AS orders,
		avg(revenue) FILTER (WHERE orders >= 2) AS revenue_per_repeater,
		avg(orders) FILTER (WHERE orders >= 2) AS orders_per_repeater,
		coalesce(avg(revenue) FILTER (WHERE orders = 1), avg(first_amount)) AS revenue_per_one_timer
	FROM customer
	WHERE segment = ${literal(targetSegment(p))}
),
assumed AS (
	SELECT seg.*, ${literal(target(p))}::DOUBLE AS target_rate,
		${literal(target(p))}::DOUBLE * seg.customers - seg.repeaters AS extra_repeaters,
		CASE WHEN seg.revenue_per_repeater IS NOT NULL THEN 'segment'
			WHEN store.revenue_per_repeater IS NOT NULL THEN 'store' END AS basis,
		coalesce(seg.revenue_per_repeater, store.revenue_per_repeater) AS assumed_revenue_per_repeater,
		coalesce(seg.orders_per_repeater, store.orders_per_repeater) AS assumed_orders_per_repeater,
		store.revenue AS store_revenue, store.orders AS store_orders
	FROM seg CROSS JOIN store
),
delta AS (
	SELECT *,
		extra_repeaters * (assumed_revenue_per_repeater - revenue_per_one_timer) AS revenue_change,
		extra_repeaters * (assumed_orders_per_repeater - 1) AS orders_change
	FROM assumed
)
SELECT ${literal(targetSegment(p))} AS segment,
	customers::INTEGER AS customers, repeaters::INTEGER AS repeaters,
	repeaters / nullif(customers, 0) AS repeat_rate, target_rate, extra_repeaters, basis,
	assumed_revenue_per_repeater AS revenue_per_repeater,
	assumed_orders_per_repeater AS orders_per_repeater, revenue_per_one_timer,
	revenue AS segment_revenue, revenue + revenue_change AS segment_revenue_projected,
	revenue / nullif(orders, 0) AS segment_aov,
	(revenue + revenue_change) / nullif(orders + orders_change, 0) AS segment_aov_projected,
	store_revenue, store_revenue + revenue_change AS store_revenue_projected,
	revenue_change / nullif(store_revenue, 0) AS store_revenue_change,
	store_orders::INTEGER AS store_orders, store_orders + orders_change AS store_orders_projected,
	store_revenue / nullif(store_orders, 0) AS store_aov,
	(store_revenue + revenue_change) / nullif(store_orders + orders_change, 0) AS store_aov_projected,
	((store_revenue + revenue_change) / nullif(store_orders + orders_change, 0))
		/ nullif(store_revenue / nullif(store_orders, 0), 0) - 1 AS store_aov_change
FROM delta`;
}

/**
 * The assumptions behind the projection as rows (code, value), so the table shows exactly what
 * was assumed. Rates are in percent.
 */
export function buildAssumptionsSql(p: WhatIfParams, g: Globals): string {
	return `WITH projection AS (${buildProjectionSql(p, g)})
SELECT assumption, value FROM (
	SELECT 1 AS ord, 'customers' AS assumption, customers::DOUBLE AS value FROM projection
	UNION ALL SELECT 2, 'current_rate', 100 * repeat_rate FROM projection
	UNION ALL SELECT 3, 'target_rate', 100 * target_rate FROM projection
	UNION ALL SELECT 4, 'extra_repeaters', extra_repeaters FROM projection
	UNION ALL SELECT 5, CASE WHEN basis = 'store' THEN 'revenue_per_repeater_store'
		ELSE 'revenue_per_repeater' END, revenue_per_repeater FROM projection
	UNION ALL SELECT 6, CASE WHEN basis = 'store' THEN 'orders_per_repeater_store'
		ELSE 'orders_per_repeater' END, orders_per_repeater FROM projection
	UNION ALL SELECT 7, 'revenue_per_one_timer', revenue_per_one_timer FROM projection
	UNION ALL SELECT 8, 'nothing_else_changes', NULL
)
ORDER BY ord`;
}

/** Known customers of a segment, with what they bought. */
export function buildSegmentCustomersSql(p: WhatIfParams, g: Globals, segment: string): string {
	return `${customerCtes(p, g)}
SELECT customer_id, orders::INTEGER AS orders, revenue, first_amount, first_channel,
	orders >= 2 AS repeated
FROM customer
WHERE segment = ${literal(segment)}
ORDER BY repeated, revenue DESC, customer_id`;
}

/** The one-time buyers of the target segment: the customers the campaign has to bring back. */
export function buildOneTimersSql(p: WhatIfParams, g: Globals): string {
	return `${customerCtes(p, g)}
SELECT customer_id, revenue, first_amount, first_channel
FROM customer
WHERE segment = ${literal(targetSegment(p))} AND orders = 1
ORDER BY revenue DESC, customer_id`;
}
