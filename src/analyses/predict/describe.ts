import type { ValueLabel } from '../types.ts';
import type { Msg } from '../../lib/msg.ts';
import { MIN_REPEAT_CUSTOMERS, WARN_CORRELATION, WARN_REPEAT_CUSTOMERS } from './fit.ts';
import { RECENCY_BUCKETS, WIN_BACK_P_ALIVE } from './queries.ts';

export const title: Msg = {
	en: 'Predict: who comes back, and their value',
	zh: '预测：谁会回来，价值多少'
};

/** What the models assume and compute, shown under the title. */
export const definition: Msg = {
	en: `Two statistical models fitted to your orders in this browser. Purchases: BG/NBD (Fader, Hardie & Lee 2005). While still a customer, each buys at a steady random (Poisson) rate of their own; after each purchase they may leave for good with a probability of their own; rates vary across customers as a gamma distribution and leaving probabilities as a beta distribution. Spend: Gamma-Gamma (Fader, Hardie & Lee 2005): each customer's order values vary around an average of their own, and that average does not depend on how often they buy. A purchase is a purchase day: one customer's orders on the same day count once, amounts added. Inputs per known customer: repeat purchases (purchase days − 1), time from the first to the last purchase day, time from the first purchase day to the last day of calibration, and the mean value of the repeat purchases (the first purchase is left out: first orders often carry welcome discounts). Net mode counts paid orders with refunds taken off; gross counts every order. Times count whole calendar days between purchase days, as fractions of the model unit (10 days = 1.43 weeks; nothing is rounded), and the last day of a period is both a day to buy on and the end of its time, as in the paper (so the CDNOW sample gives the published estimates): a customer who first bought on the last day has time 0. Without a calibration end that last day is the day before the as-of date. Fitted by maximum likelihood; standard errors from the curvature of the likelihood. P(alive): probability the customer is still a customer. Expected orders: expected purchase days in the next N days. CLV: expected orders in each month of the horizon × expected value per order × margin, discounted monthly at the annual rate. Next order: the date by which an active customer has a 50% chance to have ordered again. Calibration end (optional): the last day of calibration, included; the models are fitted on orders up to it and checked against what happened after it; scores use every order before the as-of date. Do not trust the numbers with fewer than ${WARN_REPEAT_CUSTOMERS} repeat customers (refused below ${MIN_REPEAT_CUSTOMERS}), with a history shorter than about three typical gaps between purchases, when the fit fails, or when frequency and order value are correlated (|r| ≥ ${WARN_CORRELATION}); seasonal shops and big promotions also break the steady-rate assumption.`,
	zh: `在浏览器中用两个统计模型拟合你的订单。购买模型：BG/NBD（Fader、Hardie 与 Lee，2005）。客户在流失前以各自稳定的随机（泊松）速率购买；每次购买后以各自的概率永久流失；购买速率在客户间服从伽马分布，流失概率服从贝塔分布。金额模型：Gamma-Gamma（Fader、Hardie 与 Lee，2005）：每位客户的订单金额围绕其自身均值波动，且该均值与购买频次无关。一次购买指一个购买日：同一客户同一天的多笔订单算一次，金额相加。每位已知客户的输入：复购次数（购买日数 − 1）、首个到最近一个购买日的时长、首个购买日到校准期最后一天的时长、复购的平均金额（不含首单：首单常有新客优惠）。净收入模式只计已付款订单并扣除退款；总收入模式计所有订单。时长按购买日之间的自然日数计，换算为模型单位的小数（10 天 = 1.43 周，不取整）；与论文一致，一个时期的最后一天既可以下单，也是时长的终点（因此 CDNOW 样本得到论文公布的估计值）：在最后一天首次购买的客户时长为 0。未设校准期截止日时，最后一天是截止日期的前一天。用最大似然法拟合，标准误来自似然函数的曲率。存活概率：客户仍是活跃客户的概率。预期订单：未来 N 天的预期购买日数。CLV：预测期内每月预期订单 × 每单预期金额 × 利润率，按年折现率逐月折现。下次下单：活跃客户有 50% 可能再次下单的日期。校准期截止日（可选）：校准期的最后一天（含当天）；用截至该日的订单拟合模型，再与之后实际发生的情况对照；客户评分使用截止日之前的全部订单。以下情况不要相信这些数字：复购客户少于 ${WARN_REPEAT_CUSTOMERS} 位（少于 ${MIN_REPEAT_CUSTOMERS} 位时拒绝拟合）、历史短于约三个典型购买间隔、拟合失败、购买频次与客单价相关（|r| ≥ ${WARN_CORRELATION}）；季节性店铺和大促也会破坏“稳定速率”的假设。`
};

export const labels = {
	frequencyCheck: {
		en: 'Customers by repeat purchases: actual vs model',
		zh: '按复购次数的客户数：实际与模型'
	},
	holdoutCheck: {
		en: 'Holdout orders per customer by calibration repeat purchases',
		zh: '按校准期复购次数的留出期人均订单'
	},
	holdoutEmpty: {
		en: 'No holdout check yet: it compares the model with orders it has not seen. Set “Last day of calibration” under Parameters to a date a few months before the as-of date.',
		zh: '尚未进行留出期检验：它用模型没见过的订单来检验模型。请在“参数”中把“校准期最后一天”设为截止日前几个月的某一天。'
	},
	tracking: { en: 'Cumulative repeat purchases: actual vs model', zh: '累计复购：实际与模型' },
	aliveHeatmap: { en: 'P(alive) by frequency and recency', zh: '按频次与最近购买的存活概率' },
	clvDistribution: { en: 'CLV distribution', zh: 'CLV 分布' },
	valueSegments: { en: 'Predicted value × RFM segment', zh: '预测价值 × RFM 分群' },
	winBack: {
		en: `Win back now: repeat customers with P(alive) below ${WIN_BACK_P_ALIVE * 100}%`,
		zh: `立即挽回：存活概率低于 ${WIN_BACK_P_ALIVE * 100}% 的复购客户`
	},
	repeatOrders: { en: 'Repeat purchases', zh: '复购次数' },
	customers: { en: 'Customers', zh: '客户数' },
	series: { en: 'Series', zh: '系列' },
	ordersPerCustomer: { en: 'Orders per customer', zh: '人均订单' },
	date: { en: 'Date', zh: '日期' },
	cumulativeRepeats: { en: 'Cumulative repeat purchases', zh: '累计复购次数' },
	period: { en: 'Period', zh: '时期' },
	recency: { en: 'Days since last purchase', zh: '距最近购买天数' },
	pAlive: { en: 'P(alive)', zh: '存活概率' },
	pOrder: { en: 'P(order in next N days)', zh: '未来 N 天下单概率' },
	expectedOrders: { en: 'Expected orders, next N days', zh: '未来 N 天预期订单' },
	expectedSpend: { en: 'Expected value per order', zh: '每单预期金额' },
	clv: { en: 'CLV', zh: 'CLV' },
	clvFrom: { en: 'CLV from', zh: 'CLV 起点' },
	clvTotal: { en: 'Total CLV', zh: 'CLV 合计' },
	medianClv: { en: 'Median CLV', zh: 'CLV 中位数' },
	nextOrder: { en: 'Next order (if active)', zh: '下次下单（若仍活跃）' },
	daysSinceLast: { en: 'Days since last purchase', zh: '距最近购买天数' },
	avgRepeatValue: { en: 'Average repeat order value', zh: '复购平均金额' },
	valueTier: { en: 'Predicted value', zh: '预测价值' },
	segment: { en: 'RFM segment', zh: 'RFM 分群' },
	customerId: { en: 'Customer', zh: '客户' }
} satisfies Record<string, Msg>;

export const seriesLabels: ValueLabel[] = [
	{ value: 'actual', label: { en: 'Actual', zh: '实际' } },
	{ value: 'expected', label: { en: 'Model', zh: '模型' } }
];

export const periodLabels: ValueLabel[] = [
	{ value: 'calibration', label: { en: 'Calibration', zh: '校准期' } },
	{ value: 'holdout', label: { en: 'Holdout', zh: '留出期' } }
];

export const repeatOrderLabels: ValueLabel[] = Array.from({ length: 8 }, (_, i) => ({
	value: i,
	label: { en: i === 7 ? '7+' : String(i), zh: i === 7 ? '7+' : String(i) }
}));

export const recencyLabels: ValueLabel[] = [...RECENCY_BUCKETS, Infinity].map((d, i, all) => {
	const from = i === 0 ? 1 : all[i - 1] + 1;
	const text = Number.isFinite(d) ? `${from}–${d}` : `> ${all[i - 1]}`;
	return { value: i + 1, label: { en: `${text} days`, zh: `${text} 天` } };
});

export const valueTierLabels: ValueLabel[] = [
	{ value: 'high', label: { en: 'High (top 20%)', zh: '高（前 20%）' } },
	{ value: 'medium', label: { en: 'Medium (next 30%)', zh: '中（其后 30%）' } },
	{ value: 'low', label: { en: 'Low (other 50%)', zh: '低（其余 50%）' } }
];
