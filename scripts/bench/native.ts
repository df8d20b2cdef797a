/**
 * The benchmark's reference: native DuckDB behind the app's SqlEngine interface
 * (src/engine/native.ts, in the page's compressed in-memory storage), so the app's own importer
 * runs unchanged against it, and a replay of the exact analysis SQL the app sent to its engine.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { createNativeSqlEngine, openDiskFile } from '../../src/engine/native.ts';
import { importFiles } from '../../src/ingest/import.ts';
import { ensureContactsTableSql } from '../../src/ingest/contacts.ts';
import type { TimedStatement } from './types.ts';

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
async function replay(conn: DuckDBConnection, sqls: string[]): Promise<TimedStatement[]> {
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
		const source = await openDiskFile(file);
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
