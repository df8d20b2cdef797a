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
import type { CanonicalField, Mapping } from './mapping.ts';

export const INGEST_TABLES = {
	rows: '__ingest_rows',
	draft: '__ingest_order_draft',
	orders: '__ingest_orders',
	lines: '__ingest_lines',
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
const DATE_FIELDS = ['order_time', 'pay_time'] as const;
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

/** Excel-style year-first dates, with optional time and offset: 2024-11-11 00:03:15 +0800. */
const YMD_RE = String.raw`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:[.,]\d+)?))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$`;
/** Year-last dates, day/month order decided by the mapping: 11/12/2024 10:03 PM. */
const YLAST_RE = String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:[.,]\d+)?))?)?\s*([AaPp][Mm])?$`;

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

/** Minutes east of UTC for an offset text (`Z`, `+0800`, `+08:00`, `-05`), '' = `fallback`. */
function offsetMinutes(tz: string, fallback: number): string {
	const compact = `replace(${tz}, ':', '')`;
	return `(CASE WHEN ${tz} = '' THEN ${fallback} WHEN upper(${tz}) = 'Z' THEN 0 ELSE
		(CASE WHEN left(${tz}, 1) = '-' THEN -1 ELSE 1 END) *
		(CAST(substr(${compact}, 2, 2) AS INTEGER) * 60 + (CASE WHEN length(${compact}) = 5 THEN CAST(substr(${compact}, 4, 2) AS INTEGER) ELSE 0 END)) END)`;
}

const intPart = (s: string, fallback = '0') =>
	`CAST(coalesce(nullif(${s}, ''), '${fallback}') AS INTEGER)`;
const secondsPart = (s: string) =>
	`CAST(replace(coalesce(nullif(${s}, ''), '0'), ',', '.') AS DOUBLE)`;

/**
 * `2024-11-11 00:03:15` (or with `/`, or without seconds or time) by DuckDB's own cast, else NULL
 * so the patterns decide. The cast would drop an offset, so values with one never take it.
 */
function castPlainDate(text: string): string {
	return `(CASE WHEN length(${text}) IN (10, 16, 19) AND substr(${text}, 5, 1) IN ('-', '/')
		AND NOT contains(${text}, '+') THEN TRY_CAST(replace(${text}, '/', '-') AS TIMESTAMP) END)`;
}

/**
 * A date text column → store-local TIMESTAMP, or NULL when unreadable. `plain` is the plain cast,
 * `a` and `b` the regexp_extract structs for the year-first and year-last patterns, computed in
 * earlier stages only for cells the cheaper readings did not take.
 * Without ICU, zones are plain minute arithmetic: a value at offset X becomes store-local by
 * adding (store − X) minutes.
 */
function parseDate(text: string, plain: string, a: string, b: string, mapping: Mapping): string {
	const store = mapping.timezoneOffsetMinutes;
	const order = mapping.dateOrder === 'auto' ? mapping.ambiguousDateDefault : mapping.dateOrder;
	const shift = (ts: string, fromMinutes: string) =>
		`(${ts} + to_minutes(CAST(${store} - ${fromMinutes} AS BIGINT)))`;
	const yearFirst = `try(make_timestamp(CAST(${a}.y AS BIGINT), ${intPart(`${a}.mo`)}, ${intPart(`${a}.d`)}, ${intPart(`${a}.h`)}, ${intPart(`${a}.mi`)}, ${secondsPart(`${a}.s`)}))`;
	const [day, month] = order === 'dmy' ? ['p1', 'p2'] : ['p2', 'p1'];
	const hour12 = `(CASE WHEN ${b}.ap = '' THEN ${intPart(`${b}.h`)} ELSE ${intPart(`${b}.h`)} % 12 + (CASE WHEN lower(${b}.ap) = 'pm' THEN 12 ELSE 0 END) END)`;
	const yearLast = `try(make_timestamp(CAST(${b}.y AS BIGINT), ${intPart(`${b}.${month}`)}, ${intPart(`${b}.${day}`)}, ${hour12}, ${intPart(`${b}.mi`)}, ${secondsPart(`${b}.s`)}))`;
	const naive = mapping.sourceOffsetMinutes ?? store;
	const serial = `TRY_CAST(${text} AS DOUBLE)`;
	const epoch = `TIMESTAMP '1970-01-01 00:00:00'`;
	return `(CASE
		WHEN ${text} IS NULL THEN NULL
		WHEN ${plain} IS NOT NULL THEN ${shift(plain, String(naive))}
		WHEN ${a}.y <> '' THEN ${shift(yearFirst, offsetMinutes(`${a}.tz`, naive))}
		WHEN ${b}.y <> '' THEN ${order === 'ymd' ? 'NULL' : shift(yearLast, String(naive))}
		WHEN regexp_full_match(${text}, '\\d{8}') THEN ${shift(`try(make_timestamp(CAST(substr(${text}, 1, 4) AS BIGINT), CAST(substr(${text}, 5, 2) AS INTEGER), CAST(substr(${text}, 7, 2) AS INTEGER), 0, 0, 0.0))`, String(naive))}
		WHEN regexp_full_match(${text}, '\\d{5}(\\.\\d+)?') AND ${serial} BETWEEN 20000 AND 80000
			THEN ${shift(`(TIMESTAMP '1899-12-30 00:00:00' + to_microseconds(CAST(round(${serial} * 86400000000) AS BIGINT)))`, String(naive))}
		WHEN regexp_full_match(${text}, '\\d{9,10}(\\.\\d+)?')
			THEN ${shift(`(${epoch} + to_microseconds(CAST(round(${serial} * 1000000) AS BIGINT)))`, '0')}
		WHEN regexp_full_match(${text}, '\\d{12,13}')
			THEN ${shift(`(${epoch} + to_microseconds(CAST(${serial} AS BIGINT) * 1000))`, '0')}
	END)`;
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

/** Row-level checks, first match wins: [reason, source field, condition]. */
function rowChecks(mapping: Mapping): [RejectReason, CanonicalField, string][] {
	const checks: [RejectReason, CanonicalField, string][] = [
		['missing-order-id', 'order_id', 'order_id IS NULL']
	];
	for (const f of DATE_FIELDS)
		if (mapping.fields[f]) checks.push(['bad-date', f, `${f}_t IS NOT NULL AND ${f}_v IS NULL`]);
	for (const f of NUMBER_FIELDS)
		if (mapping.fields[f])
			checks.push([
				f === 'quantity' ? 'bad-quantity' : 'bad-amount',
				f,
				`${f}_t IS NOT NULL AND ${f}_v IS NULL`
			]);
	return checks;
}

/**
 * Stage 1: one row per staged row, every field cleaned and parsed, with the reason it is rejected
 * (NULL when it is fine), whether it is a refund row (negative amount or quantity: WooCommerce
 * refunds, UCI returns) and whether its status word was recognised.
 */
export function buildParseRowsSql(mapping: Mapping, stagingTable: string): string {
	const name = (f: CanonicalField) => (f === 'order_id' ? 'order_id' : `${f}_t`);
	const idLike: CanonicalField[] = [...ID_FIELDS, ...NUMBER_FIELDS, ...DATE_FIELDS];
	const all: CanonicalField[] = [...idLike, ...TEXT_FIELDS];
	// Three steps so each expression reads plain column references: raw text, edges, null tokens.
	const raw = all.map((f) => `${source(mapping, f)} AS ${name(f)}`);
	const edges = all.map(
		(f) => `${idLike.includes(f) ? cleanId(name(f)) : cleanText(name(f))} AS ${name(f)}`
	);
	const text = all.map((f) => `${nullTokens(name(f), mapping)} AS ${name(f)}`);

	// Each date reading runs only where the cheaper one before it found nothing.
	const plainDates = DATE_FIELDS.map((f) => `${castPlainDate(`${f}_t`)} AS ${f}_plain`);
	const yearFirst = DATE_FIELDS.map(
		(f) =>
			`CASE WHEN ${f}_t IS NOT NULL AND ${f}_plain IS NULL THEN regexp_extract(${f}_t, ${literal(YMD_RE)}, ['y', 'mo', 'd', 'h', 'mi', 's', 'tz']) END AS ${f}_a`
	);
	const yearLast = DATE_FIELDS.map(
		(f) =>
			`CASE WHEN ${f}_a.y = '' THEN regexp_extract(${f}_t, ${literal(YLAST_RE)}, ['p1', 'p2', 'y', 'h', 'mi', 's', 'ap']) END AS ${f}_b`
	);
	const parsed = [
		...NUMBER_FIELDS.map((f) => `${parseNumber(`${f}_t`, mapping.decimal)} AS ${f}_v`),
		...DATE_FIELDS.map(
			(f) => `${parseDate(`${f}_t`, `${f}_plain`, `${f}_a`, `${f}_b`, mapping)} AS ${f}_v`
		)
	];
	const helpers = DATE_FIELDS.flatMap((f) => [`${f}_plain`, `${f}_a`, `${f}_b`]);
	const checks = rowChecks(mapping);
	const caseOf = (pick: (c: [RejectReason, CanonicalField, string]) => string) =>
		`CASE ${checks.map((c) => `WHEN ${c[2]} THEN ${pick(c)}`).join(' ')} END`;
	const columnOf = (f: CanonicalField) => literal(mapping.fields[f] ?? f);
	const valueOf = (f: CanonicalField) => (f === 'order_id' ? 'NULL' : `${f}_t`);
	const rowAmount =
		'coalesce(line_amount_v, unit_price_v * coalesce(quantity_v, 1), order_amount_v)';
	const provinceToken = `nullif(regexp_extract(address_t, '^(\\S+)', 1), '')`;

	return `CREATE OR REPLACE TABLE ${INGEST_TABLES.rows} AS
WITH t0 AS (SELECT src.__line AS __line, ${raw.join(',\n\t')} FROM ${ident(stagingTable)} AS src),
t1 AS (SELECT __line, ${edges.join(',\n\t')} FROM t0),
t AS (SELECT __line, ${text.join(',\n\t')} FROM t1),
p1 AS (SELECT *, ${plainDates.join(', ')} FROM t),
p2 AS (SELECT *, ${yearFirst.join(', ')} FROM p1),
p3 AS (SELECT *, ${yearLast.join(', ')} FROM p2),
v AS (SELECT * EXCLUDE (${helpers.join(', ')}), ${parsed.join(',\n\t')} FROM p3)
SELECT
	__line, order_id, customer_id_t AS customer_id,
	coalesce(order_time_v, pay_time_v) AS row_time,
	status_t AS status_word,
	${mapStatus('status_t', mapping)} AS status_mapped,
	${mapStatus('after_sale_status_t', mapping)} AS after_sale_mapped,
	order_amount_v AS order_amount, refund_amount_v AS refund_amount,
	coalesce(line_amount_v, unit_price_v * coalesce(quantity_v, 1)) AS line_amount,
	quantity_v AS quantity,
	(coalesce(${rowAmount} < 0, FALSE) OR coalesce(quantity_v < 0, FALSE)) AS is_refund,
	abs(coalesce(${rowAmount}, 0)) AS row_amount,
	channel_t AS channel, campaign_t AS campaign,
	coalesce(province_t, CASE WHEN address_t IS NOT NULL THEN coalesce(nullif(regexp_extract(${provinceToken}, '^(.+?(?:省|自治区|特别行政区|市))', 1), ''), ${provinceToken}) END) AS province,
	coalesce(city_t, nullif(regexp_extract(address_t, '^\\S+\\s+(\\S+)', 1), '')) AS city,
	product_id_t AS product_id, product_title_t AS product_title, category_t AS category,
	customer_name_t AS customer_name, phone_t AS phone, email_t AS email,
	${caseOf((c) => literal(c[0]))} AS reject_reason,
	${caseOf((c) => columnOf(c[1]))} AS reject_column,
	${caseOf((c) => valueOf(c[1]))} AS reject_value
FROM v`;
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
function buildOrderDraftSql(mapping: Mapping, fileLabel: string, per: PerOrder): string {
	const normal = 'NOT is_refund';
	const grossByLevel = {
		order: per.first('order_amount', normal),
		// The first line's amount even when it is empty.
		'first-line': per.firstLine('order_amount', normal),
		'line-sum': per.sum('line_amount', normal)
	}[mapping.orderAmountLevel];
	const cancelled = mapping.cancelPrefix
		? `WHEN starts_with(order_id, ${literal(mapping.cancelPrefix)}) THEN 'cancelled'`
		: '';
	return `CREATE OR REPLACE TABLE ${INGEST_TABLES.draft} AS
WITH bad AS (SELECT DISTINCT order_id FROM ${INGEST_TABLES.rows} WHERE reject_reason IS NOT NULL AND order_id IS NOT NULL),
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
	${per.groupBy}
),
a AS (
	SELECT *,
		-- An order made only of refund rows (a UCI C-invoice, a refund whose order is in another
		-- file) has no sale here: its gross is what was returned, so it nets to zero.
		-- A cancelled or closed order without an amount (Amazon leaves item-price empty) is 0.
		CASE WHEN normal_rows = 0 THEN refund_rows_amount
			WHEN status_mapped IN ('cancelled', 'closed') THEN coalesce(gross_declared, line_sum, 0)
			ELSE coalesce(gross_declared, line_sum) END AS gross
	FROM g
),
s AS (
	SELECT *,
		CASE ${cancelled}
			WHEN coalesce(status_mapped, 'paid') <> 'paid' THEN status_mapped
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
}

/**
 * Stage 3: the accepted orders, their lines and customers, and every rejected row with its reason.
 * Lines come from the non-refund rows of accepted orders, when the file has any line column.
 */
function buildOrderTablesSql(mapping: Mapping, per: PerOrder): string[] {
	const { rows, draft, orders, lines, customers, rejects } = INGEST_TABLES;
	const hasLines = LINE_FIELDS.some((f) => mapping.fields[f] !== undefined);
	const statements = [
		`CREATE OR REPLACE TABLE ${orders} AS
SELECT order_id, customer_id, order_time, status, gross_amount, refund_amount, net_amount,
	channel, campaign, province, city, source_file
FROM ${draft} WHERE reject_reason IS NULL`,
		`CREATE OR REPLACE TABLE ${lines} (order_id VARCHAR NOT NULL, line_no INTEGER NOT NULL,
	product_id VARCHAR, product_title VARCHAR, category VARCHAR, quantity DOUBLE NOT NULL,
	line_amount DOUBLE NOT NULL)`,
		`CREATE OR REPLACE TABLE ${customers} AS
SELECT customer_id, ${firstOf('customer_name')} AS name, ${firstOf('phone')} AS phone,
	${firstOf('email')} AS email
FROM ${rows} WHERE customer_id IS NOT NULL AND order_id IN (SELECT order_id FROM ${orders})
GROUP BY customer_id`,
		`CREATE OR REPLACE TABLE ${rejects} AS
SELECT __line AS line, reject_reason AS reason, reject_column AS "column", reject_value AS value
FROM ${rows} WHERE reject_reason IS NOT NULL
UNION ALL
SELECT r.__line, 'order-has-rejected-row', NULL, r.order_id
FROM ${rows} r WHERE r.reject_reason IS NULL AND r.order_id IN
	(SELECT order_id FROM ${rows} WHERE reject_reason IS NOT NULL AND order_id IS NOT NULL)
UNION ALL
SELECT r.__line, d.reject_reason, NULL, r.order_id
FROM ${rows} r JOIN ${draft} d USING (order_id) WHERE d.reject_reason IS NOT NULL`
	];
	if (hasLines)
		statements.push(`INSERT INTO ${lines}
SELECT r.order_id, ${per.lineNo},
	r.product_id, r.product_title, r.category, coalesce(r.quantity, 1),
	-- A one-line order without a line amount (Taobao's order report) is worth the order's amount.
	coalesce(r.line_amount, CASE WHEN d.normal_rows = 1 THEN d.gross_amount END, 0)
FROM ${rows} r JOIN ${draft} d USING (order_id)
WHERE d.reject_reason IS NULL AND NOT r.is_refund`);
	return statements;
}

/**
 * The statements that build the orders, lines, customers and rejects of one file from its parsed
 * rows (`buildParseRowsSql`), in order. `oneRowPerOrder` as ONE_ROW_PER_ORDER_PROBE_SQL found.
 */
export function buildOrderSql(
	mapping: Mapping,
	fileLabel: string,
	oneRowPerOrder: boolean
): string[] {
	const per = oneRowPerOrder ? fromOneRow : overRows;
	return [buildOrderDraftSql(mapping, fileLabel, per), ...buildOrderTablesSql(mapping, per)];
}

/**
 * Counts of year-last date values whose first or second part exceeds 12, for deciding day/month
 * order from the data. One row: first_over_12, second_over_12, year_last.
 */
export function buildDateOrderProbeSql(stagingTable: string, column: string): string {
	const col = `trim(CAST(${ident(column)} AS VARCHAR))`;
	const parts = `regexp_extract(${col}, ${literal(YLAST_RE)}, ['p1', 'p2', 'y'])`;
	return `WITH p AS (SELECT ${parts} AS b FROM ${ident(stagingTable)})
SELECT count(*) FILTER (WHERE b.y <> '' AND TRY_CAST(b.p1 AS INTEGER) > 12) AS first_over_12,
	count(*) FILTER (WHERE b.y <> '' AND TRY_CAST(b.p2 AS INTEGER) > 12) AS second_over_12,
	count(*) FILTER (WHERE b.y <> '') AS year_last
FROM p`;
}

/** The offset most explicitly-zoned times in the column carry, in minutes (NULL if none do). */
export function buildStoreOffsetProbeSql(stagingTable: string, column: string): string {
	const col = `trim(CAST(${ident(column)} AS VARCHAR))`;
	const tz = `regexp_extract(${col}, ${literal(YMD_RE)}, 7)`;
	return `WITH z AS (SELECT ${tz} AS tz FROM ${ident(stagingTable)})
SELECT ${offsetMinutes('tz', 0)} AS offset_minutes, count(*) AS n FROM z WHERE tz <> ''
GROUP BY tz ORDER BY n DESC, tz LIMIT 1`;
}

/** How many of the new orders replace orders already loaded (later file wins). */
export function buildDuplicateCountSql(): string {
	return `SELECT count(*) AS duplicates FROM ${INGEST_TABLES.orders}
WHERE order_id IN (SELECT order_id FROM orders)`;
}

/**
 * Moves the built file into the canonical tables in one transaction: orders already loaded with
 * the same id (and their lines) are replaced, customers merged with the new contact values first.
 * Run with BEGIN/COMMIT around it; on failure, ROLLBACK leaves the tables as they were.
 */
export function buildMergeSql(): string[] {
	const { orders, lines, customers } = INGEST_TABLES;
	return [
		`DELETE FROM order_lines WHERE order_id IN (SELECT order_id FROM ${orders})`,
		`DELETE FROM orders WHERE order_id IN (SELECT order_id FROM ${orders})`,
		`INSERT INTO orders BY NAME SELECT * FROM ${orders}`,
		`INSERT INTO order_lines BY NAME SELECT * FROM ${lines}`,
		`CREATE OR REPLACE TABLE __ingest_customers_merged AS
SELECT n.customer_id, coalesce(n.name, o.name) AS name, coalesce(n.phone, o.phone) AS phone,
	coalesce(n.email, o.email) AS email
FROM ${customers} n LEFT JOIN customers o USING (customer_id)`,
		`DELETE FROM customers WHERE customer_id IN (SELECT customer_id FROM ${customers})`,
		`INSERT INTO customers BY NAME SELECT * FROM __ingest_customers_merged`
	];
}

/** Drops the temp tables of the last file built, so a large file does not stay in memory twice. */
export function buildCleanupSql(): string {
	return [...Object.values(INGEST_TABLES), '__ingest_customers_merged']
		.map((t) => `DROP TABLE IF EXISTS ${t}`)
		.join(';\n');
}
