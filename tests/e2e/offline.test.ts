/**
 * Issue 10's "works offline" and "limits", in the production build: after one online visit the
 * service worker serves the whole app (shell, engine, wasm) with the network off; a runaway query
 * is cancelled and the engine keeps answering; a dead engine worker gives a message and a restart.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openWatched, SCREENSHOT_DIR, type WatchedPage } from '../helpers/browser.ts';
import { serveDist } from '../helpers/static-server.ts';
import { startE2E, type E2E } from './setup.ts';
import { emptyNotebookFragment } from '../helpers/notebooks.ts';

let e2e: E2E;
beforeAll(async () => {
	e2e = await startE2E();
});
afterAll(async () => {
	await e2e?.close();
});

async function settle(page: Page) {
	await page.getByTestId('notebook').waitFor({ timeout: 120_000 });
	await page.waitForFunction(
		() =>
			document.querySelectorAll('[data-testid=cell]').length > 0 &&
			document.querySelectorAll('[data-testid=cell] [aria-busy=true]').length === 0,
		undefined,
		{ timeout: 180_000 }
	);
}

/**
 * The sample loaded, and the notebook's last cell stopped with its own Cancel while it runs: cells
 * take turns, so a Cancel pressed while it waits would only leave the queue. The Cancel is pressed
 * from inside the page as soon as the cell says it sent a query (its step, "Running 1 of …"), one
 * task later, so the statement is in DuckDB: the engine restarts and reads the sample again.
 */
async function sampleWithLastCellStopped(): Promise<{ w: WatchedPage; last: Locator }> {
	const w = await openWatched(e2e.browser, e2e.server.url);
	await w.page.getByTestId('sample').click();
	await w.page.getByTestId('notebook').waitFor({ timeout: 120_000 });
	let started = 0;
	w.page.on('worker', () => started++);
	const last = w.page.locator('[data-testid=cell]').last();
	await last.evaluate(
		(cell) =>
			new Promise<void>((resolve) => {
				const sent = () =>
					/^Running \d+ of /.test(cell.querySelector('.running')?.getAttribute('title') ?? '');
				const press = () => {
					const cancel = [...cell.querySelectorAll('button')].find(
						(b) => b.textContent === 'Cancel'
					);
					cancel?.click();
					resolve();
				};
				const watch = new MutationObserver(() => {
					if (!sent()) return;
					watch.disconnect();
					setTimeout(press);
				});
				watch.observe(cell, {
					subtree: true,
					childList: true,
					attributes: true,
					attributeFilter: ['title']
				});
			})
	);
	// The Cancel replaced DuckDB's worker: a new one starts and reads the sample again.
	await expect.poll(() => started, { timeout: 30_000 }).toBeGreaterThan(0);
	return { w, last };
}

async function addSqlCell(w: WatchedPage, waitForDefault = true): Promise<Locator> {
	const cells = w.page.locator('[data-cell-kind=sql]');
	const before = await cells.count();
	await w.page.getByTestId('add-cell').click();
	await w.page.getByTestId('add-menu').getByRole('menuitem', { name: 'SQL' }).click();
	await expect.poll(() => cells.count(), { timeout: 10_000 }).toBe(before + 1);
	// By place, not `last()`: a locator is resolved when used, and more cells may come after it.
	const cell = cells.nth(before);
	await cell.locator('.cm-content').waitFor({ timeout: 30_000 });
	// After a cancel the engine restarts and loads the files again first: give it time.
	if (waitForDefault) await cell.getByRole('gridcell').first().waitFor({ timeout: 240_000 });
	return cell;
}

async function runSql(cell: Locator, sql: string) {
	const editor = cell.locator('.cm-content');
	await editor.fill(sql);
	await editor.press('Shift+Enter');
}

describe('offline and limits', () => {
	// Offline is proven by what matters, not by a browser flag (`navigator.onLine` stays true after
	// `setOffline` in some Chromium builds): the app's own host is stopped and the app still works.
	test('after one online visit the app opens, starts DuckDB and charts the sample with its host stopped', async () => {
		const host = await serveDist(path.resolve('dist'));
		const w = await openWatched(e2e.browser, host.url, { serviceWorker: true });
		await w.page.waitForSelector('[data-testid=engine-status].ready', { timeout: 90_000 });
		const state = await w.page.evaluate(async () => {
			const reg = await navigator.serviceWorker.ready;
			return reg.active?.state;
		});
		expect(state).toBe('activated');

		await host.close();
		// Nothing answers on the app's address any more: a request that reaches the network fails.
		const direct = await w.context.request.get(host.url, { timeout: 10_000 }).then(
			() => 'answered',
			() => 'refused'
		);
		expect(direct).toBe('refused');
		await w.page.reload();
		await w.page.waitForSelector('[data-testid=engine-status].ready', { timeout: 90_000 });
		expect(await w.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
		await w.page.getByTestId('sample').click();
		await settle(w.page);
		expect(await w.page.locator('[data-testid=chart] svg').count()).toBeGreaterThan(3);
		// The reload reopened the notebook of the first visit instead of saving a second starter.
		const saved = w.page.getByTestId('notebooks').locator('ul').first().locator('li');
		expect(await saved.count()).toBeLessThanOrEqual(1);
		await w.page.screenshot({ path: path.join(SCREENSHOT_DIR, '40-offline-sample.png') });
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	}, 400_000);

	// A running DuckDB statement cannot be interrupted: Cancel replaces the worker and the files
	// load again, so the next query answers once that reload is done; the cancelled one waits.
	test('a runaway query is cancelled and the engine keeps answering', async () => {
		// An empty notebook (a new one is the starter, every analysis in it): the sample loads, and
		// the reload after the cancel, without a dozen analyses running before this test's query.
		const w = await openWatched(e2e.browser, `${e2e.server.url}#${emptyNotebookFragment()}`);
		await w.page.getByTestId('sample').click();
		await w.page.getByTestId('notebook').waitFor({ timeout: 120_000 });
		const cell = await addSqlCell(w);
		// 10¹² rows: minutes of work at best, so only a cancel ends it.
		await runSql(cell, 'SELECT count(*) AS n FROM range(1000000) a, range(1000000) b');
		const cancel = cell.getByRole('button', { name: 'Cancel' });
		await cancel.waitFor({ timeout: 30_000 });
		// A second cell waits behind it, and after the Cancel names the reload it waits for.
		const next = await addSqlCell(w, false);
		const step = () =>
			next
				.getByTestId('cell-step')
				.textContent({ timeout: 1000 })
				.catch(() => '');
		await expect.poll(step, { timeout: 10_000 }).toMatch(/Waiting for its turn — 1 ahead/);
		// The watch panel offers its way out at 10 s, as the README says.
		const watch = w.page.getByTestId('engine-watch');
		await watch.waitFor({ timeout: 20_000 });
		await cancel.click();
		// The new engine starts (a second or more), then the sample loads into it again.
		await expect
			.poll(step, { timeout: 60_000, interval: 50 })
			.toMatch(
				/^Waiting for (DuckDB to start|your data to load again: (fetching|loading) the sample shop)$/
			);
		await watch.waitFor({ state: 'detached', timeout: 10_000 });
		const alert = cell.locator('[role=alert][data-code]');
		await alert.waitFor({ timeout: 30_000 });
		const code = await alert.getAttribute('data-code');
		console.log(`runaway query → ${code}: ${await alert.innerText()}`);
		await cell.screenshot({ path: path.join(SCREENSHOT_DIR, '41-offline-query-cancelled.png') });
		await next.getByRole('gridcell').first().waitFor({ timeout: 240_000 });
		await runSql(next, 'SELECT 6 * 7 AS answer');
		await expect
			.poll(() => next.getByRole('gridcell').first().innerText(), { timeout: 240_000 })
			.toBe('42');
		// The reload the cancel brought did not start the runaway query again: it waits for Run.
		const first = w.page.locator('[data-cell-kind=sql]').first();
		expect(await first.locator('[role=alert][data-code="engine.cancelled"]').count()).toBe(1);
		expect(await first.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	}, 400_000);

	test('an analysis cell stopped while it runs waits after the reload; the others render', async () => {
		const { w, last } = await sampleWithLastCellStopped();
		await last.getByTestId('cell-stopped').waitFor({ timeout: 60_000 });
		// The reload re-ran the cells the cancel cut short; the stopped one is still waiting.
		const cutShort = w.page.locator(
			'[data-testid=cell] [role=alert][data-code="engine.cancelled"]'
		);
		await expect.poll(() => cutShort.count(), { timeout: 240_000 }).toBe(0);
		await settle(w.page);
		expect(await w.page.locator('[data-testid=chart] svg').count()).toBeGreaterThan(3);
		expect(await last.getByTestId('cell-stopped').count()).toBe(1);
		await last.screenshot({ path: path.join(SCREENSHOT_DIR, '43-cell-stopped.png') });
		await last.getByTestId('run-again').click();
		await expect.poll(() => last.getByTestId('cell-stopped').count(), { timeout: 120_000 }).toBe(0);
		await settle(w.page);
		expect(await last.locator('.query[data-query-id]').count()).toBeGreaterThan(0);
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	}, 400_000);

	test('Run again pressed while the data reloads waits for it: nothing half-loaded shows', async () => {
		const { w, last } = await sampleWithLastCellStopped();
		// As soon as it can be pressed: the engine is new and the sample is being read again.
		await last.getByTestId('run-again').click({ timeout: 60_000 });
		// Until the cell has rendered, no error may show in it on the way (a query that ran on the
		// new, still empty engine says its table does not exist).
		const seen = new Set<string>();
		const deadline = Date.now() + 240_000;
		for (;;) {
			const codes = await last
				.locator('[role=alert][data-code]')
				.evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? '?'));
			for (const c of codes) seen.add(c);
			const busy = await last.getByRole('button', { name: 'Cancel' }).count();
			const shown = await last.locator('.query[data-query-id]').count();
			if (!busy && shown) break;
			if (Date.now() > deadline) throw new Error('the cell did not render after Run again');
			await w.page.waitForTimeout(50);
		}
		expect([...seen]).toEqual([]);
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	}, 400_000);

	test('a dead engine worker gives a message and a restart, the notebook stays', async () => {
		// An empty notebook with one SQL cell that has answered: the engine was alive and loaded.
		const w = await openWatched(e2e.browser, `${e2e.server.url}#${emptyNotebookFragment()}`);
		await w.page.getByTestId('sample').click();
		await w.page.getByTestId('notebook').waitFor({ timeout: 120_000 });
		await addSqlCell(w);
		const cellsBefore = await w.page.locator('[data-testid=cell]').count();
		// The DuckDB worker is the page's only dedicated worker; closing it from inside is a crash
		// as far as the page can tell (no reply to anything ever again).
		const workers = w.page.workers();
		expect(workers.length).toBeGreaterThan(0);
		for (const worker of workers) await worker.evaluate(() => self.close()).catch(() => undefined);
		const cell = await addSqlCell(w, false);
		await runSql(cell, 'SELECT 1 AS one');
		const message = w.page.locator('[role=alert][data-code^="engine."]').first();
		await message.waitFor({ timeout: 30_000 });
		await w.screenshot('42-offline-worker-crashed');
		await w.page.getByRole('button', { name: 'Restart engine' }).click();
		await w.page.waitForSelector('[data-testid=engine-status].ready', { timeout: 90_000 });
		expect(await w.page.locator('[data-testid=cell]').count()).toBe(cellsBefore + 1);
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	}, 400_000);
});
