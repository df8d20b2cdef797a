import { expect, test } from 'vitest';
import { predict } from '../../../../src/analyses/predict/index.ts';

test('the CLV axis names its horizon', () => {
	const g = { asOf: '2024-04-01', revenue: 'net' as const, currency: 'GBP' };
	const clv = predict
		.build({ ...predict.defaults, clvMonths: 6 }, g)
		.find((q) => q.id === 'clv-distribution');
	expect(clv?.chart).toMatchObject({
		xLabel: { en: 'CLV, next 6 months', zh: '未来 6 个月 CLV' }
	});
});
