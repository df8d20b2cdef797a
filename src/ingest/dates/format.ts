/**
 * Date formats: the few named ones and a small token syntax for everything else, compiled once
 * into a regular expression that both DuckDB (RE2) and JS read the same way, so the SQL import
 * and the dialog's preview parse a cell alike.
 *
 * Token syntax (the import dialog's format field):
 * - `YYYY` four-digit year; `YY` two-digit year, 00–69 → 2000–2069 and 70–99 → 1970–1999
 *   (orders are never before Unix time; Excel pivots at 30, which would put 2035 in 1935);
 * - `M` `D` `H` `h` `m` `s` one or two digits; `MM` `DD` `HH` `hh` `mm` `ss` exactly two
 *   (so `YYYYMMDD` splits), seconds may carry a fraction (`05.250`);
 * - `H` 24-hour, `h` 12-hour read with `A`: AM/PM, am/pm, a.m., 上午/下午 (a value without it
 *   reads its hour as written);
 * - `Z` an offset: `Z`, `+08:00`, `+0800`, `-05`; a value without one is at the file's offset;
 * - a space matches one or more spaces; any other character is itself (`/`, `.`, `年`, `T`).
 * Leniencies, so one format reads a whole export: the time part (from the character before the
 * hour on) may be absent (midnight), seconds may be absent, and `A` and `Z` are optional.
 */
import type { Msg } from '../../lib/msg.ts';
import { fail, ok, type Result } from '../../lib/result.ts';

/** A named format or a token pattern (`M/D/YY H:mm`); Mapping.dateFormat holds one. */
export type DateFormat = string;

/** The parts a pattern captures; a compiled pattern lists those it has, in capture order. */
export type DatePart = 'y' | 'mo' | 'd' | 'h' | 'mi' | 's' | 'ap' | 'tz';

/** A text format compiled for regexp_extract / RegExp: groups in `parts` order. */
export interface TextDateFormat {
	kind: 'text';
	/** Anchored at both ends; RE2 and JS syntax alike. */
	regex: string;
	parts: DatePart[];
	twoDigitYear: boolean;
}

/** Numbers counted from an epoch: Excel serial days (wall-clock), Unix seconds or ms (UTC). */
interface NumberDateFormat {
	kind: 'excel' | 'unix-s' | 'unix-ms';
}

export type CompiledDateFormat = TextDateFormat | NumberDateFormat;

/**
 * Year-first dates as exporters write them, with optional time and offset: `2024-11-11
 * 00:03:15 +0800`, `2024/1/5 9:05`, `2024.11.11`, `2024年11月11日 10:00`, ISO `…T…Z`.
 */
export const ISO_RE = String.raw`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:[.,]\d+)?))?)?[ \t]*(Z|z|[+-]\d{2}(?::?\d{2})?)?$`;

export const ISO_FORMAT: TextDateFormat = {
	kind: 'text',
	regex: ISO_RE,
	parts: ['y', 'mo', 'd', 'h', 'mi', 's', 'tz'],
	twoDigitYear: false
};

/** Formats offered in the dialog, with an example each; `id` is what a Mapping stores. */
export const DATE_FORMATS: readonly { id: DateFormat; label: Msg; example: string }[] = [
	{
		id: 'iso',
		label: { en: 'Year first (ISO 8601)', zh: '年在前（ISO 8601）' },
		example: '2024-11-11 00:03:15 · 2024/1/5 9:05 · 2024年11月11日 · 2024-11-11T00:03:15+08:00'
	},
	...[
		['M/D/YYYY H:mm', '11/12/2024 22:03'],
		['M/D/YYYY h:mm:ss A', '11/12/2024 10:03:15 PM'],
		['D/M/YYYY H:mm', '12/11/2024 22:03'],
		['M/D/YY H:mm', '12/1/09 7:45'],
		['D/M/YY H:mm', '1/12/09 7:45'],
		['D.M.YYYY H:mm', '12.11.2024 22:03'],
		['D-M-YYYY H:mm', '12-11-2024 22:03'],
		['YYYY年M月D日 H:mm', '2024年11月12日 22:03'],
		['YYYYMMDD', '20241112'],
		['YYYYMMDDHHmmss', '20241112220315']
	].map(([id, example]) => ({ id, label: { en: id, zh: id }, example })),
	{ id: 'excel', label: { en: 'Excel serial number', zh: 'Excel 日期序号' }, example: '45607.5' },
	{
		id: 'unix-s',
		label: { en: 'Unix time, seconds', zh: 'Unix 时间戳（秒）' },
		example: '1731283395'
	},
	{
		id: 'unix-ms',
		label: { en: 'Unix time, milliseconds', zh: 'Unix 时间戳（毫秒）' },
		example: '1731283395000'
	}
];

/** How a format reads in messages: its label when it is a named one, else the pattern itself. */
export function describeDateFormat(format: DateFormat): Msg {
	return DATE_FORMATS.find((f) => f.id === format)?.label ?? { en: format, zh: format };
}

const TOKENS: [string, DatePart | 'yy', string][] = [
	['YYYY', 'y', String.raw`(\d{4})`],
	['YY', 'yy', String.raw`(\d{2})`],
	['MM', 'mo', String.raw`(\d{2})`],
	['M', 'mo', String.raw`(\d{1,2})`],
	['DD', 'd', String.raw`(\d{2})`],
	['D', 'd', String.raw`(\d{1,2})`],
	['HH', 'h', String.raw`(\d{2})`],
	['H', 'h', String.raw`(\d{1,2})`],
	['hh', 'h', String.raw`(\d{2})`],
	['h', 'h', String.raw`(\d{1,2})`],
	['mm', 'mi', String.raw`(\d{2})`],
	['m', 'mi', String.raw`(\d{1,2})`],
	['ss', 's', String.raw`(\d{2}(?:[.,]\d+)?)`],
	['s', 's', String.raw`(\d{1,2}(?:[.,]\d+)?)`],
	['A', 'ap', String.raw`[ \t]*([AaPp]\.?[Mm]\.?|上午|下午)?`],
	['Z', 'tz', String.raw`[ \t]*(Z|z|[+-]\d{2}(?::?\d{2})?)?`]
];

const escapeLiteral = (ch: string) =>
	ch === ' ' ? '[ \\t]+' : ch.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/**
 * A named format or a token pattern → its compiled reading, or `ingest.date-format-invalid`
 * when the pattern lacks a year, month or day, or names a part twice.
 */
export function compileDateFormat(format: DateFormat): Result<CompiledDateFormat> {
	if (format === 'iso') return ok(ISO_FORMAT);
	if (format === 'excel' || format === 'unix-s' || format === 'unix-ms')
		return ok({ kind: format });
	const pieces: { regex: string; part?: DatePart; literal?: string }[] = [];
	let twoDigitYear = false;
	for (let i = 0; i < format.length;) {
		const token = TOKENS.find(([t]) => format.startsWith(t, i));
		if (!token) {
			const last = pieces.at(-1);
			// A run of spaces is one piece, so `D/M/YYYY  H:mm` still needs only one.
			if (format[i] === ' ' && last?.literal === ' ') i++;
			else pieces.push({ regex: escapeLiteral(format[i]), literal: format[i++] });
			continue;
		}
		const [text, part, regex] = token;
		if (part === 'yy') twoDigitYear = true;
		const name: DatePart = part === 'yy' ? 'y' : part;
		if (pieces.some((p) => p.part === name))
			return fail('ingest.date-format-invalid', `"${format}" names ${text} twice`);
		// `A` and `Z` bring their own optional leading space.
		if ((name === 'ap' || name === 'tz') && pieces.at(-1)?.literal === ' ') pieces.pop();
		// Seconds are optional together with the colon before them.
		if (name === 's' && pieces.at(-1)?.literal === ':') {
			pieces.pop();
			pieces.push({ regex: `(?::${regex})?`, part: name });
		} else pieces.push({ regex, part: name });
		i += text.length;
		// A pattern with minutes but no seconds still reads a value that has them.
		if (name === 'mi' && !format.slice(i).includes('s'))
			pieces.push({ regex: String.raw`(?::(\d{1,2}(?:[.,]\d+)?))?`, part: 's' });
	}
	const parts = pieces.flatMap((p) => (p.part ? [p.part] : []));
	for (const need of ['y', 'mo', 'd'] as const)
		if (!parts.includes(need))
			return fail(
				'ingest.date-format-invalid',
				`"${format}" has no ${need === 'y' ? 'YYYY or YY' : need === 'mo' ? 'M' : 'D'}`
			);
	// The time may be left out: from the literal before the hour to the end is optional.
	const hour = pieces.findIndex((p) => p.part === 'h');
	const start = hour > 0 && pieces[hour - 1].literal !== undefined ? hour - 1 : hour;
	const join = (ps: typeof pieces) => ps.map((p) => p.regex).join('');
	const body =
		start < 0 ? join(pieces) : `${join(pieces.slice(0, start))}(?:${join(pieces.slice(start))})?`;
	return ok({ kind: 'text', regex: `^${body}$`, parts, twoDigitYear });
}

/** The year a two-digit year stands for: 00–69 → 2000s, 70–99 → 1900s. */
export const pivotYear = (yy: number) => (yy < 70 ? 2000 + yy : 1900 + yy);

/** The day/month order a format writes, as the quality report names it. */
export function dateOrderOf(format: DateFormat): 'ymd' | 'dmy' | 'mdy' {
	const at = (t: string) => (format.includes(t) ? format.indexOf(t) : Infinity);
	const [y, m, d] = [at('Y'), at('M'), at('D')];
	// Named formats (ISO, serials, Unix time) carry no day/month ambiguity.
	if (y === Infinity || (y < m && y < d)) return 'ymd';
	return d < m ? 'dmy' : 'mdy';
}
