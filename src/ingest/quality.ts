/**
 * The data-quality report for one imported file, read from the temp tables that canonicalize.ts
 * built (before they are merged), and the running totals over the canonical tables. Nothing is
 * dropped silently: every rejected row is listed with its line number and reason.
 */
import type { SqlEngine } from '../engine/types.ts';
import type { OrderStatus } from './canonical.ts';
import type { ImportRecipe } from './recipe.ts';
import { INGEST_TABLES, type RejectReason } from './canonicalize.ts';
import type { OrderIdMode } from './mapping.ts';
import { fail, ok, type Failure, type Result } from '../lib/result.ts';
import { ident, literal } from '../lib/sql.ts';
import { CURRENCY_MARKS, resolveYen } from './amounts.ts';
import { toCsv } from '../lib/export/csv.ts';

export interface RejectedRow {
	/** Line in the source file (header = 1). */
	line: number;
	/** A RejectReason, or the reader's own code for rows it could not split (`read.…`). */
	reason: RejectReason | string;
	/** Source column holding the unreadable value, when one is to blame. */
	column: string | null;
	/** The value as written (for order-level rejections, the order id). */
	value: string | null;
	/** For `bad-date`: the format the value was read in (a DATE_FORMATS id or a pattern). */
	format?: string;
}

/** A file that failed, with the rows it rejected when every row was: their raw values and reasons. */
export type ImportFailure = Failure & { rejected?: RejectedRow[] };

/**
 * How explicit offsets in the order times were treated: 'none' written; one offset throughout,
 * converted to the store's zone ('single'); several (daylight saving), each time kept at its own
 * wall-clock reading ('wall-clock').
 */
export type OffsetRule = 'none' | 'single' | 'wall-clock';

interface StatusTotals {
	orders: number;
	/** Gross amount of those orders. */
	amount: number;
}

/**
 * Returns that were documents of their own (UCI `C` invoices, refund rows whose order is not in
 * the file): never orders, netted into the sales they take back (see canonicalize.ts).
 */
interface ReturnsNetted {
	/** Distinct return lines (exact duplicates counted once) and their amount. */
	lines: number;
	amount: number;
	/** Exact copies of a return line beyond the first, not netted again. */
	duplicateLines: number;
	duplicateAmount: number;
	/** What was taken back from orders loaded from earlier files. */
	earlierFiles: { orders: number; amount: number };
	/** Returns whose sale is in neither this file nor the data loaded before: revenue unchanged. */
	unmatched: { lines: number; amount: number };
	/** Returned beyond what the matched orders were worth (their net stops at 0). */
	excess: number;
	/** Lines of a cancellation document with a positive amount: neither sale nor return. */
	positiveCancellationLines: number;
	/** Rows of adjustment documents (UCI `A`, "Adjust bad debt"): neither sale nor return. */
	adjustmentRows: number;
	adjustmentAmount: number;
}

export interface FileQuality {
	file: string;
	preset: string | null;
	/** Data rows in the file (loaded + rejected). */
	rowsRead: number;
	/** Orders loaded, every status (`statuses` splits them; paid ones are what analyses count). */
	orders: number;
	lines: number;
	/** Customers with at least one paid order. */
	customers: number;
	unknownCustomerOrders: number;
	/** Net revenue of orders with no customer id. */
	unknownCustomerRevenue: number;
	grossRevenue: number;
	netRevenue: number;
	/** Refunds of this file's orders plus what its returns took back from earlier files' orders. */
	refundAmount: number;
	returns: ReturnsNetted;
	/** How order ids were generated for a file without an order id column; null: read from it. */
	generatedOrderIds: OrderIdMode | null;
	/** Store-local `YYYY-MM-DD HH:MM:SS`, null when no order was loaded. */
	firstOrder: string | null;
	lastOrder: string | null;
	/**
	 * ISO 4217 code from the data (the currency column, else the marks on the amounts), else the
	 * preset's; null when nothing says.
	 */
	currency: string | null;
	/** Rows per currency found in the data, most first; two or more: 'ingest.mixed-currency'. */
	currencies: CurrencyCount[];
	/** Orders already loaded from an earlier file that this file replaced. */
	duplicatesRemoved: number;
	statuses: Record<OrderStatus, StatusTotals>;
	suspicious: {
		zeroAmountOrders: number;
		/** Rows with a negative amount or quantity, netted into their order's refund. */
		refundRows: number;
		/** Return lines whose sale is not in this file nor loaded before (= returns.unmatched.lines). */
		refundOnlyOrders: number;
		futureOrders: number;
		before2000Orders: number;
	};
	/** Status words with no mapping (their orders were counted as paid). */
	unknownStatuses: { word: string; rows: number }[];
	rejected: RejectedRow[];
	dateOrder: 'ymd' | 'dmy' | 'mdy';
	/** True when the data had no day above 12 to decide day/month order from. */
	dateOrderGuessed: boolean;
	/** The order times' format, chosen or decided from the data (see dates/format.ts). */
	dateFormat: string;
	offsetRule: OffsetRule;
	/** The explicit offsets the order times carry, minutes east of UTC, most common first. */
	offsetsSeen: number[];
	storeOffsetMinutes: number;
	warnings: Failure[];
	/** How the file was read and mapped, for replaying the import elsewhere (the `.sql` export). */
	recipe?: ImportRecipe;
}

/**
 * Everything loaded so far, counted as the analyses count: `orders` are paid orders, `customers`
 * the customers with at least one, and the orders of every other status are listed beside them.
 */
export interface CanonicalTotals {
	orders: number;
	/** Orders that are not (or no longer) sales, by status: closed, cancelled, refunded. */
	otherOrders: Record<Exclude<OrderStatus, 'paid'>, number>;
	lines: number;
	customers: number;
	/** Paid orders with no customer id. */
	unknownCustomerOrders: number;
	unknownCustomerRevenue: number;
	netRevenue: number;
	firstOrder: string | null;
	lastOrder: string | null;
}

export interface ImportReport {
	/** Files imported by this call, in order. */
	files: FileQuality[];
	/** Files that failed; the canonical tables hold nothing from them. */
	failures: { file: string; error: ImportFailure }[];
	/** Everything loaded so far, this call's files included. */
	totals: CanonicalTotals;
}

const STATUSES: OrderStatus[] = ['paid', 'refunded', 'cancelled', 'closed'];

/** One row of counts and sums for the file just built (read before the merge). */
function buildFileSummarySql(now: Date, storeOffsetMinutes: number): string {
	const { rows, orders, lines, returns, matches, netted } = INGEST_TABLES;
	// "Now" as the store's wall clock, to compare with store-local order times.
	const localNow = literal(new Date(now.getTime() + storeOffsetMinutes * 60_000));
	const byStatus = STATUSES.map(
		(s) => `count(*) FILTER (WHERE status = ${literal(s)}) AS ${s}_orders,
	coalesce(sum(gross_amount) FILTER (WHERE status = ${literal(s)}), 0) AS ${s}_amount`
	).join(',\n\t');
	return `SELECT
	(SELECT count(*) FROM ${rows}) AS rows_read,
	count(*) AS orders,
	(SELECT count(*) FROM ${lines}) AS lines,
	count(DISTINCT customer_id) FILTER (WHERE status = 'paid') AS customers,
	count(*) FILTER (WHERE customer_id IS NULL) AS unknown_customer_orders,
	coalesce(sum(net_amount) FILTER (WHERE customer_id IS NULL), 0) AS unknown_customer_revenue,
	coalesce(sum(gross_amount), 0) AS gross_revenue,
	coalesce(sum(net_amount), 0) AS net_revenue,
	coalesce(sum(refund_amount), 0) + (SELECT coalesce(sum(taken), 0) FROM ${netted} WHERE NOT is_new) AS refund_amount,
	(SELECT count(*) FROM ${returns}) AS return_lines,
	(SELECT coalesce(sum(amount), 0) FROM ${returns}) AS return_amount,
	(SELECT coalesce(sum(copies - 1), 0) FROM ${returns}) AS duplicate_return_lines,
	(SELECT coalesce(sum(amount * (copies - 1)), 0) FROM ${returns}) AS duplicate_return_amount,
	(SELECT count(*) FROM ${netted} WHERE NOT is_new) AS earlier_orders,
	(SELECT coalesce(sum(taken), 0) FROM ${netted} WHERE NOT is_new) AS earlier_amount,
	(SELECT count(*) FROM ${returns} WHERE return_no NOT IN (SELECT return_no FROM ${matches})) AS unmatched_lines,
	(SELECT coalesce(sum(amount), 0) FROM ${returns} WHERE return_no NOT IN (SELECT return_no FROM ${matches})) AS unmatched_amount,
	(SELECT coalesce(sum(excess), 0) FROM ${netted}) AS return_excess,
	(SELECT count(*) FROM ${rows} WHERE doc_kind = 'cancellation' AND NOT is_negative AND reject_reason IS NULL) AS positive_cancellation_lines,
	(SELECT count(*) FROM ${rows} WHERE doc_kind = 'adjustment') AS adjustment_rows,
	(SELECT coalesce(sum(row_amount), 0) FROM ${rows} WHERE doc_kind = 'adjustment') AS adjustment_amount,
	strftime(min(order_time), '%Y-%m-%d %H:%M:%S') AS first_order,
	strftime(max(order_time), '%Y-%m-%d %H:%M:%S') AS last_order,
	count(*) FILTER (WHERE gross_amount = 0) AS zero_amount_orders,
	(SELECT count(*) FROM ${rows} WHERE is_refund AND reject_reason IS NULL) AS refund_rows,
	count(*) FILTER (WHERE order_time > ${localNow}) AS future_orders,
	count(*) FILTER (WHERE order_time < TIMESTAMP '2000-01-01 00:00:00') AS before_2000_orders,
	${byStatus}
FROM ${orders}`;
}

/** Status words that the mapping did not know, with how many rows used each. */
function buildUnknownStatusSql(): string {
	return `SELECT status_word AS word, count(*) AS rows FROM ${INGEST_TABLES.rows}
WHERE status_word IS NOT NULL AND status_mapped IS NULL AND reject_reason IS NULL
GROUP BY status_word ORDER BY rows DESC, word`;
}

function buildRejectedRowsSql(): string {
	return `SELECT line, reason, "column", value, format FROM ${INGEST_TABLES.rejects} ORDER BY line, reason`;
}

/**
 * Which currency each row is in: the currency column's value when there is one, else the first
 * currency mark on the row's amounts. One row per currency with its number of rows; ¥ is counted
 * as 'YEN', for `resolveCurrencies` to settle.
 */
function buildCurrencyProbeSql(
	stagingTable: string,
	amountColumns: string[],
	currencyColumn: string | undefined
): string {
	const text = (c: string) => `trim(CAST(${ident(c)} AS VARCHAR))`;
	// Plain numbers, most cells of most files, skip the regular expressions.
	const markOf = (v: string) =>
		`CASE WHEN TRY_CAST(${v} AS DOUBLE) IS NULL THEN CASE ${CURRENCY_MARKS.map(([pattern, code]) => `WHEN regexp_matches(${v}, ${literal(`(?i)${pattern}`)}) THEN ${literal(code)}`).join(' ')} END END`;
	const perRow = [
		...(currencyColumn === undefined
			? []
			: [
					`coalesce(${markOf(text(currencyColumn))}, CASE WHEN regexp_full_match(${text(currencyColumn)}, '[A-Za-z]{3}') THEN upper(${text(currencyColumn)}) END)`
				]),
		...amountColumns.map((c) => markOf(text(c)))
	];
	if (perRow.length === 0) return `SELECT NULL::VARCHAR AS currency, 0 AS rows WHERE FALSE`;
	// With a currency column, its word is the row's currency; the marks count only where it is
	// empty (Shopify writes it on an order's first row only, and those rows have no amount mark).
	return `WITH r AS (SELECT coalesce(${perRow.join(', ')}) AS currency FROM ${ident(stagingTable)})
SELECT currency, count(*) AS rows FROM r WHERE currency IS NOT NULL GROUP BY currency ORDER BY rows DESC, currency`;
}

export interface CurrencyCount {
	/** ISO 4217 code. */
	code: string;
	rows: number;
}

/**
 * The probe's counts with ¥ settled (JPY when the file or its preset says JPY, else CNY), most
 * rows first, and the file's currency: the most common one, else the preset's, else null.
 */
export function resolveCurrencies(
	found: readonly CurrencyCount[],
	presetCurrency: string | undefined
): { currency: string | null; counts: CurrencyCount[] } {
	const saysJpy = presetCurrency === 'JPY' || found.some((c) => c.code === 'JPY');
	const merged = new Map<string, number>();
	for (const c of found) {
		const code = resolveYen(c.code, saysJpy);
		merged.set(code, (merged.get(code) ?? 0) + c.rows);
	}
	const counts = [...merged]
		.map(([code, rows]) => ({ code, rows }))
		.sort((a, b) => b.rows - a.rows || a.code.localeCompare(b.code));
	return { currency: counts[0]?.code ?? presetCurrency ?? null, counts };
}

/**
 * The currency money should be shown in after importing these files: the one most of their
 * orders are in (each file counted by its orders), or null when no file says.
 */
export function dominantCurrency(files: readonly Pick<FileQuality, 'currency' | 'orders'>[]) {
	const orders = new Map<string, number>();
	for (const f of files)
		if (f.currency !== null) orders.set(f.currency, (orders.get(f.currency) ?? 0) + f.orders);
	return [...orders].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Running totals over the canonical tables (every file loaded so far), counted like the
 * analyses: paid orders and their customers, the other statuses beside them.
 */
function buildTotalsSql(): string {
	return `SELECT count(*) FILTER (WHERE status = 'paid') AS orders,
	count(*) FILTER (WHERE status = 'closed') AS closed_orders,
	count(*) FILTER (WHERE status = 'cancelled') AS cancelled_orders,
	count(*) FILTER (WHERE status = 'refunded') AS refunded_orders,
	(SELECT count(*) FROM order_lines) AS lines,
	count(DISTINCT customer_id) FILTER (WHERE status = 'paid') AS customers,
	count(*) FILTER (WHERE customer_id IS NULL AND status = 'paid') AS unknown_customer_orders,
	coalesce(sum(net_amount) FILTER (WHERE customer_id IS NULL), 0) AS unknown_customer_revenue,
	coalesce(sum(net_amount), 0) AS net_revenue,
	strftime(min(order_time), '%Y-%m-%d %H:%M:%S') AS first_order,
	strftime(max(order_time), '%Y-%m-%d %H:%M:%S') AS last_order
FROM orders`;
}

type Row = Record<string, unknown>;

async function queryRows(engine: SqlEngine, sql: string): Promise<Result<Row[]>> {
	const result = await engine.query(sql);
	if (!result.ok) return result;
	return ok(result.value.toArray().map((r) => r.toJSON() as Row));
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export interface FileQualityContext {
	file: string;
	preset: string | null;
	/** What probeCurrencies found in the staged rows. */
	currencies: readonly CurrencyCount[];
	defaultCurrency: string | undefined;
	duplicatesRemoved: number;
	readerRejected: RejectedRow[];
	dateOrder: 'ymd' | 'dmy' | 'mdy';
	dateOrderGuessed: boolean;
	dateFormat: string;
	offsetRule: OffsetRule;
	offsetsSeen: number[];
	storeOffsetMinutes: number;
	generatedOrderIds: OrderIdMode | null;
	warnings: Failure[];
	now: Date;
}

/**
 * The currencies of the staged rows (see buildCurrencyProbeSql), read before the staging table is
 * dropped: the only part of the quality report that needs the file's text as written.
 */
export async function probeCurrencies(
	engine: SqlEngine,
	stagingTable: string,
	amountColumns: string[],
	currencyColumn: string | undefined
): Promise<Result<CurrencyCount[]>> {
	const probe = await queryRows(
		engine,
		buildCurrencyProbeSql(stagingTable, amountColumns, currencyColumn)
	);
	if (!probe.ok) return probe;
	return ok(probe.value.map((r) => ({ code: String(r.currency), rows: num(r.rows) })));
}

/** Runs the report queries on the temp tables of the file just built. */
export async function collectFileQuality(
	engine: SqlEngine,
	ctx: FileQualityContext
): Promise<Result<FileQuality>> {
	const summary = await queryRows(engine, buildFileSummarySql(ctx.now, ctx.storeOffsetMinutes));
	if (!summary.ok) return summary;
	const unknown = await queryRows(engine, buildUnknownStatusSql());
	if (!unknown.ok) return unknown;
	const rejects = await queryRows(engine, buildRejectedRowsSql());
	if (!rejects.ok) return rejects;
	const currency = resolveCurrencies(ctx.currencies, ctx.defaultCurrency);
	const s = summary.value[0];
	if (!s) return fail('ingest.quality', 'the summary query returned no row');
	const statuses = Object.fromEntries(
		STATUSES.map((st) => [st, { orders: num(s[`${st}_orders`]), amount: num(s[`${st}_amount`]) }])
	) as Record<OrderStatus, StatusTotals>;
	const rejected: RejectedRow[] = [
		...ctx.readerRejected,
		...rejects.value.map((r) => ({
			line: num(r.line),
			reason: String(r.reason),
			column: str(r.column),
			value: str(r.value),
			...(r.format === null || r.format === undefined ? {} : { format: String(r.format) })
		}))
	].sort((a, b) => a.line - b.line);
	const warnings = [...ctx.warnings];
	if (unknown.value.length > 0)
		warnings.push({
			code: 'ingest.unknown-status',
			detail: unknown.value.map((r) => String(r.word)).join(', ')
		});
	// Summing pounds and dollars gives a number in no currency: say so, with the counts.
	if (currency.counts.length > 1)
		warnings.push({
			code: 'ingest.mixed-currency',
			detail: currency.counts.map((c) => `${c.code} ${c.rows}`).join(', ')
		});
	return ok({
		file: ctx.file,
		preset: ctx.preset,
		rowsRead: num(s.rows_read) + ctx.readerRejected.length,
		orders: num(s.orders),
		lines: num(s.lines),
		customers: num(s.customers),
		unknownCustomerOrders: num(s.unknown_customer_orders),
		unknownCustomerRevenue: num(s.unknown_customer_revenue),
		grossRevenue: num(s.gross_revenue),
		netRevenue: num(s.net_revenue),
		refundAmount: num(s.refund_amount),
		returns: {
			lines: num(s.return_lines),
			amount: num(s.return_amount),
			duplicateLines: num(s.duplicate_return_lines),
			duplicateAmount: num(s.duplicate_return_amount),
			earlierFiles: { orders: num(s.earlier_orders), amount: num(s.earlier_amount) },
			unmatched: { lines: num(s.unmatched_lines), amount: num(s.unmatched_amount) },
			excess: num(s.return_excess),
			positiveCancellationLines: num(s.positive_cancellation_lines),
			adjustmentRows: num(s.adjustment_rows),
			adjustmentAmount: num(s.adjustment_amount)
		},
		generatedOrderIds: ctx.generatedOrderIds,
		firstOrder: str(s.first_order),
		lastOrder: str(s.last_order),
		currency: currency.currency,
		currencies: currency.counts,
		duplicatesRemoved: ctx.duplicatesRemoved,
		statuses,
		suspicious: {
			zeroAmountOrders: num(s.zero_amount_orders),
			refundRows: num(s.refund_rows),
			refundOnlyOrders: num(s.unmatched_lines),
			futureOrders: num(s.future_orders),
			before2000Orders: num(s.before_2000_orders)
		},
		unknownStatuses: unknown.value.map((r) => ({ word: String(r.word), rows: num(r.rows) })),
		rejected,
		dateOrder: ctx.dateOrder,
		dateOrderGuessed: ctx.dateOrderGuessed,
		dateFormat: ctx.dateFormat,
		offsetRule: ctx.offsetRule,
		offsetsSeen: ctx.offsetsSeen,
		storeOffsetMinutes: ctx.storeOffsetMinutes,
		warnings
	});
}

export async function collectTotals(engine: SqlEngine): Promise<Result<CanonicalTotals>> {
	const rows = await queryRows(engine, buildTotalsSql());
	if (!rows.ok) return rows;
	const t = rows.value[0] ?? {};
	return ok({
		orders: num(t.orders),
		otherOrders: {
			closed: num(t.closed_orders),
			cancelled: num(t.cancelled_orders),
			refunded: num(t.refunded_orders)
		},
		lines: num(t.lines),
		customers: num(t.customers),
		unknownCustomerOrders: num(t.unknown_customer_orders),
		unknownCustomerRevenue: num(t.unknown_customer_revenue),
		netRevenue: num(t.net_revenue),
		firstOrder: str(t.first_order),
		lastOrder: str(t.last_order)
	});
}

const REJECTED_COLUMNS = ['file', 'line', 'reason', 'column', 'value', 'format'].map((key) => ({
	key,
	label: key
}));

/**
 * Every rejected row of every file in the report, as CSV for download. Written by the exports' CSV
 * writer, so a value a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@…`) is neutralised
 * the same way in both, and a signed number such as `+12.5` stays a number.
 */
export function rejectedRowsCsv(report: {
	files: readonly Pick<FileQuality, 'file' | 'rejected'>[];
}): string {
	const rows = report.files.flatMap((file) =>
		file.rejected.map((r) => ({ ...r, file: file.file, format: r.format ?? null }))
	);
	return toCsv(REJECTED_COLUMNS, rows);
}
