import { describe, expect, test } from 'vitest';
import { formatChange, formatMonth, formatPeriod } from '../../src/lib/format.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('formatPeriod names a window as a reader would', () => {
	test('a calendar month', () => {
		expect(formatPeriod(d('2024-12-01'), d('2024-12-31'), 'en')).toBe('Dec 2024');
		expect(formatPeriod(d('2024-12-01'), d('2024-12-31'), 'zh')).toBe('2024年12月');
		expect(formatPeriod(d('2024-02-01'), d('2024-02-29'), 'en')).toBe('Feb 2024');
	});

	test('a calendar year', () => {
		expect(formatPeriod(d('2024-01-01'), d('2024-12-31'), 'en')).toBe('2024');
		expect(formatPeriod(d('2024-01-01'), d('2024-12-31'), 'zh')).toBe('2024年');
	});

	test('any other days as a range', () => {
		const en = formatPeriod(d('2024-01-30'), d('2024-02-29'), 'en');
		expect(en).toMatch(/Jan 30/);
		expect(en).toMatch(/Feb 29, 2024/);
		expect(formatPeriod(d('2024-03-01'), d('2024-04-30'), 'zh')).toBe('2024年3月1日–2024年4月30日');
		expect(formatPeriod(null, d('2024-04-30'), 'en')).toBe('–');
	});
});

describe('formatChange', () => {
	test('rates change in percentage points', () => {
		expect(formatChange(0.02, 'points', 'en')).toBe('+2.0 pp');
		expect(formatChange(-0.005, 'points', 'en')).toBe('-0.5 pp');
		expect(formatChange(0.02, 'points', 'zh')).toBe('+2.0 个百分点');
		expect(formatChange(0, 'points', 'en')).toBe('0.0 pp');
	});

	test('counts and money change relatively', () => {
		expect(formatChange(0.125, 'relative', 'en')).toBe('▲ 12.5%');
		expect(formatChange(-0.5, 'relative', 'en')).toBe('▼ 50%');
	});
});

test('month ticks read as the language writes months', () => {
	expect(formatMonth(d('2011-01-01'), 'en')).toBe('2011-01');
	expect(formatMonth(d('2011-01-01'), 'zh')).toBe('2011年1月');
});
