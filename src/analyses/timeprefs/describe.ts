import type { ValueLabel } from '../types.ts';
import type { Msg } from '../../lib/msg.ts';

export const title: Msg = { en: 'Time preferences', zh: '下单时间偏好' };

export const definition: Msg = {
	en: "Orders counted by weekday (Monday first) and hour of the order time, in store-local time. Share = orders in the cell ÷ orders of the segment. Segments: all orders (including orders without a customer id); first orders = each known customer's first-ever order (before the as-of date, whatever the filters; ties by order id); repeat orders = their other orders, so in a date range a long-standing customer's orders are repeat orders. Net mode counts paid orders only; gross mode counts every order. Best times to send = the busiest cells; send a little before the hour when your customers usually order.",
	zh: '按下单时间（店铺当地时间）的星期（周一开始）和小时统计订单数。占比 = 单元格订单数 ÷ 该范围订单总数。范围：全部订单（含无客户编号的订单）；首单 = 每位已知客户在截止日前的第一笔订单（不受筛选影响；同一时间按订单号）；复购订单 = 其他订单，因此在某个日期范围内，老客户的订单都算复购订单。净收入模式只计已付款订单；总收入模式计所有订单。最佳发送时间 = 订单最多的时段，建议在客户常下单的时间之前稍早发送。'
};

/** ISO weekday numbers (1 = Monday), so every table and axis reads Monday first. */
export const weekdayLabels: ValueLabel[] = [
	{ value: 1, label: { en: 'Mon', zh: '周一' } },
	{ value: 2, label: { en: 'Tue', zh: '周二' } },
	{ value: 3, label: { en: 'Wed', zh: '周三' } },
	{ value: 4, label: { en: 'Thu', zh: '周四' } },
	{ value: 5, label: { en: 'Fri', zh: '周五' } },
	{ value: 6, label: { en: 'Sat', zh: '周六' } },
	{ value: 7, label: { en: 'Sun', zh: '周日' } }
];

export const segmentLabels: ValueLabel[] = [
	{ value: 'all', label: { en: 'All orders', zh: '全部订单' } },
	{ value: 'first', label: { en: 'First orders', zh: '首单' } },
	{ value: 'repeat', label: { en: 'Repeat orders', zh: '复购订单' } }
];

export const labels = {
	heatmap: { en: 'Orders by weekday and hour', zh: '星期 × 小时下单分布' },
	best: { en: 'Best times to send', zh: '最佳发送时间' },
	profile: { en: 'Orders by hour: new vs returning', zh: '各小时订单占比：新客 vs 老客' },
	weekday: { en: 'Weekday', zh: '星期' },
	hour: { en: 'Hour', zh: '小时' },
	hours: { en: 'Time', zh: '时段' },
	rank: { en: 'Rank', zh: '排名' },
	orders: { en: 'Orders', zh: '订单数' },
	share: { en: 'Share of orders', zh: '订单占比' },
	segment: { en: 'Orders', zh: '订单范围' }
} satisfies Record<string, Msg>;

/**
 * The notices this analysis's results call for (see `notices` in index.ts), keyed as the catalog
 * keys them: each names the result that triggers it, says what it means for the numbers and what
 * to do. src/ui/i18n gathers them into the page's catalog.
 */
export const notices: Record<string, Msg> = {
	// timeprefs, query 'heatmap': every order in hour 0
	'timeprefs.dates-only': {
		en: 'Every order is at 00:00: the file seems to hold order dates without times, so the hour pattern is not real. Map a column with the order time (e.g. 订单付款时间, Created at) to see hours.',
		zh: '所有订单都在 00:00：文件似乎只有下单日期没有时间，小时分布并不真实。请映射包含下单时间的列（如 订单付款时间、Created at）以查看小时分布。'
	}
};
