/**
 * Pure SQL builders that turn one staged file (a table of VARCHAR columns plus `__line`) into
 * canonical orders, order lines and customers. Everything runs inside DuckDB; nothing here
 * touches a row in JS. The results land in temp tables (INGEST_TABLES) that `buildMergeSql` moves
 * into the canonical tables in one transaction, so a failure part-way leaves them untouched.
 *
 * Per row: ids and text are cleaned, numbers and dates parsed, and any value that cannot be read
 * gives the row a reject reason. An order with a rejected row is rejected whole (its amounts would
 * be wrong otherwise), and so is an order that ends up with no amount or no time. Every rejected
 * row keeps its line number for the quality report.
 */
import { ident, literal } from '../lib/sql.ts';
import { AMOUNT_CODES_PATTERN, AMOUNT_SYMBOLS_CLASS } from './amounts.ts';
import {
	compileDateFormat,
	ISO_FORMAT,
	type CompiledDateFormat,
	type DateFormat
} from './dates/format.ts';
import { castPlainDateSql, extractDatePartsSql, readDateSql } from './dates/sql.ts';
import { orderIdModeOf, type Mapping } from './mapping.ts';
import { CUSTOMERS_DDL, ORDER_LINES_DDL, ORDERS_DDL, type CanonicalField } from './canonical.ts';

export const INGEST_TABLES = {
	rows: '__ingest_rows',
	draft: '__ingest_order_draft',
	returns: '__ingest_returns',
	candidates: '__ingest_sale_candidates',
	matches: '__ingest_return_matches',
	netted: '__ingest_netted',
	orders: '__ingest_orders',
	lines: '__ingest_lines',
	customerRows: '__ingest_customer_rows',
	customers: '__ingest_customers',
	rejects: '__ingest_rejects'
} as const;

/** Why a row was not loaded; the i18n catalog explains each as `ingest.reject.<reason>`. */
export type RejectReason =
	| 'missing-order-id'
	| 'bad-date'
	| 'bad-amount'
	| 'bad-quantity'
	| 'missing-date'
	| 'missing-amount'
	| 'order-has-rejected-row';

const ID_FIELDS = ['order_id', 'customer_id', 'product_id', 'phone'] as const;
const NUMBER_FIELDS = [
	'order_amount',
	'refund_amount',
	'line_amount',
	'unit_price',
	'quantity'
] as const;
export const DATE_FIELDS = ['order_time', 'pay_time'] as const;
const TEXT_FIELDS = [
	'status',
	'after_sale_status',
	'channel',
	'campaign',
	'province',
	'city',
	'address',
	'product_title',
	'category',
	'customer_name',
	'email'
] as const;

const LINE_FIELDS: CanonicalField[] = [
	'product_id',
	'product_title',
	'category',
	'quantity',
	'line_amount',
	'unit_price'
];

/**
 * Whitespace trimmed from cell edges: ASCII, ideographic space, no-break space, BOM, and for ids
 * also quotes. Cleaning runs on every cell, and in the wasm build each function call costs
 * about a microsecond (a character-set `trim` or a regular expression several), so cells are
 * first tested cheaply: only those starting with one of these characters, a tab, quote or `=`,
 * or ending in a tab, take the full clean-up; the rest get the plain space `trim`.
 */
const EDGE_SPACE = literal(' \t\r\n\u3000\u00A0\uFEFF');
const EDGE_SPACE_AND_QUOTES = literal(' \t\r\n\u3000\u00A0\uFEFF"\'');

/** The raw text of a field's source column, or NULL when the field is not mapped. */
function source(mapping: Mapping, field: CanonicalField): string {
	const column = mapping.fields[field];
	return column === undefined ? 'NULL::VARCHAR' : `CAST(src.${ident(column)} AS VARCHAR)`;
}

/**
 * Starts with a control character, space, quote, `=`, no-break or ideographic space or BOM, or
 * ends with a tab. (A long IN list would become a join per column, so a range and a short list.)
 */
const isOdd = (raw: string) =>
	`(ascii(${raw}) < 40 OR ascii(${raw}) IN (61, 160, 12288, 65279) OR ends_with(${raw}, '\t'))`;

/** Text with its edges trimmed, kept verbatim otherwise (a `=` or quote inside stays). */
function cleanText(raw: string): string {
	return `(CASE WHEN ${isOdd(raw)} THEN trim(${raw}, ${EDGE_SPACE}) ELSE trim(${raw}) END)`;
}

/**
 * An id, number or date as text: Excel's `="…"` guard (or `=…` when a parser kept only that), a
 * leading apostrophe and surrounding quotes or spaces are removed. Never goes through a number,
 * so 19-digit ids keep every digit.
 */
function cleanId(raw: string): string {
	const trimmed = `trim(${raw}, ${EDGE_SPACE})`;
	// Some parsers drop the quotes of `="0012"` and leave `=0012`: a bare `=` before an id-like word.
	const unguarded = `regexp_replace(regexp_replace(${trimmed}, '^=\\s*"(.*)"$', '\\1', 's'), '^=([\\w-]+)$', '\\1')`;
	const unwrapped = `(CASE WHEN starts_with(${trimmed}, '=') THEN ${unguarded} ELSE ${trimmed} END)`;
	return `(CASE WHEN ${isOdd(raw)} THEN trim(${unwrapped}, ${EDGE_SPACE_AND_QUOTES}) ELSE trim(${raw}) END)`;
}

/** NULL for empty cells and the mapping's null tokens (Pinduoduo's `-`). */
function nullTokens(cleaned: string, mapping: Mapping): string {
	if (mapping.nullTokens.length === 0) return `nullif(${cleaned}, '')`;
	const nulls = ['', ...mapping.nullTokens].map((t) => literal(t)).join(', ');
	return `(CASE WHEN ${cleaned} IN (${nulls}) THEN NULL ELSE ${cleaned} END)`;
}

/**
 * Number text → DOUBLE, or NULL when it is not a number. Accepts currency signs and codes,
 * thousands separators that match the decimal mark, `(12.00)` and trailing-minus negatives.
 * Anything else (words, two decimal marks) stays NULL so the row is rejected, not misread.
 */
export function parseNumber(textColumn: string, decimal: '.' | ','): string {
	const bare = `regexp_replace(regexp_replace(${textColumn}, ${literal(`(?i)${AMOUNT_CODES_PATTERN}`)}, '', 'g'), ${literal(AMOUNT_SYMBOLS_CLASS)}, '', 'g')`;
	const negative = `(${bare} LIKE '-%' OR ${bare} LIKE '%-' OR ${bare} LIKE '(%)')`;
	const digits = `regexp_replace(${bare}, '^[+(-]+|[)-]+$', '', 'g')`;
	const [group, mark] = decimal === '.' ? [',', '\\.'] : ['\\.', ','];
	const valid = `regexp_full_match(${digits}, '\\d{1,3}(${group}\\d{3})+(${mark}\\d+)?|\\d+(${mark}\\d*)?|${mark}\\d+')`;
	const normalized =
		decimal === '.'
			? `replace(${digits}, ',', '')`
			: `replace(replace(${digits}, '.', ''), ',', '.')`;
	const slow = `(CASE WHEN ${valid} THEN (CASE WHEN ${negative} THEN -1 ELSE 1 END) * TRY_CAST(${normalized} AS DOUBLE) END)`;
	// Plain numbers (most cells) skip the regular expressions; with decimal commas a point is a
	// thousands separator, so only point-free text may take the shortcut.
	const plain =
		decimal === '.'
			? `TRY_CAST(${textColumn} AS DOUBLE)`
			: `(CASE WHEN NOT contains(${textColumn}, '.') THEN TRY_CAST(${textColumn} AS DOUBLE) END)`;
	return `(CASE WHEN ${textColumn} IS NULL THEN NULL WHEN isfinite(${plain}) THEN ${plain} ELSE ${slow} END)`;
}

export type DateField = (typeof DATE_FIELDS)[number];

/** How one date column is read: the format decided for it and what to do with offsets. */
export interface DateReading {
	format: DateFormat;
	compiled: CompiledDateFormat;
	/** Its times carry different offsets (daylight saving): keep each one's wall-clock reading. */
	keepWallClock: boolean;
}

/**
 * The reading of a date field when the import did not decide one: the mapping's format, else
 * year first. (An invalid pattern reads as year first here; importFiles refuses it before.)
 */
function defaultReading(mapping: Mapping): DateReading {
	const format = mapping.dateFormat ?? 'iso';
	const compiled = compileDateFormat(format);
	if (compiled.ok) return { format, compiled: compiled.value, keepWallClock: false };
	return { format: 'iso', compiled: ISO_FORMAT, keepWallClock: false };
}

/** `CASE lower(x) WHEN 'word' THEN 'status' …`; unknown words give NULL (reported, then paid). */
function mapStatus(text: string, mapping: Mapping): string {
	const entries = Object.entries(mapping.statusMap);
	if (entries.length === 0) return 'NULL::VARCHAR';
	const whens = entries
		.map(([word, status]) => `WHEN ${literal(word.trim().toLowerCase())} THEN ${literal(status)}`)
		.join(' ');
	return `(CASE lower(${text}) ${whens} END)`;
}

/** What `buildParseRowsSql` needs besides the mapping. */
export interface ParseOptions {
	/** The file's label, part of generated `#row-` order ids. */
	fileLabel?: string;
	/** Id fields whose column writes every id as `N.0` (see FLOAT_ID_PROBE): read as `N`. */
	floatIdFields?: readonly CanonicalField[];
	/** How each date column is read (its format); absent: the mapping's default reading. */
	dates?: Partial<Record<DateField, DateReading>>;
	/**
	 * Parse only the staged rows with `from <= __line < to`, appending them to the parsed rows
	 * unless this is the first piece (see buildParseRowsPieces).
	 */
	lines?: { from: number; to: number; first: boolean };
}

/**
 * The order id of a row when no column holds one (Mapping.orderIdMode): `#row-<file>:<line>`, or
 * for 'customer-time' `#ct-<customer>@<store-local time>` so a customer's rows at one time form one
 * order. A row without a customer has no one to group with and keeps its own `#row-` id. The file
 * label keeps ids of different files apart, and re-importing a file gives the same ids again.
 */
function generatedOrderId(mapping: Mapping, fileLabel: string): string {
	const byRow = `(${literal(`#row-${fileLabel}:`)} || __line)`;
	if (mapping.orderIdMode !== 'customer-time') return byRow;
	const time = `coalesce(strftime(coalesce(order_time_v, pay_time_v), '%Y-%m-%d %H:%M:%S'), order_time_t, pay_time_t, '')`;
	return `(CASE WHEN customer_id_t IS NULL THEN ${byRow} ELSE '#ct-' || customer_id_t || '@' || ${time} END)`;
}

/**
 * buildParseRowsSql as `pieces.count` statements over the staged lines (0…`pieces.lastLine`),
 * each its own commit: a statement holds the rows it appends uncompressed until it commits, so on
 * a large file one statement held every parsed row at once (see STAGE_PIECE_BYTES). Parsing is
 * row by row, so the pieces make the same rows.
 */
export function buildParseRowsPieces(
	mapping: Mapping,
	stagingTable: string,
	opts: ParseOptions,
	pieces: LinePieces
): string[] {
	if (pieces.count <= 1) return [buildParseRowsSql(mapping, stagingTable, opts)];
	return lineRanges(pieces).map((lines) =>
		buildParseRowsSql(mapping, stagingTable, { ...opts, lines })
	);
}

/** A large file's rows, worked on in `count` statements over its lines 0…`lastLine`. */
export interface LinePieces {
	lastLine: number;
	count: number;
}

/** `count` ranges `from <= __line < to` that cover lines 0…`lastLine`, in order. */
function lineRanges({ lastLine, count }: LinePieces) {
	const step = Math.ceil((lastLine + 1) / count);
	return Array.from({ length: count }, (_, i) => ({
		from: i * step,
		to: i === count - 1 ? lastLine + 1 : (i + 1) * step,
		first: i === 0
	}));
}

/**
 * `select` run as `CREATE OR REPLACE TABLE table AS` its first piece and `INSERT INTO table` each
 * other: `piece(i)` is the condition its rows meet. Each statement commits on its own, so DuckDB
 * holds one piece of the new table uncompressed at a time, not all of it (see STAGE_PIECE_BYTES).
 */
function inPieces(
	table: string,
	count: number,
	select: (condition: string) => string,
	piece: (i: number) => string,
	/** The table's own definition (a canonical table's, see asTable): made first, then filled. */
	ddl?: string
): string[] {
	const condition = (i: number) => (count <= 1 ? 'TRUE' : piece(i));
	const pieces = Array.from({ length: Math.max(count, 1) }, (_, i) =>
		i === 0 && !ddl
			? `CREATE OR REPLACE TABLE ${table} AS\n${select(condition(i))}`
			: `INSERT INTO ${table}\n${select(condition(i))}`
	);
	return ddl ? [ddl, ...pieces] : pieces;
}

/**
 * A canonical table's definition under another name: the file's orders, lines and customers are
 * built as the canonical tables are, so the first file's can become them (buildMergeSql).
 */
const asTable = (ddl: string, name: string) =>
	ddl.replace(/^CREATE OR REPLACE TABLE \w+/, `CREATE OR REPLACE TABLE ${name}`);

/** The condition of each line range's rows, for inPieces. */
function byLines(pieces: LinePieces | undefined, column = '__line') {
	const ranges = pieces ? lineRanges(pieces) : [];
	return (i: number) => `${column} >= ${ranges[i].from} AND ${column} < ${ranges[i].to}`;
}

/**
 * The condition of each piece of the parsed rows (`alias` their table's, e.g. 'r.'), for inPieces:
 * by line when an order is one row; by order id when its rows are grouped, so that each order's
 * rows are in one piece.
 */
function byOrder(per: PerOrder, pieces: LinePieces | undefined, alias = '') {
	const count = pieces?.count ?? 1;
	return per.groupBy
		? (i: number) => `hash(${alias}order_id) % ${count} = ${i}`
		: byLines(pieces, `${alias}__line`);
}

/** A row-level check: the reason, the field to blame, when it fails, and the date format tried. */
type RowCheck = [RejectReason, CanonicalField, string, DateFormat | null];

/** Row-level checks, first match wins. */
function rowChecks(mapping: Mapping, dates: Record<DateField, DateReading>): RowCheck[] {
	const checks: RowCheck[] = [['missing-order-id', 'order_id', 'order_id IS NULL', null]];
	for (const f of DATE_FIELDS)
		if (mapping.fields[f])
			checks.push(['bad-date', f, `${f}_t IS NOT NULL AND ${f}_v IS NULL`, dates[f].format]);
	for (const f of NUMBER_FIELDS)
		if (mapping.fields[f])
			checks.push([
				f === 'quantity' ? 'bad-quantity' : 'bad-amount',
				f,
				`${f}_t IS NOT NULL AND ${f}_v IS NULL`,
				null
			]);
	return checks;
}

/**
 * Stage 1: one row per staged row, every field cleaned and parsed, with the reason it is rejected
 * (NULL when it is fine), whether it is a refund row (negative amount or quantity: WooCommerce
 * refunds, UCI returns) and whether its status word was recognised. `dates` says how each date
 * column is read (importFiles decides it from the data); a field without one is read in the
 * mapping's format, else year first.
 */
export function buildParseRowsSql(
	mapping: Mapping,
	stagingTable: string,
	opts: ParseOptions = {}
): string {
	const dates = opts.dates ?? {};
	const reading = Object.fromEntries(
		DATE_FIELDS.map((f) => [f, dates[f] ?? defaultReading(mapping)])
	) as Record<DateField, DateReading>;
	const name = (f: CanonicalField) => (f === 'order_id' ? 'order_id' : `${f}_t`);
	const idLike: CanonicalField[] = [...ID_FIELDS, ...NUMBER_FIELDS, ...DATE_FIELDS];
	const all: CanonicalField[] = [...idLike, ...TEXT_FIELDS];
	// Three steps so each expression reads plain column references: raw text, edges, null tokens.
	const raw = all.map((f) => `${source(mapping, f)} AS ${name(f)}`);
	const edges = all.map(
		(f) => `${idLike.includes(f) ? cleanId(name(f)) : cleanText(name(f))} AS ${name(f)}`
	);
	// A spreadsheet's float column writes id 17850 as `17850.0`; such a column is read as integers.
	const floatIds = new Set(opts.floatIdFields ?? []);
	const text = all.map((f) => {
		const value = nullTokens(name(f), mapping);
		return `${floatIds.has(f) ? `regexp_replace(${value}, '\\.0+$', '')` : value} AS ${name(f)}`;
	});

	// The format's pattern runs only on cells the plain cast did not read.
	const plainDates = DATE_FIELDS.map((f) => `${castPlainDateSql(`${f}_t`)} AS ${f}_plain`);
	const dateParts = DATE_FIELDS.map(
		(f) =>
			`CASE WHEN ${f}_t IS NOT NULL AND ${f}_plain IS NULL THEN ${extractDatePartsSql(`${f}_t`, reading[f].compiled)} END AS ${f}_x`
	);
	const store = mapping.timezoneOffsetMinutes;
	const parsed = [
		...NUMBER_FIELDS.map((f) => `${parseNumber(`${f}_t`, mapping.decimal)} AS ${f}_v`),
		...DATE_FIELDS.map(
			(f) =>
				`${readDateSql(`${f}_t`, `${f}_plain`, `${f}_x`, reading[f].compiled, {
					naiveOffsetMinutes: mapping.sourceOffsetMinutes ?? store,
					storeOffsetMinutes: store,
					keepWallClock: reading[f].keepWallClock
				})} AS ${f}_v`
		)
	];
	const helpers = DATE_FIELDS.flatMap((f) => [`${f}_plain`, `${f}_x`]);
	const checks = rowChecks(mapping, reading);
	const caseOf = (pick: (c: RowCheck) => string) =>
		`CASE ${checks.map((c) => `WHEN ${c[2]} THEN ${pick(c)}`).join(' ')} END`;
	const columnOf = (f: CanonicalField) => literal(mapping.fields[f] ?? f);
	const valueOf = (f: CanonicalField) => (f === 'order_id' ? 'NULL' : `${f}_t`);
	const rowAmount =
		'coalesce(line_amount_v, unit_price_v * coalesce(quantity_v, 1), order_amount_v)';
	const provinceToken = `nullif(regexp_extract(address_t, '^(\\S+)', 1), '')`;
	const orderId =
		mapping.fields.order_id === undefined
			? generatedOrderId(mapping, opts.fileLabel ?? '')
			: 'order_id';
	const docKind = [
		mapping.adjustmentPrefix
			? `WHEN starts_with(order_id, ${literal(mapping.adjustmentPrefix)}) THEN 'adjustment'`
			: '',
		mapping.cancelPrefix
			? `WHEN starts_with(order_id, ${literal(mapping.cancelPrefix)}) THEN 'cancellation'`
			: ''
	]
		.join(' ')
		.trim();
	const kind = docKind === '' ? `'sale'` : `CASE ${docKind} ELSE 'sale' END`;
	const negative = `(coalesce(${rowAmount} < 0, FALSE) OR coalesce(quantity_v < 0, FALSE))`;

	const lines = opts.lines;
	const into =
		lines && !lines.first
			? `INSERT INTO ${INGEST_TABLES.rows}`
			: `CREATE OR REPLACE TABLE ${INGEST_TABLES.rows} AS`;
	const range = lines ? ` WHERE src.__line >= ${lines.from} AND src.__line < ${lines.to}` : '';
	return `${into}
WITH t0 AS (SELECT src.__line AS __line, ${raw.join(',\n\t')} FROM ${ident(stagingTable)} AS src${range}),
t1 AS (SELECT __line, ${edges.join(',\n\t')} FROM t0),
t AS (SELECT __line, ${text.join(',\n\t')} FROM t1),
p1 AS (SELECT *, ${plainDates.join(', ')} FROM t),
p2 AS (SELECT *, ${dateParts.join(', ')} FROM p1),
v0 AS (SELECT * EXCLUDE (${helpers.join(', ')}), ${parsed.join(',\n\t')} FROM p2),
v AS (SELECT * REPLACE (${orderId} AS order_id) FROM v0),
k AS (SELECT *, ${kind} AS doc_kind FROM v)
SELECT
	__line, order_id, customer_id_t AS customer_id, doc_kind,
	coalesce(order_time_v, pay_time_v) AS row_time,
	status_t AS status_word,
	${mapStatus('status_t', mapping)} AS status_mapped,
	${mapStatus('after_sale_status_t', mapping)} AS after_sale_mapped,
	order_amount_v AS order_amount, refund_amount_v AS refund_amount,
	coalesce(line_amount_v, unit_price_v * coalesce(quantity_v, 1)) AS line_amount,
	quantity_v AS quantity,
	-- Every row of a cancellation document is a return, whatever its sign: it is never a sale.
	(doc_kind = 'cancellation' OR ${negative}) AS is_refund,
	${negative} AS is_negative,
	abs(coalesce(${rowAmount}, 0)) AS row_amount,
	channel_t AS channel, campaign_t AS campaign,
	coalesce(province_t, CASE WHEN address_t IS NOT NULL THEN coalesce(nullif(regexp_extract(${provinceToken}, '^(.+?(?:省|自治区|特别行政区|市))', 1), ''), ${provinceToken}) END) AS province,
	coalesce(city_t, nullif(regexp_extract(address_t, '^\\S+\\s+(\\S+)', 1), '')) AS city,
	product_id_t AS product_id, product_title_t AS product_title, category_t AS category,
	customer_name_t AS customer_name, phone_t AS phone, email_t AS email,
	${caseOf((c) => literal(c[0]))} AS reject_reason,
	${caseOf((c) => columnOf(c[1]))} AS reject_column,
	${caseOf((c) => valueOf(c[1]))} AS reject_value,
	${caseOf((c) => literal(c[3]))} AS reject_format
FROM k`;
}

/**
 * How stage 2 reads an order's values: over its rows (first non-empty by source line, sums,
 * counts), or, when every order is a single row (Taobao's order report, one-row-per-order
 * exports), from that row alone. Both give the same draft for such a file; the second needs no
 * hash table over every order, which on 1M orders was the import's largest memory peak.
 */
interface PerOrder {
	/** First non-empty value by source line (where `where` holds). */
	first(expr: string, where?: string): string;
	/** The first line's value even when it is empty. */
	firstLine(expr: string, where: string): string;
	sum(expr: string, where: string): string;
	count(where: string): string;
	any(condition: string): string;
	groupBy: string;
	/** A row's line number within its order (from 1, by source line). */
	lineNo: string;
}

/**
 * arg_min keeps one value and one line per order, where an ordered first() keeps every row of the
 * group until it sorts them: on 5M orders that is the difference between fitting in the page's
 * memory and not.
 */
const firstOf = (expr: string, where = 'TRUE') =>
	`arg_min(${expr}, __line) FILTER (WHERE ${where} AND ${expr} IS NOT NULL)`;

const overRows: PerOrder = {
	first: firstOf,
	// arg_min_null does not skip NULLs.
	firstLine: (expr, where) => `arg_min_null(${expr}, __line) FILTER (WHERE ${where})`,
	sum: (expr, where) => `sum(${expr}) FILTER (WHERE ${where})`,
	count: (where) => `count(*) FILTER (WHERE ${where})`,
	any: (condition) => `bool_or(${condition})`,
	groupBy: 'GROUP BY order_id',
	lineNo: 'CAST(row_number() OVER (PARTITION BY r.order_id ORDER BY r.__line) AS INTEGER)'
};

const fromOneRow: PerOrder = {
	first: (expr, where = 'TRUE') => `CASE WHEN ${where} AND ${expr} IS NOT NULL THEN ${expr} END`,
	firstLine: (expr, where) => `CASE WHEN ${where} THEN ${expr} END`,
	sum: (expr, where) => `CASE WHEN ${where} THEN ${expr} END`,
	count: (where) => `CAST(CASE WHEN ${where} THEN 1 ELSE 0 END AS BIGINT)`,
	any: (condition) => condition,
	groupBy: '',
	lineNo: 'CAST(1 AS INTEGER)'
};

/** True when no order id is on more than one row: stage 2 can read each order from its row. */
export const ONE_ROW_PER_ORDER_PROBE_SQL = `SELECT count(order_id) = count(DISTINCT order_id) AS one_row FROM ${INGEST_TABLES.rows}`;

/**
 * Stage 2: one draft row per order id from the rows of orders with no rejected row. Order-level
 * values are taken once (first non-empty by line), never summed over lines; refund rows are
 * netted into refund_amount. Drafts without an amount or a time are rejected in stage 3.
 */
function buildOrderDraftSql(
	mapping: Mapping,
	fileLabel: string,
	per: PerOrder,
	pieces: LinePieces | undefined
): string[] {
	const normal = 'NOT is_refund';
	// Rows grouped by customer and time are the lines of one basket: each row's amount adds up.
	const rowsAreLines = orderIdModeOf(mapping) === 'customer-time';
	const grossByLevel = {
		order: rowsAreLines ? per.sum('order_amount', normal) : per.first('order_amount', normal),
		// The first line's amount even when it is empty.
		'first-line': per.firstLine('order_amount', normal),
		'line-sum': per.sum('line_amount', normal)
	}[mapping.orderAmountLevel];
	const select = (
		inPiece: string
	) => `WITH bad AS (SELECT DISTINCT order_id FROM ${INGEST_TABLES.rows} WHERE reject_reason IS NOT NULL AND order_id IS NOT NULL),
g AS (
	SELECT order_id,
		${per.first('customer_id')} AS customer_id,
		coalesce(${per.first('row_time', normal)}, ${per.first('row_time')}) AS order_time,
		coalesce(${per.first('status_mapped', normal)}, ${per.first('status_mapped')}) AS status_mapped,
		${per.any(`after_sale_mapped = 'refunded'`)} AS after_sale_refunded,
		${per.count(normal)} AS normal_rows,
		${grossByLevel} AS gross_declared,
		${per.sum('line_amount', normal)} AS line_sum,
		coalesce(${per.first('refund_amount', normal)}, 0) + coalesce(${per.sum('row_amount', 'is_refund')}, 0) AS refund_total,
		${per.sum('row_amount', 'is_refund')} AS refund_rows_amount,
		${per.first('channel')} AS channel,
		${per.first('campaign')} AS campaign,
		${per.first('province')} AS province,
		${per.first('city')} AS city
	FROM ${INGEST_TABLES.rows}
	WHERE order_id IS NOT NULL AND order_id NOT IN (SELECT order_id FROM bad)
		AND doc_kind <> 'adjustment' AND ${inPiece}
	${per.groupBy}
),
a AS (
	SELECT *,
		-- A document made only of refund rows (a UCI C-invoice, a refund whose order is in another
		-- file) is no order: its rows are netted into the sales they take back (buildReturnsSql).
		-- A cancelled or closed order without an amount (Amazon leaves item-price empty) is 0.
		CASE WHEN normal_rows = 0 THEN refund_rows_amount
			WHEN status_mapped IN ('cancelled', 'closed') THEN coalesce(gross_declared, line_sum, 0)
			ELSE coalesce(gross_declared, line_sum) END AS gross
	FROM g
),
s AS (
	SELECT *,
		CASE WHEN coalesce(status_mapped, 'paid') <> 'paid' THEN status_mapped
			WHEN after_sale_refunded OR (refund_total > 0 AND refund_total >= gross) THEN 'refunded'
			ELSE 'paid' END AS status,
		refund_total AS refund_declared
	FROM a
),
r AS (
	-- A refunded order was refunded in full even when the file has no refund amount for it.
	SELECT *, CASE WHEN status = 'refunded' THEN greatest(refund_declared, gross) ELSE refund_declared END AS refund
	FROM s
)
SELECT order_id, customer_id, order_time, status, gross AS gross_amount, refund AS refund_amount,
	CASE WHEN status = 'paid' THEN greatest(gross - refund, 0) ELSE 0 END AS net_amount,
	channel, campaign, province, city, ${literal(fileLabel)} AS source_file,
	normal_rows,
	CASE WHEN gross IS NULL THEN 'missing-amount' WHEN order_time IS NULL THEN 'missing-date' END AS reject_reason
FROM r`;
	return inPieces(INGEST_TABLES.draft, pieces?.count ?? 1, select, byOrder(per, pieces));
}

/** Draft rows that become orders: accepted, with at least one sale row. */
const SALE_DRAFTS = `reject_reason IS NULL AND normal_rows > 0`;

/**
 * Stage 2b: returns that are documents of their own (a UCI `C` invoice, a refund row whose order
 * is not in the file) are no orders; each of their lines is netted into the sale it takes back.
 * A return line matches, in this order of preference:
 *   0. the paid order with the return's own id (a WooCommerce refund of an order loaded earlier);
 *   1. the same customer's latest paid order at or before the return that holds the same product;
 *   2. that customer's latest paid order at or before the return;
 *   3. that customer's earliest paid order after it.
 * A return without a customer matches only an order without one holding the same product (1, then
 * 3): any other guest order would be a guess. Candidates are this file's paid orders and the paid
 * orders already loaded that this file does not replace, so a return in next month's export takes
 * back a sale of this month's. Exact duplicate return lines count once; positive lines of a
 * cancellation document are neither sale nor return; lines matching nothing stay unmatched (their
 * sale predates the data) and change no revenue. All of it is reported in the quality report.
 */
function buildReturnsSql(): string[] {
	const { rows, draft, returns, candidates, matches, netted } = INGEST_TABLES;
	const since = (t: string) => `epoch_us(${t})`;
	const matchable = `(customer_id IN (SELECT customer_id FROM ${returns})
		OR order_id IN (SELECT return_id FROM ${returns})
		OR (customer_id IS NULL AND EXISTS (SELECT 1 FROM ${returns} WHERE customer_id IS NULL)))`;
	return [
		`CREATE OR REPLACE TABLE ${returns} AS
WITH d AS (SELECT order_id, customer_id FROM ${draft} WHERE reject_reason IS NULL AND normal_rows = 0),
l AS (
	SELECT r.order_id AS return_id, coalesce(r.customer_id, d.customer_id) AS customer_id,
		r.product_id, r.row_time AS return_time, r.quantity, r.row_amount AS amount,
		min(r.__line) AS first_line, count(*) AS copies
	FROM ${rows} r JOIN d USING (order_id)
	WHERE r.reject_reason IS NULL AND r.is_negative
	GROUP BY ALL
)
SELECT row_number() OVER (ORDER BY first_line) AS return_no, * FROM l`,
		// Only the paid orders a return can match (by its id, its customer, or as a guest order
		// when a return has no customer): a file without returns has none, and a large one does
		// not copy every order here.
		`CREATE OR REPLACE TABLE ${candidates} AS
WITH n AS (SELECT order_id, customer_id, order_time FROM ${draft} WHERE ${SALE_DRAFTS} AND status = 'paid')
SELECT order_id, customer_id, order_time, TRUE AS is_new FROM n WHERE ${matchable}
UNION ALL
SELECT order_id, customer_id, order_time, FALSE FROM orders
WHERE status = 'paid' AND order_id NOT IN (SELECT order_id FROM ${draft} WHERE ${SALE_DRAFTS})
	AND ${matchable}`,
		`CREATE OR REPLACE TABLE ${matches} AS
WITH p AS (
	SELECT DISTINCT order_id, product_id FROM ${rows}
	WHERE NOT is_refund AND product_id IN (SELECT product_id FROM ${returns})
	UNION
	SELECT DISTINCT order_id, product_id FROM order_lines
	WHERE product_id IN (SELECT product_id FROM ${returns})
		AND order_id IN (SELECT order_id FROM ${candidates} WHERE NOT is_new)
),
m AS (
	SELECT r.return_no, c.order_id, c.is_new, c.order_time, 0 AS tier
	FROM ${returns} r JOIN ${candidates} c ON c.order_id = r.return_id
	UNION ALL
	SELECT r.return_no, c.order_id, c.is_new, c.order_time,
		CASE WHEN c.order_time > r.return_time THEN 3 WHEN p.order_id IS NOT NULL THEN 1 ELSE 2 END
	FROM ${returns} r JOIN ${candidates} c ON c.customer_id = r.customer_id
	LEFT JOIN p ON p.order_id = c.order_id AND p.product_id = r.product_id
	UNION ALL
	SELECT r.return_no, c.order_id, c.is_new, c.order_time,
		CASE WHEN c.order_time > r.return_time THEN 3 ELSE 1 END
	FROM ${returns} r JOIN p ON p.product_id = r.product_id
	JOIN ${candidates} c ON c.order_id = p.order_id AND c.customer_id IS NULL
	WHERE r.customer_id IS NULL
)
SELECT return_no, order_id, is_new, tier FROM m
QUALIFY row_number() OVER (PARTITION BY return_no
	ORDER BY tier, CASE WHEN tier = 3 THEN ${since('order_time')} ELSE -${since('order_time')} END, order_id DESC) = 1`,
		// Per matched order: what its returns take back, capped at what is left of it.
		`CREATE OR REPLACE TABLE ${netted} AS
WITH s AS (
	SELECT m.order_id, m.is_new, sum(r.amount) AS returned, count(*) AS return_lines
	FROM ${matches} m JOIN ${returns} r USING (return_no) GROUP BY ALL
),
t AS (
	SELECT order_id, gross_amount, refund_amount, TRUE AS is_new FROM ${draft} WHERE ${SALE_DRAFTS}
	UNION ALL
	SELECT order_id, gross_amount, refund_amount, FALSE FROM orders
	WHERE order_id IN (SELECT order_id FROM s WHERE NOT is_new)
)
SELECT s.*, least(t.refund_amount + s.returned, t.gross_amount) AS refund_after,
	least(s.returned, greatest(t.gross_amount - t.refund_amount, 0)) AS taken,
	greatest(t.refund_amount + s.returned - t.gross_amount, 0) AS excess,
	t.refund_amount + s.returned >= t.gross_amount AS fully_refunded,
	greatest(t.gross_amount - t.refund_amount - s.returned, 0) AS net_after
FROM s JOIN t USING (order_id, is_new)`
	];
}

/**
 * Stage 3: the accepted orders (with the returns netted into them), their lines and customers, and
 * every rejected row with its reason. Lines come from the non-refund rows of accepted orders, when
 * the file has any line column.
 */
function buildOrderTablesSql(
	mapping: Mapping,
	per: PerOrder,
	pieces: LinePieces | undefined
): string[] {
	const { rows, draft, netted, orders, lines, customerRows, customers, rejects } = INGEST_TABLES;
	const hasLines = LINE_FIELDS.some((f) => mapping.fields[f] !== undefined);
	const rowsAreLines = orderIdModeOf(mapping) === 'customer-time';
	const count = pieces?.count ?? 1;
	const statements = [
		...inPieces(
			orders,
			count,
			(inPiece) => `SELECT d.order_id, d.customer_id, d.order_time,
	CASE WHEN n.fully_refunded THEN 'refunded' ELSE d.status END AS status,
	d.gross_amount, coalesce(n.refund_after, d.refund_amount) AS refund_amount,
	CASE WHEN n.fully_refunded THEN 0 ELSE coalesce(n.net_after, d.net_amount) END AS net_amount,
	d.channel, d.campaign, d.province, d.city, d.source_file
FROM ${draft} d LEFT JOIN ${netted} n ON n.order_id = d.order_id AND n.is_new
WHERE d.reject_reason IS NULL AND d.normal_rows > 0 AND ${inPiece}`,
			(i) => `hash(d.order_id) % ${count} = ${i}`,
			asTable(ORDERS_DDL, orders)
		),
		// The rows of accepted orders first, then their customers: native DuckDB 1.4 could not
		// spill the two at once (the join's table beside the string states of arg_min), and with a
		// 2 GB limit a 50M-order file ran out of memory here.
		...inPieces(
			customerRows,
			count,
			(inPiece) => `SELECT customer_id, __line, customer_name, phone, email
FROM ${rows} WHERE customer_id IS NOT NULL AND order_id IN (SELECT order_id FROM ${orders}) AND ${inPiece}`,
			byLines(pieces)
		),
		asTable(CUSTOMERS_DDL, customers),
		`INSERT INTO ${customers}
SELECT customer_id, ${firstOf('customer_name')} AS name, ${firstOf('phone')} AS phone,
	${firstOf('email')} AS email
FROM ${customerRows}
GROUP BY customer_id`,
		`DROP TABLE ${customerRows}`,
		`CREATE OR REPLACE TABLE ${rejects} AS
SELECT __line AS line, reject_reason AS reason, reject_column AS "column", reject_value AS value,
	reject_format AS format
FROM ${rows} WHERE reject_reason IS NOT NULL
UNION ALL
SELECT r.__line, 'order-has-rejected-row', NULL, r.order_id, NULL
FROM ${rows} r WHERE r.reject_reason IS NULL AND r.order_id IN
	(SELECT order_id FROM ${rows} WHERE reject_reason IS NOT NULL AND order_id IS NOT NULL)
UNION ALL
SELECT r.__line, d.reject_reason, NULL, r.order_id, NULL
FROM ${rows} r JOIN ${draft} d USING (order_id) WHERE d.reject_reason IS NOT NULL`
	];
	const linesDdl = asTable(ORDER_LINES_DDL, lines);
	if (!hasLines) return [...statements, linesDdl];
	// A line's number counts its order's rows, so the pieces split the orders, not the lines.
	return [
		...statements,
		...inPieces(
			lines,
			count,
			(inPiece) => `SELECT r.order_id, ${per.lineNo},
	r.product_id, r.product_title, r.category, coalesce(r.quantity, 1),
	-- A one-line order without a line amount (Taobao's order report) is worth the order's amount;
	-- so is each row of a basket grouped by customer and time.
	coalesce(r.line_amount, ${rowsAreLines ? 'r.order_amount, ' : ''}CASE WHEN d.normal_rows = 1 THEN d.gross_amount END, 0)
FROM ${rows} r JOIN ${draft} d USING (order_id)
WHERE d.reject_reason IS NULL AND NOT r.is_refund AND ${inPiece}`,
			byOrder(per, pieces, 'r.'),
			linesDdl
		)
	];
}

/**
 * The statements that build the orders, lines, customers and rejects of one file from its parsed
 * rows (`buildParseRowsSql`), in order. `oneRowPerOrder` as ONE_ROW_PER_ORDER_PROBE_SQL found.
 */
export function buildOrderSql(
	mapping: Mapping,
	fileLabel: string,
	oneRowPerOrder: boolean,
	pieces?: LinePieces
): string[] {
	const per = oneRowPerOrder ? fromOneRow : overRows;
	return [
		...buildOrderDraftSql(mapping, fileLabel, per, pieces),
		...buildReturnsSql(),
		...buildOrderTablesSql(mapping, per, pieces)
	];
}

/**
 * Per id column, how many values are present and how many are integers written as `N.0` (a float
 * column saved by pandas or Excel: `17850.0`). One row: `n_<i>`, `float_<i>` for `columns[i]`.
 * A column is read as integers only when every present value is such, decided over the whole
 * column, so a real decimal id elsewhere in it keeps every id as written.
 */
export function buildFloatIdProbeSql(stagingTable: string, columns: readonly string[]): string {
	const counts = columns.map((c, i) => {
		const v = `nullif(trim(CAST(${ident(c)} AS VARCHAR)), '')`;
		return `count(${v}) AS n_${i}, count(*) FILTER (WHERE regexp_full_match(${v}, '-?\\d+\\.0+')) AS float_${i}`;
	});
	return `SELECT ${counts.join(',\n\t')} FROM ${ident(stagingTable)}`;
}

/**
 * True when the merge can take the file's tables as they are: no order, line or customer is
 * loaded yet, and the file's tables sit beside the canonical ones (the command line's database
 * file keeps them as temp tables instead, see src/engine/native.ts).
 */
export const MERGE_BY_RENAME_SQL = `SELECT NOT EXISTS (SELECT 1 FROM orders)
	AND NOT EXISTS (SELECT 1 FROM order_lines) AND NOT EXISTS (SELECT 1 FROM customers)
	AND EXISTS (SELECT 1 FROM duckdb_tables() c JOIN duckdb_tables() f USING (database_name, schema_name)
		WHERE c.table_name = 'orders' AND f.table_name = '${INGEST_TABLES.orders}' AND NOT f.temporary) AS by_rename`;

/** How many of the new orders replace orders already loaded (later file wins). */
export function buildDuplicateCountSql(): string {
	return `SELECT count(*) AS duplicates FROM ${INGEST_TABLES.orders}
WHERE order_id IN (SELECT order_id FROM orders)`;
}

/**
 * Moves the built file into the canonical tables in one transaction: orders already loaded with
 * the same id (and their lines) are replaced, customers merged with the new contact values first.
 * `byRename`: the file's tables can become the canonical ones (MERGE_BY_RENAME_SQL says so).
 * Run with BEGIN/COMMIT around it; on failure, ROLLBACK leaves the tables as they were.
 */
export function buildMergeSql(byRename = false): string[] {
	const { orders, lines, customers } = INGEST_TABLES;
	// Into empty tables the file's own become the canonical ones: copying them would hold every
	// row uncompressed until the commit (at 5M orders, the import's largest need for memory).
	if (byRename)
		return [
			[orders, 'orders'],
			[lines, 'order_lines'],
			[customers, 'customers']
		].flatMap(([from, to]) => [`DROP TABLE ${to}`, `ALTER TABLE ${from} RENAME TO ${to}`]);
	return [
		`DELETE FROM order_lines WHERE order_id IN (SELECT order_id FROM ${orders})`,
		`DELETE FROM orders WHERE order_id IN (SELECT order_id FROM ${orders})`,
		`INSERT INTO orders BY NAME SELECT * FROM ${orders}`,
		// Returns in this file that take back orders loaded from earlier files.
		`UPDATE orders SET refund_amount = n.refund_after,
	net_amount = CASE WHEN n.fully_refunded THEN 0 ELSE n.net_after END,
	status = CASE WHEN n.fully_refunded THEN 'refunded' ELSE orders.status END
FROM ${INGEST_TABLES.netted} n WHERE NOT n.is_new AND orders.order_id = n.order_id`,
		`INSERT INTO order_lines BY NAME SELECT * FROM ${lines}`,
		`CREATE OR REPLACE TABLE __ingest_customers_merged AS
SELECT n.customer_id, coalesce(n.name, o.name) AS name, coalesce(n.phone, o.phone) AS phone,
	coalesce(n.email, o.email) AS email
FROM ${customers} n LEFT JOIN customers o USING (customer_id)`,
		`DELETE FROM customers WHERE customer_id IN (SELECT customer_id FROM ${customers})`,
		`INSERT INTO customers BY NAME SELECT * FROM __ingest_customers_merged`
	];
}

/**
 * Drops the file's intermediate tables once its quality is reported, keeping only the four the
 * merge reads: the peak of an import is the merge, and by then the file's rows need not be held
 * three times over (staged, parsed, drafted) beside the canonical tables.
 */
export function buildPreMergeCleanupSql(stagingTable: string): string {
	const { orders, lines, customers, netted } = INGEST_TABLES;
	const merged: string[] = [orders, lines, customers, netted];
	return [stagingTable, ...Object.values(INGEST_TABLES).filter((t) => !merged.includes(t))]
		.map((t) => `DROP TABLE IF EXISTS ${ident(t)}`)
		.join(';\n');
}

/** Drops the temp tables of the last file built, so a large file does not stay in memory twice. */
export function buildCleanupSql(): string {
	return [...Object.values(INGEST_TABLES), '__ingest_customers_merged']
		.map((t) => `DROP TABLE IF EXISTS ${t}`)
		.join(';\n');
}
