/**
 * Reading any order export into a raw DuckDB staging table: every column VARCHAR, plus `__line`.
 * Column mapping and canonical tables are built on top of this (src/ingest/…).
 */
import type { SqlEngine } from '../../engine/types.ts';
import { fail, type Failure, type Result } from '../../lib/result.ts';

export type EncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type FileKind = 'csv' | 'xlsx' | 'parquet' | 'json' | 'ndjson';

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

export async function previewSource(
	file: Blob & { name: string },
	options?: ReadOptions
): Promise<Result<SourcePreview>> {
	void file;
	void options;
	return fail('read.unimplemented', 'previewSource is not implemented yet');
}

/**
 * Creates `table` in DuckDB: one VARCHAR column per header name (exact names) plus
 * `__line BIGINT`, the 1-based line/row number in the source (header = 1) so every later
 * rejection can cite it.
 */
export async function stageSource(
	engine: SqlEngine,
	file: Blob & { name: string },
	table: string,
	options?: ReadOptions
): Promise<Result<StagedSource>> {
	void engine;
	void file;
	void table;
	void options;
	return fail('read.unimplemented', 'stageSource is not implemented yet');
}
