// Loaded on start, not with the page's first script: the page paints before the engine arrives.
import type * as duckdb from '@duckdb/duckdb-wasm';
import { Table } from 'apache-arrow';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { inflateWasm } from './wasm-url.ts';
import { STARTUP_SQL, FILE_ROOT, type SqlEngine } from './types.ts';
import { classifyEngineError } from './errors.ts';
import { ok, fail, type Result } from '../lib/result.ts';

export type EngineState =
	| { phase: 'idle' }
	| { phase: 'loading'; loaded: number; total: number }
	| { phase: 'ready'; version: string; bundle: string }
	| { phase: 'failed'; detail: string };

/**
 * DuckDB in a Web Worker, started lazily, sandboxed before any user SQL, with queries returned as
 * Arrow tables or errors as values. One instance per page; `restart` replaces a crashed worker.
 */
export class BrowserEngine implements SqlEngine {
	#db: duckdb.AsyncDuckDB | null = null;
	#conn: duckdb.AsyncDuckDBConnection | null = null;
	#protocol: duckdb.DuckDBDataProtocol | null = null;
	#starting: Promise<Result<void>> | null = null;
	#listeners = new Set<(s: EngineState) => void>();
	#running = 0;
	#worker: Worker | null = null;
	#since: number | null = null;
	#interrupt: ((r: Result<Table>) => void) | null = null;
	#restartListeners = new Set<() => void | Promise<void>>();
	/** Resolves when no restart is under way (see `settled`). */
	#settled: Promise<void> = Promise.resolve();
	#settle = () => {};
	/** Restarts under way: a second one (a crash during a reload) extends the first. */
	#restarts = 0;
	/** One connection runs one query at a time; later queries wait their turn here. */
	#queue: Promise<unknown> = Promise.resolve();
	#generation = 0;
	#staleReason = 'engine.restarted';
	state: EngineState = { phase: 'idle' };

	onState(fn: (s: EngineState) => void): () => void {
		this.#listeners.add(fn);
		fn(this.state);
		return () => this.#listeners.delete(fn);
	}

	#set(s: EngineState) {
		this.state = s;
		for (const fn of this.#listeners) fn(s);
	}

	/** Starts the engine once; later calls share the same promise. */
	start(): Promise<Result<void>> {
		this.#starting ??= this.#boot();
		return this.#starting;
	}

	async #boot(): Promise<Result<void>> {
		try {
			this.#set({ phase: 'loading', loaded: 0, total: 0 });
			const duckdb = await import('@duckdb/duckdb-wasm');
			this.#protocol = duckdb.DuckDBDataProtocol.BROWSER_FILEREADER;
			const bundle = await duckdb.selectBundle({
				mvp: { mainModule: 'mvp', mainWorker: mvpWorker },
				eh: { mainModule: 'eh', mainWorker: ehWorker }
			});
			const kind = bundle.mainModule as 'eh' | 'mvp';
			const wasmUrl = await inflateWasm(kind, (loaded, total) =>
				this.#set({ phase: 'loading', loaded, total })
			);
			const worker = new Worker(bundle.mainWorker!);
			this.#worker = worker;
			const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
			await db.instantiate(wasmUrl);
			URL.revokeObjectURL(wasmUrl);
			await db.open({ query: { castBigIntToDouble: false } });
			const conn = await db.connect();
			for (const stmt of STARTUP_SQL) await conn.query(stmt);
			this.#db = db;
			this.#conn = conn;
			this.#set({ phase: 'ready', version: await db.getVersion(), bundle: kind });
			return ok(undefined);
		} catch (e) {
			const detail = e instanceof Error ? e.message : String(e);
			this.#starting = null;
			this.#set({ phase: 'failed', detail });
			return fail('engine.start', detail);
		}
	}

	async #ready(): Promise<Result<duckdb.AsyncDuckDBConnection>> {
		const started = await this.start();
		if (!started.ok) return started;
		return ok(this.#conn!);
	}

	/** Runs `fn` after every earlier call has settled. */
	#serial<T>(fn: () => Promise<Result<T>>): Promise<Result<T>> {
		// Work queued before a cancel or restart does not run on the new worker: it ends with
		// the reason, like the query that was running.
		const generation = this.#generation;
		const run = (): Promise<Result<T>> =>
			generation === this.#generation
				? fn()
				: Promise.resolve(fail<T>(this.#staleReason, 'stopped by a cancel or an engine restart'));
		const next = this.#queue.then(run, run);
		this.#queue = next.catch(() => undefined);
		return next;
	}

	query(sql: string): Promise<Result<Table>> {
		return this.#serial(() => this.#run(sql));
	}

	check(sql: string): Promise<Result<void>> {
		return this.#serial(async () => {
			const c = await this.#ready();
			if (!c.ok) return c;
			// Watched like a query: a dead worker never answers a prepare either, so the watch panel
			// must see it running and a restart must end it.
			this.#running++;
			this.#since = Date.now();
			const interrupted = new Promise<Result<void>>(
				(resolve) => (this.#interrupt = (r) => resolve(r.ok ? ok(undefined) : r))
			);
			const answered = c.value.prepare(sql).then(
				async (stmt): Promise<Result<void>> => {
					await stmt.close();
					return ok(undefined);
				},
				(e): Result<void> => ({
					ok: false,
					error: classifyEngineError(String((e as Error)?.message ?? e), sql)
				})
			);
			try {
				return await Promise.race([answered, interrupted]);
			} finally {
				this.#running--;
				this.#since = null;
				this.#interrupt = null;
			}
		});
	}

	queryOne(sql: string): Promise<Result<Table>> {
		return this.#serial(() => this.#run(sql, true));
	}

	exclusive<T>(fn: (db: Pick<SqlEngine, 'query' | 'queryOne'>) => Promise<Result<T>>) {
		return this.#serial(() =>
			fn({ query: (sql) => this.#run(sql), queryOne: (sql) => this.#run(sql, true) })
		);
	}

	async #run(sql: string, single = false): Promise<Result<Table>> {
		const c = await this.#ready();
		if (!c.ok) return c;
		this.#running++;
		this.#since = Date.now();
		// A query ends when DuckDB answers, or when the worker is thrown away under it (a cancel
		// DuckDB did not hear, a crashed worker): then it resolves to that reason at once.
		const interrupted = new Promise<Result<Table>>((resolve) => (this.#interrupt = resolve));
		try {
			// One message to the worker per query: DuckDB runs it to the end in one go. (Streaming
			// with `send` polls the worker per task and made the same statements twice as slow.)
			const answered = (single ? this.#prepared(c.value, sql) : c.value.query(sql)).then(
				(table): Result<Table> => ok(table as Table),
				(e): Result<Table> => ({
					ok: false,
					error: classifyEngineError(String((e as Error)?.message ?? e), sql)
				})
			);
			return await Promise.race([answered, interrupted]);
		} finally {
			this.#running--;
			this.#since = null;
			this.#interrupt = null;
		}
	}

	/**
	 * Runs `sql` as a prepared statement: DuckDB prepares exactly one statement and refuses text
	 * holding more ("Cannot prepare multiple statements at once!"), so nothing can ride along.
	 */
	async #prepared(conn: duckdb.AsyncDuckDBConnection, sql: string): Promise<Table> {
		const stmt = await conn.prepare(sql);
		try {
			return (await stmt.query()) as Table;
		} finally {
			await stmt.close().catch(() => undefined);
		}
	}

	/** Milliseconds the current query has been running, or null when idle. */
	runningFor(): number | null {
		return this.#since === null ? null : Date.now() - this.#since;
	}

	/**
	 * Stops the running query by replacing the worker (a running DuckDB statement cannot be
	 * interrupted from outside); the query resolves to 'engine.cancelled' at once and the
	 * restart listeners load the data again.
	 */
	async cancel(): Promise<boolean> {
		if (this.#running === 0) return false;
		await this.restart('engine.cancelled');
		return true;
	}

	/**
	 * Resolves once no restart is under way: the new worker has started and every restart listener
	 * (the data reload) has finished. Work that reads the user's tables waits for it, so it never
	 * reads them empty or half-loaded.
	 */
	settled(): Promise<void> {
		return this.#settled;
	}

	/** Whether a restart is under way: the tables are gone until its listeners load them again. */
	get restarting(): boolean {
		return this.#restarts > 0;
	}

	/** Called after every restart (the data loader re-imports the user's files). */
	onRestart(fn: () => void | Promise<void>): () => void {
		this.#restartListeners.add(fn);
		return () => this.#restartListeners.delete(fn);
	}

	async registerFile(name: string, data: Uint8Array | File): Promise<Result<string>> {
		const c = await this.#ready();
		if (!c.ok) return c;
		const full = FILE_ROOT + name;
		try {
			if (data instanceof Uint8Array) await this.#db!.registerFileBuffer(full, data);
			else await this.#db!.registerFileHandle(full, data, this.#protocol!, true);
			return ok(full);
		} catch (e) {
			return fail('engine.register', String((e as Error)?.message ?? e));
		}
	}

	async dropFile(name: string): Promise<void> {
		await this.#db?.dropFile(FILE_ROOT + name).catch(() => undefined);
	}

	insertArrow(table: string, data: Table, mode: 'create' | 'append'): Promise<Result<void>> {
		return this.#serial(() => this.#insert(table, data, mode));
	}

	async #insert(table: string, data: Table, mode: 'create' | 'append'): Promise<Result<void>> {
		const c = await this.#ready();
		if (!c.ok) return c;
		try {
			await c.value.insertArrowTable(data, { name: table, create: mode === 'create' });
			return ok(undefined);
		} catch (e) {
			return { ok: false, error: classifyEngineError(String((e as Error)?.message ?? e)) };
		}
	}

	/**
	 * Throws the worker away and starts a fresh one (after a crash or a runaway query). The query
	 * in flight resolves to `reason`; the tables are gone until the listeners load them again.
	 */
	async restart(reason = 'engine.restarted'): Promise<Result<void>> {
		const old = this.#worker;
		this.#interrupt?.(fail(reason, 'the engine was restarted'));
		this.#generation++;
		this.#staleReason = reason;
		this.#worker = null;
		this.#db = null;
		this.#conn = null;
		this.#starting = null;
		this.#running = 0;
		this.#since = null;
		this.#queue = Promise.resolve();
		// Killed from outside: a busy or dead worker would never answer a polite terminate().
		old?.terminate();
		if (this.#restarts++ === 0) this.#settled = new Promise((resolve) => (this.#settle = resolve));
		try {
			const started = await this.start();
			if (started.ok) for (const fn of this.#restartListeners) await fn();
			return started;
		} finally {
			if (--this.#restarts === 0) this.#settle();
		}
	}
}
