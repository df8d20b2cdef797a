import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openWatched, SCREENSHOT_DIR, type WatchedPage } from '../helpers/browser.ts';
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
		// A notebook of the Campaigns cell alone: the list's import re-runs every cell on screen,
		// and only this one is under test.
		await w.page.getByRole('button', { name: 'New notebook' }).click();
		await w.page.getByTestId('add-cell').click();
		await w.page
			.getByTestId('add-menu')
			.getByRole('menuitem', { name: 'Campaigns and group tests' })
			.click();
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

/**
 * A till export the reader cannot read alone: a title line that looks like a header (four named
 * cells, so row 1 is taken), headers nothing suggests a mapping for, GB18030, semicolons. Read
 * by hand it is 40 orders of 12 customers, 10.00 to 49.00.
 */
function tillExport(): Buffer {
	const names = [
		'张三',
		'李四',
		'王五',
		'赵六',
		'钱七',
		'孙八',
		'周九',
		'吴十',
		'郑一',
		'冯二',
		'陈三',
		'褚四'
	];
	const rows = Array.from({ length: 40 }, (_, i) => {
		const day = String(1 + (i % 28)).padStart(2, '0');
		const month = i < 28 ? '03' : '04';
		return `T${1000 + i};2024-${month}-${day} 1${i % 10}:05;${10 + i}.00;${names[(i * 7) % 12]}`;
	});
	const text = ['店铺名称;示例店铺;导出人员;王五', '流水号;下单;实收;顾客', ...rows].join('\r\n');
	return iconv.encode(`${text}\r\n`, 'gb18030');
}

/** Opens the till export in the dialog and reads it by hand: encoding, header row 2, mapping. */
async function chooseTillExport(w: WatchedPage, orderTime = '下单'): Promise<void> {
	await w.page.getByTestId('file-input').setInputFiles({
		name: '收银流水.csv',
		mimeType: 'text/csv',
		buffer: tillExport()
	});
	const preview = w.page.getByTestId('import-preview');
	await preview.waitFor({ timeout: 30_000 });
	expect(await preview.locator('th').first().innerText()).toBe('店铺名称');
	await w.page.getByTestId('encoding').selectOption('gb18030');
	await expect.poll(() => w.page.getByTestId('encoding-confidence').innerText()).not.toBe('');
	const headerRow = w.page.getByTestId('header-row');
	await headerRow.fill('2');
	await headerRow.blur();
	await expect.poll(() => preview.locator('th').first().innerText()).toBe('流水号');
	await w.page.getByTestId('map-order_id').selectOption('流水号');
	await w.page.getByTestId('map-order_time').selectOption(orderTime);
	await w.page.getByTestId('map-order_amount').selectOption('实收');
	await w.page.getByTestId('map-customer_id').selectOption('顾客');
}

/** Runs `sql` (whose first column is 'summary') in a new SQL cell and returns its row's cells. */
async function sqlRow(w: WatchedPage, sql: string): Promise<string[]> {
	const cells = w.page.locator('[data-cell-kind=sql]');
	const before = await cells.count();
	await w.page.getByTestId('add-cell').click();
	await w.page.getByTestId('add-menu').getByRole('menuitem', { name: 'SQL' }).click();
	await expect.poll(() => cells.count(), { timeout: 10_000 }).toBe(before + 1);
	const cell = cells.last();
	const editor = cell.locator('.cm-content');
	await editor.waitFor({ timeout: 30_000 });
	await editor.fill(sql);
	await editor.press('Shift+Enter');
	// Its default query shows rows of orders first; the summary's first cell names it.
	const grid = cell.getByRole('gridcell');
	await expect.poll(() => grid.first().innerText(), { timeout: 240_000 }).toBe('summary');
	return grid.allInnerTexts();
}

const SUMMARY_SQL = `SELECT 'summary' AS k, min(order_id) AS first, max(order_id) AS last, count(*) AS orders,
	count(DISTINCT customer_id) AS customers, sum(net_amount) AS revenue FROM orders`;

describe('the import plan is kept', () => {
	// Before the plan was kept, the reload after a Cancel read this file again by detection
	// alone: row 1 as the header, no mapping for it, and the import failed.
	test('after a Cancel (engine restart), a file read by hand reloads with the same tables', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url);
		await chooseTillExport(w);
		await w.page
			.getByRole('dialog')
			.screenshot({ path: `${SCREENSHOT_DIR}/16-import-by-hand.png` });
		// Without an order id column the dialog asks which rows make one order.
		await w.page.getByTestId('map-order_id').selectOption('');
		await w.page.getByTestId('order-id-mode').waitFor({ timeout: 10_000 });
		await w.page
			.getByRole('dialog')
			.screenshot({ path: `${SCREENSHOT_DIR}/16b-import-no-order-id.png` });
		await w.page.getByTestId('map-order_id').selectOption('流水号');
		await w.page.getByTestId('import-button').click();
		await w.page.getByTestId('notebook').waitFor({ timeout: 60_000 });
		expect(await w.page.getByTestId('orders-count').innerText()).toContain('40');
		// The file has no channel, province or category: those views say so, no "(none)" bar.
		const lacks = w.page.getByTestId('cell-lacks').first();
		await lacks.waitFor({ timeout: 120_000 });
		expect(await lacks.innerText()).toContain('no sales channel');
		await lacks.screenshot({ path: `${SCREENSHOT_DIR}/19-cell-lacks-channel.png` });
		await w.page.getByRole('button', { name: 'New notebook' }).click();
		const before = await sqlRow(w, SUMMARY_SQL);
		expect(before.slice(0, 5)).toEqual(['summary', 'T1000', 'T1039', '40', '12']);

		// 10¹² rows: only a Cancel ends it, and a Cancel replaces the engine.
		const cells = w.page.locator('[data-cell-kind=sql]');
		await w.page.getByTestId('add-cell').click();
		await w.page.getByTestId('add-menu').getByRole('menuitem', { name: 'SQL' }).click();
		const runaway = cells.last();
		const editor = runaway.locator('.cm-content');
		// Its default query's rows first, so the Cancel pressed is the runaway's.
		await runaway.getByRole('gridcell').first().waitFor({ timeout: 120_000 });
		await editor.fill('SELECT count(*) AS n FROM range(1000000) a, range(1000000) b');
		await editor.press('Shift+Enter');
		const cancel = runaway.getByRole('button', { name: 'Cancel' });
		await cancel.waitFor({ timeout: 30_000 });
		await w.page.waitForTimeout(1000);
		await cancel.click();
		await runaway.locator('[role=alert][data-code]').waitFor({ timeout: 60_000 });

		expect(await sqlRow(w, SUMMARY_SQL)).toEqual(before);
		expect(await w.page.getByTestId('orders-count').innerText()).toContain('40');
		expect(await w.page.getByTestId('import-failure').count()).toBe(0);
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	}, 400_000);

	test('a failed import lists its rejected rows and reopens with the same choices; success clears it', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url, { locale: 'zh-CN' });
		// The order time mapped to the customer column: every row's date is unreadable.
		await chooseTillExport(w, '顾客');
		await w.page.getByTestId('import-button').click();
		const failure = w.page.getByTestId('import-failure');
		await failure.waitFor({ timeout: 60_000 });
		const rows = failure.getByTestId('rejected-rows');
		expect(await rows.locator('tbody tr').count()).toBe(5);
		expect(await rows.innerText()).toContain('张三');
		await w.page
			.locator('.notice')
			.screenshot({ path: `${SCREENSHOT_DIR}/17-import-failed-rejected-rows-zh.png` });

		await failure.getByTestId('reopen-import').click();
		const preview = w.page.getByTestId('import-preview');
		await preview.waitFor({ timeout: 30_000 });
		// Every choice is back: header row, encoding, the mapping as it was left.
		expect(await w.page.getByTestId('header-row').inputValue()).toBe('2');
		expect(await w.page.getByTestId('encoding').inputValue()).toBe('gb18030');
		expect(await w.page.getByTestId('map-order_id').inputValue()).toBe('流水号');
		expect(await w.page.getByTestId('map-order_time').inputValue()).toBe('顾客');
		await w.page.getByTestId('map-order_time').selectOption('下单');
		await w.page.getByTestId('map-order_id').selectOption('');
		const question = w.page.getByTestId('order-id-mode');
		await question.scrollIntoViewIfNeeded();
		await question.screenshot({ path: `${SCREENSHOT_DIR}/18b-import-no-order-id-zh.png` });
		await w.page
			.getByTestId('date-format')
			.locator('..')
			.locator('..')
			.screenshot({ path: `${SCREENSHOT_DIR}/18c-import-date-format-zh.png` });
		await w.page.getByTestId('map-order_id').selectOption('流水号');
		await w.page
			.getByRole('dialog')
			.screenshot({ path: `${SCREENSHOT_DIR}/18-import-reopened-zh.png` });
		await w.page.getByTestId('import-button').click();
		await w.page.getByTestId('notebook').waitFor({ timeout: 60_000 });
		await expect.poll(() => failure.count(), { timeout: 30_000 }).toBe(0);
		expect(await w.page.getByTestId('orders-count').innerText()).toContain('40');
		expect(w.offOrigin).toEqual([]);
		expect(w.consoleErrors).toEqual([]);
		await w.context.close();
	}, 300_000);
});
