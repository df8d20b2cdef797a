/**
 * The engine for unit tests: duckdb-wasm's blocking Node bundle (the same DuckDB build the page
 * runs), sandboxed like the page, behind the same SqlEngine interface.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { tableToIPC, type Table } from 'apache-arrow';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { STARTUP_SQL, FILE_ROOT, type SqlEngine } from '../../src/engine/types.ts';
import { classifyEngineError } from '../../src/engine/errors.ts';
import { ok, type Result } from '../../src/lib/result.ts';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));

/**
 * Instances whose engine was closed, each with a fresh database opened on it when taken again.
 * Starting duckdb-wasm (instantiating its module and DuckDB's start-up) costs about 2 s of CPU and
 * the suite starts some 70 engines; a reset and a new database take a tenth of a second.
 */
const idle: duckdb.DuckDBBindings[] = [];

async function instantiate(): Promise<duckdb.DuckDBBindings> {
	const db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
			eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	return db;
}

/**
 * Gives the instance back for the next engine: its database is dropped (`reset` closes it; the
 * next `open` starts an empty one with default settings) and so are the files registered on it,
 * which outlive a reset. One that fails to reset is left to the collector.
 */
function release(db: duckdb.DuckDBBindings): void {
	try {
		db.reset();
		db.dropFiles();
		idle.push(db);
	} catch {
		// Not reusable after all: dropped.
	}
}

/** `memoryLimit` (e.g. '24MB') stands in for a page's ~3 GB, to meet running out of memory. */
export async function createTestEngine(
	opts: { memoryLimit?: string } = {}
): Promise<SqlEngine & { close(): void; wasmMemoryBytes(): number }> {
	const db = idle.pop() ?? (await instantiate());
	db.open({});
	const conn = db.connect();
	let closed = false;
	// In place of the page's own limit: the configuration is locked at the end of the startup.
	const limit = `SET memory_limit='${opts.memoryLimit}'`;
	for (const stmt of STARTUP_SQL)
		conn.query(opts.memoryLimit && stmt.startsWith('SET memory_limit') ? limit : stmt);
	const run = <T>(fn: () => T, sql?: string): Result<T> => {
		try {
			return ok(fn());
		} catch (e) {
			const err = classifyEngineError(String((e as Error).message ?? e), sql);
			return { ok: false, error: err };
		}
	};
	const query = async (sql: string) => run(() => conn.query(sql) as Table, sql);
	// As the page's engine does: a prepared statement, so DuckDB refuses text holding two.
	const queryOne = async (sql: string) =>
		run(() => {
			const stmt = conn.prepare(sql);
			try {
				return stmt.query() as Table;
			} finally {
				stmt.close();
			}
		}, sql);
	return {
		query,
		queryOne,
		async check(sql) {
			return run(() => conn.prepare(sql).close(), sql);
		},
		// One caller at a time already: the blocking bundle answers before the next call starts.
		exclusive: (fn) => fn({ query, queryOne }),
		async registerFile(name, data) {
			const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
			const full = FILE_ROOT + name;
			db.registerFileBuffer(full, bytes);
			return ok(full);
		},
		async dropFile(name) {
			db.dropFile(FILE_ROOT + name);
		},
		async insertArrow(table, data, mode) {
			// Through IPC bytes: the blocking bundle is CommonJS and loads its own copy of
			// apache-arrow, which does not recognise Tables built with the ES module copy (its
			// insertArrowTable then silently inserts nothing).
			return run(() => {
				conn.insertArrowFromIPCStream(tableToIPC(data, 'stream'), {
					name: table,
					create: mode === 'create'
				});
			});
		},
		close() {
			if (closed) return;
			closed = true;
			// An instance that no longer answers, or one that ran under a test's own memory limit
			// (it may have failed in ways a reset does not undo), is not given back.
			let healthy = !opts.memoryLimit;
			try {
				conn.query('SELECT 1');
			} catch {
				healthy = false;
			}
			conn.close();
			if (healthy) release(db);
		},
		/**
		 * The size of the instance's wasm memory, which only grows: the peak of what DuckDB and its
		 * heap needed so far, on this instance and the engines it served before (a page's tab
		 * keeps that size too). The module's type extends Emscripten's, whose declarations the
		 * package does not bring, so its heap is named here.
		 */
		wasmMemoryBytes: () =>
			(db as unknown as { mod: { HEAPU8: Uint8Array } }).mod.HEAPU8.buffer.byteLength
	};
}

type TestEngine = Awaited<ReturnType<typeof createTestEngine>>;

/**
 * The engine of one test file: started before its first test (startup takes seconds on a busy
 * machine) and given its tables by `setUp`, closed after its last test, with `each` run on it
 * before every test (e.g. dropping the canonical tables). It is returned at once, so a file writes
 * `const engine = useTestEngine()` at its top and every call goes to the engine started for it.
 */
export function useTestEngine(
	opts: {
		setUp?: (engine: SqlEngine) => Promise<void>;
		each?: (engine: SqlEngine) => Promise<void>;
	} = {}
): TestEngine {
	let started: TestEngine | undefined;
	const current = (): TestEngine => {
		if (!started) throw new Error('the test engine was used outside a test');
		return started;
	};
	beforeAll(async () => {
		started = await createTestEngine();
		await opts.setUp?.(started);
	}, 120_000);
	afterAll(() => started?.close());
	const each = opts.each;
	if (each) beforeEach(() => each(current()));
	return new Proxy({} as TestEngine, {
		get(_, key) {
			const engine = current();
			const value: unknown = Reflect.get(engine, key);
			return typeof value === 'function' ? value.bind(engine) : value;
		},
		has: (_, key) => Reflect.has(current(), key)
	});
}
