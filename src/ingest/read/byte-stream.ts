import { ReadError, throwIfAborted } from './read-error.ts';

export interface StreamOptions {
	/** Decompress gzip on the way (DecompressionStream, so memory stays one chunk at a time). */
	gunzip: boolean;
	signal?: AbortSignal;
	/** Called with the count of file bytes read so far (compressed bytes for gzip). */
	onBytes?: (bytes: number) => void;
}

/** Bytes read from the file per step: progress and cancel are checked this often. */
const CHUNK_BYTES = 1024 * 1024;

/** Yields the file's bytes chunk by chunk, decompressed if asked; checks for cancel between chunks. */
export async function* streamBytes(blob: Blob, options: StreamOptions): AsyncGenerator<Uint8Array> {
	const raw = readSlices(blob, options.onBytes);
	const stream = options.gunzip
		? raw.pipeThrough(new DecompressionStream('gzip') as TransformStream<Uint8Array, Uint8Array>)
		: raw;
	const reader = stream.getReader();
	try {
		for (;;) {
			throwIfAborted(options.signal);
			let step: ReadableStreamReadResult<Uint8Array>;
			try {
				step = await reader.read();
			} catch (e) {
				throw options.gunzip ? gzipError(e) : e;
			}
			if (step.done) return;
			yield step.value;
		}
	} finally {
		// Stops the file read when the consumer leaves early (a preview needs only the head).
		await reader.cancel().catch(() => undefined);
	}
}

/**
 * The file as a stream of fixed-size slices. `Blob.stream()` chunking is up to the runtime
 * (Node 20 hands over the whole file as one chunk), which would defeat progress and cancel.
 */
function readSlices(blob: Blob, onBytes?: (bytes: number) => void): ReadableStream<Uint8Array> {
	let position = 0;
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				if (position >= blob.size) return controller.close();
				const end = Math.min(blob.size, position + CHUNK_BYTES);
				const chunk = new Uint8Array(await blob.slice(position, end).arrayBuffer());
				position = end;
				onBytes?.(position);
				controller.enqueue(chunk);
			}
		},
		{ highWaterMark: 0 }
	);
}

/** Node says "unexpected end of file", Chromium "Compressed input was truncated". */
function gzipError(e: unknown): ReadError {
	const detail = String((e as Error)?.message ?? e);
	return /trunc|end of (file|stream|input)/i.test(detail)
		? new ReadError('read.gzip-truncated', detail)
		: new ReadError('read.gzip-corrupt', detail);
}

/** The first `maxBytes` (or a little more) of the (decompressed) file; `complete` if that is all of it. */
export async function readHead(
	blob: Blob,
	gunzip: boolean,
	maxBytes: number,
	signal?: AbortSignal
): Promise<{ bytes: Uint8Array; complete: boolean }> {
	const out = new ByteBuffer(Infinity);
	for await (const chunk of streamBytes(blob, { gunzip, signal })) {
		out.push(chunk);
		if (out.length >= maxBytes)
			return { bytes: out.bytes().subarray(0, maxBytes), complete: false };
	}
	return { bytes: out.bytes(), complete: true };
}

/** A growable byte array; refuses to grow past `limit` (the memory we allow for one copy). */
export class ByteBuffer {
	#buf: Uint8Array;
	length = 0;

	constructor(
		readonly limit: number,
		initial = 64 * 1024
	) {
		this.#buf = new Uint8Array(Math.max(16, Math.min(initial, limit)));
	}

	push(chunk: Uint8Array): void {
		this.reserve(chunk.byteLength);
		this.#buf.set(chunk, this.length);
		this.length += chunk.byteLength;
	}

	/** Room for `n` more bytes, at `tail()`; call `advance(written)` after writing there. */
	reserve(n: number): void {
		const need = this.length + n;
		if (need > this.limit)
			throw new ReadError(
				'read.too-large',
				`more than ${Math.round(this.limit / 1024 ** 2)} MB after decompressing or converting`
			);
		if (need <= this.#buf.byteLength) return;
		const grown = new Uint8Array(
			Math.min(this.limit, Math.max(need, Math.ceil(this.#buf.byteLength * 1.5)))
		);
		grown.set(this.#buf.subarray(0, this.length));
		this.#buf = grown;
	}

	tail(): Uint8Array {
		return this.#buf.subarray(this.length);
	}

	advance(n: number): void {
		this.length += n;
	}

	bytes(): Uint8Array {
		return this.#buf.subarray(0, this.length);
	}
}
