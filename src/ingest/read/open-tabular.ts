import type { SqlEngine } from '../../engine/types.ts';
import type { Failure } from '../../lib/result.ts';
import { ByteBuffer, streamBytes } from './byte-stream.ts';
import { HEADER_SAMPLE_ROWS, locateHeader } from './find-header.ts';
import { dedupeHeader } from './header.ts';
import { ARROW_BATCH_ROWS, PREVIEW_ROWS } from './limits.ts';
import type { ParquetSource } from './read-parquet.ts';
import { ReadError, throwIfAborted } from './read-error.ts';
import { dropTable, insertTextRows } from './text-table.ts';
import {
	previewRows,
	report,
	skipSet,
	tooLargeToParse,
	type Base,
	type OpenedSource,
	type ParsedRows
} from './source.ts';
import type { ReadOptions, RejectedRow, SourcePreview } from './types.ts';

/**
 * XLSX and Parquet need random access (the zip directory and the Parquet footer are at the end),
 * so a gzipped one is unpacked into memory first, up to `limit` bytes.
 */
export async function wholeFile(
	file: Blob,
	compressed: boolean,
	limit: number,
	options: ReadOptions
): Promise<Blob> {
	if (!compressed) {
		if (file.size > limit) throw tooLargeToParse(file.size, limit);
		return file;
	}
	const out = new ByteBuffer(limit);
	for await (const chunk of streamBytes(file, {
		gunzip: true,
		signal: options.signal,
		onBytes: (bytes) => report(options, { phase: 'reading', bytes, totalBytes: file.size })
	}))
		out.push(chunk);
	return new Blob([out.bytes() as Uint8Array<ArrayBuffer>]);
}

export async function openXlsx(
	file: Blob,
	base: Base,
	options: ReadOptions
): Promise<OpenedSource> {
	report(options, { phase: 'parsing', bytes: file.size, totalBytes: file.size });
	// The XLSX and Parquet readers load with the first such file, not with the page.
	const { readXlsx } = await import('./read-xlsx.ts');
	const sheet = await readXlsx(file, options.sheet);
	const filled = sheet.rows.filter((r) => lastValueIndex(r.cells) !== -1);
	const at = locateHeader(
		filled.slice(0, Math.max(HEADER_SAMPLE_ROWS, options.headerRow ?? 0)),
		options,
		`sheet "${sheet.sheet}"`
	);
	const top = filled[at];
	// Skipped rows count from the header, blank ones included.
	const skip = skipSet(options);
	const kept = filled.filter((r) => r.line > top.line && !skip.has(r.line - top.line));
	// Columns reach as far as any value: a column of data without a title is kept, and named.
	let width = lastValueIndex(top.cells) + 1;
	for (const r of kept) width = Math.max(width, lastValueIndex(r.cells) + 1);
	const { header, warnings } = dedupeHeader(
		Array.from({ length: width }, (_, i) => top.cells[i] ?? null)
	);
	const rows = kept.map((r) => ({ line: r.line, cells: r.cells.slice(0, width) }));
	const preview: SourcePreview = {
		...base,
		fileKind: 'xlsx',
		encoding: 'utf-8',
		encodingConfidence: 'certain',
		encodingAlternatives: [],
		sheets: sheet.sheets,
		sheet: sheet.sheet,
		header,
		headerRow: top.line,
		rowsAboveHeader: filled
			.slice(0, at)
			.map((r) => ({ line: r.line, cells: r.cells.map((c) => c ?? '') })),
		rows: previewRows(rows, width),
		warnings: [...base.warnings, ...warnings]
	};
	if (rows.length === 0)
		throw new ReadError('read.no-rows', `sheet "${sheet.sheet}" has no data rows`);
	return {
		preview,
		load: (engine, table) => loadParsed(engine, table, header, rows, [], file.size, options)
	};
}

export async function openParquetSource(
	file: Blob,
	base: Base,
	options: ReadOptions
): Promise<OpenedSource> {
	const { openParquet } = await import('./read-parquet.ts');
	const parquet = await openParquet(file);
	const { header, warnings } = dedupeHeader(parquet.header);
	if (parquet.rowCount === 0) throw new ReadError('read.no-rows', 'the Parquet file has no rows');
	const skip = skipSet(options);
	const first: ParsedRows = [];
	const head = await parquet.readRows(0, Math.min(parquet.rowCount, PREVIEW_ROWS + skip.size));
	head.forEach((cells, i) => {
		if (!skip.has(i + 1)) first.push({ line: i + 2, cells });
	});
	const preview: SourcePreview = {
		...base,
		fileKind: 'parquet',
		encoding: 'utf-8',
		encodingConfidence: 'certain',
		encodingAlternatives: [],
		header,
		headerRow: 1,
		rowsAboveHeader: [],
		rows: previewRows(first.slice(0, PREVIEW_ROWS), header.length),
		warnings: [...base.warnings, ...warnings]
	};
	return {
		preview,
		load: (engine, table) => loadParquet(engine, table, header, parquet, file.size, options)
	};
}

async function loadParquet(
	engine: SqlEngine,
	table: string,
	header: string[],
	parquet: ParquetSource,
	fileSize: number,
	options: ReadOptions
): Promise<{ rejected: RejectedRow[]; warnings: Failure[] }> {
	const skip = skipSet(options);
	await dropTable(engine, table);
	let created = false;
	// One row group at a time: hyparquet decodes whole groups, so smaller slices would decode
	// each group many times over.
	for (const [start, end] of parquet.rowGroups) {
		throwIfAborted(options.signal);
		const rows: (string | null)[][] = [];
		const lines: number[] = [];
		(await parquet.readRows(start, end)).forEach((cells, i) => {
			const index = start + i + 1;
			if (skip.has(index)) return;
			rows.push(cells);
			lines.push(index + 1);
		});
		if (rows.length === 0) continue;
		await insertTextRows(engine, table, header, { rows, lines }, !created);
		created = true;
		report(options, { phase: 'loading', bytes: fileSize, totalBytes: fileSize, rows: end });
	}
	if (!created) throw new ReadError('read.no-rows', 'no rows left after skipping');
	return { rejected: [], warnings: [] };
}

export async function loadParsed(
	engine: SqlEngine,
	table: string,
	header: string[],
	rows: ParsedRows,
	rejected: RejectedRow[],
	fileSize: number,
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
		report(options, {
			phase: 'loading',
			bytes: fileSize,
			totalBytes: fileSize,
			rows: start + part.length
		});
	}
	return { rejected, warnings: [] };
}

function lastValueIndex(cells: (string | null)[]): number {
	for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== null && cells[i] !== '') return i;
	return -1;
}
