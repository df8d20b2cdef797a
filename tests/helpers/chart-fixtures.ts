/**
 * A chart the report tests draw: revenue by month, stacked by customer type, so Plot adds a
 * series legend (its swatches are SVGs too) before the chart.
 */
import type { ChartSpec } from '../../src/charts/spec.ts';

export const label = (s: string) => ({ en: s, zh: s });

export const stackedRevenue: Extract<ChartSpec, { kind: 'bar' | 'line' | 'area' | 'dot' }> = {
	kind: 'bar',
	x: 'month',
	y: 'revenue',
	series: 'type',
	stacked: true,
	xLabel: label('Month'),
	yLabel: label('Revenue')
};

export const revenueRows = [
	{ month: '2024-01', type: 'new', revenue: 10 },
	{ month: '2024-01', type: 'returning', revenue: 5 },
	{ month: '2024-02', type: 'new', revenue: 7 }
];
