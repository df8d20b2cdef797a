/** Column suggestions, header signatures, remembered mappings, validation and preset detection. */
import { describe, expect, it } from 'vitest';
import {
	createLocalMappingStore,
	createMapping,
	hasOrderIdColumn,
	headerSignature,
	orderIdModeOf,
	suggestMapping,
	validateMapping
} from '../../../src/ingest/mapping.ts';
import {
	PRESETS,
	bindPresetMapping,
	detectPreset,
	rankPresets
} from '../../../src/ingest/presets/index.ts';

describe('suggestMapping', () => {
	it('maps English names regardless of case, spaces and punctuation', () => {
		const header = [
			'Order No.',
			'Customer_ID',
			'Order Date',
			'Grand Total',
			'E-mail',
			'SKU',
			'Qty',
			'Notes'
		];
		const rows = [['A1', 'c9', '2024-11-11 10:00', '$12.50', 'a@x.test', 'S1', '2', 'hi']];
		const { mapping, confidence } = suggestMapping(header, rows);
		expect(mapping.fields).toEqual({
			order_id: 'Order No.',
			customer_id: 'Customer_ID',
			order_time: 'Order Date',
			order_amount: 'Grand Total',
			email: 'E-mail',
			product_id: 'SKU',
			quantity: 'Qty'
		});
		expect(mapping.orderAmountLevel).toBe('order');
		expect(confidence.order_id).toBeGreaterThan(0.8);
	});

	it('maps Chinese names', () => {
		const header = [
			'订单号',
			'客户ID',
			'下单时间',
			'实付金额',
			'商品名称',
			'数量',
			'省份',
			'城市',
			'手机号'
		];
		const rows = [['1', 'u1', '2024/11/11 0:03', '¥99.00', '茶', '1', '浙江省', '杭州市', '138']];
		expect(suggestMapping(header, rows).mapping.fields).toEqual({
			order_id: '订单号',
			customer_id: '客户ID',
			order_time: '下单时间',
			order_amount: '实付金额',
			product_title: '商品名称',
			quantity: '数量',
			province: '省份',
			city: '城市',
			phone: '手机号'
		});
	});

	it('finds an unnamed date column from its values, with low confidence', () => {
		const { mapping, confidence } = suggestMapping(
			['id', 'when', 'amount'],
			[
				['1', '2024-11-11', '5'],
				['2', '2024-11-12', '6']
			]
		);
		expect(mapping.fields).toEqual({ order_id: 'id', order_time: 'when', order_amount: 'amount' });
		expect(confidence.order_time).toBe(0.4);
	});

	it('notices decimal commas in the sample amounts', () => {
		const rows = (amounts: string[]) => amounts.map((a, i) => [String(i), '2024-01-01', a]);
		const header = ['order id', 'date', 'total'];
		expect(suggestMapping(header, rows(['3,50', '1.234,00'])).mapping.decimal).toBe(',');
		expect(suggestMapping(header, rows(['3.50', '1,234.00'])).mapping.decimal).toBe('.');
		expect(suggestMapping(header, rows(['1,234', '7'])).mapping.decimal).toBe('.');
	});

	it('does not propose a line, item or count column as the order id', () => {
		const header = ['order_item_id', 'order_count', 'customer', 'date', 'amount'];
		const { mapping } = suggestMapping(header, [['1', '3', 'c1', '2024-11-11', '5']]);
		expect(mapping.fields.order_id).toBeUndefined();
		expect(orderIdModeOf(mapping)).toBe('row');
		// A sub-order column beside the main order id (Douyin) stays unmapped too.
		expect(suggestMapping(['子订单编号', '下单时间', '金额'], []).mapping.fields.order_id).toBe(
			undefined
		);
	});

	it('trusts a name less when the values do not fit it', () => {
		const good = suggestMapping(['date'], [['2024-11-11']]).confidence.order_time ?? 0;
		const bad = suggestMapping(['date'], [['soon']]).confidence.order_time ?? 0;
		expect(bad).toBeLessThan(good);
	});
});

describe('headerSignature', () => {
	it('ignores case, spaces and punctuation but not column order', () => {
		const a = headerSignature(['Order ID', 'Created At', 'Total']);
		expect(headerSignature(['order_id', 'created at', 'TOTAL'])).toBe(a);
		expect(headerSignature(['Created At', 'Order ID', 'Total'])).not.toBe(a);
		expect(headerSignature(['Order ID', 'Created At'])).not.toBe(a);
	});
});

describe('MappingStore', () => {
	it('keeps mappings in memory where there is no localStorage (Node)', async () => {
		const store = createLocalMappingStore();
		const m = createMapping({ order_id: 'id' });
		await store.put('sig', m);
		expect(await store.get('sig')).toEqual(m);
		expect(await store.get('other')).toBeUndefined();
	});

	it('reads back what it wrote to a Storage and ignores damaged entries', async () => {
		const data = new Map<string, string>();
		const storage = {
			getItem: (k: string) => data.get(k) ?? null,
			setItem: (k: string, v: string) => void data.set(k, v)
		} as Storage;
		const store = createLocalMappingStore(storage);
		const m = createMapping({ order_id: 'id' }, { decimal: ',' });
		await store.put('sig', m);
		expect(await createLocalMappingStore(storage).get('sig')).toEqual(m);
		data.set('huitou.mapping.bad', '{not json');
		data.set('huitou.mapping.shape', '{"fields":1}');
		expect(await store.get('bad')).toBeUndefined();
		expect(await store.get('shape')).toBeUndefined();
	});
});

describe('validateMapping', () => {
	const header = ['id', 't', 'amt', 'cust', 'price'];
	it.each([
		[{ order_id: 'id', order_amount: 'amt', customer_id: 'cust' }, 'ingest.mapping-missing-date'],
		[{ order_id: 'id', order_time: 't', customer_id: 'cust' }, 'ingest.mapping-missing-amount'],
		[{ order_id: 'id', order_time: 't', order_amount: 'amt' }, 'ingest.mapping-missing-customer'],
		[{ order_id: 'id', order_time: 'gone', order_amount: 'amt' }, 'ingest.mapping-unknown-column']
	])('rejects %o with %s', (fields, code) => {
		const result = validateMapping(createMapping(fields), header);
		expect(!result.ok && result.error.code).toBe(code);
	});

	it('accepts a file without an order id column: ids are generated, each row one order by default', () => {
		const m = createMapping({ order_time: 't', order_amount: 'amt', customer_id: 'cust' });
		const result = validateMapping(m, header);
		expect(result.ok).toBe(true);
		expect(hasOrderIdColumn(m)).toBe(false);
		expect(orderIdModeOf(m)).toBe('row');
		expect(orderIdModeOf({ ...m, orderIdMode: 'customer-time' })).toBe('customer-time');
		expect(orderIdModeOf({ ...m, fields: { ...m.fields, order_id: 'id' } })).toBeNull();
	});

	it('accepts a missing customer column once acknowledged, and fits the amount level to the columns', () => {
		const lineOnly = validateMapping(
			createMapping(
				{ order_id: 'id', order_time: 't', unit_price: 'price' },
				{ unknownCustomersAcknowledged: true }
			),
			header
		);
		expect(lineOnly.ok && lineOnly.value.orderAmountLevel).toBe('line-sum');
		const orderOnly = validateMapping(
			createMapping(
				{ order_id: 'id', order_time: 't', order_amount: 'amt', customer_id: 'cust' },
				{ orderAmountLevel: 'line-sum' }
			),
			header
		);
		expect(orderOnly.ok && orderOnly.value.orderAmountLevel).toBe('order');
	});
});

describe('presets', () => {
	it('each preset is detected from its own header and its mapping is valid for it', () => {
		for (const preset of PRESETS) {
			const header = [...new Set([...preset.required, ...Object.values(preset.mapping.fields)])];
			expect(detectPreset(header)?.id).toBe(preset.id);
			expect(validateMapping(bindPresetMapping(preset, header), header).ok).toBe(true);
		}
	});

	it('matches headers with different spacing and case, and leaves missing optional columns out', () => {
		const header = ['\uFEFForder id', 'ORDER STATUS', 'created time', 'Order Amount', 'SKU ID'];
		const preset = detectPreset(header);
		expect(preset?.id).toBe('tiktok');
		expect(bindPresetMapping(preset!, header).fields).toEqual({
			order_id: '\uFEFForder id',
			status: 'ORDER STATUS',
			order_time: 'created time',
			order_amount: 'Order Amount',
			product_id: 'SKU ID'
		});
	});

	it('applies no preset to an unknown or partial header, but ranks partial matches', () => {
		expect(detectPreset(['foo', 'bar'])).toBeUndefined();
		const partial = ['订单编号', '买家会员名', '订单状态'];
		expect(detectPreset(partial)).toBeUndefined();
		expect(rankPresets(partial)[0]).toMatchObject({ preset: { id: 'taobao' }, score: 0.6 });
	});

	it('needs the exact generic header for the generic layout', () => {
		const generic = PRESETS.find((p) => p.id === 'generic')!;
		expect(detectPreset(generic.required.slice(0, -1))?.id).not.toBe('generic');
	});
});
