import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './spec.ts';
import type { Row } from '../engine/decode.ts';
import { formatValue, tickFormat } from '../lib/format.ts';
import { axisLabel } from './axis-label.ts';
import { textOn } from './contrast.ts';
import { orderedDomain } from './labels.ts';
import { labelMargin, textWidth } from './measure.ts';
import { frame, labelOf, msg, textOf, type ChartOptions } from './options.ts';

export type HeatmapSpec = Extract<ChartSpec, { kind: 'heatmap' }>;

const defaults = {
	scheme: 'oranges' as const,
	rowHeight: 28,
	minHeight: 200,
	/** Room beside the row labels for the rotated y-axis title, so the two never overlap. */
	titleRoom: 22,
	/** Beyond this many columns, or labels wider than a column, column labels are slanted. */
	slantAbove: 14,
	/** Beyond this many columns, the values in the cells would not fit and are left out. */
	textUpTo: 26,
	fontSize: 10
};

/** A value per pair of categories as coloured cells, optionally with the value written in each. */
export function heatmapChart(
	rows: Row[],
	spec: HeatmapSpec,
	o: ChartOptions
): HTMLElement | SVGSVGElement {
	const sizeHead = spec.size && spec.sizeLabel ? msg(spec.sizeLabel, o.lang) : undefined;
	const xs = [...(sizeHead ? [sizeHead] : []), ...orderedDomain(rows, spec.x, o.order?.[spec.x])];
	const ys = orderedDomain(rows, spec.y, o.order?.[spec.y]);
	const fmt = (v: unknown) => formatValue(v, spec.fillFormat, o.lang, o.currency);
	// Coded values are written as their labels; the size column's head is a label already.
	const xText = (v: unknown) =>
		sizeHead !== undefined && v === sizeHead ? sizeHead : textOf(o, spec.x, v);
	const yText = labelOf(o, spec.y);
	const yTitle = msg(spec.yLabel, o.lang);
	const marginLeft =
		labelMargin(ys.map((v) => textOf(o, spec.y, v))) + (yTitle ? defaults.titleRoom : 0);
	// Column labels wider than their column (segment names) are slanted, not overlapped.
	const column = (o.width - marginLeft - 20) / Math.max(1, xs.length);
	const widest = Math.max(0, ...xs.map((v) => textWidth(xText(v))));
	const slanted = xs.length > defaults.slantAbove || widest > column - 6;
	const tickSpace = slanted ? Math.min(120, 20 + 0.64 * widest) : 0;
	const values = rows.map((r) => r[spec.fill]).filter((v): v is number => typeof v === 'number');
	const color = {
		scheme: defaults.scheme,
		// Set here, not left to Plot, so the text colours below are worked out on the same scale.
		domain: values.length ? [Math.min(...values), Math.max(...values)] : undefined,
		legend: true,
		label: axisLabel(msg(spec.fillLabel, o.lang), spec.fillFormat, o),
		tickFormat: tickFormat(spec.fillFormat, o.lang, o.currency)
	};
	const scale = values.length ? Plot.scale({ color }) : undefined;
	const ink = (d: Row) => {
		const v = d[spec.fill];
		return typeof v === 'number' && scale ? textOn(String(scale.apply(v))) : 'currentColor';
	};
	return Plot.plot({
		...frame(o),
		marginLeft,
		marginTop: 40 + tickSpace,
		height: Math.max(defaults.minHeight, ys.length * defaults.rowHeight + 80) + tickSpace,
		padding: 0.04,
		x: {
			label: msg(spec.xLabel, o.lang),
			labelAnchor: 'right',
			domain: xs,
			tickRotate: slanted ? -40 : 0,
			tickFormat: labelOf(o, spec.x) ? xText : undefined,
			axis: 'top'
		},
		y: { label: yTitle, domain: ys, tickFormat: yText },
		color,
		marks: [
			Plot.cell(rows, {
				x: spec.x,
				y: spec.y,
				fill: spec.fill,
				inset: 0.5,
				tip: {
					format: {
						fill: (v: unknown) => fmt(v),
						...(labelOf(o, spec.x) ? { x: xText } : {}),
						...(yText ? { y: yText } : {})
					}
				}
			}),
			...(sizeHead ? sizeMarks(rows, spec, sizeHead, o) : []),
			spec.text && xs.length <= defaults.textUpTo
				? Plot.text(rows, {
						x: spec.x,
						y: spec.y,
						text: (d: Row) => (d[spec.fill] === null ? '' : fmt(d[spec.fill])),
						fill: ink,
						fontSize: defaults.fontSize
					})
				: null
		]
	});
}

/**
 * Each row's size in a first column, outlined and uncoloured: a count, not a share, so it stays
 * off the colour scale. Its datum keeps the row's y value (a drill-down lists the whole row).
 */
function sizeMarks(rows: Row[], spec: HeatmapSpec, head: string, o: ChartOptions): Plot.Markish[] {
	const size = spec.size as string;
	const seen = new Set<unknown>();
	const first = rows.filter((r) => !seen.has(r[spec.y]) && seen.add(r[spec.y]));
	const sized = first.map((r) => ({ [spec.y]: r[spec.y], [spec.x]: head, [size]: r[size] }));
	return [
		Plot.cell(sized, {
			x: spec.x,
			y: spec.y,
			fill: 'none',
			stroke: 'currentColor',
			strokeOpacity: 0.25,
			inset: 1
		}),
		Plot.text(sized, {
			x: spec.x,
			y: spec.y,
			text: (d: Row) => formatValue(d[size], 'int', o.lang),
			fill: 'currentColor',
			fontSize: defaults.fontSize
		})
	];
}
