/**
 * The app side of the benchmark: the production build in headless Chromium, driven like a user
 * (file input → import dialog → notebook → as-of date a month earlier), with no hook in the app.
 * An init script wraps `Worker` to see every statement the app sends to DuckDB (and when its last
 * response arrives), and records main-thread long tasks; memory comes from CDP and /proc.
 */
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launch } from '../../tests/helpers/browser.ts';
import type { TimedStatement } from './types.ts';
import { chromiumProcesses, cpuBetween, cpuByThread } from './cpu.ts';

/**
 * Runs in the page before the app. Kept as plain JS text: tsx would decorate a TS function with
 * helpers that do not exist in the page.
 */
const INIT_SCRIPT = `(() => {
	const b = { queries: [], pending: 0, kinds: new Map(), longTasks: [], marks: [] };
	window.__bench = b;
	const QUERY_KINDS = new Set(['START_PENDING_QUERY', 'POLL_PENDING_QUERY', 'FETCH_QUERY_RESULTS', 'RUN_QUERY']);
	const NOTICES = new Set(['LOG', 'PROGRESS_UPDATE', 'INSTANTIATE_PROGRESS']);
	const Base = window.Worker;
	window.Worker = class extends Base {
		constructor(...args) {
			super(...args);
			this.addEventListener('message', (e) => {
				const d = e.data;
				if (!d || NOTICES.has(d.type) || !b.kinds.has(d.requestId)) return;
				const kind = b.kinds.get(d.requestId);
				b.kinds.delete(d.requestId);
				b.pending--;
				if (QUERY_KINDS.has(kind) && b.queries.length) b.queries[b.queries.length - 1].end = performance.now();
			});
		}
		postMessage(msg, ...rest) {
			if (msg && typeof msg.messageId === 'number' && typeof msg.type === 'string') {
				b.kinds.set(msg.messageId, msg.type);
				b.pending++;
				if (msg.type === 'START_PENDING_QUERY' || msg.type === 'RUN_QUERY') {
					const now = performance.now();
					b.queries.push({ sql: String(msg.data[1]), start: now, end: now });
				}
			}
			return super.postMessage(msg, ...rest);
		}
	};
	// When every cell in the viewport shows what it will show (none busy), once a statement has been
	// sent after 'from' queries: what a user looking at the screen waits for. Polled in the page, so
	// no round trip to the bench decides the time. A cell is shown once it is idle and holds its
	// results, or it has nothing to run by itself: a markdown note, a SQL cell that waits for its
	// Run button (it may write), a cell that lacks a column, a stopped cell, an error.
	const SHOWN = ['.query[data-query-id]', '[data-testid=sql-waits]', '[data-testid=cell-lacks]',
		'[data-testid=cell-stopped]', '.error[role=alert]'].join(', ');
	const shown = (c) => c.dataset.cellKind === 'markdown' ||
		(!c.querySelector('.skeleton[aria-busy=true], .running') && !!c.querySelector(SHOWN));
	b.visible = {};
	b.firstChart = {};
	b.notebookShown = {};
	b.watchVisible = (key, from) => {
		const done = () => {
			const nb = document.querySelector('[data-testid=notebook]');
			if (!nb || b.queries.length <= from) return false;
			const inView = [...nb.querySelectorAll('[data-testid=cell]')].filter((c) => {
				const r = c.getBoundingClientRect();
				return r.bottom > 0 && r.top < innerHeight;
			});
			return inView.some((c) => c.dataset.cellKind !== 'markdown') && inView.every(shown);
		};
		const id = setInterval(() => {
			// The notebook's own appearance, on the page's clock: a round trip to the bench can
			// arrive after a small file's cells in view have rendered.
			if (document.querySelector('[data-testid=notebook]')) b.notebookShown[key] ??= performance.now();
			const chart = document.querySelector('[data-testid=notebook] [data-testid=chart] svg');
			if (chart && b.queries.length > from) b.firstChart[key] ??= performance.now();
			if (!done()) return;
			b.visible[key] = performance.now();
			clearInterval(id);
		}, 20);
	};
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, ms: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {}
})();`;

/** True (as the page's clock) once every cell has rendered and DuckDB has nothing in flight. */
const SETTLED = `(() => {
	const nb = document.querySelector('[data-testid=notebook]');
	if (!nb || window.__bench.pending > 0) return false;
	if (nb.querySelector('.skeleton[aria-busy=true], .running')) return false;
	if (!nb.querySelector('.query[data-query-id]')) return false;
	return performance.now();
})()`;

interface PageQuery {
	sql: string;
	start: number;
	end: number;
}

export interface AppRun {
	/** Navigation → engine status "ready": download, inflate and start of DuckDB (cold, no cache). */
	engineStartMs: number;
	/** File chosen → import dialog shows the preview. */
	previewMs: number;
	/** Import clicked → notebook shown. */
	importMs: number;
	/** Notebook shown → every default cell rendered, engine idle. */
	renderMs: number;
	/** Notebook shown → every cell in the viewport rendered (the first screen of charts). */
	firstViewMs: number;
	/** As-of date set a month earlier → every cell re-rendered. */
	paramMs: number;
	/** As-of date set a month earlier → the cells in the viewport re-rendered. */
	paramVisibleMs: number;
	asOf: { before: string; after: string };
	/**
	 * Then one cell's parameter changed (RFM scores: thresholds → quintiles) → that cell re-rendered:
	 * the others answer from the result cache, the base tables are reused.
	 */
	cellParam: { ms: number; statements: TimedStatement[] };
	/** Statements the app sent during the load, after the import (summaries), for every cell, and for the re-render. */
	statements: { load: TimedStatement[]; render: TimedStatement[]; param: TimedStatement[] };
	/** Time in main-thread tasks over 50 ms while the cells render (charts, tables, decoding). */
	renderBusyMs?: number;
	/**
	 * CPU time per Chromium thread ("renderer: DedicatedWorker" = DuckDB's and the fit worker)
	 * while importing and while the cells render: what competes with DuckDB for the cores.
	 */
	cpu?: { import: Record<string, number>; render: Record<string, number> };
	/** Main-thread tasks over 50 ms while loading (file chosen → notebook shown). */
	longTasks: { count: number; over200: number; maxMs: number };
	memory: {
		/** Peak of the page's JS heap (main thread), sampled. */
		jsHeapUsedPeak: number;
		/** Peak resident memory of the tab's renderer process (main thread, workers, wasm). */
		rendererPeakRss: number;
		/** The renderer's resident memory with the engine ready and no file: the page's floor. */
		rendererReadyRss?: number;
		/**
		 * The renderer's peak so far at the end of each step: the import (notebook shown), Store
		 * health rendered, the as-of change re-rendered, and the end (All analyses opened and one
		 * RFM parameter changed). Which step set the peak.
		 */
		peakAfter?: { import: number; render: number; asOf: number; end: number };
	};
}

/**
 * The largest renderer process' `field` of /proc/<pid>/status, in bytes: `VmRSS` (resident now)
 * or `VmHWM` (its peak so far).
 */
function rendererMemory(processes: Map<number, string>, field: 'VmRSS' | 'VmHWM'): number {
	let bytes = 0;
	for (const [pid, type] of processes) {
		if (type !== 'renderer') continue;
		try {
			const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
				readFileSync(`/proc/${pid}/status`, 'utf8')
			);
			bytes = Math.max(bytes, kb ? Number(kb[1]) * 1024 : 0);
		} catch {
			// the process has ended
		}
	}
	return bytes;
}

const timed = (q: PageQuery): TimedStatement => ({ sql: q.sql, ms: q.end - q.start });

/**
 * Samples the page's JS heap and the renderers' memory every 250 ms until stopped. The peak is the
 * largest `VmHWM` sampled, not one reading of it: a renderer's high-water mark was seen to fall
 * during a run (by 70 MB on 5M orders; Chromium resets it), so a reading at the end of a step can
 * be lower than the peak the step reached. `peakSoFar` takes one more sample first. The list of
 * processes is read again every 2 s, so a renderer started after the sampler is counted too.
 */
function sampleMemory(browser: Browser, cdp: CDPSession) {
	let jsHeapUsedPeak = 0;
	let processes = new Map<number, string>();
	let stopped = false;
	let peakRss = 0;
	const tick = async () => {
		peakRss = Math.max(peakRss, rendererMemory(processes, 'VmHWM'));
		const metrics = (await cdp.send('Performance.getMetrics')) as {
			metrics: { name: string; value: number }[];
		};
		const used = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
		jsHeapUsedPeak = Math.max(jsHeapUsedPeak, used);
	};
	const done = (async () => {
		for (let i = 0; !stopped; i++) {
			if (i % 8 === 0) processes = await chromiumProcesses(browser).catch(() => processes);
			await tick().catch(() => undefined);
			await new Promise((r) => setTimeout(r, 250));
		}
		await tick().catch(() => undefined);
	})();
	return {
		peakSoFar: async (): Promise<number> => {
			processes = await chromiumProcesses(browser).catch(() => processes);
			await tick().catch(() => undefined);
			return peakRss;
		},
		stop: async () => {
			stopped = true;
			await done;
			return { jsHeapUsedPeak, rendererPeakRss: peakRss };
		}
	};
}

async function waitSettled(page: Page, timeoutMs: number): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const first = (await page.evaluate(SETTLED)) as number | false;
		if (first) {
			// Settled twice in a row, so a cell that had not started yet cannot fool it.
			await page.waitForTimeout(300);
			if (await page.evaluate(SETTLED)) return first;
		}
		if (Date.now() > deadline) throw new Error('the notebook did not settle in time');
		await page.waitForTimeout(20);
	}
}

const monthEarlier = (day: string): string => {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCMonth(d.getUTCMonth() - 1);
	return d.toISOString().slice(0, 10);
};

/** One cold run of the app on one file, in a fresh browser (so the renderer's peak is this run's). */
export async function runApp(
	url: string,
	file: string,
	options: { timeoutMs: number; dataSummarySql: string }
): Promise<AppRun> {
	const browser = await launch();
	try {
		const { context, page, errors } = await openMeasuredPage(browser);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const sampler = sampleMemory(browser, cdp);

		await page.goto(url);
		await page.waitForSelector('[data-testid=engine-status].ready', {
			timeout: options.timeoutMs
		});
		const engineStartMs = (await page.evaluate('performance.now()')) as number;
		const processes = await chromiumProcesses(browser);
		const readyRss = rendererMemory(processes, 'VmRSS');

		const chosen = (await page.evaluate('performance.now()')) as number;
		await page.getByTestId('file-input').setInputFiles(file);
		await page.getByTestId('import-preview').waitFor({ timeout: options.timeoutMs });
		await page.waitForSelector('[data-testid=import-button]:not([disabled])');
		const previewed = (await page.evaluate('performance.now()')) as number;
		await page.evaluate(`window.__bench.watchVisible('import', 0)`);
		await page.getByTestId('import-button').click();
		const clicked = previewed;
		const cpuClicked = cpuByThread(processes);
		await page.getByTestId('notebook').waitFor({ timeout: options.timeoutMs });
		const shown = (await page.evaluate(
			'Math.min(performance.now(), window.__bench.notebookShown.import ?? Infinity)'
		)) as number;
		const cpuShown = cpuByThread(processes);
		const peakImport = await sampler.peakSoFar();
		const rendered = await waitSettled(page, options.timeoutMs);
		const cpuRendered = cpuByThread(processes);
		const peakRender = await sampler.peakSoFar();

		const before = await page.getByTestId('as-of').inputValue();
		const after = monthEarlier(before);
		const queriesBefore = (await page.evaluate('window.__bench.queries.length')) as number;
		await page.evaluate(`window.__bench.watchVisible('asOf', ${queriesBefore})`);
		const changed = (await page.evaluate('performance.now()')) as number;
		await page.getByTestId('as-of').fill(after);
		await page.waitForFunction(`window.__bench.queries.length > ${queriesBefore}`, null, {
			timeout: options.timeoutMs
		});
		const reRendered = await waitSettled(page, options.timeoutMs);
		const peakAsOf = await sampler.peakSoFar();

		const rfm = page.locator('[data-testid=cell]', { hasText: 'RFM segments' }).first();
		// The page opens on Store health; the parameter timing changes RFM, which All analyses holds.
		if ((await rfm.count()) === 0) {
			await page.getByTestId('open-all-analyses').click();
			await waitSettled(page, options.timeoutMs);
		}
		await rfm.getByRole('button', { name: 'Parameters' }).click();
		const scores = rfm.locator('label', { hasText: 'Scores' }).locator('select');
		const cellFrom = (await page.evaluate('window.__bench.queries.length')) as number;
		const cellChanged = (await page.evaluate('performance.now()')) as number;
		await scores.selectOption('quantiles');
		await page.waitForFunction(`window.__bench.queries.length > ${cellFrom}`, null, {
			timeout: options.timeoutMs
		});
		const cellDone = await waitSettled(page, options.timeoutMs);

		const visible = (await page.evaluate('window.__bench.visible')) as Record<string, number>;
		const end = await sampler.peakSoFar();
		const memory = {
			...(await sampler.stop()),
			rendererReadyRss: readyRss,
			peakAfter: { import: peakImport, render: peakRender, asOf: peakAsOf, end }
		};
		const queries = (await page.evaluate('window.__bench.queries')) as PageQuery[];
		const allLongTasks = (await page.evaluate('window.__bench.longTasks')) as {
			start: number;
			ms: number;
		}[];
		const longTasks = allLongTasks.filter((t) => t.start >= chosen && t.start <= shown);
		// Main-thread work while the cells render competes with DuckDB's worker for the cores.
		const renderBusyMs = allLongTasks
			.filter((t) => t.start >= shown && t.start <= rendered)
			.reduce((n, t) => n + t.ms, 0);
		if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

		const summaryAt = queries.findIndex(
			(q) => q.start >= chosen && q.sql === options.dataSummarySql
		);
		const renderFrom = summaryAt >= 0 ? summaryAt : queries.findIndex((q) => q.start >= shown);
		const paramFrom = queriesBefore;
		return {
			engineStartMs,
			previewMs: previewed - chosen,
			importMs: shown - clicked,
			renderMs: rendered - shown,
			// The page polls every 20 ms: the cells in view are never done after all of them.
			firstViewMs: Math.min(visible.import ?? rendered, rendered) - shown,
			paramMs: reRendered - changed,
			paramVisibleMs: Math.min(visible.asOf ?? reRendered, reRendered) - changed,
			asOf: { before, after },
			cellParam: { ms: cellDone - cellChanged, statements: queries.slice(cellFrom).map(timed) },
			statements: {
				load: queries.filter((q, i) => q.start >= chosen && i < renderFrom).map(timed),
				render: queries.slice(renderFrom, paramFrom).map(timed),
				param: queries.slice(paramFrom, cellFrom).map(timed)
			},
			renderBusyMs,
			cpu: {
				import: cpuBetween(cpuClicked, cpuShown),
				render: cpuBetween(cpuShown, cpuRendered)
			},
			longTasks: {
				count: longTasks.length,
				over200: longTasks.filter((t) => t.ms > 200).length,
				maxMs: Math.max(0, ...longTasks.map((t) => t.ms))
			},
			memory
		};
	} finally {
		await browser.close();
	}
}

export interface SampleRun {
	/** Click on "Try sample data" → the notebook shows (the sample's tables loaded); absent in
	 * results from before the sample shipped with the build. */
	loadMs?: number;
	/** Click → the first chart drawn (absent likewise). */
	firstChartMs?: number;
	/** Click on "Try sample data" (engine ready) → every cell in the viewport rendered. */
	firstViewMs: number;
	/** Click → every cell rendered, engine idle. */
	allMs: number;
}

/** A fresh page as every measurement opens it, with the statement recorder and its page errors. */
async function openMeasuredPage(browser: Browser) {
	const context = await browser.newContext({
		viewport: { width: 1440, height: 960 },
		locale: 'en-US',
		// The service worker would precache the engine in the background during the measurement.
		serviceWorkers: 'block'
	});
	await context.addInitScript({ content: INIT_SCRIPT });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return { context, page, errors };
}

/**
 * The one-click sample in a fresh browser: from the click to the charts. Clicked once the engine is
 * ready, or (`whileStarting`) as soon as the button shows, while DuckDB still downloads and starts.
 */
export async function runSample(
	url: string,
	timeoutMs: number,
	whileStarting = false
): Promise<SampleRun> {
	const browser = await launch();
	try {
		const { page, errors } = await openMeasuredPage(browser);
		await page.goto(url);
		if (whileStarting) await page.getByTestId('sample').waitFor({ timeout: timeoutMs });
		else await page.waitForSelector('[data-testid=engine-status].ready', { timeout: timeoutMs });
		const from = (await page.evaluate('window.__bench.queries.length')) as number;
		await page.evaluate(`window.__bench.watchVisible('sample', ${from})`);
		const clicked = (await page.evaluate('performance.now()')) as number;
		await page.getByTestId('sample').click();
		await page.getByTestId('notebook').waitFor({ timeout: timeoutMs });
		const shown = (await page.evaluate('performance.now()')) as number;
		const settled = await waitSettled(page, timeoutMs);
		const visible = (await page.evaluate('window.__bench.visible')) as Record<string, number>;
		const chart = (await page.evaluate('window.__bench.firstChart')) as Record<string, number>;
		if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
		return {
			loadMs: shown - clicked,
			firstChartMs: Math.min(chart.sample ?? settled, settled) - clicked,
			firstViewMs: Math.min(visible.sample ?? settled, settled) - clicked,
			allMs: settled - clicked
		};
	} finally {
		await browser.close();
	}
}
