/**
 * Campaign contact lists arrive through the same file picker as orders. A file whose header has a
 * customer column and a group column (contacted / control) but no order id is a contact list: it
 * is staged by the same reader, parsed by the campaign module's SQL, checked, and stored in
 * campaign_contacts. Every problem is reported with its count; nothing is dropped silently.
 */
import type { SqlEngine } from '../engine/types.ts';
import { CAMPAIGN_CONTACTS_DDL } from './canonical.ts';
import { stageSource, type ReadOptions } from './read/index.ts';
import {
	buildContactInsertSql,
	buildContactStageSql,
	buildContactWarningsSql,
	suggestContactColumns,
	type ContactColumns
} from '../analyses/campaigns/define.ts';
import { fail, ok, type Result } from '../lib/result.ts';
import { ident } from '../lib/sql.ts';
import type { ImportSource } from './import.ts';

const STAGE = '__contacts_stage';

export interface ContactWarning {
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

/** Whether a header looks like a contact list rather than orders. */
export function isContactList(header: readonly string[]): boolean {
	const cols = suggestContactColumns(header);
	const hasOrderId = header.some((h) =>
		/^(order[ _]?id|订单(编号|号)|主订单编号|name|invoiceno|amazon-order-id)$/i.test(h.trim())
	);
	return !!cols.customerId && !!cols.group && !hasOrderId;
}

export async function importContactList(
	engine: SqlEngine,
	file: ImportSource,
	read: ReadOptions = {}
): Promise<Result<ContactImport>> {
	const staged = await stageSource(engine, file, STAGE, read);
	if (!staged.ok) return staged;
	try {
		const columns = suggestContactColumns(staged.value.header);
		if (!columns.customerId)
			return fail('campaigns.import.no-customer-column', staged.value.header.join(', '));
		const steps = [ensureContactsTableSql, buildContactStageSql(STAGE, columns as ContactColumns)];
		for (const sql of steps) {
			const r = await engine.query(sql);
			if (!r.ok) return r;
		}
		const w = await engine.query(buildContactWarningsSql());
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
		for (const sql of buildContactInsertSql()) {
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
