import type { Analysis, ColumnSpec } from '../types.ts';
import { defaults, fields, type CohortParams } from './params.ts';
import { buildCohortCustomersSql, buildCohortSql } from './sql.ts';
import { definition, labels as l, noneLabels, title } from './describe.ts';
import { acquiredShared } from './acquired.ts';

const columns: ColumnSpec[] = [
	{ key: 'cohort', label: l.cohort, format: 'text' },
	{ key: 'period', label: l.period, format: 'int' },
	{ key: 'customers', label: l.customers, format: 'int' },
	{ key: 'eligible', label: l.eligible, format: 'int' },
	{ key: 'active', label: l.active, format: 'int' },
	{ key: 'retention', label: l.retentionRate, format: 'percent' },
	{ key: 'repurchase_cum', label: l.repurchaseCum, format: 'percent' },
	{ key: 'ltv_cum', label: l.ltvCum, format: 'money' }
];

export const cohorts: Analysis<CohortParams> = {
	id: 'cohorts',
	title,
	definition,
	defaults,
	params: fields,
	shared: acquiredShared,
	build: (p, g) => {
		const sql = buildCohortSql(p, g);
		const valueLabels = p.key === 'month' || p.key === 'week' ? undefined : { cohort: noneLabels };
		const needs =
			p.key === 'channel' || p.key === 'category' || p.key === 'province' ? [p.key] : undefined;
		return [
			{
				id: 'retention',
				title: l.retention,
				sql: buildCohortSql(p, g, 1),
				chart: {
					kind: 'heatmap',
					x: 'period',
					y: 'cohort',
					fill: 'retention',
					xLabel: l.period,
					yLabel: l.cohort,
					fillLabel: l.retentionRate,
					fillFormat: 'percent',
					text: true,
					size: 'customers',
					sizeLabel: l.period0
				},
				columns,
				drill: ['cohort', 'period'],
				valueLabels,
				needs
			},
			{
				id: 'repurchase',
				title: l.repurchase,
				sql,
				chart: {
					kind: 'line',
					x: 'period',
					y: 'repurchase_cum',
					series: 'cohort',
					xLabel: l.period,
					yLabel: l.repurchaseCum,
					yFormat: 'percent'
				},
				columns,
				drill: ['cohort'],
				valueLabels,
				needs
			},
			{
				id: 'ltv',
				title: l.ltv,
				sql,
				chart: {
					kind: 'line',
					x: 'period',
					y: 'ltv_cum',
					series: 'cohort',
					xLabel: l.period,
					yLabel: l.ltvCum,
					yFormat: 'money'
				},
				columns,
				drill: ['cohort'],
				valueLabels,
				needs
			}
		];
	},
	customersSql: (p, g, queryId, selection) =>
		buildCohortCustomersSql(
			p,
			g,
			queryId === 'retention' ? selection : { cohort: selection.cohort }
		),
	notices: (queryId, rows) =>
		queryId === 'retention' && rows.length && rows.every((r) => r.retention === null)
			? ['cohorts.all-masked']
			: []
};
