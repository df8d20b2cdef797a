/**
 * The app as a newcomer meets it, in the production build. The engine starts by itself from our
 * own origin. Then one page, loaded once, goes where a user's first minutes go: one click on the
 * sample shows Store health, whose HTML report holds what the screen shows (issue 17: each cell's
 * key-figure tiles, every chart with its legend and marks, the tables; a chart's PNG keeps its
 * legend); "All analyses" renders every analysis; each cell is looked at (screenshots in
 * test-results/screenshots/, the assertions catch what a look would), with a drill-down list and
 * the quality report. Both languages, both themes and a phone's width are readable.test.ts's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	openAllAnalyses,
	openWatched,
	SCREENSHOT_DIR,
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

/** Plot's mark groups: a chart without one of these drew nothing. */
const MARKS = /aria-label="(bar|line|cell|rect|dot|link|area)"/;

test('engine starts by itself, from our own origin', async () => {
	const w = await openWatched(e2e.browser, e2e.server.url);
	await w.page.waitForSelector('[data-testid=engine-status].ready', { timeout: 60_000 });
	await w.screenshot('00-empty-state');
	expect(w.offOrigin).toEqual([]);
	expect(w.consoleErrors).toEqual([]);
	await w.context.close();
});

// The tests below run in order on one page: each starts where the one before it left the user.
describe('the sample, from one click', () => {
	let w: WatchedPage;
	beforeAll(async () => {
		w = await openWatched(e2e.browser, e2e.server.url);
		await w.page.getByTestId('sample').click();
		// The sample is loaded in the page: on two busy cores that alone can take a minute.
		await w.page.getByTestId('notebook').waitFor({ timeout: 180_000 });
		await waitForCellsSettled(w.page, { timeout: 180_000, minCharts: 1 });
	}, 400_000);
	afterAll(async () => {
		await w?.context.close();
	});

	test('the exported report holds every cell’s tiles, charts with legends, and tables', async () => {
		// What the screen shows, cell by cell.
		const screen = await w.page.evaluate(() =>
			[...document.querySelectorAll('[data-testid=cell]')].map((cell) => ({
				tiles: [...cell.querySelectorAll('[data-testid=kpis] .value')].map((v) =>
					(v.textContent ?? '').trim()
				),
				charts: [...cell.querySelectorAll('[data-testid=chart]')].map((c) =>
					[...c.querySelectorAll('[class$="-swatch"]')].map((s) => (s.textContent ?? '').trim())
				)
			}))
		);
		expect(screen.some((c) => c.tiles.length)).toBe(true);
		expect(screen.some((c) => c.charts.some((legend) => legend.length))).toBe(true);

		// A chart's PNG is the whole figure, legend included: 2× the figure's size, not its plot's.
		const query = w.page.locator('.query', { has: w.page.locator('[class$="-swatch"]') }).first();
		const figure = await query.locator('[data-testid=chart] > figure').boundingBox();
		await query.locator('.exports summary').click();
		const [png] = await Promise.all([
			w.page.waitForEvent('download'),
			query.getByRole('button', { name: 'PNG' }).click()
		]);
		const header = readFileSync(await png.path());
		expect(Math.abs(header.readUInt32BE(20) - figure!.height * 2)).toBeLessThanOrEqual(1);
		expect(Math.abs(header.readUInt32BE(16) - figure!.width * 2)).toBeLessThanOrEqual(1);

		const [download] = await Promise.all([
			w.page.waitForEvent('download'),
			w.page.getByTestId('export-html').click()
		]);
		const file = path.resolve('test-results/report.html');
		await download.saveAs(file);

		const reader = await e2e.browser.newContext({ viewport: { width: 1200, height: 900 } });
		const page = await reader.newPage();
		await page.goto(`file://${file}`);
		const report = await page.evaluate(async () => {
			const svgOf = (img: HTMLImageElement) =>
				new TextDecoder().decode(
					Uint8Array.from(atob(img.src.split(',')[1]), (c) => c.charCodeAt(0))
				);
			const images = [...document.images];
			await Promise.all(images.map((i) => i.decode().catch(() => undefined)));
			return [...document.querySelectorAll('section')].map((s) => ({
				definitions: s.querySelectorAll('.definition').length,
				tiles: [...s.querySelectorAll('.tile .value')].map((v) => (v.textContent ?? '').trim()),
				charts: [...s.querySelectorAll('figure img')].map((img) => ({
					svg: svgOf(img as HTMLImageElement),
					drawn: (img as HTMLImageElement).naturalWidth > 0
				})),
				tableRows: [...s.querySelectorAll('table')].map(
					(t) => t.querySelectorAll('tbody tr').length
				)
			}));
		});
		await page.screenshot({ path: path.join(SCREENSHOT_DIR, '40-report.png'), fullPage: false });
		await reader.close();

		expect(report).toHaveLength(screen.length);
		for (const [i, cell] of screen.entries()) {
			const section = report[i];
			expect(section.definitions, `cell ${i}`).toBeLessThanOrEqual(1);
			expect(section.tiles, `cell ${i} tiles`).toEqual(cell.tiles);
			expect(section.charts, `cell ${i} charts`).toHaveLength(cell.charts.length);
			for (const [j, legend] of cell.charts.entries()) {
				const chart = section.charts[j];
				expect(chart.drawn, `cell ${i} chart ${j} is an image`).toBe(true);
				expect(chart.svg, `cell ${i} chart ${j} marks`).toMatch(MARKS);
				for (const entry of legend)
					expect(chart.svg, `cell ${i} chart ${j} legend`).toContain(
						entry.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
					);
			}
			// every chart's numbers are in a table too
			expect(section.tableRows.length, `cell ${i} tables`).toBeGreaterThanOrEqual(
				cell.charts.length
			);
			for (const rows of section.tableRows) expect(rows).toBeGreaterThan(0);
		}
	}, 300_000);

	test('every analysis renders', async () => {
		await openAllAnalyses(w.page);
		await waitForCellsSettled(w.page, { timeout: 180_000, minCharts: 4 });
		expect(await w.page.getByTestId('cell').count()).toBeGreaterThan(5);
		await w.screenshot('01-sample-notebook');
		const errors = await w.page.locator('[data-testid=cell] [role=alert]').allTextContents();
		expect(errors).toEqual([]);
	}, 300_000);

	test('each analysis cell looked at, a drill-down list and the quality report', async () => {
		const cells = await w.page.getByTestId('cell').all();
		const titles: string[] = [];
		// A window tall enough for the tallest cell, and the pointer off the charts: a cell taller
		// than the window is shot in scrolled parts with the sticky header drawn across it, and a
		// pointer left over a chart leaves its tooltip in the picture.
		await w.page.setViewportSize({ width: 1440, height: 2400 });
		await w.page.mouse.move(0, 0);
		for (const [i, cell] of cells.entries()) {
			const title = (await cell.locator('h2').first().innerText()).trim();
			titles.push(title);
			await cell.scrollIntoViewIfNeeded();
			await cell.screenshot({
				path: `test-results/screenshots/20-cell-${String(i).padStart(2, '0')}.png`
			});
		}
		await w.page.setViewportSize({ width: 1440, height: 960 });
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
		// Nothing on the way asked for anything off the page's origin or logged an error.
		expect(w.offOrigin).toEqual([]);
		expect(w.consoleErrors).toEqual([]);
	}, 300_000);
});
