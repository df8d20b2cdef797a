/**
 * One cell read in JS exactly as the import's SQL reads it (dates/sql.ts), for the dialog's
 * preview: the same compiled pattern, the same two-digit-year pivot, the same range checks.
 */
import { compileDateFormat, pivotYear, type DateFormat, type DatePart } from './format.ts';

export interface ParsedDate {
	/** The wall-clock reading as written, `YYYY-MM-DD HH:MM:SS` (a fraction of a second dropped). */
	local: string;
	/** The offset written with it in minutes east of UTC (0 for Unix time), null when none. */
	offsetMinutes: number | null;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (ms: number) => {
	const d = new Date(ms);
	return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** Minutes east of UTC for `Z`, `+08:00`, `+0800`, `-05`. */
function offsetMinutesOf(tz: string): number {
	if (tz.toUpperCase() === 'Z') return 0;
	const digits = tz.replace(':', '');
	const minutes =
		Number(digits.slice(1, 3)) * 60 + (digits.length === 5 ? Number(digits.slice(3, 5)) : 0);
	return tz.startsWith('-') ? -minutes : minutes;
}

/**
 * `text` read in `format`, or null when it is not a date in that format (or the format does not
 * compile: check it with compileDateFormat first). Year-first values that DuckDB's plain cast
 * reads are read in any format, as the import does.
 */
export function parseDateText(text: string, format: DateFormat): ParsedDate | null {
	const value = text.trim();
	if (value === '') return null;
	const compiled = compileDateFormat(format);
	if (!compiled.ok) return null;
	const c = compiled.value;
	if (c.kind !== 'text') {
		if (!/^\d+(\.\d+)?$/.test(value) || (c.kind === 'unix-ms' && value.includes('.'))) return null;
		const n = Number(value);
		if (c.kind === 'excel')
			return n >= 1 && n < 2958466
				? { local: iso(EXCEL_EPOCH + Math.round(n * 86_400_000)), offsetMinutes: null }
				: null;
		return { local: iso(Math.round(c.kind === 'unix-s' ? n * 1000 : n)), offsetMinutes: 0 };
	}
	const plain = readPlain(value);
	if (plain) return plain;
	const match = new RegExp(c.regex).exec(value);
	if (!match) return null;
	const part = (p: DatePart) => {
		const i = c.parts.indexOf(p);
		return i < 0 ? '' : (match[i + 1] ?? '');
	};
	const int = (p: DatePart) => Number(part(p) || '0');
	const year = c.twoDigitYear ? pivotYear(int('y')) : int('y');
	let hour = int('h');
	const ap = part('ap');
	if (ap !== '') {
		if (hour > 12) return null;
		hour = (hour % 12) + (ap === '下午' || ap[0].toLowerCase() === 'p' ? 12 : 0);
	}
	const seconds = Number((part('s') || '0').replace(',', '.'));
	return checked(year, int('mo'), int('d'), hour, int('mi'), seconds, part('tz'));
}

/** The reading when every part is in range and the day exists in its month, else null. */
function checked(
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number,
	seconds: number,
	tz: string
): ParsedDate | null {
	if (hour > 23 || minute > 59 || seconds >= 60) return null;
	const ms = Date.UTC(year, month - 1, day, hour, minute, Math.floor(seconds));
	const d = new Date(ms);
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
		return null;
	return { local: iso(ms), offsetMinutes: tz === '' ? null : offsetMinutesOf(tz) };
}

/** What the SQL's plain cast takes (`2024-11-11`, `2024/11/11 00:03`, no offset). */
function readPlain(value: string): ParsedDate | null {
	const m = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
	if (!m || ![10, 16, 19].includes(value.length)) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
	return checked(+y, +mo, +d, +h, +mi, +s, '');
}
