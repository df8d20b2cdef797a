import type { Analysis, CellQuery } from '../types.ts';
import { defaults, fields, type WhatIfParams } from './params.ts';
import {
	buildAssumptionsSql,
	buildOneTimersSql,
	buildProjectionSql,
	buildSegmentCustomersSql,
	buildSegmentsSql
} from './sql.ts';
import { assumptionLabels, definition, labels as l, segmentLabels, title } from './describe.ts';
import { acquiredShared } from '../cohorts/acquired.ts';

export const whatif: Analysis<WhatIfParams> = {
	id: 'whatif',
	title,
	definition,
	defaults,
	params: fields,
	shared: acquiredShared,
	build: (p, g): CellQuery[] => [
		{
			id: 'projection',
			title: l.projection,
			sql: buildProjectionSql(p, g),
			chart: {
				kind: 'kpis',
				items: [
					{
						key: 'store_revenue_projected',
						label: l.storeRevenueProjected,
						format: 'money',
						change: 'store_revenue_change'
					},
					{
						key: 'store_aov_projected',
						label: l.storeAovProjected,
						format: 'money',
						change: 'store_aov_change'
					},
					{ key: 'repeat_rate', label: l.repeatRate, format: 'percent' },
					{ key: 'extra_repeaters', label: l.extraRepeaters, format: 'number' }
				]
			},
			columns: [
				{ key: 'segment', label: l.segment, format: 'text' },
				{ key: 'customers', label: l.customers, format: 'int' },
				{ key: 'repeat_rate', label: l.repeatRate, format: 'percent' },
				{ key: 'target_rate', label: l.targetRate, format: 'percent' },
				{ key: 'extra_repeaters', label: l.extraRepeaters, format: 'number' },
				{ key: 'segment_revenue_projected', label: l.segmentRevenueProjected, format: 'money' },
				{ key: 'segment_aov_projected', label: l.segmentAovProjected, format: 'money' },
				{ key: 'store_revenue', label: l.storeRevenue, format: 'money' },
				{ key: 'store_revenue_projected', label: l.storeRevenueProjected, format: 'money' },
				{ key: 'store_revenue_change', label: l.storeRevenueChange, format: 'percent' },
				{ key: 'store_aov', label: l.storeAov, format: 'money' },
				{ key: 'store_aov_projected', label: l.storeAovProjected, format: 'money' },
				{ key: 'store_aov_change', label: l.storeAovChange, format: 'percent' }
			],
			drill: ['segment'],
			valueLabels: { segment: segmentLabels(p) }
		},
		{
			id: 'assumptions',
			title: l.assumptions,
			sql: buildAssumptionsSql(p, g),
			columns: [
				{ key: 'assumption', label: l.assumption, format: 'text' },
				{ key: 'value', label: l.value, format: 'number' }
			],
			valueLabels: { assumption: assumptionLabels }
		},
		{
			id: 'segments',
			title: l.segments,
			sql: buildSegmentsSql(p, g),
			chart: {
				kind: 'bar',
				x: 'segment',
				y: 'repeat_rate',
				xLabel: l.segment,
				yLabel: l.repeatRate,
				yFormat: 'percent'
			},
			columns: [
				{ key: 'segment', label: l.segment, format: 'text' },
				{ key: 'customers', label: l.customers, format: 'int' },
				{ key: 'customer_share', label: l.customerShare, format: 'percent' },
				{ key: 'repeaters', label: l.repeaters, format: 'int' },
				{ key: 'repeat_rate', label: l.repeatRate, format: 'percent' },
				{ key: 'revenue', label: l.revenue, format: 'money' },
				{ key: 'revenue_share', label: l.revenueShare, format: 'percent' },
				{ key: 'orders', label: l.orders, format: 'int' },
				{ key: 'aov', label: l.aov, format: 'money' },
				{ key: 'avg_first_order', label: l.avgFirstOrder, format: 'money' }
			],
			drill: ['segment'],
			valueLabels: { segment: segmentLabels(p) }
		}
	],
	customersSql(p, g, queryId, sel) {
		// The projection's list is the target segment's one-time buyers: whom to bring back.
		if (queryId === 'projection') return buildOneTimersSql(p, g);
		if (queryId === 'segments') return buildSegmentCustomersSql(p, g, String(sel.segment));
		throw new Error(`whatif: no customer list for query ${queryId}`);
	},
	notices(queryId, rows) {
		const r = rows[0];
		if (queryId !== 'projection' || !r) return [];
		if (Number(r.customers) === 0) return ['whatif.empty-segment'];
		if (r.basis === 'store') return ['whatif.store-basis'];
		return r.basis === null ? ['whatif.no-repeaters'] : [];
	}
};
