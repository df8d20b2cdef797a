import { describe, expect, test } from 'vitest';
import { barChart, type BarSpec } from '../../src/charts/bar.ts';
import { chartOptions, marks, texts } from '../helpers/chart-dom.ts';

const spec: BarSpec = {
	kind: 'bar',
	x: 'month',
	y: 'revenue',
	xLabel: { en: 'Month', zh: '月份' },
	yLabel: { en: 'Revenue', zh: '收入' },
	yFormat: 'money'
};
const rows = [
	{ month: '2024-01', revenue: 1200 },
	{ month: '2024-02', revenue: 3400 },
	{ month: '2024-03', revenue: 900 }
];

describe('barChart', () => {
	test('one bar per row, in the rows’ order, taller for more', () => {
		const chart = barChart(rows, spec, chartOptions());
		const bars = marks(chart, 'bar');
		expect(bars).toHaveLength(3);
		expect(texts(chart, 'x-axis tick label')).toEqual(['2024-01', '2024-02', '2024-03']);
		const heights = bars.map((b) => Number(b.getAttribute('height')));
		expect(heights[1]).toBeGreaterThan(heights[0]);
		expect(heights[0]).toBeGreaterThan(heights[2]);
	});

	test('a money axis names its currency; the margin fits the widest tick label', () => {
		const chart = barChart(rows, spec, chartOptions({ currency: 'USD' }));
		expect(texts(chart, 'y-axis label')).toEqual(['↑ Revenue (USD)']);
		expect(texts(chart, 'y-axis tick label')).toContain('$3K');
		const zh = barChart(rows, spec, chartOptions({ lang: 'zh' }));
		expect(texts(zh, 'y-axis label')).toEqual(['↑ 收入（CNY）']);
		const ticks = chart.querySelector('g[aria-label="y-axis tick"] path')!;
		// the axis sits at the margin: "$3.5K" (5 characters) needs about 35 px plus the tick
		const left = Number(/translate\(([\d.]+)/.exec(ticks.getAttribute('transform')!)![1]);
		expect(left).toBeGreaterThanOrEqual(50);
		expect(left).toBeLessThan(64);
	});

	test('series: bars side by side per category, with a legend', () => {
		const chart = barChart(
			[
				{ month: '2024-01', channel: 'web', revenue: 10 },
				{ month: '2024-01', channel: 'shop', revenue: 20 },
				{ month: '2024-02', channel: 'web', revenue: 30 }
			],
			{ ...spec, series: 'channel' },
			chartOptions({ labels: { channel: 'Channel' } })
		);
		expect(chart.tagName).toBe('FIGURE');
		expect(chart.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(3);
		expect([...chart.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent)).toEqual([
			'web',
			'shop'
		]);
		// a categorical palette (blue, then yellow), not the ordinal ramp Plot gives "ordinal"
		expect(
			[...chart.querySelectorAll('[class$="-swatch"] svg')].map((s) => s.getAttribute('fill'))
		).toEqual(['#4269d0', '#efb118']);
	});

	test('horizontal: categories on y, named by their ticks, values on x', () => {
		const chart = barChart(
			[
				{ segment: 'Champions', customers: 40 },
				{ segment: 'At risk', customers: 12 }
			],
			{ ...spec, x: 'customers', y: 'segment', horizontal: true, yFormat: 'int' },
			chartOptions()
		);
		expect(texts(chart, 'y-axis tick label')).toEqual(['Champions', 'At risk']);
		const widths = marks(chart, 'bar').map((b) => Number(b.getAttribute('width')));
		expect(widths[0]).toBeGreaterThan(widths[1]);
	});

	test('coded values stay in the rows; axis, legend and order come from their labels', () => {
		const coded = [
			{ weekday: 3, channel: 'app', revenue: 30 },
			{ weekday: 1, channel: 'web', revenue: 10 },
			{ weekday: 1, channel: 'app', revenue: 20 }
		];
		const o = chartOptions({
			order: { weekday: [1, 2, 3], channel: ['web', 'app'] },
			formats: {
				weekday: (v) => ({ 1: 'Mon', 2: 'Tue', 3: 'Wed' })[String(v)] ?? String(v),
				channel: (v) => (v === 'web' ? 'Website' : 'Mini-program')
			}
		});
		const chart = barChart(coded, { ...spec, x: 'weekday', series: 'channel' }, o);
		expect(texts(chart, 'fx-axis tick label')).toEqual(['Mon', 'Wed']);
		expect([...chart.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent)).toEqual([
			'Website',
			'Mini-program'
		]);
		// the rows are the ones given, values unchanged: a click hands back a row of the result
		expect(coded[0]).toEqual({ weekday: 3, channel: 'app', revenue: 30 });
	});

	test('horizontal: a labelled category’s margin fits its label, not its code', () => {
		const rows = [
			{ stage: 'a', customers: 40 },
			{ stage: 'b', customers: 12 }
		];
		const long = 'Dormant for a long while';
		const chart = barChart(
			rows,
			{ ...spec, x: 'customers', y: 'stage', horizontal: true, yFormat: 'int' },
			chartOptions({ formats: { stage: (v) => (v === 'a' ? 'Active' : long) } })
		);
		expect(texts(chart, 'y-axis tick label')).toEqual(['Active', long]);
		const bar = marks(chart, 'bar')[0];
		// bars start right of the longest label (about 7 px a character), not of "a"
		expect(Number(bar.getAttribute('x'))).toBeGreaterThan(7 * long.length);
	});
});
