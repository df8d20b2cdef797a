import type { Globals } from '../types.ts';
import { filteredOrdersCte, firstOrdersCte } from '../base.ts';
import { literal } from '../../lib/sql.ts';
import type { TimePrefsParams } from './params.ts';

/**
 * Adds `slotted`: every filtered order with its weekday (ISO: 1 = Monday … 7 = Sunday, so weeks
 * read Monday-first whatever DuckDB's 0 = Sunday `dayofweek` says), hour (0–23, store-local) and
 * segment: 'first' for a known customer's first-ever order (see firstOrdersCte), 'repeat' for
 * their other orders, NULL for orders without a customer id.
 */
function slottedCtes(g: Globals): string {
	return `${filteredOrdersCte(g)},
${firstOrdersCte(g)},
slotted AS (
	SELECT f.order_id, f.customer_id, f.known, f.order_time,
		isodow(f.order_time)::INTEGER AS weekday, hour(f.order_time)::INTEGER AS hour,
		CASE WHEN f.known THEN
			CASE WHEN f.order_id = c.first_order_id THEN 'first' ELSE 'repeat' END
		END AS segment
	FROM f_orders f
	LEFT JOIN c_first c ON c.customer_id = f.customer_id
)`;
}

/** The orders of a segment: all (unknown customers included), first or repeat. */
const inSegment = (segment: TimePrefsParams['segment']): string =>
	segment === 'first' ? `segment = 'first'` : segment === 'repeat' ? `segment = 'repeat'` : 'TRUE';

/**
 * Orders per weekday × hour over all 168 cells (empty cells are 0), and their share. Orders are
 * counted per cell first and the few cells joined to the grid after, not the grid to every order.
 */
export function buildHeatmapSql(p: TimePrefsParams, g: Globals): string {
	return `WITH ${slottedCtes(g)},
grid AS (
	SELECT w.weekday::INTEGER AS weekday, h.hour::INTEGER AS hour
	FROM range(1, 8) AS w(weekday), range(0, 24) AS h(hour)
),
cells AS (
	SELECT weekday, hour, count(*) AS orders
	FROM slotted
	WHERE ${inSegment(p.segment)}
	GROUP BY ALL
),
counted AS (
	SELECT grid.weekday, grid.hour, coalesce(cells.orders, 0)::INTEGER AS orders
	FROM grid LEFT JOIN cells USING (weekday, hour)
)
SELECT weekday, hour, orders, orders / nullif(sum(orders) OVER (), 0) AS share
FROM counted
ORDER BY weekday, hour`;
}

/** The busiest cells of the segment, ties by weekday then hour, with the hour span as text. */
export function buildBestTimesSql(p: TimePrefsParams, g: Globals): string {
	const best = typeof p.best === 'number' && Number.isFinite(p.best) ? Math.round(p.best) : 5;
	return `WITH ${slottedCtes(g)},
counted AS (
	SELECT weekday, hour, count(*)::INTEGER AS orders
	FROM slotted
	WHERE ${inSegment(p.segment)}
	GROUP BY ALL
)
SELECT row_number() OVER (ORDER BY orders DESC, weekday, hour)::INTEGER AS rank, weekday, hour,
	lpad(hour::VARCHAR, 2, '0') || ':00–' || lpad((hour + 1)::VARCHAR, 2, '0') || ':00' AS hours,
	orders, orders / sum(orders) OVER () AS share
FROM counted
ORDER BY rank
LIMIT ${literal(Math.min(Math.max(best, 1), 168))}`;
}

/** Share of each segment's orders by hour: all, first and repeat side by side. */
export function buildHourProfileSql(g: Globals): string {
	return `WITH ${slottedCtes(g)},
segments AS (SELECT * FROM (VALUES ('all', 1), ('first', 2), ('repeat', 3)) AS s(segment, ord)),
grid AS (
	SELECT segments.segment, segments.ord, h.hour::INTEGER AS hour
	FROM segments, range(0, 24) AS h(hour)
),
hours AS (
	SELECT hour, count(*) AS n_all, count(*) FILTER (WHERE segment = 'first') AS n_first,
		count(*) FILTER (WHERE segment = 'repeat') AS n_repeat
	FROM slotted
	GROUP BY hour
),
counted AS (
	SELECT grid.segment, grid.ord, grid.hour,
		coalesce(CASE grid.segment WHEN 'all' THEN n_all WHEN 'first' THEN n_first ELSE n_repeat END, 0) AS orders
	FROM grid LEFT JOIN hours USING (hour)
)
SELECT segment, hour, orders::INTEGER AS orders,
	orders / nullif(sum(orders) OVER (PARTITION BY segment), 0) AS share
FROM counted
ORDER BY ord, hour`;
}

/** Known customers with orders of the segment in one weekday-hour cell. */
export function buildSlotCustomersSql(
	p: TimePrefsParams,
	g: Globals,
	weekday: number,
	hour: number
): string {
	return `WITH ${slottedCtes(g)}
SELECT customer_id, count(*)::INTEGER AS orders_in_slot, max(order_time) AS last_order_in_slot
FROM slotted
WHERE known AND ${inSegment(p.segment)} AND weekday = ${literal(weekday)} AND hour = ${literal(hour)}
GROUP BY customer_id
ORDER BY orders_in_slot DESC, customer_id`;
}
