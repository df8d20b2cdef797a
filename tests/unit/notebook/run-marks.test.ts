import { describe, expect, test } from 'vitest';
import { RunMarks } from '../../../src/notebook/run-marks.ts';

/** A storage that outlives the page objects, as localStorage outlives a crashed tab. */
const disk = () => {
	const m = new Map<string, string>();
	return {
		getItem: (k: string) => m.get(k) ?? null,
		setItem: (k: string, v: string) => void m.set(k, v)
	};
};

describe('run marks', () => {
	const a = { notebook: 'n', cell: 'a' };
	const b = { notebook: 'n', cell: 'b' };

	test('a cell that was running when the page died is stopped on the next start', () => {
		const storage = disk();
		new RunMarks(storage).begin(a);
		// the tab dies here: no end()
		const next = new RunMarks(storage);
		expect(next.died(a)).toBe(true);
		expect(next.died(b)).toBe(false);
		// and on the start after that too, until it runs again
		expect(new RunMarks(storage).died(a)).toBe(true);
		next.end(a);
		expect(next.died(a)).toBe(false);
		expect(new RunMarks(storage).died(a)).toBe(false);
	});

	test('cells that ended leave no mark; overlapping runs keep each other', () => {
		const storage = disk();
		const marks = new RunMarks(storage);
		marks.begin(a);
		marks.begin(b);
		marks.end(a);
		const next = new RunMarks(storage);
		expect([next.died(a), next.died(b)]).toEqual([false, true]);
	});

	test('garbage in storage is no mark', () => {
		const storage = disk();
		storage.setItem('huitou.runningCells', '{"x":');
		expect(new RunMarks(storage).died(a)).toBe(false);
		storage.setItem('huitou.runningCells', '[1, {"notebook": 2}]');
		expect(new RunMarks(storage).died(a)).toBe(false);
	});
});
