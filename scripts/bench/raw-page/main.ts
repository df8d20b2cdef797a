/**
 * Raw duckdb-wasm for the benchmark: the same DuckDB bundle the app uses, started the way its
 * README shows, with none of the app around it. The bench drives it through `window.rawBench`.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { FILE_ROOT, STARTUP_SQL } from '../../../src/engine/types.ts';

let db: duckdb.AsyncDuckDB | null = null;
let conn: duckdb.AsyncDuckDBConnection | null = null;

interface Timed {
	ms: number;
	error?: string;
}

async function start(): Promise<number> {
	const t0 = performance.now();
	db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(ehWorker));
	await db.instantiate(ehWasm);
	await db.open({ query: { castBigIntToDouble: false } });
	conn = await db.connect();
	// The app's sandbox, so statements behave the same (paths under /huitou/ only).
	for (const stmt of STARTUP_SQL) await conn.query(stmt);
	return performance.now() - t0;
}

/** Registers the file chosen in the input under the name the importer's SQL reads. */
async function register(name: string): Promise<void> {
	const input = document.querySelector<HTMLInputElement>('[data-testid=raw-file]')!;
	const file = input.files![0];
	await db!.registerFileHandle(
		FILE_ROOT + name,
		file,
		duckdb.DuckDBDataProtocol.BROWSER_FILEREADER,
		true
	);
}

async function run(sqls: string[]): Promise<Timed[]> {
	const out: Timed[] = [];
	for (const sql of sqls) {
		const t0 = performance.now();
		try {
			await conn!.query(sql);
			out.push({ ms: performance.now() - t0 });
		} catch (e) {
			out.push({ ms: performance.now() - t0, error: String(e) });
		}
	}
	return out;
}

/** DuckDB's own view of its memory (buffer manager), in bytes. */
async function engineMemory(): Promise<number> {
	const t = await conn!.query(
		'SELECT sum(memory_usage_bytes)::DOUBLE AS bytes FROM duckdb_memory()'
	);
	return Number(t.get(0)?.bytes ?? 0);
}

Object.assign(globalThis, { rawBench: { start, register, run, engineMemory } });
