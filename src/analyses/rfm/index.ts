import type { Analysis, CellQuery } from '../types.ts';
import { defaults, fields, type RfmParams } from './params.ts';
import {
	NOT_YET,
	UNCLASSIFIED,
	buildHeatmapSql,
	buildMovementSql,
	buildRfmCustomersSql,
	buildSegmentsSql,
	rfmShared,
	segmentOrder
} from './sql.ts';
import { definition, labels as l, segmentLabelsFor, title } from './describe.ts';

export const rfm: Analysis<RfmParams> = {
	id: 'rfm',
	title,
	definition,
	defaults,
	params: fields,
	shared: rfmShared,
	build: (p, g): CellQuery[] => {
		const segments = segmentLabelsFor(segmentOrder(p.rules));
		const withNotYet = segmentLabelsFor([NOT_YET, ...segmentOrder(p.rules)]);
		return [
			{
				id: 'segments',
				title: l.segments,
				sql: buildSegmentsSql(p, g),
				chart: {
					kind: 'bar',
					x: 'customers',
					y: 'segment',
					horizontal: true,
					xLabel: l.customers,
					yLabel: l.segment,
					yFormat: 'int'
				},
				columns: [
					{ key: 'segment', label: l.segment, format: 'text' },
					{ key: 'customers', label: l.customers, format: 'int' },
					{ key: 'customer_share', label: l.customerShare, format: 'percent' },
					{ key: 'revenue', label: l.revenue, format: 'money' },
					{ key: 'revenue_share', label: l.revenueShare, format: 'percent' },
					{ key: 'aov', label: l.aov, format: 'money' },
					{ key: 'avg_recency', label: l.avgRecency, format: 'days' },
					{ key: 'last_order', label: l.lastOrder, format: 'date' }
				],
				drill: ['segment'],
				valueLabels: { segment: segments }
			},
			{
				id: 'heatmap',
				title: l.heatmap,
				sql: buildHeatmapSql(p, g),
				chart: {
					kind: 'heatmap',
					x: 'f_score',
					y: 'r_score',
					fill: p.heatmapFill === 'revenue' ? 'revenue' : 'customers',
					xLabel: l.fScore,
					yLabel: l.rScore,
					fillLabel: p.heatmapFill === 'revenue' ? l.revenue : l.customers,
					fillFormat: p.heatmapFill === 'revenue' ? 'money' : 'int',
					text: true
				},
				columns: [
					{ key: 'r_score', label: l.rScore, format: 'int' },
					{ key: 'f_score', label: l.fScore, format: 'int' },
					{ key: 'customers', label: l.customers, format: 'int' },
					{ key: 'customer_share', label: l.customerShare, format: 'percent' },
					{ key: 'revenue', label: l.revenue, format: 'money' },
					{ key: 'revenue_share', label: l.revenueShare, format: 'percent' }
				],
				drill: ['r_score', 'f_score']
			},
			{
				id: 'movement',
				title: l.movement,
				sql: buildMovementSql(p, g),
				chart: {
					kind: 'heatmap',
					x: 'to_segment',
					y: 'from_segment',
					fill: 'customers',
					xLabel: l.toSegment,
					yLabel: l.fromSegment,
					fillLabel: l.customers,
					fillFormat: 'int',
					text: true
				},
				columns: [
					{ key: 'from_segment', label: l.fromSegment, format: 'text' },
					{ key: 'to_segment', label: l.toSegment, format: 'text' },
					{ key: 'customers', label: l.customers, format: 'int' },
					{ key: 'from_share', label: l.fromShare, format: 'percent' },
					{ key: 'from_date', label: l.fromDate, format: 'date' }
				],
				drill: ['from_segment', 'to_segment'],
				valueLabels: { from_segment: withNotYet, to_segment: withNotYet }
			}
		];
	},
	customersSql: buildRfmCustomersSql,
	notices: (queryId, rows) => {
		if (queryId === 'segments')
			return rows.some((r) => r.segment === UNCLASSIFIED && Number(r.customers) > 0)
				? ['rfm.unclassified']
				: [];
		if (queryId === 'heatmap')
			return rows.length && rows.every((r) => Number(r.f_score) === 1)
				? ['rfm.one-time-buyers']
				: [];
		return [];
	}
};
