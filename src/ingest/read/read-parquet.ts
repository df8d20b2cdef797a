import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { gunzipSync } from 'fflate';
import { formatTimestamp } from '../../lib/sql.ts';
import { cellText } from './cell-text.ts';
import { ReadError } from './read-error.ts';

/**
 * Parquet without DuckDB's parquet extension (not in the wasm build, and fetching it would leave
 * the page): hyparquet decodes in JS and we stage the values as text through Arrow.
 */
export interface ParquetSource {
	header: string[];
	rowCount: number;
	/** [start, end) of each row group, in order. */
	rowGroups: [number, number][];
	/** Rows [start, end) as text cells. */
	readRows(start: number, end: number): Promise<(string | null)[][]>;
}

export async function openParquet(bytes: Blob): Promise<ParquetSource> {
	const file = toAsyncBuffer(bytes);
	let metadata: FileMetaData;
	try {
		metadata = await parquetMetadataAsync(file, { parsers });
	} catch (e) {
		throw new ReadError('read.parquet-invalid', String((e as Error)?.message ?? e));
	}
	const root = metadata.schema[0];
	const header: string[] = [];
	// Top-level columns are the root's children; nested ones (struct/list) span several schema
	// elements, which we skip over and receive as one value each.
	for (let i = 1, left = root.num_children ?? 0; left > 0; left--) {
		header.push(metadata.schema[i].name);
		i = skipSubtree(metadata, i);
	}
	const rowGroups: [number, number][] = [];
	let start = 0;
	for (const group of metadata.row_groups) {
		const end = start + Number(group.num_rows);
		rowGroups.push([start, end]);
		start = end;
	}
	return {
		header,
		rowCount: Number(metadata.num_rows),
		rowGroups,
		readRows: (from, to) => readRows(file, metadata, from, to)
	};
}

function skipSubtree(metadata: FileMetaData, i: number): number {
	const children = metadata.schema[i].num_children ?? 0;
	let next = i + 1;
	for (let c = 0; c < children; c++) next = skipSubtree(metadata, next);
	return next;
}

async function readRows(
	file: AsyncBuffer,
	metadata: FileMetaData,
	rowStart: number,
	rowEnd: number
): Promise<(string | null)[][]> {
	let rows: unknown[][] = [];
	try {
		await parquetRead({
			file,
			metadata,
			rowStart,
			rowEnd,
			parsers,
			compressors,
			onComplete: (r) => {
				rows = r;
			}
		});
	} catch (e) {
		const detail = String((e as Error)?.message ?? e);
		throw new ReadError(
			/compression|codec/i.test(detail) ? 'read.parquet-codec' : 'read.parquet-invalid',
			detail
		);
	}
	return rows.map((row) => row.map((v) => cellText(v)));
}

function toAsyncBuffer(blob: Blob): AsyncBuffer {
	return { byteLength: blob.size, slice: (start, end) => blob.slice(start, end).arrayBuffer() };
}

/** Parquet GZIP pages; snappy is built into hyparquet. */
const compressors = { GZIP: (input: Uint8Array) => gunzipSync(input) };

/** Dates and timestamps straight to text, keeping sub-second digits that a JS Date would drop. */
const parsers = {
	dateFromDays: (days: number) => formatTimestamp(new Date(days * 86_400_000)).slice(0, 10),
	timestampFromMilliseconds: (ms: bigint) => formatEpoch(ms, 1000n),
	timestampFromMicroseconds: (us: bigint) => formatEpoch(us, 1_000_000n),
	timestampFromNanoseconds: (ns: bigint) => formatEpoch(ns, 1_000_000_000n)
};

function formatEpoch(value: bigint, perSecond: bigint): string {
	let seconds = value / perSecond;
	let fraction = value % perSecond;
	if (fraction < 0n) {
		seconds -= 1n;
		fraction += perSecond;
	}
	const base = formatTimestamp(new Date(Number(seconds) * 1000));
	if (fraction === 0n) return base;
	const digits = String(perSecond).length - 1;
	return `${base}.${String(fraction).padStart(digits, '0').replace(/0+$/, '')}`;
}
