import type { ColumnFormat } from '../analyses/types.ts';

export type Lang = 'en' | 'zh';
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
			const sym = currency === 'CNY' ? '¥' : currency === 'USD' ? '$' : '';
			return `${sym}${compact.format(v)}`;
		};
	return (v: number) => (typeof v === 'number' ? compact.format(v) : String(v));
}
