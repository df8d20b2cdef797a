import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './spec.ts';
import type { Row } from '../engine/decode.ts';
import { formatValue, tickFormat } from '../lib/format.ts';
import { axisLabel } from './axis-label.ts';
import { tickMargin } from './measure.ts';
import { ACCENT, frame, msg, type ChartOptions } from './options.ts';

export type HistogramSpec = Extract<ChartSpec, { kind: 'histogram' }>;

const defaults = {
	height: 280,
	/** Width of a bin made in SQL when its row does not say (`bin_width`). */
	binWidth: 1,
	inset: 0.5,
	markerDash: '4,3'
};

/**
 * How many rows fall in each bin of x: bins made by SQL (`x` their start, `y` their count, an
 * optional `bin_width`), or binned here from raw values (`spec.raw`). `spec.marker` names a
 * column whose first value is drawn as a dashed line (a median).
 */
export function histogramChart(
	rows: Row[],
	spec: HistogramSpec,
	o: ChartOptions
): HTMLElement | SVGSVGElement {
	const xTick = tickFormat(spec.xFormat, o.lang, o.currency);
	// Tooltips round like the axis: a bin reads 234.98–264.36, not 234.984–264.357.
	const tip = {
		format: {
			x: (v: unknown) => formatValue(v, spec.xFormat, o.lang, o.currency),
			y: (v: unknown) => formatValue(v, 'int', o.lang)
		}
	};
	const marker = spec.marker;
	const counts = spec.raw ? [] : rows.map((r) => r[spec.y]);
	return Plot.plot({
		...frame(o),
		height: defaults.height,
		marginLeft: spec.raw ? frame(o).marginLeft : tickMargin(counts, tickFormat('int', o.lang)),
		x: {
			label: axisLabel(msg(spec.xLabel, o.lang), spec.xFormat, o),
			tickFormat: spec.xFormat ? xTick : undefined
		},
		y: { label: msg(spec.yLabel, o.lang), grid: true },
		marks: [
			spec.raw
				? Plot.rectY(rows, { ...Plot.binX({ y: 'count' }, { x: spec.x }), fill: ACCENT, tip })
				: Plot.rectY(rows, {
						x1: spec.x,
						x2: (d: Row) => Number(d[spec.x]) + Number(d.bin_width ?? defaults.binWidth),
						y: spec.y,
						fill: ACCENT,
						inset: defaults.inset,
						tip
					}),
			Plot.ruleY([0]),
			marker !== undefined && rows.length && rows[0][marker] !== undefined
				? Plot.ruleX([rows[0][marker]], {
						stroke: 'currentColor',
						strokeDasharray: defaults.markerDash
					})
				: null
		]
	});
}
