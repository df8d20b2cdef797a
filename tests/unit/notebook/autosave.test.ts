import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver } from '../../../src/notebook/autosave.ts';
import { ok, fail, type Result } from '../../../src/lib/result.ts';

/** A stand-in for window/document: records listeners so the test can fire page events. */
function fakePage() {
	const target = new EventTarget();
	return Object.assign(target, { visibilityState: 'visible' });
}

describe('createAutosaver', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	const setup = (result: () => Result<void> = () => ok(undefined)) => {
		const saved: string[] = [];
		const errors: string[] = [];
		const win = fakePage();
		const doc = fakePage();
		const saver = createAutosaver(
			async (v: string) => {
				saved.push(v);
				return result();
			},
			1000,
			{ window: win, document: doc, onError: (e) => errors.push(e.code) }
		);
		return { saved, errors, win, doc, saver };
	};

	it('saves the latest value once, 1 s after the first edit', async () => {
		const { saved, saver } = setup();
		saver.schedule('a');
		await vi.advanceTimersByTimeAsync(400);
		saver.schedule('ab');
		saver.schedule('abc');
		await vi.advanceTimersByTimeAsync(599);
		expect(saved).toEqual([]);
		expect(saver.pending).toBe(true);
		await vi.advanceTimersByTimeAsync(1);
		expect(saved).toEqual(['abc']);
		expect(saver.pending).toBe(false);
	});

	it('keeps saving while the user keeps typing (no edit older than 1 s is unsaved)', async () => {
		const { saved, saver } = setup();
		for (let t = 0; t < 3000; t += 100) {
			saver.schedule(`v${t}`);
			await vi.advanceTimersByTimeAsync(100);
		}
		// edits at 0..900 saved at 1000 (v900), 1000..1900 at 2000 (v1900), 2000..2900 at 3000
		expect(saved).toEqual(['v900', 'v1900', 'v2900']);
	});

	it('saves at once when the page is hidden or left', async () => {
		const { saved, saver, win, doc } = setup();
		saver.schedule('x');
		doc.visibilityState = 'hidden';
		doc.dispatchEvent(new Event('visibilitychange'));
		await vi.advanceTimersByTimeAsync(0);
		expect(saved).toEqual(['x']);
		saver.schedule('y');
		win.dispatchEvent(new Event('pagehide'));
		await vi.advanceTimersByTimeAsync(0);
		expect(saved).toEqual(['x', 'y']);
		await vi.advanceTimersByTimeAsync(2000);
		expect(saved).toEqual(['x', 'y']); // the timer was cancelled, nothing saved twice
	});

	it('does not save on visibilitychange to visible, nor when nothing changed', async () => {
		const { saved, doc, saver } = setup();
		doc.dispatchEvent(new Event('visibilitychange'));
		await saver.flush();
		expect(saved).toEqual([]);
	});

	it('reports failed saves, e.g. a full disk', async () => {
		const { errors, saver } = setup(() => fail('storage.quota', 'QuotaExceededError'));
		saver.schedule('big');
		await saver.flush();
		expect(errors).toEqual(['storage.quota']);
	});

	it('reports a save that throws instead of returning a Result', async () => {
		const errors: string[] = [];
		const saver = createAutosaver(
			async () => {
				throw new Error('boom');
			},
			1000,
			{ window: fakePage(), document: fakePage(), onError: (e) => errors.push(e.code) }
		);
		saver.schedule(1);
		await saver.flush();
		expect(errors).toEqual(['storage.failed']);
	});

	it('stops listening after dispose, saving what was pending', async () => {
		const { saved, win, saver } = setup();
		saver.schedule('last');
		await saver.dispose();
		expect(saved).toEqual(['last']);
		saver.schedule('after');
		win.dispatchEvent(new Event('pagehide'));
		await vi.advanceTimersByTimeAsync(0);
		expect(saved).toEqual(['last']);
	});
});
