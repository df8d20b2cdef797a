/**
 * Campaign contact lists arrive through the same file picker as orders. A file whose header names
 * a customer, a group (contacted / control) and a send time, and no order id, is a contact list;
 * any other is mapped in the import dialog, and that mapping is remembered per header. A list is
 * staged by the same reader, parsed by contact-sql.ts, checked, and stored in
 * campaign_contacts. Every problem is reported with its count; nothing is dropped silently.
 */
import type { SqlEngine } from '../engine/types.ts';
import { CAMPAIGN_CONTACTS_DDL } from './canonical.ts';
import { stageSource, type ReadOptions } from './read/index.ts';
import { LINE_COLUMN } from './read/header.ts';
import {
	buildContactInsertSql,
	buildContactStageSql,
	buildContactWarningsSql
} from './contact-sql.ts';
import {
	CONTACT_DEFAULTS,
	suggestContactColumns,
	type ContactColumns,
	type ContactDefaults
} from './contact-columns.ts';
import { fail, ok, type Result } from '../lib/result.ts';
import { ident } from '../lib/sql.ts';
import type { ImportSource } from './import.ts';
import { findLocalStorage, normalizeColumnName } from './mapping.ts';

const STAGE = '__contacts_stage';

interface ContactWarning {
	code: string;
	count: number;
	examples: string[];
}

export interface ContactImport {
	file: string;
	rows: number;
	campaigns: number;
	warnings: ContactWarning[];
}

/** Creates campaign_contacts when no list was imported yet (analyses read it either way). */
export const ensureContactsTableSql = CAMPAIGN_CONTACTS_DDL.replace(
	'CREATE OR REPLACE TABLE',
	'CREATE TABLE IF NOT EXISTS'
);

const ORDER_ID = /^(order[ _]?id|订单(编号|号)|主订单编号|name|invoiceno|amazon-order-id)$/i;

/**
 * Whether a header is clearly a contact list, so it can be imported without asking: its names
 * give the customer, the group and the send time, and no order id. Anything less goes through
 * the import dialog, where `looksLikeContactList` pre-selects the kind and the analyst maps it.
 */
export function isContactList(header: readonly string[]): boolean {
	const cols = suggestContactColumns(header);
	const hasOrderId = header.some((h) => ORDER_ID.test(h.trim()));
	return !!cols.customerId && !!cols.group && !!cols.sendTime && !hasOrderId;
}

/**
 * A looser guess for the dialog's first choice: a group column (by name, or values that are
 * mostly 对照 / control / 实验 / treatment) and no order id. The customer may still be unmapped.
 */
export function looksLikeContactList(
	header: readonly string[],
	rows: readonly (readonly string[])[]
): boolean {
	return (
		!!suggestContactColumns(header, rows).group && !header.some((h) => ORDER_ID.test(h.trim()))
	);
}

/** What the analyst decides for one list beyond its columns: values for fields it lacks. */
export interface ContactFill {
	/** Send date of every row when the file has no send-time column (`YYYY-MM-DD`). */
	sendTime?: string;
	/** Campaign of every row when the file has no campaign column. */
	campaignId?: string;
}

/**
 * Checks a column mapping against the header: the customer column is required, every mapped
 * column must exist, and without a send-time column a send date must be given.
 */
export function checkContactMapping(
	columns: Partial<ContactColumns>,
	header: readonly string[],
	fill: ContactFill = {}
): Result<ContactColumns> {
	for (const [field, column] of Object.entries(columns))
		if (column !== undefined && !header.includes(column))
			return fail('campaigns.mapping.unknown-column', `${field} → "${column}"`);
	if (!columns.customerId) return fail('campaigns.mapping.no-customer', header.join(', '));
	if (!columns.sendTime && !/^\d{4}-\d{2}-\d{2}$/.test(fill.sendTime ?? ''))
		return fail('campaigns.mapping.no-send-time', fill.sendTime ?? '');
	return ok({ ...columns, customerId: columns.customerId });
}

/**
 * Remembered columns named as this header writes them: the signature ignores case, spaces and
 * punctuation, so `Member ID` last month may be `member_id` now.
 */
export function rebindContactColumns(
	columns: Partial<ContactColumns>,
	header: readonly string[]
): Partial<ContactColumns> {
	const byName = new Map(header.map((h) => [normalizeColumnName(h), h]));
	return Object.fromEntries(
		Object.entries(columns).map(([field, column]) => [
			field,
			byName.get(normalizeColumnName(column)) ?? column
		])
	);
}

/**
 * How one contact list is read: the reader's choices and the columns the dialog (or a remembered
 * mapping) gave it. The data loader keeps it, so a reload reads the list the same way.
 */
export interface ContactListPlan {
	file: ImportSource;
	read: ReadOptions;
	columns?: Partial<ContactColumns>;
	fill?: ContactFill;
	/** Header signature to remember the columns under once the list is in. */
	signature?: string;
}

/** Remembers the columns an analyst mapped for a contact list, per header signature. */
export interface ContactMappingStore {
	get(signature: string): Promise<Partial<ContactColumns> | undefined>;
	put(signature: string, columns: Partial<ContactColumns>): Promise<void>;
	/** Forgets a signature (the file was imported as orders after all). */
	delete(signature: string): Promise<void>;
}

const STORE_PREFIX = 'huitou.contact-mapping.';
const FIELDS: readonly (keyof ContactColumns)[] = [
	'customerId',
	'group',
	'sendTime',
	'channel',
	'cost',
	'campaignId',
	'wave'
];

/**
 * A ContactMappingStore in localStorage, beside the order mappings (its own prefix: the same
 * header may not be both). Without localStorage (Node, a sandboxed frame) it keeps them in memory.
 */
export function createContactMappingStore(storage?: Storage): ContactMappingStore {
	const backing = storage ?? findLocalStorage();
	const memory = new Map<string, string>();
	return {
		async get(signature) {
			const key = STORE_PREFIX + signature;
			const text = backing ? backing.getItem(key) : (memory.get(key) ?? null);
			if (text === null) return undefined;
			try {
				return parseColumns(JSON.parse(text));
			} catch {
				return undefined;
			}
		},
		async put(signature, columns) {
			const text = JSON.stringify(columns);
			if (backing) backing.setItem(STORE_PREFIX + signature, text);
			else memory.set(STORE_PREFIX + signature, text);
		},
		async delete(signature) {
			if (backing) backing.removeItem(STORE_PREFIX + signature);
			else memory.delete(STORE_PREFIX + signature);
		}
	};
}

/** Keeps only known fields with text values, so a stale or hand-edited entry cannot break an import. */
function parseColumns(value: unknown): Partial<ContactColumns> | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const out: Partial<ContactColumns> = {};
	for (const field of FIELDS) {
		const v = (value as Record<string, unknown>)[field];
		if (typeof v === 'string') out[field] = v;
	}
	return out.customerId ? out : undefined;
}

/**
 * Imports one contact list into campaign_contacts. `columns` is the analyst's mapping (the
 * suggestion from the header when absent); `fill` gives values for fields the file lacks.
 */
export async function importContactList(
	engine: SqlEngine,
	file: ImportSource,
	read: ReadOptions = {},
	columns?: Partial<ContactColumns>,
	fill: ContactFill = {}
): Promise<Result<ContactImport>> {
	const staged = await stageSource(engine, file, STAGE, read);
	if (!staged.ok) return staged;
	try {
		const { header } = staged.value;
		const mapping = columns ?? suggestContactColumns(header, staged.value.rows);
		const checked = checkContactMapping(mapping, header, fill);
		if (!checked.ok) return checked;
		const defaults: ContactDefaults = {
			...CONTACT_DEFAULTS,
			...(fill.sendTime && !checked.value.sendTime ? { sendTime: fill.sendTime } : {}),
			...(fill.campaignId?.trim() ? { campaignId: fill.campaignId.trim() } : {})
		};
		const steps = [
			ensureContactsTableSql,
			buildContactStageSql(STAGE, checked.value, defaults, LINE_COLUMN)
		];
		for (const sql of steps) {
			const r = await engine.query(sql);
			if (!r.ok) return r;
		}
		const w = await engine.query(buildContactWarningsSql(defaults));
		if (!w.ok) return w;
		const warnings: ContactWarning[] = w.value.toArray().map((row) => {
			const o = row.toJSON() as { code: string; count: bigint | number; examples: unknown };
			const ex = o.examples as { toArray?: () => unknown[] } | null;
			return {
				code: o.code,
				count: Number(o.count),
				examples: (ex?.toArray?.() ?? []).map(String)
			};
		});
		for (const sql of buildContactInsertSql(defaults)) {
			const r = await engine.query(sql);
			if (!r.ok) return r;
		}
		const n = await engine.query(
			'SELECT count(*)::INT AS n, count(DISTINCT campaign_id)::INT AS c FROM campaign_contacts'
		);
		if (!n.ok) return n;
		return ok({
			file: file.name,
			rows: Number(n.value.getChild('n')?.get(0) ?? 0),
			campaigns: Number(n.value.getChild('c')?.get(0) ?? 0),
			warnings
		});
	} finally {
		await engine.query(`DROP TABLE IF EXISTS ${ident(STAGE)}`);
	}
}
