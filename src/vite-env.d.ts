/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

declare module 'virtual:duckdb-wasm' {
	/** URLs of DuckDB's gzip-compressed wasm bundles, served from our own build (vite.config.ts). */
	const urls: { eh: string; mvp: string };
	export default urls;
}

declare module 'virtual:sample-tables' {
	/** The one-click sample's shipped tables, built with the app (scripts/sample-tables-plugin.ts). */
	const source: import('./sample/sample-tables.ts').SampleSource;
	export default source;
}
