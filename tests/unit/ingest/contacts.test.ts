/**
 * Contact lists whose header is not recognised: the suggestion from names and values, an import
 * through the analyst's explicit mapping, the remembered mapping, and the dialog's plan.
 */
import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import {
	checkContactMapping,
	createContactMappingStore,
	importContactList,
	isContactList,
	looksLikeContactList
} from '../../../src/ingest/contacts.ts';
import { suggestContactColumns } from '../../../src/ingest/contact-columns.ts';
import { createLocalMappingStore, headerSignature } from '../../../src/ingest/mapping.ts';
import { previewSource } from '../../../src/ingest/read/index.ts';
import {
	checkPlan,
	chooseRole,
	fillContact,
	mapContactField,
	planFile,
	previewGroupWords
} from '../../../src/ingest/plan.ts';
import { createTables, insertOrders, queryRows } from '../analyses/campaigns/fixtures.ts';
import { fileOf } from './stage-fixture.ts';
import { readFileSync } from 'node:fs';
import { messages } from '../../../src/ui/i18n/import-contacts.ts';

const engine = useTestEngine({
	async setUp(engine) {
		await createTables(engine);
		// Customers c1..c3; the orders span 2024-03-01 .. 2024-03-20.
		await insertOrders(engine, [
			['o1', 'c1', '2024-03-01 10:00:00', 10],
			['o2', 'c2', '2024-03-05 10:00:00', 10],
			['o3', 'c3', '2024-03-20 10:00:00', 10]
		]);
	},
	async each(engine) {
		await queryRows(engine, 'DELETE FROM campaign_contacts');
	}
});

/** No name here is one the suggestion knows: 收件人ID, 人群, 下发日, 活动代号, 短信费. */
const UNKNOWN_HEADER = '收件人ID,人群,下发日,活动代号,短信费';
const LIST = [
	UNKNOWN_HEADER,
	'c1,实验,2024-03-02,spring,0.05',
	'c2,对照,2024-03-02,spring,',
	'c2,实验,2024-03-02,spring,0.05', // c2 in both groups of spring: kept as contacted only
	'c1,实验,2024-03-02,spring,0.05', // duplicate of the first row
	'x9,实验,2024-03-02,spring,0.05', // no such customer in the orders
	'c3,实验,2024-04-30,summer,0', // after the orders; zero cost
	'c1,对照,2024-04-30,summer,' // after the orders
].join('\n');
const MAPPED = {
	customerId: '收件人ID',
	group: '人群',
	sendTime: '下发日',
	campaignId: '活动代号',
	cost: '短信费'
};

describe('suggesting the columns of a contact list', () => {
	it('from English and Chinese names', () => {
		expect(suggestContactColumns(['会员ID', '分组', '发送日期', '活动'])).toEqual({
			customerId: '会员ID',
			group: '分组',
			sendTime: '发送日期',
			campaignId: '活动'
		});
		expect(suggestContactColumns(['buyer', 'arm', 'sent', 'promo'])).toEqual({
			customerId: 'buyer',
			group: 'arm',
			sendTime: 'sent',
			campaignId: 'promo'
		});
		expect(
			suggestContactColumns(['Customer No', 'Variant', 'Send Date', 'Medium', 'Unit Cost', 'Round'])
		).toEqual({
			customerId: 'Customer No',
			group: 'Variant',
			sendTime: 'Send Date',
			channel: 'Medium',
			cost: 'Unit Cost',
			wave: 'Round'
		});
		// A phone number is the customer only when nothing better names it.
		expect(suggestContactColumns(['手机号', '用户ID', '组别']).customerId).toBe('用户ID');
		expect(suggestContactColumns(['手机号码', '组别']).customerId).toBe('手机号码');
	});

	it('from values: a column of mostly 对照 / control / 实验 / treatment is the group', () => {
		const header = UNKNOWN_HEADER.split(',');
		const rows = [
			['c1', '对照', '2024-03-02', 'a', '0.05'],
			['c2', '实验', '2024/03/02 10:00', 'a', '0.05'],
			['c3', 'treatment', '2024年3月2日', 'a', '0.05'],
			['c4', '', '2024-03-02', 'a', '0.05'],
			['c5', 'control', '2024-03-02', 'a', '0.05']
		];
		// 4 of 4 non-empty group cells are group words; 5 of 5 send cells are dates.
		expect(suggestContactColumns(header, rows)).toEqual({ group: '人群', sendTime: '下发日' });
		// One word in five is not enough (1/5 < 80%).
		const mostlyOther = rows.map((r, i) => [r[0], i ? `x${i}` : '对照', r[2]]);
		expect(suggestContactColumns(header.slice(0, 3), mostlyOther)).toEqual({ sendTime: '下发日' });
	});

	it('skips the dialog only for a clear header; the looser guess also reads values', () => {
		expect(
			isContactList(['campaign_id', 'wave', 'customer_id', 'group', 'send_time', 'channel', 'cost'])
		).toBe(true);
		// No send time by name: the dialog asks for it.
		expect(isContactList(['会员ID', '分组'])).toBe(false);
		expect(isContactList(['订单编号', '会员ID', '分组', '发送日期'])).toBe(false);
		expect(
			looksLikeContactList(
				['收件人', 'x'],
				[
					['c1', '对照'],
					['c2', '实验']
				]
			)
		).toBe(true);
		expect(
			looksLikeContactList(
				['收件人', 'x'],
				[
					['c1', 'a'],
					['c2', 'b']
				]
			)
		).toBe(false);
		expect(looksLikeContactList(['订单编号', '会员ID', '分组'], [])).toBe(false);
	});
});

describe('importing through an explicit mapping', () => {
	it('the suggestion finds no customer column; the analyst mapping imports it', async () => {
		const file = fileOf('list.csv', LIST);
		const guessed = await importContactList(engine, file);
		expect(!guessed.ok && guessed.error.code).toBe('campaigns.mapping.no-customer');

		const r = await importContactList(engine, file, {}, MAPPED);
		if (!r.ok) throw new Error(r.error.detail);
		// Importable: spring c1, c2 (its control row dropped), x9; summer c3 (contacted), c1 (control).
		expect(r.value.rows).toBe(5);
		expect(r.value.campaigns).toBe(2);
		const counts = Object.fromEntries(r.value.warnings.map((w) => [w.code, w.count]));
		expect(counts).toEqual({
			'campaigns.import.duplicate': 1, // c1 spring contacted, twice
			'campaigns.import.both-groups': 1, // c2 spring
			'campaigns.import.unmatched-id': 1, // x9
			'campaigns.import.out-of-range': 2, // both summer rows, 2024-04-30 > 2024-03-20
			'campaigns.import.zero-cost': 1, // c3 summer's 0
			'campaigns.import.no-control': 1 // spring: its only control row moved to contacted
		});
		const rows = await queryRows(
			engine,
			`SELECT campaign_id, customer_id, grp, strftime(send_time, '%Y-%m-%d') AS day, cost
			FROM campaign_contacts ORDER BY campaign_id, customer_id`
		);
		expect(rows).toEqual([
			{ campaign_id: 'spring', customer_id: 'c1', grp: 'contacted', day: '2024-03-02', cost: 0.05 },
			{ campaign_id: 'spring', customer_id: 'c2', grp: 'contacted', day: '2024-03-02', cost: 0.05 },
			{ campaign_id: 'spring', customer_id: 'x9', grp: 'contacted', day: '2024-03-02', cost: 0.05 },
			{ campaign_id: 'summer', customer_id: 'c1', grp: 'control', day: '2024-04-30', cost: 0 },
			{ campaign_id: 'summer', customer_id: 'c3', grp: 'contacted', day: '2024-04-30', cost: 0 }
		]);
	});

	it('a list without send time or campaign columns takes them from the dialog', async () => {
		const file = fileOf('3月短信.csv', '会员ID,备注\nc1,vip\nc2,\n');
		const columns = { customerId: '会员ID' };
		const missing = await importContactList(engine, file, {}, columns);
		expect(!missing.ok && missing.error.code).toBe('campaigns.mapping.no-send-time');
		const r = await importContactList(engine, file, {}, columns, {
			sendTime: '2024-03-03',
			campaignId: '3月短信'
		});
		if (!r.ok) throw new Error(r.error.detail);
		// No group column: both rows are contacted; no cost column: 0 each, so two zero-cost rows.
		expect(r.value.rows).toBe(2);
		expect(Object.fromEntries(r.value.warnings.map((w) => [w.code, w.count]))).toEqual({
			'campaigns.import.zero-cost': 2,
			'campaigns.import.no-control': 1
		});
		expect(
			await queryRows(
				engine,
				`SELECT DISTINCT campaign_id, grp, strftime(send_time, '%Y-%m-%d') AS day FROM campaign_contacts`
			)
		).toEqual([{ campaign_id: '3月短信', grp: 'contacted', day: '2024-03-03' }]);
	});

	it('names the problem with a mapping: no customer, unknown column, bad date', () => {
		const header = ['a', 'b'];
		const code = (r: ReturnType<typeof checkContactMapping>) => !r.ok && r.error.code;
		expect(code(checkContactMapping({ group: 'b', sendTime: 'a' }, header))).toBe(
			'campaigns.mapping.no-customer'
		);
		expect(code(checkContactMapping({ customerId: 'z' }, header))).toBe(
			'campaigns.mapping.unknown-column'
		);
		expect(code(checkContactMapping({ customerId: 'a' }, header, { sendTime: '3/3/2024' }))).toBe(
			'campaigns.mapping.no-send-time'
		);
		expect(checkContactMapping({ customerId: 'a', sendTime: 'b' }, header).ok).toBe(true);
		for (const c of [
			'campaigns.mapping.no-customer',
			'campaigns.mapping.unknown-column',
			'campaigns.mapping.no-send-time'
		])
			expect(messages[c].en.length * messages[c].zh.length, c).toBeGreaterThan(0);
	});
});

describe('the dialog plan and the remembered mapping', () => {
	it('detects the role, maps, shows group words, and remembers per header', async () => {
		const contactStore = createContactMappingStore();
		const deps = { previewSource, mappingStore: createLocalMappingStore(), contactStore };
		let plan = await planFile(fileOf('名单.csv', LIST), {}, deps);
		// 人群 holds group words, 下发日 dates; nothing names the customer yet.
		expect(plan).toMatchObject({ role: 'contacts', detectedRole: 'contacts' });
		expect(plan.contact).toEqual({
			columns: { group: '人群', sendTime: '下发日' },
			fill: { campaignId: '名单' },
			remembered: false
		});
		expect(!checkPlan(plan).ok && (checkPlan(plan) as { error: { code: string } }).error.code).toBe(
			'campaigns.mapping.no-customer'
		);
		expect(previewGroupWords(plan)).toEqual([
			{ word: '实验', group: 'contacted' },
			{ word: '对照', group: 'control' }
		]);
		plan = mapContactField(plan, 'customerId', '收件人ID');
		plan = mapContactField(plan, 'campaignId', '活动代号');
		plan = mapContactField(plan, 'cost', '短信费');
		plan = mapContactField(plan, 'group', undefined);
		expect(previewGroupWords(plan)).toEqual([]);
		plan = mapContactField(plan, 'group', '人群');
		expect(checkPlan(plan).ok).toBe(true);
		expect(checkPlan(chooseRole(plan, 'orders')).ok).toBe(false);
		// Without a send-time column the dialog's date is required.
		const noTime = mapContactField(plan, 'sendTime', undefined);
		expect(checkPlan(noTime).ok).toBe(false);
		expect(checkPlan(fillContact(noTime, { sendTime: '2024-03-02' })).ok).toBe(true);

		await contactStore.put(plan.signature, plan.contact.columns);
		// Next month's list: same columns, other rows, different name case and spacing.
		const next = await planFile(
			fileOf(
				'名单-4月.csv',
				'收件人id , 人群,下发日,活动代号,短信费\nc9,实验,2024-04-02,april,0.05\n'
			),
			{},
			deps
		);
		expect(next.signature).toBe(plan.signature);
		expect(next).toMatchObject({ role: 'contacts', detectedRole: 'contacts' });
		expect(next.contact.remembered).toBe(true);
		// Remembered columns are rebound to this header's spelling of the same names (the reader
		// keeps the spaces).
		expect(next.contact.columns).toEqual({ ...MAPPED, customerId: '收件人id ', group: ' 人群' });
		expect(checkPlan(next).ok).toBe(true);
	});

	it('an order export stays orders; a stored entry survives a reload and can be forgotten', async () => {
		const deps = { previewSource, contactStore: createContactMappingStore() };
		const orders = await planFile(
			fileOf('o.csv', 'order_id,customer_id,order_time,amount\n1,c1,2024-03-01,10\n'),
			{},
			deps
		);
		expect(orders.role).toBe('orders');

		const values = new Map<string, string>();
		const storage = {
			getItem: (k: string) => values.get(k) ?? null,
			setItem: (k: string, v: string) => void values.set(k, v),
			removeItem: (k: string) => void values.delete(k)
		} as Storage;
		const sig = headerSignature(UNKNOWN_HEADER.split(','));
		await createContactMappingStore(storage).put(sig, MAPPED);
		expect(await createContactMappingStore(storage).get(sig)).toEqual(MAPPED);
		values.set(`huitou.contact-mapping.${sig}`, '{"customerId": 3}');
		expect(await createContactMappingStore(storage).get(sig)).toBeUndefined();
		await createContactMappingStore(storage).delete(sig);
		expect(values.size).toBe(0);
	});
});

it('has en and zh text for every key the dialog shows for contact lists', () => {
	const dialog = ['ImportDialog', 'ContactMapper']
		.map((view) => readFileSync(`src/ui/import/${view}.svelte`, 'utf8'))
		.join('\n');
	const keys = [...dialog.matchAll(/t\('(contacts\.[a-z.-]+)'/g)].map((m) => m[1]);
	// Keys built from a value: every field, both roles, each group reading.
	for (const f of ['customerId', 'group', 'sendTime', 'campaignId', 'wave', 'channel', 'cost'])
		keys.push(`contacts.field.${f}`);
	for (const r of ['orders', 'contacts']) keys.push(`contacts.dialog.role.${r}`);
	for (const g of ['contacted', 'control', 'unknown']) keys.push(`contacts.dialog.group.${g}`);
	expect(keys.length).toBeGreaterThan(25);
	for (const key of keys) {
		expect(messages[key], key).toBeDefined();
		expect(messages[key].en.length * messages[key].zh.length, key).toBeGreaterThan(0);
	}
});
