/**
 * The benchmark's reference: native DuckDB (@duckdb/node-api, the same DuckDB version as the wasm
 * build) behind the app's SqlEngine interface, so the app's own importer runs unchanged against
 * it, and a replay of the exact analysis SQL the app sent to its engine.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromJSON, type Table } from 'apache-arrow';
import { FILE_ROOT, STORAGE_SQL, type SqlEngine } from '../../src/engine/types.ts';
import { importFiles, type ImportSource } from '../../src/ingest/import.ts';
import { ensureContactsTableSql } from '../../src/ingest/contacts.ts';
import { fail, ok } from '../../src/lib/result.ts';
import type { TimedStatement } from './types.ts';

/** A file on disk as the importer sees a chosen file, without reading it into memory. */
const sourcePaths = new WeakMap<Blob, string>();

export async function openSource(file: string): Promise<ImportSource> {
	const source = new File([await openAsBlob(file)], path.basename(file));
	sourcePaths.set(source, file);
	return source;
}

/** Plain JS values Arrow can infer: 64-bit integers as numbers, anything exotic as text. */
function toArrowValue(v: unknown): unknown {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	if (v instanceof Date) return v;
	return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? Number(x) : x));
}

export interface NativeSqlEngine extends SqlEngine {
	/** Every statement the engine ran, in order, with its time. */
	log: TimedStatement[];
	/** Files registered, by the name the SQL reads them under. */
	registered: string[];
	/** Milliseconds spent copying in-memory bytes to disk (the adapter's cost, not DuckDB's). */
	copyMs: number;
	connection: DuckDBConnection;
	close(): void;
}

/**
 * `/huitou/<name>` in SQL is rewritten to a private temp directory holding (a link to) the file:
 * native DuckDB reads the real file from disk, as the page's DuckDB reads the chosen File.
 */
export async function createNativeSqlEngine(): Promise<NativeSqlEngine> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	// The page's storage (compressed in-memory tables), so native does the same work.
	for (const sql of STORAGE_SQL) await connection.run(sql);
	const dir = mkdtempSync(path.join(tmpdir(), 'huitou-bench-'));
	const mapPaths = (sql: string) => sql.replaceAll(`'${FILE_ROOT}`, `'${dir}/`);
	const engine: NativeSqlEngine = {
		log: [],
		registered: [],
		copyMs: 0,
		connection,
		async query(sql) {
			const t0 = performance.now();
			try {
				const reader = await connection.runAndReadAll(mapPaths(sql));
				const rows = reader
					.getRowObjectsJS()
					.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toArrowValue(v)])));
				engine.log.push({ sql, ms: performance.now() - t0 });
				return ok(tableFromJSON(rows) as unknown as Table);
			} catch (e) {
				engine.log.push({ sql, ms: performance.now() - t0, error: String(e) });
				return fail('engine.native', String((e as Error).message ?? e), sql);
			}
		},
		async registerFile(name, data) {
			const target = path.join(dir, name);
			const onDisk = data instanceof Uint8Array ? undefined : sourcePaths.get(data);
			if (onDisk) symlinkSync(path.resolve(onDisk), target);
			else {
				const t0 = performance.now();
				const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
				writeFileSync(target, bytes);
				engine.copyMs += performance.now() - t0;
			}
			engine.registered.push(name);
			return ok(FILE_ROOT + name);
		},
		async dropFile(name) {
			rmSync(path.join(dir, name), { force: true });
		},
		async insertArrow() {
			// The sample files have no blank lines, the only case where the CSV importer inserts Arrow.
			return fail('engine.native', 'insertArrow is not supported by the benchmark adapter');
		},
		close() {
			connection.closeSync();
			instance.closeSync();
			rmSync(dir, { recursive: true, force: true });
		}
	};
	return engine;
}

export interface NativeRun {
	/** importFiles wall time: the importer's JS (preview, blank-line scan) and every statement. */
	loadMs: number;
	/** The part of loadMs spent inside DuckDB. */
	loadSqlMs: number;
	/** The load's statements, for the raw duckdb-wasm replay. */
	loadStatements: TimedStatement[];
	/** The file name the importer registered (raw duckdb-wasm registers the file under it). */
	registeredAs: string;
	rows: number;
	renderMs: number;
	render: TimedStatement[];
	paramMs: number;
	param: TimedStatement[];
}

/** Runs statements one after another, as the app's engine does; stops at the first error. */
export async function replay(conn: DuckDBConnection, sqls: string[]): Promise<TimedStatement[]> {
	const out: TimedStatement[] = [];
	for (const sql of sqls) {
		const t0 = performance.now();
		try {
			const reader = await conn.runAndReadAll(sql);
			reader.getRowObjectsJS();
			out.push({ sql, ms: performance.now() - t0 });
		} catch (e) {
			out.push({ sql, ms: performance.now() - t0, error: String(e) });
		}
	}
	return out;
}

const total = (xs: TimedStatement[]) => xs.reduce((s, x) => s + x.ms, 0);

/** The native reference for one file: the importer, then the app's analysis SQL, then the re-render's. */
export async function runNative(
	file: string,
	renderSql: string[],
	paramSql: string[],
	now: Date
): Promise<NativeRun> {
	const engine = await createNativeSqlEngine();
	try {
		const source = await openSource(file);
		const t0 = performance.now();
		// The mapping the app's import dialog proposes, accepted as the bench accepts it in the page.
		const imported = await importFiles(engine, [source], {
			now,
			mappingFor: async (request) => request.proposed
		});
		if (!imported.ok)
			throw new Error(`native import failed: ${imported.error.code} ${imported.error.detail}`);
		// As the app's data loader does after an order import; the cells read the table either way.
		await engine.query(ensureContactsTableSql);
		const loadMs = performance.now() - t0 - engine.copyMs;
		const loadStatements = [...engine.log];
		const r0 = performance.now();
		const render = await replay(engine.connection, renderSql);
		const renderMs = performance.now() - r0;
		const p0 = performance.now();
		const param = await replay(engine.connection, paramSql);
		const paramMs = performance.now() - p0;
		return {
			loadMs,
			loadSqlMs: total(loadStatements),
			loadStatements,
			registeredAs: engine.registered[0] ?? '',
			// `totals.orders` counts paid orders; the file holds the others too.
			rows:
				imported.value.totals.orders +
				Object.values(imported.value.totals.otherOrders).reduce((a, b) => a + b, 0),
			renderMs,
			render,
			paramMs,
			param
		};
	} finally {
		engine.close();
	}
}
