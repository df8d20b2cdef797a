/**
 * What the header controls need to know about the loaded data: counts, the date span (for the
 * default as-of date: the day after the last order) and the values to filter by. Orders and
 * customers are counted as the analyses count them: paid orders, customers with at least one;
 * closed, cancelled and refunded orders are counted beside them.
 */
export const dataSummarySql = `SELECT
	(SELECT count(*) FROM orders WHERE status = 'paid') AS orders,
	(SELECT count(*) FROM orders WHERE status = 'closed') AS closed_orders,
	(SELECT count(*) FROM orders WHERE status = 'cancelled') AS cancelled_orders,
	(SELECT count(*) FROM orders WHERE status = 'refunded') AS refunded_orders,
	(SELECT count(DISTINCT customer_id) FROM orders WHERE status = 'paid') AS customers,
	(SELECT count(*) FROM order_lines) AS lines,
	(SELECT count(*) FROM orders WHERE customer_id IS NULL AND status = 'paid') AS unknown_orders,
	(SELECT strftime(min(order_time), '%Y-%m-%d') FROM orders) AS first_day,
	(SELECT strftime(max(order_time)::DATE + 1, '%Y-%m-%d') FROM orders) AS day_after_last,
	(SELECT count(*) FROM campaign_contacts) AS contacts`;

/** Distinct values of a filterable column, most frequent first. */
export function filterValuesSql(kind: 'channel' | 'province' | 'category'): string {
	if (kind === 'category')
		return `SELECT category AS value, count(*) AS n FROM order_lines WHERE category IS NOT NULL GROUP BY 1 ORDER BY n DESC, value LIMIT 500`;
	return `SELECT ${kind} AS value, count(*) AS n FROM orders WHERE ${kind} IS NOT NULL GROUP BY 1 ORDER BY n DESC, value LIMIT 500`;
}

/** Tables, views and their columns, for SQL completion. */
export const schemaSql = `SELECT table_name, column_name FROM information_schema.columns
WHERE table_name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY table_name, ordinal_position`;
