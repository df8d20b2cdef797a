/**
 * Every analysis cell as a user sees it, with a drill-down list and the quality report:
 * screenshots land in test-results/screenshots/ to be looked at; the assertions catch what a look
 * would. Both languages, both themes and a phone's width are readable.test.ts's.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	openAllAnalyses,
	openWatched,
	waitForCellsSettled,
	type WatchedPage
} from '../helpers/browser.ts';
import { startE2E, type E2E } from './setup.ts';

let e2e: E2E;
beforeAll(async () => {
	e2e = await startE2E();
});
afterAll(async () => {
	await e2e?.close();
});

async function loadSampleAndSettle(w: WatchedPage) {
	await w.page.getByTestId('sample').click();
	// The sample is made and loaded in the page: on two busy cores that alone can pass 90 s.
	await w.page.getByTestId('notebook').waitFor({ timeout: 180_000 });
	await openAllAnalyses(w.page);
	await waitForCellsSettled(w.page, { timeout: 180_000 });
}

describe('every view, looked at', () => {
	test('English, light: each analysis cell, a drill-down list and the quality report', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url);
		await loadSampleAndSettle(w);
		const cells = await w.page.getByTestId('cell').all();
		const titles: string[] = [];
		for (const [i, cell] of cells.entries()) {
			const title = (await cell.locator('h2').first().innerText()).trim();
			titles.push(title);
			await cell.scrollIntoViewIfNeeded();
			await cell.screenshot({
				path: `test-results/screenshots/20-cell-${String(i).padStart(2, '0')}.png`
			});
		}
		for (const name of [
			'Overview',
			'RFM',
			'Cohorts',
			'Repurchase',
			'tiers',
			'lifecycle',
			'Product',
			'Time',
			'What-if',
			'Campaign',
			'Predict'
		])
			expect(titles.some((t) => t.toLowerCase().includes(name.toLowerCase()))).toBe(true);

		// Drill into the first RFM segment bar and look at the customer list.
		const rfm = w.page.locator('[data-testid=cell]', { hasText: 'RFM' }).first();
		await rfm.getByRole('tab', { name: 'Table' }).first().click();
		await rfm
			.locator('[role=row], tr')
			.nth(1)
			.dblclick()
			.catch(() => undefined);
		const list = w.page.getByTestId('customer-list');
		if (await list.isVisible().catch(() => false)) {
			await w.screenshot('21-customer-list');
			expect(
				Number((await list.getByTestId('list-count').innerText()).replace(/\D/g, ''))
			).toBeGreaterThan(0);
			await list
				.getByRole('button', { name: /close|关闭/i })
				.first()
				.click();
		}

		await w.page.getByRole('button', { name: 'Quality report' }).click();
		await w.page.getByTestId('quality-report').first().waitFor();
		await w.screenshot('22-quality-report');
		expect(w.offOrigin).toEqual([]);
		expect(w.consoleErrors).toEqual([]);
		await w.context.close();
	}, 300_000);
});
