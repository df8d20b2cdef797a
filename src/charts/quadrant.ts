import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './spec.ts';
import type { Row } from '../engine/decode.ts';
import { formatValue, tickFormat } from '../lib/format.ts';
import { ACCENT, frame, labelOf, msg, type ChartOptions } from './options.ts';

export type QuadrantSpec = Extract<ChartSpec, { kind: 'quadrant' }>;

const defaults = {
	height: 420,
	radius: [3, 22] as [number, number],
	/** With more points than this, only the biggest are named, so the names stay readable. */
	nameAll: 20,
	named: 15,
	splitDash: '4,3',
	splitOpacity: 0.6,
	fillOpacity: 0.7,
	fontSize: 10
};

/**
 * Points on two shares (x and y, both percentages), sized by `spec.size`, split into four
 * quadrants by dashed lines at given values or at values SQL computed (medians).
 */
export function quadrantChart(
	rows: Row[],
	spec: QuadrantSpec,
	o: ChartOptions
): HTMLElement | SVGSVGElement {
	const first = rows[0] ?? {};
	const size = spec.size;
	const labelled =
		rows.length > defaults.nameAll && size
			? [...rows].sort((a, b) => Number(b[size]) - Number(a[size])).slice(0, defaults.named)
			: rows;
	const xSplit = spec.xSplitColumn ? Number(first[spec.xSplitColumn]) : spec.xSplit;
	const ySplit = spec.ySplitColumn ? Number(first[spec.ySplitColumn]) : spec.ySplit;
	const split = { strokeDasharray: defaults.splitDash, strokeOpacity: defaults.splitOpacity };
	const percent = (v: unknown) => formatValue(v, 'percent', o.lang);
	const colorText = labelOf(o, spec.color);
	const nameText = labelOf(o, spec.label);
	return Plot.plot({
		...frame(o),
		height: defaults.height,
		x: { label: msg(spec.xLabel, o.lang), tickFormat: tickFormat('percent', o.lang), grid: true },
		y: { label: msg(spec.yLabel, o.lang), tickFormat: tickFormat('percent', o.lang), grid: true },
		r: { range: defaults.radius },
		color: spec.color ? { legend: true, tickFormat: colorText } : undefined,
		marks: [
			xSplit !== undefined && Number.isFinite(xSplit) ? Plot.ruleX([xSplit], split) : null,
			ySplit !== undefined && Number.isFinite(ySplit) ? Plot.ruleY([ySplit], split) : null,
			Plot.dot(rows, {
				x: spec.x,
				y: spec.y,
				r: spec.size,
				fill: spec.color ?? ACCENT,
				fillOpacity: defaults.fillOpacity,
				stroke: 'white',
				tip: { format: { x: percent, y: percent, ...(colorText ? { fill: colorText } : {}) } }
			}),
			Plot.text(labelled, {
				x: spec.x,
				y: spec.y,
				text: nameText ? (d: Row) => nameText(d[spec.label]) : spec.label,
				dy: -12,
				fontSize: defaults.fontSize,
				fill: 'currentColor'
			})
		]
	});
}
