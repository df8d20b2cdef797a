import type { Msg, Lang } from '../lib/msg.ts';
import type { Row } from '../engine/decode.ts';
import type { ValueFormats } from './labels.ts';

/** Options a chart needs from its surroundings; charts never query. */
export interface ChartOptions {
	lang: Lang;
	width: number;
	currency?: string;
	/** Display names of result columns (legend titles, tooltips), in the user's language. */
	labels?: Record<string, string>;
	/**
	 * The order of a column's values (its coded values, as in the rows) on an axis, in a legend
	 * and along a line, where it is not the rows' order.
	 */
	order?: Record<string, unknown[]>;
	/** How coded values are written (weekday 1 → "Mon"), by column; rows keep the values. */
	formats?: ValueFormats;
	/** Called with the datum under the pointer when the user clicks (drill-down). */
	onSelect?: (row: Row) => void;
	/** Words a chart adds of its own (legend entries of highlighted series), in the user's language. */
	words: ChartWords;
	/** The DOM to draw in: the page's by default, another (jsdom) in unit tests. */
	document?: Document;
}

interface ChartWords {
	latest: string;
	best: string;
	average: string;
	others: string;
}

/** The page's accent, falling back to its light-theme value outside the page (exports, tests). */
export const ACCENT = 'var(--accent, #c2410c)';

export const msg = (m: Msg, lang: Lang): string => m[lang] ?? m.en;

/** What every chart shares: its width, room for axis labels, and colours taken from the page. */
export function frame(o: ChartOptions) {
	return {
		width: o.width,
		marginLeft: 64,
		marginBottom: 48,
		document: o.document,
		style: {
			background: 'transparent',
			color: 'currentColor',
			fontSize: '12px',
			overflow: 'visible'
		}
	};
}

/** How the chart writes a column's values, when the column is labelled. */
export const labelOf = (o: ChartOptions, key: string | undefined) =>
	key === undefined ? undefined : o.formats?.[key];

/** A value as the chart writes it: its label, else as it is. */
export const textOf = (o: ChartOptions, key: string, v: unknown): string => {
	const f = labelOf(o, key);
	return f ? f(v) : String(v ?? '');
};
