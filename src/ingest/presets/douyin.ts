/**
 * Douyin shop (抖店) order export: one row per sub-order (子订单) under a main order (主订单);
 * 订单应付金额 is the sub-order's payable amount, so the order's amount is their sum. No buyer id.
 */
import { createMapping } from '../mapping.ts';
import type { Preset } from './types.ts';

export const douyin: Preset = {
	id: 'douyin',
	label: { en: 'Douyin shop order export', zh: '抖店 订单导出' },
	required: ['主订单编号', '子订单编号', '订单提交时间', '订单应付金额', '订单状态'],
	mapping: createMapping(
		{
			order_id: '主订单编号',
			order_time: '订单提交时间',
			pay_time: '支付完成时间',
			status: '订单状态',
			after_sale_status: '售后状态',
			line_amount: '订单应付金额',
			product_id: '商品ID',
			product_title: '选购商品',
			quantity: '商品数量',
			channel: '流量来源',
			campaign: '达人昵称',
			province: '省',
			city: '市',
			customer_name: '收件人',
			phone: '收件人手机号'
		},
		{
			timezoneOffsetMinutes: 480,
			sourceOffsetMinutes: 480,
			orderAmountLevel: 'line-sum',
			nullTokens: ['-'],
			unknownCustomersAcknowledged: true,
			statusMap: {
				已完成: 'paid',
				已发货: 'paid',
				待发货: 'paid',
				已支付: 'paid',
				已关闭: 'closed',
				已取消: 'cancelled',
				退款成功: 'refunded',
				售后完成: 'refunded',
				无售后: 'paid'
			},
			currency: 'CNY'
		}
	)
};
