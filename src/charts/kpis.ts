import type { ChartSpec } from './spec.ts';
import type { Row } from '../engine/decode.ts';
import { formatChange, formatPeriod, formatValue } from '../lib/format.ts';
import type { KpiTile } from '../lib/kpi-tile.ts';
import type { Lang } from '../lib/msg.ts';
import type { ValueFormats } from './labels.ts';

export type KpiSpec = Extract<ChartSpec, { kind: 'kpis' }>;

interface KpiOptions {
	lang: Lang;
	currency?: string;
	/** Words for "compared with a period" in the reader's language: the catalog's, from above. */
	versus?: (period: string) => string;
	/** How coded values are written, by column (a stage's name); rows keep the values. */
	formats?: ValueFormats;
}

/** The compared windows named as a reader names them: "Dec 2024" and "Nov 2024". */
function periodsOf(row: Row, spec: KpiSpec, lang: Lang) {
	const p = spec.period;
	if (!p) return { current: undefined, previous: undefined };
	const previous =
		row[p.previousStart] == null
			? undefined
			: formatPeriod(row[p.previousStart], row[p.previousEnd], lang);
	return { current: formatPeriod(row[p.start], row[p.end], lang), previous };
}

/** The line above the tiles: "Dec 2024 · vs Nov 2024", or null when the query names no period. */
export function kpiPeriodLine(row: Row, spec: KpiSpec, o: KpiOptions): string | null {
	const { current, previous } = periodsOf(row, spec, o.lang);
	if (!current) return null;
	return previous && o.versus ? `${current} · ${o.versus(previous)}` : current;
}

/** Key figures of a one-row result as tiles: drawn as HTML, not by Plot (so no Plot import). */
export function kpiTiles(row: Row, spec: KpiSpec, o: KpiOptions): KpiTile[] {
	const { current, previous } = periodsOf(row, spec, o.lang);
	return spec.items.map((item) => {
		const tile: KpiTile = {
			key: item.key,
			label: item.label[o.lang] ?? item.label.en,
			value:
				o.formats?.[item.key]?.(row[item.key]) ??
				formatValue(row[item.key], item.format, o.lang, o.currency)
		};
		if (item.change && current) tile.when = current;
		const change = item.change ? row[item.change] : null;
		if (typeof change === 'number' && Number.isFinite(change)) {
			tile.direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
			tile.change = formatChange(change, item.changeIn ?? 'relative', o.lang);
			if (previous && o.versus) tile.versus = o.versus(previous);
		}
		return tile;
	});
}
