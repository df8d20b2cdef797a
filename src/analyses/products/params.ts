import type { ParamField } from '../types.ts';

export type ProductsParams = {
	/** Analyse products (id, else title) or categories. */
	level: 'product' | 'category';
	/** Items bought by fewer known customers are left out (a 1-buyer item has a 0% or 100% rate). */
	minBuyers: number;
	/** Quadrant split lines in percent; 0 = the median over the items shown. */
	xSplit: number;
	ySplit: number;
	/** Rows in the top lists (pairs, first items). */
	top: number;
	/** Pairs bought together in fewer orders are left out. */
	minPairOrders: number;
	/** Order the co-purchase list by support (orders together) or by lift. */
	pairSort: 'support' | 'lift';
	/** "What returning customers buy next": only this first item (id or name); '' = every one. */
	focus: string;
	/** Next items listed per first item. */
	nextTop: number;
	/** Repeat = second order within this many days of the first; 0 = any time in the data. */
	repeatDays: number;
};

export const defaults: ProductsParams = {
	level: 'product',
	minBuyers: 5,
	xSplit: 0,
	ySplit: 0,
	top: 20,
	minPairOrders: 2,
	pairSort: 'support',
	focus: '',
	nextTop: 5,
	repeatDays: 0
};

export const fields: ParamField[] = [
	{
		key: 'level',
		kind: 'select',
		label: { en: 'Analyse', zh: '分析对象' },
		options: [
			{ value: 'product', label: { en: 'Products', zh: '商品' } },
			{ value: 'category', label: { en: 'Categories', zh: '类目' } }
		]
	},
	{
		key: 'minBuyers',
		kind: 'number',
		min: 1,
		label: { en: 'Minimum buyers per item', zh: '每个商品最少买家数' }
	},
	{
		key: 'xSplit',
		kind: 'number',
		min: 0,
		max: 100,
		label: { en: 'First-order share split, % (0 = median)', zh: '首单占比分界（%，0 = 中位数）' }
	},
	{
		key: 'ySplit',
		kind: 'number',
		min: 0,
		max: 100,
		label: {
			en: 'Returning-revenue share split, % (0 = median)',
			zh: '老客收入占比分界（%，0 = 中位数）'
		}
	},
	{
		key: 'top',
		kind: 'number',
		min: 1,
		max: 200,
		label: { en: 'Rows in top lists', zh: '榜单行数' }
	},
	{
		key: 'minPairOrders',
		kind: 'number',
		min: 1,
		label: { en: 'Minimum orders per pair', zh: '组合最少订单数' }
	},
	{
		key: 'pairSort',
		kind: 'select',
		label: { en: 'Rank pairs by', zh: '组合排序' },
		options: [
			{ value: 'support', label: { en: 'Support (orders together)', zh: '支持度（同单次数）' } },
			{ value: 'lift', label: { en: 'Lift', zh: '提升度' } }
		]
	},
	{
		key: 'focus',
		kind: 'text',
		label: {
			en: 'Next purchase after first item (blank = all)',
			zh: '首单含该商品的客户下一单（空 = 全部）'
		}
	},
	{
		key: 'repeatDays',
		kind: 'number',
		min: 0,
		label: {
			en: 'Repeat = second order within days (0 = any time)',
			zh: '复购 = 首单后多少天内再下单（0 = 不限）'
		}
	},
	{
		key: 'nextTop',
		kind: 'number',
		min: 1,
		max: 50,
		label: { en: 'Next items per first item', zh: '每个首单商品列出的下一单商品数' }
	}
];
