import type { Globals } from '../types.ts';
import { asOfSql, filteredOrdersCte } from '../base.ts';
import { literal } from '../../lib/sql.ts';
import { ALPHA, zForLevel } from './stats.ts';
import { clampMargin, clampWindowDays, type CampaignParams } from './params.ts';

/**
 * Pure SQL builders for campaign evaluation. Every query starts from the filtered order set
 * (`f_orders`, see base.ts) and from `campaign_contacts`.
 *
 * Attribution (the rule shown to the user):
 * - An order responds to a contact when it was placed in [send time, send time + N days): the
 *   send instant is included, the instant N×24 h later is not.
 * - Overlap: an order inside several contacts' windows (other campaigns, other waves, or a
 *   control membership) counts once, for the contact with the most recent send before it; on a
 *   tie, a contacted row before a control row, then the smaller campaign id, then the later wave.
 * - Code mode: the contacted customers of the campaign in scope respond only with orders carrying
 *   the code (orders.campaign); such an order goes to that campaign before any other. Control
 *   customers never got the code, so they keep the time rule: the uplift then compares coupon
 *   redemptions with natural repurchase and can only be lower than in time mode.
 * - Counts are contacts: a customer sent two waves counts once per wave. The waves query adds
 *   the cumulative result per distinct customer.
 */

/** z of the two-sided 95% intervals, inlined into SQL. */
const Z = zForLevel(1 - ALPHA);

const windowOf = (p: CampaignParams) => clampWindowDays(p.windowDays);

/** Whether a contact row (alias `alias`) belongs to the campaign in scope. */
function scopeSql(p: CampaignParams, alias?: string): string {
	const col = alias ? `${alias}.campaign_id` : 'campaign_id';
	return p.campaignId ? `${col} = ${literal(p.campaignId)}` : 'TRUE';
}

const codeOf = (p: CampaignParams): string => p.code.trim() || p.campaignId;

/**
 * CTEs shared by every query: f_orders, contacts (one row per campaign, wave, customer and
 * group — duplicates folded), attributed (each order once, with its contact) and per_contact
 * (each contact with its attributed orders, revenue and first response time).
 */
function attributionCtes(p: CampaignParams, g: Globals): string {
	const n = windowOf(p);
	const codeMode = p.attribution === 'code' && codeOf(p) !== '';
	const codeMatch = codeMode
		? `(${scopeSql(p, 'c')} AND c.grp = 'contacted' AND o.campaign = ${literal(codeOf(p))})`
		: 'FALSE';
	const codeFilter = codeMode
		? `\n\t\tAND (c.grp <> 'contacted' OR NOT (${scopeSql(p, 'c')}) OR ${codeMatch})`
		: '';
	return `${filteredOrdersCte(g)},
contacts AS (
	SELECT campaign_id, wave, customer_id, grp, min(send_time) AS send_time,
		min(channel) AS channel, sum(cost) AS cost
	FROM campaign_contacts
	GROUP BY campaign_id, wave, customer_id, grp
),
candidates AS (
	SELECT o.order_id, o.customer_id, o.order_time, o.amount,
		c.campaign_id, c.wave, c.grp, c.send_time,
		row_number() OVER (
			PARTITION BY o.order_id
			ORDER BY ${codeMatch} DESC, c.send_time DESC, c.grp = 'contacted' DESC, c.campaign_id, c.wave DESC
		) AS pick
	FROM f_orders o
	JOIN contacts c ON c.customer_id = o.customer_id
		AND o.order_time >= c.send_time
		AND o.order_time < c.send_time + to_days(${n})${codeFilter}
	WHERE o.known
),
attributed AS (
	SELECT * EXCLUDE (pick) FROM candidates WHERE pick = 1
),
per_contact AS (
	SELECT c.campaign_id, c.wave, c.customer_id, c.grp, c.send_time, c.channel, c.cost,
		count(a.order_id) AS orders, coalesce(sum(a.amount), 0) AS revenue,
		min(a.order_time) AS first_order_time
	FROM contacts c
	LEFT JOIN attributed a ON a.campaign_id = c.campaign_id AND a.wave = c.wave
		AND a.customer_id = c.customer_id AND a.grp = c.grp
	GROUP BY ALL
)`;
}

/** Column names of a 2×2 group test inside a relation. */
interface TestColumns {
	contacted: string;
	responders: string;
	control: string;
	controlResponders: string;
}

const DEFAULT_COLUMNS: TestColumns = {
	contacted: 'contacted',
	responders: 'responders',
	control: 'control',
	controlResponders: 'control_responders'
};

/** Wilson bound of k/n, as SQL; `sign` −1 for the low bound, +1 for the high one. */
function wilsonSql(k: string, n: string, sign: -1 | 1): string {
	const p = `(${k}::DOUBLE / ${n})`;
	const z2 = Z * Z;
	return `greatest(0, least(1, ((${p} + ${z2} / (2 * ${n})) ${sign < 0 ? '-' : '+'} ${Z} * sqrt(${p} * (1 - ${p}) / ${n} + ${z2} / (4 * ${n} * ${n}))) / (1 + ${z2} / ${n})))`;
}

/** ln C(n, k) via lgamma. */
const logChooseSql = (n: string, k: string) =>
	`(lgamma(${n} + 1) - lgamma(${k} + 1) - lgamma(${n} - ${k} + 1))`;

/**
 * Two-sided Fisher exact p-value as a scalar SQL expression (same rule as stats.ts): sums the
 * hypergeometric probabilities not above the observed one. The list is only built for small
 * tables, where it is short.
 */
function fisherSql(c: TestColumns, small: string): string {
	const r1 = c.contacted;
	const r2 = c.control;
	const c1 = `(${c.responders} + ${c.controlResponders})`;
	const n = `(${r1} + ${r2})`;
	const lp = (x: string) =>
		`(${logChooseSql(r1, x)} + ${logChooseSql(r2, `(${c1} - ${x})`)} - ${logChooseSql(n, c1)})`;
	const lo = `greatest(0, ${c1} - ${r2})::BIGINT`;
	const hi = `least(${r1}, ${c1})::BIGINT`;
	return `least(1, list_sum(list_transform(
			range(${lo}, CASE WHEN ${small} THEN ${hi} + 1 ELSE ${lo} END),
			lambda x: CASE WHEN ${lp('x')} <= ${lp(c.responders)} + 1e-7 THEN exp(${lp('x')}) ELSE 0 END)))`;
}

/**
 * Upper normal tail Q(x), x ≥ 0, by Abramowitz & Stegun 26.2.17 (absolute error < 7.5e-8):
 * DuckDB has no normal CDF. Enough for a displayed p-value and the 5% verdict; stats.ts has the
 * exact one.
 */
function upperTailSql(x: string): string {
	const t = `(1 / (1 + 0.2316419 * ${x}))`;
	return `(exp(-${x} * ${x} / 2) / sqrt(2 * pi()) * ${t} * (0.319381530 + ${t} * (-0.356563782 + ${t} * (1.781477937 + ${t} * (-1.821255978 + ${t} * 1.330274429)))))`;
}

/**
 * Wraps `source` (a relation or subquery) with the group-test statistics of stats.ts as columns
 * prefixed with `prefix`: rate, control_rate, uplift, uplift_low, uplift_high, relative_uplift,
 * relative_low, relative_high, z, p_value, test ('z' | 'fisher'), verdict ('significant' |
 * 'not significant' | 'no control group').
 */
export function withTestStatsSql(source: string, prefix = '', cols = DEFAULT_COLUMNS): string {
	const { contacted: n1, responders: k1, control: n2, controlResponders: k2 } = cols;
	const c = (name: string) => prefix + name;
	const helpers = ['_w1lo', '_w1hi', '_w2lo', '_w2hi', '_small', '_se', '_fisher'].map(c);
	const level1 = `SELECT *,
		${k1}::DOUBLE / NULLIF(${n1}, 0) AS ${c('rate')},
		${k2}::DOUBLE / NULLIF(${n2}, 0) AS ${c('control_rate')},
		CASE WHEN ${n1} > 0 AND ${n2} > 0 THEN ${wilsonSql(k1, n1, -1)} END AS ${c('_w1lo')},
		CASE WHEN ${n1} > 0 AND ${n2} > 0 THEN ${wilsonSql(k1, n1, 1)} END AS ${c('_w1hi')},
		CASE WHEN ${n1} > 0 AND ${n2} > 0 THEN ${wilsonSql(k2, n2, -1)} END AS ${c('_w2lo')},
		CASE WHEN ${n1} > 0 AND ${n2} > 0 THEN ${wilsonSql(k2, n2, 1)} END AS ${c('_w2hi')},
		${n1} > 0 AND ${n2} > 0 AND least(${n1}, ${n2}) * least(${k1} + ${k2}, ${n1} + ${n2} - ${k1} - ${k2})
			< 5 * (${n1} + ${n2}) AS ${c('_small')},
		CASE WHEN ${n1} > 0 AND ${n2} > 0 THEN sqrt(((${k1} + ${k2})::DOUBLE / (${n1} + ${n2}))
			* (1 - (${k1} + ${k2})::DOUBLE / (${n1} + ${n2})) * (1.0 / ${n1} + 1.0 / ${n2})) END AS ${c('_se')}
	FROM ${source}`;
	const level2 = `SELECT *,
		${c('rate')} - ${c('control_rate')} AS ${c('uplift')},
		${c('rate')} - ${c('control_rate')} - sqrt((${c('rate')} - ${c('_w1lo')}) ** 2 + (${c('_w2hi')} - ${c('control_rate')}) ** 2) AS ${c('uplift_low')},
		${c('rate')} - ${c('control_rate')} + sqrt((${c('_w1hi')} - ${c('rate')}) ** 2 + (${c('control_rate')} - ${c('_w2lo')}) ** 2) AS ${c('uplift_high')},
		CASE WHEN ${k2} > 0 THEN ${c('rate')} / ${c('control_rate')} - 1 END AS ${c('relative_uplift')},
		CASE WHEN ${k1} > 0 AND ${k2} > 0 THEN exp(ln(${c('rate')} / ${c('control_rate')})
			- ${Z} * sqrt(1.0 / ${k1} - 1.0 / ${n1} + 1.0 / ${k2} - 1.0 / ${n2})) - 1 END AS ${c('relative_low')},
		CASE WHEN ${k1} > 0 AND ${k2} > 0 THEN exp(ln(${c('rate')} / ${c('control_rate')})
			+ ${Z} * sqrt(1.0 / ${k1} - 1.0 / ${n1} + 1.0 / ${k2} - 1.0 / ${n2})) - 1 END AS ${c('relative_high')},
		CASE WHEN ${c('_se')} > 0 THEN (${c('rate')} - ${c('control_rate')}) / ${c('_se')} END AS ${c('z')},
		CASE WHEN ${c('_small')} THEN ${fisherSql(cols, c('_small'))} END AS ${c('_fisher')}
	FROM ${c('stats_l1')}`;
	const level3 = `SELECT *,
		CASE WHEN ${n1} = 0 OR ${n2} = 0 THEN NULL
			WHEN ${c('_small')} THEN ${c('_fisher')}
			WHEN ${c('z')} IS NULL THEN 1.0
			ELSE least(1, 2 * ${upperTailSql(`abs(${c('z')})`)}) END AS ${c('p_value')},
		CASE WHEN ${n1} = 0 OR ${n2} = 0 THEN NULL WHEN ${c('_small')} THEN 'fisher' ELSE 'z' END AS ${c('test')}
	FROM ${c('stats_l2')}`;
	// Materialized steps: inlined, each level would repeat the expressions of the one below it,
	// and planning the nested projections cost DuckDB far more than running them.
	return `WITH ${c('stats_l1')} AS MATERIALIZED (${level1}),
	${c('stats_l2')} AS MATERIALIZED (${level2}),
	${c('stats_l3')} AS MATERIALIZED (${level3})
	SELECT * EXCLUDE (${helpers.join(', ')}),
		CASE WHEN ${c('p_value')} IS NULL THEN 'no control group'
			WHEN ${c('p_value')} < ${ALPHA} THEN 'significant' ELSE 'not significant' END AS ${c('verdict')}
	FROM ${c('stats_l3')}`;
}

/** Adds incremental outcomes and ROI columns (see stats.ts computeIncrement / computeRoi). */
function withReturnSql(source: string, p: CampaignParams): string {
	const margin = clampMargin(p.margin);
	return `SELECT *,
		inc_responders * orders / NULLIF(responders, 0) AS inc_orders,
		coalesce(inc_responders * revenue / NULLIF(responders, 0), 0) AS inc_revenue,
		revenue / NULLIF(cost, 0) AS attributed_roi,
		revenue - cost AS attributed_gain,
		coalesce(inc_responders * revenue / NULLIF(responders, 0), 0) / NULLIF(cost, 0) AS incremental_roi,
		coalesce(inc_responders * revenue / NULLIF(responders, 0), 0) - cost AS incremental_gain,
		coalesce(inc_responders * revenue / NULLIF(responders, 0), 0) * ${margin} - cost AS incremental_profit
	FROM (SELECT *, uplift * contacted AS inc_responders FROM (${source}))`;
}

/** A wave's label: 'W2' within one campaign, 'A W2' across campaigns. */
const waveLabelSql = (p: CampaignParams) =>
	p.campaignId ? `'W' || wave` : `campaign_id || ' W' || wave`;

/** The label of a metrics row for a breakdown. */
function breakdownKeySql(p: CampaignParams): string {
	switch (p.breakdown) {
		case 'wave':
			return waveLabelSql(p);
		case 'channel':
			return `coalesce(channel, '(none)')`;
		case 'month':
			return `strftime(send_time, '%Y-%m')`;
		default:
			return 'campaign_id';
	}
}

/** Contacts, responders, orders, revenue and cost of both groups, grouped by the `keys` select list. */
function groupCountsSql(keys: string, where: string, asOf: string, n: number): string {
	return `SELECT ${keys},
		count(*) FILTER (WHERE grp = 'contacted') AS contacted,
		count(*) FILTER (WHERE grp = 'contacted' AND orders > 0) AS responders,
		count(*) FILTER (WHERE grp = 'control') AS control,
		count(*) FILTER (WHERE grp = 'control' AND orders > 0) AS control_responders,
		coalesce(sum(orders) FILTER (WHERE grp = 'contacted'), 0)::BIGINT AS orders,
		coalesce(sum(revenue) FILTER (WHERE grp = 'contacted'), 0) AS revenue,
		coalesce(sum(orders) FILTER (WHERE grp = 'control'), 0)::BIGINT AS control_orders,
		coalesce(sum(revenue) FILTER (WHERE grp = 'control'), 0) AS control_revenue,
		coalesce(sum(cost), 0) AS cost,
		min(send_time) AS first_send,
		count(*) FILTER (WHERE send_time + to_days(${n}) > ${asOf}) AS open_windows
	FROM per_contact
	WHERE ${where}
	GROUP BY ALL`;
}

/**
 * Per campaign / wave / channel / send month: both groups' counts, rates, uplift with its 95%
 * interval, p-value and verdict, incremental orders and revenue, ROI (attributed and
 * incremental), gains and incremental profit. `open_windows` counts contacts whose window runs
 * past the as-of date: their result is not final.
 */
export function buildCampaignMetricsSql(p: CampaignParams, g: Globals): string {
	const counts = groupCountsSql(
		`${breakdownKeySql(p)} AS key`,
		scopeSql(p),
		asOfSql(g),
		windowOf(p)
	);
	return `WITH ${attributionCtes(p, g)}
${withReturnSql(withTestStatsSql(`(${counts})`), p)}
ORDER BY first_send, key`;
}

/** The metrics in long form for ROI bars: measure = attributed_roi | incremental_roi. */
export function buildRoiBarsSql(p: CampaignParams, g: Globals): string {
	return `SELECT key, measure, value FROM (${buildCampaignMetricsSql(p, g)})
UNPIVOT (value FOR measure IN (attributed_roi, incremental_roi))
ORDER BY key, measure`;
}

/**
 * Cumulative response curves: for each group and each day d = 0..N, the share of the group's
 * contacts with a first attributed order less than d×24 h after the send. Day N equals the
 * response (or natural repurchase) rate.
 */
export function buildResponseCurvesSql(p: CampaignParams, g: Globals): string {
	const n = windowOf(p);
	return `WITH ${attributionCtes(p, g)},
scoped AS (
	SELECT grp, date_diff('second', send_time, first_order_time) // 86400 + 1 AS within_days
	FROM per_contact WHERE ${scopeSql(p)}
),
sizes AS (SELECT grp, count(*) AS n FROM scoped GROUP BY grp)
SELECT d.day, s.grp,
	count(f.within_days)::DOUBLE / s.n AS cumulative_rate
FROM sizes s
CROSS JOIN range(0, ${n + 1}) d(day)
LEFT JOIN scoped f ON f.grp = s.grp AND f.within_days <= d.day
GROUP BY d.day, s.grp, s.n
ORDER BY s.grp, d.day`;
}

/**
 * Waves of each campaign in scope: the wave's own test (its contacts, responders, uplift), then
 * the cumulative result through that wave per distinct customer: customers listed in any wave so
 * far, and those who responded to any of them. For a fair cumulative control rate, list the
 * control group in every wave (non-responding controls carried along, as buildNextWaveSql does).
 */
export function buildWavesSql(p: CampaignParams, g: Globals): string {
	const perWave = groupCountsSql('campaign_id, wave', scopeSql(p), asOfSql(g), windowOf(p));
	return `WITH ${attributionCtes(p, g)},
wave_list AS (SELECT DISTINCT campaign_id, wave FROM per_contact WHERE ${scopeSql(p)}),
cumulative AS (
	SELECT w.campaign_id, w.wave,
		count(DISTINCT c.customer_id) FILTER (WHERE c.grp = 'contacted') AS cum_contacted,
		count(DISTINCT c.customer_id) FILTER (WHERE c.grp = 'contacted' AND c.orders > 0) AS cum_responders,
		count(DISTINCT c.customer_id) FILTER (WHERE c.grp = 'control') AS cum_control,
		count(DISTINCT c.customer_id) FILTER (WHERE c.grp = 'control' AND c.orders > 0) AS cum_control_responders,
		sum(c.cost) AS cum_cost,
		sum(c.revenue) FILTER (WHERE c.grp = 'contacted') AS cum_revenue
	FROM wave_list w
	JOIN per_contact c ON c.campaign_id = w.campaign_id AND c.wave <= w.wave
	GROUP BY ALL
),
per_wave AS (${perWave}),
joined AS (
	SELECT pw.*, cu.* EXCLUDE (campaign_id, wave)
	FROM per_wave pw JOIN cumulative cu USING (campaign_id, wave)
)
SELECT ${waveLabelSql(p)} AS label, * FROM (${withTestStatsSql(
		`(${withTestStatsSql('joined')})`,
		'cum_',
		{
			contacted: 'cum_contacted',
			responders: 'cum_responders',
			control: 'cum_control',
			controlResponders: 'cum_control_responders'
		}
	)})
ORDER BY campaign_id, wave`;
}

/**
 * What responders bought: order lines of attributed orders by category (or product), for
 * contacted responders and control responders, as a share of each group's line amount. The 15
 * items with the largest amount over both groups are kept.
 */
export function buildBoughtSql(p: CampaignParams, g: Globals): string {
	const item =
		p.boughtBy === 'product'
			? `coalesce(l.product_title, l.product_id, '(none)')`
			: `coalesce(l.category, '(none)')`;
	return `WITH ${attributionCtes(p, g)},
lines AS (
	SELECT a.grp, ${item} AS item, a.customer_id, l.line_amount, l.quantity
	FROM attributed a
	JOIN order_lines l ON l.order_id = a.order_id
	WHERE ${scopeSql(p, 'a')}
),
by_item AS (
	SELECT grp, item, sum(line_amount) AS amount, sum(quantity) AS quantity,
		count(DISTINCT customer_id) AS buyers
	FROM lines GROUP BY grp, item
),
top_items AS (
	SELECT item FROM by_item GROUP BY item ORDER BY sum(amount) DESC, item LIMIT 15
),
responders AS (
	SELECT grp, count(DISTINCT customer_id) AS responders FROM lines GROUP BY grp
)
SELECT b.grp, b.item, b.amount, b.quantity, b.buyers,
	b.amount / NULLIF(sum(b.amount) OVER (PARTITION BY b.grp), 0) AS amount_share,
	b.buyers::DOUBLE / r.responders AS buyer_share
FROM by_item b
JOIN responders r USING (grp)
WHERE b.item IN (SELECT item FROM top_items)
ORDER BY b.item, b.grp`;
}

/** Recency bands (days since the last order) used to find comparable customers. */
const RECENCY_BANDS = [30, 90, 180, 365] as const;
/** Frequency bands (orders so far): 1, 2, 3, 4–5, 6+. */
const FREQUENCY_BANDS = [1, 2, 3, 5] as const;

const bandSql = (expr: string, upper: readonly number[]) =>
	`CASE ${upper.map((u, i) => `WHEN ${expr} <= ${u} THEN ${i + 1}`).join(' ')} ELSE ${upper.length + 1} END`;

/**
 * Without a control group: each wave's contacted customers against comparable customers who are
 * not in the campaign. Comparable = same recency band and frequency band (RECENCY_BANDS,
 * FREQUENCY_BANDS) counted from orders before the reference date. Their natural repurchase is
 * any order in [reference, reference + N days), reference = the wave's first send, or 365 days
 * before it (baseline 'year-before', for seasonal sends like 11.11); the contacted customers are
 * always profiled at the send itself. The baseline rate is each band cell's rate weighted by the
 * contacted customers in that cell (direct standardisation); contacted customers with no
 * comparable cell (e.g. no order before the send) are left out and counted in `unmatched`.
 * The test treats the comparable customers as a control group of their own size: evidence is
 * weaker (the groups were not drawn at random), and every row says so.
 */
export function buildBaselineSql(p: CampaignParams, g: Globals): string {
	const n = windowOf(p);
	const shift = p.baseline === 'year-before' ? 365 : 0;
	// Comparable customers: one pass over the orders per reference date gives the profile before
	// it and the repurchase in the window after it.
	const profileSql = (refCol: string) => `SELECT r.campaign_id, r.wave, o.customer_id,
		${bandSql(`date_diff('day', max(o.order_time) FILTER (WHERE o.order_time < r.${refCol}), r.${refCol})`, RECENCY_BANDS)} AS r_band,
		${bandSql(`count(*) FILTER (WHERE o.order_time < r.${refCol})`, FREQUENCY_BANDS)} AS f_band,
		count(*) FILTER (WHERE o.order_time >= r.${refCol}) > 0 AS responded
	FROM refs r JOIN f_orders o ON o.known AND o.order_time < r.${refCol} + to_days(${n})
	GROUP BY r.campaign_id, r.wave, r.${refCol}, o.customer_id
	HAVING count(*) FILTER (WHERE o.order_time < r.${refCol}) > 0`;
	return `WITH ${attributionCtes(p, g)},
refs AS (
	SELECT campaign_id, wave, min(send_time) AS ref_now, min(send_time) - to_days(${shift}) AS ref_then
	FROM contacts WHERE ${scopeSql(p)} AND grp = 'contacted'
	GROUP BY campaign_id, wave
),
treated_profile AS (
	SELECT c.campaign_id, c.wave, c.customer_id,
		${bandSql(`date_diff('day', max(o.order_time), any_value(r.ref_now))`, RECENCY_BANDS)} AS r_band,
		${bandSql('count(*)', FREQUENCY_BANDS)} AS f_band
	FROM contacts c
	JOIN refs r USING (campaign_id, wave)
	JOIN f_orders o ON o.customer_id = c.customer_id AND o.order_time < r.ref_now
	WHERE c.grp = 'contacted'
	GROUP BY c.campaign_id, c.wave, c.customer_id
),
treated AS (
	SELECT c.campaign_id, c.wave, c.customer_id, c.orders > 0 AS responded, pr.r_band, pr.f_band
	FROM per_contact c
	LEFT JOIN treated_profile pr USING (campaign_id, wave, customer_id)
	WHERE ${scopeSql(p, 'c')} AND c.grp = 'contacted'
),
comparable AS (
	SELECT pr.campaign_id, pr.wave, pr.r_band, pr.f_band, pr.responded
	FROM (${profileSql('ref_then')}) pr
	WHERE NOT EXISTS (SELECT 1 FROM contacts m
		WHERE m.campaign_id = pr.campaign_id AND m.customer_id = pr.customer_id)
),
cells AS (
	SELECT t.campaign_id, t.wave, t.r_band, t.f_band, count(*) AS treated_n,
		count(*) FILTER (WHERE t.responded) AS treated_responders,
		any_value(k.n) AS comparable_n, any_value(k.rate) AS comparable_rate
	FROM treated t
	LEFT JOIN (
		SELECT campaign_id, wave, r_band, f_band, count(*) AS n,
			avg(responded::INTEGER) AS rate
		FROM comparable GROUP BY ALL
	) k USING (campaign_id, wave, r_band, f_band)
	GROUP BY ALL
),
summary AS (
	SELECT campaign_id, wave,
		sum(treated_n)::BIGINT AS contacted_all,
		sum(treated_n) FILTER (WHERE comparable_n > 0)::BIGINT AS contacted,
		sum(treated_responders) FILTER (WHERE comparable_n > 0)::BIGINT AS responders,
		coalesce(sum(treated_n) FILTER (WHERE comparable_n IS NULL), 0)::BIGINT AS unmatched,
		coalesce(sum(comparable_n), 0)::BIGINT AS control,
		sum(treated_n * comparable_rate) / NULLIF(sum(treated_n) FILTER (WHERE comparable_n > 0), 0)
			AS baseline_rate
	FROM cells GROUP BY ALL
)
SELECT ${waveLabelSql(p)} AS label, campaign_id, wave, contacted_all, unmatched, baseline_rate,
	* EXCLUDE (campaign_id, wave, contacted_all, unmatched, baseline_rate),
	'weaker' AS evidence
FROM (${withTestStatsSql(`(SELECT * REPLACE (coalesce(contacted, 0) AS contacted, coalesce(responders, 0) AS responders),
		round(coalesce(baseline_rate, 0) * control)::BIGINT AS control_responders FROM summary)`)})
ORDER BY campaign_id, wave`;
}

/**
 * Acquisition channels as campaigns: known customers grouped by their first order's channel.
 * Repeat rate = customers with ≥ 2 orders ÷ customers (over the filtered period, no censoring:
 * a channel that brought customers recently looks worse), AOV = revenue ÷ orders, revenue per
 * customer; each channel is tested against all other customers with the same two-proportion test
 * (its customers play "contacted", the rest "control").
 */
export function buildAcquisitionSql(_p: CampaignParams, g: Globals): string {
	return `WITH ${filteredOrdersCte(g)},
cust AS (
	SELECT customer_id, arg_min_null(channel, (order_time, order_id)) AS first_channel,
		count(*) AS orders, sum(amount) AS revenue
	FROM f_orders WHERE known GROUP BY customer_id
),
by_channel AS (
	SELECT coalesce(first_channel, '(none)') AS channel, count(*) AS customers,
		count(*) FILTER (WHERE orders >= 2) AS repeaters, sum(orders)::BIGINT AS orders,
		sum(revenue) AS revenue
	FROM cust GROUP BY 1
),
with_rest AS (
	SELECT *,
		(sum(customers) OVER () - customers)::BIGINT AS rest_customers,
		(sum(repeaters) OVER () - repeaters)::BIGINT AS rest_repeaters,
		(sum(orders) OVER () - orders)::BIGINT AS rest_orders,
		sum(revenue) OVER () - revenue AS rest_revenue
	FROM by_channel
)
SELECT channel, customers, repeaters, orders, revenue,
	revenue / NULLIF(orders, 0) AS aov,
	revenue / NULLIF(customers, 0) AS revenue_per_customer,
	rest_customers, rest_repeaters,
	rest_revenue / NULLIF(rest_orders, 0) AS rest_aov,
	rest_revenue / NULLIF(rest_customers, 0) AS rest_revenue_per_customer,
	rate AS repeat_rate, control_rate AS rest_repeat_rate,
	uplift AS repeat_difference, uplift_low AS difference_low, uplift_high AS difference_high,
	p_value, test, verdict
FROM (${withTestStatsSql('with_rest', '', {
		contacted: 'customers',
		responders: 'repeaters',
		control: 'rest_customers',
		controlResponders: 'rest_repeaters'
	})})
ORDER BY customers DESC, channel`;
}

/** Contacts of one metrics row (drill): customer, group, wave, whether and how much they ordered. */
export function buildMetricsCustomersSql(p: CampaignParams, g: Globals, key: string): string {
	return `WITH ${attributionCtes(p, g)}
SELECT customer_id, campaign_id, wave, grp, send_time, channel, orders > 0 AS responded, orders, revenue
FROM per_contact
WHERE ${scopeSql(p)} AND ${breakdownKeySql(p)} = ${literal(key)}
ORDER BY grp, responded DESC, revenue DESC, customer_id`;
}
