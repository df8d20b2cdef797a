/**
 * Issue 21, in the production build: nothing a SQL cell does loses the user's data or locks them
 * out. Typed writes are refused; a cell allowed to change data runs once, on Run, and never on
 * the canonical tables; a cell the tab died in opens stopped; a killed engine leaves the saved
 * notebooks as they were. Each test starts from an empty notebook, so no analysis runs beside it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { openWatched, type WatchedPage } from '../helpers/browser.ts';
import { startE2E, type E2E } from './setup.ts';
import { emptyNotebookFragment } from '../helpers/notebooks.ts';

let e2e: E2E;
beforeAll(async () => {
	e2e = await startE2E();
});
afterAll(async () => {
	await e2e?.close();
});

/** The sample loaded under an empty notebook, kept in the user's list (so it is saved). */
async function emptyNotebookWithSample(w: WatchedPage) {
	await w.page.getByTestId('sample').click({ timeout: 60_000 });
	await w.page.getByRole('button', { name: 'Keep in my notebooks' }).click({ timeout: 180_000 });
}

async function addSqlCell(w: WatchedPage): Promise<Locator> {
	const cells = w.page.locator('[data-cell-kind=sql]');
	const before = await cells.count();
	await w.page.getByTestId('add-cell').click();
	await w.page.getByTestId('add-menu').getByRole('menuitem', { name: 'SQL' }).click();
	await expect.poll(() => cells.count(), { timeout: 10_000 }).toBe(before + 1);
	// By position: `last()` would follow later cells.
	const cell = cells.nth(before);
	await cell.locator('.cm-content').waitFor({ timeout: 30_000 });
	// Its default query's rows: from here on, what the cell shows is what this test ran.
	await cell.getByRole('gridcell').first().waitFor({ timeout: 60_000 });
	return cell;
}

/** Types `sql` into the cell; it must not run until Run. */
async function type(cell: Locator, sql: string) {
	await cell.locator('.cm-content').fill(sql);
	await cell.getByTestId('sql-stale').waitFor({ timeout: 10_000 });
}

async function run(cell: Locator) {
	await cell.locator('.cm-content').press('Shift+Enter');
	await cell.getByTestId('sql-stale').waitFor({ state: 'detached', timeout: 60_000 });
	await cell
		.getByRole('button', { name: 'Cancel' })
		.waitFor({ state: 'detached', timeout: 60_000 });
}

const alertCode = (cell: Locator) =>
	cell.locator('[role=alert][data-code]').first().getAttribute('data-code', { timeout: 30_000 });
const firstValue = (cell: Locator) => cell.getByRole('gridcell').first().innerText();
/** The orders the side panel counts: paid ones (the others are listed beside them). */
const PAID_ORDERS = "SELECT count(*) FILTER (WHERE status = 'paid') AS n FROM orders";

describe('SQL cells cannot lose the data', () => {
	test('typed writes are refused; a cell that may change data runs once and never on the canonical tables', async () => {
		const w = await openWatched(e2e.browser, `${e2e.server.url}#${emptyNotebookFragment()}`);
		await emptyNotebookWithSample(w);
		const panelBefore = await w.page.getByTestId('orders-count').innerText();
		const probe = await addSqlCell(w);
		await type(probe, PAID_ORDERS);
		await run(probe);
		const orders = await firstValue(probe);
		expect(orders.replace(/\D/g, '')).toBe(panelBefore.replace(/\D/g, ''));

		// Typed: nothing runs while typing; on Run, refused before anything ran.
		const cell = await addSqlCell(w);
		const codes: string[] = [];
		for (const sql of ['DELETE FROM orders', 'DROP TABLE orders', 'USE memory']) {
			await type(cell, sql);
			expect(await firstValue(probe)).toBe(orders);
			await run(cell);
			codes.push(`${sql} → ${await alertCode(cell)}`);
		}
		expect(codes).toEqual([
			'DELETE FROM orders → sql.read-only',
			'DROP TABLE orders → sql.read-only',
			'USE memory → sql.read-only'
		]);
		await w.screenshot('60-sql-read-only');

		// Allowed to change data: still never the canonical tables, files or the default database.
		await cell.getByTestId('may-write').check();
		codes.length = 0;
		for (const sql of [
			'DELETE FROM orders',
			'DROP TABLE huitou.main.orders',
			'USE memory',
			"COPY (SELECT 1 AS x) TO '/huitou/sample-orders.csv'"
		]) {
			await type(cell, sql);
			await run(cell);
			codes.push(`${sql} → ${await alertCode(cell)}`);
		}
		expect(codes).toEqual([
			'DELETE FROM orders → sql.protected',
			'DROP TABLE huitou.main.orders → sql.protected',
			'USE memory → sql.never',
			"COPY (SELECT 1 AS x) TO '/huitou/sample-orders.csv' → sql.never"
		]);

		// An INSERT runs once per Run, and not on Run all.
		await type(
			cell,
			'CREATE TABLE IF NOT EXISTS picks (x INT); INSERT INTO picks VALUES (1); SELECT count(*) AS n FROM picks'
		);
		await run(cell);
		expect(await firstValue(cell)).toBe('1');
		await probe.locator('.cm-content').press('Control+Enter');
		await type(probe, 'SELECT count(*) AS n FROM scratch.picks');
		await run(probe);
		expect(await firstValue(probe)).toBe('1');
		await w.screenshot('61-sql-may-change-data');

		// The canonical tables and the side panel are as loaded.
		await type(probe, PAID_ORDERS);
		await run(probe);
		expect(await firstValue(probe)).toBe(orders);
		expect(await w.page.getByTestId('orders-count').innerText()).toBe(panelBefore);

		// Reloaded: the notebook is there, the writing cell waits for Run.
		await w.page.waitForTimeout(1500); // autosave
		await w.page.reload();
		await w.page.getByTestId('sample').click({ timeout: 60_000 });
		const again = w.page.locator('[data-cell-kind=sql]');
		await expect.poll(() => again.count(), { timeout: 180_000 }).toBe(2);
		await again.nth(1).getByTestId('sql-waits').waitFor({ timeout: 30_000 });
		expect(await again.nth(1).getByTestId('may-write').isChecked()).toBe(true);
		await again.first().getByRole('gridcell').first().waitFor({ timeout: 60_000 });
		expect(await firstValue(again.first())).toBe(orders);
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	}, 400_000);

	test('a huge value is cut in the engine; a cell the tab died in opens stopped', async () => {
		const w = await openWatched(e2e.browser, `${e2e.server.url}#${emptyNotebookFragment()}`);
		await emptyNotebookWithSample(w);
		const cell = await addSqlCell(w);
		await type(cell, "SELECT repeat('x', 200000000) AS x");
		await run(cell);
		const value = await cell.getByRole('gridcell').first().getAttribute('title');
		expect(value?.length ?? 0).toBeLessThan(3000);
		expect(value?.endsWith('…')).toBe(true);

		// A runaway query, and the page closes under it (as a crashed tab would).
		await type(cell, 'SELECT count(*) AS n FROM range(1000000) a, range(1000000) b');
		await cell.locator('.cm-content').press('Shift+Enter');
		await cell.getByRole('button', { name: 'Cancel' }).waitFor({ timeout: 30_000 });
		await w.page.waitForTimeout(1500); // autosave of the text
		const page = await w.context.newPage();
		await w.page.close();
		await page.goto(e2e.server.url);
		await page.getByTestId('sample').click({ timeout: 60_000 });
		const reopened = page.locator('[data-cell-kind=sql]').first();
		const alert = reopened.locator('[role=alert][data-code]').first();
		await alert.waitFor({ timeout: 180_000 });
		expect(await alert.getAttribute('data-code')).toBe('sql.crashed');
		expect(await reopened.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
		await page.screenshot({ path: 'test-results/screenshots/62-sql-crashed-cell.png' });
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	}, 400_000);

	test('an engine killed during a write leaves the saved notebooks as they were', async () => {
		const w = await openWatched(e2e.browser, `${e2e.server.url}#${emptyNotebookFragment()}`);
		await emptyNotebookWithSample(w);
		const cell = await addSqlCell(w);
		await cell.getByTestId('may-write').check();
		await type(
			cell,
			'CREATE TABLE big AS SELECT a.range AS x FROM range(1000000) a, range(1000000) b'
		);
		await w.page.waitForTimeout(1500); // autosave
		const saved = await w.page.getByTestId('notebooks').innerText();
		await cell.locator('.cm-content').press('Shift+Enter');
		await cell.getByRole('button', { name: 'Cancel' }).waitFor({ timeout: 30_000 });
		for (const worker of w.page.workers())
			await worker.evaluate(() => self.close()).catch(() => undefined);
		await w.page.reload();
		await w.page.getByTestId('sample').click({ timeout: 60_000 });
		await w.page.locator('[data-cell-kind=sql]').first().waitFor({ timeout: 180_000 });
		expect(await w.page.getByTestId('notebooks').innerText()).toBe(saved);
		expect(await w.page.locator('[data-cell-kind=sql] .cm-content').first().innerText()).toContain(
			'CREATE TABLE big'
		);
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	}, 400_000);
});
