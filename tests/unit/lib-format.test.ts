import { expect, test } from 'vitest';
import { formatValue, tickFormat } from '../../src/lib/format.ts';

test('decimals follow the size of each value, whatever was formatted before', () => {
	expect(formatValue(1234.5, undefined, 'en')).toBe('1,235');
	expect(formatValue(4.38, undefined, 'en')).toBe('4.38');
	expect(formatValue(12345, 'money', 'en', 'USD')).toBe('$12,345');
	expect(formatValue(12.5, 'money', 'en', 'USD')).toBe('$12.50');
});

test('percent, days, dates and empty values', () => {
	expect(formatValue(0.117, 'percent', 'en')).toBe('11.7%');
	expect(formatValue(46, 'days', 'zh')).toBe('46 天');
	expect(formatValue(new Date(Date.UTC(2024, 10, 11)), 'date', 'en')).toBe('2024-11-11');
	expect(formatValue(new Date(Date.UTC(2024, 10, 11, 0, 3)), undefined, 'en')).toBe(
		'2024-11-11 00:03'
	);
	expect(formatValue(null, 'int', 'en')).toBe('–');
	expect(formatValue('<img src=x>', 'text', 'en')).toBe('<img src=x>');
});

test('money ticks carry the currency sign: a UK shop sees £, not ¥', () => {
	expect(tickFormat('money', 'en', 'GBP')(1500)).toBe('£1.5K');
	expect(tickFormat('money', 'en', 'CNY')(1500)).toBe('¥1.5K');
	expect(tickFormat('money', 'en', 'CAD')(1500)).toBe('1.5K');
});
