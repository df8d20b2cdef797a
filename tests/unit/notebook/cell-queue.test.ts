import { describe, expect, test } from 'vitest';
import { CellQueue } from '../../../src/notebook/cell-queue.ts';

/** Acquires turns for cells and records the order in which they start. */
function harness() {
	const queue = new CellQueue();
	const started: string[] = [];
	const releases = new Map<string, () => void>();
	const ask = (id: string, index: number, signal?: AbortSignal) =>
		queue.acquire(id, index, signal).then((release) => {
			if (!release) return;
			started.push(id);
			releases.set(id, release);
		});
	const finish = async (id: string) => {
		releases.get(id)!();
		await Promise.resolve();
		await Promise.resolve();
	};
	return { queue, started, ask, finish };
}

describe('CellQueue: one cell at a time, visible cells first', () => {
	test('cells off screen run in document order', async () => {
		const { ask, finish, started } = harness();
		void ask('c3', 3);
		void ask('c1', 1);
		void ask('c2', 2);
		await Promise.resolve();
		expect(started).toEqual(['c3']); // the first to ask runs at once
		await finish('c3');
		await finish('c1');
		await finish('c2');
		expect(started).toEqual(['c3', 'c1', 'c2']);
	});

	test('a visible cell goes before cells above it that are off screen', async () => {
		const { queue, ask, finish, started } = harness();
		void ask('c0', 0);
		await Promise.resolve();
		void ask('c1', 1);
		void ask('c5', 5);
		void ask('c6', 6);
		queue.setVisible('c6', true);
		queue.setVisible('c5', true);
		expect(queue.waiting).toBe(3);
		await finish('c0');
		await finish('c5');
		await finish('c6');
		await finish('c1');
		expect(started).toEqual(['c0', 'c5', 'c6', 'c1']);
	});

	test('scrolling to a waiting cell moves it to the front', async () => {
		const { queue, ask, finish, started } = harness();
		void ask('c0', 0);
		void ask('c1', 1);
		void ask('c9', 9);
		await Promise.resolve();
		queue.setVisible('c9', true);
		await finish('c0');
		expect(started).toEqual(['c0', 'c9']);
	});

	test('a cell whose run is given up while waiting never runs and frees its place', async () => {
		const { queue, ask, finish, started } = harness();
		const counts: number[] = [];
		queue.onChange((n) => counts.push(n));
		void ask('c0', 0);
		const stop = new AbortController();
		void ask('c1', 1, stop.signal);
		void ask('c2', 2);
		await Promise.resolve();
		stop.abort();
		expect(queue.waiting).toBe(1);
		await finish('c0');
		await finish('c2');
		expect(started).toEqual(['c0', 'c2']);
		expect(counts.at(-1)).toBe(0);
	});

	test('releasing twice does not give two cells the engine', async () => {
		const { queue, ask, started } = harness();
		let release: (() => void) | null = null;
		void queue.acquire('c0', 0).then((r) => (release = r));
		void ask('c1', 1);
		void ask('c2', 2);
		await Promise.resolve();
		release!();
		release!();
		await Promise.resolve();
		await Promise.resolve();
		expect(started).toEqual(['c1']);
	});

	test('a waiting cell knows how many turns come before its own', async () => {
		const { queue, ask, finish } = harness();
		void ask('c0', 0);
		void ask('c2', 2);
		void ask('c1', 1);
		await Promise.resolve();
		// c0 runs; c1 waits behind it, c2 behind both.
		expect(queue.ahead('c0')).toBeNull();
		expect(queue.ahead('c1')).toBe(1);
		expect(queue.ahead('c2')).toBe(2);
		// Scrolled into view, c2 goes next: only the running cell is ahead of it.
		const seen: number[] = [];
		queue.onChange((n) => seen.push(n));
		queue.setVisible('c2', true);
		expect(seen).toEqual([2]);
		expect(queue.ahead('c2')).toBe(1);
		expect(queue.ahead('c1')).toBe(2);
		await finish('c0');
		expect(queue.ahead('c2')).toBeNull();
		expect(queue.ahead('c1')).toBe(1);
	});
});
