import wasmGz from 'virtual:duckdb-wasm';

/**
 * Fetches a gzip-compressed wasm bundle from our own origin and inflates it in the page, returning
 * a `blob:` URL DuckDB can instantiate (see vite.config.ts for why the wasm ships compressed).
 */
export async function inflateWasm(
	bundle: keyof typeof wasmGz,
	onProgress?: (loaded: number, total: number) => void
): Promise<string> {
	const res = await fetch(wasmGz[bundle]);
	if (!res.ok || !res.body) throw new Error(`could not load the DuckDB engine (${res.status})`);
	const total = Number(res.headers.get('content-length') ?? 0);
	let loaded = 0;
	const counted = res.body.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, ctl) {
				loaded += chunk.byteLength;
				onProgress?.(loaded, total);
				ctl.enqueue(chunk);
			}
		})
	);
	// Some hosts add Content-Encoding: gzip to .gz files; then the browser has already inflated it.
	const bytes = new Uint8Array(await new Response(counted).arrayBuffer());
	const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
	const stream = new Blob([bytes]).stream();
	const wasm = isGzip ? stream.pipeThrough(new DecompressionStream('gzip')) : stream;
	const blob = new Blob([await new Response(wasm).arrayBuffer()], { type: 'application/wasm' });
	return URL.createObjectURL(blob);
}
