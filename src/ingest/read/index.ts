/**
 * Reading any order export into a raw DuckDB staging table: every column VARCHAR, plus `__line`.
 * Column mapping and canonical tables are built on top of this (src/ingest/…).
 *
 * What `__line` means, per kind (header = 1 throughout):
 * - CSV/TSV: DuckDB's line number, the same one its rejected rows carry: blank lines count,
 *   line breaks inside quoted fields do not. Without multi-line fields it is the physical line.
 * - XLSX: the sheet row number, as Excel shows it.
 * - JSON array: the element's number + 1. NDJSON: the line in the file.
 * - Parquet: the row's number + 1.
 */
import type { SqlEngine } from '../../engine/types.ts';
import { ok, type Failure, type Result } from '../../lib/result.ts';
import { ident } from '../../lib/sql.ts';
import { ByteBuffer, readHead, streamBytes } from './byte-stream.ts';
import { detectContainer, detectTextKind, looksBinary } from './detect-kind.ts';
import { detectEncoding } from './detect-encoding.ts';
import { dedupeHeader } from './header.ts';
import {
	ARROW_BATCH_ROWS,
	MAX_BUFFER_BYTES,
	MAX_FILE_BYTES,
	MAX_PARSED_BYTES,
	MAX_REJECTED_LISTED,
	MAX_SAMPLE_BYTES,
	PREVIEW_ROWS,
	SAMPLE_BYTES
} from './limits.ts';
import { parseRecords, sniffDelimiter } from './parse-delimited.ts';
import { openParquet, type ParquetSource } from './read-parquet.ts';
import { ReadError, throwIfAborted, toFailure } from './read-error.ts';
import { parseJsonRows } from './read-json.ts';
import { readXlsx } from './read-xlsx.ts';
import { createDecoder } from './text-decoder.ts';
import { stageDelimited } from './stage-delimited.ts';
import { dropTable, insertTextRows } from './text-table.ts';
import type { EncodingName, FileKind } from './types.ts';

export type { EncodingName, FileKind } from './types.ts';
export { describeEncoding, ENCODINGS } from './describe-encoding.ts';
export { MAX_COLUMNS, MAX_FILE_BYTES, MAX_BUFFER_BYTES, MAX_PARSED_BYTES } from './limits.ts';

export interface ReadOptions {
	/** Overrides encoding detection. */
	encoding?: EncodingName;
	/** Overrides delimiter sniffing. */
	delimiter?: string;
	/** XLSX sheet; default the first. */
	sheet?: string;
	/** 1-based data rows to drop after the header (TikTok Shop: row 2 holds descriptions → [1]). */
	skipRows?: number[];
	/** Cancels reading; the result is then 'read.cancelled'. */
	signal?: AbortSignal;
	onProgress?: (p: ReadProgress) => void;
}

export interface ReadProgress {
	phase: 'reading' | 'decoding' | 'parsing' | 'loading';
	/** File bytes read so far (compressed bytes for gzip). */
	bytes: number;
	totalBytes: number;
	rows?: number;
}

export interface SourcePreview {
	name: string;
	fileKind: FileKind;
	compressed: boolean;
	encoding: EncodingName;
	encodingConfidence: 'bom' | 'certain' | 'guess';
	delimiter?: string;
	sheets?: string[];
	sheet?: string;
	/** Column names after de-duplication (dupes get ' (2)', reported as a warning). */
	header: string[];
	/** First 20 data rows, decoded, as text. */
	rows: string[][];
	/** Non-fatal findings with codes, e.g. 'read.duplicate-header'. */
	warnings: Failure[];
}

export interface RejectedRow {
	line: number;
	reason: string;
	raw?: string;
}

export interface StagedSource extends SourcePreview {
	table: string;
	rowCount: number;
	rejected: RejectedRow[];
}

type NamedBlob = Blob & { name: string };

/** Detects kind, compression, encoding and delimiter, and decodes the header and first rows. */
export async function previewSource(
	file: NamedBlob,
	options: ReadOptions = {}
): Promise<Result<SourcePreview>> {
	try {
		const source = await openSource(file, options);
		return ok(source.preview);
	} catch (e) {
		return { ok: false, error: toFailure(e) };
	}
}

/**
 * Creates `table` in DuckDB: one VARCHAR column per header name (exact names) plus
 * `__line BIGINT`, the 1-based line/row number in the source (header = 1) so every later
 * rejection can cite it. Replaces a table of that name; on failure that table is dropped and no
 * other table is touched.
 */
export async function stageSource(
	engine: SqlEngine,
	file: NamedBlob,
	table: string,
	options: ReadOptions = {}
): Promise<Result<StagedSource>> {
	let touched = false;
	try {
		const source = await openSource(file, options);
		throwIfAborted(options.signal);
		touched = true;
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
		if (touched) await dropTable(engine, table);
		return { ok: false, error: toFailure(e) };
	}
}

interface OpenedSource {
	preview: SourcePreview;
	load(engine: SqlEngine, table: string): Promise<{ rejected: RejectedRow[]; warnings: Failure[] }>;
}

const report = (options: ReadOptions, p: ReadProgress) => options.onProgress?.(p);

async function openSource(file: NamedBlob, options: ReadOptions): Promise<OpenedSource> {
	if (file.size === 0) throw new ReadError('read.empty', 'the file is empty (0 bytes)');
	if (file.size > MAX_FILE_BYTES)
		throw new ReadError(
			'read.too-large',
			`${mb(file.size)} MB; files up to ${mb(MAX_FILE_BYTES)} MB can be read in the browser`
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
		return openXlsx(await wholeFile(file, compressed, options), base, options);
	if (container === 'parquet')
		return openParquetSource(await wholeFile(file, compressed, options), base, options);
	return openText(file, base, options);
}

type Base = { name: string; compressed: boolean; warnings: Failure[] };

/** XLSX and Parquet are read whole (zip directory and footer are at the end), so gunzip first. */
async function wholeFile(file: Blob, compressed: boolean, options: ReadOptions): Promise<Blob> {
	if (!compressed) {
		if (file.size > MAX_PARSED_BYTES) throw tooLargeToParse(file.size);
		return file;
	}
	const out = new ByteBuffer(MAX_PARSED_BYTES);
	for await (const chunk of streamBytes(file, {
		gunzip: true,
		signal: options.signal,
		onBytes: (bytes) => report(options, { phase: 'reading', bytes, totalBytes: file.size })
	}))
		out.push(chunk);
	return new Blob([out.bytes() as Uint8Array<ArrayBuffer>]);
}

/** Rows parsed in JS (XLSX, JSON): kept from the preview's parse for the load. */
type ParsedRows = { line: number; cells: (string | null)[] }[];

async function openXlsx(file: Blob, base: Base, options: ReadOptions): Promise<OpenedSource> {
	report(options, { phase: 'parsing', bytes: 0, totalBytes: file.size });
	const sheet = await readXlsx(file, options.sheet);
	const skip = skipSet(options);
	const kept = sheet.rows.filter(
		(r, i) => !skip.has(i + 1) && r.cells.some((v) => v !== null && v !== '')
	);
	// Columns reach as far as any value: a column of data without a title is kept, and named.
	let width = lastValueIndex(sheet.header) + 1;
	for (const r of kept) width = Math.max(width, lastValueIndex(r.cells) + 1);
	const { header, warnings } = dedupeHeader(
		Array.from({ length: width }, (_, i) => sheet.header[i] ?? null)
	);
	const rows = kept.map((r) => ({ line: r.line, cells: r.cells.slice(0, width) }));
	const preview: SourcePreview = {
		...base,
		fileKind: 'xlsx',
		encoding: 'utf-8',
		encodingConfidence: 'certain',
		sheets: sheet.sheets,
		sheet: sheet.sheet,
		header,
		rows: previewRows(rows, width),
		warnings: [...base.warnings, ...warnings]
	};
	if (rows.length === 0)
		throw new ReadError('read.no-rows', `sheet "${sheet.sheet}" has no data rows`);
	return { preview, load: (engine, table) => loadParsed(engine, table, header, rows, [], options) };
}

async function openParquetSource(
	file: Blob,
	base: Base,
	options: ReadOptions
): Promise<OpenedSource> {
	const parquet = await openParquet(file);
	const { header, warnings } = dedupeHeader(parquet.header);
	if (parquet.rowCount === 0) throw new ReadError('read.no-rows', 'the Parquet file has no rows');
	const skip = skipSet(options);
	const first: ParsedRows = [];
	for await (const batch of parquet.batches(PREVIEW_ROWS + skip.size)) {
		batch.forEach((cells, i) => {
			if (!skip.has(i + 1)) first.push({ line: i + 2, cells });
		});
		break;
	}
	const preview: SourcePreview = {
		...base,
		fileKind: 'parquet',
		encoding: 'utf-8',
		encodingConfidence: 'certain',
		header,
		rows: previewRows(first.slice(0, PREVIEW_ROWS), header.length),
		warnings: [...base.warnings, ...warnings]
	};
	return { preview, load: (engine, table) => loadParquet(engine, table, header, parquet, options) };
}

async function loadParquet(
	engine: SqlEngine,
	table: string,
	header: string[],
	parquet: ParquetSource,
	options: ReadOptions
): Promise<{ rejected: RejectedRow[]; warnings: Failure[] }> {
	const skip = skipSet(options);
	await dropTable(engine, table);
	let index = 0;
	let created = false;
	for await (const batch of parquet.batches(ARROW_BATCH_ROWS)) {
		throwIfAborted(options.signal);
		const rows: (string | null)[][] = [];
		const lines: number[] = [];
		for (const cells of batch) {
			index++;
			if (skip.has(index)) continue;
			rows.push(cells);
			lines.push(index + 1);
		}
		if (rows.length === 0) continue;
		await insertTextRows(engine, table, header, { rows, lines }, !created);
		created = true;
		report(options, { phase: 'loading', bytes: 0, totalBytes: parquet.rowCount, rows: index });
	}
	if (!created) throw new ReadError('read.no-rows', 'no rows left after skipping');
	return { rejected: [], warnings: [] };
}

async function loadParsed(
	engine: SqlEngine,
	table: string,
	header: string[],
	rows: ParsedRows,
	rejected: RejectedRow[],
	options: ReadOptions
): Promise<{ rejected: RejectedRow[]; warnings: Failure[] }> {
	if (rows.length === 0)
		throw rejected.length
			? new ReadError(
					'read.all-rejected',
					`all ${rejected.length} records were rejected; first: line ${rejected[0].line}: ${rejected[0].reason}`
				)
			: new ReadError('read.no-rows', 'no rows left after skipping');
	await dropTable(engine, table);
	for (let start = 0; start < rows.length; start += ARROW_BATCH_ROWS) {
		throwIfAborted(options.signal);
		const part = rows.slice(start, start + ARROW_BATCH_ROWS);
		await insertTextRows(
			engine,
			table,
			header,
			{ rows: part.map((r) => r.cells), lines: part.map((r) => r.line) },
			start === 0
		);
		report(options, { phase: 'loading', bytes: 0, totalBytes: 0, rows: start + part.length });
	}
	return { rejected, warnings: [] };
}

/** Text: JSON, NDJSON, or delimited (CSV, TSV, …) in any supported encoding. */
async function openText(file: Blob, base: Base, options: ReadOptions): Promise<OpenedSource> {
	let size = SAMPLE_BYTES;
	for (;;) {
		const head = await readHead(file, base.compressed, size, options.signal);
		report(options, { phase: 'reading', bytes: Math.min(size, file.size), totalBytes: file.size });
		const detected = detectEncoding(head.bytes, head.complete);
		const encoding = options.encoding ?? detected.encoding;
		const text = createDecoder(encoding).decode(head.bytes, { stream: !head.complete });
		if (text.replace(/^\uFEFF/, '').trim() === '')
			throw new ReadError('read.empty', 'the file holds no text');
		if (looksBinary(text))
			throw new ReadError('read.binary', 'the file holds binary data, not text');
		const described = {
			...base,
			encoding,
			encodingConfidence: options.encoding ? ('certain' as const) : detected.confidence,
			warnings:
				!options.encoding && detected.invalidUtf8 > 0
					? [
							...base.warnings,
							{
								code: 'read.invalid-utf8',
								detail: `${detected.invalidUtf8} byte sequences in the first ${mb(head.bytes.length)} MB are not valid UTF-8`
							}
						]
					: base.warnings
		};
		const kind = detectTextKind(text);
		if (kind !== 'csv') return openJson(file, described, kind, options);
		const opened = openDelimited(file, described, text, head.complete, options);
		if (opened || size >= MAX_SAMPLE_BYTES) return opened ?? headerTooLong();
		size = Math.min(size * 4, MAX_SAMPLE_BYTES); // the header or first row is longer: look further
	}
}

function headerTooLong(): never {
	throw new ReadError(
		'read.header-too-long',
		`no complete header and first row in the first ${mb(MAX_SAMPLE_BYTES)} MB`
	);
}

type Described = Base & {
	encoding: EncodingName;
	encodingConfidence: SourcePreview['encodingConfidence'];
};

function openDelimited(
	file: Blob,
	described: Described,
	text: string,
	complete: boolean,
	options: ReadOptions
): OpenedSource | undefined {
	const sample = text.replace(/^\uFEFF/, '');
	const delimiter = options.delimiter ?? sniffDelimiter(sample, complete);
	const skip = skipSet(options);
	const records = parseRecords(sample, delimiter, 1 + PREVIEW_ROWS + skip.size, complete);
	if (records.length === 0) return undefined;
	if (records.length === 1 && !complete) return undefined;
	const { header, warnings } = dedupeHeader(records[0].fields);
	if (records.length === 1)
		throw new ReadError('read.no-rows', 'the file has a header but no data rows');
	if (
		!described.compressed &&
		described.encoding !== 'utf-8' &&
		file.size * (described.encoding.startsWith('utf-16') ? 0.5 : 1) > MAX_BUFFER_BYTES
	)
		throw new ReadError(
			'read.too-large',
			`${mb(file.size)} MB in ${described.encoding}; converting it needs more than ${mb(MAX_BUFFER_BYTES)} MB`
		);
	if (header.length === 1)
		warnings.push({
			code: 'read.single-column',
			detail: `splitting on ${JSON.stringify(delimiter)} gives one column`
		});
	const data = records.slice(1).filter((_, i) => !skip.has(i + 1));
	const preview: SourcePreview = {
		...described,
		fileKind: 'csv',
		delimiter,
		header,
		rows: data.slice(0, PREVIEW_ROWS).map((r) => r.fields),
		warnings: [...described.warnings, ...warnings]
	};
	return {
		preview,
		load: (engine, table) =>
			stageDelimited(
				engine,
				{
					file,
					compressed: described.compressed,
					encoding: described.encoding,
					delimiter,
					header,
					skipRows: [...skip]
				},
				table,
				{
					signal: options.signal,
					onBytes: (phase, bytes) => report(options, { phase, bytes, totalBytes: file.size }),
					onLoading: () =>
						report(options, { phase: 'loading', bytes: file.size, totalBytes: file.size })
				}
			)
	};
}

async function openJson(
	file: Blob,
	described: Described,
	kind: 'json' | 'ndjson',
	options: ReadOptions
): Promise<OpenedSource> {
	if (!described.compressed && file.size > MAX_PARSED_BYTES) throw tooLargeToParse(file.size);
	const decoder = createDecoder(described.encoding);
	let text = '';
	let decodedBytes = 0;
	for await (const chunk of streamBytes(file, {
		gunzip: described.compressed,
		signal: options.signal,
		onBytes: (bytes) => report(options, { phase: 'reading', bytes, totalBytes: file.size })
	})) {
		decodedBytes += chunk.byteLength;
		if (decodedBytes > MAX_PARSED_BYTES) throw tooLargeToParse(decodedBytes);
		text += decoder.decode(chunk, { stream: true });
	}
	text += decoder.decode();
	report(options, { phase: 'parsing', bytes: file.size, totalBytes: file.size });
	const parsed = parseJsonRows(text, kind);
	const { header, warnings } = dedupeHeader(parsed.header);
	const skip = skipSet(options);
	const rows = parsed.rows.filter((_, i) => !skip.has(i + 1));
	const preview: SourcePreview = {
		...described,
		fileKind: kind,
		header,
		rows: previewRows(rows, header.length),
		warnings: [...described.warnings, ...warnings]
	};
	if (rows.length === 0 && parsed.rejected.length === 0)
		throw new ReadError('read.no-rows', 'the JSON holds no objects');
	return {
		preview,
		load: (engine, table) => loadParsed(engine, table, header, rows, parsed.rejected, options)
	};
}

function previewRows(rows: ParsedRows, width: number): string[][] {
	return rows
		.slice(0, PREVIEW_ROWS)
		.map((r) => Array.from({ length: width }, (_, i) => r.cells[i] ?? ''));
}

function lastValueIndex(cells: (string | null)[]): number {
	for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== null && cells[i] !== '') return i;
	return -1;
}

const skipSet = (options: ReadOptions) => new Set(options.skipRows ?? []);

const mb = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;

function tooLargeToParse(bytes: number): ReadError {
	return new ReadError(
		'read.too-large',
		`${mb(bytes)} MB; XLSX, Parquet and JSON files up to ${mb(MAX_PARSED_BYTES)} MB can be read in the browser`
	);
}
