import { describe, expect, test, vi } from 'vitest';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { renderChart } from '../../src/charts/render.ts';
import { chartOptions, marks } from '../helpers/chart-dom.ts';

const label = { en: 'x', zh: 'x' };

describe('renderChart', () => {
	test('draws each kind with its own file', () => {
		const rows = [
			{ a: 'one', b: 1, c: 2 },
			{ a: 'two', b: 3, c: 4 }
		];
		const specs: [ChartSpec, string][] = [
			[{ kind: 'bar', x: 'a', y: 'b', xLabel: label, yLabel: label }, 'bar'],
			[{ kind: 'area', x: 'b', y: 'c', xLabel: label, yLabel: label }, 'area'],
			[
				{
					kind: 'heatmap',
					x: 'a',
					y: 'b',
					fill: 'c',
					xLabel: label,
					yLabel: label,
					fillLabel: label
				},
				'cell'
			]
		];
		for (const [spec, mark] of specs)
			expect(marks(renderChart(rows, spec, chartOptions()), mark).length).toBeGreaterThan(0);
		expect(() => renderChart(rows, { kind: 'kpis', items: [] }, chartOptions())).toThrow(
			/KPI view/
		);
	});

	test('Plot’s warning glyph never reaches the reader; the warning goes to the console', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		// Dates given as text for a heat map's colour: Plot warns, and would mark the chart with ⚠
		const chart = renderChart(
			[
				{ a: 'one', b: 'x', d: '2024-01-01' },
				{ a: 'two', b: 'x', d: '2024-02-01' }
			],
			{
				kind: 'heatmap',
				x: 'a',
				y: 'b',
				fill: 'd',
				xLabel: label,
				yLabel: label,
				fillLabel: label
			},
			chartOptions()
		);
		expect(warn).toHaveBeenCalled();
		expect(chart.textContent).not.toContain('\u26a0');
		expect(chart.outerHTML).not.toContain('check the console');
		warn.mockRestore();
	});
});
