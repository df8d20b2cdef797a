import { ident, literal, timestampLiteral } from '../../lib/sql.ts';
import { clampWindowDays } from './params.ts';

/**
 * Drawing a campaign in the app: `buildCampaignDraftSql` takes a segment (any SQL returning
 * customer_id) and holds out a share of it as control, reproducibly from a seed, into DRAFT_TABLE;
 * two lists can be exported before `buildDraftCommitSql` stores it. Imported contact lists are
 * read by src/ingest/contact-sql.ts into the same campaign_contacts table.
 */

const DRAFT_TABLE = 'campaign_draft';

/** A campaign drawn in the app. */
export interface CampaignDraft {
	campaignId: string;
	wave: number;
	/** Any SQL returning a `customer_id` column (e.g. an RFM segment's customer list). */
	segmentSql: string;
	/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]`, store-local. */
	sendTime: string;
	channel: string;
	costPerContact: number;
	/** Share of the segment held out as control, 0..0.9. */
	holdoutShare: number;
	/** Any text; the same seed and segment always give the same control group. */
	seed: string;
}

/** Largest holdout accepted: a campaign needs someone to contact. */
export const MAX_HOLDOUT_SHARE = 0.9;

/**
 * Creates DRAFT_TABLE (campaign_contacts' columns) from a segment. The control group is exactly
 * round(n × share) customers: those first when ordered by md5(seed || ':' || customer_id), ties by
 * id. md5 rather than DuckDB's hash(): hash() gave the same value in duckdb-wasm 1.32 and native
 * DuckDB 1.4.3 (checked), but it is an internal function free to change between versions; md5 is
 * a fixed standard, so a seed written down today redraws the same group in any version, or by hand.
 */
export function buildCampaignDraftSql(d: CampaignDraft): string {
	const share = Math.min(MAX_HOLDOUT_SHARE, Math.max(0, Number(d.holdoutShare) || 0));
	return `CREATE OR REPLACE TEMP TABLE ${ident(DRAFT_TABLE)} AS
WITH segment AS (
	SELECT DISTINCT CAST(customer_id AS VARCHAR) AS customer_id
	FROM (${d.segmentSql}) s
	WHERE customer_id IS NOT NULL
),
drawn AS (
	SELECT customer_id,
		row_number() OVER (ORDER BY md5(${literal(d.seed)} || ':' || customer_id), customer_id) AS draw,
		count(*) OVER () AS n
	FROM segment
)
SELECT ${literal(d.campaignId)} AS campaign_id, ${literal(Math.round(d.wave))}::INTEGER AS wave,
	customer_id,
	CASE WHEN draw <= round(n * ${share}) THEN 'control' ELSE 'contacted' END AS grp,
	${timestampLiteral(d.sendTime)} AS send_time,
	${literal(d.channel)} AS channel,
	CASE WHEN draw <= round(n * ${share}) THEN 0 ELSE ${literal(Math.max(0, Number(d.costPerContact) || 0))} END::DOUBLE AS cost
FROM drawn
ORDER BY grp, customer_id`;
}

/** The next wave of a stored campaign, into DRAFT_TABLE. */
export interface NextWave {
	campaignId: string;
	/** The wave whose non-responders are sent again. */
	fromWave: number;
	sendTime: string;
	/** A customer responded to `fromWave` with any paid order in [send, send + N days). */
	windowDays: number;
	costPerContact: number;
	/** Channel of the new wave; the previous one's when empty. */
	channel?: string;
}

/**
 * Re-sends a wave to its non-responders (the 11.11 case): contacted and control customers with no
 * paid order in the previous wave's window are carried into the next wave in the same group, so
 * the control group stays comparable wave after wave.
 */
export function buildNextWaveDraftSql(w: NextWave): string {
	const n = clampWindowDays(w.windowDays);
	const channel = w.channel ? literal(w.channel) : 'c.channel';
	return `CREATE OR REPLACE TEMP TABLE ${ident(DRAFT_TABLE)} AS
SELECT c.campaign_id, ${literal(Math.round(w.fromWave) + 1)}::INTEGER AS wave, c.customer_id, c.grp,
	${timestampLiteral(w.sendTime)} AS send_time, ${channel} AS channel,
	CASE WHEN c.grp = 'contacted' THEN ${literal(Math.max(0, Number(w.costPerContact) || 0))} ELSE 0 END::DOUBLE AS cost
FROM campaign_contacts c
WHERE c.campaign_id = ${literal(w.campaignId)} AND c.wave = ${literal(Math.round(w.fromWave))}
	AND NOT EXISTS (
		SELECT 1 FROM orders o
		WHERE o.customer_id = c.customer_id AND o.status = 'paid'
			AND o.order_time >= c.send_time AND o.order_time < c.send_time + to_days(${n})
	)
ORDER BY c.grp, c.customer_id`;
}

/** Group sizes and cost of the draft. */
export function buildDraftSizesSql(): string {
	return `SELECT grp, count(*)::BIGINT AS customers, sum(cost) AS cost
FROM ${ident(DRAFT_TABLE)} GROUP BY grp ORDER BY grp`;
}

/** One group of the draft for download, with whatever contact columns the orders file had. */
export function buildDraftListSql(grp: 'contacted' | 'control'): string {
	return `SELECT d.customer_id, cu.name, cu.phone, cu.email, d.campaign_id, d.wave, d.grp, d.send_time, d.channel
FROM ${ident(DRAFT_TABLE)} d
LEFT JOIN (SELECT customer_id, any_value(name) AS name, any_value(phone) AS phone,
	any_value(email) AS email FROM customers GROUP BY customer_id) cu USING (customer_id)
WHERE d.grp = ${literal(grp)}
ORDER BY d.customer_id`;
}

/** Stores the draft, replacing that campaign wave's rows if any (two statements, in order). */
export function buildDraftCommitSql(): string[] {
	const draft = ident(DRAFT_TABLE);
	return [
		`DELETE FROM campaign_contacts c
WHERE EXISTS (SELECT 1 FROM ${draft} d WHERE d.campaign_id = c.campaign_id AND d.wave = c.wave)`,
		`INSERT INTO campaign_contacts (campaign_id, wave, customer_id, grp, send_time, channel, cost)
SELECT campaign_id, wave, customer_id, grp, send_time, channel, cost FROM ${draft}`
	];
}
