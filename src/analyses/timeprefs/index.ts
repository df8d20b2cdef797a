import type { Analysis, CellQuery } from '../types.ts';
import { defaults, fields, type TimePrefsParams } from './params.ts';
import {
	buildBestTimesSql,
	buildHeatmapSql,
	buildHourProfileSql,
	buildSlotCustomersSql
} from './sql.ts';
import { definition, labels as l, segmentLabels, title, weekdayLabels } from './describe.ts';

export const timeprefs: Analysis<TimePrefsParams> = {
	id: 'timeprefs',
	title,
	definition,
	defaults,
	params: fields,
	build: (p, g): CellQuery[] => [
		{
			id: 'heatmap',
			title: l.heatmap,
			sql: buildHeatmapSql(p, g),
			chart: {
				kind: 'heatmap',
				x: 'hour',
				y: 'weekday',
				fill: p.measure === 'orders' ? 'orders' : 'share',
				xLabel: l.hour,
				yLabel: l.weekday,
				fillLabel: p.measure === 'orders' ? l.orders : l.share,
				fillFormat: p.measure === 'orders' ? 'int' : 'percent'
			},
			columns: [
				{ key: 'weekday', label: l.weekday, format: 'text' },
				{ key: 'hour', label: l.hour, format: 'int' },
				{ key: 'orders', label: l.orders, format: 'int' },
				{ key: 'share', label: l.share, format: 'percent' }
			],
			drill: ['weekday', 'hour'],
			valueLabels: { weekday: weekdayLabels }
		},
		{
			id: 'best',
			title: l.best,
			sql: buildBestTimesSql(p, g),
			columns: [
				{ key: 'rank', label: l.rank, format: 'int' },
				{ key: 'weekday', label: l.weekday, format: 'text' },
				{ key: 'hours', label: l.hours, format: 'text' },
				{ key: 'orders', label: l.orders, format: 'int' },
				{ key: 'share', label: l.share, format: 'percent' }
			],
			drill: ['weekday', 'hour'],
			valueLabels: { weekday: weekdayLabels }
		},
		{
			id: 'profile',
			title: l.profile,
			sql: buildHourProfileSql(g),
			chart: {
				kind: 'line',
				x: 'hour',
				y: 'share',
				series: 'segment',
				xLabel: l.hour,
				yLabel: l.share,
				yFormat: 'percent'
			},
			columns: [
				{ key: 'segment', label: l.segment, format: 'text' },
				{ key: 'hour', label: l.hour, format: 'int' },
				{ key: 'orders', label: l.orders, format: 'int' },
				{ key: 'share', label: l.share, format: 'percent' }
			],
			valueLabels: { segment: segmentLabels }
		}
	],
	customersSql(p, g, queryId, sel) {
		if (queryId === 'heatmap' || queryId === 'best')
			return buildSlotCustomersSql(p, g, Number(sel.weekday), Number(sel.hour));
		throw new Error(`timeprefs: no customer list for query ${queryId}`);
	},
	notices(queryId, rows) {
		if (queryId !== 'heatmap') return [];
		const busy = rows.filter((r) => Number(r.orders) > 0);
		return busy.length && busy.every((r) => Number(r.hour) === 0) ? ['timeprefs.dates-only'] : [];
	}
};
