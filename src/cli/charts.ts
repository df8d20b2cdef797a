/**
 * Charts for the report without a browser: the page's Plot wrappers (src/charts) drawn into a
 * light DOM (linkedom), then the chart's SVG taken as the page's report takes it (findChartSvg).
 */
import { parseHTML } from 'linkedom';
import type { ChartSpec } from '../charts/spec.ts';
import type { Row } from '../engine/decode.ts';
import { renderChart } from '../charts/render.ts';
import type { ChartOptions } from '../charts/options.ts';
import { findChartSvg } from '../lib/export/svg.ts';
import { messageOf } from './messages.ts';

const { document, HTMLCanvasElement } = parseHTML('<!doctype html><html><body></body></html>');

// Plot paints a continuous colour legend onto a canvas, which linkedom does not draw. The report
// leaves those legends out, as the page's does (it takes the chart's own SVG), so a canvas that
// draws nothing is enough.
Object.assign(HTMLCanvasElement.prototype, {
	getContext: () => ({ fillRect: () => undefined, fillStyle: '' }),
	toDataURL: () => ''
});

/** The page's colours are CSS variables with fallbacks; a standalone SVG has only the fallback. */
const withFallbackColours = (svg: string) =>
	svg.replace(/var\(--[\w-]+,\s*([^()]+?)\)/g, (_, fallback: string) => fallback.trim());

/** A chart's SVG as text, as the page's report takes it; undefined for KPIs (shown as a table). */
export function chartSvg(
	spec: ChartSpec,
	rows: Row[],
	options: Omit<ChartOptions, 'document' | 'words'>
): string | undefined {
	if (spec.kind === 'kpis') return undefined;
	const holder = document.createElement('div');
	const word = (key: string) => messageOf(key, undefined, options.lang);
	const words = {
		latest: word('chart.latest'),
		best: word('chart.best'),
		average: word('chart.average'),
		others: word('chart.others')
	};
	holder.append(renderChart(rows, spec, { ...options, words, document }));
	const svg = findChartSvg(holder);
	if (!svg) return undefined;
	if (!svg.getAttribute('xmlns')) svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	return withFallbackColours(svg.outerHTML);
}
