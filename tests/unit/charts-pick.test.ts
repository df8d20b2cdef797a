import { expect, test } from 'vitest';
import { pickChart } from '../../src/charts/pick.ts';

const fields = [
	{ name: 'month', numeric: false },
	{ name: 'channel', numeric: false },
	{ name: 'orders', numeric: true },
	{ name: 'revenue', numeric: true }
];

test('bar and line take the first column and the first numeric value after it', () => {
	expect(pickChart('bar', fields)).toMatchObject({ kind: 'bar', x: 'month', y: 'orders' });
	expect(pickChart('line', fields)).toMatchObject({ kind: 'line', x: 'month', y: 'orders' });
});

test('heatmap takes two columns and a numeric colour; histogram bins the first number', () => {
	expect(pickChart('heatmap', fields)).toMatchObject({ x: 'month', y: 'channel', fill: 'orders' });
	expect(pickChart('histogram', fields)).toMatchObject({ x: 'orders', raw: true });
});

test('no chart when nothing is numeric', () => {
	expect(pickChart('bar', [{ name: 'a', numeric: false }])).toBeNull();
	expect(pickChart('histogram', [])).toBeNull();
});
