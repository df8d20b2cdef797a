import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './spec.ts';
import type { Row } from '../engine/decode.ts';
import { formatValue, tickFormat } from '../lib/format.ts';
import { orderedDomain } from './labels.ts';
import { labelMargin } from './measure.ts';
import { ACCENT, frame, labelOf, msg, textOf, type ChartOptions } from './options.ts';

export type ErrorbarsSpec = Extract<ChartSpec, { kind: 'errorbars' }>;

const defaults = {
	rowHeight: 36,
	minHeight: 200,
	strokeWidth: 2,
	radius: 5,
	zeroDash: '4,3'
};

/** An estimate per category (a share, e.g. uplift) with its interval from `low` to `high`. */
export function errorbarsChart(
	rows: Row[],
	spec: ErrorbarsSpec,
	o: ChartOptions
): HTMLElement | SVGSVGElement {
	const cats = orderedDomain(rows, spec.x, o.order?.[spec.x]);
	const catText = labelOf(o, spec.x);
	const percent = (v: unknown) => formatValue(v, 'percent', o.lang);
	return Plot.plot({
		...frame(o),
		height: Math.max(defaults.minHeight, cats.length * defaults.rowHeight + 80),
		marginLeft: labelMargin(cats.map((c) => textOf(o, spec.x, c))),
		y: { label: null, domain: cats, tickFormat: catText },
		x: { label: msg(spec.yLabel, o.lang), tickFormat: tickFormat('percent', o.lang), grid: true },
		marks: [
			Plot.ruleX([0], { strokeDasharray: defaults.zeroDash }),
			Plot.link(rows, {
				y1: spec.x,
				y2: spec.x,
				x1: spec.low,
				x2: spec.high,
				stroke: ACCENT,
				strokeWidth: defaults.strokeWidth
			}),
			Plot.dot(rows, {
				y: spec.x,
				x: spec.y,
				fill: ACCENT,
				r: defaults.radius,
				tip: { format: { x: percent, ...(catText ? { y: catText } : {}) } }
			})
		]
	});
}
