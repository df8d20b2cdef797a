import { describe, expect, test } from 'vitest';
import { errorbarsChart, type ErrorbarsSpec } from '../../src/charts/errorbars.ts';
import { chartOptions, marks, texts } from '../helpers/chart-dom.ts';

const spec: ErrorbarsSpec = {
	kind: 'errorbars',
	x: 'campaign',
	y: 'uplift',
	low: 'low',
	high: 'high',
	xLabel: { en: 'Campaign', zh: '活动' },
	yLabel: { en: 'Uplift', zh: '提升' }
};
const rows = [
	{ campaign: 'Spring sale', uplift: 0.04, low: 0.01, high: 0.07 },
	{ campaign: 'Win-back', uplift: -0.01, low: -0.05, high: 0.03 }
];

describe('errorbarsChart', () => {
	test('an interval and a point per campaign, named on y, against a dashed zero', () => {
		const chart = errorbarsChart(rows, spec, chartOptions());
		expect(texts(chart, 'y-axis tick label')).toEqual(['Spring sale', 'Win-back']);
		expect(marks(chart, 'link')).toHaveLength(2);
		expect(marks(chart, 'dot')).toHaveLength(2);
		const [spring, winBack] = marks(chart, 'link').map((l) => l.getAttribute('d')!);
		// the second interval starts left of zero, the first right of it
		const start = (d: string) => Number(/^M([-\d.]+)/.exec(d)![1]);
		const zero = Number(chart.querySelector('g[aria-label="rule"] line')!.getAttribute('x1'));
		expect(start(spring)).toBeGreaterThan(zero);
		expect(start(winBack)).toBeLessThan(zero);
	});
});
