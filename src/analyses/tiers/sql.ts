import type { Globals } from '../types.ts';
import { asOfSql, filteredOrdersCte, selectionDate } from '../base.ts';
import { literal } from '../../lib/sql.ts';
import type { TierParams } from './params.ts';

/** from_tier of customers with no order yet at the earlier date of a movement. */
const NO_TIER = -1;

export interface Tier {
	tier: number;
	minSpend: number;
	discount: number | null;
	label: string;
}

/**
 * The tiers in order, numbered from 1, each labelled `≥ 2000 · 92%`. Thresholds are sorted and
 * deduplicated; discounts pair with the sorted thresholds by position.
 */
export function tiersOf(p: TierParams): Tier[] {
	const t = Array.isArray(p.thresholds)
		? [...new Set(p.thresholds.filter((x) => typeof x === 'number' && Number.isFinite(x)))].sort(
				(a, b) => a - b
			)
		: [];
	const bounds = t.length ? t : [0];
	return bounds.map((minSpend, i) => {
		const d = Array.isArray(p.discounts) ? p.discounts[i] : undefined;
		const discount = typeof d === 'number' && Number.isFinite(d) ? d : null;
		return {
			tier: i + 1,
			minSpend,
			discount,
			label: `≥ ${minSpend}${discount === null ? '' : ` · ${discount}%`}`
		};
	});
}

/**
 * Tier number for a spend column: the highest tier whose bound it reaches, 0 below the first.
 * The bounds are read from `tier_defs`, so fixed and data-driven thresholds take one path
 * (DuckDB evaluates each uncorrelated scalar subquery once).
 */
function tierCase(tierCount: number, col: string): string {
	const whens = Array.from({ length: tierCount }, (_, i) => tierCount - i)
		.map((t) => `WHEN ${col} >= (SELECT min_spend FROM tier_defs WHERE tier = ${t}) THEN ${t}`)
		.join(' ');
	return `CASE ${whens} ELSE 0 END`;
}

/** Spend quantiles the automatic tiers start at: everyone, the top half, top 20%, top 5%. */
const AUTO_QUANTILES = [0.5, 0.8, 0.95];

/** Whether the analyst left the thresholds empty: the tiers then follow the store's spend. */
const isAuto = (p: TierParams) =>
	!Array.isArray(p.thresholds) ||
	!p.thresholds.some((x) => typeof x === 'number' && Number.isFinite(x));

/** How many tiers the cell's tier_defs hold. */
const tierCountOf = (p: TierParams) => (isAuto(p) ? AUTO_QUANTILES.length + 1 : tiersOf(p).length);

/** A bound rounded to two significant digits (263.4 → 260, 1234 → 1200), so it reads as a rule. */
const niceSql = (x: string) =>
	`(CASE WHEN ${x} > 0 THEN round(${x} / pow(10, floor(log10(${x})) - 1)) * pow(10, floor(log10(${x})) - 1) ELSE 0 END)`;

/** The automatic bounds' labels, written like tiersOf's: `≥ 260 · 92%`. */
const AUTO_LABEL = `'≥ ' || CAST(CAST(min_spend AS BIGINT) AS VARCHAR) || coalesce(' · ' || regexp_replace(CAST(discount AS VARCHAR), '\\.0$', '') || '%', '')`;

/**
 * `tier_defs(tier, tier_label, min_spend, discount)`, including 0 = below the first tier. With no
 * thresholds set, tier 1 starts at 0 and the others at the spend of the top half, top 20% and top
 * 5% of known customers at the as-of date (rounded), so the tiers split the store's own customers
 * instead of putting nearly all of them in one. Reads `f_orders`.
 */
function tierDefs(p: TierParams): string {
	if (!isAuto(p)) {
		const tiers = tiersOf(p);
		const rows = [
			`(0, ${literal(`< ${tiers[0].minSpend}`)}, NULL::DOUBLE, NULL::DOUBLE)`,
			...tiers.map(
				(t) =>
					`(${literal(t.tier)}, ${literal(t.label)}, ${literal(t.minSpend)}, ${literal(t.discount)})`
			)
		];
		return `tier_defs AS (
	SELECT * FROM (VALUES ${rows.join(', ')}) v(tier, tier_label, min_spend, discount)
)`;
	}
	const discounts = Array.from({ length: tierCountOf(p) }, (_, i) => {
		const d = Array.isArray(p.discounts) ? p.discounts[i] : undefined;
		return typeof d === 'number' && Number.isFinite(d) ? literal(d) : 'NULL';
	});
	return `auto_bounds AS (
	SELECT unnest(range(1, ${AUTO_QUANTILES.length + 2})) AS tier,
		unnest([0, ${AUTO_QUANTILES.map((_, i) => niceSql(`q[${i + 1}]`)).join(', ')}]) AS min_spend,
		unnest([${discounts.join(', ')}]::DOUBLE[]) AS discount
	FROM (
		SELECT quantile_cont(spend, [${AUTO_QUANTILES.join(', ')}]) AS q
		FROM (SELECT sum(amount) AS spend FROM f_orders WHERE known GROUP BY customer_id)
	)
),
tier_defs AS (
	SELECT 0 AS tier, '< 0' AS tier_label, NULL::DOUBLE AS min_spend, NULL::DOUBLE AS discount
	UNION ALL
	SELECT tier, ${AUTO_LABEL}, min_spend, discount FROM auto_bounds
)`;
}

/** Months back for the movement: a whole number from 1 to 240, 6 when unusable. */
export const monthsBack = (n: unknown): number =>
	typeof n === 'number' && Number.isFinite(n) ? Math.min(Math.max(Math.round(n), 1), 240) : 6;

/** The earlier date of the movement: N calendar months before the as-of date. */
const earlierSql = (p: TierParams, g: Globals) =>
	`(${asOfSql(g)} - to_months(${literal(monthsBack(p.monthsBack))}))::DATE`;

/**
 * `spend`: per known customer, cumulative spend and orders now and at the earlier date (orders
 * strictly before it), with the tier at both.
 */
function spendCtes(p: TierParams, g: Globals): string {
	const count = tierCountOf(p);
	const earlier = earlierSql(p, g);
	return `WITH ${filteredOrdersCte(g)},
${tierDefs(p)},
per_customer AS (
	SELECT customer_id, sum(amount) AS spend, count(*) AS orders, max(order_time) AS last_order,
		coalesce(sum(amount) FILTER (WHERE order_time < ${earlier}), 0) AS spend_before,
		count(*) FILTER (WHERE order_time < ${earlier}) AS orders_before
	FROM f_orders
	WHERE known
	GROUP BY customer_id
),
spend AS (
	SELECT *, ${tierCase(count, 'spend')} AS tier,
		CASE WHEN orders_before = 0 THEN NULL ELSE ${tierCase(count, 'spend_before')} END AS tier_before
	FROM per_customer
)`;
}

/** Customers, revenue and AOV per tier at the as-of date; every tier listed. */
export function buildTierSummarySql(p: TierParams, g: Globals): string {
	return `${spendCtes(p, g)},
stats AS (
	SELECT tier, count(*) AS customers, sum(spend) AS revenue, sum(orders) AS orders
	FROM spend
	GROUP BY tier
)
SELECT d.tier, d.tier_label, d.min_spend, d.discount, coalesce(s.customers, 0) AS customers,
	coalesce(s.customers, 0) / nullif(sum(s.customers) OVER (), 0) AS customer_share,
	coalesce(s.revenue, 0) AS revenue,
	coalesce(s.revenue, 0) / nullif(sum(s.revenue) OVER (), 0) AS revenue_share,
	s.revenue / nullif(s.orders, 0) AS aov, s.revenue / nullif(s.customers, 0) AS avg_spend
FROM tier_defs d
LEFT JOIN stats s USING (tier)
WHERE d.tier > 0 OR s.customers > 0
ORDER BY d.tier`;
}

/**
 * Tier N months before the as-of date × tier at it. from_tier −1 (label '—') = no order yet
 * then (a new member).
 */
export function buildTierMovementSql(p: TierParams, g: Globals): string {
	return `${spendCtes(p, g)}
SELECT coalesce(s.tier_before, ${literal(NO_TIER)}) AS from_tier,
	CASE WHEN s.tier_before IS NULL THEN '—' ELSE fd.tier_label END AS from_label,
	s.tier AS to_tier, td.tier_label AS to_label, count(*) AS customers,
	${earlierSql(p, g)} AS from_date
FROM spend s
LEFT JOIN tier_defs fd ON fd.tier = s.tier_before
JOIN tier_defs td ON td.tier = s.tier
GROUP BY ALL
ORDER BY from_tier, to_tier`;
}

/**
 * `steps`: for each known customer and month with orders, the cumulative spend and tier at the
 * end of that month, held until `next_month` (their next month with orders; NULL = still now).
 */
function stepCtes(p: TierParams, g: Globals): string {
	return `WITH ${filteredOrdersCte(g)},
${tierDefs(p)},
customer_months AS (
	SELECT customer_id, date_trunc('month', order_time)::DATE AS month, sum(amount) AS spent
	FROM f_orders
	WHERE known
	GROUP BY ALL
),
steps AS (
	SELECT customer_id, month, next_month, cum_spend, ${tierCase(tierCountOf(p), 'cum_spend')} AS tier
	FROM (
		SELECT customer_id, month,
			lead(month) OVER (PARTITION BY customer_id ORDER BY month) AS next_month,
			sum(spent) OVER (PARTITION BY customer_id ORDER BY month) AS cum_spend
		FROM customer_months
	)
)`;
}

/**
 * Customers per tier at the end of each month (the last month: at the as-of date), every month
 * from the first order on. A tier is held from a month with orders until the next one, so the
 * counts are running sums of +1 (enter) and −1 (leave) per tier: the work grows with order
 * months, not customers × months.
 */
export function buildTiersByMonthSql(p: TierParams, g: Globals): string {
	return `${stepCtes(p, g)},
months AS (
	SELECT range::DATE AS month
	FROM range(
		(SELECT min(month) FROM customer_months)::TIMESTAMP,
		(SELECT max(month) FROM customer_months)::TIMESTAMP + INTERVAL 1 MONTH,
		INTERVAL 1 MONTH
	)
),
deltas AS (
	SELECT month, tier, sum(d) AS d
	FROM (
		SELECT month, tier, 1 AS d FROM steps
		UNION ALL
		SELECT next_month, tier, -1 FROM steps WHERE next_month IS NOT NULL
	)
	GROUP BY ALL
),
counts AS (
	SELECT m.month, t.tier,
		sum(coalesce(x.d, 0)) OVER (PARTITION BY t.tier ORDER BY m.month)::BIGINT AS customers
	FROM months m
	CROSS JOIN (SELECT DISTINCT tier FROM steps) t
	LEFT JOIN deltas x ON x.month = m.month AND x.tier = t.tier
)
SELECT c.month, c.tier, d.tier_label, c.customers
FROM counts c
JOIN tier_defs d USING (tier)
WHERE c.customers > 0
ORDER BY c.month, c.tier`;
}

/** Customers in a tier, a movement cell, or a tier in a month. */
export function buildTierCustomersSql(
	p: TierParams,
	g: Globals,
	queryId: string,
	selection: Record<string, unknown>
): string {
	if (queryId === 'by-month') {
		const month = selectionDate(selection.month);
		return `${stepCtes(p, g)}
SELECT customer_id, ${month} AS month, tier, cum_spend
FROM steps
WHERE month <= ${month} AND (next_month IS NULL OR next_month > ${month})
	AND tier = ${literal(Number(selection.tier))}
ORDER BY cum_spend DESC, customer_id`;
	}
	const where =
		queryId === 'movement'
			? `coalesce(tier_before, ${literal(NO_TIER)}) = ${literal(Number(selection.from_tier))} AND tier = ${literal(Number(selection.to_tier))}`
			: `tier = ${literal(Number(selection.tier))}`;
	return `${spendCtes(p, g)}
SELECT customer_id, tier, tier_before, spend, orders, spend_before, last_order
FROM spend
WHERE ${where}
ORDER BY spend DESC, customer_id`;
}
