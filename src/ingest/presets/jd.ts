/** JD (京东) order export: one row per item, the order's payable amount repeated on each. */
import { createMapping } from '../mapping.ts';
import type { Preset } from './types.ts';

export const jd: Preset = {
	id: 'jd',
	label: { en: 'JD order export', zh: '京东 订单导出' },
	required: ['订单号', '下单帐号', '下单时间', '应付金额', '订单状态'],
	mapping: createMapping(
		{
			order_id: '订单号',
			customer_id: '下单帐号',
			order_time: '下单时间',
			pay_time: '付款确认时间',
			status: '订单状态',
			order_amount: '应付金额',
			product_id: '商品ID',
			product_title: '商品名称',
			quantity: '商品数量',
			unit_price: '京东价',
			address: '客户地址',
			customer_name: '客户姓名',
			phone: '联系电话'
		},
		{
			timezoneOffsetMinutes: 480,
			sourceOffsetMinutes: 480,
			statusMap: {
				完成: 'paid',
				已完成: 'paid',
				等待出库: 'paid',
				等待发货: 'paid',
				等待确认收货: 'paid',
				已取消: 'cancelled',
				'(删除)已取消': 'cancelled',
				锁定: 'closed',
				退款成功: 'refunded'
			},
			currency: 'CNY'
		}
	)
};
