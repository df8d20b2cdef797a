import type { Globals, SharedCte } from '../types.ts';
import { beforeAsOf, cteChain, keptAcrossDates } from '../base.ts';

/** The value shown for a first order without the attribute (no channel, no category, …). */
export const NONE = '(none)';

/** A text attribute, blank and missing alike shown as NONE. */
const orNone = (col: string) => `coalesce(nullif(trim(${col}), ''), '${NONE}')`;

/**
 * CTEs `f_orders`, `c_first` and `acquired`: the known customers whose first-ever order (see
 * firstOrdersCte) is in the filtered set, that is, customers acquired in the filtered period and
 * slice, with their first order's time, amount, channel, campaign, province and — when asked —
 * category. The category of an order is that of its largest line (ties: category name, line no).
 */
export function acquiredCtes(g: Globals, withCategory: boolean): string {
	return cteChain(sharedAcquired(g, withCategory));
}

/**
 * The category of each first order: that of its largest line (ties: category name, a line without
 * one last; lines of one category tie to the same answer). So the first category among the
 * order's lines of its largest amount, `min` passing over those without one. Two plain
 * aggregates, not one `arg_min` over a (−amount, no category, name, line) key: on 5M orders
 * that key's per-order state grew the page's memory by about 100 MB more while the table was made.
 */
const FIRST_CATEGORY: SharedCte = {
	name: 'first_category',
	body: `
	SELECT l.order_id, min(l.category) AS category
	FROM order_lines l
	JOIN (
		SELECT order_id, max(line_amount) AS top
		FROM order_lines
		WHERE order_id IN (SELECT first_order_id FROM c_first)
		GROUP BY order_id
	) t ON t.order_id = l.order_id AND l.line_amount = t.top
	GROUP BY l.order_id
`
};

/**
 * `acquired` after the CTEs it reads, as acquiredCtes writes it: cohorts, repurchase and what-if
 * share it, and the notebook keeps it as a table (src/notebook/base-tables.ts).
 */
function sharedAcquired(g: Globals, withCategory: boolean): SharedCte {
	const body = acquiredBody(withCategory);
	// Customers acquired before the as-of date are those acquired ever whose first order is
	// before it: the undated table is both sets joined once for every date.
	return keptAcrossDates(g, {
		name: 'acquired',
		body,
		firstOrders: true,
		extra: withCategory ? [FIRST_CATEGORY] : [],
		read: beforeAsOf(g, 'first_time')
	});
}

/**
 * A first order is picked out of the filtered orders by its id (an order id is one order of one
 * customer, so its customer matches too), not by joining the first orders to the filtered orders:
 * DuckDB estimated the paid orders at a quarter of their number and built that join's hash
 * table on them, every order with six columns, while the table of 5M orders was made.
 */
function acquiredBody(withCategory: boolean): string {
	return `
	SELECT f.customer_id, f.order_id AS first_order_id, f.order_time AS first_time,
		f.amount AS first_amount, ${orNone('f.channel')} AS channel,
		${orNone('f.campaign')} AS campaign, ${orNone('f.province')} AS province,
		${withCategory ? orNone('fc.category') : 'NULL::VARCHAR'} AS category
	FROM f_orders f${withCategory ? '\n\tLEFT JOIN first_category fc ON fc.order_id = f.order_id' : ''}
	WHERE f.order_id IN (SELECT first_order_id FROM c_first)
`;
}

/** Both forms of `acquired`, for analyses that use either. */
export const acquiredShared = (_: unknown, g: Globals): SharedCte[] => [
	sharedAcquired(g, false),
	sharedAcquired(g, true)
];
