/**
 * The one place where values and names become SQL text. Order files are hostile input: every
 * value goes through `literal`, every column or table name through `ident`.
 */

/** A SQL literal for a JS value: strings are single-quoted with quotes doubled. */
export function literal(value: string | number | boolean | null | undefined | Date): string {
	if (value === null || value === undefined) return 'NULL';
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return 'NULL';
		return String(value);
	}
	if (value instanceof Date) return `TIMESTAMP '${formatTimestamp(value)}'`;
	return `'${value.replaceAll('\0', '').replaceAll("'", "''")}'`;
}

/**
 * A DOUBLE literal that is exactly `value`: the shortest digits that round-trip, in exponent
 * form, which DuckDB reads as a DOUBLE (a plain `0.1` would be a DECIMAL). NaN and ±∞ as DuckDB
 * spells them.
 */
export function doubleLiteral(value: number): string {
	if (Number.isNaN(value)) return "'NaN'::DOUBLE";
	if (!Number.isFinite(value)) return value > 0 ? "'Infinity'::DOUBLE" : "'-Infinity'::DOUBLE";
	return `(${value.toExponential()})`;
}

/** A date literal from `YYYY-MM-DD`; throws on anything else so no free text reaches SQL. */
export function dateLiteral(isoDate: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`not an ISO date: ${isoDate}`);
	return `DATE '${isoDate}'`;
}

/** A `YYYY-MM-DD[ HH:MM[:SS]]` string as a TIMESTAMP literal; throws on anything else. */
export function timestampLiteral(text: string): string {
	const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
	if (!m) throw new Error(`not a date or date-time: ${text}`);
	const [, day, h = '00', min = '00', s = '00'] = m;
	return `(${dateLiteral(day)} + INTERVAL '${h}:${min}:${s}')::TIMESTAMP`;
}

/** A quoted identifier: double quotes doubled, NUL removed. */
export function ident(name: string): string {
	return `"${name.replaceAll('\0', '').replaceAll('"', '""')}"`;
}

/** A list literal `(a, b, c)` for IN clauses. */
export function literalList(values: readonly (string | number)[]): string {
	return `(${values.map((v) => literal(v)).join(', ')})`;
}

/** `YYYY-MM-DD HH:MM:SS` from a Date's UTC fields (our timestamps are store-local, kept as UTC). */
export function formatTimestamp(d: Date): string {
	const p = (n: number, w = 2) => String(n).padStart(w, '0');
	return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** A statement without its trailing semicolons, so it can be nested as a subquery or view. */
export const stripTrailingSemicolon = (sql: string): string => sql.trim().replace(/;+\s*$/, '');
