import { describe, expect, test } from 'vitest';
import { orderRows, orderedDomain, valueFormats, valueOrder } from '../../src/charts/labels.ts';

describe('orderedDomain', () => {
	// A movement heat map: rows sorted by "from", so the "to" values appear out of segment order.
	const rows = [
		{ from: 'New', to: 'Loyal' },
		{ from: 'New', to: 'Champions' },
		{ from: 'Loyal', to: 'At risk' },
		{ from: 'Loyal', to: 'Other' }
	];
	const segments = ['Champions', 'Loyal', 'New', 'At risk'];

	test('follows the given order; values it does not list come after, as they came', () => {
		expect(orderedDomain(rows, 'to', segments)).toEqual(['Champions', 'Loyal', 'At risk', 'Other']);
		expect(orderedDomain(rows, 'from', segments)).toEqual(['Loyal', 'New']);
	});

	test('without an order, the order the values came in', () => {
		expect(orderedDomain(rows, 'to')).toEqual(['Loyal', 'Champions', 'At risk', 'Other']);
	});
});

describe('value labels as formats', () => {
	const labels = {
		weekday: [
			{ value: 1, label: { en: 'Mon', zh: '周一' } },
			{ value: 2, label: { en: 'Tue', zh: '周二' } },
			{ value: 3, label: { en: 'Wed', zh: '周三' } }
		]
	};

	test('a coded value is written in the reader’s language; an unlisted one as itself', () => {
		const zh = valueFormats(labels, 'zh');
		expect(zh.weekday(2)).toBe('周二');
		expect(zh.weekday('2')).toBe('周二');
		expect(zh.weekday(9)).toBe('9');
		expect(valueFormats(labels, 'en').weekday(1)).toBe('Mon');
		expect(valueFormats(undefined, 'en')).toEqual({});
	});

	test('rows follow the labels’ order; they are the same rows, unchanged', () => {
		const rows = [
			{ weekday: 3, orders: 7 },
			{ weekday: 9, orders: 1 },
			{ weekday: 1, orders: 5 }
		];
		const ordered = orderRows(rows, valueOrder(labels));
		expect(ordered.map((r) => r.weekday)).toEqual([1, 3, 9]);
		expect(ordered[0]).toBe(rows[2]);
		expect(rows.map((r) => r.weekday)).toEqual([3, 9, 1]);
		expect(orderRows(rows, undefined)).toBe(rows);
	});
});
