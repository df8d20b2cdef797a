/**
 * Builds the raw duckdb-wasm page (scripts/bench/raw-page) into bench/raw-dist/ (git-ignored);
 * `npm run bench` runs it before measuring.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	root: fileURLToPath(new URL('./raw-page', import.meta.url)),
	base: './',
	logLevel: 'warn',
	worker: { format: 'es' },
	build: {
		outDir: fileURLToPath(new URL('../../bench/raw-dist', import.meta.url)),
		emptyOutDir: true,
		target: 'es2022',
		assetsInlineLimit: 0,
		chunkSizeWarningLimit: 40_000
	}
});
