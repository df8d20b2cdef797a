/**
 * The sample shop's two campaigns carry a known injected effect (src/sample/generate.ts): a
 * contacted customer places one extra order in the window with probability `extraResponse`, so
 * the expected uplift is extraResponse × (1 − natural rate). The contact list goes through the
 * import path (stage → warnings → insert), the orders straight into the canonical table.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../../helpers/wasm-engine.ts';
import type { SqlEngine } from '../../../../src/engine/types.ts';
import {
	generateOrders,
	SAMPLE_CAMPAIGNS,
	type SampleContact
} from '../../../../src/sample/generate.ts';
import { formatContacts } from '../../../../src/sample/formats.ts';
import { formatTimestamp } from '../../../../src/lib/sql.ts';
import {
	buildContactInsertSql,
	buildContactStageSql,
	buildContactWarningsSql
} from '../../../../src/ingest/contact-sql.ts';
import { suggestContactColumns } from '../../../../src/ingest/contact-columns.ts';
import { buildCampaignMetricsSql, buildWavesSql } from '../../../../src/analyses/campaigns/sql.ts';
import { createTables, params, queryRows } from './fixtures.ts';

const globals = { asOf: '2025-01-01', revenue: 'gross', currency: 'CNY' } as const;
let db: SqlEngine;

beforeAll(async () => {
	db = await createTestEngine();
	await createTables(db);
	const contacts: SampleContact[] = [];
	let csv = 'order_id,customer_id,order_time,status,gross,refund,net,channel,campaign\n';
	for (const o of generateOrders({ orders: 60_000 }, (c) => contacts.push(c))) {
		const net = o.status === 'paid' ? o.amount - o.refund : 0;
		csv += `${o.orderId},${o.customerId},${formatTimestamp(new Date(o.time))},${o.status},${o.amount},${o.refund},${net},${o.channel},${o.campaign}\n`;
	}
	await db.registerFile('sample-orders.csv', new TextEncoder().encode(csv));
	await queryRows(
		db,
		`INSERT INTO orders SELECT order_id, nullif(customer_id, ''), order_time::TIMESTAMP, status,
			gross::DOUBLE, refund::DOUBLE, net::DOUBLE, channel, nullif(campaign, ''), NULL, NULL, 'sample'
		FROM read_csv('/huitou/sample-orders.csv', all_varchar = true)`
	);
	await db.registerFile('sample-contacts.csv', new TextEncoder().encode(formatContacts(contacts)));
	await queryRows(
		db,
		`CREATE TABLE raw_contacts AS SELECT * FROM read_csv('/huitou/sample-contacts.csv', all_varchar = true)`
	);
}, 120_000);

describe('the sample campaigns', () => {
	test('the contact list imports with nothing to report', async () => {
		const header = (await queryRows(db, 'DESCRIBE raw_contacts')).map((r) => String(r.column_name));
		const columns = suggestContactColumns(header);
		expect(columns).toEqual({
			customerId: 'customer_id',
			group: 'group',
			sendTime: 'send_time',
			channel: 'channel',
			cost: 'cost',
			campaignId: 'campaign_id',
			wave: 'wave'
		});
		await queryRows(
			db,
			buildContactStageSql('raw_contacts', { customerId: 'customer_id', ...columns })
		);
		expect(await queryRows(db, buildContactWarningsSql())).toEqual([]);
		for (const sql of buildContactInsertSql()) await queryRows(db, sql);
	});

	test.each([
		[SAMPLE_CAMPAIGNS.newBuyerThanks.id, SAMPLE_CAMPAIGNS.newBuyerThanks],
		[SAMPLE_CAMPAIGNS.dormantWinBack.id, SAMPLE_CAMPAIGNS.dormantWinBack]
	])('%s: the injected uplift lies inside the 95% interval', async (id, c) => {
		const p = params({ campaignId: id, windowDays: c.windowDays });
		const [r] = await queryRows(db, buildCampaignMetricsSql(p, globals));
		const expected = c.extraResponse * (1 - (r.control_rate as number));
		expect(r.contacted as number).toBeGreaterThan(100);
		expect(r.control as number).toBeGreaterThan(20);
		expect(r.uplift_low as number).toBeLessThan(expected);
		expect(r.uplift_high as number).toBeGreaterThan(expected);
		// Cost = contacted × the message price.
		expect(r.cost as number).toBeCloseTo((r.contacted as number) * c.costPerContact, 6);
	});

	test('the thanks campaign has five waves, each re-sent to fewer customers', async () => {
		const p = params({ campaignId: SAMPLE_CAMPAIGNS.newBuyerThanks.id, windowDays: 10 });
		const rows = await queryRows(db, buildWavesSql(p, globals));
		expect(rows.map((r) => r.wave)).toEqual([1, 2, 3, 4, 5]);
		for (let i = 1; i < rows.length; i++)
			expect(rows[i].contacted as number).toBeLessThan(rows[i - 1].contacted as number);
		// Cumulative response only grows.
		for (let i = 1; i < rows.length; i++)
			expect(rows[i].cum_rate as number).toBeGreaterThanOrEqual(rows[i - 1].cum_rate as number);
	});
});
