import { Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

const encoder = new TextEncoder();

/**
 * A Utf8 Arrow vector built from its buffers. apache-arrow's own `vectorFromArray` compiles a
 * null-check with `new Function`, which the page's Content-Security-Policy (no 'unsafe-eval')
 * refuses; building the offsets, bytes and validity bitmap directly needs no eval.
 */
export function utf8Vector(values: readonly (string | null | undefined)[]): Vector<Utf8> {
	const n = values.length;
	const offsets = new Int32Array(n + 1);
	const validity = new Uint8Array((n + 7) >> 3);
	const parts: Uint8Array[] = [];
	let bytes = 0;
	let nulls = 0;
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (v === null || v === undefined) nulls++;
		else {
			validity[i >> 3] |= 1 << (i & 7);
			const b = encoder.encode(v);
			parts.push(b);
			bytes += b.length;
		}
		offsets[i + 1] = bytes;
	}
	const data = new Uint8Array(bytes);
	let at = 0;
	for (const p of parts) {
		data.set(p, at);
		at += p.length;
	}
	return makeVector(
		makeData({
			type: new Utf8(),
			length: n,
			nullCount: nulls,
			nullBitmap: nulls ? validity : undefined,
			valueOffsets: offsets,
			data
		})
	);
}
