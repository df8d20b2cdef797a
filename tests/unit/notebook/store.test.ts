/**
 * The store's logic outside IndexedDB itself (Node has none): error classification, summaries and
 * snapshot checks. The browser tests cover real IndexedDB.
 */
import { describe, expect, it } from 'vitest';
import {
	classifyStorageError,
	openNotebookStore,
	readSnapshot,
	summarize
} from '../../../src/notebook/store.ts';

const domError = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('classifyStorageError', () => {
	it.each([
		[domError('QuotaExceededError', 'The quota has been exceeded.'), 'storage.quota'],
		// Firefox and Safari abort the transaction; its error carries the quota failure.
		[
			Object.assign(domError('AbortError'), { inner: domError('QuotaExceededError') }),
			'storage.quota'
		],
		[
			domError('UnknownError', 'Encountered full disk while opening backing store'),
			'storage.unavailable'
		],
		[domError('InvalidStateError', 'A mutation operation was attempted'), 'storage.unavailable'],
		[domError('DataCloneError', 'could not be cloned'), 'storage.failed'],
		['a string thrown', 'storage.failed']
	])('%s → %s', (error, code) => {
		expect(classifyStorageError(error).code).toBe(code);
	});

	it('keeps the browser message as detail', () => {
		expect(classifyStorageError(domError('QuotaExceededError', 'quota exceeded')).detail).toBe(
			'quota exceeded'
		);
	});
});

describe('summarize', () => {
	it('lists valid records newest first and skips damaged ones', () => {
		const out = summarize([
			{ id: 'a', title: 'Old', updatedAt: '2024-01-01T00:00:00.000Z', cells: [] },
			null,
			{ id: 7, title: 'bad id' },
			{ id: 'b', title: 'New', updatedAt: '2024-06-01T00:00:00.000Z' },
			{ id: 'c', title: 'No date' }
		]);
		expect(out).toEqual([
			{ id: 'b', title: 'New', updatedAt: '2024-06-01T00:00:00.000Z' },
			{ id: 'a', title: 'Old', updatedAt: '2024-01-01T00:00:00.000Z' },
			{ id: 'c', title: 'No date', updatedAt: '' }
		]);
	});
});

describe('readSnapshot', () => {
	it('accepts files with bytes and refuses anything else', () => {
		const bytes = new Uint8Array([1, 2, 3]);
		const good = { name: 'orders.csv', savedAt: 'x', files: [{ name: 'orders.csv', bytes }] };
		expect(readSnapshot(good)).toEqual(good);
		expect(readSnapshot(undefined)).toBeNull();
		expect(readSnapshot({ name: 'x', files: [{ name: 'a', bytes: 'not bytes' }] })).toBeNull();
		expect(readSnapshot({ files: [] })).toBeNull();
	});

	it('keeps that the sample was loaded, which has no files of its own', () => {
		const sample = { name: 'sample', savedAt: 'x', files: [], sample: true };
		expect(readSnapshot(sample)).toEqual(sample);
		expect(readSnapshot({ ...sample, sample: 'yes' })).toEqual({ ...sample, sample: undefined });
	});
});

describe('openNotebookStore without IndexedDB', () => {
	it('reports storage.unavailable instead of throwing', async () => {
		expect(globalThis.indexedDB).toBeUndefined();
		const store = openNotebookStore();
		const r = await store.list();
		expect(!r.ok && r.error.code).toBe('storage.unavailable');
		const p = await store.saveDataSnapshot('x', [], '2024-01-01T00:00:00.000Z');
		expect(!p.ok && p.error.code).toBe('storage.unavailable');
	});

	it('reports a factory whose open fails', async () => {
		const factory = {
			open() {
				throw domError('SecurityError', 'access denied in this context');
			}
		} as unknown as IDBFactory;
		const r = await openNotebookStore(factory).get('a');
		expect(!r.ok && r.error.code).toBe('storage.unavailable');
	});
});
