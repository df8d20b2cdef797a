import type { Analysis, CellQuery } from '../types.ts';
import { defaults, fields, type LifecycleParams } from './params.ts';
import {
	sharedDays,
	buildDormantCustomersSql,
	buildReactivationSql,
	buildRuleSql,
	buildSnapshotCustomersSql,
	buildStageCustomersSql,
	buildStagesSql,
	buildTrendSql
} from './sql.ts';
import { cycleSourceLabels, definition, labels as l, stageLabels, title } from './describe.ts';

export const lifecycle: Analysis<LifecycleParams> = {
	id: 'lifecycle',
	title,
	definition,
	defaults,
	params: fields,
	shared: (_, g) => [sharedDays(g)],
	build: (p, g): CellQuery[] => [
		{
			id: 'rule',
			title: l.rule,
			sql: buildRuleSql(p, g),
			chart: {
				kind: 'kpis',
				items: [
					{ key: 'cycle_days', label: l.cycleDays, format: 'days' },
					{ key: 'active_days', label: l.activeDays, format: 'days' },
					{ key: 'dormant_days', label: l.dormantDays, format: 'days' },
					{ key: 'new_days', label: l.newDays, format: 'days' }
				]
			},
			columns: [
				{ key: 'cycle_days', label: l.cycleDays, format: 'days' },
				{ key: 'cycle_source', label: l.cycleSource, format: 'text' },
				{ key: 'median_gap', label: l.medianGap, format: 'days' },
				{ key: 'gaps', label: l.gaps, format: 'int' },
				{ key: 'active_days', label: l.activeDays, format: 'days' },
				{ key: 'dormant_days', label: l.dormantDays, format: 'days' },
				{ key: 'new_days', label: l.newDays, format: 'days' }
			],
			valueLabels: { cycle_source: cycleSourceLabels }
		},
		{
			id: 'stages',
			title: l.stages,
			sql: buildStagesSql(p, g),
			chart: {
				kind: 'bar',
				x: 'stage',
				y: 'customers',
				xLabel: l.stage,
				yLabel: l.customers,
				yFormat: 'int'
			},
			columns: [
				{ key: 'stage', label: l.stage, format: 'text' },
				{ key: 'customers', label: l.customers, format: 'int' },
				{ key: 'customer_share', label: l.customerShare, format: 'percent' },
				{ key: 'orders', label: l.orders, format: 'int' },
				{ key: 'revenue', label: l.revenue, format: 'money' },
				{ key: 'revenue_share', label: l.revenueShare, format: 'percent' },
				{ key: 'avg_days_since_last', label: l.avgDaysSinceLast, format: 'days' }
			],
			drill: ['stage'],
			valueLabels: { stage: stageLabels }
		},
		{
			id: 'trend',
			title: l.trend,
			sql: buildTrendSql(p, g),
			chart: {
				kind: 'line',
				x: 'month_end',
				y: 'customers',
				series: 'stage',
				xLabel: l.monthEnd,
				yLabel: l.customers,
				yFormat: 'int'
			},
			columns: [
				{ key: 'month_end', label: l.monthEnd, format: 'date' },
				{ key: 'stage', label: l.stage, format: 'text' },
				{ key: 'customers', label: l.customers, format: 'int' }
			],
			drill: ['month_end', 'stage'],
			valueLabels: { stage: stageLabels }
		},
		{
			id: 'reactivation',
			title: l.reactivation,
			sql: buildReactivationSql(p, g),
			chart: {
				kind: 'bar',
				x: 'month',
				y: 'reactivation_rate',
				xLabel: l.month,
				yLabel: l.reactivationRate,
				yFormat: 'percent'
			},
			columns: [
				{ key: 'month', label: l.month, format: 'date' },
				{ key: 'dormant_at_start', label: l.dormantAtStart, format: 'int' },
				{ key: 'reactivated', label: l.reactivated, format: 'int' },
				{ key: 'reactivation_rate', label: l.reactivationRate, format: 'percent' }
			],
			drill: ['month']
		}
	],
	customersSql(p, g, queryId, sel) {
		if (queryId === 'stages') return buildStageCustomersSql(p, g, String(sel.stage));
		if (queryId === 'trend')
			return buildSnapshotCustomersSql(p, g, sel.month_end, String(sel.stage));
		if (queryId === 'reactivation') return buildDormantCustomersSql(p, g, sel.month);
		throw new Error(`lifecycle: no customer list for query ${queryId}`);
	},
	notices(queryId, rows) {
		const rule = rows[0];
		if (queryId !== 'rule' || !rule) return [];
		if (rule.cycle_source === 'fallback') return ['lifecycle.cycle-fallback'];
		return rule.cycle_source === 'median' && Number(rule.gaps) < 30 ? ['lifecycle.few-gaps'] : [];
	}
};
