import type { Table } from 'apache-arrow';
import type { Result } from '../lib/result.ts';

/**
 * What every layer above the engine may ask of DuckDB. The browser engine (a worker) and the
 * test engine (duckdb-wasm's blocking Node bundle) both implement it, so ingest and analyses
 * run the same code in tests and in the page.
 */
export interface SqlEngine {
	/** Runs one or more statements; the result is the last statement's Arrow table. */
	query(sql: string): Promise<Result<Table>>;
	/**
	 * Prepares exactly one statement without running it: ok when DuckDB parses and binds it. A
	 * syntax error fails with 'engine.syntax'.
	 */
	check(sql: string): Promise<Result<void>>;
	/** Runs exactly one statement; text holding more fails without running any of them. */
	queryOne(sql: string): Promise<Result<Table>>;
	/**
	 * Runs `fn` with the engine to itself: no other query runs between its statements (e.g. the
	 * statements of one transaction). `fn` queries through `db`, not through the engine.
	 */
	exclusive<T>(
		fn: (db: Pick<SqlEngine, 'query' | 'queryOne'>) => Promise<Result<T>>
	): Promise<Result<T>>;
	/** Makes bytes readable by SQL under `/huitou/<name>` (the only readable directory). */
	registerFile(name: string, data: Uint8Array | File): Promise<Result<string>>;
	dropFile(name: string): Promise<void>;
	/** Creates (or appends to) a table from an Arrow table. */
	insertArrow(table: string, data: Table, mode: 'create' | 'append'): Promise<Result<void>>;
}

/** The directory DuckDB may read; see ENGINE-NOTES "A sandbox that still allows later imports". */
export const FILE_ROOT = '/huitou/';

/**
 * Where tables live: a compressed in-memory database. A page has at most ~3 GB for DuckDB and no
 * disk to spill to, and compression stores imported orders in about a sixth of the memory (1M
 * orders: 63 MB instead of 400 MB), at the cost of slower writes. The notebook's base tables live
 * here too (src/notebook/base-tables.ts). The benchmark's native reference uses the same storage.
 */
export const HOME_DB = 'huitou';
export const STORAGE_SQL = [`ATTACH ':memory:' AS ${HOME_DB} (COMPRESS)`, `USE ${HOME_DB}`];

/**
 * Where SQL cells that may change data write: a database of its own, off the search path of every
 * other query (a macro there could otherwise stand in for a built-in function in the analyses).
 * DuckDB lets one transaction write to one attached database only, which is what keeps such a cell
 * away from the canonical tables (see sql-cell-run.ts).
 */
export const SCRATCH_DB = 'scratch';

/**
 * DuckDB's ceiling for its own memory. Without it DuckDB takes 80 % of what the wasm build reports
 * (≈ 3.1 GiB), which leaves the wasm heap too little beside it, so a huge query died in `malloc`
 * with the tab; under it the query fails with an Out of Memory error the app can explain. Not
 * lower: a 5M-order import needs about 2.7 GB of DuckDB's memory in the page (see Performance).
 */
const MEMORY_LIMIT = '2.8GB';

/** Statements run once at start, before any user SQL: the storage, then the sandbox. */
export const STARTUP_SQL = [
	...STORAGE_SQL,
	`ATTACH ':memory:' AS ${SCRATCH_DB}`,
	`SET memory_limit='${MEMORY_LIMIT}'`,
	// No extension fetches, no paths but ours.
	'SET autoload_known_extensions=false',
	'SET autoinstall_known_extensions=false',
	`SET allowed_directories=['${FILE_ROOT}']`,
	'SET enable_external_access=false',
	// Last: user SQL could otherwise switch extension autoloading back on.
	'SET lock_configuration=true'
];
