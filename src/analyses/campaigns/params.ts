import type { ParamField } from '../types.ts';

/** How an order is tied to a contact. */
type AttributionMode = 'time' | 'code';
/** Rows of the metrics table: one per campaign, wave, contact channel or send month. */
type Breakdown = 'campaign' | 'wave' | 'channel' | 'month';
/** What "what responders bought" groups by. */
type BoughtBy = 'category' | 'product';
type Baseline = 'same-window' | 'year-before';

/** The loaded campaigns, first sent first: the campaign picker's options. */
const CAMPAIGN_LIST_SQL = `SELECT campaign_id, min(send_time) AS first_send, count(DISTINCT wave) AS waves,
	count(*) FILTER (WHERE grp = 'contacted') AS contacted,
	count(*) FILTER (WHERE grp = 'control') AS control
FROM campaign_contacts GROUP BY campaign_id ORDER BY first_send, campaign_id`;

export interface CampaignParams extends Record<string, unknown> {
	/** '' = every campaign in campaign_contacts. */
	campaignId: string;
	/** Response window in days after the send: an order counts when send ≤ t < send + N days. */
	windowDays: number;
	/** Gross margin on revenue, 0..1, for incremental profit. */
	margin: number;
	attribution: AttributionMode;
	/** Coupon / discount code matched against orders.campaign; '' = the campaign id itself. */
	code: string;
	breakdown: Breakdown;
	boughtBy: BoughtBy;
	/** Without a control group: comparable customers in the same window, or a year earlier. */
	baseline: Baseline;
}

export const defaults: CampaignParams = {
	campaignId: '',
	windowDays: 10,
	margin: 0.3,
	attribution: 'time',
	code: '',
	breakdown: 'campaign',
	boughtBy: 'category',
	baseline: 'same-window'
};

/** Longest response window accepted; longer ones would swallow the next campaign. */
const MAX_WINDOW_DAYS = 365;

/** The window as a whole number of days in 1..MAX_WINDOW_DAYS (form input is loose). */
export function clampWindowDays(n: unknown): number {
	const v = Math.round(Number(n));
	if (!Number.isFinite(v)) return defaults.windowDays;
	return Math.min(MAX_WINDOW_DAYS, Math.max(1, v));
}

/** The margin in 0..1; a value above 1 is read as a percentage (30 → 0.3). */
export function clampMargin(m: unknown): number {
	const v = Number(m);
	if (!Number.isFinite(v) || v < 0) return defaults.margin;
	return v > 1 ? Math.min(1, v / 100) : v;
}

export const fields: ParamField[] = [
	// More options come from the data (CAMPAIGN_LIST_SQL); '' stands for all campaigns.
	{
		key: 'campaignId',
		label: { en: 'Campaign', zh: '活动' },
		kind: 'select',
		options: [{ value: '', label: { en: 'All campaigns', zh: '全部活动' } }],
		optionsSql: CAMPAIGN_LIST_SQL
	},
	{
		key: 'windowDays',
		label: { en: 'Response window (days)', zh: '响应窗口（天）' },
		kind: 'number',
		min: 1,
		max: MAX_WINDOW_DAYS,
		step: 1
	},
	{
		key: 'margin',
		label: { en: 'Gross margin (0–1)', zh: '毛利率（0–1）' },
		kind: 'number',
		min: 0,
		max: 1,
		step: 0.01
	},
	{
		key: 'attribution',
		label: { en: 'Attribution', zh: '归因方式' },
		kind: 'select',
		options: [
			{ value: 'time', label: { en: 'Any order in the window', zh: '窗口内任意订单' } },
			{ value: 'code', label: { en: 'Orders with the coupon code', zh: '使用优惠码的订单' } }
		]
	},
	{ key: 'code', label: { en: 'Coupon / discount code', zh: '优惠码' }, kind: 'text' },
	{
		key: 'breakdown',
		label: { en: 'Break down by', zh: '细分维度' },
		kind: 'select',
		options: [
			{ value: 'campaign', label: { en: 'Campaign', zh: '活动' } },
			{ value: 'wave', label: { en: 'Wave', zh: '波次' } },
			{ value: 'channel', label: { en: 'Contact channel', zh: '触达渠道' } },
			{ value: 'month', label: { en: 'Send month', zh: '发送月份' } }
		]
	},
	{
		key: 'boughtBy',
		label: { en: 'What responders bought, by', zh: '响应者购买内容' },
		kind: 'select',
		options: [
			{ value: 'category', label: { en: 'Category', zh: '类目' } },
			{ value: 'product', label: { en: 'Product', zh: '商品' } }
		]
	},
	{
		key: 'baseline',
		label: { en: 'Comparison without control group', zh: '无对照组时的比较' },
		kind: 'select',
		options: [
			{ value: 'same-window', label: { en: 'Same window', zh: '同一时间窗口' } },
			{ value: 'year-before', label: { en: 'Same window a year earlier', zh: '去年同期' } }
		]
	}
];
