/**
 * Notebooks and the optional data snapshot in IndexedDB (not OPFS: see ENGINE-NOTES, OPFS files
 * regressed in duckdb-wasm 1.33). Every call returns a Result; a full disk is 'storage.quota',
 * reported to the user, never swallowed. Stored notebooks are parsed on the way out, so older
 * versions are migrated and a damaged record cannot reach the page unchecked.
 */
import { wrap, type IDBPDatabase } from 'idb';
import { ok, fail, type Result } from '../lib/result.ts';
import { copyNotebook, parseNotebook, type Notebook } from './schema.ts';

const DB_NAME = 'huitou';
const DB_VERSION = 1;
const NOTEBOOKS = 'notebooks';
const DATA = 'data';
const SNAPSHOT_KEY = 'snapshot';

export interface NotebookSummary {
	id: string;
	title: string;
	updatedAt: string;
}

/** The imported files kept for the next visit, when the user opts in. */
export interface DataSnapshot {
	/** What the user called the data set (usually the first file name). */
	name: string;
	savedAt: string;
	files: { name: string; bytes: Uint8Array }[];
	/**
	 * The sample shop was loaded (before the files). It is not stored: it ships with the page, so
	 * a reload loads it again from there.
	 */
	sample?: true;
}

/** Maps what IndexedDB throws to a code the UI explains. */
export function classifyStorageError(e: unknown): { code: string; detail: string } {
	const err = e as { name?: string; message?: string; inner?: unknown } | null;
	const name = err?.name ?? '';
	const detail = err?.message || name || String(e);
	if (name === 'QuotaExceededError' || /quota/i.test(detail))
		return { code: 'storage.quota', detail };
	if (err?.inner) return classifyStorageError(err.inner);
	if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'SecurityError')
		return { code: 'storage.unavailable', detail };
	return { code: 'storage.failed', detail };
}

async function attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
	try {
		return ok(await fn());
	} catch (e) {
		const { code, detail } = classifyStorageError(e);
		return fail(code, detail);
	}
}

/** Opens the database through `factory`, so tests and private windows can supply their own. */
function openDatabase(factory: IDBFactory): Promise<IDBPDatabase> {
	const request = factory.open(DB_NAME, DB_VERSION);
	request.onupgradeneeded = () => {
		const db = request.result;
		if (!db.objectStoreNames.contains(NOTEBOOKS))
			db.createObjectStore(NOTEBOOKS, { keyPath: 'id' });
		if (!db.objectStoreNames.contains(DATA)) db.createObjectStore(DATA);
	};
	return wrap(request) as Promise<IDBPDatabase>;
}

/**
 * Writes through a transaction and waits for it to commit: quota failures surface as the
 * transaction's error (the request itself only reports AbortError), so that error is rethrown.
 */
async function write(
	db: IDBPDatabase,
	storeName: string,
	fn: (store: IDBObjectStore) => void
): Promise<void> {
	const tx = db.transaction(storeName, 'readwrite');
	fn(tx.objectStore(storeName) as unknown as IDBObjectStore);
	try {
		await tx.done;
	} catch (e) {
		throw Object.assign(new Error((e as Error)?.message ?? 'transaction failed'), {
			name: (e as Error)?.name,
			inner: tx.error ?? undefined
		});
	}
}

export interface NotebookStore {
	list(): Promise<Result<NotebookSummary[]>>;
	get(id: string): Promise<Result<Notebook>>;
	put(nb: Notebook): Promise<Result<void>>;
	rename(id: string, title: string, now: string): Promise<Result<Notebook>>;
	duplicate(id: string, newId: string, title: string, now: string): Promise<Result<Notebook>>;
	remove(id: string): Promise<Result<void>>;
	saveDataSnapshot(
		name: string,
		files: { name: string; bytes: Uint8Array }[],
		now: string,
		sample?: boolean
	): Promise<Result<void>>;
	loadDataSnapshot(): Promise<Result<DataSnapshot | null>>;
	forgetData(): Promise<Result<void>>;
}

/** Summaries of stored records, newest first; records without an id or title are skipped. */
export function summarize(records: unknown[]): NotebookSummary[] {
	const out: NotebookSummary[] = [];
	for (const r of records) {
		const x = r as Partial<Record<'id' | 'title' | 'updatedAt', unknown>> | null;
		if (typeof x?.id !== 'string' || typeof x.title !== 'string') continue;
		out.push({
			id: x.id,
			title: x.title,
			updatedAt: typeof x.updatedAt === 'string' ? x.updatedAt : ''
		});
	}
	return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Checks a stored snapshot record's shape before handing its bytes to ingest. */
export function readSnapshot(record: unknown): DataSnapshot | null {
	const r = record as Partial<DataSnapshot> | null | undefined;
	if (!r || typeof r.name !== 'string' || !Array.isArray(r.files)) return null;
	const files = r.files.filter((f) => typeof f?.name === 'string' && f.bytes instanceof Uint8Array);
	if (files.length !== r.files.length) return null;
	const savedAt = typeof r.savedAt === 'string' ? r.savedAt : '';
	return { name: r.name, savedAt, files, ...(r.sample === true ? { sample: true } : {}) };
}

/** Opens the store lazily on first use; `factory` defaults to the page's `indexedDB`. */
export function openNotebookStore(factory?: IDBFactory): NotebookStore {
	let db: Promise<IDBPDatabase> | undefined;
	const database = (): Promise<IDBPDatabase> => {
		const f = factory ?? globalThis.indexedDB;
		if (!f)
			return Promise.reject(
				Object.assign(new Error('IndexedDB is not available'), { name: 'InvalidStateError' })
			);
		if (!db) {
			db = openDatabase(f);
			// A failed open (private mode, blocked) is retried next time, not cached.
			db.catch(() => (db = undefined));
		}
		return db;
	};

	const get = (id: string): Promise<Result<Notebook>> =>
		attempt(async () => (await database()).get(NOTEBOOKS, id)).then((r) => {
			if (!r.ok) return r;
			if (r.value === undefined) return fail<Notebook>('storage.not-found', id);
			return parseNotebook(r.value);
		});

	const put = (nb: Notebook): Promise<Result<void>> =>
		attempt(async () => write(await database(), NOTEBOOKS, (s) => s.put(toPlain(nb))));

	async function update(id: string, fn: (nb: Notebook) => Notebook): Promise<Result<Notebook>> {
		const found = await get(id);
		if (!found.ok) return found;
		const next = fn(found.value);
		const saved = await put(next);
		return saved.ok ? ok(next) : saved;
	}

	return {
		list: () => attempt(async () => summarize(await (await database()).getAll(NOTEBOOKS))),
		get,
		put,
		rename: (id, title, now) => update(id, (nb) => ({ ...nb, title, updatedAt: now })),
		async duplicate(id, newId, title, now) {
			const found = await get(id);
			if (!found.ok) return found;
			const copy = copyNotebook(found.value, newId, title, now);
			const saved = await put(copy);
			return saved.ok ? ok(copy) : saved;
		},
		remove: (id) => attempt(async () => write(await database(), NOTEBOOKS, (s) => s.delete(id))),
		saveDataSnapshot: (name, files, now, sample) =>
			attempt(async () => {
				const record: DataSnapshot = { name, savedAt: now, files, ...(sample ? { sample } : {}) };
				await write(await database(), DATA, (s) => s.put(record, SNAPSHOT_KEY));
			}),
		loadDataSnapshot: () =>
			attempt(async () => readSnapshot(await (await database()).get(DATA, SNAPSHOT_KEY))),
		forgetData: () =>
			attempt(async () => write(await database(), DATA, (s) => s.delete(SNAPSHOT_KEY)))
	};
}

/**
 * A plain copy for IndexedDB: structured clone refuses Svelte's state proxies, and the stored
 * record must not share objects with the live model.
 */
function toPlain(nb: Notebook): Notebook {
	return JSON.parse(JSON.stringify(nb)) as Notebook;
}
