/**
 * Pinduoduo (拼多多) order export: UTF-8 with BOM, `-` for empty cells, and no stable buyer id,
 * so customers stay unknown unless the analyst maps a column (e.g. a receiver hash) to customer.
 */
import { createMapping } from '../mapping.ts';
import type { Preset } from './types.ts';

export const pinduoduo: Preset = {
	id: 'pinduoduo',
	label: { en: 'Pinduoduo order export', zh: '拼多多 订单导出' },
	required: ['订单号', '商品', '用户实付金额(元)', '订单状态', '订单成交时间'],
	mapping: createMapping(
		{
			order_id: '订单号',
			order_time: '订单成交时间',
			status: '订单状态',
			after_sale_status: '售后状态',
			order_amount: '用户实付金额(元)',
			product_id: '商品id',
			product_title: '商品',
			quantity: '商品数量(件)',
			province: '省',
			city: '市',
			customer_name: '收货人',
			phone: '手机'
		},
		{
			timezoneOffsetMinutes: 480,
			sourceOffsetMinutes: 480,
			nullTokens: ['-'],
			unknownCustomersAcknowledged: true,
			statusMap: {
				待发货: 'paid',
				'已发货，待签收': 'paid',
				已签收: 'paid',
				交易成功: 'paid',
				已取消: 'cancelled',
				'未发货，退款成功': 'refunded',
				'已发货，退款成功': 'refunded',
				// After-sale words: only a finished refund changes the order.
				无售后或售后取消: 'paid',
				售后处理中: 'paid',
				退款成功: 'refunded'
			},
			currency: 'CNY'
		}
	)
};
