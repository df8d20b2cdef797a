/**
 * Dates in SQL: the probes that decide a column's format and see its offsets, and the
 * expression that reads a cell in the decided format (the same reading as parse.ts in JS).
 * Without ICU, zones are plain minute arithmetic: a value at offset X becomes store-local by
 * adding (store − X) minutes.
 */
import { ident, literal } from '../../lib/sql.ts';
import { ISO_RE, type CompiledDateFormat, type TextDateFormat } from './format.ts';
import { YEAR_LAST_PARTS, YEAR_LAST_RE } from './detect.ts';

/** Minutes east of UTC for an offset text (`Z`, `+0800`, `+08:00`, `-05`), '' = `fallback`. */
function offsetMinutesSql(tz: string, fallback: string | number): string {
	const compact = `replace(${tz}, ':', '')`;
	return `(CASE WHEN ${tz} = '' THEN ${fallback} WHEN upper(${tz}) = 'Z' THEN 0 ELSE
		(CASE WHEN left(${tz}, 1) = '-' THEN -1 ELSE 1 END) *
		(CAST(substr(${compact}, 2, 2) AS INTEGER) * 60 + (CASE WHEN length(${compact}) = 5 THEN CAST(substr(${compact}, 4, 2) AS INTEGER) ELSE 0 END)) END)`;
}

/**
 * `2024-11-11 00:03:15` (or with `/`, or without seconds or time) by DuckDB's own cast, else NULL
 * so the format decides. The cast would drop an offset, so values with one never take it. Every
 * format takes this reading first: it is the cheap one, and a year-first value is unambiguous.
 */
export function castPlainDateSql(text: string): string {
	return `(CASE WHEN length(${text}) IN (10, 16, 19) AND substr(${text}, 5, 1) IN ('-', '/')
		AND NOT contains(${text}, '+') THEN TRY_CAST(replace(${text}, '/', '-') AS TIMESTAMP) END)`;
}

/** The parts of a text format as a struct, for cells the plain cast did not read; else NULL. */
export function extractDatePartsSql(text: string, format: CompiledDateFormat): string {
	if (format.kind !== 'text') return 'NULL';
	const names = format.parts.map((p) => literal(p)).join(', ');
	return `regexp_extract(${text}, ${literal(format.regex)}, [${names}])`;
}

export interface DateReadingSql {
	/** Offset of times written without one, in minutes (the source's, else the store's). */
	naiveOffsetMinutes: number;
	storeOffsetMinutes: number;
	/** Times with their own offset keep their wall-clock reading (offsets differ in the column). */
	keepWallClock: boolean;
}

const intPart = (s: string) => `CAST(coalesce(nullif(${s}, ''), '0') AS INTEGER)`;

/** The TIMESTAMP a matched struct `x` stands for, or NULL when a part is out of range. */
function textTimestamp(x: string, f: TextDateFormat): string {
	const has = (p: string) => f.parts.includes(p as never);
	const part = (p: string) => (has(p) ? intPart(`${x}.${p}`) : '0');
	const y = intPart(`${x}.y`);
	const year = f.twoDigitYear ? `(CASE WHEN ${y} < 70 THEN 2000 + ${y} ELSE 1900 + ${y} END)` : y;
	const pm = `(${x}.ap = '下午' OR lower(left(${x}.ap, 1)) = 'p')`;
	const hour = has('ap')
		? `(CASE WHEN ${x}.ap = '' THEN ${part('h')} WHEN ${part('h')} <= 12 THEN ${part('h')} % 12 + (CASE WHEN ${pm} THEN 12 ELSE 0 END) END)`
		: part('h');
	const seconds = has('s')
		? `CAST(replace(coalesce(nullif(${x}.s, ''), '0'), ',', '.') AS DOUBLE)`
		: '0.0';
	// make_timestamp rolls 24:00 or 60 s over into the next unit; a cell saying that is a typo.
	return `(CASE WHEN ${hour} <= 23 AND ${part('mi')} <= 59 AND ${seconds} < 60
		THEN try(make_timestamp(CAST(${year} AS BIGINT), ${part('mo')}, ${part('d')}, ${hour}, ${part('mi')}, ${seconds})) END)`;
}

/**
 * A cleaned date cell → store-local TIMESTAMP, or NULL when it is not a date in `format`.
 * `plain` is castPlainDateSql of the cell and `x` extractDatePartsSql, computed in earlier
 * stages so each runs only where it is needed.
 */
export function readDateSql(
	text: string,
	plain: string,
	x: string,
	format: CompiledDateFormat,
	r: DateReadingSql
): string {
	const shift = (ts: string, fromMinutes: string | number) =>
		`(${ts} + to_minutes(CAST(${r.storeOffsetMinutes} - ${fromMinutes} AS BIGINT)))`;
	const naive = r.naiveOffsetMinutes;
	const serial = `TRY_CAST(${text} AS DOUBLE)`;
	const epoch = `TIMESTAMP '1970-01-01 00:00:00'`;
	let reading: string;
	if (format.kind === 'text') {
		const ts = textTimestamp(x, format);
		const zoned = format.parts.includes('tz')
			? `(CASE WHEN ${x}.tz = '' THEN ${shift(ts, naive)} ELSE ${r.keepWallClock ? ts : shift(ts, offsetMinutesSql(`${x}.tz`, naive))} END)`
			: shift(ts, naive);
		reading = `WHEN ${x}.y <> '' THEN ${zoned}`;
	} else if (format.kind === 'excel')
		reading = `WHEN regexp_full_match(${text}, '\\d+(\\.\\d+)?') AND ${serial} >= 1 AND ${serial} < 2958466
			THEN ${shift(`(TIMESTAMP '1899-12-30 00:00:00' + to_microseconds(CAST(round(${serial} * 86400000000) AS BIGINT)))`, naive)}`;
	else if (format.kind === 'unix-s')
		reading = `WHEN regexp_full_match(${text}, '\\d+(\\.\\d+)?')
			THEN ${shift(`(${epoch} + to_microseconds(CAST(round(${serial} * 1000000) AS BIGINT)))`, 0)}`;
	else
		reading = `WHEN regexp_full_match(${text}, '\\d+')
			THEN ${shift(`(${epoch} + to_microseconds(CAST(${serial} AS BIGINT) * 1000))`, 0)}`;
	return `(CASE WHEN ${text} IS NULL THEN NULL
		WHEN ${plain} IS NOT NULL THEN ${shift(plain, naive)}
		${reading} END)`;
}

/** A staged column's non-empty values, trimmed, without the mapping's null tokens. */
function valuesOf(stagingTable: string, column: string, nullTokens: readonly string[]): string {
	const v = `trim(CAST(${ident(column)} AS VARCHAR))`;
	const nulls = ['', ...nullTokens].map((t) => literal(t)).join(', ');
	return `SELECT ${v} AS v FROM ${ident(stagingTable)} WHERE ${v} NOT IN (${nulls})`;
}

/**
 * The shapes of a date column's values with their counts, rows as DateShapeCount (snake_case),
 * for decideDateFormat. Runs over the whole column; a value the plain cast reads costs no
 * regular expression, the others one or two.
 */
export function buildDateShapeProbeSql(
	stagingTable: string,
	column: string,
	nullTokens: readonly string[] = []
): string {
	const names = YEAR_LAST_PARTS.map((p) => literal(p)).join(', ');
	const whole = `split_part(v, '.', 1)`;
	const fraction = `contains(v, '.')`;
	const n = `TRY_CAST(v AS DOUBLE)`;
	return `WITH c AS (${valuesOf(stagingTable, column, nullTokens)}),
p AS (SELECT v, ${castPlainDateSql('v')} IS NOT NULL AS plain FROM c),
b AS (SELECT v, plain, CASE WHEN NOT plain THEN regexp_extract(v, ${literal(YEAR_LAST_RE)}, [${names}]) END AS b FROM p),
s AS (SELECT b, CASE
	WHEN plain THEN 'iso'
	WHEN b.y <> '' THEN 'year-last'
	WHEN regexp_full_match(v, ${literal(ISO_RE)}) THEN 'iso'
	WHEN NOT regexp_full_match(v, '\\d+(\\.\\d+)?') THEN 'other'
	WHEN NOT ${fraction} AND length(v) = 8 THEN 'compact'
	WHEN NOT ${fraction} AND length(v) = 14 THEN 'compact-time'
	WHEN length(${whole}) = 5 AND ${n} BETWEEN 20000 AND 80000 THEN 'excel'
	WHEN length(${whole}) IN (9, 10) THEN 'unix-s'
	WHEN NOT ${fraction} AND length(v) IN (12, 13) THEN 'unix-ms'
	ELSE 'other' END AS shape FROM b)
SELECT shape,
	CASE WHEN shape = 'year-last' THEN b.s1 || b.s2 END AS separators,
	CASE WHEN shape = 'year-last' THEN length(b.y) END AS year_digits,
	count(*) AS count,
	count(*) FILTER (WHERE shape = 'year-last' AND TRY_CAST(b.p1 AS INTEGER) > 12) AS first_over_12,
	count(*) FILTER (WHERE shape = 'year-last' AND TRY_CAST(b.p2 AS INTEGER) > 12) AS second_over_12,
	count(*) FILTER (WHERE shape = 'year-last' AND b.h <> '') AS with_time,
	count(*) FILTER (WHERE shape = 'year-last' AND b.s <> '') AS with_seconds,
	count(*) FILTER (WHERE shape = 'year-last' AND b.ap <> '') AS with_am_pm
FROM s GROUP BY ALL ORDER BY ALL`;
}

/**
 * The explicit offsets a date column's values carry in `format`, one row per offset (minutes
 * east of UTC) with its count, most common first. Only cells the plain cast does not read (it
 * takes no offset) are matched.
 */
export function buildDateOffsetProbeSql(
	stagingTable: string,
	column: string,
	format: TextDateFormat,
	nullTokens: readonly string[] = []
): string {
	return `WITH c AS (${valuesOf(stagingTable, column, nullTokens)}),
z AS (SELECT ${extractDatePartsSql('v', format)}.tz AS tz FROM c WHERE ${castPlainDateSql('v')} IS NULL)
SELECT ${offsetMinutesSql('tz', 0)} AS offset_minutes, count(*) AS count FROM z WHERE tz <> ''
GROUP BY 1 ORDER BY count DESC, offset_minutes`;
}
