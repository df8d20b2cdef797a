import type { Globals } from './types.ts';
import { dateLiteral, literalList } from '../lib/sql.ts';

/**
 * The filtered order set every analysis starts from, as a CTE body named `f_orders`:
 * `WITH ${filteredOrdersCte(g)}, … SELECT … FROM f_orders`.
 *
 * - Only orders before the as-of date (the as-of day itself is excluded: "as of the start of").
 * - Date range, channels, provinces and categories from the global controls.
 * - `amount` is the revenue the cell counts: net (paid orders only, refunds subtracted) or gross
 *   (every order at the amount paid, whatever happened later).
 * - `known` is false for orders without a customer id: they count in revenue, not in customer
 *   metrics.
 */
export function filteredOrdersCte(g: Globals): string {
	const where = [`o.order_time < ${dateLiteral(g.asOf)}`];
	if (g.from) where.push(`o.order_time >= ${dateLiteral(g.from)}`);
	if (g.to) where.push(`o.order_time < ${dateLiteral(g.to)} + INTERVAL 1 DAY`);
	if (g.channels?.length) where.push(`o.channel IN ${literalList(g.channels)}`);
	if (g.provinces?.length) where.push(`o.province IN ${literalList(g.provinces)}`);
	if (g.categories?.length)
		where.push(
			`EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.order_id AND l.category IN ${literalList(g.categories)})`
		);
	if (g.revenue === 'net') where.push(`o.status = 'paid'`);
	const amount = g.revenue === 'net' ? 'o.net_amount' : 'o.gross_amount';
	return `f_orders AS (
	SELECT o.order_id, o.customer_id, o.order_time, o.status, ${amount} AS amount,
		o.channel, o.campaign, o.province, o.city, o.customer_id IS NOT NULL AS known
	FROM orders o
	WHERE ${where.join('\n\t\tAND ')}
)`;
}

/** The as-of date as a SQL DATE literal. */
export const asOfSql = (g: Globals): string => dateLiteral(g.asOf);
