/**
 * TikTok Shop order export: one row per SKU, the order amount repeated, day-first dates, and a
 * second row that describes the columns instead of holding data (the reader skips it).
 */
import { createMapping } from '../mapping.ts';
import type { Preset } from './types.ts';

export const tiktok: Preset = {
	id: 'tiktok',
	label: { en: 'TikTok Shop order export', zh: 'TikTok Shop 订单导出' },
	required: ['Order ID', 'Order Status', 'Created Time', 'Order Amount', 'SKU ID'],
	mapping: createMapping(
		{
			order_id: 'Order ID',
			customer_id: 'Buyer Username',
			order_time: 'Created Time',
			pay_time: 'Paid Time',
			status: 'Order Status',
			order_amount: 'Order Amount',
			refund_amount: 'Order Refund Amount',
			product_id: 'SKU ID',
			product_title: 'Product Name',
			quantity: 'Quantity',
			line_amount: 'SKU Subtotal After Discount',
			province: 'State',
			city: 'City',
			customer_name: 'Recipient',
			phone: 'Phone #'
		},
		{
			dateOrder: 'auto',
			ambiguousDateDefault: 'dmy',
			statusMap: {
				completed: 'paid',
				delivered: 'paid',
				shipped: 'paid',
				'in transit': 'paid',
				'to ship': 'paid',
				'awaiting shipment': 'paid',
				'awaiting collection': 'paid',
				cancelled: 'cancelled',
				canceled: 'cancelled',
				unpaid: 'closed'
			}
		}
	),
	read: { skipRows: [1] }
};
