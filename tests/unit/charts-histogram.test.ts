import { describe, expect, test } from 'vitest';
import { histogramChart, type HistogramSpec } from '../../src/charts/histogram.ts';
import { chartOptions, marks, texts } from '../helpers/chart-dom.ts';

const spec: HistogramSpec = {
	kind: 'histogram',
	x: 'clv_from',
	y: 'customers',
	xLabel: { en: 'CLV, 12 months', zh: '12 个月 CLV' },
	yLabel: { en: 'Customers', zh: '客户数' },
	xFormat: 'money',
	marker: 'median'
};
const rows = [
	{ clv_from: 205.611, bin_width: 29.373, customers: 4, median: 250.5 },
	{ clv_from: 234.984, bin_width: 29.373, customers: 9, median: 250.5 },
	{ clv_from: 264.357, bin_width: 29.373, customers: 2, median: 250.5 }
];

describe('histogramChart', () => {
	test('a bar per bin made by SQL, from its start over its width, and the median marked', () => {
		const chart = histogramChart(rows, spec, chartOptions());
		const bars = marks(chart, 'rect');
		expect(bars).toHaveLength(3);
		expect(Number(bars[1].getAttribute('height'))).toBeGreaterThan(
			Number(bars[0].getAttribute('height'))
		);
		expect(chart.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(2); // zero, median
		expect(texts(chart, 'x-axis label')[0]).toBe('CLV, 12 months (CNY) →');
	});

	test('the tooltip rounds a bin like the axis', () => {
		const chart = histogramChart(rows, spec, chartOptions());
		const rect = marks(chart, 'rect')[1];
		const x = Number(rect.getAttribute('x')) + Number(rect.getAttribute('width')) / 2;
		const y = Number(rect.getAttribute('y')) + 5;
		const view = chart.ownerDocument.defaultView!;
		chart.dispatchEvent(new view.MouseEvent('pointermove', { clientX: x, clientY: y }));
		const tip = chart.querySelector('g[aria-label="tip"]')!.textContent;
		expect(tip).toContain('CN¥234.98–'); // jsdom measures no text, so the tip cuts the line short
		expect(tip).not.toContain('234.984');
	});
});
