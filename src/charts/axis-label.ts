import type { ColumnFormat } from '../lib/column-format.ts';
import type { ChartOptions } from './options.ts';

/**
 * An axis title, with the currency after a money axis's name ("Revenue (CNY)"): tick labels are
 * compact ("¥1.2K", or no symbol for most currencies), so the title is where the unit is read.
 */
export function axisLabel(
	label: string,
	format: ColumnFormat | undefined,
	o: ChartOptions
): string {
	if (format !== 'money') return label;
	const currency = o.currency ?? 'CNY';
	if (label.includes(currency)) return label;
	// Chinese text takes full-width brackets: 收入（CNY）.
	return o.lang === 'zh' ? `${label}（${currency}）` : `${label} (${currency})`;
}
