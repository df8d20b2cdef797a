/**
 * Shopify orders export: one row per line item; Total and the other order-level money only on
 * the order's first row; times with their offset (`2024-11-11 00:03:15 +0800`).
 */
import { createMapping } from '../mapping.ts';
import type { Preset } from './types.ts';

export const shopify: Preset = {
	id: 'shopify',
	label: { en: 'Shopify orders export', zh: 'Shopify 订单导出' },
	required: ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Lineitem name'],
	mapping: createMapping(
		{
			order_id: 'Name',
			customer_id: 'Email',
			email: 'Email',
			order_time: 'Created at',
			pay_time: 'Paid at',
			status: 'Financial Status',
			order_amount: 'Total',
			refund_amount: 'Refunded Amount',
			campaign: 'Discount Code',
			channel: 'Source',
			product_id: 'Lineitem sku',
			product_title: 'Lineitem name',
			quantity: 'Lineitem quantity',
			unit_price: 'Lineitem price',
			customer_name: 'Billing Name',
			phone: 'Billing Phone',
			province: 'Billing Province',
			city: 'Billing City',
			currency: 'Currency'
		},
		{
			orderAmountLevel: 'first-line',
			statusMap: {
				paid: 'paid',
				authorized: 'paid',
				partially_paid: 'paid',
				partially_refunded: 'paid',
				refunded: 'refunded',
				voided: 'cancelled',
				pending: 'closed',
				expired: 'closed'
			}
		}
	),
	storeOffsetFromData: true
};
