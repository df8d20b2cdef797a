import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { messages } from '../../../../src/ui/i18n/predict.ts';
import { summarizeFit } from '../../../../src/ui/predict/fit-summary.ts';
import type { PredictResult } from '../../../../src/analyses/predict/run.ts';

const root = path.resolve(__dirname, '../../../../src');
const sources = [
	...readdirSync(path.join(root, 'analyses/predict')).map((f) =>
		path.join(root, 'analyses/predict', f)
	),
	...readdirSync(path.join(root, 'ui/predict')).map((f) => path.join(root, 'ui/predict', f))
];

describe('predict messages', () => {
	// Every 'predict.…' code or key written in the module's source has text in both languages.
	const keys = new Set(
		sources.flatMap((f) =>
			[...readFileSync(f, 'utf8').matchAll(/'(predict\.[a-z.-]+[a-z])'/g)].map((m) => m[1])
		)
	);

	test.each([...keys])('%s has English and Chinese text', (key) => {
		expect(messages[key]?.en).toBeTruthy();
		expect(messages[key]?.zh).toBeTruthy();
	});

	test('unit labels for both units exist (built from the unit name)', () => {
		expect(messages['predict.ui.unit-weeks']).toBeDefined();
		expect(messages['predict.ui.unit-days']).toBeDefined();
	});
});

describe('fit summary', () => {
	const result = {
		asOf: '2024-01-01',
		calibrationStart: '2023-01-01',
		calibrationEnd: '2023-09-30',
		holdoutDays: 92,
		unit: 'weeks',
		customersScored: 10,
		frequency: [],
		tracking: [],
		warnings: [],
		fit: {
			bgnbd: {
				params: { r: 0.243123, alpha: 4.41456, a: 0.793, b: 2.426 },
				se: null,
				logLik: -9582.4291,
				evaluations: 900,
				converged: true,
				customers: 2357,
				repeatCustomers: 1000,
				repeatPurchases: 2800,
				rows: 50
			},
			gammaGamma: {
				params: { p: 6.25, q: 3.74, gamma: 15.44 },
				se: { p: 1.1, q: 0.2, gamma: 3.2 },
				logLik: -4000.5,
				evaluations: 600,
				converged: true,
				customers: 946,
				excluded: 0,
				correlation: 0.11361
			},
			warnings: []
		}
	} satisfies PredictResult;

	test('parameters with standard errors, none where the Hessian gave none', () => {
		const s = summarizeFit(result);
		expect(s.bgnbd.map((p) => [p.symbol, p.value, p.se])).toEqual([
			['r', 0.243123, null],
			['α', 4.41456, null],
			['a', 0.793, null],
			['b', 2.426, null]
		]);
		expect(s.gammaGamma[2]).toMatchObject({ symbol: 'γ', value: 15.44, se: 3.2 });
	});

	test('facts: log-likelihood and correlation to four significant digits', () => {
		const facts = Object.fromEntries(summarizeFit(result).facts.map((f) => [f.label, f.value]));
		expect(facts['predict.ui.loglik-bgnbd']).toBe(-9582);
		expect(facts['predict.ui.correlation']).toBe(0.1136);
		expect(facts['predict.ui.unit']).toBe('predict.ui.unit-weeks');
	});

	test('facts: the calibration window, both days included, and the counts it fitted', () => {
		const facts = Object.fromEntries(summarizeFit(result).facts.map((f) => [f.label, f.value]));
		expect(facts['predict.ui.calibration-window']).toBe('2023-01-01 – 2023-09-30');
		expect(facts['predict.ui.customers']).toBe(2357);
		expect(facts['predict.ui.repeat-customers']).toBe(1000);
		expect(facts['predict.ui.repeat-purchases']).toBe(2800);
	});
});
