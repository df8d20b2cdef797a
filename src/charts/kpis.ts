import type { ChartSpec } from '../analyses/types.ts';
import type { Row } from '../engine/decode.ts';
import { formatValue, type Lang } from '../lib/format.ts';

export type KpiSpec = Extract<ChartSpec, { kind: 'kpis' }>;

/** One key figure as text, the same on screen and in the report. */
interface KpiTile {
	key: string;
	label: string;
	value: string;
	/** The change against the previous period, with its arrow; absent when there is none. */
	change?: string;
	direction?: 'up' | 'down' | 'flat';
}

/** Key figures of a one-row result as tiles: drawn as HTML, not by Plot (so no Plot import). */
export function kpiTiles(row: Row, spec: KpiSpec, o: { lang: Lang; currency?: string }): KpiTile[] {
	return spec.items.map((item) => {
		const tile: KpiTile = {
			key: item.key,
			label: item.label[o.lang] ?? item.label.en,
			value: formatValue(row[item.key], item.format, o.lang, o.currency)
		};
		const change = item.change ? row[item.change] : null;
		if (typeof change === 'number' && Number.isFinite(change)) {
			tile.direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
			const arrow = { up: '▲', down: '▼', flat: '■' }[tile.direction];
			tile.change = `${arrow} ${formatValue(Math.abs(change), 'percent', o.lang)}`;
		}
		return tile;
	});
}
