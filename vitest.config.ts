import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
	test: {
		projects: [
			{
				// Compiles runes in .svelte.ts modules (e.g. NotebookModel) for their unit tests.
				plugins: [svelte()],
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					// One module graph per worker, not per file: each file re-importing duckdb-wasm,
					// Svelte and the app's modules cost about 40% of the suite's CPU. No unit test
					// mocks modules or leaves globals changed, which is what sharing would break.
					isolate: false,
					// Both cores of CI's 2-core machine (vitest's default leaves one idle there).
					maxWorkers: 2,
					testTimeout: 30_000,
					// Starting duckdb-wasm takes seconds on a busy 2-core machine.
					hookTimeout: 60_000,
					env: { TZ: 'UTC' }
				}
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 120_000,
					// Two files at once, each with its own server and Chromium: one page keeps about one core
					// busy (DuckDB's worker) and waits on the other's rendering and on timers, so two pages
					// fill CI's two cores.
					maxWorkers: 2,
					env: { TZ: 'UTC' }
				}
			}
		]
	}
});
