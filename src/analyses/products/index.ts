import type { Analysis, CellQuery } from '../types.ts';
import { defaults, fields, type ProductsParams } from './params.ts';
import {
	sharedRanked,
	buildFirstBuyersSql,
	buildFirstItemRepeatSql,
	buildItemBuyersSql,
	buildNextBuyersSql,
	buildNextSql,
	buildPairBuyersSql,
	buildPairsSql,
	buildRolesSql,
	focusOf
} from './sql.ts';
import { definition, labels as l, roleLabels, title } from './describe.ts';

export const products: Analysis<ProductsParams> = {
	id: 'products',
	title,
	definition,
	defaults,
	params: fields,
	shared: (_, g) => [sharedRanked(g)],
	build: (p, g): CellQuery[] => [
		{
			id: 'roles',
			title: l.roles,
			sql: buildRolesSql(p, g),
			chart: {
				kind: 'quadrant',
				x: 'first_order_share',
				y: 'returning_share',
				size: 'revenue',
				label: 'item',
				color: 'role',
				xLabel: l.firstOrderShare,
				yLabel: l.returningShare,
				xSplitColumn: 'x_split',
				ySplitColumn: 'y_split'
			},
			columns: [
				{ key: 'item', label: l.item, format: 'text' },
				{ key: 'role', label: l.role, format: 'text' },
				{ key: 'revenue', label: l.revenue, format: 'money' },
				{ key: 'orders', label: l.orders, format: 'int' },
				{ key: 'quantity', label: l.quantity, format: 'number' },
				{ key: 'buyers', label: l.buyers, format: 'int' },
				{ key: 'first_buyers', label: l.firstBuyers, format: 'int' },
				{ key: 'first_order_share', label: l.firstOrderShare, format: 'percent' },
				{ key: 'repeat_rate', label: l.repeatRate, format: 'percent' },
				{ key: 'returning_share', label: l.returningShare, format: 'percent' },
				{ key: 'x_split', label: l.xSplit, format: 'percent' },
				{ key: 'y_split', label: l.ySplit, format: 'percent' }
			],
			drill: ['item_id'],
			valueLabels: { role: roleLabels }
		},
		{
			id: 'pairs',
			title: l.pairs,
			sql: buildPairsSql(p, g),
			chart: {
				kind: 'bar',
				horizontal: true,
				x: 'pair',
				y: p.pairSort === 'lift' ? 'lift' : 'together',
				xLabel: l.pair,
				yLabel: p.pairSort === 'lift' ? l.lift : l.together,
				yFormat: p.pairSort === 'lift' ? 'number' : 'int'
			},
			columns: [
				{ key: 'item_a', label: l.itemA, format: 'text' },
				{ key: 'item_b', label: l.itemB, format: 'text' },
				{ key: 'together', label: l.together, format: 'int' },
				{ key: 'support', label: l.support, format: 'percent' },
				{ key: 'confidence_ab', label: l.confidenceAb, format: 'percent' },
				{ key: 'confidence_ba', label: l.confidenceBa, format: 'percent' },
				{ key: 'lift', label: l.lift, format: 'number' }
			],
			drill: ['a_id', 'b_id']
		},
		{
			id: 'next',
			title: l.next,
			sql: buildNextSql(p, g),
			chart: focusOf(p)
				? {
						kind: 'bar',
						horizontal: true,
						x: 'next_item',
						y: 'share',
						xLabel: l.nextItem,
						yLabel: l.share,
						yFormat: 'percent'
					}
				: {
						kind: 'heatmap',
						x: 'next_item',
						y: 'first_item',
						fill: 'share',
						xLabel: l.nextItem,
						yLabel: l.firstItem,
						fillLabel: l.share,
						fillFormat: 'percent',
						text: true
					},
			columns: [
				{ key: 'first_item', label: l.firstItem, format: 'text' },
				{ key: 'repeaters', label: l.repeaters, format: 'int' },
				{ key: 'next_item', label: l.nextItem, format: 'text' },
				{ key: 'customers', label: l.customers, format: 'int' },
				{ key: 'share', label: l.share, format: 'percent' }
			],
			drill: ['first_id', 'next_id']
		},
		{
			id: 'first-repeat',
			title: l.firstRepeat,
			sql: buildFirstItemRepeatSql(p, g),
			chart: {
				kind: 'bar',
				horizontal: true,
				x: 'item',
				y: 'repeat_rate',
				xLabel: l.firstItem,
				yLabel: l.repeatRate,
				yFormat: 'percent'
			},
			columns: [
				{ key: 'item', label: l.firstItem, format: 'text' },
				{ key: 'first_buyers', label: l.firstBuyers, format: 'int' },
				{ key: 'repeaters', label: l.repeaterCount, format: 'int' },
				{ key: 'repeat_rate', label: l.repeatRate, format: 'percent' }
			],
			drill: ['item_id']
		}
	],
	customersSql(p, g, queryId, sel) {
		if (queryId === 'roles') return buildItemBuyersSql(p, g, String(sel.item_id));
		if (queryId === 'first-repeat') return buildFirstBuyersSql(p, g, String(sel.item_id));
		if (queryId === 'pairs') return buildPairBuyersSql(p, g, String(sel.a_id), String(sel.b_id));
		if (queryId === 'next')
			return buildNextBuyersSql(p, g, String(sel.first_id), String(sel.next_id));
		throw new Error(`products: no customer list for query ${queryId}`);
	},
	notices(queryId, rows) {
		if (rows.length) return [];
		if (queryId === 'roles') return ['products.empty'];
		return queryId === 'next' ? ['products.no-repeaters'] : [];
	}
};
