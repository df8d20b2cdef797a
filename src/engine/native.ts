/**
 * Native DuckDB (@duckdb/node-api, the same DuckDB version as the wasm build, one patch later)
 * behind the SqlEngine interface, so the page's importer, analyses and notebook run unchanged on
 * all cores with a disk to spill to: the command line (src/cli), the benchmark's reference and
 * the tests' cross-checks. Node only: nothing the page bundles imports this file.
 *
 * `/huitou/<name>` in SQL is rewritten to a private temp directory holding (a link to) each
 * registered file, so DuckDB reads a file on disk where it lies, as the page's DuckDB reads the
 * chosen File without copying it.
 */
import { mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	DuckDBInstance,
	DuckDBTimestampValue,
	DuckDBTypeId,
	type DuckDBConnection,
	type DuckDBType
} from '@duckdb/node-api';
import {
	Bool,
	Float64,
	Int32,
	Int64,
	Table,
	TimestampMillisecond,
	Type,
	Utf8,
	vectorFromArray,
	type DataType,
	type Vector
} from 'apache-arrow';
import { classifyEngineError } from './errors.ts';
import { FILE_ROOT, STORAGE_SQL, type SqlEngine } from './types.ts';
import { ident, literal } from '../lib/sql.ts';
import { fail, ok } from '../lib/result.ts';

/** One statement the engine ran and how long it took. */
interface TimedStatement {
	sql: string;
	ms: number;
	error?: string;
}

export interface NativeEngineOptions {
	/**
	 * A DuckDB database file to keep the tables in (created if missing); it is also where tables
	 * larger than memory live. Without it, the page's storage: a compressed in-memory database.
	 */
	database?: string;
	/** Where DuckDB spills joins, sorts and aggregates that do not fit in `memoryLimit`. */
	tempDirectory?: string;
	/** DuckDB's `memory_limit`, e.g. '4GB'; DuckDB's default is 80% of the machine's memory. */
	memoryLimit?: string;
	/**
	 * Lock DuckDB down as the page does: only registered files readable, no extensions, no other
	 * paths or URLs, configuration locked. Notebooks are untrusted input, and their SQL cells run.
	 */
	sandbox?: boolean;
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
 * The importer's scratch tables (`__ingest_…`, `__read_…`) and the notebook's base tables
 * (`__base_…`): with a database file, they are made temp tables, which DuckDB keeps uncompressed
 * in memory and spills to its temp directory. Written to the file instead, each would be
 * compressed on the way in (and the importer's dropped a moment later): at 1M orders that made the
 * staging of the CSV cost seven times the CPU of the read itself. The page keeps them in its
 * compressed in-memory database, where memory, not CPU, is what runs out.
 */
const SCRATCH_TABLE = /CREATE OR REPLACE TABLE ("?__(?:ingest|read|base)_)/g;

/** Files opened from disk, by the Blob the importer is handed, so registering one links it. */
const diskPaths = new WeakMap<Blob, string>();

/** Bytes per read when a file on disk is streamed. */
const DISK_CHUNK_BYTES = 1024 * 1024;

/**
 * A byte range of a file on disk, read only when asked. Node 20's `fs.openAsBlob` keeps a file's
 * length in 32 bits, so a 5.0 GB export came out as a 709 MB Blob (its size wrapped at 4 GiB,
 * and reads stopped there); this one carries the size as a plain number.
 */
class DiskFile extends File {
	readonly #path: string;
	readonly #start: number;
	readonly #end: number;

	constructor(file: string, name: string, start: number, end: number, lastModified: number) {
		super([], name, { lastModified });
		this.#path = file;
		this.#start = start;
		this.#end = end;
	}

	override get size(): number {
		return this.#end - this.#start;
	}

	/** As `Blob.slice`: negative positions count from the end, and both are clamped to the range. */
	override slice(start = 0, end = this.size): DiskFile {
		const at = (i: number) => Math.min(this.size, Math.max(0, i < 0 ? this.size + i : i));
		const from = at(start);
		const to = Math.max(from, at(end));
		return new DiskFile(
			this.#path,
			this.name,
			this.#start + from,
			this.#start + to,
			this.lastModified
		);
	}

	override async arrayBuffer(): Promise<ArrayBuffer> {
		const bytes = new Uint8Array(this.size);
		const handle = await open(this.#path, 'r');
		try {
			for (let done = 0; done < bytes.length;) {
				const { bytesRead } = await handle.read(
					bytes,
					done,
					bytes.length - done,
					this.#start + done
				);
				if (bytesRead === 0) break;
				done += bytesRead;
			}
		} finally {
			await handle.close();
		}
		return bytes.buffer;
	}

	override async text(): Promise<string> {
		return new TextDecoder().decode(await this.arrayBuffer());
	}

	override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
		let position = 0;
		return new ReadableStream<Uint8Array<ArrayBuffer>>({
			pull: async (controller) => {
				if (position >= this.size) return controller.close();
				const end = Math.min(this.size, position + DISK_CHUNK_BYTES);
				controller.enqueue(new Uint8Array(await this.slice(position, end).arrayBuffer()));
				position = end;
			}
		});
	}
}

/** A file on disk as the importer sees a chosen file, without reading it into memory. */
export async function openDiskFile(file: string): Promise<File> {
	const { size, mtimeMs } = statSync(file);
	const source = new DiskFile(file, path.basename(file), 0, size, mtimeMs);
	diskPaths.set(source, path.resolve(file));
	return source;
}

/** How a DuckDB result column becomes an Arrow column the app's decoder reads as the page's. */
function arrowTypeOf(type: DuckDBType): DataType {
	switch (type.typeId) {
		case DuckDBTypeId.BOOLEAN:
			return new Bool();
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.USMALLINT:
			return new Int32();
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UINTEGER:
			return new Int64();
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
		case DuckDBTypeId.FLOAT:
		case DuckDBTypeId.DOUBLE:
		case DuckDBTypeId.DECIMAL:
			return new Float64();
		case DuckDBTypeId.DATE:
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_S:
		case DuckDBTypeId.TIMESTAMP_MS:
		case DuckDBTypeId.TIMESTAMP_NS:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return new TimestampMillisecond();
		default:
			return new Utf8();
	}
}

/** A value as the Arrow column of `arrowTypeOf` holds it. */
function arrowValue(v: unknown, type: DataType): unknown {
	if (v === null || v === undefined) return null;
	switch (type.typeId) {
		case Type.Int:
			return (type as Int32 | Int64).bitWidth === 64 ? BigInt(v as number | bigint) : Number(v);
		case Type.Float:
			return Number(v);
		case Type.Timestamp:
			return (v as Date).getTime();
		case Type.Bool:
			return v;
		default:
			return typeof v === 'string'
				? v
				: JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? Number(x) : x));
	}
}

/** DuckDB column types for an Arrow table appended through insertArrow. */
function duckTypeOf(type: DataType): string {
	switch (type.typeId) {
		case Type.Int:
			return (type as Int32 | Int64).bitWidth === 64 ? 'BIGINT' : 'INTEGER';
		case Type.Float:
			return 'DOUBLE';
		case Type.Bool:
			return 'BOOLEAN';
		case Type.Timestamp:
		case Type.Date:
			return 'TIMESTAMP';
		default:
			return 'VARCHAR';
	}
}

export async function createNativeSqlEngine(
	options: NativeEngineOptions = {}
): Promise<NativeSqlEngine> {
	const instance = await DuckDBInstance.create(options.database ?? ':memory:');
	const connection = await instance.connect();
	const dir = mkdtempSync(path.join(tmpdir(), 'huitou-native-'));
	const setup = [
		// The page's storage (compressed in-memory tables) unless the tables go to a file.
		...(options.database ? [] : STORAGE_SQL),
		...(options.tempDirectory ? [`SET temp_directory=${literal(options.tempDirectory)}`] : []),
		...(options.memoryLimit ? [`SET memory_limit=${literal(options.memoryLimit)}`] : []),
		...(options.sandbox
			? [
					'SET autoload_known_extensions=false',
					'SET autoinstall_known_extensions=false',
					`SET allowed_directories=[${literal(dir + '/')}]`,
					'SET enable_external_access=false',
					'SET lock_configuration=true'
				]
			: [])
	];
	for (const sql of setup) await connection.run(sql);
	const mapPaths = (sql: string) => {
		const mapped = sql.replaceAll(`'${FILE_ROOT}`, `'${dir}/`);
		return options.database
			? mapped.replace(SCRATCH_TABLE, 'CREATE OR REPLACE TEMP TABLE $1')
			: mapped;
	};
	/**
	 * Runs SQL; `single` as one prepared statement, which DuckDB refuses for text holding more than
	 * one (the page's engine does the same), so nothing can ride along.
	 */
	const run = async (sql: string, single: boolean) => {
		const t0 = performance.now();
		try {
			const reader = single
				? await (await connection.prepare(mapPaths(sql))).runAndReadAll()
				: await connection.runAndReadAll(mapPaths(sql));
			const names = reader.columnNames();
			const types = reader.columnTypes().map(arrowTypeOf);
			const columns = reader.getColumnsJS();
			const vectors: Record<string, Vector> = {};
			names.forEach((name, i) => {
				const type = types[i];
				// An empty result has no chunks, so no columns: its types still come through.
				const values = (columns[i] ?? []).map((v) => arrowValue(v, type));
				vectors[name] = vectorFromArray(values, type) as Vector;
			});
			engine.log.push({ sql, ms: performance.now() - t0 });
			return ok(new Table(vectors));
		} catch (e) {
			const message = String((e as Error).message ?? e);
			engine.log.push({ sql, ms: performance.now() - t0, error: message });
			return { ok: false as const, error: classifyEngineError(message, sql) };
		}
	};
	const engine: NativeSqlEngine = {
		log: [],
		registered: [],
		copyMs: 0,
		connection,
		query: (sql) => run(sql, false),
		queryOne: (sql) => run(sql, true),
		// Statements run one at a time on this connection already, as the page's engine serialises.
		exclusive: (fn) => fn(engine),
		async check(sql) {
			try {
				(await connection.prepare(mapPaths(sql))).destroySync();
				return ok(undefined);
			} catch (e) {
				return { ok: false, error: classifyEngineError(String((e as Error).message ?? e), sql) };
			}
		},
		async registerFile(name, data) {
			const target = path.join(dir, name);
			const onDisk = data instanceof Uint8Array ? undefined : diskPaths.get(data);
			if (onDisk) symlinkSync(onDisk, target);
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
		async insertArrow(table, data, mode) {
			try {
				const fields = data.schema.fields;
				if (mode === 'create') {
					const columns = fields.map((f) => `${ident(f.name)} ${duckTypeOf(f.type)}`);
					await connection.run(`CREATE TABLE ${ident(table)} (${columns.join(', ')})`);
				}
				const appender = await connection.createAppender(table);
				const vectors = fields.map((f) => data.getChild(f.name)!);
				for (let row = 0; row < data.numRows; row++) {
					fields.forEach((f, c) => appendValue(appender, vectors[c].get(row), f.type));
					appender.endRow();
				}
				appender.closeSync();
				return ok(undefined);
			} catch (e) {
				return fail('engine.query', String((e as Error).message ?? e));
			}
		},
		close() {
			connection.closeSync();
			instance.closeSync();
			rmSync(dir, { recursive: true, force: true });
		}
	};
	return engine;
}

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

function appendValue(appender: Appender, v: unknown, type: DataType): void {
	if (v === null || v === undefined) return appender.appendNull();
	switch (type.typeId) {
		case Type.Int:
			if ((type as Int32 | Int64).bitWidth === 64) appender.appendBigInt(BigInt(v as bigint));
			else appender.appendInteger(Number(v));
			return;
		case Type.Float:
			return appender.appendDouble(Number(v));
		case Type.Bool:
			return appender.appendBoolean(Boolean(v));
		case Type.Timestamp:
		case Type.Date: {
			const ms = v instanceof Date ? v.getTime() : Number(v);
			return appender.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.round(ms)) * 1000n));
		}
		default:
			return appender.appendVarchar(String(v));
	}
}
