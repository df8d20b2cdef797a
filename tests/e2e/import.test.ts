import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openWatched } from '../helpers/browser.ts';
import { startE2E, type E2E } from './setup.ts';
import { generateOrders } from '../../src/sample/generate.ts';
import { formatOrders } from '../../src/sample/formats.ts';

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
		expect(orders).toBeGreaterThan(300);
		expect(w.offOrigin).toEqual([]);
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
});
