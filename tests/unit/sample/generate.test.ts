import { describe, expect, test } from 'vitest';
import {
	generateContacts,
	generateOrders,
	type SampleOrder
} from '../../../src/sample/generate.ts';
import { buildSampleFiles } from '../../../src/sample/sample-files.ts';

const collect = (options: Parameters<typeof generateOrders>[0]) => [...generateOrders(options)];
const cents = (yuan: number) => Math.round(yuan * 100);

describe('generateOrders', () => {
	test('the same seed gives identical files; another seed a different shop', () => {
		const a = buildSampleFiles({ orders: 3000, seed: 5 });
		const b = buildSampleFiles({ orders: 3000, seed: 5 });
		const c = buildSampleFiles({ orders: 3000, seed: 6 });
		expect(Buffer.from(a.orders).equals(Buffer.from(b.orders))).toBe(true);
		expect(Buffer.from(a.contacts).equals(Buffer.from(b.contacts))).toBe(true);
		expect(Buffer.from(a.orders).equals(Buffer.from(c.orders))).toBe(false);
		expect(a.name).toBe('sample-orders-5.csv');
		const orders = collect({ orders: 3000, seed: 5 });
		expect(a.orderCount).toBe(orders.length);
		expect(a.customerCount).toBe(new Set(orders.map((o) => o.customerId).filter(Boolean)).size);
	});

	test('streams orders sorted by time, with unique 19-digit ids', () => {
		const orders = collect({ orders: 8000 });
		const ids = new Set<string>();
		for (let i = 1; i < orders.length; i++)
			expect(orders[i].time).toBeGreaterThanOrEqual(orders[i - 1].time);
		for (const o of orders) {
			expect(o.orderId).toMatch(/^[1-9]\d{18}$/);
			ids.add(o.orderId);
		}
		expect(ids.size).toBe(orders.length);
		expect(orders.map((o) => o.index)).toEqual(orders.map((_, i) => i));
	});

	test('amounts add up in cents: lines − discount = amount; refunds within the amount', () => {
		const orders = collect({ orders: 8000 });
		const check = (o: SampleOrder) => {
			const lines = o.lines.reduce((s, l) => s + cents(l.amount), 0);
			expect(cents(o.subtotal)).toBe(lines);
			expect(cents(o.amount)).toBe(lines - cents(o.discount));
			for (const l of o.lines) expect(cents(l.amount)).toBe(cents(l.unitPrice) * l.quantity);
			expect(o.lines.length).toBeGreaterThanOrEqual(1);
			expect(o.lines.length).toBeLessThanOrEqual(4);
			if (o.status === 'refunded') expect(o.refund).toBe(o.amount);
			else if (o.status === 'paid') expect(o.refund).toBeLessThan(o.amount);
			else expect(o.refund).toBe(0);
			expect(o.payTime === null).toBe(o.status === 'closed' || o.status === 'cancelled');
			if (o.customerId === '') expect([o.customerName, o.phone, o.email]).toEqual(['', '', '']);
			else expect(o.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
		};
		orders.forEach(check);
	});

	test('a customer keeps one id, name and address across orders', () => {
		const byId = new Map<string, SampleOrder>();
		for (const o of generateOrders({ orders: 8000 })) {
			if (!o.customerId) continue;
			const first = byId.get(o.customerId);
			if (!first) byId.set(o.customerId, o);
			else
				expect([o.customerName, o.email, o.address, o.province]).toEqual([
					first.customerName,
					first.email,
					first.address,
					first.province
				]);
		}
		expect(byId.size).toBeGreaterThan(2000);
	});

	test('the order target scales the shop; the date range is kept', () => {
		const small = collect({ orders: 4000 }).length;
		const big = collect({ orders: 16_000 }).length;
		// Poisson noise on a few thousand orders is a few percent.
		expect(small).toBeGreaterThan(3400);
		expect(small).toBeLessThan(4600);
		expect(big / small).toBeGreaterThan(3.5);
		expect(big / small).toBeLessThan(4.5);
		const year = collect({ orders: 3000, start: '2024-01-01', end: '2024-12-31' });
		expect(new Date(year[0].time).getUTCFullYear()).toBe(2024);
		expect(new Date(year[year.length - 1].time).getUTCFullYear()).toBe(2024);
	});

	test('rejects impossible dates instead of inventing a range', () => {
		expect(() => collect({ start: '2024-02-30' })).toThrow(/no such date/);
		expect(() => collect({ start: '2024-05-01', end: '2024-01-01' })).toThrow(/before/);
	});

	test('contacts match the order stream and stay within the range', () => {
		const fromStream: unknown[] = [];
		for (const _ of generateOrders({ orders: 6000 }, (c) => fromStream.push(c))) {
			// drain
		}
		const contacts = generateContacts({ orders: 6000 });
		expect(contacts).toEqual(fromStream);
		expect(contacts.length).toBeGreaterThan(100);
		expect(new Set(contacts.map((c) => c.group))).toEqual(new Set(['contacted', 'control']));
		// A one-year range has no room for the five monthly thank-you waves after 11.11.
		const short = generateContacts({ orders: 2000, start: '2024-01-01', end: '2024-12-31' });
		expect(short.some((c) => c.campaignId === 'new-1111-thanks')).toBe(false);
	});
});

describe('buildSampleFiles', () => {
	test('a bad option is refused with what was wrong', () => {
		expect(() => buildSampleFiles({ start: '2024-13-01' })).toThrow('no such date: 2024-13-01');
	});
});
