/**
 * The `.sql` export as the way past the browser: for a Taobao export in GBK imported in the page
 * (duckdb-wasm), the script — its file converted to UTF-8 as the script says, then run statement
 * by statement on native DuckDB — builds the page's tables and gives every cell the page's rows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { createNativeSqlEngine } from '../../../src/engine/native.ts';
import { importFiles } from '../../../src/ingest/import.ts';
import { ensureContactsTableSql } from '../../../src/ingest/contacts.ts';
import { getAnalysis } from '../../../src/analyses/registry.ts';
import type { Globals } from '../../../src/analyses/types.ts';
import { createBuiltinNotebooks } from '../../../src/notebook/builtin.ts';
import { buildSqlScript } from '../../../src/notebook/sql-script.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import { CANONICAL_QUERIES, comparableRows, useTempDir, writeFixture } from './fixtures.ts';

const NOW = new Date('2025-02-01T00:00:00Z');
const GLOBALS: Globals = { asOf: '2025-01-01', revenue: 'net', currency: 'CNY' };
const dir = useTempDir();

const wasm = useTestEngine();

/** The script's statements: each ends with `;` alone on a line; comment-only parts are dropped. */
const statementsOf = (script: string): string[] =>
	script
		.split(/\n;[ \t]*(?:\n|$)/)
		.map((s) => s.trim())
		.filter((s) => s.split('\n').some((line) => line.trim() && !line.trim().startsWith('--')));

async function run(engine: SqlEngine, sql: string): Promise<void> {
	const r = await engine.query(sql);
	if (!r.ok) throw new Error(`${r.error.detail}\n${sql.slice(0, 400)}`);
}

it('the exported script imports a GBK Taobao export as the page did and gives its numbers', async () => {
	const file = await writeFixture(dir, 'taobao.csv', 'taobao', 'gbk', 300);
	const page = await importFiles(wasm, [new File([readFileSync(file)], 'taobao.csv')], {
		now: NOW
	});
	if (!page.ok) throw new Error(page.error.detail);
	await run(wasm, ensureContactsTableSql);
	const recipe = page.value.files[0].recipe!;
	expect(recipe).toMatchObject({ preset: 'taobao', encoding: 'gb18030' });

	const [notebook] = createBuiltinNotebooks(GLOBALS, NOW.toISOString(), 'en');
	const script = buildSqlScript(notebook, {
		imports: [recipe],
		sqlFor: (cell) => {
			const a = getAnalysis(cell.analysis)!;
			return a.build({ ...a.defaults, ...cell.params }, notebook.globals).map((q) => q.sql);
		}
	});
	// The step DuckDB cannot do, as the script words it; done here as a user's iconv would.
	expect(script).toContain("iconv -f GB18030 -t UTF-8 'taobao.csv' > 'taobao.utf8.csv'");
	const utf8 = path.join(dir, 'taobao.utf8.csv');
	writeFileSync(utf8, iconv.decode(readFileSync(file), 'gb18030'));
	// Run where the files are: the script reads them by their names.
	const located = script.replaceAll("'taobao.utf8.csv'", `'${utf8}'`);

	const cellsAt = located.indexOf('\n-- Cell ');
	const importPart = statementsOf(located.slice(0, cellsAt));
	const cellPart = statementsOf(located.slice(cellsAt));
	expect(importPart.some((s) => s.includes('read_csv'))).toBe(true);

	const native = await createNativeSqlEngine();
	try {
		for (const sql of importPart) await run(native, sql);
		for (const [table, sql] of Object.entries(CANONICAL_QUERIES)) {
			const rows = await comparableRows(native, sql);
			expect(rows, table).toEqual(await comparableRows(wasm, sql));
		}
		// Totals count paid orders, with the closed, cancelled and refunded ones beside them.
		const { orders, otherOrders } = page.value.totals;
		expect((await comparableRows(native, CANONICAL_QUERIES.orders)).length).toBe(
			orders + otherOrders.closed + otherOrders.cancelled + otherOrders.refunded
		);
		let compared = 0;
		for (const sql of cellPart) {
			if (/^\s*(--[^\n]*\n\s*)*CREATE/i.test(sql)) {
				await run(native, sql);
				await run(wasm, sql);
				continue;
			}
			expect(await comparableRows(native, sql), sql.slice(0, 200)).toEqual(
				await comparableRows(wasm, sql)
			);
			compared++;
		}
		expect(compared).toBeGreaterThan(15);
	} finally {
		native.close();
	}
}, 180_000);
