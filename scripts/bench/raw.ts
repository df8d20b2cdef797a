/**
 * Raw duckdb-wasm: the bench page in scripts/bench/raw-page replays, in the same Chromium, the
 * statements the importer ran and the statements the app sent for its cells — DuckDB's cost in
 * the browser with nothing of the app around it.
 */
import { launch } from '../../tests/helpers/browser.ts';
import type { TimedStatement } from './types.ts';
import { chromiumProcesses, cpuBetween, cpuByThread } from './cpu.ts';

export interface RawRun {
	engineStartMs: number;
	loadMs: number;
	renderMs: number;
	paramMs: number;
	render: TimedStatement[];
	/** CPU time per Chromium thread while the cells' statements ran (scripts/bench/cpu.ts). */
	renderCpu?: Record<string, number>;
	/** DuckDB's buffer-manager memory after the run (duckdb_memory()). */
	engineMemoryBytes: number;
}

interface Timed {
	ms: number;
	error?: string;
}

const sum = (xs: Timed[]) => xs.reduce((s, x) => s + x.ms, 0);

export async function runRaw(
	url: string,
	file: string,
	registeredAs: string,
	sql: { load: string[]; render: string[]; param: string[] },
	timeoutMs: number
): Promise<RawRun> {
	const browser = await launch();
	try {
		const page = await browser.newPage();
		page.setDefaultTimeout(timeoutMs);
		await page.goto(url);
		await page.waitForFunction('Boolean(window.rawBench)');
		const engineStartMs = (await page.evaluate('window.rawBench.start()')) as number;
		await page.getByTestId('raw-file').setInputFiles(file);
		const call = async (what: string[]) =>
			(await page.evaluate(`window.rawBench.run(${JSON.stringify(what)})`)) as Timed[];
		const t0 = (await page.evaluate('performance.now()')) as number;
		await page.evaluate(`window.rawBench.register(${JSON.stringify(registeredAs)})`);
		const registerMs = ((await page.evaluate('performance.now()')) as number) - t0;
		const load = await call(sql.load);
		const failed = load.find((x) => x.error);
		if (failed) throw new Error(`raw duckdb-wasm load failed: ${failed.error}`);
		const processes = await chromiumProcesses(browser);
		const cpuBefore = cpuByThread(processes);
		const render = await call(sql.render);
		const renderCpu = cpuBetween(cpuBefore, cpuByThread(processes));
		const param = await call(sql.param);
		const engineMemoryBytes = (await page.evaluate('window.rawBench.engineMemory()')) as number;
		return {
			engineStartMs,
			loadMs: registerMs + sum(load),
			renderMs: sum(render),
			paramMs: sum(param),
			render: render.map((r, i) => ({ sql: sql.render[i], ...r })),
			renderCpu,
			engineMemoryBytes
		};
	} finally {
		await browser.close();
	}
}
