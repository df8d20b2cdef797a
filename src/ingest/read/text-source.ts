import type { EncodingName } from './types.ts';
import { ByteBuffer, streamBytes } from './byte-stream.ts';
import { MAX_BUFFER_BYTES } from './limits.ts';
import { createDecoder } from './text-decoder.ts';

/**
 * Finds blank lines outside quotes in UTF-8 CSV bytes, fed chunk by chunk. DuckDB skips blank
 * lines but counts them in its line numbers, so they must be known to number the loaded rows
 * the way DuckDB numbers the rejected ones.
 */
export class BlankLineScanner {
	readonly blankLines: number[] = [];
	#line = 1;
	#quoted = false;
	#justClosed = false;
	#recordStarted = false;
	#fieldStart = true;
	#afterCr = false;

	/** `delimiter`: its first byte marks field starts, where a quote opens a quoted field. */
	constructor(private readonly delimiter: string) {}

	feed(bytes: Uint8Array): void {
		const delimiter = this.delimiter.charCodeAt(0);
		let line = this.#line;
		let quoted = this.#quoted;
		let justClosed = this.#justClosed;
		let started = this.#recordStarted;
		let fieldStart = this.#fieldStart;
		let afterCr = this.#afterCr;
		for (let i = 0; i < bytes.length; i++) {
			const b = bytes[i];
			if (quoted) {
				if (b === 0x22) {
					quoted = false;
					justClosed = true;
				}
				continue;
			}
			if (b === 0x22 && justClosed) {
				quoted = true; // "" inside a quoted field: an escaped quote, still quoted
				justClosed = false;
				continue;
			}
			justClosed = false;
			if (b === 0x0a && afterCr) {
				afterCr = false;
				continue; // the \n of \r\n: the record already ended at \r
			}
			afterCr = false;
			if (b === 0x0a || b === 0x0d) {
				if (!started) this.blankLines.push(line);
				line++;
				started = false;
				fieldStart = true;
				afterCr = b === 0x0d;
				continue;
			}
			started = true;
			// As in DuckDB, a quote opens a quoted field only at the field's start (not in 15" laptop).
			if (b === 0x22 && fieldStart) quoted = true;
			fieldStart = b === delimiter;
		}
		this.#line = line;
		this.#quoted = quoted;
		this.#justClosed = justClosed;
		this.#recordStarted = started;
		this.#fieldStart = fieldStart;
		this.#afterCr = afterCr;
	}
}

/**
 * Whether the bytes hold two line ends in a row anywhere (\n\n, \n\r, \r\r), fed chunk by
 * chunk. Without that there is no blank line, and the byte-by-byte scan is skipped: `indexOf`
 * runs several times faster than a JS loop over every byte.
 */
export class BlankLineProbe {
	found = false;
	#last = 0;

	feed(bytes: Uint8Array): void {
		if (this.found || bytes.length === 0) return;
		const pair = (a: number, b: number) =>
			(a === 0x0a && (b === 0x0a || b === 0x0d)) || (a === 0x0d && b === 0x0d);
		if (pair(this.#last, bytes[0])) this.found = true;
		for (let i = bytes.indexOf(0x0a); !this.found && i !== -1; i = bytes.indexOf(0x0a, i + 1))
			if (i + 1 < bytes.length && pair(0x0a, bytes[i + 1])) this.found = true;
		for (let i = bytes.indexOf(0x0d); !this.found && i !== -1; i = bytes.indexOf(0x0d, i + 1))
			if (i + 1 < bytes.length && bytes[i + 1] === 0x0d) this.found = true;
		this.#last = bytes[bytes.length - 1];
	}
}

export interface Utf8Text {
	bytes: Uint8Array;
	/** Characters that could not be decoded and became U+FFFD. */
	replaced: number;
	blankLines: number[];
}

/**
 * The whole (decompressed) file as UTF-8 bytes, decoding from `encoding` in streamed chunks so
 * that only the output is held in memory. Fails with 'read.too-large' past MAX_BUFFER_BYTES.
 */
export async function readAsUtf8(
	blob: Blob,
	encoding: EncodingName,
	delimiter: string,
	gunzip: boolean,
	signal: AbortSignal | undefined,
	onBytes: (bytes: number) => void
): Promise<Utf8Text> {
	const out = new ByteBuffer(MAX_BUFFER_BYTES, Math.ceil(blob.size * (gunzip ? 4 : 1.2)) + 1024);
	const decoder = createDecoder(encoding);
	const encoder = new TextEncoder();
	let replaced = 0;
	const write = (text: string) => {
		replaced += countReplacements(text);
		let rest = text;
		while (rest.length > 0) {
			out.reserve(rest.length + 4); // room for at least one more character of any width
			const { read, written } = encoder.encodeInto(rest, out.tail());
			out.advance(written);
			rest = rest.slice(read);
		}
	};
	for await (const chunk of streamBytes(blob, { gunzip, signal, onBytes }))
		write(decoder.decode(chunk, { stream: true }));
	write(decoder.decode());
	const bytes = out.bytes();
	return { bytes, replaced, blankLines: findBlankLinesIn(bytes, delimiter) };
}

/** Blank lines of a UTF-8 file read as it is (the bytes go to DuckDB untouched). */
export async function scanBlankLines(
	blob: Blob,
	delimiter: string,
	signal: AbortSignal | undefined,
	onBytes: (bytes: number) => void
): Promise<number[]> {
	const probe = new BlankLineProbe();
	for await (const chunk of streamBytes(blob, { gunzip: false, signal, onBytes })) {
		probe.feed(chunk);
		if (probe.found) break;
	}
	if (!probe.found) return [];
	// Rare: read again, this time minding quotes (two line ends may sit inside a quoted note).
	const scanner = new BlankLineScanner(delimiter);
	for await (const chunk of streamBytes(blob, { gunzip: false, signal })) scanner.feed(chunk);
	return scanner.blankLines;
}

function findBlankLinesIn(bytes: Uint8Array, delimiter: string): number[] {
	const probe = new BlankLineProbe();
	probe.feed(bytes);
	if (!probe.found) return [];
	const scanner = new BlankLineScanner(delimiter);
	scanner.feed(bytes);
	return scanner.blankLines;
}

function countReplacements(text: string): number {
	let n = 0;
	for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
	return n;
}
