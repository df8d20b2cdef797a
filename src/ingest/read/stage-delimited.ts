import { Table, makeVector } from 'apache-arrow';
import type { SqlEngine } from '../../engine/types.ts';
import type { Failure } from '../../lib/result.ts';
import { ident, literal } from '../../lib/sql.ts';
import type { EncodingName, RejectedRow } from './types.ts';
import { LINE_COLUMN } from './header.ts';
import { MAX_LINE_BYTES, MAX_REJECTED_LISTED } from './limits.ts';
import { ReadError, throwIfAborted } from './read-error.ts';
import { readAsUtf8, scanBlankLines } from './text-source.ts';

export interface DelimitedSource {
	file: Blob;
	compressed: boolean;
	encoding: EncodingName;
	delimiter: string;
	header: string[];
	/** Data records to drop, 1-based after the header (blank lines do not count). */
	skipRows: number[];
	/** Line of the header; DuckDB skips the lines above it (title lines, blank lines). */
	headerLine: number;
}

export interface StageProgress {
	signal?: AbortSignal;
	onBytes: (phase: 'reading' | 'decoding', bytes: number) => void;
	/** Loading has begun; then, when the file loads in pieces, the rows loaded so far. */
	onLoading: (rows?: number) => void;
}

/**
 * Bytes of delimited text DuckDB loads per statement. A statement holds the rows it appends
 * uncompressed until it commits (about 1.6 times the file's bytes, all text), and only then are
 * they compressed (about a sixth). On 5M orders (a 485 MB file) one statement grew the page's
 * memory by about 1 GB; in pieces of this size (five) it grew by about half that, and took no
 * longer: each piece reads the file from its start again, but the parse is the cheap part.
 */
export const STAGE_PIECE_BYTES = 100 * 1024 ** 2;

/**
 * Loads delimited text into `table` with DuckDB's CSV reader. UTF-8 files are registered as they
 * are; anything else is first converted to UTF-8 in JS. Rows DuckDB cannot read (ragged, bad
 * quotes, too long) are collected with their line number instead of failing the file.
 */
export async function stageDelimited(
	engine: SqlEngine,
	source: DelimitedSource,
	table: string,
	progress: StageProgress,
	pieceBytes = STAGE_PIECE_BYTES
): Promise<{ rejected: RejectedRow[]; warnings: Failure[] }> {
	const direct = source.encoding === 'utf-8' && !source.compressed;
	let loaded = await loadOnce(engine, source, table, progress, direct, pieceBytes);
	if (direct && loaded.rejected.some((r) => r.invalidEncoding)) {
		// The sample was UTF-8 but a later part is not (mixed encodings): DuckDB refuses those
		// rows, so convert the whole file with replacement characters and load it again.
		loaded = await loadOnce(engine, source, table, progress, false, pieceBytes);
	}
	const skipped = await skipRecords(engine, table, source, loaded.blankLines);
	const rejected = loaded.rejected
		.filter((r) => !skipped.has(r.line))
		.map(({ line, reason, raw }) => ({ line, reason, raw }));
	const warnings: Failure[] = [];
	if (loaded.lenient)
		warnings.push({
			code: 'read.lenient',
			detail: 'the file breaks CSV rules (e.g. mixed line ends) and was read leniently'
		});
	if (loaded.replaced > 0)
		warnings.push({
			code: 'read.invalid-utf8',
			detail: `${loaded.replaced} characters could not be decoded as ${source.encoding} and were replaced by �`
		});
	return { rejected, warnings };
}

/**
 * The statement that reads a UTF-8 delimited file into the staging table: every column VARCHAR,
 * plus its line. With `rejects`, unreadable rows are kept there with their lines (the page lists
 * them); without, they are left out (the `.sql` export, where DuckDB's CLI has no one to tell).
 *
 * With `piece`, it loads the rows from `offset` on, at most `limit` of them: the first piece makes
 * the table, the others append. Every piece reads the file from its start, so each row has the
 * same number (and the same rows are rejected) in every piece, and a piece that reaches the end
 * of the file has seen every rejected row.
 */
export function buildStageCsvSql(o: {
	table: string;
	path: string;
	header: readonly string[];
	headerLine: number;
	delimiter: string;
	strict: boolean;
	compressed?: boolean;
	rejects?: { table: string; scan: string };
	piece?: { offset: number; limit: number };
}): string {
	const columns = o.header.map((h) => `${literal(h)}: 'VARCHAR'`).join(', ');
	const rejects = o.rejects
		? `store_rejects=true, rejects_table=${literal(o.rejects.table)}, rejects_scan=${literal(o.rejects.scan)}`
		: 'ignore_errors=true';
	const rows =
		`SELECT *, (row_number() OVER () + ${o.headerLine})::BIGINT AS ${ident(LINE_COLUMN)} ` +
		// `skip` counts lines as DuckDB numbers them, and skipped lines are not parsed: a
		// ragged title line above the header is neither loaded nor rejected.
		`FROM read_csv(${literal(o.path)}, auto_detect=false, header=true, skip=${o.headerLine - 1}, ` +
		`delim=${literal(o.delimiter)}, quote='"', escape='"', columns={${columns}}, ` +
		(o.compressed ? `compression='gzip', ` : '') +
		// DuckDB's read buffer would be 16 × max_line_size (256 MB) of the page's ~3 GB.
		`max_line_size=${MAX_LINE_BYTES}, buffer_size=${2 * MAX_LINE_BYTES}, ` +
		`strict_mode=${o.strict}, ${rejects})`;
	if (!o.piece) return `CREATE OR REPLACE TABLE ${ident(o.table)} AS ${rows}`;
	const { offset, limit } = o.piece;
	// The window numbers the rows before LIMIT and OFFSET pick this piece's.
	const piece = `SELECT * FROM (${rows}) LIMIT ${limit}${offset ? ` OFFSET ${offset}` : ''}`;
	return offset === 0
		? `CREATE OR REPLACE TABLE ${ident(o.table)} AS ${piece}`
		: `INSERT INTO ${ident(o.table)} ${piece}`;
}

/**
 * Rows per piece for `pieceBytes` of text each, from the length of the first lines, or undefined
 * when the file takes one statement.
 */
async function rowsPerPiece(
	data: Blob | Uint8Array,
	pieceBytes: number
): Promise<number | undefined> {
	const size = data instanceof Uint8Array ? data.byteLength : data.size;
	if (size <= pieceBytes) return undefined;
	const head =
		data instanceof Uint8Array
			? data.subarray(0, 1024 ** 2)
			: new Uint8Array(await data.slice(0, 1024 ** 2).arrayBuffer());
	let lines = 0;
	for (const byte of head) if (byte === 0x0a) lines++;
	const rows = (size / head.byteLength) * Math.max(lines, 1);
	return Math.max(1, Math.ceil(rows / Math.ceil(size / pieceBytes)));
}

interface DuckReject extends RejectedRow {
	invalidEncoding: boolean;
}

async function loadOnce(
	engine: SqlEngine,
	source: DelimitedSource,
	table: string,
	progress: StageProgress,
	direct: boolean,
	pieceBytes: number
): Promise<{ rejected: DuckReject[]; replaced: number; blankLines: number[]; lenient: boolean }> {
	let data: Uint8Array | File;
	let blankLines: number[];
	let replaced = 0;
	if (direct) {
		blankLines = await scanBlankLines(source.file, source.delimiter, progress.signal, (n) =>
			progress.onBytes('reading', n)
		);
		data =
			source.file instanceof File ? source.file : new Uint8Array(await source.file.arrayBuffer());
	} else {
		const text = await readAsUtf8(
			source.file,
			source.encoding,
			source.delimiter,
			source.compressed,
			progress.signal,
			(n) => progress.onBytes('decoding', n)
		);
		({ bytes: data, blankLines, replaced } = text);
	}
	throwIfAborted(progress.signal);
	progress.onLoading();

	const suffix = Math.random().toString(36).slice(2, 10);
	const fileName = `read-${suffix}.csv`;
	const rejectsTable = `__read_rejects_${suffix}`;
	const rejectsScan = `__read_scan_${suffix}`;
	const registered = await engine.registerFile(fileName, data);
	if (!registered.ok) throw new ReadError('read.register', registered.error.detail);
	const pieceRows = await rowsPerPiece(data, pieceBytes);
	try {
		const statement = (strict: boolean, piece?: { offset: number; limit: number }) =>
			`DROP TABLE IF EXISTS ${ident(rejectsTable)}; DROP TABLE IF EXISTS ${ident(rejectsScan)}; ` +
			buildStageCsvSql({
				table,
				path: registered.value,
				header: source.header,
				headerLine: source.headerLine,
				delimiter: source.delimiter,
				strict,
				rejects: { table: rejectsTable, scan: rejectsScan },
				...(piece ? { piece } : {})
			});
		const load = async (strict: boolean) => {
			if (pieceRows === undefined) return engine.query(statement(strict));
			// Piece after piece until one comes short: that one read the file to its end.
			for (let offset = 0; ; offset += pieceRows) {
				throwIfAborted(progress.signal);
				const made = await engine.query(statement(strict, { offset, limit: pieceRows }));
				if (!made.ok) return made;
				const counted = await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${ident(table)}`);
				if (!counted.ok) return counted;
				const rows = Number(counted.value.get(0)?.n ?? 0);
				progress.onLoading(rows);
				if (rows < offset + pieceRows) return made;
			}
		};
		let created = await load(true);
		// Strict parsing gives each bad row its own rejection, but some damage (a lone \r line end
		// amid \n ones) stops the whole file instead: then read leniently and say so.
		const lenient = !created.ok && /state machine|strict_mode/i.test(created.error.detail);
		if (lenient) created = await load(false);
		if (!created.ok) throw new ReadError('read.load', created.error.detail);
		const rejected = await readRejects(engine, rejectsTable);
		await numberLines(engine, table, rejectsTable, blankLines, source.headerLine);
		return { rejected, replaced, blankLines, lenient };
	} finally {
		await engine.query(
			`DROP TABLE IF EXISTS ${ident(rejectsTable)}; DROP TABLE IF EXISTS ${ident(rejectsScan)}`
		);
		await engine.dropFile(fileName);
	}
}

/** One entry per rejected line (DuckDB may report several errors for one line). */
async function readRejects(engine: SqlEngine, rejectsTable: string): Promise<DuckReject[]> {
	const result = await engine.query(
		`SELECT line, arg_min(error_type, byte_position) AS type, arg_min(error_message, byte_position) AS message, ` +
			`arg_min(csv_line, byte_position) AS raw FROM ${ident(rejectsTable)} GROUP BY line ORDER BY line ` +
			`LIMIT ${MAX_REJECTED_LISTED + 1}`
	);
	if (!result.ok) throw new ReadError('read.load', result.error.detail);
	return result.value.toArray().map((row) => {
		const type = String(row.type);
		const raw = String(row.raw ?? '').replace(/^[\r\n]+/, '');
		return {
			line: Number(row.line),
			reason: `${type.toLowerCase()}: ${String(row.message)}`,
			raw: raw.length > 1000 ? `${raw.slice(0, 1000)}…` : raw,
			invalidEncoding: type === 'INVALID ENCODING'
		};
	});
}

/**
 * Moves each row from its provisional line n + h (n = 1, 2, … among loaded rows, h = `headerLine`, the header’s
 * line) to its real one. Lines h + 1, h + 2, … go to loaded rows except the excluded ones
 * (rejected or blank). With exclusions e_1 < e_2 < …, g_i = e_i − h − i loaded rows precede e_i,
 * so row n sits at n + h + #{i : g_i < n}. Usually there are none and nothing is updated.
 */
async function numberLines(
	engine: SqlEngine,
	table: string,
	rejectsTable: string,
	blankLines: number[],
	headerLine: number
): Promise<void> {
	const blankTable = `${rejectsTable}_blank`;
	const stepsTable = `${rejectsTable}_steps`;
	const run = async (sql: string) => {
		const result = await engine.query(sql);
		if (!result.ok) throw new ReadError('read.load', result.error.detail);
		return result.value;
	};
	try {
		let blanks = '';
		if (blankLines.length) {
			const inserted = await engine.insertArrow(
				blankTable,
				// A typed array becomes a vector without Arrow's builders (which use eval, refused by our CSP).
				new Table({ line: makeVector(BigInt64Array.from(blankLines, (n) => BigInt(n))) }),
				'create'
			);
			if (!inserted.ok) throw new ReadError('read.load', inserted.error.detail);
			blanks = `UNION SELECT line FROM ${ident(blankTable)}`;
		}
		// Steps: after g loaded rows, k lines have been skipped in all.
		const steps = await run(
			`CREATE TEMP TABLE ${ident(stepsTable)} AS SELECT g, max(k)::BIGINT AS k FROM (` +
				`SELECT line - ${headerLine} - row_number() OVER (ORDER BY line) AS g, row_number() OVER (ORDER BY line) AS k ` +
				`FROM (SELECT DISTINCT line FROM (SELECT line FROM ${ident(rejectsTable)} ${blanks}) WHERE line > ${headerLine})) ` +
				`GROUP BY g; SELECT g, k FROM ${ident(stepsTable)} ORDER BY g DESC LIMIT ${CASE_STEPS + 1}`
		);
		if (steps.numRows === 0) return;
		const line = ident(LINE_COLUMN);
		const lines = steps.toArray().map((r) => ({ g: Number(r.g), k: Number(r.k) }));
		const first = lines.at(-1)!.g;
		if (lines.length <= CASE_STEPS) {
			// A few steps: one CASE per row costs no more than adding 1.
			const cases = lines
				.map(({ g, k }) => `WHEN ${line} - ${headerLine} > ${g} THEN ${k}`)
				.join(' ');
			await run(
				`UPDATE ${ident(table)} SET ${line} = ${line} + CASE ${cases} ELSE 0 END WHERE ${line} - ${headerLine} > ${first}`
			);
		} else {
			// Many steps (a badly broken file): look each row's step up with an ASOF join.
			const t = ident(table);
			await run(
				`UPDATE ${t} SET ${line} = ${t}.${line} + m.k FROM (SELECT n.${line} AS n, s.k ` +
					`FROM (SELECT ${line} FROM ${t}) n ASOF JOIN ${ident(stepsTable)} s ON n.${line} - ${headerLine} > s.g) m ` +
					`WHERE ${t}.${line} = m.n`
			);
		}
	} finally {
		await engine.query(
			`DROP TABLE IF EXISTS ${ident(blankTable)}; DROP TABLE IF EXISTS ${ident(stepsTable)}`
		);
	}
}

/** Up to this many steps the line fix-up is a CASE expression, beyond it a join. */
const CASE_STEPS = 200;

/**
 * Drops the given data records (1-based after the header), loaded or rejected, and returns their
 * lines: record r is the r-th line after the header that is not blank.
 */
async function skipRecords(
	engine: SqlEngine,
	table: string,
	source: DelimitedSource,
	blankLines: number[]
): Promise<Set<number>> {
	const lines = new Set<number>();
	const blanks = new Set(blankLines);
	const wanted = new Set(source.skipRows);
	const last = Math.max(0, ...source.skipRows);
	for (let line = source.headerLine + 1, record = 0; record < last; line++) {
		if (blanks.has(line)) continue;
		record++;
		if (wanted.has(record)) lines.add(line);
	}
	if (lines.size === 0) return lines;
	const deleted = await engine.query(
		`DELETE FROM ${ident(table)} WHERE ${ident(LINE_COLUMN)} IN (${[...lines].join(', ')})`
	);
	if (!deleted.ok) throw new ReadError('read.load', deleted.error.detail);
	return lines;
}
