/**
 * The command line's report charts: the page's Plot code drawn into linkedom, the chart's own SVG
 * taken (not a legend's), with the page's colours.
 */
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../src/cli/charts.ts';
import type { ChartSpec } from '../../../src/charts/spec.ts';
import {
	label,
	revenueRows as rows,
	stackedRevenue as stacked
} from '../../helpers/chart-fixtures.ts';

describe('report charts without a browser', () => {
	it('the command line draws the chart with its bars, in the page’s fallback colours', () => {
		const plain: ChartSpec = { ...stacked, series: undefined, stacked: false };
		const svg = chartSvg(plain, rows, { lang: 'en', width: 600 })!;
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="600"/);
		expect(svg.match(/<rect/g)?.length).toBeGreaterThanOrEqual(3);
		// The page's colour variables fall back to their colours (Plot's own are defined in the SVG).
		expect(svg).not.toContain('var(--accent');
		expect(svg).toContain('#c2410c');
	});

	it('a heat map draws without a canvas (its colour ramp is left out, as in the page)', () => {
		const heat: ChartSpec = {
			kind: 'heatmap',
			x: 'month',
			y: 'type',
			fill: 'revenue',
			xLabel: label('Month'),
			yLabel: label('Type'),
			fillLabel: label('Revenue')
		};
		const svg = chartSvg(heat, rows, { lang: 'en', width: 600 })!;
		expect(svg).toContain('width="600"');
		expect(svg).not.toContain('-ramp');
	});
});
