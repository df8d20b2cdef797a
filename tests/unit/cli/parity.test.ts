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
import { ensureContactsTableSql, importContactList } from '../../../src/ingest/contacts.ts';
import {
	ALL_ANALYSES_ID,
	createBuiltinNotebooks,
	FIRST_BUILTIN_ID
} from '../../../src/notebook/builtin.ts';
import type { Notebook } from '../../../src/notebook/schema.ts';
import { runNotebook } from '../../../src/cli/report.ts';
import { EXIT } from '../../../src/cli/main.ts';
import type { Globals } from '../../../src/analyses/types.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import {
	CANONICAL_QUERIES,
	comparableRows,
	comparableTable,
	runCli,
	useTempDir,
	writeFixture
} from './fixtures.ts';

const NOW = new Date('2025-02-01T00:00:00Z');
const GLOBALS: Globals = { asOf: '2025-01-01', revenue: 'net', currency: 'CNY' };
const dir = useTempDir();

const wasm = useTestEngine();

const NOTEBOOKS = createBuiltinNotebooks(GLOBALS, NOW.toISOString(), 'en');
/**
 * The built-in notebooks run: the one the page opens on and All analyses, a cell for every
 * analysis at its defaults, as the other built-ins' cells are (checked below).
 */
const RUN = NOTEBOOKS.filter((nb) => nb.id === FIRST_BUILTIN_ID || nb.id === ALL_ANALYSES_ID);
const ALL = NOTEBOOKS.find((nb) => nb.id === ALL_ANALYSES_ID)!;
const presetCells = (nb: Notebook) => nb.cells.flatMap((c) => (c.kind === 'preset' ? [c] : []));

/** Every query's rows of the notebooks run, by cell (`<notebook>-<n>`) and query id. */
async function cellResults(engine: SqlEngine): Promise<Record<string, string[]>> {
	const out: Record<string, string[]> = {};
	for (const notebook of RUN) {
		const runs = await runNotebook(engine, notebook, GLOBALS, () => undefined);
		for (const [cell, run] of runs) {
			if (run.prepareError) throw new Error(`${cell}: ${run.prepareError.detail}`);
			for (const o of run.outcomes) {
				if (!o.result.ok) throw new Error(`${cell} ${o.query.id}: ${o.result.error.detail}`);
				out[`${cell}/${o.query.id}`] = comparableTable(o.result.value);
			}
		}
	}
	return out;
}

it('every built-in notebook is one of those run or made of All analyses’ cells', () => {
	const all = new Set(presetCells(ALL).map((c) => c.analysis));
	for (const nb of NOTEBOOKS)
		for (const cell of presetCells(nb)) {
			expect(all.has(cell.analysis), cell.id).toBe(true);
			expect(cell.params, cell.id).toEqual({});
		}
});

describe.each([
	['taobao-gbk.csv', 'taobao', 'gbk', false],
	['shopify.csv', 'shopify', 'utf8', false],
	// With the campaign contact list, so the campaign cells have a campaign to measure.
	['generic.csv', 'generic', 'utf8', true]
] as const)('%s', (name, format, encoding, withContacts) => {
	it('huitou db writes the tables and every built-in notebook gives what duckdb-wasm gives', async () => {
		const contacts = withContacts ? path.join(dir, `${name}.contacts.csv`) : undefined;
		const file = await writeFixture(dir, name, format, encoding, 400, contacts);
		const out = path.join(dir, `${name}.duckdb`);
		const cli = await runCli([
			'db',
			file,
			...(contacts ? [contacts] : []),
			'--out',
			out,
			'--quiet'
		]);
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
		if (contacts) {
			const list = await importContactList(
				wasm,
				new File([readFileSync(contacts)], 'contacts.csv')
			);
			expect(list.ok && list.value.rows).toBeGreaterThan(0);
		}

		const native = await createNativeSqlEngine({ database: out });
		try {
			for (const [table, sql] of Object.entries(CANONICAL_QUERIES)) {
				const [a, b] = [await comparableRows(native, sql), await comparableRows(wasm, sql)];
				expect(a.length, table).toBe(b.length);
				expect(a, table).toEqual(b);
			}
			const cells = await cellResults(native);
			// The cells' base tables stay out of the database file: temp tables there, which spill.
			const base = await native.query(
				`SELECT temporary FROM duckdb_tables() WHERE starts_with(table_name, '__base_')`
			);
			const temporary = base.ok ? base.value.toArray().map((r) => r.temporary) : [];
			expect(temporary.length).toBeGreaterThan(0);
			expect(temporary.every((t) => t === true)).toBe(true);
			// Every cell of the notebooks run gave results.
			for (const cell of RUN.flatMap(presetCells))
				expect(
					Object.keys(cells).some((key) => key.startsWith(`${cell.id}/`)),
					cell.id
				).toBe(true);
			expect(cells).toEqual(await cellResults(wasm));
			if (contacts) {
				const campaign = presetCells(ALL).find((c) => c.analysis === 'campaigns')!;
				const measured = Object.entries(cells).filter(([key]) => key.startsWith(`${campaign.id}/`));
				expect(measured.some(([, rows]) => rows.length > 0)).toBe(true);
			}
		} finally {
			native.close();
		}
	}, 300_000);
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
