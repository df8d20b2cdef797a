import { dateLiteral, ident, literal } from '../../lib/sql.ts';
import { clampWindowDays } from './params.ts';
import {
	CONTACT_DEFAULTS,
	GROUP_WORDS,
	type ContactColumns,
	type ContactDefaults
} from '../../ingest/contact-columns.ts';

/**
 * Defining a campaign: importing a contact list, or drawing one in the app from a segment.
 *
 * Import: a reader stages any file as a VARCHAR table (src/ingest/read); `buildContactStageSql`
 * parses it through a column mapping into CONTACT_STAGE_TABLE; `buildContactWarningsSql` lists
 * every problem with its count (never silent); `buildContactInsertSql` replaces the campaigns'
 * rows in campaign_contacts. Rows with no customer id, an unknown group word or an unreadable send
 * time are skipped; duplicates are folded (the first row is kept); a customer in both groups of a
 * wave stays in the contacted group only (they were sent the message). Everything else is kept
 * and reported.
 *
 * Drawing: `buildCampaignDraftSql` takes a segment (any SQL returning customer_id) and holds out a
 * share of it as control, reproducibly from a seed, into DRAFT_TABLE; two lists can be exported
 * before `buildDraftCommitSql` stores it.
 */

const CONTACT_STAGE_TABLE = 'campaign_import_staged';
const DRAFT_TABLE = 'campaign_draft';

/** Send-time text formats tried in order (year first; Excel serial numbers are read too). */
const TIME_FORMATS = [
	'%Y-%m-%d %H:%M:%S',
	'%Y-%m-%d %H:%M',
	'%Y/%m/%d %H:%M:%S',
	'%Y/%m/%d %H:%M',
	'%Y-%m-%d',
	'%Y/%m/%d',
	'%Y%m%d',
	'%Y年%m月%d日'
];

/** A `YYYY-MM-DD[ HH:MM[:SS]]` string as a TIMESTAMP literal; throws on anything else. */
function timestampLiteral(text: string): string {
	const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
	if (!m) throw new Error(`not a date or date-time: ${text}`);
	const [, day, h = '00', min = '00', s = '00'] = m;
	return `(${dateLiteral(day)} + INTERVAL '${h}:${min}:${s}')::TIMESTAMP`;
}

const col = (name: string | undefined) =>
	name ? `nullif(trim(r.${ident(name)}), '')` : 'NULL::VARCHAR';

/**
 * Parses `rawTable` (every column VARCHAR) into CONTACT_STAGE_TABLE: one row per source row with
 * the parsed fields (NULL where unreadable) and the raw text beside them for the warnings.
 */
export function buildContactStageSql(
	rawTable: string,
	columns: ContactColumns,
	defaults: ContactDefaults = CONTACT_DEFAULTS,
	/** The source line column (`__line` in tables the reader stages); orders "first row". */
	lineColumn?: string
): string {
	const time = col(columns.sendTime);
	const serial = `try_cast(${time} AS DOUBLE)`;
	const defaultTime = defaults.sendTime ? timestampLiteral(defaults.sendTime) : 'NULL';
	const words = (list: readonly string[]) => `[${list.map((w) => literal(w)).join(', ')}]`;
	return `CREATE OR REPLACE TEMP TABLE ${ident(CONTACT_STAGE_TABLE)} AS
SELECT ${lineColumn ? `try_cast(r.${ident(lineColumn)} AS BIGINT)` : 'row_number() OVER ()'} AS src_row,
	coalesce(${col(columns.campaignId)}, ${literal(defaults.campaignId)}) AS campaign_id,
	coalesce(try_cast(${col(columns.wave)} AS INTEGER), ${literal(Math.round(defaults.wave))}) AS wave,
	nullif(regexp_replace(${col(columns.customerId)}, '^="?|"$', '', 'g'), '') AS customer_id,
	${col(columns.group)} AS group_text,
	CASE
		WHEN ${col(columns.group)} IS NULL THEN ${literal(defaults.group)}
		WHEN list_contains(${words(GROUP_WORDS.contacted)}, lower(${col(columns.group)})) THEN 'contacted'
		WHEN list_contains(${words(GROUP_WORDS.control)}, lower(${col(columns.group)})) THEN 'control'
	END AS grp,
	${time} AS time_text,
	CASE
		WHEN ${time} IS NULL THEN ${defaultTime}
		-- Excel serial day numbers (1954–2119): days since 1899-12-30.
		WHEN ${serial} BETWEEN 20000 AND 80000
			THEN make_timestamp(((${serial} - 25569) * 86400000000)::BIGINT)
		ELSE coalesce(try_strptime(${time}, [${TIME_FORMATS.map((f) => literal(f)).join(', ')}]),
			try_cast(${time} AS TIMESTAMP))
	END AS send_time,
	coalesce(${col(columns.channel)}, ${literal(defaults.channel ?? null)}) AS channel,
	${col(columns.cost)} AS cost_text,
	try_cast(regexp_replace(${col(columns.cost)}, '[¥￥,元\\s]', '', 'g') AS DOUBLE) AS cost_value
FROM ${ident(rawTable)} r`;
}

/** Rows of the stage that can be imported, duplicates folded, both-group customers resolved. */
function importableSql(defaults: ContactDefaults): string {
	const stage = ident(CONTACT_STAGE_TABLE);
	return `SELECT campaign_id, wave, customer_id, grp,
		arg_min(send_time, src_row) AS send_time,
		arg_min(channel, src_row) AS channel,
		coalesce(arg_min(cost_value, src_row),
			CASE WHEN grp = 'contacted' THEN ${literal(defaults.costPerContact)} ELSE 0 END) AS cost
	FROM ${stage} s
	WHERE customer_id IS NOT NULL AND grp IS NOT NULL AND send_time IS NOT NULL
		AND NOT (grp = 'control' AND EXISTS (SELECT 1 FROM ${stage} t
			WHERE t.campaign_id = s.campaign_id AND t.wave = s.wave AND t.customer_id = s.customer_id
				AND t.grp = 'contacted' AND t.send_time IS NOT NULL))
	GROUP BY campaign_id, wave, customer_id, grp`;
}

/**
 * One row per problem found: `code` (a key of the campaigns message catalog), `count` and up to
 * five `examples`. No row means nothing to report. Reads the stage, `orders` (to match ids and
 * the data's date range) and `campaign_contacts` (rows that will be replaced).
 */
export function buildContactWarningsSql(defaults: ContactDefaults = CONTACT_DEFAULTS): string {
	const stage = ident(CONTACT_STAGE_TABLE);
	const examples = (expr: string) => `list_sort(list_distinct(list(${expr})))[1:5]`;
	const ok = 'customer_id IS NOT NULL AND grp IS NOT NULL AND send_time IS NOT NULL';
	return `WITH importable AS (${importableSql(defaults)}),
known AS (SELECT DISTINCT customer_id FROM orders WHERE customer_id IS NOT NULL),
span AS (SELECT min(order_time) AS first_order, max(order_time) AS last_order FROM orders),
dupes AS (
	SELECT campaign_id, wave, customer_id, grp, count(*) - 1 AS extra
	FROM ${stage} WHERE ${ok} GROUP BY ALL HAVING count(*) > 1
),
both_groups AS (
	SELECT campaign_id, wave, customer_id FROM ${stage} WHERE ${ok}
	GROUP BY ALL HAVING count(DISTINCT grp) = 2
),
campaign_groups AS (
	SELECT campaign_id, count(*) FILTER (WHERE grp = 'control') AS controls FROM importable GROUP BY 1
),
found AS (
	SELECT 'campaigns.import.missing-id' AS code, count(*) AS count, []::VARCHAR[] AS examples
	FROM ${stage} WHERE customer_id IS NULL
	UNION ALL
	SELECT 'campaigns.import.bad-group', count(*), ${examples('group_text')}
	FROM ${stage} WHERE customer_id IS NOT NULL AND grp IS NULL
	UNION ALL
	SELECT 'campaigns.import.bad-time', count(*), ${examples("coalesce(time_text, '(empty)')")}
	FROM ${stage} WHERE customer_id IS NOT NULL AND grp IS NOT NULL AND send_time IS NULL
	UNION ALL
	SELECT 'campaigns.import.bad-cost', count(*), ${examples('cost_text')}
	FROM ${stage} WHERE ${ok} AND cost_text IS NOT NULL AND cost_value IS NULL
	UNION ALL
	SELECT 'campaigns.import.duplicate', coalesce(sum(extra), 0), ${examples('customer_id')} FROM dupes
	UNION ALL
	SELECT 'campaigns.import.both-groups', count(*), ${examples('customer_id')} FROM both_groups
	UNION ALL
	SELECT 'campaigns.import.unmatched-id', count(DISTINCT customer_id), ${examples('customer_id')}
	FROM importable WHERE customer_id NOT IN (SELECT customer_id FROM known)
	UNION ALL
	SELECT 'campaigns.import.out-of-range', count(*), ${examples("strftime(send_time, '%Y-%m-%d')")}
	FROM importable, span
	WHERE send_time::DATE < first_order::DATE OR send_time::DATE > last_order::DATE
		OR first_order IS NULL
	UNION ALL
	SELECT 'campaigns.import.zero-cost', count(*), ${examples('campaign_id')}
	FROM importable WHERE grp = 'contacted' AND cost = 0
	UNION ALL
	SELECT 'campaigns.import.no-control', count(*), ${examples('campaign_id')}
	FROM campaign_groups WHERE controls = 0
	UNION ALL
	SELECT 'campaigns.import.replaces', count(*), ${examples('campaign_id')}
	FROM campaign_contacts WHERE campaign_id IN (SELECT campaign_id FROM importable)
	UNION ALL
	SELECT 'campaigns.import.empty', 1, []::VARCHAR[]
	WHERE NOT EXISTS (SELECT 1 FROM importable)
)
SELECT code, count::BIGINT AS count, list_transform(examples, lambda e: e::VARCHAR) AS examples
FROM found WHERE count > 0`;
}

/** Replaces the imported campaigns' rows in campaign_contacts (two statements, in order). */
export function buildContactInsertSql(defaults: ContactDefaults = CONTACT_DEFAULTS): string[] {
	return [
		`DELETE FROM campaign_contacts
WHERE campaign_id IN (SELECT campaign_id FROM (${importableSql(defaults)}))`,
		`INSERT INTO campaign_contacts (campaign_id, wave, customer_id, grp, send_time, channel, cost)
SELECT campaign_id, wave, customer_id, grp, send_time, channel, cost
FROM (${importableSql(defaults)})
ORDER BY campaign_id, wave, grp, customer_id`
	];
}

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
