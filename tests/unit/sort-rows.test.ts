import { describe, expect, test } from 'vitest';
import { sortRows } from '../../src/lib/sort-rows.ts';

const rows = [
	{ id: 'c3', spend: 20.5, phone: null, first: new Date('2024-03-01') },
	{ id: 'c10', spend: 100, phone: '138', first: new Date('2024-01-01') },
	{ id: 'c2', spend: 20.5, phone: '139', first: null }
];
const ids = (r: typeof rows) => r.map((x) => x.id);

describe('sortRows', () => {
	test('numbers by value, ties in the order they came', () => {
		expect(ids(sortRows(rows, { key: 'spend', descending: false }, 'en-US'))).toEqual([
			'c3',
			'c2',
			'c10'
		]);
		expect(ids(sortRows(rows, { key: 'spend', descending: true }, 'en-US'))).toEqual([
			'c10',
			'c3',
			'c2'
		]);
	});

	test('text in natural order (c2 before c10); empty values last both ways', () => {
		expect(ids(sortRows(rows, { key: 'id', descending: false }, 'en-US'))).toEqual([
			'c2',
			'c3',
			'c10'
		]);
		expect(ids(sortRows(rows, { key: 'phone', descending: true }, 'en-US'))).toEqual([
			'c2',
			'c10',
			'c3'
		]);
		expect(ids(sortRows(rows, { key: 'first', descending: false }, 'en-US'))).toEqual([
			'c10',
			'c3',
			'c2'
		]);
	});
});
