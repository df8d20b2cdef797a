import type { Msg } from '../../lib/msg.ts';

/** The "Try sample data" button and what it loads. `{orders}`/`{customers}` are filled in. */
export const messages: Record<string, Msg> = {
	'sample.button': { en: 'Try sample data', zh: '试用示例数据' },
	'sample.description': {
		en: 'A made-up Tmall clothing shop, 2023–2024: about 60,000 orders with 6.18, 11.11 and 12.12 sales, six traffic channels including Juhuasuan flash deals, refunds and closed orders, and two CRM campaigns with control groups. It comes with the app, from this page’s own address; nothing you load is sent anywhere.',
		zh: '一家虚构的天猫女装店（2023–2024 年）：约 6 万笔订单，含 6.18、双 11、双 12 大促，六个流量渠道（含聚划算），退款与关闭订单，以及两个带对照组的会员营销活动。数据随应用一起提供，从本页面自身的地址加载；你加载的任何数据都不会被发送出去。'
	},
	'sample.step.fetching': { en: 'Fetching the sample shop…', zh: '正在获取示例店铺数据…' },
	'sample.step.engine': {
		en: 'The sample shop is here; waiting for DuckDB to start…',
		zh: '示例店铺数据已就绪，正在等待 DuckDB 启动…'
	},
	'sample.step.loading': { en: 'Loading the sample shop…', zh: '正在加载示例店铺数据…' },
	'sample.loaded': {
		en: 'Sample data loaded: {orders} orders from {customers} customers.',
		zh: '示例数据已加载：{customers} 位顾客的 {orders} 笔订单。'
	},
	'sample.badge': { en: 'Sample data', zh: '示例数据' },
	'sample.campaigns': {
		en: 'The sample has two campaigns: a thank-you SMS with a coupon to first-time buyers of the 11.11 sale who spent ≥ 299 (five monthly waves to those who have not returned, 10-day window) and a win-back e-mail to customers dormant for 180 days (30-day window). Each kept a random 20% control group.',
		zh: '示例包含两个活动：向双 11 大促期间消费满 299 元的新客发送感谢短信和优惠券（对未复购者每月再发，共五波，观察期 10 天）；向 180 天未购买的沉睡顾客发送召回邮件（观察期 30 天）。两者均随机保留 20% 对照组。'
	},
	'sample.failed': {
		en: 'The sample data could not be loaded ({detail}). Reload the page and try again.',
		zh: '示例数据加载失败（{detail}）。请刷新页面后重试。'
	}
};
