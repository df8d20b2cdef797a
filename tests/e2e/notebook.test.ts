/**
 * Issue 7's persistence and sharing, in the production build: a notebook built on the sample
 * survives a reload (IndexedDB autosave); its share link opens in a fresh profile, and after the
 * same file is dropped the same cells appear, SQL waiting for consent; bad links are refused with
 * a message and leave saved notebooks alone; a .json export imports back.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openWatched, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { savedNotebooks } from '../helpers/notebooks.ts';
import { startE2E, type E2E } from './setup.ts';
import { buildSampleFiles } from '../../src/sample/sample-files.ts';
import { decodeShareFragment, encodeShareFragment } from '../../src/notebook/share.ts';
import type { Notebook } from '../../src/notebook/schema.ts';

let e2e: E2E;
beforeAll(async () => {
	e2e = await startE2E();
});
afterAll(async () => {
	await e2e?.close();
});

const NOTE = 'Checked by the notebook test 回头客';
const TOP_SQL =
	'SELECT customer_id, sum(net_amount) AS spend FROM orders GROUP BY 1 ORDER BY 2 DESC LIMIT 10';

async function settle(page: Page) {
	await page.getByTestId('notebook').waitFor({ timeout: 90_000 });
	await page.waitForFunction(
		() =>
			document.querySelectorAll('[data-testid=cell]').length > 0 &&
			document.querySelectorAll('[data-testid=cell] [aria-busy=true]').length === 0,
		undefined,
		{ timeout: 120_000 }
	);
}

async function openBuiltin(page: Page, title: string) {
	await page.getByTestId('notebooks').getByRole('button', { name: title, exact: true }).click();
	await page.waitForFunction(
		(t) => document.querySelector('[data-testid=notebook]')?.textContent?.includes(t),
		title,
		{ timeout: 30_000 }
	);
	await settle(page);
}

/** What a notebook looks like on screen: each cell's kind and title, the SQL cell's name. */
async function cellsOnScreen(page: Page) {
	return page.locator('[data-testid=cell]').evaluateAll((cells) =>
		cells.map((c) => ({
			kind: c.getAttribute('data-cell-kind'),
			title: c.getAttribute('aria-label'),
			name: (c.querySelector('.name input') as HTMLInputElement | null)?.value ?? null
		}))
	);
}

/** Opens the add-cell menu and picks `item`; retried, since a re-render (the built-in becoming a
 * saved copy after the first edit) can close the menu between the two clicks. */
async function addCell(page: Page, item: string | RegExp) {
	for (let attempt = 0; ; attempt++) {
		await page.getByTestId('add-cell').click();
		const entry = page.getByTestId('add-menu').getByRole('menuitem', { name: item });
		try {
			await entry.click({ timeout: 5_000 });
			return;
		} catch (e) {
			if (attempt === 3) throw e;
		}
	}
}

const repurchaseCell = (page: Page): Locator =>
	page.locator('[data-testid=cell][data-cell-kind=preset]').last();

async function sampleFile() {
	const s = buildSampleFiles();
	return { name: s.name, mimeType: 'text/csv', buffer: Buffer.from(s.orders) };
}

async function dropFile(page: Page, file: Awaited<ReturnType<typeof sampleFile>>) {
	await page.getByTestId('file-input').setInputFiles(file);
	await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
	await page.getByTestId('import-button').click();
}

describe('notebooks persist and share without data', () => {
	test('build, reload, share to a fresh profile, bad links, .json round trip', async () => {
		const a = await openWatched(e2e.browser, e2e.server.url);
		const origin = new URL(e2e.server.url).origin;
		await a.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
		await a.page.getByTestId('sample').click();
		await settle(a.page);

		// Build: Campaign review (editing it saves a copy), a parameter, a named SQL cell, a note.
		await openBuiltin(a.page, 'Campaign review');
		const rep = repurchaseCell(a.page);
		await rep.getByRole('button', { name: /Parameters/ }).click();
		const top = rep.locator('.form input[type=number]').last();
		await top.fill('7');
		await top.dispatchEvent('change');
		await settle(a.page);

		await addCell(a.page, 'SQL');
		const sqlCell = a.page.locator('[data-cell-kind=sql]').last();
		await sqlCell.locator('.cm-content').waitFor({ timeout: 30_000 });
		// Completion offers the loaded tables: read when the editor first takes the focus.
		await sqlCell.locator('.cm-content').click();
		await a.page.keyboard.type('SELECT * FROM ord');
		const offered = a.page.locator('.cm-tooltip-autocomplete li');
		await expect
			.poll(
				async () => {
					await a.page.keyboard.press('Backspace');
					await a.page.keyboard.type('d');
					await offered
						.first()
						.waitFor({ timeout: 2000 })
						.catch(() => {});
					return offered.allInnerTexts();
				},
				{ timeout: 30_000 }
			)
			.toContain('orders');
		await sqlCell.locator('.cm-content').fill(TOP_SQL);
		await sqlCell.locator('.name input').fill('top_customers');
		await sqlCell.locator('.name input').press('Enter');
		await sqlCell.locator('.cm-content').press('Shift+Enter');
		await sqlCell.getByRole('gridcell').first().waitFor({ timeout: 30_000 });

		await addCell(a.page, /note/i);
		const note = a.page.locator('[data-testid=cell][aria-label=Note]').last();
		await note.getByRole('button', { name: 'Edit' }).click();
		await note.locator('textarea').fill(NOTE);
		await note.getByRole('button', { name: 'Done' }).click();
		await expect.poll(() => note.innerText()).toContain(NOTE);
		const built = await cellsOnScreen(a.page);
		const topValue = await top.inputValue();
		expect(topValue).toBe('7');
		expect(built.map((c) => c.kind)).toEqual(['markdown', 'preset', 'preset', 'sql', 'markdown']);
		await a.screenshot('30-notebook-built');

		// Reload: autosave kept it (within a second), the same file brings it back on screen.
		await a.page.waitForTimeout(1500);
		await a.page.reload();
		await a.page.getByTestId('sample').click();
		await settle(a.page);
		expect(await cellsOnScreen(a.page)).toEqual(built);
		await expect
			.poll(() => a.page.locator('[data-testid=cell]').last().innerText())
			.toContain(NOTE);
		await repurchaseCell(a.page)
			.getByRole('button', { name: /Parameters/ })
			.click();
		expect(
			await repurchaseCell(a.page).locator('.form input[type=number]').last().inputValue()
		).toBe('7');
		await a.screenshot('31-notebook-after-reload');
		const kept = await savedNotebooks(a.page);
		expect(Object.values(kept).some((v) => v.includes('(5 cells)'))).toBe(true);

		// Share: the link carries the notebook in its fragment.
		await a.page.getByTestId('share').click();
		const shareUrl = a.page.getByTestId('share-url');
		const link = (await shareUrl.count())
			? await shareUrl.inputValue()
			: await a.page.evaluate(() => navigator.clipboard.readText());
		expect(link).toMatch(/#nb1\./);
		// The link holds the notebook and nothing of the data: no customer id in what it decodes to
		// (the encoded text itself is compressed, so any three letters may turn up in it).
		const carried = decodeShareFragment(link.slice(link.indexOf('#') + 1));
		expect(carried.ok).toBe(true);
		const carriedJson = JSON.stringify(carried.ok && carried.value);
		const customerIds = new TextDecoder()
			.decode(buildSampleFiles().orders)
			.split('\n')
			.slice(1, 2001)
			.map((line) => line.split(',')[1])
			.filter((id) => id && id.length > 3);
		expect(customerIds.length).toBeGreaterThan(1000);
		expect(customerIds.filter((id) => carriedJson.includes(id))).toEqual([]);

		// A fresh profile opens the link, then gets the same file dropped.
		const b = await openWatched(e2e.browser, link, {
			context: await e2e.browser.newContext({
				locale: 'en-US',
				viewport: { width: 1440, height: 960 }
			})
		});
		await b.page.waitForSelector('[data-testid=engine-status].ready', { timeout: 60_000 });
		await b.screenshot('32-notebook-link-before-data');
		await dropFile(b.page, await sampleFile());
		await b.page.getByTestId('notebook').waitFor({ timeout: 90_000 });
		const trust = b.page.getByTestId('sql-trust');
		await trust.waitFor({ timeout: 30_000 });
		await settle(b.page);
		expect(await cellsOnScreen(b.page)).toEqual(built);
		// The SQL is shown but has not run: no result grid in the SQL cell until consent.
		const bSql = b.page.locator('[data-cell-kind=sql]').last();
		expect(await bSql.innerText()).toContain('top_customers');
		expect(await bSql.getByRole('gridcell').count()).toBe(0);
		await b.screenshot('33-notebook-link-asks-before-sql');
		await trust.getByRole('button').click();
		await bSql.getByRole('gridcell').first().waitFor({ timeout: 30_000 });
		// Same top customers in both profiles: same file, same SQL.
		const firstRow = (p: Page) =>
			p.locator('[data-cell-kind=sql]').last().getByRole('gridcell').first().innerText();
		expect(await firstRow(b.page)).toBe(await firstRow(a.page));
		// The same charts: the repurchase cell draws as many as in the first profile. (The campaign
		// cell needs the contact list too, which this drop does not include.)
		const charts = (p: Page) => repurchaseCell(p).locator('[data-testid=chart] svg').count();
		expect(await charts(b.page)).toBeGreaterThan(3);
		expect(await charts(b.page)).toBe(await charts(a.page));
		expect(b.offOrigin).toEqual([]);
		await b.context.close();

		// .json round trip, on the data still loaded: export, import, same cells (and the SQL waits for
		// consent again).
		const [download] = await Promise.all([
			a.page.waitForEvent('download'),
			a.page.getByTestId('notebooks').getByRole('button', { name: 'Export .json' }).click()
		]);
		const json = JSON.parse(readFileSync(await download.path(), 'utf8')) as Notebook;
		expect(json.cells.map((c) => c.kind)).toEqual(built.map((c) => c.kind));
		expect(JSON.stringify(json)).toContain('top_customers');
		await a.page
			.getByTestId('notebooks')
			.locator('input[type=file]')
			.setInputFiles({
				name: 'notebook.json',
				mimeType: 'application/json',
				buffer: Buffer.from(JSON.stringify(json))
			});
		await a.page.getByTestId('sql-trust').waitFor({ timeout: 30_000 });
		await settle(a.page);
		expect(await cellsOnScreen(a.page)).toEqual(built);
		await a.screenshot('35-notebook-json-imported');

		// Bad links: a message, and the saved notebooks are exactly as they were.
		const saved = await savedNotebooks(a.page);
		const good = link.split('#')[1];
		// The same notebook from a future format version, correctly packed and checksummed.
		const decoded = decodeShareFragment(good);
		if (!decoded.ok) throw new Error(decoded.error.detail);
		const newerSchema = encodeShareFragment({
			...decoded.value,
			version: 99
		} as unknown as Notebook);
		if (!newerSchema.ok) throw new Error(newerSchema.error.detail);
		const bad: [string, string][] = [
			['truncated', good.slice(0, Math.floor(good.length / 2) + 1)],
			['corrupted', good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21)],
			['newer-link', good.replace(/^nb1\./, 'nb7.')],
			['newer-schema', newerSchema.value],
			['hostile', 'nb1.' + Buffer.from('{"__proto__":{"x":1}}').toString('base64url')]
		];
		for (const [kind, fragment] of bad) {
			await a.page.goto('about:blank');
			await a.page.goto(`${e2e.server.url}#${fragment}`);
			const alert = a.page.getByRole('alert').first();
			await alert.waitFor({ timeout: 30_000 });
			const text = await alert.innerText();
			expect(text.length, kind).toBeGreaterThan(15);
			await alert.screenshot({
				path: path.join(SCREENSHOT_DIR, `34-notebook-bad-link-${kind}.png`)
			});
			expect(await savedNotebooks(a.page), kind).toEqual(saved);
		}

		expect(a.offOrigin).toEqual([]);
		expect(a.consoleErrors).toEqual([]);
		await a.context.close();
	}, 600_000);
});
