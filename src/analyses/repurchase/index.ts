import type { Analysis, CellQuery, Globals } from '../types.ts';
import type { Msg } from '../../lib/msg.ts';
import { defaults, fields, type RepurchaseParams } from './params.ts';
import {
	BREAKDOWNS,
	bandLabels,
	buildBreakdownSql,
	buildCycleSql,
	buildGapsSql,
	buildParetoSql,
	buildParetoTopSql,
	buildRepurchaseCustomersSql,
	buildWindowsSql,
	sharedOrderGaps,
	type Breakdown
} from './sql.ts';
import { definition, definitionFor, labels as l, title } from './describe.ts';
import { noneLabels } from '../cohorts/describe.ts';
import { acquiredShared } from '../cohorts/acquired.ts';

const BREAKDOWN_TEXT: Record<Breakdown, { title: Msg; group: Msg }> = {
	channel: { title: l.byChannel, group: l.channel },
	band: { title: l.byBand, group: l.band },
	category: { title: l.byCategory, group: l.category },
	province: { title: l.byProvince, group: l.province }
};

function breakdownQuery(p: RepurchaseParams, g: Globals, by: Breakdown): CellQuery {
	const { title: t, group } = BREAKDOWN_TEXT[by];
	return {
		id: `by-${by}`,
		title: t,
		sql: buildBreakdownSql(p, g, by),
		chart: {
			kind: 'bar',
			x: 'grp',
			y: 'repeat_rate',
			xLabel: group,
			yLabel: l.repeatRate,
			yFormat: 'percent'
		},
		columns: [
			{ key: 'grp', label: group, format: 'text' },
			{ key: 'customers', label: l.customers, format: 'int' },
			{ key: 'customer_share', label: l.customerShare, format: 'percent' },
			{ key: 'repeat_customers', label: l.repeatCustomers, format: 'int' },
			{ key: 'repeat_rate', label: l.repeatRate, format: 'percent' },
			{ key: 'revenue', label: l.revenue, format: 'money' },
			{ key: 'revenue_share', label: l.revenueShare, format: 'percent' },
			{ key: 'aov', label: l.aov, format: 'money' },
			{ key: 'first_order_aov', label: l.firstOrderAov, format: 'money' }
		],
		drill: ['grp'],
		needs: by === 'band' ? undefined : [by],
		valueLabels: {
			grp:
				by === 'band'
					? bandLabels(p.bands).map((b) => ({ value: b, label: { en: b, zh: b } }))
					: noneLabels
		}
	};
}

export const repurchase: Analysis<RepurchaseParams> = {
	id: 'repurchase',
	title,
	definition,
	definitionFor,
	defaults,
	params: fields,
	shared: (p, g) => [...acquiredShared(p, g), sharedOrderGaps(g)],
	build: (p, g) => [
		...BREAKDOWNS.map((by) => breakdownQuery(p, g, by)),
		{
			id: 'windows',
			title: l.windows,
			sql: buildWindowsSql(p, g),
			chart: {
				kind: 'bar',
				x: 'window_days',
				y: 'rate',
				xLabel: l.windowDays,
				yLabel: l.rate,
				yFormat: 'percent'
			},
			columns: [
				{ key: 'window_days', label: l.windowDays, format: 'days' },
				{ key: 'eligible', label: l.eligible, format: 'int' },
				{ key: 'repurchased', label: l.repurchased, format: 'int' },
				{ key: 'rate', label: l.rate, format: 'percent' },
				{ key: 'censored', label: l.censored, format: 'int' }
			],
			drill: ['window_days']
		},
		{
			id: 'cycle',
			title: l.cycle,
			sql: buildCycleSql(p, g),
			chart: {
				kind: 'kpis',
				items: [
					{ key: 'median_days', label: l.median, format: 'days' },
					{ key: 'recontact_day', label: l.recontact, format: 'days' },
					{ key: 'gaps', label: l.gaps, format: 'int' }
				]
			},
			columns: [
				{ key: 'gaps', label: l.gaps, format: 'int' },
				{ key: 'customers', label: l.gapCustomers, format: 'int' },
				{ key: 'median_days', label: l.median, format: 'days' },
				{ key: 'p25_days', label: l.p25, format: 'days' },
				{ key: 'p75_days', label: l.p75, format: 'days' },
				{ key: 'recontact_day', label: l.recontact, format: 'days' }
			]
		},
		{
			id: 'gaps',
			title: l.histogram,
			sql: buildGapsSql(p, g),
			chart: {
				kind: 'histogram',
				x: 'bucket_start',
				y: 'gaps',
				xLabel: l.bucketStart,
				yLabel: l.gaps,
				marker: 'median_days'
			},
			columns: [
				{ key: 'bucket_label', label: l.bucket, format: 'text' },
				{ key: 'gaps', label: l.gaps, format: 'int' },
				{ key: 'share', label: l.share, format: 'percent' },
				{ key: 'median_days', label: l.median, format: 'days' },
				{ key: 'recontact_day', label: l.recontact, format: 'days' }
			]
		},
		{
			id: 'pareto',
			title: l.pareto,
			sql: buildParetoSql(p, g),
			chart: {
				kind: 'line',
				x: 'customer_share',
				y: 'revenue_share',
				xLabel: l.cumCustomers,
				yLabel: l.cumRevenue,
				yFormat: 'percent',
				xFormat: 'percent'
			},
			columns: [
				{ key: 'customer_share', label: l.cumCustomers, format: 'percent' },
				{ key: 'revenue_share', label: l.cumRevenue, format: 'percent' }
			]
		},
		{
			id: 'pareto-top',
			title: l.paretoTop,
			sql: buildParetoTopSql(p, g),
			chart: {
				kind: 'kpis',
				items: [
					{ key: 'top_revenue_share', label: l.topRevenueShare, format: 'percent' },
					{ key: 'top_customers', label: l.topCustomers, format: 'int' }
				]
			},
			columns: [
				{ key: 'top_percent', label: l.topPercent, format: 'percent' },
				{ key: 'top_customers', label: l.topCustomers, format: 'int' },
				{ key: 'customers', label: l.customers, format: 'int' },
				{ key: 'top_revenue_share', label: l.topRevenueShare, format: 'percent' }
			],
			// Any click lists the top customers; the column only makes the query drillable.
			drill: ['top_percent']
		}
	],
	customersSql: buildRepurchaseCustomersSql,
	notices: (queryId, rows) => {
		if (queryId === 'windows')
			return rows.some((r) => Number(r.eligible) === 0) ? ['repurchase.all-censored'] : [];
		if (queryId !== 'cycle' || !rows[0]) return [];
		const gaps = Number(rows[0].gaps);
		if (gaps === 0) return ['repurchase.no-repeat'];
		return gaps < 30 ? ['repurchase.few-gaps'] : [];
	}
};
