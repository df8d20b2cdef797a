import type { Analysis, ColumnSpec } from '../types.ts';
import type { ColumnFormat } from '../../lib/column-format.ts';
import type { Msg } from '../../lib/msg.ts';
import { defaults, fields, type OverviewParams } from './params.ts';
import {
	buildKpisSql,
	buildMonthlyOrdersSql,
	buildMonthlyRevenueSql,
	buildOverviewCustomersSql,
	sharedFirstTwo,
	sharedTagged
} from './sql.ts';
import { customerTypeLabels, definition, labels as l, title } from './describe.ts';

/** The compared KPIs; rates change in percentage points, counts and money relatively. */
const KPIS: { key: string; label: Msg; format: ColumnFormat; changeIn: 'relative' | 'points' }[] = [
	{ key: 'customers', label: l.customers, format: 'int', changeIn: 'relative' },
	{ key: 'orders', label: l.orders, format: 'int', changeIn: 'relative' },
	{ key: 'revenue', label: l.revenue, format: 'money', changeIn: 'relative' },
	{ key: 'aov', label: l.aov, format: 'money', changeIn: 'relative' },
	{ key: 'repeat_rate', label: l.repeatRate, format: 'percent', changeIn: 'points' },
	{ key: 'unknown_share', label: l.unknownShare, format: 'percent', changeIn: 'points' }
];

const join = (a: Msg, b: Msg): Msg => ({ en: `${a.en} ${b.en}`, zh: `${a.zh}${b.zh}` });

const kpiColumns: ColumnSpec[] = [
	{ key: 'period_start', label: l.periodStart, format: 'date' },
	{ key: 'period_end', label: l.periodEnd, format: 'date' },
	{ key: 'previous_start', label: l.previousStart, format: 'date' },
	{ key: 'previous_end', label: l.previousEnd, format: 'date' },
	...KPIS.flatMap((k) => [
		{ key: k.key, label: k.label, format: k.format },
		{ key: `${k.key}_previous`, label: join(k.label, l.previous), format: k.format },
		{ key: `${k.key}_change`, label: join(k.label, l.change), format: 'percent' as const }
	]),
	{ key: 'returning_share', label: l.returningShare, format: 'percent' }
];

export const overview: Analysis<OverviewParams> = {
	id: 'overview',
	title,
	definition,
	defaults,
	params: fields,
	shared: (_, g) => [sharedTagged(g), sharedFirstTwo(g)],
	build: (p, g) => [
		{
			id: 'kpis',
			title: l.kpis,
			sql: buildKpisSql(p, g),
			chart: {
				kind: 'kpis',
				items: [
					...KPIS.map((k) => ({ ...k, change: `${k.key}_change` })),
					// Beside the period's rate, the all-time figure the other cells call the repeat rate.
					{ key: 'returning_share', label: l.returningShare, format: 'percent' }
				],
				period: {
					start: 'period_start',
					end: 'period_end',
					previousStart: 'previous_start',
					previousEnd: 'previous_end'
				}
			},
			columns: kpiColumns
		},
		{
			id: 'monthly-revenue',
			title: l.monthlyRevenue,
			sql: buildMonthlyRevenueSql(p, g),
			chart: {
				kind: 'bar',
				x: 'month',
				y: 'revenue',
				series: 'customer_type',
				stacked: true,
				xLabel: l.month,
				yLabel: l.revenue,
				yFormat: 'money'
			},
			columns: [
				{ key: 'month', label: l.month, format: 'date' },
				{ key: 'customer_type', label: l.customerType, format: 'text' },
				{ key: 'revenue', label: l.revenue, format: 'money' },
				{ key: 'revenue_share', label: l.revenueShare, format: 'percent' },
				{ key: 'orders', label: l.orders, format: 'int' },
				{ key: 'customers', label: l.customers, format: 'int' }
			],
			drill: ['month', 'customer_type'],
			valueLabels: { customer_type: customerTypeLabels }
		},
		{
			id: 'monthly-orders',
			title: l.monthlyOrders,
			sql: buildMonthlyOrdersSql(p, g),
			chart: {
				kind: 'bar',
				x: 'month',
				y: 'orders',
				xLabel: l.month,
				yLabel: l.orders,
				yFormat: 'int'
			},
			columns: [
				{ key: 'month', label: l.month, format: 'date' },
				{ key: 'orders', label: l.orders, format: 'int' },
				{ key: 'customers', label: l.customers, format: 'int' },
				{ key: 'revenue', label: l.revenue, format: 'money' },
				{ key: 'aov', label: l.aov, format: 'money' }
			],
			drill: ['month']
		}
	],
	customersSql: (p, g, _queryId, selection) => buildOverviewCustomersSql(p, g, selection),
	notices: (queryId, rows) => {
		const k = rows[0];
		if (queryId !== 'kpis' || !k) return [];
		const out: string[] = [];
		// 'All time' has no previous window by choice; elsewhere an empty one is worth saying.
		const compared = k.previous_start !== null && k.previous_start !== undefined;
		if (Number(k.orders) === 0) return ['overview.empty-period'];
		if (compared && Number(k.orders_previous) === 0) out.push('overview.no-previous');
		if (Number(k.unknown_share) > 0.2) out.push('overview.many-unknown');
		return out;
	}
};
