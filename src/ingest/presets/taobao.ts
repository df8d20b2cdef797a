/** Taobao / Tmall 订单报表: one row per order, GBK, ids as `="…"`, China time. */
import { createMapping } from '../mapping.ts';
import type { Preset } from './types.ts';

export const taobao: Preset = {
	id: 'taobao',
	label: { en: 'Taobao / Tmall order report', zh: '淘宝/天猫 订单报表' },
	required: ['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '订单创建时间'],
	mapping: createMapping(
		{
			order_id: '订单编号',
			customer_id: '买家会员名',
			order_time: '订单创建时间',
			pay_time: '订单付款时间',
			status: '订单状态',
			order_amount: '买家实际支付金额',
			refund_amount: '退款金额',
			campaign: '店铺优惠',
			address: '收货地址',
			product_title: '宝贝标题',
			quantity: '宝贝总数量',
			customer_name: '收货人姓名',
			phone: '联系手机'
		},
		{
			timezoneOffsetMinutes: 480,
			sourceOffsetMinutes: 480,
			statusMap: {
				交易成功: 'paid',
				买家已付款: 'paid',
				'买家已付款，等待卖家发货': 'paid',
				等待卖家发货: 'paid',
				卖家已发货: 'paid',
				'卖家已发货，等待买家确认': 'paid',
				交易关闭: 'closed',
				// Never paid: not a sale, kept out of revenue like a closed trade.
				等待买家付款: 'closed',
				'付款以后用户退款成功，交易自动关闭': 'refunded'
			},
			currency: 'CNY'
		}
	)
};
