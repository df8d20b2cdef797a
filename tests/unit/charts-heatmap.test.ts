import { describe, expect, test } from 'vitest';
import { contrastRatio, luminance, textOn } from '../../src/charts/contrast.ts';
import { heatmapChart, type HeatmapSpec } from '../../src/charts/heatmap.ts';
import { chartOptions, marks, texts } from '../helpers/chart-dom.ts';

const spec: HeatmapSpec = {
	kind: 'heatmap',
	x: 'period',
	y: 'cohort',
	fill: 'retention',
	xLabel: { en: 'Period', zh: '期' },
	yLabel: { en: 'Cohort', zh: '同期群' },
	fillLabel: { en: 'Retention', zh: '留存率' },
	fillFormat: 'percent',
	text: true
};
const rows = [
	{ cohort: '2024-01', period: 1, retention: 0.05 },
	{ cohort: '2024-01', period: 2, retention: 0.2 },
	{ cohort: '2024-02', period: 1, retention: 0.12 },
	{ cohort: '2024-02', period: 2, retention: null }
];

describe('contrast', () => {
	test('WCAG relative luminance and contrast ratio', () => {
		expect(luminance('#ffffff')).toBe(1);
		expect(luminance('rgb(0, 0, 0)')).toBe(0);
		expect(contrastRatio(1, 0)).toBe(21);
		expect(luminance('var(--x)')).toBeNull();
	});

	test('dark text on pale cells, white on dark ones', () => {
		expect(textOn('rgb(255, 245, 235)')).toBe('#111111');
		expect(textOn('rgb(127, 39, 4)')).toBe('#ffffff');
		expect(textOn('#fd8d3c')).toBe('#111111');
	});
});

describe('heatmapChart', () => {
	test('a cell per row, labelled with its value in a colour readable on it', () => {
		const chart = heatmapChart(rows, spec, chartOptions());
		const cells = marks(chart, 'cell');
		expect(cells).toHaveLength(3); // the NULL cell is not drawn
		const labels = marks(chart, 'text');
		expect(labels.map((t) => t.textContent)).toEqual(['5%', '20%', '12%']);
		for (const [i, cell] of cells.entries()) {
			const ink = labels[i].getAttribute('fill')!;
			const ratio = contrastRatio(luminance(cell.getAttribute('fill')!)!, luminance(ink)!);
			expect(ratio).toBeGreaterThanOrEqual(4.5);
		}
		// the palest cell takes dark text, the darkest white
		expect(labels[0].getAttribute('fill')).toBe('#111111');
		expect(labels[1].getAttribute('fill')).toBe('#ffffff');
	});

	test('rows follow the given order; the y title has room beside the row labels', () => {
		const chart = heatmapChart(
			rows,
			spec,
			chartOptions({ order: { cohort: ['2024-02', '2024-01'] } })
		);
		expect(texts(chart, 'y-axis tick label')).toEqual(['2024-02', '2024-01']);
		const title = chart.querySelector('g[aria-label="y-axis label"]')!;
		const tick = chart.querySelector('g[aria-label="y-axis tick label"]')!;
		const x = (el: Element) =>
			Number(/translate\((-?[\d.]+)/.exec(el.getAttribute('transform')!)![1]);
		// the title (rotated, about 12 px tall) ends left of where the widest row label starts
		const widestLabel = 7 * '2024-02'.length;
		const labelStart = x(tick) + x(tick.querySelector('text')!) - widestLabel;
		const titleEnd = x(title) + x(title.querySelector('text')!) + 12;
		expect(titleEnd).toBeLessThanOrEqual(labelStart);
	});

	test('a size column first: each row’s count, outlined, off the colour scale', () => {
		const sized = rows.map((r) => ({ ...r, customers: r.cohort === '2024-01' ? 1205 : 980 }));
		const chart = heatmapChart(
			sized,
			{ ...spec, size: 'customers', sizeLabel: { en: 'Size (0)', zh: '人数（0）' } },
			chartOptions()
		);
		expect(texts(chart, 'x-axis tick label')).toEqual(['Size (0)', '1', '2']);
		const [, sizes] = [...chart.querySelectorAll('g[aria-label="cell"]')];
		expect(sizes.children).toHaveLength(2);
		expect(sizes.getAttribute('fill')).toBe('none');
		const labels = [...chart.querySelectorAll('g[aria-label="text"] text')].map(
			(t) => t.textContent
		);
		expect(labels).toEqual(expect.arrayContaining(['1,205', '980']));
	});

	test('coded rows and columns: written as labels, both axes in the labels’ order', () => {
		// A movement heat map: rows sorted by "from", so "to" appears out of segment order.
		const moves = [
			{ from: 'new', to: 'loyal', customers: 5 },
			{ from: 'new', to: 'champions', customers: 2 },
			{ from: 'loyal', to: 'lost', customers: 3 },
			{ from: 'loyal', to: 'champions', customers: 4 }
		];
		const names: Record<string, string> = {
			champions: 'Champions',
			loyal: 'Loyal',
			new: 'New',
			lost: 'Lost'
		};
		const segments = ['champions', 'loyal', 'new', 'lost'];
		const chart = heatmapChart(
			moves,
			{ ...spec, x: 'to', y: 'from', fill: 'customers', fillFormat: 'int' },
			chartOptions({
				order: { from: segments, to: segments },
				formats: { from: (v) => names[String(v)], to: (v) => names[String(v)] }
			})
		);
		expect(texts(chart, 'x-axis tick label')).toEqual(['Champions', 'Loyal', 'Lost']);
		expect(texts(chart, 'y-axis tick label')).toEqual(['Loyal', 'New']);
	});
});
