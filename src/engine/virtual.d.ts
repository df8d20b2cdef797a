declare module 'virtual:duckdb-wasm' {
	/** URLs of DuckDB's gzip-compressed wasm bundles, served from our own build. */
	const urls: { eh: string; mvp: string };
	export default urls;
}
