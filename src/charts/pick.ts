import type { ChartSpec } from './spec.ts';

/** The chart kinds a SQL cell can pick for its result. */
export const CHART_KINDS = ['bar', 'line', 'area', 'dot', 'heatmap', 'histogram'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ResultField {
	name: string;
	numeric: boolean;
}

const label = (name: string) => ({ en: name, zh: name });

/**
 * A chart for an arbitrary result: the first column on x, the first numeric column after it as
 * the value; a heatmap takes the first two columns as x and y and the next numeric one as colour;
 * a histogram bins the first numeric column. Null when the result has no column to plot.
 */
export function pickChart(kind: ChartKind, fields: ResultField[]): ChartSpec | null {
	const [first, second] = fields;
	if (!first) return null;
	const numericAfter = (skip: string[]) => fields.find((f) => f.numeric && !skip.includes(f.name));
	if (kind === 'histogram') {
		const value = fields.find((f) => f.numeric);
		if (!value) return null;
		return {
			kind: 'histogram',
			x: value.name,
			y: 'count',
			raw: true,
			xLabel: label(value.name),
			yLabel: { en: 'Rows', zh: '行数' }
		};
	}
	if (kind === 'heatmap') {
		const fill = second && numericAfter([first.name, second.name]);
		if (!fill) return null;
		return {
			kind: 'heatmap',
			x: first.name,
			y: second.name,
			fill: fill.name,
			xLabel: label(first.name),
			yLabel: label(second.name),
			fillLabel: label(fill.name),
			text: true
		};
	}
	const value = numericAfter([first.name]);
	if (!value) return null;
	return {
		kind,
		x: first.name,
		y: value.name,
		xLabel: label(first.name),
		yLabel: label(value.name)
	};
}
