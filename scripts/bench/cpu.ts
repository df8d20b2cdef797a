/**
 * CPU time per Chromium thread, from /proc: what runs beside DuckDB's worker on the same cores
 * (the page's main thread, compositing, V8's background work).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Chromium's processes (browser, renderer, GPU, utility) by pid, from CDP. */
export async function chromiumProcesses(browser: Browser): Promise<Map<number, string>> {
	const session = await browser.newBrowserCDPSession();
	try {
		const info = (await session.send('SystemInfo.getProcessInfo')) as {
			processInfo: { type: string; id: number }[];
		};
		return new Map(info.processInfo.map((p) => [p.id, p.type]));
	} finally {
		await session.detach().catch(() => undefined);
	}
}

/** Linux counts CPU time in ticks of 10 ms (USER_HZ = 100 on every mainstream kernel). */
const TICK_MS = 10;

/** CPU time so far per "process type: thread name" (threads of one name summed), in ms. */
export function cpuByThread(processes: Map<number, string>): Map<string, number> {
	const out = new Map<string, number>();
	for (const [pid, type] of processes) {
		let tids: string[];
		try {
			tids = readdirSync(`/proc/${pid}/task`);
		} catch {
			continue; // the process has ended
		}
		for (const tid of tids) {
			try {
				const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
				const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				// After "pid (comm) ": state, then utime and stime are the 12th and 13th fields.
				const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
				const ms = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
				const key = `${type}: ${name}`;
				out.set(key, (out.get(key) ?? 0) + ms);
			} catch {
				// The thread ended between listing and reading.
			}
		}
	}
	return out;
}

/** CPU per thread spent between two snapshots, busiest first, threads under 100 ms left out. */
export function cpuBetween(a: Map<string, number>, b: Map<string, number>): Record<string, number> {
	const spent = [...b].map(([k, v]) => [k, v - (a.get(k) ?? 0)] as const);
	return Object.fromEntries(spent.filter(([, ms]) => ms >= 100).sort((x, y) => y[1] - x[1]));
}
