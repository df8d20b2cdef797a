import type { ValueLabel } from '../types.ts';
import type { Msg } from '../../lib/msg.ts';
import { NOT_YET, UNCLASSIFIED } from './sql.ts';

export const title: Msg = { en: 'RFM segments', zh: 'RFM 客户分群' };

export const definition: Msg = {
	en:
		'Known customers with an order before the as-of date (unknown customers excluded). ' +
		'R = days from the last order day to the as-of date; F = number of orders (same-day orders count separately); ' +
		'M = total spend, or spend per order, net or gross as set in the header. ' +
		'Scores 1–5 come from the threshold lists (R: days at or below each threshold score higher; F and M: each lower bound reached adds 1), ' +
		'or, with quintiles, from the customer’s rank: score = 1 + ⌊5 × (rank − 1) ÷ customers⌋, ties sharing the lower score. ' +
		'Segments come from the rules in order; the first rule whose R, F (and M) score ranges all contain the customer’s scores wins. ' +
		'Revenue share = the segment’s revenue ÷ known customers’ revenue; AOV = revenue ÷ orders. ' +
		'Movement compares each customer’s segment at an earlier as-of date with the segment now.',
	zh:
		'基准日前有订单的已知客户（不含未知客户）。' +
		'R = 最后一次下单日距基准日的天数；F = 订单数（同一天的多笔订单分别计数）；' +
		'M = 累计消费或平均每单消费，按页头取净额或总额。' +
		'1–5 分按阈值列表计算（R：天数不超过越多阈值得分越高；F、M：每达到一个下限加 1 分），' +
		'或按排名五等分：得分 = 1 + ⌊5 ×（名次 − 1）÷ 客户数⌋，并列取较低分。' +
		'分群按规则顺序匹配，第一条 R、F（及 M）分数范围都包含该客户分数的规则生效。' +
		'收入占比 = 分群收入 ÷ 已知客户总收入；客单价 = 收入 ÷ 订单数。' +
		'迁移：比较每个客户在较早基准日与当前的分群。'
};

export const labels = {
	segments: { en: 'Segments', zh: '分群概况' },
	heatmap: { en: 'R × F scores', zh: 'R × F 评分矩阵' },
	movement: { en: 'Segment movement', zh: '分群迁移' },
	segment: { en: 'Segment', zh: '分群' },
	fromSegment: { en: 'From segment', zh: '原分群' },
	toSegment: { en: 'To segment', zh: '现分群' },
	fromShare: { en: 'Share of from-segment', zh: '占原分群' },
	fromDate: { en: 'Earlier as-of date', zh: '较早基准日' },
	customers: { en: 'Customers', zh: '客户数' },
	customerShare: { en: 'Customer share', zh: '客户占比' },
	revenue: { en: 'Revenue', zh: '收入' },
	revenueShare: { en: 'Revenue share', zh: '收入占比' },
	aov: { en: 'AOV', zh: '客单价' },
	avgRecency: { en: 'Average days since last order', zh: '平均未购天数' },
	lastOrder: { en: 'Last order', zh: '最近下单' },
	rScore: { en: 'R score (5 = most recent)', zh: 'R 分（5 = 最近）' },
	fScore: { en: 'F score (5 = most orders)', zh: 'F 分（5 = 最多订单）' }
} satisfies Record<string, Msg>;

/** Display names of the standard segments and of the two fallbacks. */
const segmentLabels: ValueLabel[] = [
	{ value: 'Champions', label: { en: 'Champions', zh: '重要价值' } },
	{ value: 'Loyal', label: { en: 'Loyal', zh: '忠诚' } },
	{ value: 'Potential loyalist', label: { en: 'Potential loyalist', zh: '潜力' } },
	{ value: 'New', label: { en: 'New', zh: '新客' } },
	{ value: 'Promising', label: { en: 'Promising', zh: '有潜力' } },
	{ value: 'Need attention', label: { en: 'Need attention', zh: '需关注' } },
	{ value: 'About to sleep', label: { en: 'About to sleep', zh: '即将沉睡' } },
	{ value: "Can't lose", label: { en: "Can't lose", zh: '不能失去' } },
	{ value: 'At risk', label: { en: 'At risk', zh: '流失风险' } },
	{ value: 'Hibernating', label: { en: 'Hibernating', zh: '沉睡' } },
	{ value: 'Lost', label: { en: 'Lost', zh: '流失' } },
	{ value: UNCLASSIFIED, label: { en: 'Unclassified', zh: '未分群' } },
	{ value: NOT_YET, label: { en: 'Not yet a customer', zh: '尚未购买' } }
];

/**
 * Value labels in rule order: renamed or added segments keep their own text in both languages,
 * so the chart order always follows the rules.
 */
export function segmentLabelsFor(order: string[]): ValueLabel[] {
	const known = new Map(segmentLabels.map((l) => [l.value, l.label]));
	return order.map((s) => ({ value: s, label: known.get(s) ?? { en: s, zh: s } }));
}

/**
 * The notices this analysis's results call for (see `notices` in index.ts), keyed as the catalog
 * keys them: each names the result that triggers it, says what it means for the numbers and what
 * to do. src/ui/i18n gathers them into the page's catalog.
 */
export const notices: Record<string, Msg> = {
	// rfm, query 'segments': a row with segment = 'Unclassified'
	'rfm.unclassified': {
		en: 'Some customers match no segment rule and are shown as Unclassified. Widen the rules so every R and F score from 1 to 5 is covered.',
		zh: '部分客户不符合任何分群规则，显示为“未分群”。请调整规则，使 R、F 的 1–5 分都被覆盖。'
	},
	// rfm, query 'heatmap': every row has f_score = 1
	'rfm.one-time-buyers': {
		en: 'Every customer has the lowest F score: with these thresholds nobody ordered often enough to rank higher. Most shops see this when most customers buy once; lower the F thresholds (e.g. 2, 3, 4, 5) or read R and M instead.',
		zh: '所有客户的 F 分都是最低分：按当前阈值没有客户下单次数足够多。多数客户只买一次的店铺常见此情况；可调低 F 阈值（如 2、3、4、5），或主要参考 R 和 M。'
	}
};
