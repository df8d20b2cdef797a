/**
 * WooCommerce order export (one row per order or per item): a refund is a separate row of the
 * same order with a negative total, netted into the order's refund amount.
 */
import { createMapping } from '../mapping.ts';
import type { Preset } from './types.ts';

export const woocommerce: Preset = {
	id: 'woocommerce',
	label: { en: 'WooCommerce order export', zh: 'WooCommerce 订单导出' },
	required: ['Order Number', 'Order Status', 'Order Date', 'Order Total Amount'],
	mapping: createMapping(
		{
			order_id: 'Order Number',
			customer_id: 'Email (Billing)',
			email: 'Email (Billing)',
			order_time: 'Order Date',
			status: 'Order Status',
			order_amount: 'Order Total Amount',
			refund_amount: 'Order Refund Amount',
			campaign: 'Coupon Code',
			product_id: 'SKU',
			product_title: 'Item Name',
			quantity: 'Quantity',
			unit_price: 'Item Cost',
			customer_name: 'First Name (Billing)',
			phone: 'Phone (Billing)',
			province: 'State Code (Billing)',
			city: 'City (Billing)',
			currency: 'Order Currency'
		},
		{
			statusMap: {
				completed: 'paid',
				processing: 'paid',
				'on-hold': 'paid',
				'wc-completed': 'paid',
				'wc-processing': 'paid',
				refunded: 'refunded',
				'wc-refunded': 'refunded',
				cancelled: 'cancelled',
				'wc-cancelled': 'cancelled',
				failed: 'closed',
				pending: 'closed'
			}
		}
	)
};
