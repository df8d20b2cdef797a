import type { Table } from 'apache-arrow';
import type { SqlEngine } from '../../../../src/engine/types.ts';
import { CANONICAL_DDL } from '../../../../src/ingest/canonical.ts';
import type { Globals } from '../../../../src/analyses/types.ts';
import { defaults, type CampaignParams } from '../../../../src/analyses/campaigns/params.ts';

export const globals: Globals = { asOf: '2024-12-31', revenue: 'net', currency: 'CNY' };

export const params = (over: Partial<CampaignParams> = {}): CampaignParams => ({
	...defaults,
	...over
});

type Row = Record<string, unknown>;

/** Rows of a result as plain objects, 64-bit integers as numbers. */
function toRows(t: Table): Row[] {
	return t.toArray().map((r) => {
		const o = r.toJSON() as Row;
		for (const [k, v] of Object.entries(o)) if (typeof v === 'bigint') o[k] = Number(v);
		return o;
	});
}

export async function queryRows(db: SqlEngine, sql: string): Promise<Row[]> {
	const r = await db.query(sql);
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}\n${sql}`);
	return toRows(r.value);
}

export async function createTables(db: SqlEngine): Promise<void> {
	for (const ddl of CANONICAL_DDL) await queryRows(db, ddl);
}

type OrderRow = [
	id: string,
	customer: string | null,
	time: string,
	amount: number,
	status?: string,
	campaign?: string | null,
	channel?: string
];

export async function insertOrders(db: SqlEngine, orders: OrderRow[]): Promise<void> {
	const values = orders
		.map(([id, cust, time, amount, status = 'paid', campaign = null, channel = 'organic']) => {
			const net = status === 'paid' ? amount : 0;
			const q = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);
			return `(${q(id)}, ${q(cust)}, TIMESTAMP '${time}', '${status}', ${amount}, 0, ${net}, ${q(channel)}, ${q(campaign)}, NULL, NULL, 'fixture')`;
		})
		.join(',\n');
	await queryRows(db, `INSERT INTO orders VALUES ${values}`);
}

type ContactRow = [
	campaign: string,
	wave: number,
	customer: string,
	grp: string,
	send: string,
	channel: string,
	cost: number
];

export async function insertContacts(db: SqlEngine, rows: ContactRow[]): Promise<void> {
	const values = rows
		.map(
			([c, w, cust, grp, send, ch, cost]) =>
				`('${c}', ${w}, '${cust}', '${grp}', TIMESTAMP '${send}', '${ch}', ${cost})`
		)
		.join(',\n');
	await queryRows(db, `INSERT INTO campaign_contacts VALUES ${values}`);
}
