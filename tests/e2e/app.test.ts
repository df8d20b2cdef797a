import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openAllAnalyses, openWatched, type WatchedPage } from '../helpers/browser.ts';
import { startE2E, type E2E } from './setup.ts';

let e2e: E2E;
beforeAll(async () => {
	e2e = await startE2E();
});
afterAll(async () => {
	await e2e?.close();
});

async function loadSample(w: WatchedPage, all = false) {
	await w.page.getByTestId('sample').click();
	await w.page.getByTestId('notebook').waitFor({ timeout: 60_000 });
	if (all) await openAllAnalyses(w.page);
	// every cell of the notebook settles: a chart, KPIs, a table or an error
	await w.page.waitForFunction(
		() =>
			document.querySelectorAll('[data-testid=cell] [aria-busy=true]').length === 0 &&
			document.querySelectorAll('[data-testid=chart] svg').length > 3,
		undefined,
		{ timeout: 90_000 }
	);
}

describe('the app in Chromium', () => {
	test('engine starts by itself, from our own origin', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url);
		await w.page.waitForSelector('[data-testid=engine-status].ready', { timeout: 60_000 });
		await w.screenshot('00-empty-state');
		expect(w.offOrigin).toEqual([]);
		expect(w.consoleErrors).toEqual([]);
		await w.context.close();
	});

	test('sample data → every analysis renders, zero off-origin requests', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url);
		await loadSample(w, true);
		const cells = w.page.getByTestId('cell');
		expect(await cells.count()).toBeGreaterThan(5);
		await w.screenshot('01-sample-notebook');
		const errors = await w.page.locator('[data-testid=cell] [role=alert]').allTextContents();
		expect(errors).toEqual([]);
		expect(w.offOrigin).toEqual([]);
		expect(w.consoleErrors).toEqual([]);
		await w.context.close();
	});

	test('a hostile SQL cell cannot reach the network: the engine refuses it', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url);
		await loadSample(w);
		await w.page.getByTestId('add-cell').click();
		await w.page.getByTestId('add-menu').getByRole('menuitem', { name: 'SQL' }).click();
		const editor = w.page.locator('[data-cell-kind=sql] .cm-content').last();
		await editor.waitFor({ timeout: 30_000 });
		await editor.click();
		await w.page.keyboard.press('ControlOrMeta+A');
		await w.page.keyboard.insertText("SELECT * FROM read_csv('https://example.com/steal.csv')");
		await w.page.keyboard.press('Shift+Enter');
		const alert = w.page.locator('[data-cell-kind=sql] [data-code]').last();
		await alert.waitFor({ timeout: 30_000 });
		expect(await alert.getAttribute('data-code')).toBe('engine.sandbox');
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	});
});
