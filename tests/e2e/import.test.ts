import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	openAllAnalyses,
	openWatched,
	SCREENSHOT_DIR,
	type WatchedPage
} from '../helpers/browser.ts';
import { startE2E, type E2E } from './setup.ts';
import { generateOrders } from '../../src/sample/generate.ts';
import { formatOrders } from '../../src/sample/formats.ts';
import { buildSampleFiles } from '../../src/sample/sample-files.ts';

let e2e: E2E;
beforeAll(async () => {
	e2e = await startE2E();
});
afterAll(async () => {
	await e2e?.close();
});

/** A small Taobao/Tmall 订单报表 in GBK (GB18030), as the seller centre exports it. */
function taobaoGbk(orders: number): Buffer {
	const text = [...formatOrders(generateOrders({ orders, seed: 7 }), 'taobao')].join('');
	return iconv.encode(text, 'gb18030');
}

/**
 * The sample's win-back list (wave 1) as another tool would write it: a header no suggestion
 * knows by name (收件人ID, 人群, 下发日, 活动代号, 短信费), 实验 / 对照 for the groups, and a
 * campaign id of its own so the Campaign cell can be seen to pick it up.
 */
function winbackListWithUnknownHeader(): Buffer {
	const lines = new TextDecoder().decode(buildSampleFiles().contacts).trim().split(/\r?\n/);
	const rows = lines
		.slice(1)
		.map((l) => l.split(','))
		.filter(([campaign, wave]) => campaign === 'dormant-winback' && wave === '1')
		// Sorted by customer, as a CRM exports it: both groups show in the dialog's first rows.
		.sort((a, b) => (a[2] < b[2] ? -1 : 1))
		.map(([, , customer, group, sent, , cost]) =>
			// Sent six weeks after the sample's own wave, so the two do not share responses.
			[
				customer,
				group === 'control' ? '对照' : '实验',
				sent.replace('2024-04-15', '2024-05-27'),
				'召回-已映射',
				cost
			].join(',')
		);
	return Buffer.from(['收件人ID,人群,下发日,活动代号,短信费', ...rows].join('\n'));
}

let winbackList: Buffer | undefined;

/** Chooses the win-back list (made once) in one of the page's file inputs, under `name`. */
async function chooseWinbackList(
	w: WatchedPage,
	input: 'file-input' | 'add-file-input',
	name: string
): Promise<void> {
	winbackList ??= winbackListWithUnknownHeader();
	await w.page
		.getByTestId(input)
		.setInputFiles({ name, mimeType: 'text/csv', buffer: winbackList });
}

describe('importing real exports in Chromium', () => {
	test('a GBK Taobao export through the real file input: preview shows 中文, orders load', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url);
		await w.page.getByTestId('file-input').setInputFiles({
			name: '订单报表.csv',
			mimeType: 'text/csv',
			buffer: taobaoGbk(400)
		});
		const preview = w.page.getByTestId('import-preview');
		await preview.waitFor({ timeout: 30_000 });
		const text = await preview.innerText();
		expect(text).toContain('订单编号');
		expect(text).toContain('买家实际支付金额');
		expect(text).not.toContain('\uFFFD');
		await w.screenshot('10-import-dialog-taobao-gbk');
		await w.page.getByTestId('import-button').click();
		await w.page.getByTestId('notebook').waitFor({ timeout: 60_000 });
		const orders = Number(
			(await w.page.getByTestId('orders-count').innerText()).replace(/\D/g, '')
		);
		// Paid orders, as the analyses count them; the closed and refunded ones are listed beside.
		expect(orders).toBeGreaterThan(300);
		expect(await w.page.getByTestId('other-orders').innerText()).toMatch(/closed|关闭/);
		expect(w.offOrigin).toEqual([]);
		expect(w.consoleErrors).toEqual([]);
		await w.context.close();
	});

	test('title lines above the header are found and skipped; the header row can be set by hand', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url);
		const body = [...formatOrders(generateOrders({ orders: 300, seed: 11 }), 'taobao')].join('');
		// Two title lines and a blank line, as some seller-centre reports start.
		const titled = `淘宝订单报表\r\n导出时间：2024-12-01 10:00,,\r\n\r\n${body}`;
		await w.page.getByTestId('file-input').setInputFiles({
			name: '订单报表-带标题.csv',
			mimeType: 'text/csv',
			buffer: iconv.encode(titled, 'gb18030')
		});
		const preview = w.page.getByTestId('import-preview');
		await preview.waitFor({ timeout: 30_000 });
		const headerRow = w.page.getByTestId('header-row');
		expect(await headerRow.inputValue()).toBe('4');
		expect(await w.page.getByTestId('rows-above-header').innerText()).toContain('淘宝订单报表');
		expect(await preview.locator('th').first().innerText()).toBe('订单编号');
		await w.screenshot('15-import-title-rows');
		// By hand: row 2 (an export note with two empty cells) is taken as the header, with a
		// warning per unnamed column; the preview follows. Back to 4 and import.
		await headerRow.fill('2');
		await headerRow.blur();
		await expect.poll(() => preview.locator('th').first().innerText()).toContain('导出时间');
		expect(await preview.locator('th').count()).toBe(3);
		await headerRow.fill('4');
		await headerRow.blur();
		await expect.poll(() => preview.locator('th').first().innerText()).toBe('订单编号');
		await w.page.getByTestId('import-button').click();
		await w.page.getByTestId('notebook').waitFor({ timeout: 60_000 });
		const orders = Number(
			(await w.page.getByTestId('orders-count').innerText()).replace(/\D/g, '')
		);
		// 265 orders, of which 16 closed and 16 refunded: 233 paid.
		expect(orders).toBeGreaterThan(200);
		expect(w.consoleErrors).toEqual([]);
		await w.context.close();
	});

	test('Parquet loads with every off-origin request blocked (no DuckDB extension)', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'huitou-pq-'));
		const file = path.join(dir, 'orders.parquet');
		// Written by native DuckDB, read in the page by hyparquet: the wasm build has no parquet.
		execFileSync(process.execPath, [
			'--input-type=module',
			'-e',
			`import { DuckDBInstance } from '@duckdb/node-api';
			const db = await DuckDBInstance.create(':memory:');
			const c = await db.connect();
			await c.run(\`COPY (SELECT 'P' || i AS order_id, 'C' || (i % 40) AS customer_id,
				TIMESTAMP '2024-01-01' + INTERVAL (i * 7) HOUR AS order_time, 'paid' AS status,
				(50 + i % 90)::DOUBLE AS order_amount FROM range(300) t(i)) TO '${file}' (FORMAT parquet)\`);`
		]);
		const w = await openWatched(e2e.browser, e2e.server.url);
		await w.page.getByTestId('file-input').setInputFiles({
			name: 'orders.parquet',
			mimeType: 'application/octet-stream',
			buffer: readFileSync(file)
		});
		await w.page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
		await w.page.getByTestId('import-button').click();
		await w.page.getByTestId('notebook').waitFor({ timeout: 60_000 });
		expect(await w.page.getByTestId('orders-count').innerText()).toBe('300');
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	});

	test('a broken file gets a clear message and the loaded data stays', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url);
		await w.page.getByTestId('sample').click();
		await w.page.getByTestId('notebook').waitFor({ timeout: 90_000 });
		const before = await w.page.getByTestId('orders-count').innerText();
		await w.page.getByTestId('add-file-input').setInputFiles({
			name: 'orders.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x00, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])
		});
		const alert = w.page.getByRole('dialog').getByRole('alert').first();
		await alert.waitFor({ timeout: 30_000 });
		expect((await alert.innerText()).length).toBeGreaterThan(10);
		await w.screenshot('11-import-binary-file');
		await w.page
			.getByRole('dialog')
			.getByRole('button', { name: /cancel|取消/i })
			.last()
			.click();
		expect(await w.page.getByTestId('orders-count').innerText()).toBe(before);
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	});

	test('a contact list with an unknown header is mapped in the dialog and reaches the Campaign cell', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url);
		await w.page.getByTestId('sample').click();
		await w.page.getByTestId('notebook').waitFor({ timeout: 90_000 });
		// The Campaigns cell is in All analyses, not in the first view.
		await openAllAnalyses(w.page);
		await chooseWinbackList(w, 'add-file-input', '召回名单.csv');
		const mapper = w.page.getByTestId('contact-mapper');
		await mapper.waitFor({ timeout: 30_000 });
		const dialog = w.page.getByRole('dialog');
		// Detected as a contact list from its 实验 / 对照 values; nothing names the customer.
		expect(await dialog.getByRole('radio', { name: /contact list/ }).isChecked()).toBe(true);
		expect(await w.page.getByTestId('import-button').isDisabled()).toBe(true);
		expect(await w.page.getByTestId('import-why').innerText()).toMatch(/customer id column/);
		expect(await w.page.getByTestId('contact-group').inputValue()).toBe('人群');
		expect(await w.page.getByTestId('contact-sendTime').inputValue()).toBe('下发日');
		const groups = await w.page.getByTestId('contact-groups').innerText();
		expect(groups).toMatch(/对照\s*→\s*control/);
		expect(groups).toMatch(/实验\s*→\s*contacted/);
		expect(await mapper.innerText()).toMatch(/Read as control: control, holdout, .*对照/);

		// Keyboard: the role is a radio group (arrows switch it), the fields are plain selects.
		await dialog.getByRole('radio', { name: /contact list/ }).focus();
		await w.page.keyboard.press('ArrowLeft');
		expect(await dialog.getByRole('radio', { name: /Orders/ }).isChecked()).toBe(true);
		expect(await mapper.count()).toBe(0);
		await w.page.keyboard.press('ArrowRight');
		await mapper.waitFor();
		await w.page.getByTestId('contact-customerId').focus();
		await w.page.getByTestId('contact-customerId').selectOption('收件人ID');
		await w.page.getByTestId('contact-campaignId').selectOption('活动代号');
		await w.page.getByTestId('contact-cost').selectOption('短信费');
		expect(await w.page.getByTestId('import-button').isEnabled()).toBe(true);
		expect(await w.page.getByTestId('import-why').count()).toBe(0);
		await dialog.screenshot({ path: `${SCREENSHOT_DIR}/12-import-contact-mapper.png` });

		await w.page.getByTestId('import-button').click();
		await mapper.waitFor({ state: 'detached', timeout: 60_000 });
		const cell = w.page.locator('[data-testid=cell]', { hasText: 'Campaigns and group tests' });
		// The uplift-per-group-test chart gains a bar for the mapped campaign beside the sample's two.
		await cell.getByText('召回-已映射').first().waitFor({ timeout: 90_000 });
		expect(await cell.innerText()).toContain('dormant-winback');
		// And the Parameters campaign picker offers it, read from the data.
		await cell.getByRole('button', { name: 'Parameters' }).click();
		await expect
			.poll(() => cell.locator('select option').allInnerTexts())
			.toEqual(expect.arrayContaining(['召回-已映射', 'dormant-winback']));
		await cell.getByRole('button', { name: 'Parameters' }).click();
		await cell.screenshot({ path: `${SCREENSHOT_DIR}/13-campaign-cell-mapped-list.png` });

		// Next month's list with the same header: the mapping is remembered, Import is one click.
		await chooseWinbackList(w, 'add-file-input', '召回名单-6月.csv');
		await mapper.waitFor({ timeout: 30_000 });
		expect(await mapper.innerText()).toContain('as you mapped them for this layout last time');
		expect(await w.page.getByTestId('contact-customerId').inputValue()).toBe('收件人ID');
		expect(await w.page.getByTestId('import-button').isEnabled()).toBe(true);
		await dialog.getByRole('button', { name: 'Cancel' }).last().click();
		await mapper.waitFor({ state: 'detached' });
		expect(w.offOrigin).toEqual([]);
		expect(w.consoleErrors).toEqual([]);
		await w.context.close();
	});

	test('简体中文, dark: a list dropped alone opens the mapper, in Chinese', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url, {
			locale: 'zh-CN',
			colorScheme: 'dark'
		});
		await chooseWinbackList(w, 'file-input', '召回名单.csv');
		const mapper = w.page.getByTestId('contact-mapper');
		await mapper.waitFor({ timeout: 30_000 });
		const dialog = w.page.getByRole('dialog');
		expect(await dialog.locator('h2').innerText()).toBe('导入营销触达名单');
		expect(await dialog.getByRole('radio', { name: /营销触达名单/ }).isChecked()).toBe(true);
		expect(await w.page.getByTestId('import-why').innerText()).toContain('请选择客户编号列');
		expect(await w.page.getByTestId('contact-groups').innerText()).toMatch(/对照\s*→\s*对照组/);
		await dialog.screenshot({ path: `${SCREENSHOT_DIR}/14-import-contact-mapper-zh-dark.png` });
		expect(w.offOrigin).toEqual([]);
		expect(w.consoleErrors).toEqual([]);
		await w.context.close();
	});
});
