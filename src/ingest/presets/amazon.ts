/**
 * Amazon seller order report: tab-separated, one row per item, item-price is the line's total,
 * ISO times with offset, and no buyer id (customers unknown).
 */
import { createMapping } from '../mapping.ts';
import type { Preset } from './types.ts';

export const amazon: Preset = {
	id: 'amazon',
	label: { en: 'Amazon order report', zh: '亚马逊 订单报告' },
	required: ['amazon-order-id', 'purchase-date', 'order-status', 'item-price'],
	mapping: createMapping(
		{
			order_id: 'amazon-order-id',
			order_time: 'purchase-date',
			status: 'order-status',
			line_amount: 'item-price',
			product_id: 'sku',
			product_title: 'product-name',
			quantity: 'quantity',
			channel: 'sales-channel',
			campaign: 'promotion-ids',
			province: 'ship-state',
			city: 'ship-city',
			currency: 'currency'
		},
		{
			orderAmountLevel: 'line-sum',
			unknownCustomersAcknowledged: true,
			statusMap: {
				shipped: 'paid',
				'shipped - delivered to buyer': 'paid',
				shipping: 'paid',
				unshipped: 'paid',
				pending: 'paid',
				cancelled: 'cancelled'
			}
		}
	),
	read: { delimiter: '\t' },
	storeOffsetFromData: true
};
