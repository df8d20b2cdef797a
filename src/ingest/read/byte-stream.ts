import { ReadError, throwIfAborted } from './read-error.ts';

export interface StreamOptions {
	/** Decompress gzip on the way (DecompressionStream, so memory stays one chunk at a time). */
	gunzip: boolean;
	signal?: AbortSignal;
	/** Called with the count of file bytes read so far (compressed bytes for gzip). */
	onBytes?: (bytes: number) => void;
}

/** Yields the file's bytes chunk by chunk, decompressed if asked; checks for cancel between chunks. */
export async function* streamBytes(blob: Blob, options: StreamOptions): AsyncGenerator<Uint8Array> {
	let read = 0;
	const counted = blob.stream().pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				read += chunk.byteLength;
				options.onBytes?.(read);
				controller.enqueue(chunk);
			}
		})
	);
	const stream = options.gunzip
		? counted.pipeThrough(
				new DecompressionStream('gzip') as TransformStream<Uint8Array, Uint8Array>
			)
		: counted;
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
