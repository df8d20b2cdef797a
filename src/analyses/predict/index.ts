/**
 * The Predict analysis. Unlike SQL-only analyses its queries read tables that a JS step writes
 * first: call `runPredict(engine, params, globals, { signal })` (it fits the models and creates
 * `predictions`, `predict_frequency`, `predict_tracking`), then run `predict.build(…)` queries.
 */
import type { Analysis, CellQuery, ColumnSpec, Globals } from '../types.ts';
import { defaults as rfmDefaults } from '../rfm/params.ts';
import { segmentLabelsFor } from '../rfm/describe.ts';
import { rfmShared, segmentOrder } from '../rfm/sql.ts';
import { defaults, fields, type PredictParams } from './params.ts';
import {
	buildAliveHeatmapSql,
	buildClvHistogramSql,
	buildFrequencyCheckSql,
	buildHoldoutCheckSql,
	buildPredictCustomersSql,
	buildTrackingSql,
	buildValueSegmentsSql,
	buildWinBackSql,
	runTag
} from './queries.ts';
import {
	definition,
	labels as l,
	periodLabels,
	recencyLabels,
	repeatOrderLabels,
	seriesLabels,
	title,
	valueTierLabels
} from './describe.ts';

import { runPredict } from './run.ts';
export { runPredict, type PredictResult } from './run.ts';
export type { PredictParams } from './params.ts';

const listColumns: ColumnSpec[] = [
	{ key: 'customer_id', label: l.customerId, format: 'text' },
	{ key: 'p_alive', label: l.pAlive, format: 'percent' },
	{ key: 'p_order', label: l.pOrder, format: 'percent' },
	{ key: 'expected_orders', label: l.expectedOrders, format: 'number' },
	{ key: 'expected_spend', label: l.expectedSpend, format: 'money' },
	{ key: 'clv', label: l.clv, format: 'money' },
	{ key: 'next_order_date', label: l.nextOrder, format: 'date' },
	{ key: 'repeat_orders', label: l.repeatOrders, format: 'int' },
	{ key: 'days_since_last', label: l.daysSinceLast, format: 'days' },
	{ key: 'avg_repeat_value', label: l.avgRepeatValue, format: 'money' }
];

export const predict: Analysis<PredictParams> = {
	id: 'predict',
	title,
	definition,
	defaults,
	params: fields,
	panels: { prepared: 'predict-fit' },
	prepare: (engine, p, g, signal) => runPredict(engine, p, g, { signal }),
	// Two of its lists join RFM segments (default rules): the same summary table as the RFM cell's.
	shared: (_, g) => rfmShared(rfmDefaults, g),
	build: (p, g): CellQuery[] =>
		queries(g).map((q) => ({ ...q, sql: runTag(p, g) + q.sql, ...withHorizon(q, p) })),
	customersSql: (p, g, queryId, selection) =>
		runTag(p, g) + buildPredictCustomersSql(g, queryId, selection)
};

/** The cell's charts and lists, over the tables runPredict wrote. */
/** The CLV axis names its horizon: "CLV, next 12 months" (the money axis adds the currency). */
function withHorizon(q: CellQuery, p: PredictParams): Partial<CellQuery> {
	if (q.id !== 'clv-distribution' || q.chart?.kind !== 'histogram') return {};
	const months = Number(p.clvMonths) || defaults.clvMonths;
	return {
		chart: {
			...q.chart,
			xLabel: { en: `CLV, next ${months} months`, zh: `未来 ${months} 个月 CLV` }
		}
	};
}

const queries = (g: Globals): CellQuery[] => [
	{
		id: 'frequency-check',
		title: l.frequencyCheck,
		sql: buildFrequencyCheckSql(),
		chart: {
			kind: 'bar',
			x: 'repeat_orders',
			y: 'customers',
			series: 'series',
			xLabel: l.repeatOrders,
			yLabel: l.customers,
			yFormat: 'int'
		},
		columns: [
			{ key: 'repeat_orders', label: l.repeatOrders, format: 'text' },
			{ key: 'series', label: l.series, format: 'text' },
			{ key: 'customers', label: l.customers, format: 'number' }
		],
		drill: ['repeat_orders'],
		valueLabels: { repeat_orders: repeatOrderLabels, series: seriesLabels }
	},
	{
		id: 'holdout-check',
		title: l.holdoutCheck,
		sql: buildHoldoutCheckSql(),
		whenEmpty: l.holdoutEmpty,
		chart: {
			kind: 'bar',
			x: 'repeat_orders',
			y: 'orders_per_customer',
			series: 'series',
			xLabel: l.repeatOrders,
			yLabel: l.ordersPerCustomer,
			yFormat: 'number'
		},
		columns: [
			{ key: 'repeat_orders', label: l.repeatOrders, format: 'text' },
			{ key: 'series', label: l.series, format: 'text' },
			{ key: 'orders_per_customer', label: l.ordersPerCustomer, format: 'number' },
			{ key: 'customers', label: l.customers, format: 'int' }
		],
		drill: ['repeat_orders'],
		valueLabels: { repeat_orders: repeatOrderLabels, series: seriesLabels }
	},
	{
		id: 'tracking',
		title: l.tracking,
		sql: buildTrackingSql(),
		chart: {
			kind: 'line',
			x: 'date',
			y: 'repeat_orders',
			series: 'series',
			xLabel: l.date,
			yLabel: l.cumulativeRepeats,
			yFormat: 'number'
		},
		columns: [
			{ key: 'date', label: l.date, format: 'date' },
			{ key: 'series', label: l.series, format: 'text' },
			{ key: 'repeat_orders', label: l.cumulativeRepeats, format: 'number' },
			{ key: 'period', label: l.period, format: 'text' }
		],
		valueLabels: { series: seriesLabels, period: periodLabels }
	},
	{
		id: 'alive-heatmap',
		title: l.aliveHeatmap,
		sql: buildAliveHeatmapSql(),
		chart: {
			kind: 'heatmap',
			x: 'recency',
			y: 'repeat_orders',
			fill: 'p_alive',
			xLabel: l.recency,
			yLabel: l.repeatOrders,
			fillLabel: l.pAlive,
			fillFormat: 'percent',
			text: true
		},
		columns: [
			{ key: 'repeat_orders', label: l.repeatOrders, format: 'text' },
			{ key: 'recency', label: l.recency, format: 'text' },
			{ key: 'p_alive', label: l.pAlive, format: 'percent' },
			{ key: 'customers', label: l.customers, format: 'int' }
		],
		drill: ['repeat_orders', 'recency'],
		valueLabels: { repeat_orders: repeatOrderLabels, recency: recencyLabels }
	},
	{
		id: 'clv-distribution',
		title: l.clvDistribution,
		sql: buildClvHistogramSql(),
		chart: {
			kind: 'histogram',
			x: 'clv_from',
			y: 'customers',
			xLabel: l.clv,
			yLabel: l.customers,
			xFormat: 'money',
			marker: 'median_clv'
		},
		columns: [
			{ key: 'clv_from', label: l.clvFrom, format: 'money' },
			{ key: 'customers', label: l.customers, format: 'int' },
			{ key: 'clv_total', label: l.clvTotal, format: 'money' },
			{ key: 'median_clv', label: l.medianClv, format: 'money' }
		],
		drill: ['clv_from']
	},
	{
		id: 'value-segments',
		title: l.valueSegments,
		sql: buildValueSegmentsSql(g),
		chart: {
			kind: 'heatmap',
			x: 'segment',
			y: 'value_tier',
			fill: 'customers',
			xLabel: l.segment,
			yLabel: l.valueTier,
			fillLabel: l.customers,
			fillFormat: 'int',
			text: true
		},
		columns: [
			{ key: 'value_tier', label: l.valueTier, format: 'text' },
			{ key: 'segment', label: l.segment, format: 'text' },
			{ key: 'customers', label: l.customers, format: 'int' },
			{ key: 'clv', label: l.clv, format: 'money' },
			{ key: 'p_alive', label: l.pAlive, format: 'percent' }
		],
		drill: ['value_tier', 'segment'],
		valueLabels: {
			value_tier: valueTierLabels,
			segment: segmentLabelsFor(segmentOrder(rfmDefaults.rules))
		}
	},
	{
		id: 'win-back',
		title: l.winBack,
		sql: buildWinBackSql(),
		columns: listColumns,
		drill: []
	}
];
