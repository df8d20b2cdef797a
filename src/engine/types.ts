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
 * orders: 63 MB instead of 400 MB), at the cost of slower writes. Temp tables (the notebook's base
 * tables) stay uncompressed, for speed. The benchmark's native reference uses the same storage.
 */
export const STORAGE_SQL = ["ATTACH ':memory:' AS huitou (COMPRESS)", 'USE huitou'];

/** Statements run once at start, before any user SQL: the storage, then the sandbox. */
export const STARTUP_SQL = [
	...STORAGE_SQL,
	// No extension fetches, no paths but ours.
	'SET autoload_known_extensions=false',
	'SET autoinstall_known_extensions=false',
	`SET allowed_directories=['${FILE_ROOT}']`,
	'SET enable_external_access=false',
	// Last: user SQL could otherwise switch extension autoloading back on.
	'SET lock_configuration=true'
];
