/**
 * The page read at a glance, in both languages and both themes, at desktop and phone width:
 * screenshots of every view land in test-results/screenshots/ (readable-*) to be looked at, and
 * what a look would catch is asserted. One browser context per language loads the sample once and
 * is reused for every view; each view is shot in the light and the dark theme by switching the
 * page's colour scheme, so the sample and the analyses run twice, not four times.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
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

const WIDE = { width: 1440, height: 960 };
const PHONE = { width: 390, height: 844 };

const settle = (page: Page) => waitForCellsSettled(page, { timeout: 240_000 });

async function noSideways(page: Page, what: string) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${what}: page wider than the phone`).toBeLessThanOrEqual(PHONE.width);
}

const THEMES = ['light', 'dark'] as const;

/**
 * Both themes and both widths of what is on screen now (`readable-<lang>-<theme>-<name>-<width>`);
 * at phone width the page must not scroll sideways.
 */
async function shoot(w: WatchedPage, lang: string, name: string, fullPage = true) {
	for (const theme of THEMES) {
		await w.page.emulateMedia({ colorScheme: theme });
		for (const [size, viewport] of [
			['1440', WIDE],
			['390', PHONE]
		] as const) {
			await w.page.setViewportSize(viewport);
			await w.page.waitForTimeout(150);
			if (size === '390') await noSideways(w.page, name);
			await w.page.screenshot({
				path: `test-results/screenshots/readable-${lang}-${theme}-${name}-${size}.png`,
				fullPage
			});
		}
	}
	await w.page.emulateMedia({ colorScheme: 'light' });
	await w.page.setViewportSize(WIDE);
}

/** One element in both themes (`readable-<lang>-<theme>-<name>.png`). */
async function shootEach(w: WatchedPage, lang: string, name: string, what: Locator) {
	for (const theme of THEMES) {
		await w.page.emulateMedia({ colorScheme: theme });
		await what.screenshot({
			path: `test-results/screenshots/readable-${lang}-${theme}-${name}.png`
		});
	}
	await w.page.emulateMedia({ colorScheme: 'light' });
}

const ORDERS_CSV = [
	'单号,顾客,下单时间,金额',
	'A1,c1,2024-01-03 10:00,120.50',
	'A2,c2,2024-01-05 11:00,80',
	'A3,c1,2024-02-07 09:30,99.90'
].join('\n');

describe.each([
	['en', 'en-US'],
	['zh', 'zh-CN']
] as const)('%s (%s)', (lang, locale) => {
	test('every view, light and dark, at 1440 and 390 px', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url, { locale });
		const { page } = w;
		await page.waitForSelector('[data-testid=engine-status].ready', { timeout: 90_000 });

		// The skip link is the first stop of the keyboard.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.classList.contains('skip'))).toBe(
			true
		);
		await shoot(w, lang, `01-empty`);

		await page.getByTestId('file-input').setInputFiles({
			name: 'orders.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(ORDERS_CSV)
		});
		await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
		await shoot(w, lang, `02-import-dialog`, false);
		await page
			.getByRole('dialog')
			.getByRole('button', { name: /^(cancel|取消)$/i })
			.last()
			.click();

		expect(await page.getByTestId('sample').innerText()).toMatch(
			lang === 'zh' ? /示例/ : /sample/i
		);
		await page.getByTestId('sample').click();
		await page.getByTestId('notebook').waitFor({ timeout: 120_000 });
		// After a load the keyboard starts in the notebook.
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('notebook-main');
		await settle(page);

		// The first view: Store health, with contents listing its cells.
		const toc = page.getByTestId('toc');
		const entries = toc.getByRole('link');
		const presets = await page.locator('[data-testid=cell][data-cell-kind=preset]').count();
		expect(presets).toBe(4);
		// The intro note (its heading) and each analysis.
		expect(await entries.count()).toBe(presets + 1);
		const periods = await page.getByTestId('kpi-period').allInnerTexts();
		expect(periods.length).toBeGreaterThan(0);
		for (const p of periods) expect(p.trim()).toMatch(/\d{4}/);
		if (lang === 'zh') {
			// The main English headings must not show through in Chinese.
			const text = await page.locator('main').innerText();
			for (const english of ['Key figures', 'Revenue by month', 'Segments', 'Retention by period'])
				expect(text).not.toContain(english);
		}
		await shoot(w, lang, `03-store-health`);

		// A contents entry by keyboard: Tab reaches it with a visible outline, Enter lands on the cell.
		await entries.nth(1).focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab');
		expect(
			await entries
				.nth(1)
				.evaluate((a) => a === document.activeElement && getComputedStyle(a).outlineStyle)
		).not.toBe('none');
		const target = (await entries.nth(1).getAttribute('href'))!.slice(1);
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(target);

		// A few cells up close.
		for (const [i, cell] of (await page.locator('[data-testid=cell]').all()).slice(1, 3).entries())
			for (const [size, viewport] of [
				['1440', WIDE],
				['390', PHONE]
			] as const) {
				await page.setViewportSize(viewport);
				await cell.scrollIntoViewIfNeeded();
				await shootEach(w, lang, `04-cell-${i}-${size}`, cell);
			}

		// The side panel as a drawer on a phone.
		await page.setViewportSize(PHONE);
		await page.getByTestId('open-panel').click();
		await page.waitForTimeout(300);
		await noSideways(page, 'drawer');
		await shootEach(w, lang, '05-drawer-390', page.locator('body'));
		await page.keyboard.press('Escape');
		await page.setViewportSize(WIDE);

		// "SQL" on a preset cell asks before it replaces anything.
		const overview = page.locator('[data-testid=cell][data-cell-kind=preset]').first();
		await overview.getByTestId('open-sql').click();
		await overview.getByTestId('ask-sql').waitFor();
		await shootEach(w, lang, '06-ask-sql', overview);
		await overview.getByTestId('ask-sql').getByRole('button').last().click();
		expect(await page.locator('[data-cell-kind=sql]').count()).toBe(0);

		// Every analysis, one click away.
		await openAllAnalyses(page);
		await settle(page);
		const all = await page.locator('[data-testid=cell]').count();
		expect(await page.getByTestId('toc').getByRole('link').count()).toBe(all);
		await shoot(w, lang, `07-all-analyses`, false);

		// New notebook: empty, untitled, inviting the first cell.
		await page
			.getByTestId('notebooks')
			.getByRole('button', { name: /New notebook|新建笔记本/ })
			.click();
		await page.getByTestId('notebook-empty').waitFor();
		// The list shows the new notebook once it is saved (an IndexedDB write, not instant).
		await page
			.getByTestId('notebooks')
			.getByText(lang === 'zh' ? '未命名笔记本' : 'Untitled notebook')
			.first()
			.waitFor();
		await shoot(w, lang, `08-new-notebook`, false);

		if (lang === 'zh') {
			const text = await page.locator('body').innerText();
			for (const english of ['All analyses', 'Untitled notebook', 'New notebook', 'Notebooks'])
				expect(text).not.toContain(english);
		}
		expect(w.offOrigin).toEqual([]);
		expect(w.consoleErrors).toEqual([]);
		await w.context.close();
	}, 600_000);
});
