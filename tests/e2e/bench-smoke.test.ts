/**
 * A small run of `npm run bench` (5k orders, app and native DuckDB, no README write): the bench code
 * still drives the app end to end and fills every field. No timing assertions — only that the
 * numbers exist and are plausible.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runBench } from '../../scripts/bench/run.ts';
import { renderChart, renderSection } from '../../scripts/bench/report.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'huitou-bench-smoke-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test(
	'the benchmark runs the app and native DuckDB on 5k orders and reports every field',
	{ timeout: 600_000 },
	async () => {
		const results = await runBench({
			sizes: [5000],
			// The full layout, so line items and products go through the bench too.
			format: 'generic',
			dataDir,
			raw: false,
			// The sample's own run takes minutes on a busy machine; `npm run bench` measures it.
			sample: false,
			dist: 'dist',
			timeoutMs: 300_000,
			log: () => undefined
		});
		expect(results.initialJs.files.length).toBeGreaterThan(0);
		expect(results.initialJs.gzipBytes).toBeGreaterThan(0);
		expect(results.initialJs.gzipBytes).toBeLessThan(results.initialJs.bytes);
		const [z] = results.sizes;
		expect(z.orders).toBe(5000);
		// The importer and native DuckDB agree on what the file holds.
		expect(z.native.rows).toBe(z.file.orders);
		for (const ms of [
			z.app.engineStartMs,
			z.app.previewMs,
			z.app.importMs,
			z.app.renderMs,
			z.app.paramMs,
			z.app.firstViewMs,
			z.app.paramVisibleMs,
			z.native.loadMs,
			z.native.renderMs
		])
			expect(ms).toBeGreaterThan(0);
		expect(z.app.asOf.after < z.app.asOf.before).toBe(true);
		// The cells in view are a part of every cell: never later than all of them.
		expect(z.app.firstViewMs).toBeLessThanOrEqual(z.app.renderMs);
		expect(z.app.paramVisibleMs).toBeLessThanOrEqual(z.app.paramMs);
		// The app ran the import's statements, then the cells', then re-ran cells for the new date.
		expect(z.app.statements.load.some((q) => q.sql.includes('read_csv('))).toBe(true);
		expect(z.app.statements.render.length).toBeGreaterThan(3);
		expect(z.app.statements.param.length).toBeGreaterThan(0);
		// One cell's parameter: only that cell's statements, a few, none of the as-of change's.
		expect(z.app.cellParam.ms).toBeGreaterThan(0);
		expect(z.app.cellParam.statements.length).toBeGreaterThan(0);
		expect(z.app.cellParam.statements.length).toBeLessThan(z.app.statements.param.length);
		// Quintiles scored from the kept customer summary (its ranks), without aggregating orders.
		expect(z.app.cellParam.statements.some((q) => q.sql.includes('_rank - 1)) // customers'))).toBe(
			true
		);
		for (const q of z.app.cellParam.statements) expect(q.sql).not.toContain('GROUP BY customer_id');
		// Native replayed exactly those statements; the only ones it cannot run read the tables the
		// prediction cell inserts as Arrow from its JS fit, which a SQL replay does not recreate.
		expect(z.native.render.map((q) => q.sql)).toEqual(z.app.statements.render.map((q) => q.sql));
		for (const q of z.native.render.filter((q) => q.error))
			expect(q.error).toMatch(/Table with name (predict_\w+|predictions) does not exist/);
		expect(z.ratios.appOverNative).toBeGreaterThan(0);
		expect(z.raw).toBeNull();
		expect(z.app.memory.jsHeapUsedPeak).toBeGreaterThan(1e6);
		expect(z.app.memory.rendererPeakRss).toBeGreaterThan(z.app.memory.jsHeapUsedPeak);
		expect(z.throughput.rowsPerSecond).toBeGreaterThan(0);
		// The report renders from these results without touching the README.
		expect(renderSection(results, 'bench/time-vs-size.svg')).toContain('| 4.8k');
		expect(renderChart(results)).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
	}
);
