import type { Globals, SharedCte } from './types.ts';
import { dateLiteral, formatTimestamp, literalList } from '../lib/sql.ts';

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
	return `f_orders AS (${filteredOrdersBody(g)})`;
}

/** `dated: false` leaves out the as-of date: the body of `undatedFilteredOrders`. */
function filteredOrdersBody(g: Globals, dated = true): string {
	const where = dated ? [`o.order_time < ${dateLiteral(g.asOf)}`] : [];
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
	return `
	SELECT o.order_id, o.customer_id, o.order_time, o.status, ${amount} AS amount,
		o.channel, o.campaign, o.province, o.city, o.customer_id IS NOT NULL AS known
	FROM orders o${where.length ? `\n\tWHERE ${where.join('\n\t\tAND ')}` : ''}
`;
}

/** The as-of date as a SQL DATE literal. */
export const asOfSql = (g: Globals): string => dateLiteral(g.asOf);

/**
 * Every known customer's first-ever order before the as-of date, as a CTE body named `c_first`
 * (customer_id, first_order_id, first_time). It ignores the date range and the channel / region /
 * category filters, so "new" means new to the store, not new to the filtered slice; net mode
 * counts paid orders only (a refunded or cancelled first order acquired no one). Orders at the
 * same time break ties by order id.
 */
export function firstOrdersCte(g: Globals): string {
	return `c_first AS (${firstOrdersBody(g)})`;
}

/** `dated: false` leaves out the as-of date: the body of `undatedFirstOrders`. */
function firstOrdersBody(g: Globals, dated = true): string {
	const before = dated ? `\n\t\tAND o.order_time < ${dateLiteral(g.asOf)}` : '';
	const paid = g.revenue === 'net' ? `\n\t\tAND o.status = 'paid'` : '';
	// An aggregate, not a window numbering each customer's orders: on one thread, sorting every
	// order took twice as long (1M orders).
	return `
	SELECT o.customer_id, arg_min(o.order_id, (o.order_time, o.order_id)) AS first_order_id,
		min(o.order_time) AS first_time
	FROM orders o
	WHERE o.customer_id IS NOT NULL${before}${paid}
	GROUP BY o.customer_id
`;
}

/** `name AS (body)`. */
export const cteText = (cte: SharedCte): string => `${cte.name} AS (${cte.body})`;

/** `name AS (body)` after the CTEs it reads: the text cells write and BaseTables looks for. */
export const cteChain = (cte: SharedCte): string =>
	[...(cte.after ?? []), cte].map(cteText).join(',\n');

/** `SELECT * FROM table WHERE column < asOf`: a dated CTE's rows taken from its undated table. */
export const beforeAsOf =
	(g: Globals, column: string) =>
	(table: string): string =>
		`SELECT * FROM ${table} WHERE ${column} < ${dateLiteral(g.asOf)}`;

/**
 * The filtered orders are read from the orders as written unless the category filter is on:
 * their other filters are comparisons on the orders' own columns, which a scan applies as it
 * reads, so a table of them was a second copy of the orders for nothing. On 1M orders making it
 * took about 2 s before the first chart (duckdb-wasm, one thread), and on 5M building it held
 * about 600 MB more while it ran. The category filter looks every order up in its lines, which
 * is worth doing once.
 */
const inlineWhen = (g: Globals) => (g.categories?.length ? {} : { inline: true });

/** `f_orders` without the as-of date: every order the other controls keep. */
const undatedFilteredOrders = (g: Globals): SharedCte => ({
	name: 'f_orders',
	body: filteredOrdersBody(g, false),
	...inlineWhen(g)
});

/**
 * `c_first` without the as-of date: each customer's first-ever order. A customer's first order
 * before the as-of date is their first-ever order when that is before it, so one table serves
 * every date (a new date re-runs no window over the orders).
 */
const undatedFirstOrders = (g: Globals): SharedCte => ({
	name: 'c_first',
	body: firstOrdersBody(g, false)
});

/**
 * The globals' filtered order set as a shared CTE, for analyses whose own shared CTEs read it.
 * Its rows are the undated set's before the as-of date.
 */
export const sharedFilteredOrders = (g: Globals): SharedCte => ({
	name: 'f_orders',
	body: filteredOrdersBody(g),
	...inlineWhen(g),
	undated: { cte: undatedFilteredOrders(g), read: beforeAsOf(g, 'order_time') }
});

/** The first orders as a shared CTE, likewise. */
export const sharedFirstOrders = (g: Globals): SharedCte => ({
	name: 'c_first',
	body: firstOrdersBody(g),
	undated: { cte: undatedFirstOrders(g), read: beforeAsOf(g, 'first_time') }
});

/**
 * A shared CTE read from a table made without the as-of date, which a new date keeps: `body`
 * after the filtered orders (and, with `firstOrders`, the first orders, then `extra`), and the
 * same body after their undated twins for the table. `read` takes the date's rows from the table
 * (see `SharedCte.undated`).
 */
export function keptAcrossDates(
	g: Globals,
	spec: {
		name: string;
		body: string;
		firstOrders?: boolean;
		extra?: SharedCte[];
		read: (table: string) => string;
	}
): SharedCte {
	const { name, body, firstOrders, extra = [], read } = spec;
	const dated = firstOrders
		? [sharedFilteredOrders(g), sharedFirstOrders(g)]
		: [sharedFilteredOrders(g)];
	const undated = firstOrders
		? [undatedFilteredOrders(g), undatedFirstOrders(g)]
		: [undatedFilteredOrders(g)];
	return {
		name,
		body,
		after: [...dated, ...extra],
		undated: {
			cte: { name, body, after: [...undated, ...extra] },
			read
		}
	};
}

/**
 * The CTEs that every cell under the same global controls repeats: the filtered order set (also
 * without the date range, as the overview's KPIs compare against the previous period) and the
 * first orders. The notebook computes each once into a table (src/notebook/base-tables.ts).
 */
export function sharedCtes(g: Globals): SharedCte[] {
	return [
		sharedFilteredOrders(g),
		sharedFilteredOrders({ ...g, from: undefined, to: undefined }),
		sharedFirstOrders(g)
	];
}

/**
 * The end of the data a cell may see: the as-of date, or the day after the range's last day when
 * that is earlier. Periods ending after it are incomplete (censored).
 */
export function dataEndSql(g: Globals): string {
	const asOf = dateLiteral(g.asOf);
	return g.to ? `least(${asOf}, ${dateLiteral(g.to)} + 1)` : asOf;
}

/**
 * A drill selection value (a decoded Date, an ISO string or epoch ms) as a SQL DATE literal.
 * Dates are store-local kept as UTC, so the UTC fields are the calendar day.
 */
export function selectionDate(value: unknown): string {
	const d = value instanceof Date ? value : typeof value === 'number' ? new Date(value) : undefined;
	return dateLiteral(d ? formatTimestamp(d).slice(0, 10) : String(value).slice(0, 10));
}
