/**
 * Which format a date column is written in, decided from all of a sample of its values: each
 * value is given a shape (year first, year last with its separators and year width, compact
 * digits, a serial or Unix number), the shapes are counted, and the most common one names the
 * format. The import counts shapes over the staged column in SQL (buildDateShapeProbeSql), the
 * dialog over its preview rows here; both hand the counts to `decideDateFormat`.
 */
import type { DateOrder } from '../mapping.ts';
import { ISO_RE, type DateFormat } from './format.ts';
import { parseDateText } from './parse.ts';

type DateShape =
	'iso' | 'year-last' | 'compact' | 'compact-time' | 'excel' | 'unix-s' | 'unix-ms' | 'other';

/** How many values of a column have one shape (year-last ones also by separators and width). */
export interface DateShapeCount {
	shape: DateShape;
	/** Year-last only: the two date separators as written (`//`, `..`), else null. */
	separators: string | null;
	/** Year-last only: 2 or 4, else null. */
	yearDigits: number | null;
	count: number;
	/** Year-last values whose first part is above 12 (so a day), or whose second part is. */
	firstOver12: number;
	secondOver12: number;
	withTime: number;
	withSeconds: number;
	withAmPm: number;
}

/** A year-last date with optional time and AM/PM; groups p1 s1 p2 s2 y h mi s ap. */
export const YEAR_LAST_RE = String.raw`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})(?:[ \t]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?[ \t]*([AaPp]\.?[Mm]\.?|上午|下午)?$`;
export const YEAR_LAST_PARTS = ['p1', 's1', 'p2', 's2', 'y', 'h', 'mi', 's', 'ap'] as const;

/**
 * The shape of a digit string by the length of its whole part: 8 or 14 digits are compact
 * dates, 5 (in 1954–2119) an Excel serial, 9–10 Unix seconds, 12–13 Unix milliseconds.
 */
function numberShape(value: string): DateShape {
	const [whole, fraction] = value.split('.');
	const n = Number(value);
	if (fraction === undefined && whole.length === 8) return 'compact';
	if (fraction === undefined && whole.length === 14) return 'compact-time';
	if (whole.length === 5 && n >= 20000 && n <= 80000) return 'excel';
	if (whole.length === 9 || whole.length === 10) return 'unix-s';
	if (fraction === undefined && (whole.length === 12 || whole.length === 13)) return 'unix-ms';
	return 'other';
}

/** Counts the shapes of non-empty values, as buildDateShapeProbeSql does in SQL. */
export function countDateShapes(values: readonly string[]): DateShapeCount[] {
	const counts = new Map<string, DateShapeCount>();
	const yearLast = new RegExp(YEAR_LAST_RE);
	const iso = new RegExp(ISO_RE);
	for (const raw of values) {
		const value = raw.trim();
		if (value === '') continue;
		const b = yearLast.exec(value);
		const shape: DateShape = b
			? 'year-last'
			: iso.test(value)
				? 'iso'
				: /^\d+(\.\d+)?$/.test(value)
					? numberShape(value)
					: 'other';
		const separators = b ? b[2] + b[4] : null;
		const yearDigits = b ? b[5].length : null;
		const key = `${shape} ${separators} ${yearDigits}`;
		const c = counts.get(key) ?? {
			shape,
			separators,
			yearDigits,
			count: 0,
			firstOver12: 0,
			secondOver12: 0,
			withTime: 0,
			withSeconds: 0,
			withAmPm: 0
		};
		c.count++;
		if (b) {
			if (Number(b[1]) > 12) c.firstOver12++;
			if (Number(b[3]) > 12) c.secondOver12++;
			if (b[6]) c.withTime++;
			if (b[8]) c.withSeconds++;
			if (b[9]) c.withAmPm++;
		}
		counts.set(key, c);
	}
	return [...counts.values()];
}

export interface DateFormatDecision {
	format: DateFormat;
	/** Values of the shape the format was chosen for, of `total` non-empty values. */
	matched: number;
	total: number;
	/** Day and month could not be told apart (no part above 12): `alternative` reads it too. */
	ambiguous: boolean;
	/** Some values are day-first and others month-first: one group will be rejected. */
	mixedOrder: boolean;
	/** The other day/month order, for year-last formats. */
	alternative?: DateFormat;
}

export interface DecideOptions {
	/** 'ymd' reads year-first dates only; 'dmy'/'mdy' fix the order of year-last ones. */
	order?: DateOrder;
	/** The order used when the data cannot tell (the platform's habit). */
	ambiguousDefault?: 'dmy' | 'mdy';
}

/** Shapes in the order they win ties; compact dates with and without time are one group. */
const RANK: DateShape[] = ['iso', 'year-last', 'compact', 'excel', 'unix-s', 'unix-ms'];
const groupOf = (c: DateShapeCount) => (c.shape === 'compact-time' ? 'compact' : c.shape);

/**
 * The format that reads most of the counted values: the largest shape group (year-last values
 * grouped by separators and year width), ties going to the earlier of year first, year last,
 * compact, Excel serial, Unix seconds, Unix milliseconds. A year-last group's day/month order
 * comes from its parts above 12, else from the options.
 */
export function decideDateFormat(
	shapes: readonly DateShapeCount[],
	opts: DecideOptions = {}
): DateFormatDecision {
	const total = shapes.reduce((n, c) => n + c.count, 0);
	const none = { matched: 0, total, ambiguous: false, mixedOrder: false };
	const groups = new Map<string, DateShapeCount[]>();
	for (const c of shapes) {
		if (c.shape === 'other' || (opts.order === 'ymd' && c.shape !== 'iso')) continue;
		const key = `${groupOf(c)} ${c.separators} ${c.yearDigits}`;
		groups.set(key, [...(groups.get(key) ?? []), c]);
	}
	const ranked = [...groups.values()]
		.map((members) => ({ members, count: members.reduce((n, c) => n + c.count, 0) }))
		.sort(
			(a, b) =>
				b.count - a.count ||
				RANK.indexOf(groupOf(a.members[0])) - RANK.indexOf(groupOf(b.members[0]))
		);
	const best = ranked[0];
	if (!best) return { ...none, format: 'iso' };
	const shape = groupOf(best.members[0]);
	if (shape === 'year-last')
		return { ...yearLastFormat(best.members[0], opts), matched: best.count, total };
	const format =
		shape === 'compact'
			? best.members.some((c) => c.shape === 'compact-time')
				? 'YYYYMMDDHHmmss'
				: 'YYYYMMDD'
			: shape;
	return { ...none, format, matched: best.count };
}

/** `M/D/YY H:mm` and the like for one year-last group, with its day/month order decided. */
function yearLastFormat(
	c: DateShapeCount,
	opts: DecideOptions
): Pick<DateFormatDecision, 'format' | 'ambiguous' | 'mixedOrder' | 'alternative'> {
	const fallback = opts.ambiguousDefault ?? 'mdy';
	const dayFirst = c.firstOver12 > 0;
	const monthFirst = c.secondOver12 > 0;
	let order: 'dmy' | 'mdy' = fallback;
	if (opts.order === 'dmy' || opts.order === 'mdy') order = opts.order;
	else if (dayFirst !== monthFirst) order = dayFirst ? 'dmy' : 'mdy';
	const [s1, s2] = c.separators ?? '//';
	const year = c.yearDigits === 2 ? 'YY' : 'YYYY';
	const seconds = c.withSeconds > 0 ? ':ss' : '';
	const time = c.withAmPm > 0 ? ` h:mm${seconds} A` : c.withTime > 0 ? ` H:mm${seconds}` : '';
	const build = (o: 'dmy' | 'mdy') =>
		`${o === 'dmy' ? 'D' : 'M'}${s1}${o === 'dmy' ? 'M' : 'D'}${s2}${year}${time}`;
	const decidedByHand = opts.order === 'dmy' || opts.order === 'mdy';
	return {
		format: build(order),
		ambiguous: !decidedByHand && !dayFirst && !monthFirst,
		mixedOrder: dayFirst && monthFirst,
		alternative: build(order === 'dmy' ? 'mdy' : 'dmy')
	};
}

export interface DateDetection extends DateFormatDecision {
	/** Sample values the format reads (a year-first value is read by every format). */
	parsed: number;
}

/** The format of a column from a sample of its values (the dialog's preview rows). */
export function detectDateFormat(
	values: readonly string[],
	opts: DecideOptions = {}
): DateDetection {
	const decision = decideDateFormat(countDateShapes(values), opts);
	const parsed = values.filter((v) => parseDateText(v, decision.format) !== null).length;
	return { ...decision, parsed };
}
