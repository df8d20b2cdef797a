import { formatTimestamp } from '../../lib/sql.ts';

/**
 * One cell from XLSX, Parquet or JSON as the text a CSV would hold: numbers in full (BigInt
 * digits are never rounded), dates as `YYYY-MM-DD HH:MM:SS`, nested values as JSON.
 */
export function cellText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
	if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : formatTimestamp(value);
	return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}
