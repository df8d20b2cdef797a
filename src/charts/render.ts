import type { ChartSpec } from './spec.ts';
import type { Row } from '../engine/decode.ts';
import { barChart } from './bar.ts';
import { errorbarsChart } from './errorbars.ts';
import { heatmapChart } from './heatmap.ts';
import { histogramChart } from './histogram.ts';
import { lineChart } from './line.ts';
import type { ChartOptions } from './options.ts';
import { quadrantChart } from './quadrant.ts';
import { orderRows } from './labels.ts';

/**
 * Draws a ChartSpec over rows into an element (SVG figure). Text from data is set as text by Plot.
 * Rows stay as SQL returned them: `o.order` orders them here, once, and `o.formats` writes their
 * coded values, so a clicked datum is a row of the result.
 */
export function renderChart(
	rows: Row[],
	spec: ChartSpec,
	o: ChartOptions
): HTMLElement | SVGSVGElement {
	const figure = draw(orderRows(rows, o.order), spec, o);
	hideWarnings(figure, spec);
	if (o.onSelect) {
		const select = o.onSelect;
		figure.style.cursor = 'pointer';
		figure.addEventListener('click', () => {
			const v = (figure as unknown as { value?: Row | null }).value;
			if (v) select(v);
		});
	}
	return figure;
}

function draw(rows: Row[], spec: ChartSpec, o: ChartOptions): HTMLElement | SVGSVGElement {
	switch (spec.kind) {
		case 'bar':
			return barChart(rows, spec, o);
		case 'line':
		case 'area':
		case 'dot':
			return lineChart(rows, spec, o);
		case 'heatmap':
			return heatmapChart(rows, spec, o);
		case 'histogram':
			return histogramChart(rows, spec, o);
		case 'quadrant':
			return quadrantChart(rows, spec, o);
		case 'errorbars':
			return errorbarsChart(rows, spec, o);
		case 'kpis':
			throw new Error('kpis are rendered by the KPI view, not Plot');
	}
}

/**
 * Plot marks a chart whose data it warned about with a "⚠" glyph whose hover text asks the reader
 * to check the console: a message for the chart's author, not for an analyst. The warning itself
 * is already in the console; this says which chart it came from and removes the glyph.
 */
function hideWarnings(figure: HTMLElement | SVGSVGElement, spec: ChartSpec): void {
	for (const text of figure.querySelectorAll('svg > text')) {
		if (!text.textContent?.startsWith('\u26a0')) continue;
		console.warn(`huitou: Plot warned while drawing a ${spec.kind} chart (its warning is above)`);
		text.remove();
	}
}
