import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import type { SqlEngine } from '../../../../src/engine/types.ts';
import {
	buildCampaignDraftSql,
	buildDraftCommitSql,
	buildDraftListSql,
	buildDraftSizesSql,
	buildNextWaveDraftSql,
	type CampaignDraft
} from '../../../../src/analyses/campaigns/define.ts';
import {
	buildContactInsertSql,
	buildContactStageSql,
	buildContactWarningsSql
} from '../../../../src/ingest/contact-sql.ts';
import {
	suggestContactColumns,
	type ContactDefaults
} from '../../../../src/ingest/contact-columns.ts';
import { messages } from '../../../../src/ui/i18n/campaigns.ts';
import { createTables, insertOrders, queryRows } from './fixtures.ts';

let db: SqlEngine;

beforeAll(async () => {
	db = await createTestEngine();
	await createTables(db);
	// Customers a1..a6 exist; the data spans 2024-01-01 .. 2024-06-30.
	await insertOrders(db, [
		['o1', 'a1', '2024-01-01 10:00:00', 10],
		['o2', 'a2', '2024-02-01 10:00:00', 10],
		['o3', 'a3', '2024-03-01 10:00:00', 10],
		['o4', 'a4', '2024-04-01 10:00:00', 10],
		['o5', 'a5', '2024-05-01 10:00:00', 10],
		['o6', 'a6', '2024-06-30 10:00:00', 10],
		['o7', 'a1', '2024-06-03 10:00:00', 10]
	]);
	await queryRows(db, `INSERT INTO customers VALUES ('a1', 'Li', '138', NULL)`);
}, 60_000);

/**
 * A staged raw file: every column VARCHAR plus `__line`, as the reader leaves it. Rows are stored
 * in reverse so only `__line` tells which came first in the file.
 */
async function stageRaw(rows: (string | null)[][]): Promise<void> {
	await queryRows(
		db,
		`CREATE OR REPLACE TABLE raw_contacts ("买家会员名" VARCHAR, "分组" VARCHAR, "发送时间" VARCHAR, "渠道" VARCHAR, "费用" VARCHAR, __line BIGINT)`
	);
	const v = (x: string | null) => (x === null ? 'NULL' : `'${x}'`);
	const values = rows.map((r, i) => `(${r.map(v).join(', ')}, ${i + 2})`).reverse();
	await queryRows(db, `INSERT INTO raw_contacts VALUES ${values.join(', ')}`);
}

const COLUMNS = {
	customerId: '买家会员名',
	group: '分组',
	sendTime: '发送时间',
	channel: '渠道',
	cost: '费用'
};
const DEFAULTS: ContactDefaults = {
	campaignId: 'spring',
	wave: 1,
	group: 'contacted',
	costPerContact: 0.05
};

describe('importing a contact list', () => {
	test('suggests the mapping from a Chinese header', () => {
		expect(
			suggestContactColumns(['买家会员名', '分组', '发送时间', '渠道', '费用', '备注'])
		).toEqual(COLUMNS);
	});

	test('warnings with counts: unmatched, duplicates, both groups, dates, zero cost, bad rows', async () => {
		await stageRaw([
			['a1', '实验组', '2024-03-01 10:00', 'sms', '¥0.05'],
			['a1', '实验组', '2024-03-01 10:00', 'sms', '0.07'], // duplicate of the row above
			['="a2"', 'contacted', '2024/03/01', 'sms', '0'], // Taobao-quoted id; zero cost
			['a3', '对照组', '2024-03-01', 'sms', null],
			['a3', '实验组', '2024-03-01', 'sms', '0.05'], // a3 in both groups
			['zz9', '实验组', '2024-03-01', 'sms', '0.05'], // no such customer
			['zz8', 'control', '2025-01-01', 'sms', null], // no such customer, after the data
			['a4', 'maybe', '2024-03-01', 'sms', null], // unknown group word
			['a5', '实验组', 'next week', 'sms', null], // unreadable time
			[null, '实验组', '2024-03-01', 'sms', null], // no id
			['a6', '实验组', '45352', 'sms', 'free'] // Excel serial 45352 = 2024-03-01; bad cost
		]);
		await queryRows(db, buildContactStageSql('raw_contacts', COLUMNS, DEFAULTS, '__line'));
		const rows = await queryRows(db, buildContactWarningsSql(DEFAULTS));
		const warnings = Object.fromEntries(
			rows.map((r) => [r.code, { count: r.count, examples: [...(r.examples as Iterable<string>)] }])
		);
		expect(warnings).toEqual({
			'campaigns.import.missing-id': { count: 1, examples: [] },
			'campaigns.import.bad-group': { count: 1, examples: ['maybe'] },
			'campaigns.import.bad-time': { count: 1, examples: ['next week'] },
			'campaigns.import.bad-cost': { count: 1, examples: ['free'] },
			'campaigns.import.duplicate': { count: 1, examples: ['a1'] },
			'campaigns.import.both-groups': { count: 1, examples: ['a3'] },
			'campaigns.import.unmatched-id': { count: 2, examples: ['zz8', 'zz9'] },
			'campaigns.import.out-of-range': { count: 1, examples: ['2025-01-01'] },
			// a2's explicit 0; a6's "free" falls back to the default 0.05, so it is not zero.
			'campaigns.import.zero-cost': { count: 1, examples: ['spring'] }
		});
	});

	test('insert: skipped rows out, duplicates folded, both-group customer kept as contacted', async () => {
		for (const sql of buildContactInsertSql(DEFAULTS)) await queryRows(db, sql);
		const rows = await queryRows(
			db,
			`SELECT customer_id, grp, strftime(send_time, '%Y-%m-%d %H:%M') AS t, cost FROM campaign_contacts ORDER BY customer_id`
		);
		expect(rows).toEqual([
			{ customer_id: 'a1', grp: 'contacted', t: '2024-03-01 10:00', cost: 0.05 },
			{ customer_id: 'a2', grp: 'contacted', t: '2024-03-01 00:00', cost: 0 },
			{ customer_id: 'a3', grp: 'contacted', t: '2024-03-01 00:00', cost: 0.05 },
			{ customer_id: 'a6', grp: 'contacted', t: '2024-03-01 00:00', cost: 0.05 },
			{ customer_id: 'zz8', grp: 'control', t: '2025-01-01 00:00', cost: 0 },
			{ customer_id: 'zz9', grp: 'contacted', t: '2024-03-01 00:00', cost: 0.05 }
		]);
	});

	test('a list without control group and re-importing the same campaign are reported', async () => {
		await stageRaw([['a1', '实验组', '2024-03-01', 'sms', '0.05']]);
		await queryRows(db, buildContactStageSql('raw_contacts', COLUMNS, DEFAULTS, '__line'));
		const rows = await queryRows(db, buildContactWarningsSql(DEFAULTS));
		expect(rows.map((r) => [r.code, r.count])).toEqual([
			['campaigns.import.no-control', 1],
			// The 6 rows stored by the previous test would be replaced.
			['campaigns.import.replaces', 6]
		]);
	});

	test('defaults fill missing columns; an empty import is an error', async () => {
		await queryRows(
			db,
			`CREATE OR REPLACE TABLE raw_ids (id VARCHAR); INSERT INTO raw_ids VALUES ('a1'), ('a2')`
		);
		await queryRows(
			db,
			buildContactStageSql('raw_ids', { customerId: 'id' }, { ...DEFAULTS, campaignId: 'x' })
		);
		const noTime = await queryRows(db, buildContactWarningsSql(DEFAULTS));
		// No send-time column and no default time: both rows are skipped, nothing to import.
		expect(noTime.map((r) => [r.code, r.count])).toEqual([
			['campaigns.import.bad-time', 2],
			['campaigns.import.empty', 1]
		]);
		const d = { ...DEFAULTS, campaignId: 'x', sendTime: '2024-04-02 08:30' };
		await queryRows(db, buildContactStageSql('raw_ids', { customerId: 'id' }, d));
		const [row] = await queryRows(
			db,
			`SELECT campaign_id, wave, grp, strftime(send_time, '%H:%M') AS t FROM ${'campaign_import_staged'} LIMIT 1`
		);
		expect(row).toEqual({ campaign_id: 'x', wave: 1, grp: 'contacted', t: '08:30' });
	});
});

/** The control group the md5 rule picks, computed in JS: an independent implementation. */
function expectedControl(ids: string[], seed: string, share: number): string[] {
	const sorted = [...ids].sort((a, b) => {
		const ha = createHash('md5').update(`${seed}:${a}`).digest('hex');
		const hb = createHash('md5').update(`${seed}:${b}`).digest('hex');
		return ha < hb ? -1 : ha > hb ? 1 : a < b ? -1 : 1;
	});
	return sorted.slice(0, Math.round(ids.length * share)).sort();
}

describe('building a campaign from a segment', () => {
	const ids = Array.from({ length: 1000 }, (_, i) => `cust${String(i).padStart(4, '0')}`);
	const segmentSql = `SELECT 'cust' || lpad(i::VARCHAR, 4, '0') AS customer_id FROM range(1000) t(i)`;
	const draft: CampaignDraft = {
		campaignId: 'winter',
		wave: 1,
		segmentSql,
		sendTime: '2024-06-01 09:00',
		channel: 'sms',
		costPerContact: 0.05,
		holdoutShare: 0.2,
		seed: 'huitou-2024'
	};
	const controlOf = async (d: CampaignDraft) => {
		await queryRows(db, buildCampaignDraftSql(d));
		const rows = await queryRows(
			db,
			`SELECT customer_id FROM campaign_draft WHERE grp = 'control' ORDER BY 1`
		);
		return rows.map((r) => r.customer_id as string);
	};

	test('the holdout is exactly round(n × share) and matches md5 ordering computed in JS', async () => {
		const control = await controlOf(draft);
		expect(control).toHaveLength(200);
		expect(control).toEqual(expectedControl(ids, 'huitou-2024', 0.2));
	});

	test('same seed → same group whatever the segment row order; another seed → another group', async () => {
		const first = await controlOf(draft);
		const shuffled = await controlOf({
			...draft,
			segmentSql: `${segmentSql} ORDER BY md5(customer_id)`
		});
		expect(shuffled).toEqual(first);
		const other = await controlOf({ ...draft, seed: 'other' });
		expect(other).toHaveLength(200);
		expect(other).not.toEqual(first);
		// Two independent 20% draws share about 20% × 200 = 40 customers (never all 200).
		const overlap = other.filter((c) => first.includes(c)).length;
		expect(overlap).toBeGreaterThan(15);
		expect(overlap).toBeLessThan(70);
	});

	test('sizes, costs, lists and commit', async () => {
		await queryRows(
			db,
			buildCampaignDraftSql({
				...draft,
				segmentSql: `SELECT 'a1' AS customer_id UNION ALL SELECT 'a2' UNION ALL SELECT 'a3' UNION ALL SELECT 'a4'`,
				holdoutShare: 0.25
			})
		);
		// 4 customers, 25% → 1 control; 3 contacted × 0.05 = 0.15.
		const sizes = await queryRows(db, buildDraftSizesSql());
		expect(sizes.map((r) => [r.grp, r.customers])).toEqual([
			['contacted', 3],
			['control', 1]
		]);
		expect(sizes[0].cost).toBeCloseTo(0.15, 12);
		const contacted = await queryRows(db, buildDraftListSql('contacted'));
		const control = await queryRows(db, buildDraftListSql('control'));
		expect(contacted.length + control.length).toBe(4);
		const a1 = [...contacted, ...control].find((r) => r.customer_id === 'a1');
		expect(a1).toMatchObject({ name: 'Li', phone: '138' });
		for (const sql of buildDraftCommitSql()) await queryRows(db, sql);
		const [stored] = await queryRows(
			db,
			`SELECT count(*)::INTEGER AS n FROM campaign_contacts WHERE campaign_id = 'winter'`
		);
		expect(stored.n).toBe(4);
	});

	test('next wave: non-responders of both groups are carried over', async () => {
		// Wave 1 of "winter" was sent 2024-06-01 09:00; a1 ordered 2024-06-03 (within 10 days).
		await queryRows(
			db,
			buildNextWaveDraftSql({
				campaignId: 'winter',
				fromWave: 1,
				sendTime: '2024-07-01',
				windowDays: 10,
				costPerContact: 0.05
			})
		);
		const rows = await queryRows(db, `SELECT customer_id, wave FROM campaign_draft ORDER BY 1`);
		expect(rows).toEqual([
			{ customer_id: 'a2', wave: 2 },
			{ customer_id: 'a3', wave: 2 },
			{ customer_id: 'a4', wave: 2 }
		]);
	});
});

test('every warning code has a message in both languages', () => {
	const codes = [...buildContactWarningsSql().matchAll(/'(campaigns\.import\.[a-z-]+)'/g)].map(
		(m) => m[1]
	);
	expect(codes.length).toBe(12);
	for (const code of codes) {
		expect(messages[code]?.en, code).toMatch(/\w/);
		expect(messages[code]?.zh, code).toMatch(/\S/);
	}
});
