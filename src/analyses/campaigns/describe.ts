import type { ValueLabel } from '../types.ts';
import type { Msg } from '../../lib/msg.ts';

export const title: Msg = {
	en: 'Campaigns and group tests',
	zh: '营销活动与分组测试'
};

/** The rules behind every number, shown under the title. */
export const definition: Msg = {
	en: `A campaign contacts a group of customers (SMS, e-mail, coupon) on a send date at a cost, ideally with a random control group that is not contacted. Response rate (刺激响应率) = contacted customers with an order in the response window ÷ contacted. Natural repurchase rate (自然复购率) = the same for the control group. Window: from the send time (included) to N×24 hours later (excluded). An order that falls into several windows counts once, for the most recent send before it (contacted before control on a tie). Coupon-code mode: contacted customers respond only with orders carrying the code; the control group, which had no code, keeps the window rule, so the uplift is a lower bound. Counts are contacts: a customer sent two waves counts in each; the waves table also gives the cumulative result per customer. Uplift = response − natural rate, in points, with a 95% interval (Newcombe's score method) and relative uplift = response ÷ natural − 1 (95% interval on the log ratio). p-value: two-sided two-proportion z-test, or Fisher's exact test when an expected count is below 5; "significant" means p < 0.05, otherwise "not significant" — the difference may be chance. Incremental responders = uplift × contacted; incremental orders and revenue = incremental responders × orders (revenue) per contacted responder. ROI two ways: attributed revenue ÷ cost (the "1:80" sellers quote, which credits the campaign with purchases that would have happened anyway) and incremental revenue ÷ cost; incremental profit = incremental revenue × margin − cost. Ratios hide size: 100 yuan bringing 1000 is 10× (+900), 1000 bringing 2000 only 2× but +1000 — so each ratio stands beside its absolute gain. Without a control group, contacted customers are compared with customers outside the campaign who had the same recency band (≤30, 31–90, 91–180, 181–365, >365 days) and order count (1, 2, 3, 4–5, 6+) at the send date, over the same window length (or a year earlier): weaker evidence, since those groups were not drawn at random. Net mode counts paid orders at net amounts; gross mode every order at the amount paid. Results of windows still open at the as-of date are provisional.`,
	zh: `营销活动在发送日以一定成本触达一组客户（短信、邮件、优惠券），最好留出一个随机且不触达的对照组。刺激响应率 = 响应窗口内下单的触达客户 ÷ 触达客户数。自然复购率 = 对照组的同一比例。窗口：从发送时刻（含）到 N×24 小时后（不含）。一笔订单落在多个窗口内时只计一次，归属于它之前最近的一次发送（同一时刻时触达组优先于对照组）。优惠码模式：触达客户只有使用该优惠码的订单才算响应；对照组没有优惠码，仍按窗口规则，因此 uplift 是下限。计数以触达次数为单位：同一客户收到两个波次时在每个波次各计一次；波次表另给出按客户去重的累计结果。Uplift（提升）= 响应率 − 自然复购率（百分点），附 95% 置信区间（Newcombe 得分法）；相对提升 = 响应率 ÷ 自然复购率 − 1（对数比值的 95% 区间）。p 值：双侧两比例 z 检验，任一期望频数小于 5 时用 Fisher 精确检验；p < 0.05 为“显著”，否则为“不显著”——差异可能只是偶然。增量响应人数 = uplift × 触达人数；增量订单和收入 = 增量响应人数 × 每位触达响应者的订单数（收入）。ROI 两种算法：归因收入 ÷ 成本（卖家常说的“1:80”，把本来就会发生的购买也算给了活动）和增量收入 ÷ 成本；增量利润 = 增量收入 × 毛利率 − 成本。比值会掩盖规模：用 100 元拉动 1000 元是 10 倍（多赚 900），用 1000 元拉动 2000 元只有 2 倍，却多赚 1000——所以每个比值旁边都列出绝对收益。没有对照组时，把触达客户与活动之外、在发送日具有相同最近购买区间（≤30、31–90、91–180、181–365、>365 天）和购买次数（1、2、3、4–5、6 次以上）的客户比较，窗口长度相同（或去年同期）：证据较弱，因为这两组不是随机分配的。净收入模式只计已付款订单的净额；总收入模式计所有订单的实付金额。截止日时窗口尚未结束的结果是暂定的。`
};

export const groupLabels: ValueLabel[] = [
	{ value: 'contacted', label: { en: 'Contacted', zh: '触达组' } },
	{ value: 'control', label: { en: 'Control', zh: '对照组' } }
];

export const verdictLabels: ValueLabel[] = [
	{ value: 'significant', label: { en: 'significant', zh: '显著' } },
	{ value: 'not significant', label: { en: 'not significant', zh: '不显著' } },
	{ value: 'no control group', label: { en: 'no control group', zh: '无对照组' } }
];

export const testLabels: ValueLabel[] = [
	{ value: 'z', label: { en: 'z-test', zh: 'z 检验' } },
	{ value: 'fisher', label: { en: 'Fisher exact', zh: 'Fisher 精确检验' } }
];

export const measureLabels: ValueLabel[] = [
	{
		value: 'attributed_roi',
		label: { en: 'Attributed revenue ÷ cost', zh: '归因收入 ÷ 成本' }
	},
	{
		value: 'incremental_roi',
		label: { en: 'Incremental revenue ÷ cost', zh: '增量收入 ÷ 成本' }
	}
];

export const evidenceLabels: ValueLabel[] = [
	{
		value: 'weaker',
		label: { en: 'weaker: no random control group', zh: '较弱：没有随机对照组' }
	}
];

export const labels = {
	metrics: { en: 'Uplift per group test (95% interval)', zh: '各分组测试的提升（95% 置信区间）' },
	curves: {
		en: 'Cumulative response by day since send',
		zh: '发送后按天累计响应率'
	},
	roi: { en: 'ROI: attributed vs incremental', zh: 'ROI：归因 vs 增量' },
	waves: { en: 'Waves: each wave and cumulative', zh: '波次：单波与累计' },
	bought: { en: 'What responders bought', zh: '响应者买了什么' },
	baseline: {
		en: 'Without a control group: comparable customers (weaker evidence)',
		zh: '无对照组：与可比客户比较（证据较弱）'
	},
	acquisition: {
		en: 'Acquisition channels as campaigns: repeat rate and value',
		zh: '把获客渠道当作活动：复购率与价值'
	},
	key: { en: 'Group test', zh: '分组' },
	campaign: { en: 'Campaign', zh: '活动' },
	wave: { en: 'Wave', zh: '波次' },
	contacted: { en: 'Contacted', zh: '触达人数' },
	responders: { en: 'Responders', zh: '响应人数' },
	rate: { en: 'Response rate', zh: '刺激响应率' },
	control: { en: 'Control', zh: '对照人数' },
	controlResponders: { en: 'Control responders', zh: '对照组复购人数' },
	controlRate: { en: 'Natural repurchase rate', zh: '自然复购率' },
	uplift: { en: 'Uplift (points)', zh: '提升（百分点）' },
	upliftLow: { en: 'Uplift, 95% low', zh: '提升下限（95%）' },
	upliftHigh: { en: 'Uplift, 95% high', zh: '提升上限（95%）' },
	relativeUplift: { en: 'Relative uplift', zh: '相对提升' },
	relativeLow: { en: 'Relative, 95% low', zh: '相对提升下限' },
	relativeHigh: { en: 'Relative, 95% high', zh: '相对提升上限' },
	pValue: { en: 'p-value', zh: 'p 值' },
	test: { en: 'Test', zh: '检验' },
	verdict: { en: 'At 5%', zh: '5% 水平' },
	orders: { en: 'Orders', zh: '订单数' },
	revenue: { en: 'Attributed revenue', zh: '归因收入' },
	cost: { en: 'Cost', zh: '成本' },
	incOrders: { en: 'Incremental orders', zh: '增量订单' },
	incRevenue: { en: 'Incremental revenue', zh: '增量收入' },
	attributedRoi: { en: 'Attributed ROI (revenue ÷ cost)', zh: '归因 ROI（收入 ÷ 成本）' },
	attributedGain: { en: 'Revenue − cost', zh: '收入 − 成本' },
	incrementalRoi: { en: 'Incremental ROI', zh: '增量 ROI' },
	incrementalGain: { en: 'Incremental revenue − cost', zh: '增量收入 − 成本' },
	incrementalProfit: { en: 'Incremental profit', zh: '增量利润' },
	openWindows: { en: 'Windows still open', zh: '未结束窗口' },
	day: { en: 'Days since send', zh: '发送后天数' },
	group: { en: 'Group', zh: '组别' },
	cumulativeRate: { en: 'Responded so far', zh: '累计响应率' },
	measure: { en: 'Measure', zh: '指标' },
	value: { en: 'Ratio', zh: '比值' },
	cumContacted: { en: 'Contacted so far (customers)', zh: '累计触达客户' },
	cumResponders: { en: 'Responded so far', zh: '累计响应客户' },
	cumRate: { en: 'Cumulative response rate', zh: '累计响应率' },
	cumControlRate: { en: 'Cumulative natural rate', zh: '累计自然复购率' },
	cumUplift: { en: 'Cumulative uplift', zh: '累计提升' },
	cumVerdict: { en: 'Cumulative, at 5%', zh: '累计（5% 水平）' },
	cumCost: { en: 'Cost so far', zh: '累计成本' },
	item: { en: 'Category / product', zh: '类目 / 商品' },
	amount: { en: 'Amount', zh: '金额' },
	amountShare: { en: 'Share of group amount', zh: '占该组金额' },
	buyerShare: { en: 'Share of responders buying it', zh: '购买该项的响应者占比' },
	contactedAll: { en: 'Contacted', zh: '触达人数' },
	unmatched: { en: 'No comparable customers', zh: '无可比客户' },
	matched: { en: 'Contacted with comparables', zh: '有可比客户的触达人数' },
	comparable: { en: 'Comparable customers', zh: '可比客户数' },
	baselineRate: { en: 'Comparable repurchase rate', zh: '可比客户复购率' },
	evidence: { en: 'Evidence', zh: '证据强度' },
	channel: { en: 'First-order channel', zh: '首单渠道' },
	customers: { en: 'Customers', zh: '客户数' },
	repeaters: { en: 'Repeat customers', zh: '复购客户' },
	repeatRate: { en: 'Repeat rate', zh: '复购率' },
	restRepeatRate: { en: 'Repeat rate, other channels', zh: '其他渠道复购率' },
	repeatDifference: { en: 'Difference (points)', zh: '差异（百分点）' },
	aov: { en: 'AOV', zh: '客单价' },
	restAov: { en: 'AOV, other channels', zh: '其他渠道客单价' },
	revenuePerCustomer: { en: 'Revenue per customer', zh: '人均收入' },
	restRevenuePerCustomer: { en: 'Revenue per customer, other channels', zh: '其他渠道人均收入' }
} satisfies Record<string, Msg>;

/**
 * The notices this analysis's results call for (see `notices` in index.ts), keyed as the catalog
 * keys them: each names the result that triggers it, says what it means for the numbers and what
 * to do. src/ui/i18n gathers them into the page's catalog.
 */
export const notices: Record<string, Msg> = {
	// metrics: verdict = 'no control group'
	'campaigns.no-control': {
		en: 'This campaign has no control group, so its response rate alone says nothing about what it caused. See the comparison with comparable customers (weaker evidence) below.',
		zh: '该活动没有对照组，仅凭响应率无法判断活动带来了多少效果。请参看下方与可比客户的比较（证据较弱）。'
	},
	// metrics: verdict = 'not significant'
	'campaigns.not-significant': {
		en: 'Not significant: a difference this size could be chance (p ≥ 0.05). The interval shows how large or small the true uplift may be; a larger control group narrows it.',
		zh: '不显著：这么大的差异可能只是偶然（p ≥ 0.05）。置信区间显示真实提升可能的范围；扩大对照组可以缩小区间。'
	},
	// metrics: test = 'fisher'
	'campaigns.small-test': {
		en: 'Few responders: the p-value comes from Fisher’s exact test, and the interval is wide.',
		zh: '响应人数很少：p 值采用 Fisher 精确检验，置信区间较宽。'
	},
	// metrics: open_windows > 0
	'campaigns.open-windows': {
		en: '{count} contacts’ response windows run past the as-of date: their numbers are provisional. Move the as-of date later or shorten the window.',
		zh: '{count} 次触达的响应窗口超过截止日，结果是暂定的。请推后截止日或缩短窗口。'
	},
	// metrics: cost = 0
	'campaigns.no-cost': {
		en: 'Cost is 0, so ROI is blank. Re-import the list with a cost per contact.',
		zh: '成本为 0,ROI 留空。请重新导入带有单次触达成本的名单。'
	},
	// baseline: unmatched > 0
	'campaigns.baseline-unmatched': {
		en: '{count} contacted customers had no comparable customers (for instance, no order before the send) and are left out of this comparison.',
		zh: '{count} 位触达客户找不到可比客户（例如发送前没有订单），未纳入此比较。'
	}
};
