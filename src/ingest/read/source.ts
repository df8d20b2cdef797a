import type { SqlEngine } from '../../engine/types.ts';
import type { Failure } from '../../lib/result.ts';
import { MAX_PARSED_BYTES, PREVIEW_ROWS } from './limits.ts';
import { ReadError } from './read-error.ts';
import type {
	EncodingName,
	ReadOptions,
	ReadProgress,
	RejectedRow,
	SourcePreview
} from './types.ts';

/** A file whose kind is known and whose head is decoded: the preview, and how to load the rest. */
export interface OpenedSource {
	preview: SourcePreview;
	load(engine: SqlEngine, table: string): Promise<{ rejected: RejectedRow[]; warnings: Failure[] }>;
}

/** What every kind of source knows after the magic bytes. */
export type Base = { name: string; compressed: boolean; warnings: Failure[] };

/** A text source after encoding detection. */
export type Described = Base & {
	encoding: EncodingName;
	encodingConfidence: SourcePreview['encodingConfidence'];
	encodingAlternatives: SourcePreview['encodingAlternatives'];
};

/** Rows parsed in JS (XLSX, JSON): kept from the preview's parse for the load. */
export type ParsedRows = { line: number; cells: (string | null)[] }[];

export const report = (options: ReadOptions, p: ReadProgress) => options.onProgress?.(p);

export const skipSet = (options: ReadOptions) => new Set(options.skipRows ?? []);

export const mb = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;

/** The first rows as the preview shows them: as wide as the header, missing cells empty. */
export function previewRows(rows: ParsedRows, width: number): string[][] {
	return rows
		.slice(0, PREVIEW_ROWS)
		.map((r) => Array.from({ length: width }, (_, i) => r.cells[i] ?? ''));
}

export function tooLargeToParse(bytes: number, limit = MAX_PARSED_BYTES): ReadError {
	return new ReadError(
		'read.too-large',
		`${mb(bytes)} MB; files of this kind up to ${mb(limit)} MB can be read in the browser`
	);
}
