import type { Analysis } from '../types.ts';
import type { Msg } from '../../lib/msg.ts';
import { defaults, fields, type TierParams } from './params.ts';
import {
	buildTierCustomersSql,
	buildTierMovementSql,
	buildTierSummarySql,
	buildTiersByMonthSql,
	monthsBack
} from './sql.ts';
import { definition, labels as l, title } from './describe.ts';

/** "Tier 6 months ago": the movement's earlier side, with the months the user chose. */
const monthsAgoLabel = (n: unknown): Msg => {
	const m = monthsBack(n);
	return { en: `Tier ${m} month${m === 1 ? '' : 's'} ago`, zh: `${m} 个月前等级` };
};

export const tiers: Analysis<TierParams> = {
	id: 'tiers',
	title,
	definition,
	defaults,
	params: fields,
	build: (p, g) => {
		const fromTier = monthsAgoLabel(p.monthsBack);
		return [
			{
				id: 'summary',
				title: l.summary,
				sql: buildTierSummarySql(p, g),
				chart: {
					kind: 'bar',
					x: 'tier_label',
					y: 'customers',
					xLabel: l.tier,
					yLabel: l.customers,
					yFormat: 'int'
				},
				columns: [
					{ key: 'tier_label', label: l.tier, format: 'text' },
					{ key: 'min_spend', label: l.minSpend, format: 'money' },
					{ key: 'discount', label: l.discount, format: 'number' },
					{ key: 'customers', label: l.customers, format: 'int' },
					{ key: 'customer_share', label: l.customerShare, format: 'percent' },
					{ key: 'revenue', label: l.revenue, format: 'money' },
					{ key: 'revenue_share', label: l.revenueShare, format: 'percent' },
					{ key: 'aov', label: l.aov, format: 'money' },
					{ key: 'avg_spend', label: l.avgSpend, format: 'money' }
				],
				drill: ['tier']
			},
			{
				id: 'movement',
				title: l.movement,
				sql: buildTierMovementSql(p, g),
				chart: {
					kind: 'heatmap',
					x: 'to_label',
					y: 'from_label',
					fill: 'customers',
					xLabel: l.toTier,
					yLabel: fromTier,
					fillLabel: l.customers,
					fillFormat: 'int',
					text: true
				},
				columns: [
					{ key: 'from_label', label: fromTier, format: 'text' },
					{ key: 'to_label', label: l.toTier, format: 'text' },
					{ key: 'customers', label: l.customers, format: 'int' },
					{ key: 'from_date', label: l.fromDate, format: 'date' }
				],
				drill: ['from_tier', 'to_tier']
			},
			{
				id: 'by-month',
				title: l.byMonth,
				sql: buildTiersByMonthSql(p, g),
				chart: {
					kind: 'bar',
					x: 'month',
					y: 'customers',
					series: 'tier_label',
					stacked: true,
					xLabel: l.month,
					yLabel: l.customers,
					yFormat: 'int'
				},
				columns: [
					{ key: 'month', label: l.month, format: 'date' },
					{ key: 'tier_label', label: l.tier, format: 'text' },
					{ key: 'customers', label: l.customers, format: 'int' }
				],
				drill: ['month', 'tier']
			}
		];
	},
	customersSql: buildTierCustomersSql,
	notices: (queryId, rows) =>
		queryId === 'summary' && rows.some((r) => Number(r.tier) === 0 && Number(r.customers) > 0)
			? ['tiers.below-first']
			: []
};
