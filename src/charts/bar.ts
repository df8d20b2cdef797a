import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './spec.ts';
import type { Row } from '../engine/decode.ts';
import { formatValue, tickFormat, formatMonth } from '../lib/format.ts';
import { orderedDomain } from './labels.ts';
import { labelMargin, tickMargin } from './measure.ts';
import { ACCENT, frame, labelOf, msg, textOf, type ChartOptions } from './options.ts';
import { axisLabel } from './axis-label.ts';

export type BarSpec = Extract<ChartSpec, { kind: 'bar' | 'line' | 'area' | 'dot' }>;

const defaults = {
	/** Height of a vertical bar chart. */
	height: 300,
	/** Least height of a horizontal bar chart, however few its bars. */
	minHeight: 160,
	/** Height per category of horizontal bars: one bar, or a group of bars side by side. */
	rowHeight: 26,
	groupHeight: 40,
	/** Beyond this many categories, vertical bars' labels are slanted so they do not collide. */
	crowded: 12,
	bottom: 48,
	crowdedBottom: 64
};

/**
 * Bars of a value per category: vertical, or horizontal (`spec.horizontal`) for long names; with
 * `spec.series`, bars of a category side by side (or stacked) in a colour each, with a legend.
 */
export function barChart(rows: Row[], spec: BarSpec, o: ChartOptions): HTMLElement | SVGSVGElement {
	// Which column holds the numbers decides the orientation's roles, so a spec may name the
	// value as x or as y; yFormat is always the value's format.
	const numeric = (k: string) => rows.some((r) => typeof r[k] === 'number');
	const valueKey = spec.horizontal && numeric(spec.x) && !numeric(spec.y) ? spec.x : spec.y;
	const catKey = valueKey === spec.x ? spec.y : spec.x;
	const valueLabel = axisLabel(
		msg(valueKey === spec.x ? spec.xLabel : spec.yLabel, o.lang),
		spec.yFormat,
		o
	);
	const catLabel = msg(valueKey === spec.x ? spec.yLabel : spec.xLabel, o.lang);
	const valueTick = tickFormat(spec.yFormat, o.lang, o.currency);
	const cats = orderedDomain(rows, catKey, o.order?.[catKey]);
	const grouped = !!spec.series && !spec.stacked;
	const fill = spec.series ?? ACCENT;
	const catText = labelOf(o, catKey);
	const seriesText = labelOf(o, spec.series);
	// Tooltips write coded values as their labels, like the axes and the legend.
	const catChannel = grouped ? (spec.horizontal ? 'fy' : 'fx') : spec.horizontal ? 'y' : 'x';
	const seriesChannel = grouped ? (spec.horizontal ? 'y' : 'x') : undefined;
	const tip = {
		format: {
			[spec.horizontal ? 'x' : 'y']: (v: number) =>
				formatValue(v, spec.yFormat, o.lang, o.currency),
			...(grouped ? { fx: false, fy: false } : {}),
			...(catText && !grouped ? { [catChannel]: catText } : {}),
			...(seriesText
				? { fill: seriesText, ...(seriesChannel ? { [seriesChannel]: false } : {}) }
				: {})
		}
	};
	const color = spec.series
		? {
				legend: true,
				// Series named "2024-03" would read to Plot as dates given as text, and it warns.
				type: 'categorical' as const,
				label: o.labels?.[spec.series] ?? spec.series,
				domain: orderedDomain(rows, spec.series, o.order?.[spec.series]),
				tickFormat: seriesText
			}
		: undefined;
	if (spec.horizontal)
		return Plot.plot({
			...frame(o),
			marginLeft: labelMargin(cats.map((c) => textOf(o, catKey, c))),
			height: Math.max(
				defaults.minHeight,
				cats.length * (grouped ? defaults.groupHeight : defaults.rowHeight) + 60
			),
			x: { label: valueLabel, tickFormat: valueTick, grid: true },
			// Category names label themselves; a rotated axis title would sit on top of them.
			y: grouped ? { axis: null } : { label: null, domain: cats, tickFormat: catText },
			fy: grouped ? { label: null, domain: cats, tickFormat: catText } : undefined,
			color,
			marks: [
				Plot.barX(rows, {
					x: valueKey,
					y: grouped ? spec.series : catKey,
					fy: grouped ? catKey : undefined,
					fill,
					tip
				}),
				Plot.ruleX([0])
			]
		});
	const temporal = rows.some((r) => r[catKey] instanceof Date);
	const crowded = cats.length > defaults.crowded;
	return Plot.plot({
		...frame(o),
		height: defaults.height,
		marginLeft: tickMargin(
			spec.stacked ? stackTotals(rows, catKey, valueKey) : rows.map((r) => r[valueKey]),
			valueTick
		),
		marginBottom: crowded ? defaults.crowdedBottom : defaults.bottom,
		x: grouped
			? { axis: null }
			: {
					label: catLabel,
					type: 'band',
					domain: temporal ? undefined : cats,
					tickRotate: crowded ? -45 : 0,
					tickFormat: temporal ? (d: Date) => formatMonth(d, o.lang) : catText
				},
		fx: grouped ? { label: catLabel, domain: cats, tickFormat: catText } : undefined,
		y: { label: valueLabel, tickFormat: valueTick, grid: true },
		color,
		marks: [
			Plot.barY(rows, {
				x: grouped ? spec.series : catKey,
				fx: grouped ? catKey : undefined,
				y: valueKey,
				fill,
				tip
			}),
			Plot.ruleY([0])
		]
	});
}

/** Each category's stacked total and its most negative part: the extremes a stacked axis spans. */
function stackTotals(rows: Row[], catKey: string, valueKey: string): number[] {
	const up = new Map<unknown, number>();
	const down = new Map<unknown, number>();
	for (const r of rows) {
		const v = Number(r[valueKey]) || 0;
		const side = v < 0 ? down : up;
		side.set(r[catKey], (side.get(r[catKey]) ?? 0) + v);
	}
	return [...up.values(), ...down.values()];
}
