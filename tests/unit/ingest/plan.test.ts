/** The import plan (src/ingest/plan.ts): decided from a file's head, edited, imported as it is. */
import { expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { importPlans } from '../../../src/ingest/import.ts';
import { createLocalMappingStore } from '../../../src/ingest/mapping.ts';
import { previewSource } from '../../../src/ingest/read/index.ts';
import {
	checkPlan,
	chooseTimezone,
	choosePreset,
	mapField,
	mapStatusWord,
	planFile,
	previewStatusWords,
	toOrderPlan,
	updateMapping
} from '../../../src/ingest/plan.ts';
import { fileOf, resetCanonical, rowsOf } from './stage-fixture.ts';

const engine = useTestEngine({ each: resetCanonical });

const NOW = new Date('2025-06-01T00:00:00Z');

it('plans a detected preset, and an unknown layout the analyst completes', async () => {
	const store = createLocalMappingStore();
	const deps = { previewSource, mappingStore: store };
	const taobao = fileOf(
		'taobao.csv',
		iconv.encode(
			'订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间\r\n="3901234567890123456",小明,¥189.00,交易成功,2024-11-11 00:03:15\r\n',
			'gb18030'
		)
	);
	const other = fileOf('other.csv', 'Ref;Wann;Summe\nX1;11.12.2024;3,50\nX2;13.12.2024;1,50\n');
	const plans = [await planFile(taobao, {}, deps), await planFile(other, {}, deps)];
	expect(plans[0]).toMatchObject({ detectedPresetId: 'taobao', presetId: 'taobao', failure: null });
	expect(plans[0].preview?.header[0]).toBe('订单编号');
	expect(checkPlan(plans[0]).ok).toBe(true);

	expect(plans[1].presetId).toBeNull();
	let plan = plans[1];
	// Nothing names the amount in German (the dates are found by their values): the analyst maps
	// it, and the order id too (without one, each row would be its own order).
	expect(!checkPlan(plan).ok && (checkPlan(plan) as { error: { code: string } }).error.code).toBe(
		'ingest.mapping-missing-amount'
	);
	plan = mapField(plan, 'order_id', 'Ref');
	plan = mapField(plan, 'order_time', 'Wann');
	plan = mapField(plan, 'order_amount', 'Summe');
	plan = updateMapping(plan, {
		decimal: ',',
		dateOrder: 'dmy',
		unknownCustomersAcknowledged: true
	});
	expect(checkPlan(plan).ok).toBe(true);
	plans[1] = plan;

	const result = await importPlans(engine, plans.map(toOrderPlan), {
		now: NOW,
		mappingStore: store
	});
	if (!result.ok) throw new Error(result.error.detail);
	expect(result.value.failures).toEqual([]);
	// 189 + 3.50 + 1.50; 11.12.2024 read day-first as 11 December.
	expect(result.value.totals).toMatchObject({ orders: 3, netRevenue: 194 });
	expect(await rowsOf(engine, "SELECT order_time FROM orders WHERE order_id = 'X1'")).toEqual([
		{ order_time: '2024-12-11 00:00:00' }
	]);
	// The completed mapping is remembered: next month's file is planned with it.
	const again = await planFile(
		fileOf('other-2.csv', 'Ref;Wann;Summe\nX3;01.01.2025;2,00\n'),
		{},
		deps
	);
	expect(again).toMatchObject({ remembered: true, mapping: { decimal: ',' } });
	expect(checkPlan(again).ok).toBe(true);
});

it('switching the layout off falls back to a suggestion; a file that cannot be read is reported', async () => {
	const deps = { previewSource };
	const taobao = await planFile(
		fileOf(
			't.csv',
			'订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间\n1,a,1,交易成功,2024-01-01\n'
		),
		{},
		deps
	);
	const none = choosePreset(taobao, null);
	expect(none.presetId).toBeNull();
	expect(none.mapping.fields).toMatchObject({ order_id: '订单编号', customer_id: '买家会员名' });
	expect(choosePreset(none, 'taobao').mapping.statusMap['交易成功']).toBe('paid');
	const empty = await planFile(fileOf('empty.csv', ''), {}, deps);
	expect(empty.failure?.code).toBe('read.empty');
	expect(!checkPlan(empty).ok).toBe(true);
});

it('lists the preview status words with their mapping, and maps an unknown one', async () => {
	const plan = await planFile(
		fileOf(
			's.csv',
			'id,when,total,who,Order Status\n1,2024-01-01,5,a,Completed\n2,2024-01-02,6,b,Returned\n3,2024-01-03,7,c,completed\n'
		),
		{},
		{ previewSource }
	);
	expect(plan.mapping.fields.status).toBe('Order Status');
	expect(previewStatusWords(plan)).toEqual([
		{ word: 'Completed', status: 'paid' },
		{ word: 'Returned', status: undefined },
		{ word: 'completed', status: 'paid' }
	]);
	const mapped = mapStatusWord(plan, 'Returned', 'refunded');
	expect(previewStatusWords(mapped)[1]).toEqual({ word: 'Returned', status: 'refunded' });
});

// A reload after an engine restart imports the kept plans again: without the encoding,
// delimiter, header row and mapping chosen by hand it read this file as one mojibake column.
it('a kept plan reads a file the same way again: encoding, delimiter, header row, mapping, time zone', async () => {
	const text =
		'店铺导出\r\n编号|时间|金额|买家\r\nA1|2024-03-01 10:00|12.5|张三\r\nA2|2024-03-02 23:30|7.5|李四\r\n';
	const file = fileOf('手工.csv', iconv.encode(text, 'gb18030'));
	let plan = await planFile(
		file,
		{ encoding: 'gb18030', delimiter: '|', headerRow: 2 },
		{ previewSource }
	);
	expect(plan.preview?.header).toEqual(['编号', '时间', '金额', '买家']);
	plan = mapField(plan, 'order_id', '编号');
	plan = mapField(plan, 'order_time', '时间');
	plan = mapField(plan, 'order_amount', '金额');
	plan = mapField(plan, 'customer_id', '买家');
	plan = chooseTimezone(plan, 0);
	expect(checkPlan(plan).ok).toBe(true);
	const kept = toOrderPlan(plan);
	expect(kept).toMatchObject({
		read: { encoding: 'gb18030', delimiter: '|', headerRow: 2 },
		fixedTimezone: true
	});
	const tables = async () =>
		rowsOf(engine, 'SELECT order_id, customer_id, order_time, net_amount FROM orders ORDER BY 1');
	const first = await importPlans(engine, [kept], { now: NOW });
	if (!first.ok) throw new Error(first.error.detail);
	const before = await tables();
	expect(before).toEqual([
		{ order_id: 'A1', customer_id: '张三', order_time: '2024-03-01 10:00:00', net_amount: 12.5 },
		{ order_id: 'A2', customer_id: '李四', order_time: '2024-03-02 23:30:00', net_amount: 7.5 }
	]);
	await resetCanonical(engine);
	const again = await importPlans(engine, [kept], { now: NOW });
	if (!again.ok) throw new Error(again.error.detail);
	expect(await tables()).toEqual(before);
});

it('a file whose every row is rejected fails with those rows, raw values and reasons', async () => {
	const file = fileOf(
		'bad.csv',
		'order_id,order_time,amount,customer_id\n1,not a day,5,a\n2,soon,6,b\n'
	);
	const plan = await planFile(file, {}, { previewSource });
	expect(checkPlan(plan).ok).toBe(true);
	const result = await importPlans(engine, [toOrderPlan(plan)], { now: NOW });
	expect(result.ok).toBe(false);
	if (result.ok) return;
	expect(result.error.code).toBe('ingest.nothing-loaded');
	expect(result.error.rejected?.map((r) => [r.line, r.value])).toEqual([
		[2, 'not a day'],
		[3, 'soon']
	]);
});
