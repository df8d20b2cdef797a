/**
 * What the header controls need to know about the loaded data: counts, the date span (for the
 * default as-of date: the day after the last order) and the values to filter by. Orders and
 * customers are counted as the analyses count them: paid orders, customers with at least one;
 * closed, cancelled and refunded orders are counted beside them. One scan of the orders: it
 * runs before the first chart, and a scan per figure took twice as long (1M orders, duckdb-wasm).
 */
export const dataSummarySql = `SELECT
	count(*) FILTER (WHERE status = 'paid') AS orders,
	count(*) FILTER (WHERE status = 'closed') AS closed_orders,
	count(*) FILTER (WHERE status = 'cancelled') AS cancelled_orders,
	count(*) FILTER (WHERE status = 'refunded') AS refunded_orders,
	count(DISTINCT customer_id) FILTER (WHERE status = 'paid') AS customers,
	(SELECT count(*) FROM order_lines) AS lines,
	count(*) FILTER (WHERE customer_id IS NULL AND status = 'paid') AS unknown_orders,
	strftime(min(order_time), '%Y-%m-%d') AS first_day,
	strftime(max(order_time)::DATE + 1, '%Y-%m-%d') AS day_after_last,
	(SELECT count(*) FROM campaign_contacts) AS contacts
FROM orders`;

/** Distinct values of a filterable column, most frequent first. */
export function filterValuesSql(kind: 'channel' | 'province' | 'category'): string {
	if (kind === 'category')
		return `SELECT category AS value, count(*) AS n FROM order_lines WHERE category IS NOT NULL GROUP BY 1 ORDER BY n DESC, value LIMIT 500`;
	return `SELECT ${kind} AS value, count(*) AS n FROM orders WHERE ${kind} IS NOT NULL GROUP BY 1 ORDER BY n DESC, value LIMIT 500`;
}

/** Tables, views and their columns, for SQL completion. */
export const schemaSql = `SELECT table_name, column_name FROM information_schema.columns
WHERE table_name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY table_name, ordinal_position`;
