import type { Failure } from '../../lib/result.ts';

/** The reader's public types; index.ts re-exports them. */
export type EncodingName = 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * How the encoding was decided: 'bom' from a byte-order mark; 'certain' when the bytes allow no
 * other reading (valid UTF-8, UTF-16 by its NULs, a legacy encoding whose rivals fail or read as
 * mojibake, or the analyst's choice); 'guess' when another reading is possible too.
 */
export type EncodingConfidence = 'bom' | 'certain' | 'guess';

/** Another encoding the file could be in, and how plausible its text then reads. */
export interface EncodingCandidate {
	encoding: EncodingName;
	/** 0–1: share of the decoded non-ASCII characters that are common ones in that encoding. */
	score: number;
}
export type FileKind = 'csv' | 'xlsx' | 'parquet' | 'json' | 'ndjson';

export interface ReadOptions {
	/** Overrides encoding detection. */
	encoding?: EncodingName;
	/** Overrides delimiter sniffing. */
	delimiter?: string;
	/** XLSX sheet; default the first. */
	sheet?: string;
	/**
	 * Line (CSV, as numbered in `RejectedRow.line`) or sheet row (XLSX) of the column header;
	 * rows above it are ignored. Default: found among the first rows (see find-header.ts).
	 */
	headerRow?: number;
	/** 1-based data rows to drop after the header (TikTok Shop: row 2 holds descriptions → [1]). */
	skipRows?: number[];
	/**
	 * Largest file tried at all; default MAX_FILE_BYTES, the page's. Native DuckDB (the command
	 * line) reads a UTF-8 file where it lies and spills to disk, so it lifts the bound.
	 */
	maxFileBytes?: number;
	/**
	 * Bytes of delimited text DuckDB loads per statement; default STAGE_PIECE_BYTES (see
	 * stage-delimited.ts). Tests set it small to load a small file in many pieces.
	 */
	pieceBytes?: number;
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
	encodingConfidence: EncodingConfidence;
	/**
	 * Other encodings the head also decodes in without error, most plausible first; offer these
	 * first in the picker. Empty for a BOM, UTF-8, UTF-16, binary kinds and a chosen encoding.
	 */
	encodingAlternatives: EncodingCandidate[];
	delimiter?: string;
	sheets?: string[];
	sheet?: string;
	/** Column names after de-duplication (dupes get ' (2)', reported as a warning). */
	header: string[];
	/** Line (CSV) or sheet row (XLSX) the header was taken from; 1 for JSON and Parquet. */
	headerRow: number;
	/** Non-blank rows above the header, which were not read (title lines, export notes). */
	rowsAboveHeader: { line: number; cells: string[] }[];
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
