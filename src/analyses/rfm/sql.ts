import type { Globals } from '../types.ts';
import { asOfSql, cteChain, sharedFilteredOrders } from '../base.ts';
import type { SharedCte } from '../types.ts';
import { dateLiteral, literal } from '../../lib/sql.ts';
import type { RfmParams, SegmentRule } from './params.ts';

/** Customers no rule matches (only possible after the rules were edited). */
export const UNCLASSIFIED = 'Unclassified';
/** The "from" side of a movement for customers who had no order yet at the earlier date. */
export const NOT_YET = 'Not yet a customer';

/** Finite, distinct, ascending: what a threshold list means whatever order it was typed in. */
const ascending = (xs: unknown): number[] =>
	Array.isArray(xs)
		? [...new Set(xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)))].sort(
				(a, b) => a - b
			)
		: [];

/** 1 + how many thresholds the value reaches (`op` says which way counts as reaching). */
const thresholdScore = (col: string, thresholds: number[], op: '<=' | '>=') =>
	thresholds.length
		? `(1 + ${thresholds.map((t) => `(${col} ${op === '<=' ? '<=' : '>='} ${literal(t)})::INTEGER`).join(' + ')})`
		: '1';

/**
 * Quintile of the customer's rank (`rfm_base`'s `r_rank` etc.), 1–5. Ties share the rank of the
 * first of them, so customers with equal values always get equal scores (ntile would split them
 * arbitrarily). Integer division: exact, and four times faster than decimal arithmetic.
 */
const rankScore = (col: string, side: string) =>
	`(1 + (5 * (${side}${col}_rank - 1)) // ${side}customers)::INTEGER`;

/**
 * The R, F and M scores of `rfm_base`'s columns, or of the same columns prefixed with `side`
 * (the movement's earlier date reads `a_r`, `a_r_rank`, …).
 */
function scoreColumns(p: RfmParams, side = ''): string {
	const quantiles = p.scoring === 'quantiles';
	const score = (col: 'r' | 'f' | 'm', thresholds: unknown, op: '<=' | '>=') =>
		`${quantiles ? rankScore(col, side) : thresholdScore(side + col, ascending(thresholds), op)} AS ${side}${col}_score`;
	return [
		score('r', p.rThresholds, '<='),
		score('f', p.fThresholds, '>='),
		score('m', p.mThresholds, '>=')
	].join(', ');
}

/** A score bound from a form or a saved link: a number or numeric text, else the fallback. */
const scoreRange = (n: unknown, fallback: number) => {
	const x = typeof n === 'string' && n.trim() !== '' ? Number(n) : n;
	return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
};

/** Rules with a name, in order; bounds missing or not numbers widen to the full 1–5 range. */
function usableRules(rules: unknown): SegmentRule[] {
	if (!Array.isArray(rules)) return [];
	return rules
		.filter(
			(x): x is SegmentRule =>
				typeof x === 'object' &&
				x !== null &&
				typeof (x as SegmentRule).segment === 'string' &&
				(x as SegmentRule).segment.trim() !== ''
		)
		.map((x) => ({
			segment: x.segment.trim(),
			rMin: scoreRange(x.rMin, 1),
			rMax: scoreRange(x.rMax, 5),
			fMin: scoreRange(x.fMin, 1),
			fMax: scoreRange(x.fMax, 5),
			mMin: scoreRange(x.mMin, 1),
			mMax: scoreRange(x.mMax, 5)
		}));
}

/** Segment names in rule order (first appearance), then the fallback. */
export function segmentOrder(rules: unknown): string[] {
	return [...new Set(usableRules(rules).map((r) => r.segment)), UNCLASSIFIED];
}

function segmentCase(rules: SegmentRule[], side = ''): string {
	if (!rules.length) return literal(UNCLASSIFIED);
	const between = (col: string, lo: number | undefined, hi: number | undefined) =>
		`${col} BETWEEN ${literal(lo ?? 1)} AND ${literal(hi ?? 5)}`;
	const whens = rules.map(
		(r) =>
			`WHEN ${between(`${side}r_score`, r.rMin, r.rMax)} AND ${between(`${side}f_score`, r.fMin, r.fMax)} AND ${between(`${side}m_score`, r.mMin, r.mMax)} THEN ${literal(r.segment)}`
	);
	return `CASE\n\t\t${whens.join('\n\t\t')}\n\t\tELSE ${literal(UNCLASSIFIED)}\n\tEND`;
}

/**
 * One row per known customer with an order before the as-of date: `customer_id, r, f, m,
 * revenue, first_order, last_order, r_score, f_score, m_score, segment`. A complete SELECT, for
 * other modules to join as a subquery: `JOIN (${rfmSegmentsSql(p, g)}) s USING (customer_id)`.
 *
 * R = days from the last order day to the as-of date (an order yesterday is 1); F = orders (each
 * counts, same-day ones too); M = total or average amount (net or gross as the globals say).
 */
export function rfmSegmentsSql(p: RfmParams, g: Globals): string {
	return `WITH ${cteChain(rfmBase(p, g))},
rfm_scored AS (
	SELECT *, ${scoreColumns(p)}
	FROM rfm_base
)
SELECT customer_id, r, f, m, revenue, first_order, last_order, r_score, f_score, m_score,
	${segmentCase(usableRules(p.rules))} AS segment
FROM rfm_scored`;
}

/**
 * Every known customer's R, F and M before the as-of date, with their ranks among all customers
 * (`r_rank`: 1 = most recent; `f_rank`, `m_rank`: 1 = fewest, least) and `customers`, the count.
 * It does not depend on the scoring, so the notebook keeps it as a table (see `rfmShared`) and
 * a new scoring, threshold or rule only re-reads it: the ranks are what quintiles need.
 */
function rfmBaseBody(p: RfmParams, g: Globals): string {
	const m = p.monetary === 'average' ? 'sum(amount) / count(*)' : 'sum(amount)';
	return `
	SELECT *, rank() OVER (ORDER BY r DESC) AS r_rank, rank() OVER (ORDER BY f ASC) AS f_rank,
		rank() OVER (ORDER BY m ASC) AS m_rank, count(*) OVER () AS customers
	FROM (
		SELECT customer_id, date_diff('day', max(order_time)::DATE, ${asOfSql(g)}) AS r,
			count(*) AS f, ${m} AS m, sum(amount) AS revenue,
			min(order_time)::DATE AS first_order, max(order_time)::DATE AS last_order
		FROM f_orders
		WHERE known
		GROUP BY customer_id
	)
`;
}

/** `rfm_base` after the `f_orders` it reads. */
const rfmBase = (p: RfmParams, g: Globals): SharedCte => ({
	name: 'rfm_base',
	body: rfmBaseBody(p, g),
	after: [sharedFilteredOrders(g)]
});

/**
 * `rfm_pair`: every customer in the summary at the as-of date (`b`) or at the movement's earlier
 * date (`a`), with both sides' values and ranks (the earlier ones prefixed `a_`) and which sides
 * they are in. The movement scores both sides from it, so a new scoring joins nothing.
 */
function rfmPair(p: RfmParams, g: Globals): SharedCte {
	const earlier = { ...g, asOf: compareAsOf(p, g) };
	const side = (col: string) => `a.${col} AS a_${col}`;
	const base = rfmBase(p, g);
	return {
		name: 'rfm_pair',
		body: `
	SELECT coalesce(b.customer_id, a.customer_id) AS customer_id,
		b.customer_id IS NOT NULL AS in_b, a.customer_id IS NOT NULL AS in_a,
		b.r, b.f, b.m, b.last_order, b.r_rank, b.f_rank, b.m_rank, b.customers,
		${['r', 'f', 'm', 'r_rank', 'f_rank', 'm_rank', 'customers'].map(side).join(', ')}
	FROM rfm_base b
	FULL JOIN (WITH ${cteChain(rfmBase(p, earlier))} SELECT * FROM rfm_base) a
		ON a.customer_id = b.customer_id
`,
		after: [...base.after!, { name: base.name, body: base.body }]
	};
}

/**
 * What the RFM cell's queries share: the pair of summaries the movement reads (first, as its text
 * contains the others'), and the customer summaries at the as-of date and at the earlier one.
 */
export function rfmShared(p: RfmParams, g: Globals): SharedCte[] {
	return [rfmPair(p, g), rfmBase(p, g), rfmBase(p, { ...g, asOf: compareAsOf(p, g) })];
}

/** The earlier as-of date of the movement matrix: the param, or 90 days before the as-of date. */
export function compareAsOf(p: RfmParams, g: Globals): string {
	if (p.compareAsOf && /^\d{4}-\d{2}-\d{2}$/.test(p.compareAsOf)) return p.compareAsOf;
	const d = new Date(`${g.asOf}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - 90);
	return d.toISOString().slice(0, 10);
}

/** `(VALUES ('Champions', 1), …) seg(segment, seg_order)`: segments in rule order. */
const segmentValues = (p: RfmParams) =>
	`(VALUES ${segmentOrder(p.rules)
		.map((s, i) => `(${literal(s)}, ${literal(i + 1)})`)
		.join(', ')}) seg(segment, seg_order)`;

/** Every segment (empty ones too, except the fallback) with its size, value and recency. */
export function buildSegmentsSql(p: RfmParams, g: Globals): string {
	return `WITH s AS (${rfmSegmentsSql(p, g)}),
stats AS (
	SELECT segment, count(*) AS customers, sum(revenue) AS revenue, sum(f) AS orders,
		avg(r) AS avg_recency, max(last_order) AS last_order
	FROM s
	GROUP BY segment
)
SELECT seg.segment, coalesce(stats.customers, 0) AS customers,
	coalesce(stats.customers, 0) / nullif(sum(stats.customers) OVER (), 0) AS customer_share,
	coalesce(stats.revenue, 0) AS revenue,
	coalesce(stats.revenue, 0) / nullif(sum(stats.revenue) OVER (), 0) AS revenue_share,
	stats.revenue / nullif(stats.orders, 0) AS aov, stats.avg_recency, stats.last_order
FROM ${segmentValues(p)}
LEFT JOIN stats USING (segment)
WHERE seg.segment <> ${literal(UNCLASSIFIED)} OR stats.customers > 0
ORDER BY seg.seg_order`;
}

/** Customers and revenue per R score × F score cell. */
export function buildHeatmapSql(p: RfmParams, g: Globals): string {
	return `WITH s AS (${rfmSegmentsSql(p, g)})
SELECT r_score, f_score, count(*) AS customers, sum(revenue) AS revenue,
	count(*) / sum(count(*)) OVER () AS customer_share,
	sum(revenue) / nullif(sum(sum(revenue)) OVER (), 0) AS revenue_share
FROM s
GROUP BY r_score, f_score
ORDER BY r_score DESC, f_score`;
}

/** `moves`: each customer's segment at the earlier as-of date and at the as-of date. */
function movesCte(p: RfmParams, g: Globals): string {
	const rules = usableRules(p.rules);
	return `${cteChain(rfmPair(p, g))},
moves AS (
	SELECT customer_id,
		CASE WHEN in_a THEN ${segmentCase(rules, 'a_')} ELSE ${literal(NOT_YET)} END AS from_segment,
		CASE WHEN in_b THEN ${segmentCase(rules)} ELSE ${literal(NOT_YET)} END AS to_segment,
		r, f, m, last_order
	FROM (SELECT *, ${scoreColumns(p)}, ${scoreColumns(p, 'a_')} FROM rfm_pair)
)`;
}

/** From-segment × to-segment customer counts between the earlier and the current as-of date. */
export function buildMovementSql(p: RfmParams, g: Globals): string {
	const order = [NOT_YET, ...segmentOrder(p.rules)];
	const rank = (col: string) =>
		`CASE ${col} ${order.map((s, i) => `WHEN ${literal(s)} THEN ${literal(i)}`).join(' ')} END`;
	return `WITH ${movesCte(p, g)}
SELECT from_segment, to_segment, count(*) AS customers,
	count(*) / sum(count(*)) OVER (PARTITION BY from_segment) AS from_share,
	${dateLiteral(compareAsOf(p, g))} AS from_date
FROM moves
GROUP BY from_segment, to_segment
ORDER BY ${rank('from_segment')}, ${rank('to_segment')}`;
}

/** Customers behind a segment, a heatmap cell or a movement cell. */
export function buildRfmCustomersSql(
	p: RfmParams,
	g: Globals,
	queryId: string,
	selection: Record<string, unknown>
): string {
	if (queryId === 'movement') {
		return `WITH ${movesCte(p, g)}
SELECT customer_id, from_segment, to_segment, r, f, m, last_order
FROM moves
WHERE from_segment = ${literal(String(selection.from_segment))}
	AND to_segment = ${literal(String(selection.to_segment))}
ORDER BY m DESC, customer_id`;
	}
	const where =
		queryId === 'heatmap'
			? `r_score = ${literal(Number(selection.r_score))} AND f_score = ${literal(Number(selection.f_score))}`
			: `segment = ${literal(String(selection.segment))}`;
	return `SELECT customer_id, segment, r, f, m, revenue, r_score, f_score, m_score, first_order, last_order
FROM (${rfmSegmentsSql(p, g)}) s
WHERE ${where}
ORDER BY m DESC, customer_id`;
}
