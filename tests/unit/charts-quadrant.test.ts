import { describe, expect, test } from 'vitest';
import { quadrantChart, type QuadrantSpec } from '../../src/charts/quadrant.ts';
import { chartOptions, marks, texts } from '../helpers/chart-dom.ts';

const spec: QuadrantSpec = {
	kind: 'quadrant',
	x: 'repeat',
	y: 'margin',
	size: 'buyers',
	label: 'product',
	xLabel: { en: 'Repeat rate', zh: '复购率' },
	yLabel: { en: 'Margin', zh: '毛利率' },
	xSplitColumn: 'median_repeat',
	ySplit: 0.3
};
const rows = Array.from({ length: 25 }, (_, i) => ({
	product: `P${i}`,
	repeat: i / 50,
	margin: 0.1 + i / 100,
	buyers: i + 1,
	median_repeat: 0.24
}));

describe('quadrantChart', () => {
	test('a point per row, split at the given and the computed value, the biggest named', () => {
		const chart = quadrantChart(rows, spec, chartOptions());
		expect(marks(chart, 'dot')).toHaveLength(25);
		expect(chart.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(2);
		const names = marks(chart, 'text').map((t) => t.textContent);
		expect(names).toHaveLength(15);
		expect(names).toContain('P24');
		expect(names).not.toContain('P0');
		expect(texts(chart, 'x-axis tick label')).toContain('20%');
	});
});
