import { describe, expect, test } from 'vitest';
import { scoreCustomers } from '../../../../src/analyses/predict/score.ts';
import {
	DAYS_PER_MONTH,
	expectedConditional,
	expectedSpend,
	medianWaitIfAlive,
	probabilityAlive
} from '../../../../src/analyses/predict/model.ts';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // weeks
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const opts = {
	unitDays: 7,
	horizonDays: 91,
	clvMonths: 3,
	discountRate: 0.12,
	margin: 0.4,
	holdoutDays: 28
};

/*
 * Four customers, times in days (÷ 7 for weeks). Customers 0 and 1 share (x, age) and so the
 * cached hypergeometric terms, but not t_x; customer 3 arrived after the calibration end.
 */
const customers = {
	x: [2, 2, 0, 1],
	txDays: [200, 30, 0, 3],
	ageDays: [266, 266, 100, 10],
	monetary: [40, 25, 0, 60],
	xCal: [1, 2, 0, 0],
	txCalDays: [150, 30, 0, 0],
	ageCalDays: [238, 238, 72, -1]
};

describe('scoreCustomers', () => {
	const s = scoreCustomers(customers, BG, GG, opts);

	test.each([0, 1, 2, 3])('customer %d equals the model computed on its own', (i) => {
		const x = customers.x[i];
		const tx = customers.txDays[i] / 7;
		const T = customers.ageDays[i] / 7;
		const alive = probabilityAlive(BG, x, tx, T);
		const spend = expectedSpend(GG, x, customers.monetary[i]);
		expect(s.pAlive[i]).toBeCloseTo(alive, 12);
		expect(s.expectedOrders[i]).toBeCloseTo(expectedConditional(BG, x, tx, T, 13), 12);
		expect(s.expectedSpend[i]).toBeCloseTo(spend, 12);
		expect(s.nextOrderDays[i]).toBeCloseTo(medianWaitIfAlive(BG, x, T) * 7, 9);
		// CLV by hand: three months, each month's expected orders discounted at its end.
		const d = Math.pow(1.12, 1 / 12) - 1;
		const month = DAYS_PER_MONTH / 7;
		let clv = 0;
		for (let m = 1; m <= 3; m++) {
			const orders =
				expectedConditional(BG, x, tx, T, m * month) -
				expectedConditional(BG, x, tx, T, (m - 1) * month);
			clv += orders / (1 + d) ** m;
		}
		expect(s.clv[i]).toBeCloseTo(clv * spend * 0.4, 10);
	});

	test('holdout expectation from calibration data; NaN for customers who came later', () => {
		const i = 0;
		const e = expectedConditional(BG, 1, 150 / 7, 238 / 7, 4);
		expect(s.expectedHoldout[i]).toBeCloseTo(e, 12);
		expect(s.expectedHoldout[3]).toBeNaN();
	});

	test('no holdout: no holdout expectations', () => {
		const none = scoreCustomers(customers, BG, GG, { ...opts, holdoutDays: 0 });
		expect([...none.expectedHoldout].every(Number.isNaN)).toBe(true);
	});

	test('fits at the edge of their range still give finite scores', () => {
		const edge = { r: 4e5, alpha: 4e6, a: 4e5, b: 1.2e6 };
		const e = scoreCustomers(customers, edge, { p: 4e5, q: 2.8, gamma: 1e-4 }, opts);
		for (const arr of [e.pAlive, e.pOrder, e.expectedOrders, e.expectedSpend, e.clv])
			expect([...arr].every(Number.isFinite)).toBe(true);
	});
});
