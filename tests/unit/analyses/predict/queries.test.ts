import { describe, expect, test } from 'vitest';
import { predict } from '../../../../src/analyses/predict/index.ts';
import { defaults } from '../../../../src/analyses/predict/params.ts';
import type { Globals } from '../../../../src/analyses/types.ts';

const g: Globals = { asOf: '2024-07-01', revenue: 'net', currency: 'CNY' };

describe('predict queries name the run that wrote their tables', () => {
	// The notebook caches by SQL text; the tables change with every run's params.
	test('other params or globals give other SQL; the same give the same', () => {
		const sqlOf = (p = defaults, gl = g) => predict.build(p, gl).map((q) => q.sql);
		expect(sqlOf()).toEqual(sqlOf());
		expect(sqlOf({ ...defaults, horizonDays: 30 })[0]).not.toBe(sqlOf()[0]);
		expect(sqlOf(defaults, { ...g, revenue: 'gross' })[0]).not.toBe(sqlOf()[0]);
	});

	test('the tag is a comment of hex digits, whatever the params hold', () => {
		const hostile = { ...defaults, calibrationEnd: "*/ DROP TABLE orders; --\n'" };
		for (const q of predict.build(hostile, g))
			expect(q.sql.split('\n')[0]).toMatch(/^\/\* predict run [0-9a-f]{8} \*\/$/);
		expect(predict.customersSql!(hostile, g, 'win-back', {})).toMatch(
			/^\/\* predict run [0-9a-f]{8} \*\/\n/
		);
	});
});

describe('the holdout check with the default (no calibration end)', () => {
	// Empty by default: the cell says why and which parameter fills it, in both languages.
	test('explains its empty result', () => {
		const check = predict.build(defaults, g).find((q) => q.id === 'holdout-check');
		expect(defaults.calibrationEnd).toBe('');
		expect(check?.whenEmpty?.en).toContain('Last day of calibration');
		expect(check?.whenEmpty?.zh).toContain('校准期最后一天');
	});
});
