/**
 * The cells' statements timed outside the browser, on duckdb-wasm's Node build (one thread, as the
 * page runs it):
 *
 *   npx tsx scripts/bench/profile.ts --file orders.csv --cache DIR [--notebooks store-health,all]
 *     [--only PATTERN] [--bench-order] [--out results.json] [--top 25]
 *
 * imports the file with the app's importer (or loads the tables a previous run left in `--cache`,
 * as uncompressed Arrow streams), runs the notebooks' cells as the page does (one result cache and
 * one set of base tables for all of them), then again with the as-of date a month earlier, and
 * prints the slowest statements and those that grew the wasm memory most. `--out` writes every
 * cell's result rows (as JSON), so two runs of the SQL, before and after a change, can be compared
 * row for row.
 *
 * After each statement it reads the size of the wasm memory, which never shrinks (as in the page),
 * and DuckDB's own total (`duckdb_memory()`). A statement's growth is what it needed beyond every
 * statement before it, so one that reuses the heap an earlier one left shows none: `--only` runs
 * just the cells whose `notebook/analysis` contains PATTERN (and the base tables they read), on a
 * fresh engine, to see a statement's own need. `--bench-order` takes the in-page benchmark's steps
 * instead (scripts/bench/app.ts): Store health, Store health a month earlier, then All analyses at
 * that date, so the growth is read where the page's peak is.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tableFromIPC, type Table } from 'apache-arrow';
import { HOME_DB, type SqlEngine } from '../../src/engine/types.ts';
import { openDiskFile } from '../../src/engine/native.ts';
import { importFiles } from '../../src/ingest/import.ts';
import { ensureContactsTableSql } from '../../src/ingest/contacts.ts';
import { getAnalysis } from '../../src/analyses/registry.ts';
import type { Globals } from '../../src/analyses/types.ts';
import { createBuiltinNotebook } from '../../src/notebook/builtin.ts';
import { BaseTables } from '../../src/notebook/base-tables.ts';
import { ResultCache } from '../../src/notebook/run-cell.ts';
import { presetRequest, type PresetValue } from '../../src/notebook/preset-run.ts';
import { ident } from '../../src/lib/sql.ts';
import { createTestEngine } from '../../tests/helpers/wasm-engine.ts';

const require = createRequire(import.meta.url);
// The blocking bundle answers with its own (CommonJS) copy of apache-arrow: its tables are
// written with that copy; the engine's insertArrow takes the ES module copy's.
const arrow = require('apache-arrow') as typeof import('apache-arrow');

interface Timed {
	phase: string;
	cell: string;
	sql: string;
	ms: number;
	/** The wasm memory's size after the statement, and how much the statement grew it (bytes). */
	wasm: number;
	grew: number;
	/** DuckDB's own memory after the statement (bytes). */
	duckdb: number;
}

const { values } = parseArgs({
	options: {
		file: { type: 'string' },
		cache: { type: 'string' },
		notebooks: { type: 'string', default: 'store-health,all' },
		only: { type: 'string' },
		'bench-order': { type: 'boolean', default: false },
		out: { type: 'string' },
		top: { type: 'string', default: '25' }
	}
});

const dayAfter = (day: string): string => {
	const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
};
const monthEarlier = (day: string): string => {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCMonth(d.getUTCMonth() - 1);
	return d.toISOString().slice(0, 10);
};

async function must<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) {
	const x = await r;
	if (!x.ok) throw new Error(JSON.stringify(x.error));
	return x.value;
}

/**
 * Rows a cached table is loaded in at a time (one of DuckDB's row groups): the wasm memory, which
 * never shrinks, then holds the tables and one slice of their rows, not a whole uncompressed copy
 * (at 5M orders that copy left about 1.2 GB free beside the tables, in which the statements'
 * growth went unseen).
 */
const LOAD_ROWS = 122_880;

/** The file's tables: loaded from the cache when a run left them there, else imported and kept. */
async function load(engine: SqlEngine): Promise<string> {
	const dir = values.cache;
	const manifestFile = dir && path.join(dir, 'manifest.json');
	if (manifestFile && existsSync(manifestFile)) {
		const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
			tables: { name: string; sql: string }[];
			lastOrder: string;
		};
		for (const t of m.tables) {
			await must(engine.query(`DROP TABLE IF EXISTS ${ident(t.name)}; ${t.sql}`));
			const data = tableFromIPC(readFileSync(path.join(dir, `${t.name}.arrow`)));
			for (let at = 0; at < data.numRows; at += LOAD_ROWS)
				await must(engine.insertArrow(t.name, data.slice(at, at + LOAD_ROWS), 'append'));
		}
		return m.lastOrder;
	}
	if (!values.file) throw new Error('--file is needed when --cache holds no tables');
	const t0 = performance.now();
	const imported = await importFiles(engine, [await openDiskFile(values.file)], {
		now: new Date('2025-06-01T00:00:00Z'),
		mappingFor: async (request) => request.proposed
	});
	if (!imported.ok) throw new Error(`${imported.error.code}: ${imported.error.detail}`);
	await must(engine.query(ensureContactsTableSql));
	console.log(`imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	const lastOrder = String(imported.value.totals.lastOrder);
	if (dir) {
		mkdirSync(dir, { recursive: true });
		const listed = await must(
			engine.query(`SELECT table_name, sql FROM duckdb_tables()
				WHERE database_name = '${HOME_DB}' AND NOT temporary ORDER BY table_name`)
		);
		const tables: { name: string; sql: string }[] = [];
		for (const row of (listed as Table).toArray()) {
			const name = String(row.table_name);
			const data = (await must(engine.query(`SELECT * FROM ${ident(name)}`))) as Table;
			writeFileSync(path.join(dir, `${name}.arrow`), arrow.tableToIPC(data, 'stream'));
			tables.push({ name, sql: String(row.sql) });
		}
		writeFileSync(manifestFile!, JSON.stringify({ tables, lastOrder }));
	}
	return lastOrder;
}

/** The controls the CLI runs a notebook under. */
const BASE: Globals = { asOf: '', revenue: 'net', currency: 'CNY' };

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** User and system CPU time since `since`, in seconds. */
const cpuSeconds = (since: NodeJS.CpuUsage) => {
	const u = process.cpuUsage(since);
	return (u.user + u.system) / 1e6;
};

/** A statement on one line: its start and its end, where a cell's own SELECT is. */
const brief = (sql: string) => {
	const line = sql.replace(/\s+/g, ' ');
	return line.length > 150 ? `${line.slice(0, 60)} … ${line.slice(-85)}` : line;
};

const json = (v: unknown) =>
	JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));

async function main() {
	const engine = await createTestEngine();
	const lastOrder = await load(engine);
	const duckdbBytes = async () => {
		const r = await engine.query(
			'SELECT sum(memory_usage_bytes)::DOUBLE AS bytes FROM duckdb_memory()'
		);
		return r.ok ? Number(r.value.get(0)?.bytes) : NaN;
	};
	const loaded = engine.wasmMemoryBytes();
	console.log(`loaded: wasm ${mb(loaded)}, DuckDB ${mb(await duckdbBytes())}`);
	const log: Timed[] = [];
	let phase = 'load';
	let cell = '';
	const timed =
		(fn: SqlEngine['query']): SqlEngine['query'] =>
		async (sql) => {
			const before = engine.wasmMemoryBytes();
			const t0 = performance.now();
			const r = await fn(sql);
			const ms = performance.now() - t0;
			const wasm = engine.wasmMemoryBytes();
			log.push({ phase, cell, sql, ms, wasm, grew: wasm - before, duckdb: await duckdbBytes() });
			return r;
		};
	const measured: SqlEngine = {
		...engine,
		query: timed(engine.query),
		queryOne: timed(engine.queryOne)
	};
	const env = { engine: measured, cache: new ResultCache(), baseTables: new BaseTables(measured) };
	const results: Record<string, unknown> = {};
	const asOf = dayAfter(lastOrder);
	const notebooks = values.notebooks!.split(',');
	const earlier = monthEarlier(asOf);
	const phases: [string, string, string[]][] = values['bench-order']
		? [
				['render', asOf, ['store-health']],
				['asOf', earlier, ['store-health']],
				['all', earlier, ['all']]
			]
		: [
				['render', asOf, notebooks],
				['asOf', earlier, notebooks]
			];
	const cpu: Record<string, number> = {};
	for (const [name, day, ids] of phases) {
		phase = name;
		const p0 = performance.now();
		const c0 = process.cpuUsage();
		for (const id of ids) {
			const nb = createBuiltinNotebook(`builtin-${id}`, BASE, '', 'en');
			if (!nb) throw new Error(`no notebook ${id}`);
			const globals: Globals = { ...nb.globals, asOf: day };
			for (const c of nb.cells) {
				if (c.kind !== 'preset') continue;
				if (values.only && !`${id}/${c.analysis}`.includes(values.only)) continue;
				const analysis = getAnalysis(c.analysis)!;
				const params = { ...analysis.defaults, ...c.params };
				cell = `${id}/${c.analysis}`;
				const c0 = performance.now();
				const request = presetRequest(
					env,
					{
						analysis,
						params,
						globals,
						queries: analysis.build(params, globals),
						dataVersion: 1,
						name: c.name
					},
					{ key: '', value: null }
				);
				const value = (await request.work({
					signal: new AbortController().signal,
					byHand: false,
					previous: null,
					show: () => {},
					step: () => {}
				})) as PresetValue;
				const ms = performance.now() - c0;
				for (const o of value.outcomes) {
					const key = `${name} ${cell} ${o.query.id}`;
					results[key] = o.result.ok
						? JSON.parse(json(o.result.value.toArray()))
						: { error: o.result.error };
					if (!o.result.ok) console.log(`FAILED ${key}: ${json(o.result.error)}`);
				}
				console.log(`${name} ${cell}: ${(ms / 1000).toFixed(2)} s`);
			}
		}
		cpu[name] = cpuSeconds(c0);
		console.log(
			`== ${name}: ${((performance.now() - p0) / 1000).toFixed(1)} s, CPU ${cpu[name].toFixed(1)} s`
		);
	}
	const top = Number(values.top);
	for (const [name] of phases) {
		const xs = log.filter((x) => x.phase === name);
		const total = xs.reduce((s, x) => s + x.ms, 0);
		const wasm = Math.max(loaded, ...xs.map((x) => x.wasm));
		const duckdb = Math.max(...xs.map((x) => x.duckdb));
		console.log(
			`\n${name}: ${xs.length} statements, ${(total / 1000).toFixed(1)} s in DuckDB, ` +
				`CPU ${cpu[name].toFixed(1)} s, wasm ${mb(wasm)}, DuckDB at most ${mb(duckdb)}`
		);
		for (const x of [...xs].sort((a, b) => b.ms - a.ms).slice(0, top))
			console.log(
				`${x.ms.toFixed(0).padStart(7)} ms  ${x.cell.padEnd(26)} ${x.sql.replace(/\s+/g, ' ').slice(0, 150)}`
			);
	}
	console.log(`\nwasm memory: ${mb(loaded)} loaded; the statements that grew it`);
	for (const x of log
		.filter((x) => x.grew > 0)
		.sort((a, b) => b.grew - a.grew)
		.slice(0, top))
		console.log(
			`${`+${mb(x.grew)}`.padStart(8)} → ${mb(x.wasm).padStart(7)}  ${x.phase.padEnd(6)} ` +
				`${x.cell.padEnd(26)} ${brief(x.sql)}`
		);
	if (values.out) writeFileSync(values.out, JSON.stringify({ results, log }, null, 1));
	engine.close();
}

await main();
