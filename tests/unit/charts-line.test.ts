import { describe, expect, test, vi } from 'vitest';
import { lineChart, pickSeries, type LineSpec } from '../../src/charts/line.ts';
import { chartOptions, marks, texts } from '../helpers/chart-dom.ts';

const spec: LineSpec = {
	kind: 'line',
	x: 'period',
	y: 'ltv',
	xLabel: { en: 'Period', zh: '期' },
	yLabel: { en: 'Revenue per customer', zh: '人均收入' },
	yFormat: 'money'
};

/** Eight cohorts; 2024-03 runs highest, the youngest (2024-08) has one period. */
const cohorts = [
	'2024-01',
	'2024-02',
	'2024-03',
	'2024-04',
	'2024-05',
	'2024-06',
	'2024-07',
	'2024-08'
];
const cohortRows = cohorts.flatMap((cohort, i) =>
	Array.from({ length: cohorts.length - i }, (_, period) => ({
		cohort,
		period,
		ltv: 100 + period * 10 + (cohort === '2024-03' ? 50 : i)
	}))
);

describe('lineChart', () => {
	test('one line with a dot per point', () => {
		const rows = [0, 1, 2].map((period) => ({ period, ltv: 100 + period }));
		const chart = lineChart(rows, spec, chartOptions());
		expect(marks(chart, 'line')).toHaveLength(1);
		expect(marks(chart, 'dot')).toHaveLength(3);
		expect(texts(chart, 'y-axis label')).toEqual(['↑ Revenue per customer (CNY)']);
	});

	test('a few series: a line and a legend entry each', () => {
		const rows = cohortRows.filter((r) => ['2024-01', '2024-02'].includes(r.cohort));
		const chart = lineChart(rows, { ...spec, series: 'cohort' }, chartOptions());
		expect(marks(chart, 'line')).toHaveLength(2);
		expect(chart.querySelectorAll('[class$="-swatch"]')).toHaveLength(2);
	});

	test('coded series: the legend writes their labels, in the labels’ order', () => {
		const rows = [0, 1].flatMap((period) => [
			{ series: 'expected', period, ltv: 100 + period },
			{ series: 'actual', period, ltv: 90 + period }
		]);
		const chart = lineChart(
			rows,
			{ ...spec, series: 'series' },
			chartOptions({
				order: { series: ['actual', 'expected'] },
				formats: { series: (v) => (v === 'actual' ? 'Actual' : 'Expected (model)') }
			})
		);
		expect([...chart.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent)).toEqual([
			'Actual',
			'Expected (model)'
		]);
		expect(rows[0].series).toBe('expected');
	});

	test('many coded series: the highlighted ones are named by their labels', () => {
		const chart = lineChart(
			cohortRows,
			{ ...spec, series: 'cohort' },
			chartOptions({
				labels: { cohort: 'Cohort' },
				formats: { cohort: (v) => `cohort of ${String(v)}` }
			})
		);
		const legend = [...chart.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent);
		expect(legend.slice(0, 2)).toEqual(['Latest: cohort of 2024-07', 'Best: cohort of 2024-03']);
	});

	test('many series: latest, best and average in colour, the rest in grey', () => {
		const chart = lineChart(
			cohortRows,
			{ ...spec, series: 'cohort' },
			chartOptions({ labels: { cohort: 'Cohort' } })
		);
		const legend = [...chart.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent);
		expect(legend).toEqual([
			'Latest: 2024-07',
			'Best: 2024-03',
			'Average of all',
			'Others (Cohort)'
		]);
		const groups = [...chart.querySelectorAll('g[aria-label="line"]')];
		// grey lines (every cohort), the average, then the two picked out
		expect(groups.map((g) => g.children.length)).toEqual([8, 1, 2]);
		expect(groups[0].getAttribute('stroke')).toBe('#9ca3af');
	});

	test('pickSeries: the best is the one furthest above the average where it has values', () => {
		const h = pickSeries(cohortRows, { ...spec, series: 'cohort' }, cohorts);
		// 2024-08 has a single point, no line to show
		expect(h.latest).toBe('2024-07');
		expect(h.best).toBe('2024-03');
		// period 7 only 2024-01 reaches: its value is the average there
		expect(h.average.find((r) => r.period === 7)?.ltv).toBe(170);
	});

	test('draws without Plot warnings', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		lineChart(cohortRows, { ...spec, series: 'cohort' }, chartOptions());
		expect(warn).not.toHaveBeenCalled();
		warn.mockRestore();
	});
});
