import { readHead, streamBytes } from './byte-stream.ts';
import { detectTextKind, looksBinary } from './detect-kind.ts';
import { detectEncoding } from './detect-encoding.ts';
import { findHeader, HEADER_SAMPLE_ROWS, locateHeader } from './find-header.ts';
import { dedupeHeader } from './header.ts';
import {
	MAX_BUFFER_BYTES,
	MAX_PARSED_BYTES,
	MAX_SAMPLE_BYTES,
	PREVIEW_ROWS,
	SAMPLE_BYTES
} from './limits.ts';
import { parseRecords, sniffDelimiter } from './parse-delimited.ts';
import { ReadError } from './read-error.ts';
import { parseJsonRows } from './read-json.ts';
import { stageDelimited } from './stage-delimited.ts';
import { loadParsed } from './open-tabular.ts';
import { createDecoder } from './text-decoder.ts';
import {
	mb,
	previewRows,
	report,
	skipSet,
	tooLargeToParse,
	type Base,
	type Described,
	type OpenedSource
} from './source.ts';
import type { ReadOptions, SourcePreview } from './types.ts';

/** Text: JSON, NDJSON, or delimited (CSV, TSV, …) in any supported encoding. */
export async function openText(
	file: Blob,
	base: Base,
	options: ReadOptions
): Promise<OpenedSource> {
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
			encodingAlternatives: options.encoding ? [] : detected.alternatives,
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

function openDelimited(
	file: Blob,
	described: Described,
	text: string,
	complete: boolean,
	options: ReadOptions
): OpenedSource | undefined {
	const sample = text.replace(/^\uFEFF/, '');
	if (options.delimiter !== undefined && !/^[^"\r\n]$/u.test(options.delimiter))
		throw new ReadError(
			'read.bad-delimiter',
			`${JSON.stringify(options.delimiter)} cannot separate columns: use one character other than a quote or line break`
		);
	const delimiter = options.delimiter ?? sniffDelimiter(sample, complete);
	const skip = skipSet(options);
	const wanted = Math.max(HEADER_SAMPLE_ROWS, options.headerRow ?? 0) + PREVIEW_ROWS + skip.size;
	const records = parseRecords(sample, delimiter, wanted, complete);
	if (records.length === 0) return undefined;
	const rows = records.map((r) => ({ line: r.line, cells: r.fields }));
	// The header, or the row after it, may lie past an incomplete sample: look further.
	if (!complete && records.length < wanted) {
		const found =
			options.headerRow === undefined
				? findHeader(rows)
				: records.findIndex((r) => r.line === options.headerRow);
		if (found === -1 || found === records.length - 1) return undefined;
	}
	const at = locateHeader(rows, options, 'the file', options.delimiter !== undefined);
	const { header, warnings } = dedupeHeader(records[at].fields);
	if (records.length === at + 1)
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
	const data = records.slice(at + 1).filter((_, i) => !skip.has(i + 1));
	const preview: SourcePreview = {
		...described,
		fileKind: 'csv',
		delimiter,
		header,
		headerRow: records[at].line,
		rowsAboveHeader: records.slice(0, at).map((r) => ({ line: r.line, cells: r.fields })),
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
					skipRows: [...skip],
					headerLine: records[at].line
				},
				table,
				{
					signal: options.signal,
					onBytes: (phase, bytes) => report(options, { phase, bytes, totalBytes: file.size }),
					onLoading: (rows) =>
						report(options, {
							phase: 'loading',
							bytes: file.size,
							totalBytes: file.size,
							...(rows === undefined ? {} : { rows })
						})
				},
				options.pieceBytes
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
		headerRow: 1,
		rowsAboveHeader: [],
		rows: previewRows(rows, header.length),
		warnings: [...described.warnings, ...warnings]
	};
	if (rows.length === 0 && parsed.rejected.length === 0)
		throw new ReadError('read.no-rows', 'the JSON holds no objects');
	return {
		preview,
		load: (engine, table) =>
			loadParsed(engine, table, header, rows, parsed.rejected, file.size, options)
	};
}
