/**
 * `huitou db` and `huitou report` against the page's engine: on import-test fixtures (Taobao in
 * GBK, Shopify line items, the generic layout) the command line's canonical tables and every cell
 * of a built-in notebook give what duckdb-wasm gives for the same file in the same test run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { createNativeSqlEngine, openDiskFile } from '../../../src/engine/native.ts';
import { importFiles } from '../../../src/ingest/import.ts';
import { ensureContactsTableSql } from '../../../src/ingest/contacts.ts';
import { createBuiltinNotebooks } from '../../../src/notebook/builtin.ts';
import { runNotebook } from '../../../src/cli/report.ts';
import { EXIT } from '../../../src/cli/main.ts';
import type { Globals } from '../../../src/analyses/types.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import { CANONICAL_QUERIES, comparableRows, runCli, useTempDir, writeFixture } from './fixtures.ts';

const NOW = new Date('2025-02-01T00:00:00Z');
const GLOBALS: Globals = { asOf: '2025-01-01', revenue: 'net', currency: 'CNY' };
const dir = useTempDir();

const wasm = useTestEngine();

/** Every query's rows of a notebook run, by cell and query id. */
async function cellResults(engine: SqlEngine): Promise<Record<string, string[]>> {
	const [notebook] = createBuiltinNotebooks(GLOBALS, NOW.toISOString(), 'en');
	const runs = await runNotebook(engine, notebook, GLOBALS, () => undefined);
	const out: Record<string, string[]> = {};
	for (const [cell, run] of runs)
		for (const o of run.outcomes) {
			if (!o.result.ok) throw new Error(`${cell} ${o.query.id}: ${o.result.error.detail}`);
			out[`${cell}/${o.query.id}`] = await comparableRows(engine, o.query.sql);
		}
	return out;
}

describe.each([
	['taobao-gbk.csv', 'taobao', 'gbk'],
	['shopify.csv', 'shopify', 'utf8'],
	['generic.csv', 'generic', 'utf8']
] as const)('%s', (name, format, encoding) => {
	it('huitou db writes the tables and the cells give what duckdb-wasm gives', async () => {
		const file = await writeFixture(dir, name, format, encoding);
		const out = path.join(dir, `${name}.duckdb`);
		const cli = await runCli(['db', file, '--out', out, '--quiet']);
		expect(cli.stderr).toContain('loaded:');
		expect(cli.code).toBe(EXIT.ok);
		expect(cli.stderr).toMatch(/loaded: [1-9]/);

		await wasm.query(
			'DROP TABLE IF EXISTS orders; DROP TABLE IF EXISTS order_lines; DROP TABLE IF EXISTS customers; DROP TABLE IF EXISTS campaign_contacts'
		);
		const bytes = readFileSync(file);
		const page = await importFiles(wasm, [new File([bytes], name)], { now: NOW });
		expect(page.ok).toBe(true);
		await wasm.query(ensureContactsTableSql);

		const native = await createNativeSqlEngine({ database: out });
		try {
			for (const [table, sql] of Object.entries(CANONICAL_QUERIES)) {
				const [a, b] = [await comparableRows(native, sql), await comparableRows(wasm, sql)];
				expect(a.length, table).toBe(b.length);
				expect(a, table).toEqual(b);
			}
			const cells = await cellResults(native);
			expect(Object.keys(cells).length).toBeGreaterThan(15);
			expect(cells).toEqual(await cellResults(wasm));
		} finally {
			native.close();
		}
	}, 180_000);
});

it('the native engine reads a file on disk where it lies, and appends Arrow tables', async () => {
	// A blank line makes the reader number lines through an Arrow table of blank lines.
	const file = path.join(dir, 'blank-line.csv');
	writeFileSync(
		file,
		[
			'order_id,customer_id,order_time,status,order_amount',
			'1,c1,2024-11-11 10:00:00,paid,10',
			'',
			'2,c2,2024-11-12 10:00:00,paid,12'
		].join('\n')
	);
	const engine = await createNativeSqlEngine({ sandbox: true });
	try {
		const r = await importFiles(engine, [await openDiskFile(file)], {
			now: NOW,
			mappingFor: async (request) => request.proposed
		});
		expect(r.ok && r.value.files[0]).toMatchObject({ orders: 2, netRevenue: 22 });
		// Linked, not copied: the adapter copied no bytes.
		expect(engine.copyMs).toBe(0);
		// The sandbox holds: no path but the registered files.
		const outside = await engine.query(`SELECT * FROM read_csv('${file}')`);
		expect(outside.ok).toBe(false);
	} finally {
		engine.close();
	}
}, 60_000);
