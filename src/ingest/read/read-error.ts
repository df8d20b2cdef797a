import type { Failure } from '../../lib/result.ts';

/**
 * Thrown inside the reader and turned into a `Failure` once, at the public functions: reading
 * nests streams, decoders and callbacks, and a value-returning style at every level would bury
 * the logic. Nothing outside src/ingest/read sees it.
 */
export class ReadError extends Error {
	constructor(
		readonly code: string,
		detail: string
	) {
		super(detail);
	}
}

export function toFailure(e: unknown): Failure {
	if (e instanceof ReadError) return { code: e.code, detail: e.message };
	if (e instanceof DOMException && e.name === 'AbortError')
		return { code: 'read.cancelled', detail: 'reading was cancelled' };
	return { code: 'read.failed', detail: String((e as Error)?.message ?? e) };
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new ReadError('read.cancelled', 'reading was cancelled');
}
