import type { Notice, Analysis, CellQuery, ColumnSpec } from '../types.ts';
import type { ChartSpec } from '../../charts/spec.ts';
import { defaults, fields, type CampaignParams } from './params.ts';
import {
	buildAcquisitionSql,
	buildBaselineSql,
	buildBoughtSql,
	buildCampaignMetricsSql,
	buildMetricsCustomersSql,
	buildResponseCurvesSql,
	buildRoiBarsSql,
	buildWavesSql
} from './sql.ts';
import {
	definition,
	evidenceLabels,
	groupLabels,
	labels as l,
	measureLabels,
	testLabels,
	title,
	verdictLabels
} from './describe.ts';

const testColumns: ColumnSpec[] = [
	{ key: 'contacted', label: l.contacted, format: 'int' },
	{ key: 'responders', label: l.responders, format: 'int' },
	{ key: 'rate', label: l.rate, format: 'percent' },
	{ key: 'control', label: l.control, format: 'int' },
	{ key: 'control_responders', label: l.controlResponders, format: 'int' },
	{ key: 'control_rate', label: l.controlRate, format: 'percent' },
	{ key: 'uplift', label: l.uplift, format: 'percent' },
	{ key: 'uplift_low', label: l.upliftLow, format: 'percent' },
	{ key: 'uplift_high', label: l.upliftHigh, format: 'percent' },
	{ key: 'p_value', label: l.pValue, format: 'number' },
	{ key: 'verdict', label: l.verdict, format: 'text' }
];

const statusLabels = { verdict: verdictLabels, test: testLabels };

/** Uplift with its interval per wave: the waves table and the no-control baseline share it. */
const upliftByWave: ChartSpec = {
	kind: 'errorbars',
	x: 'label',
	y: 'uplift',
	low: 'uplift_low',
	high: 'uplift_high',
	xLabel: l.wave,
	yLabel: l.uplift
};

export const campaigns: Analysis<CampaignParams> = {
	id: 'campaigns',
	title,
	definition,
	defaults,
	params: fields,
	build: (p, g): CellQuery[] => [
		{
			id: 'metrics',
			title: l.metrics,
			sql: buildCampaignMetricsSql(p, g),
			chart: {
				kind: 'errorbars',
				x: 'key',
				y: 'uplift',
				low: 'uplift_low',
				high: 'uplift_high',
				xLabel: l.key,
				yLabel: l.uplift
			},
			columns: [
				{ key: 'key', label: l.key, format: 'text' },
				...testColumns,
				{ key: 'relative_uplift', label: l.relativeUplift, format: 'percent' },
				{ key: 'relative_low', label: l.relativeLow, format: 'percent' },
				{ key: 'relative_high', label: l.relativeHigh, format: 'percent' },
				{ key: 'test', label: l.test, format: 'text' },
				{ key: 'orders', label: l.orders, format: 'int' },
				{ key: 'revenue', label: l.revenue, format: 'money' },
				{ key: 'cost', label: l.cost, format: 'money' },
				{ key: 'inc_orders', label: l.incOrders, format: 'number' },
				{ key: 'inc_revenue', label: l.incRevenue, format: 'money' },
				// Each ratio beside its absolute gain (seed 000: 10× +900 vs 2× +1000).
				{ key: 'attributed_roi', label: l.attributedRoi, format: 'number' },
				{ key: 'attributed_gain', label: l.attributedGain, format: 'money' },
				{ key: 'incremental_roi', label: l.incrementalRoi, format: 'number' },
				{ key: 'incremental_gain', label: l.incrementalGain, format: 'money' },
				{ key: 'incremental_profit', label: l.incrementalProfit, format: 'money' },
				{ key: 'open_windows', label: l.openWindows, format: 'int' }
			],
			drill: ['key'],
			valueLabels: statusLabels
		},
		{
			id: 'curves',
			title: l.curves,
			sql: buildResponseCurvesSql(p, g),
			chart: {
				kind: 'line',
				x: 'day',
				y: 'cumulative_rate',
				series: 'grp',
				xLabel: l.day,
				yLabel: l.cumulativeRate,
				yFormat: 'percent'
			},
			columns: [
				{ key: 'grp', label: l.group, format: 'text' },
				{ key: 'day', label: l.day, format: 'int' },
				{ key: 'cumulative_rate', label: l.cumulativeRate, format: 'percent' }
			],
			valueLabels: { grp: groupLabels }
		},
		{
			id: 'roi',
			title: l.roi,
			sql: buildRoiBarsSql(p, g),
			chart: {
				kind: 'bar',
				x: 'key',
				y: 'value',
				series: 'measure',
				xLabel: l.key,
				yLabel: l.value,
				yFormat: 'number'
			},
			columns: [
				{ key: 'key', label: l.key, format: 'text' },
				{ key: 'measure', label: l.measure, format: 'text' },
				{ key: 'value', label: l.value, format: 'number' }
			],
			valueLabels: { measure: measureLabels }
		},
		{
			id: 'waves',
			title: l.waves,
			sql: buildWavesSql(p, g),
			chart: upliftByWave,
			columns: [
				{ key: 'label', label: l.wave, format: 'text' },
				...testColumns,
				{ key: 'cum_contacted', label: l.cumContacted, format: 'int' },
				{ key: 'cum_responders', label: l.cumResponders, format: 'int' },
				{ key: 'cum_rate', label: l.cumRate, format: 'percent' },
				{ key: 'cum_control_rate', label: l.cumControlRate, format: 'percent' },
				{ key: 'cum_uplift', label: l.cumUplift, format: 'percent' },
				{ key: 'cum_verdict', label: l.cumVerdict, format: 'text' },
				{ key: 'cum_cost', label: l.cumCost, format: 'money' }
			],
			valueLabels: { ...statusLabels, cum_verdict: verdictLabels }
		},
		{
			id: 'bought',
			title: l.bought,
			sql: buildBoughtSql(p, g),
			chart: {
				kind: 'bar',
				x: 'amount_share',
				y: 'item',
				series: 'grp',
				xLabel: l.amountShare,
				yLabel: l.item,
				yFormat: 'percent',
				horizontal: true
			},
			columns: [
				{ key: 'item', label: l.item, format: 'text' },
				{ key: 'grp', label: l.group, format: 'text' },
				{ key: 'amount', label: l.amount, format: 'money' },
				{ key: 'amount_share', label: l.amountShare, format: 'percent' },
				{ key: 'buyer_share', label: l.buyerShare, format: 'percent' }
			],
			valueLabels: { grp: groupLabels }
		},
		{
			id: 'baseline',
			title: l.baseline,
			sql: buildBaselineSql(p, g),
			chart: upliftByWave,
			columns: [
				{ key: 'label', label: l.wave, format: 'text' },
				{ key: 'evidence', label: l.evidence, format: 'text' },
				{ key: 'contacted_all', label: l.contactedAll, format: 'int' },
				{ key: 'unmatched', label: l.unmatched, format: 'int' },
				{ key: 'contacted', label: l.matched, format: 'int' },
				{ key: 'rate', label: l.rate, format: 'percent' },
				{ key: 'control', label: l.comparable, format: 'int' },
				{ key: 'baseline_rate', label: l.baselineRate, format: 'percent' },
				{ key: 'uplift', label: l.uplift, format: 'percent' },
				{ key: 'uplift_low', label: l.upliftLow, format: 'percent' },
				{ key: 'uplift_high', label: l.upliftHigh, format: 'percent' },
				{ key: 'p_value', label: l.pValue, format: 'number' },
				{ key: 'verdict', label: l.verdict, format: 'text' }
			],
			valueLabels: { ...statusLabels, evidence: evidenceLabels }
		},
		{
			id: 'acquisition',
			title: l.acquisition,
			sql: buildAcquisitionSql(p, g),
			chart: {
				kind: 'bar',
				x: 'channel',
				y: 'repeat_rate',
				xLabel: l.channel,
				yLabel: l.repeatRate,
				yFormat: 'percent'
			},
			columns: [
				{ key: 'channel', label: l.channel, format: 'text' },
				{ key: 'customers', label: l.customers, format: 'int' },
				{ key: 'repeaters', label: l.repeaters, format: 'int' },
				{ key: 'repeat_rate', label: l.repeatRate, format: 'percent' },
				{ key: 'rest_repeat_rate', label: l.restRepeatRate, format: 'percent' },
				{ key: 'repeat_difference', label: l.repeatDifference, format: 'percent' },
				{ key: 'p_value', label: l.pValue, format: 'number' },
				{ key: 'verdict', label: l.verdict, format: 'text' },
				{ key: 'aov', label: l.aov, format: 'money' },
				{ key: 'rest_aov', label: l.restAov, format: 'money' },
				{ key: 'revenue_per_customer', label: l.revenuePerCustomer, format: 'money' },
				{ key: 'rest_revenue_per_customer', label: l.restRevenuePerCustomer, format: 'money' }
			],
			valueLabels: statusLabels
		}
	],
	panels: { headline: 'campaign-verdicts', tools: ['campaign-builder'] },
	customersSql(p, g, queryId, sel) {
		if (queryId === 'metrics') return buildMetricsCustomersSql(p, g, String(sel.key));
		throw new Error(`campaigns: no customer list for query ${queryId}`);
	},
	notices(queryId, rows) {
		const out: Notice[] = [];
		const any = (f: (r: Record<string, unknown>) => boolean) => rows.some(f);
		const sum = (k: string) => rows.reduce((n, r) => n + (Number(r[k]) || 0), 0);
		if (queryId === 'metrics') {
			if (any((r) => r.verdict === 'no control group')) out.push('campaigns.no-control');
			if (any((r) => r.verdict === 'not significant')) out.push('campaigns.not-significant');
			if (any((r) => r.test === 'fisher')) out.push('campaigns.small-test');
			if (sum('open_windows') > 0)
				out.push({ key: 'campaigns.open-windows', vars: { count: sum('open_windows') } });
			if (any((r) => Number(r.cost) === 0)) out.push('campaigns.no-cost');
		}
		if (queryId === 'baseline' && sum('unmatched') > 0)
			out.push({ key: 'campaigns.baseline-unmatched', vars: { count: sum('unmatched') } });
		return out;
	}
};
