/**
 * One benchmark run: per size, a sample file, the app in headless Chromium, native DuckDB on the
 * same file and SQL, and raw duckdb-wasm on the same SQL; then ratios within this run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeSampleFile } from '../sample.ts';
import type { SampleFormat } from '../../src/sample/formats.ts';
import { serveDist } from '../../tests/helpers/static-server.ts';
import { dataSummarySql } from '../../src/analyses/data-summary.ts';
import { runApp, runSample, type AppRun, type SampleRun } from './app.ts';
import { runNative, type NativeRun } from './native.ts';
import { runRaw, type RawRun } from './raw.ts';
import type { TimedStatement } from './types.ts';

export interface BenchOptions {
	sizes: number[];
	/** The sample layout of every file (src/sample/formats.ts). */
	format: SampleFormat;
	/** Where sample files are written (reused when present: same seed → same bytes). */
	dataDir: string;
	/** Skip raw duckdb-wasm (the smoke test). */
	raw: boolean;
	/** Measure the one-click sample (click → charts) before the sizes. */
	sample: boolean;
	timeoutMs: number;
	/** An existing production build to measure instead of building one. */
	dist?: string;
	/** Called after each size with the results so far (a long run keeps what it measured). */
	onSize?: (partial: BenchResults) => void;
	log: (line: string) => void;
}

export interface SizeResult {
	orders: number;
	file: { path: string; bytes: number; orders: number; lines: number };
	app: AppRun & { totalMs: number; loadMs: number };
	native: Omit<NativeRun, 'loadStatements' | 'render' | 'param'> & {
		totalMs: number;
		render: TimedStatement[];
	};
	raw: (Omit<RawRun, 'render'> & { totalMs: number }) | null;
	ratios: { appOverNative: number; appOverRaw: number | null; rawOverNative: number | null };
	throughput: { rowsPerSecond: number; mbPerSecond: number };
	/**
	 * Where the app's time went (file chosen → every cell rendered): inside DuckDB (the statements'
	 * worker round trips) vs everything else (file preview and scans in JS, Arrow decoding, charts,
	 * waiting), and the import's share of the DuckDB time.
	 */
	breakdown: {
		sqlMs: number;
		otherMs: number;
		importSqlMs: number;
		slowest: {
			phase: string;
			sql: string;
			appMs: number;
			nativeMs: number | null;
			rawMs: number | null;
		}[];
	};
}

export interface BenchResults {
	generatedAt: string;
	machine: {
		cpu: string;
		cores: number;
		memoryGB: number;
		loadAverage: { start: number[]; end: number[] };
		node: string;
		chromium: string;
		platform: string;
	};
	initialJs: { files: string[]; bytes: number; gzipBytes: number };
	/** The build measured, and the commit checked out when it ran. */
	build: string;
	commit: string;
	/** The sample layout of every file. */
	format: SampleFormat;
	/** The one-click sample (its tables shipped with the build), when measured. */
	sample?: SampleRun;
	/** The same, clicked as soon as the page shows, while DuckDB still starts. */
	sampleWhileStarting?: SampleRun;
	sizes: SizeResult[];
}

const sum = (xs: TimedStatement[]) => xs.reduce((s, x) => s + x.ms, 0);
const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 140);

/** Builds the production app into its own folder, so a shared dist/ is never rebuilt under tests. */
function buildApp(outDir: string): void {
	execFileSync(
		'npx',
		['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
		{
			stdio: 'inherit'
		}
	);
}

function buildRawPage(): string {
	execFileSync('npx', ['vite', 'build', '--config', 'scripts/bench/vite.raw.config.ts'], {
		stdio: 'inherit'
	});
	return path.resolve('bench/raw-dist');
}

/** The JS index.html loads before any interaction: entry scripts and their module preloads. */
function measureInitialJs(dist: string): BenchResults['initialJs'] {
	const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
	const refs = [
		...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g),
		...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)
	].map((m) => m[1].replace(/^\.\//, ''));
	const files = [...new Set(refs)];
	let bytes = 0;
	let gzipBytes = 0;
	for (const f of files) {
		const data = readFileSync(path.join(dist, f));
		bytes += data.length;
		gzipBytes += gzipSync(data, { level: 9 }).length;
	}
	return { files, bytes, gzipBytes };
}

async function ensureSample(
	dataDir: string,
	orders: number,
	format: SampleFormat,
	log: (s: string) => void
) {
	mkdirSync(dataDir, { recursive: true });
	const file = path.resolve(
		dataDir,
		`orders-${orders}${format === 'generic' ? '' : `-${format}`}.csv`
	);
	const meta = `${file}.json`;
	if (existsSync(file) && existsSync(meta))
		return {
			path: file,
			...(JSON.parse(readFileSync(meta, 'utf8')) as { orders: number; lines: number })
		};
	log(`  generating ${orders.toLocaleString('en-US')} orders → ${file}`);
	const report = await writeSampleFile({ orders, format, encoding: 'utf8', out: file });
	const info = { orders: report.orders, lines: report.rows };
	const { writeFileSync } = await import('node:fs');
	writeFileSync(meta, JSON.stringify(info));
	return { path: file, ...info };
}

function chromiumVersion(): string {
	try {
		return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
			encoding: 'utf8',
			// Debian's wrapper script prints a harmless shell warning on stderr.
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
	} catch {
		return 'unknown';
	}
}

/** Matches the app's statements with the reference runs of the same SQL (same order). */
function slowest(
	app: AppRun,
	native: NativeRun,
	raw: RawRun | null
): SizeResult['breakdown']['slowest'] {
	const rows: SizeResult['breakdown']['slowest'] = [];
	app.statements.load.forEach((s) =>
		rows.push({ phase: 'load', sql: oneLine(s.sql), appMs: s.ms, nativeMs: null, rawMs: null })
	);
	app.statements.render.forEach((s, i) =>
		rows.push({
			phase: 'render',
			sql: oneLine(s.sql),
			appMs: s.ms,
			nativeMs: native.render[i]?.ms ?? null,
			rawMs: raw?.render[i]?.ms ?? null
		})
	);
	return rows.sort((a, b) => b.appMs - a.appMs).slice(0, 8);
}

export async function runBench(opts: BenchOptions): Promise<BenchResults> {
	const loadStart = os.loadavg();
	let appDist = path.resolve(opts.dist ?? 'bench/app-dist');
	if (!opts.dist) {
		opts.log('building the app (production) …');
		try {
			buildApp(appDist);
		} catch (e) {
			// The tree is shared and may be mid-edit; an earlier production build still measures the app.
			if (!existsSync('dist/index.html')) throw e;
			appDist = path.resolve('dist');
			opts.log('  the working tree does not build; measuring the existing dist/ instead');
		}
	}
	const rawDist = opts.raw ? (opts.log('building the raw duckdb-wasm page …'), buildRawPage()) : '';
	const appServer = await serveDist(appDist, '/shop/huitou/');
	const rawServer = opts.raw ? await serveDist(rawDist, '/raw/') : null;
	const sizes: SizeResult[] = [];
	let sample: SampleRun | undefined;
	let sampleWhileStarting: SampleRun | undefined;
	try {
		if (opts.sample) {
			const describe = (r: SampleRun) =>
				`    loaded ${((r.loadMs ?? 0) / 1000).toFixed(1)} s, first chart ${((r.firstChartMs ?? 0) / 1000).toFixed(1)} s, first view ${(r.firstViewMs / 1000).toFixed(1)} s, every cell ${(r.allMs / 1000).toFixed(1)} s`;
			opts.log('the one-click sample …');
			sample = await runSample(appServer.url, opts.timeoutMs);
			opts.log(describe(sample));
			opts.log('the one-click sample, clicked while the engine starts …');
			sampleWhileStarting = await runSample(appServer.url, opts.timeoutMs, true);
			opts.log(describe(sampleWhileStarting));
		}
		for (const orders of opts.sizes) {
			opts.log(`size ${orders.toLocaleString('en-US')} orders`);
			const sample = await ensureSample(opts.dataDir, orders, opts.format, opts.log);
			const bytes = statSync(sample.path).size;

			opts.log('  app (headless Chromium) …');
			const app = await runApp(appServer.url, sample.path, {
				timeoutMs: opts.timeoutMs,
				dataSummarySql
			});
			const appLoadMs = app.previewMs + app.importMs;
			const appTotalMs = appLoadMs + app.renderMs;
			opts.log(
				`    total ${(appTotalMs / 1000).toFixed(1)} s, first view ${(app.firstViewMs / 1000).toFixed(1)} s after import, re-render ${app.paramMs.toFixed(0)} ms (visible ${app.paramVisibleMs.toFixed(0)} ms)`
			);

			opts.log('  native DuckDB …');
			const renderSql = app.statements.render.map((s) => s.sql);
			const paramSql = app.statements.param.map((s) => s.sql);
			const native = await runNative(sample.path, renderSql, paramSql, new Date());
			const nativeTotalMs = native.loadMs + native.renderMs;
			opts.log(`    total ${(nativeTotalMs / 1000).toFixed(1)} s`);

			let raw: RawRun | null = null;
			if (rawServer) {
				opts.log('  raw duckdb-wasm …');
				raw = await runRaw(
					rawServer.url,
					sample.path,
					native.registeredAs,
					{
						load: native.loadStatements.map((s) => s.sql),
						render: renderSql,
						param: paramSql
					},
					opts.timeoutMs
				);
				opts.log(`    total ${((raw.loadMs + raw.renderMs) / 1000).toFixed(1)} s`);
			}
			const rawTotalMs = raw ? raw.loadMs + raw.renderMs : null;
			const importSqlMs = sum(app.statements.load);
			const sqlMs = importSqlMs + sum(app.statements.render);
			sizes.push({
				orders,
				file: {
					path: path.relative(process.cwd(), sample.path),
					bytes,
					orders: sample.orders,
					lines: sample.lines
				},
				app: { ...app, loadMs: appLoadMs, totalMs: appTotalMs },
				native: {
					loadMs: native.loadMs,
					loadSqlMs: native.loadSqlMs,
					registeredAs: native.registeredAs,
					rows: native.rows,
					renderMs: native.renderMs,
					paramMs: native.paramMs,
					totalMs: nativeTotalMs,
					render: native.render
				},
				raw: raw
					? {
							engineStartMs: raw.engineStartMs,
							loadMs: raw.loadMs,
							renderMs: raw.renderMs,
							paramMs: raw.paramMs,
							engineMemoryBytes: raw.engineMemoryBytes,
							renderCpu: raw.renderCpu,
							totalMs: rawTotalMs!
						}
					: null,
				ratios: {
					appOverNative: appTotalMs / nativeTotalMs,
					appOverRaw: rawTotalMs ? appTotalMs / rawTotalMs : null,
					rawOverNative: rawTotalMs ? rawTotalMs / nativeTotalMs : null
				},
				throughput: {
					rowsPerSecond: sample.lines / (appLoadMs / 1000),
					mbPerSecond: bytes / 1e6 / (appLoadMs / 1000)
				},
				breakdown: {
					sqlMs,
					otherMs: appTotalMs - sqlMs,
					importSqlMs,
					slowest: slowest(app, native, raw)
				}
			});
			opts.onSize?.(summarize());
		}
	} finally {
		await appServer.close();
		await rawServer?.close();
	}
	return summarize();

	function summarize(): BenchResults {
		const cpus = os.cpus();
		return {
			generatedAt: new Date().toISOString(),
			machine: {
				cpu: cpus[0]?.model ?? 'unknown',
				cores: cpus.length,
				memoryGB: Math.round(os.totalmem() / 2 ** 30),
				loadAverage: { start: loadStart, end: os.loadavg() },
				node: process.version,
				chromium: chromiumVersion(),
				platform: `${os.type()} ${os.release()} ${os.arch()}`
			},
			initialJs: measureInitialJs(appDist),
			build: path.relative(process.cwd(), appDist),
			commit: gitCommit(),
			format: opts.format,
			sample,
			sampleWhileStarting,
			sizes
		};
	}
}

function gitCommit(): string {
	try {
		return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
	} catch {
		return 'unknown';
	}
}
