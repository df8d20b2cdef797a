import { describe, expect, test } from 'vitest';
import { orderedDomain } from '../../src/charts/labels.ts';

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
