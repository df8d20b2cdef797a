import type { ColumnFormat } from './column-format.ts';
import type { Lang } from './msg.ts';

export const localeOf = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-US');

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(lang: Lang, key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
	// The options are part of the key: one format name may ask for different decimals by size.
	const k = `${lang}|${key}|${JSON.stringify(opts)}`;
	let f = cache.get(k) as Intl.NumberFormat | undefined;
	if (!f) cache.set(k, (f = new Intl.NumberFormat(localeOf(lang), opts)));
	return f;
}

/** Formats a value for display with Intl for the chosen language. Text is returned as is. */
export function formatValue(
	value: unknown,
	format: ColumnFormat | undefined,
	lang: Lang,
	currency = 'CNY'
): string {
	if (value === null || value === undefined || value === '') return '–';
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return '–';
		const iso = value.toISOString();
		return format === 'date' || iso.endsWith('T00:00:00.000Z')
			? iso.slice(0, 10)
			: iso.slice(0, 16).replace('T', ' ');
	}
	if (typeof value !== 'number') return String(value);
	if (!Number.isFinite(value)) return '–';
	switch (format) {
		case 'int':
			return numberFormat(lang, 'int', { maximumFractionDigits: 0 }).format(value);
		case 'money':
			return numberFormat(lang, `money-${currency}`, {
				style: 'currency',
				currency,
				maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2
			}).format(value);
		case 'percent':
			return numberFormat(lang, 'pct', { style: 'percent', maximumFractionDigits: 1 }).format(
				value
			);
		case 'days':
			return `${numberFormat(lang, 'd1', { maximumFractionDigits: 1 }).format(value)}${lang === 'zh' ? ' 天' : ' d'}`;
		case 'date':
			return new Date(value).toISOString().slice(0, 10);
		default:
			return numberFormat(lang, 'num', {
				maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2
			}).format(value);
	}
}

/** Currency signs short enough for an axis tick; others show the bare number. */
const TICK_SYMBOLS: Record<string, string> = {
	CNY: '¥',
	USD: '$',
	GBP: '£',
	EUR: '€',
	JPY: '¥',
	HKD: 'HK$',
	TWD: 'NT$'
};

/** Decimals of a currency's smallest unit: 2 for CNY's fen and USD's cents, 0 for JPY. */
export function currencyDigits(currency = 'CNY'): number {
	return (
		numberFormat('en', `money-${currency}`, { style: 'currency', currency }).resolvedOptions()
			.maximumFractionDigits ?? 2
	);
}

/** Short axis tick formatter (compact numbers, percents). */
export function tickFormat(format: ColumnFormat | undefined, lang: Lang, currency = 'CNY') {
	if (format === 'percent') return (v: number) => formatValue(v, 'percent', lang);
	const compact = numberFormat(lang, 'compact', { notation: 'compact', maximumFractionDigits: 1 });
	if (format === 'money')
		return (v: number) => {
			return `${TICK_SYMBOLS[currency] ?? ''}${compact.format(v)}`;
		};
	return (v: number) => (typeof v === 'number' ? compact.format(v) : String(v));
}

const utcDateFormat = (lang: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
	const k = `${lang}|date|${JSON.stringify(opts)}`;
	let f = cache.get(k) as Intl.DateTimeFormat | undefined;
	if (!f) cache.set(k, (f = new Intl.DateTimeFormat(localeOf(lang), { ...opts, timeZone: 'UTC' })));
	return f;
};

const asDate = (v: unknown): Date | null => {
	const d =
		v instanceof Date ? v : typeof v === 'number' || typeof v === 'string' ? new Date(v) : null;
	return d && !Number.isNaN(d.getTime()) ? d : null;
};

/**
 * A window of whole days, both ends included, as a reader names it: a calendar month as
 * "Dec 2024" / "2024年12月", a calendar year as "2024" / "2024年", else the range of days.
 * Dates are store-local kept as UTC, so the UTC fields are the calendar day.
 */
export function formatPeriod(start: unknown, end: unknown, lang: Lang): string {
	const a = asDate(start);
	const b = asDate(end);
	if (!a || !b) return '–';
	const dayAfter = new Date(b.getTime() + 86_400_000);
	const startsMonth = a.getUTCDate() === 1;
	const endsMonth = dayAfter.getUTCDate() === 1;
	const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
	if (startsMonth && endsMonth && sameYear && a.getUTCMonth() === 0 && b.getUTCMonth() === 11)
		return utcDateFormat(lang, { year: 'numeric' }).format(a);
	if (startsMonth && endsMonth && sameYear && a.getUTCMonth() === b.getUTCMonth())
		return utcDateFormat(lang, { year: 'numeric', month: 'short' }).format(a);
	const days = utcDateFormat(lang, { dateStyle: lang === 'zh' ? 'long' : 'medium' });
	// ICU's Chinese range pattern falls back to numeric dates (2024/3/1 – 2024/4/30): join two.
	return lang === 'zh' ? `${days.format(a)}–${days.format(b)}` : days.formatRange(a, b);
}

/**
 * A KPI's change: relative changes as "▲ 12.5%", differences of two rates in percentage points
 * as "+2.0 pp" (a rate going from 10% to 12% rose 2 points, not 20%).
 */
export function formatChange(change: number, changeIn: 'relative' | 'points', lang: Lang): string {
	if (changeIn === 'points') {
		const points = numberFormat(lang, 'pp', {
			minimumFractionDigits: 1,
			maximumFractionDigits: 1,
			signDisplay: 'exceptZero'
		}).format(change * 100);
		return lang === 'zh' ? `${points} 个百分点` : `${points} pp`;
	}
	const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '■';
	return `${arrow} ${formatValue(Math.abs(change), 'percent', lang)}`;
}

/** A month on an axis: `2024-01`, and in Chinese `2024年1月`. Dates are store-local kept as UTC. */
export function formatMonth(d: Date, lang: Lang): string {
	return lang === 'zh'
		? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`
		: d.toISOString().slice(0, 7);
}
