/**
 * Regression: the page's HTML report showed a 15 px square for charts with a series legend. Plot
 * puts the legend's swatches (SVGs too) before the chart in its figure, and the report took the
 * first SVG that was not a colour ramp.
 */
import { expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderChart } from '../../../src/charts/render.ts';
import { findChartSvg } from '../../../src/lib/export/svg.ts';
import { revenueRows as rows, stackedRevenue as stacked } from '../../helpers/chart-fixtures.ts';

it('findChartSvg skips the legend’s swatches and ramps', () => {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	const holder = document.createElement('div');
	holder.append(
		renderChart(rows, stacked, {
			lang: 'en',
			width: 600,
			document,
			words: { latest: 'Latest', best: 'Best', average: 'Average', others: 'Others' }
		})
	);
	expect(holder.querySelector('svg')?.getAttribute('width')).toBe('15');
	expect(findChartSvg(holder)?.getAttribute('width')).toBe('600');
});
