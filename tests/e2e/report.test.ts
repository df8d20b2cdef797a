/**
 * The HTML report holds what the screen shows (issue 17): each cell's key-figure tiles, every
 * chart with its legend and marks, the tables; a chart's PNG keeps its legend. The report is the file the download wrote, opened
 * as a reader would open it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openWatched, SCREENSHOT_DIR, waitForCellsSettled } from '../helpers/browser.ts';
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

test('the exported report holds every cell’s tiles, charts with legends, and tables', async () => {
	const w = await openWatched(e2e.browser, e2e.server.url);
	await w.page.getByTestId('sample').click();
	await w.page.getByTestId('notebook').waitFor({ timeout: 180_000 });
	await waitForCellsSettled(w.page, { timeout: 180_000, minCharts: 1 });
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
	await w.context.close();

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
			tableRows: [...s.querySelectorAll('table')].map((t) => t.querySelectorAll('tbody tr').length)
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
		expect(section.tableRows.length, `cell ${i} tables`).toBeGreaterThanOrEqual(cell.charts.length);
		for (const rows of section.tableRows) expect(rows).toBeGreaterThan(0);
	}
}, 480_000);
