import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { sampleTables } from './scripts/sample-tables-plugin.ts';

const require = createRequire(import.meta.url);
const WASM_BUNDLES = ['eh', 'mvp'] as const;
const VIRTUAL_ID = 'virtual:duckdb-wasm';

/**
 * Ships DuckDB's wasm gzip-compressed from our own build: 34 MB becomes < 8 MB, no file in dist/
 * exceeds static hosts' 25 MB cap, and nothing depends on the host compressing `.wasm`. The page
 * inflates it with DecompressionStream (src/engine/wasm-url.ts).
 */
function duckdbWasmGz(): Plugin {
	const cache = new Map<string, Buffer>();
	const gz = (bundle: string): Buffer => {
		let out = cache.get(bundle);
		if (!out) {
			const src = readFileSync(require.resolve(`@duckdb/duckdb-wasm/dist/duckdb-${bundle}.wasm`));
			out = gzipSync(src, { level: 6 });
			cache.set(bundle, out);
		}
		return out;
	};
	let serving = false;
	return {
		name: 'huitou:duckdb-wasm-gz',
		configResolved(config) {
			serving = config.command === 'serve';
		},
		resolveId(id) {
			return id === VIRTUAL_ID ? '\0' + VIRTUAL_ID : undefined;
		},
		load(id) {
			if (id !== '\0' + VIRTUAL_ID) return undefined;
			const entries = WASM_BUNDLES.map((b) => {
				if (serving) return `${b}: new URL('/@huitou/duckdb-${b}.wasm.gz', location.href).href`;
				const source = gz(b);
				const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
				const ref = this.emitFile({
					type: 'asset',
					fileName: `assets/duckdb-${b}-${hash}.wasm.gz`,
					source
				});
				return `${b}: import.meta.ROLLUP_FILE_URL_${ref}`;
			});
			return `export default { ${entries.join(', ')} };`;
		},
		configureServer(server) {
			server.middlewares.use((req, res, next) => {
				const m = /^\/@huitou\/duckdb-(eh|mvp)\.wasm\.gz$/.exec(req.url ?? '');
				if (!m) return next();
				res.setHeader('Content-Type', 'application/gzip');
				res.end(gz(m[1]));
			});
		}
	};
}

export default defineConfig({
	// Relative asset URLs: dist/ works from any static host and any sub-path.
	base: './',
	plugins: [
		svelte(),
		duckdbWasmGz(),
		sampleTables(),
		// Offline after the first visit, installable. A new version waits until every tab of the
		// old one is closed, so an open notebook is never reloaded under the user.
		VitePWA({
			registerType: 'prompt',
			injectRegister: null,
			manifest: {
				name: 'huitou 回头 — returning-customer analytics',
				short_name: 'huitou',
				description: 'Private, in-browser analytics for e-commerce order exports',
				start_url: './',
				scope: './',
				display: 'standalone',
				background_color: '#f6f5f3',
				theme_color: '#c2410c',
				icons: [
					{ src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
					{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }
				]
			},
			workbox: {
				// The eh engine is what current browsers run: precache it. The mvp fallback is cached
				// on first use only, so nobody downloads 9 MB they will never need. The sample's tables
				// (6 MB) are precached too: "Try sample data" works offline.
				globPatterns: [
					'**/*.{js,css,html,svg,png,webmanifest}',
					'assets/duckdb-eh-*.wasm.gz',
					'assets/sample-*.arrow.gz'
				],
				globIgnores: ['**/duckdb-browser-mvp.worker-*.js'],
				maximumFileSizeToCacheInBytes: 12 * 1024 * 1024,
				navigateFallback: 'index.html',
				runtimeCaching: [
					{
						urlPattern: /duckdb-(browser-)?mvp/,
						handler: 'CacheFirst',
						options: { cacheName: 'huitou-engine-fallback' }
					}
				]
			}
		})
	],
	worker: { format: 'es' },
	build: {
		target: 'es2022',
		chunkSizeWarningLimit: 1500,
		assetsInlineLimit: 0
	},
	server: { port: 5173, strictPort: false },
	preview: { port: 4173 }
});
