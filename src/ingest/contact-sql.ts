import { ident, literal, timestampLiteral } from '../lib/sql.ts';
import {
	CONTACT_DEFAULTS,
	GROUP_WORDS,
	type ContactColumns,
	type ContactDefaults
} from './contact-columns.ts';

/**
 * Importing a campaign contact list: a reader stages any file as a VARCHAR table (src/ingest/read);
 * `buildContactStageSql` parses it through a column mapping into CONTACT_STAGE_TABLE;
 * `buildContactWarningsSql` lists every problem with its count (never silent);
 * `buildContactInsertSql` replaces the campaigns' rows in campaign_contacts. Rows with no customer
 * id, an unknown group word or an unreadable send time are skipped; duplicates are folded (the
 * first row is kept); a customer in both groups of a wave stays in the contacted group only (they
 * were sent the message). Everything else is kept and reported.
 */

const CONTACT_STAGE_TABLE = 'campaign_import_staged';

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
