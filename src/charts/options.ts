import type { Msg, Lang } from '../lib/msg.ts';
import type { Row } from '../engine/decode.ts';

/** Options a chart needs from its surroundings; charts never query. */
export interface ChartOptions {
	lang: Lang;
	width: number;
	currency?: string;
	/** Display names of result columns (legend titles, tooltips), in the user's language. */
	labels?: Record<string, string>;
	/** The order of a column's values on an axis, where it is not the rows' order. */
	order?: Record<string, unknown[]>;
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
