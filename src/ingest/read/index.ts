/**
 * Reading any order export into a raw DuckDB staging table: every column VARCHAR, plus `__line`.
 * Column mapping and canonical tables are built on top of this (src/ingest/…).
 *
 * What `__line` means, per kind (the header's own line is `headerRow`: 1 unless title lines
 * come first, which are skipped; see find-header.ts):
 * - CSV/TSV: DuckDB's line number, the same one its rejected rows carry: blank lines count,
 *   line breaks inside quoted fields do not. Without multi-line fields it is the physical line.
 * - XLSX: the sheet row number, as Excel shows it.
 * - JSON array: the element's number + 1. NDJSON: the line in the file.
 * - Parquet: the row's number + 1.
 */
import type { SqlEngine } from '../../engine/types.ts';
import { ok, type Failure, type Result } from '../../lib/result.ts';
import { ident } from '../../lib/sql.ts';
import { readHead } from './byte-stream.ts';
import { detectContainer } from './detect-kind.ts';
import {
	LARGE_FILE_CELLS,
	MAX_BUFFER_BYTES,
	MAX_FILE_BYTES,
	MAX_XLSX_BYTES,
	MAX_REJECTED_LISTED
} from './limits.ts';
import { openParquetSource, openXlsx, wholeFile } from './open-tabular.ts';
import { openText } from './open-text.ts';
import { ReadError, throwIfAborted, toFailure } from './read-error.ts';
import { mb, report, type OpenedSource } from './source.ts';
import { dropTable } from './text-table.ts';
import type { ReadOptions, SourcePreview, StagedSource } from './types.ts';

export type {
	EncodingCandidate,
	EncodingConfidence,
	EncodingName,
	FileKind,
	ReadOptions,
	ReadProgress,
	RejectedRow,
	SourcePreview,
	StagedSource
} from './types.ts';
export { describeEncoding, ENCODINGS } from './describe-encoding.ts';
export { MAX_COLUMNS, MAX_FILE_BYTES } from './limits.ts';
export { STAGE_PIECE_BYTES } from './stage-delimited.ts';

type NamedBlob = Blob & { name: string };

/** Detects kind, compression, encoding and delimiter, and decodes the header and first rows. */
/**
 * A warning before importing a delimited file that may not fit in the page's memory: its rows
 * estimated from the size of the previewed ones, times its columns, against LARGE_FILE_CELLS.
 */
export function largeFileWarning(
	bytes: number,
	preview: Pick<SourcePreview, 'fileKind' | 'header' | 'rows'>
): Failure | null {
	if (preview.fileKind !== 'csv' || preview.rows.length === 0) return null;
	const encoder = new TextEncoder();
	const sampled = preview.rows.reduce((n, r) => n + encoder.encode(r.join(',')).length + 1, 0);
	const rows = Math.round(bytes / (sampled / preview.rows.length));
	const cells = rows * preview.header.length;
	if (cells <= LARGE_FILE_CELLS) return null;
	return {
		code: 'read.large-file',
		detail: `about ${(rows / 1e6).toFixed(1)} million rows × ${preview.header.length} columns (${(bytes / 1e6).toFixed(0)} MB)`
	};
}

export async function previewSource(
	file: NamedBlob,
	options: ReadOptions = {}
): Promise<Result<SourcePreview>> {
	try {
		const source = await openSource(file, options);
		const large = largeFileWarning(file.size, source.preview);
		return ok(
			large ? { ...source.preview, warnings: [...source.preview.warnings, large] } : source.preview
		);
	} catch (e) {
		return { ok: false, error: toFailure(e) };
	}
}

/**
 * Creates `table` in DuckDB: one VARCHAR column per header name (exact names) plus
 * `__line BIGINT`, the 1-based line/row number in the source (header = `headerRow`) so every later
 * rejection can cite it. Replaces a table of that name; on failure that table is dropped (so it
 * never holds a stale or partial load) and no other table is touched.
 */
export async function stageSource(
	engine: SqlEngine,
	file: NamedBlob,
	table: string,
	options: ReadOptions = {}
): Promise<Result<StagedSource>> {
	try {
		const source = await openSource(file, options);
		throwIfAborted(options.signal);
		const { rejected, warnings } = await source.load(engine, table);
		throwIfAborted(options.signal);
		const counted = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`);
		if (!counted.ok) throw new ReadError('read.load', counted.error.detail);
		const rowCount = Number(counted.value.get(0)?.n ?? 0);
		if (rowCount === 0)
			throw rejected.length
				? new ReadError(
						'read.all-rejected',
						`all ${rejected.length} rows were rejected; first: line ${rejected[0].line}: ${rejected[0].reason}`
					)
				: new ReadError('read.no-rows', 'the file has a header but no data rows');
		report(options, { phase: 'loading', bytes: file.size, totalBytes: file.size, rows: rowCount });
		const listed = rejected.slice(0, MAX_REJECTED_LISTED);
		if (rejected.length > MAX_REJECTED_LISTED)
			warnings.push({
				code: 'read.rejected-truncated',
				detail: `more than ${MAX_REJECTED_LISTED} rows were rejected; the first ${MAX_REJECTED_LISTED} are listed`
			});
		const preview = source.preview;
		return ok({
			...preview,
			// A warning found while loading (e.g. invalid UTF-8 further down) supersedes the preview's.
			warnings: [
				...preview.warnings.filter((w) => !warnings.some((x) => x.code === w.code)),
				...warnings
			],
			table,
			rowCount,
			rejected: listed
		});
	} catch (e) {
		// The contract is simple: after a failure `table` does not exist (a half-made one, or an
		// older one of that name, would be mistaken for this file's rows).
		await dropTable(engine, table);
		// A cancel that lands while DuckDB loads (the caller may interrupt the engine) surfaces
		// as an engine error; it is still the user's cancel.
		if (options.signal?.aborted)
			return {
				ok: false,
				error: toFailure(new ReadError('read.cancelled', 'reading was cancelled'))
			};
		return { ok: false, error: toFailure(e) };
	}
}

async function openSource(file: NamedBlob, options: ReadOptions): Promise<OpenedSource> {
	if (file.size === 0) throw new ReadError('read.empty', 'the file is empty (0 bytes)');
	const limit = options.maxFileBytes ?? MAX_FILE_BYTES;
	if (file.size > limit)
		throw new ReadError(
			'read.too-large',
			`${mb(file.size)} MB; files up to ${mb(limit)} MB can be read in the browser`
		);
	const magic = new Uint8Array(await file.slice(0, 8).arrayBuffer());
	const compressed = detectContainer(magic) === 'gzip';
	let inner: Uint8Array = magic;
	if (compressed) {
		inner = (await readHead(file, true, 8, options.signal)).bytes;
		if (inner.length === 0) throw new ReadError('read.empty', 'the gzip file holds no data');
	}
	const container = detectContainer(inner);
	if (container === 'xls')
		throw new ReadError('read.xls-legacy', 'legacy .xls (Excel 97–2003) workbook');
	if (container === 'gzip') throw new ReadError('read.binary', 'gzip inside gzip');
	const base = { name: file.name, compressed, warnings: [] as Failure[] };
	if (container === 'zip')
		return openXlsx(await wholeFile(file, compressed, MAX_XLSX_BYTES, options), base, options);
	if (container === 'parquet')
		return openParquetSource(
			await wholeFile(file, compressed, compressed ? MAX_BUFFER_BYTES : MAX_FILE_BYTES, options),
			base,
			options
		);
	return openText(file, base, options);
}
