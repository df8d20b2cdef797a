/**
 * The command line: the page's importer, analyses and report on native DuckDB, for files a browser
 * tab cannot hold. Progress and the quality summary go to stderr; the exit code says how it went.
 *
 *   huitou report FILE… [--notebook NAME|saved.json] [--as-of DATE] [--out report.html]
 *   huitou db FILE… --out shop.duckdb
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Globals } from '../analyses/types.ts';
import { createNativeSqlEngine, type NativeSqlEngine } from '../engine/native.ts';
import { PRESETS, type PresetId } from '../ingest/presets/index.ts';
import { rejectedRowsCsv, type ImportFailure, type RejectedRow } from '../ingest/quality.ts';
import { ENCODINGS, type EncodingName } from '../ingest/read/index.ts';
import { now } from '../lib/clock.ts';
import type { Lang } from '../lib/msg.ts';
import { fail, ok, type Result } from '../lib/result.ts';
import { createBuiltinNotebooks } from '../notebook/builtin.ts';
import { parseNotebookText, type Notebook } from '../notebook/schema.ts';
import { loadFiles, type LoadOutcome } from './load.ts';
import { describeFailure, describeRejection, messageOf } from './messages.ts';
import { buildNotebookReport, failuresOf, runNotebook } from './report.ts';

/** Exit codes, for scripts: documented in the README ("When your data outgrows the browser"). */
export const EXIT = {
	ok: 0,
	/** Bad arguments, an unknown notebook or option value; nothing was read. */
	usage: 1,
	/** No file could be imported (the message says why, as the page does). */
	importFailed: 2,
	/** The output was written, but some file failed to import or some cell failed. */
	partial: 3,
	/** The output could not be written (the engine failed, or the disk refused). */
	failed: 4
} as const;

const USAGE = `Usage:
  huitou report FILE… [--notebook NAME|saved.json] [--as-of YYYY-MM-DD] [--out report.html] [--lang en|zh]
  huitou db FILE… --out shop.duckdb

Imports order exports (and campaign contact lists) as the page does and
  report  runs a notebook's cells and writes the page's standalone HTML report;
  db      writes the tables orders, order_lines, customers and campaign_contacts to a DuckDB file.

Options:
  --notebook NAME|FILE  store-health (default), rfm-playbook, campaign-review, or a notebook .json
  --as-of DATE          the as-of date (default: the day after the last order)
  --out FILE            report: report.html; db: required (an existing file is replaced)
  --lang en|zh          the report's language (default en)
  --preset ID           read every file as this platform's export: ${PRESETS.map((p) => p.id).join(', ')}
  --mapping FILE        a column mapping for files of another layout (else FILE.huitou.json)
  --encoding NAME       ${ENCODINGS.join(', ')} (gbk = gb18030; default: detected)
  --date-order ORDER    auto, ymd, dmy or mdy for dates like 11/12/2024 (default auto)
  --rejects FILE        write the rejected rows (file, line, reason, column, value) as CSV
  --memory-limit SIZE   DuckDB's memory limit, e.g. 4GB (default: 80% of the machine's memory)
  --temp-dir DIR        where DuckDB spills what does not fit in memory
  --quiet               no progress lines

Exit codes: 0 ok, 1 usage, 2 import failed, 3 partial (written, but a file or a cell failed),
4 the output could not be written.`;

interface Command {
	command: 'report' | 'db';
	files: string[];
	notebook: string;
	asOf?: string;
	out: string;
	lang: Lang;
	preset?: PresetId;
	mapping?: string;
	encoding?: EncodingName;
	dateOrder?: 'auto' | 'ymd' | 'dmy' | 'mdy';
	rejects?: string;
	memoryLimit?: string;
	tempDir?: string;
	quiet: boolean;
}

const DATE_ORDERS = ['auto', 'ymd', 'dmy', 'mdy'];

function parseCommand(argv: string[]): Result<Command> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				notebook: { type: 'string', default: 'store-health' },
				'as-of': { type: 'string' },
				out: { type: 'string' },
				lang: { type: 'string', default: 'en' },
				preset: { type: 'string' },
				mapping: { type: 'string' },
				encoding: { type: 'string' },
				'date-order': { type: 'string' },
				rejects: { type: 'string' },
				'memory-limit': { type: 'string' },
				'temp-dir': { type: 'string' },
				quiet: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
	} catch (e) {
		return fail('usage', (e as Error).message);
	}
	const { values: v, positionals } = parsed;
	const [command, ...files] = positionals;
	if (v.help) return fail('help', '');
	if (command !== 'report' && command !== 'db')
		return fail('usage', command ? `unknown command "${command}"` : 'no command');
	if (files.length === 0) return fail('usage', 'no file given');
	if (command === 'db' && !v.out) return fail('usage', 'db needs --out FILE.duckdb');
	if (v['as-of'] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v['as-of']))
		return fail('usage', `--as-of must be YYYY-MM-DD, not "${v['as-of']}"`);
	if (v.lang !== 'en' && v.lang !== 'zh') return fail('usage', '--lang must be en or zh');
	if (v.preset !== undefined && !PRESETS.some((p) => p.id === v.preset))
		return fail('usage', `unknown preset "${v.preset}"`);
	// GBK is what Chinese exports say they are; GB18030 is its superset, and what the reader names.
	if (v.encoding === 'gbk') v.encoding = 'gb18030';
	if (v.encoding !== undefined && !(ENCODINGS as string[]).includes(v.encoding))
		return fail('usage', `unknown encoding "${v.encoding}"`);
	if (v['date-order'] !== undefined && !DATE_ORDERS.includes(v['date-order']))
		return fail('usage', `--date-order must be auto, ymd, dmy or mdy`);
	return ok({
		command,
		files,
		notebook: v.notebook,
		asOf: v['as-of'],
		out: v.out ?? 'report.html',
		lang: v.lang,
		preset: v.preset as PresetId | undefined,
		mapping: v.mapping,
		encoding: v.encoding as EncodingName | undefined,
		dateOrder: v['date-order'] as Command['dateOrder'],
		rejects: v.rejects,
		memoryLimit: v['memory-limit'],
		tempDir: v['temp-dir'],
		quiet: v.quiet
	});
}

/** A built-in notebook by its name (`store-health`) or id, else a notebook file. */
function resolveNotebook(name: string, globals: Globals, lang: Lang): Result<Notebook> {
	const builtins = createBuiltinNotebooks(globals, now().toISOString(), lang);
	const builtin = builtins.find((nb) => nb.id === name || nb.id === `builtin-${name}`);
	if (builtin) return ok(builtin);
	if (!existsSync(name)) return fail('cli.bad-notebook', name);
	const parsed = parseNotebookText(readFileSync(name, 'utf8'));
	return parsed.ok ? parsed : fail('cli.bad-notebook', `${name}: ${parsed.error.detail}`);
}

/** The page's default as-of date after an import: the day after the last order. */
function dayAfter(lastOrder: string | null): string {
	const day = lastOrder ? new Date(`${lastOrder.slice(0, 10)}T00:00:00Z`) : now();
	return new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
}

const n = (x: number) => x.toLocaleString('en-US');

/** Rejected rows listed in the summary, per file. */
const REJECTS_SHOWN = 5;

const rejectionLine = (r: RejectedRow) =>
	`line ${r.line}: ${describeRejection(r)}${r.column && !r.format ? ` (${r.column}: ${r.value ?? ''})` : ''}`;

/** The quality report's summary, as the page's dialog opens with it. */
function summarize(loaded: LoadOutcome, log: (line: string) => void): void {
	for (const q of loaded.report?.files ?? []) {
		log(
			`${q.file}${q.preset ? ` (${q.preset})` : ''}: ${n(q.rowsRead)} rows → ${n(q.orders)} orders, ` +
				`${n(q.customers)} customers, ${q.firstOrder?.slice(0, 10) ?? '–'} … ${q.lastOrder?.slice(0, 10) ?? '–'}, ` +
				`net ${n(Math.round(q.netRevenue))} ${q.currency ?? ''}`.trimEnd()
		);
		const notes = [
			q.rejected.length && `${n(q.rejected.length)} rows rejected`,
			q.duplicatesRemoved && `${n(q.duplicatesRemoved)} duplicate orders replaced`,
			q.unknownCustomerOrders &&
				`${messageOf('ingest.report.unknown-customers')}: ${n(q.unknownCustomerOrders)}`,
			q.statuses.refunded.orders && `${n(q.statuses.refunded.orders)} refunded`,
			q.statuses.cancelled.orders && `${n(q.statuses.cancelled.orders)} cancelled`
		].filter(Boolean);
		if (notes.length) log(`  ${notes.join(', ')}`);
		// The first rejected rows in the page's words; `--rejects FILE` writes every one.
		for (const r of q.rejected.slice(0, REJECTS_SHOWN)) log(`  ${rejectionLine(r)}`);
		if (q.rejected.length > REJECTS_SHOWN)
			log(`  … ${n(q.rejected.length - REJECTS_SHOWN)} more (--rejects FILE.csv lists them all)`);
		for (const w of q.warnings) log(`  warning: ${describeFailure(w)}`);
	}
	for (const c of loaded.contactLists)
		log(`${c.file}: ${n(c.rows)} campaign contacts, ${n(c.campaigns)} campaigns`);
	for (const f of loaded.failures) {
		log(`${f.file}: failed: ${describeFailure(f.error)}`);
		// Every row rejected: the first ones say why, as in the page's error box.
		const rejected = (f.error as ImportFailure).rejected ?? [];
		for (const r of rejected.slice(0, REJECTS_SHOWN)) log(`  ${rejectionLine(r)}`);
	}
	const t = loaded.report?.totals;
	if (t)
		log(
			`loaded: ${n(t.orders)} orders, ${n(t.lines)} lines, ${n(t.customers)} customers, ` +
				`${t.firstOrder?.slice(0, 10) ?? '–'} … ${t.lastOrder?.slice(0, 10) ?? '–'}`
		);
}

/** Runs one command; resolves to its exit code. `stderr` takes progress and messages. */
export async function main(
	argv: string[],
	stderr: (line: string) => void = (line) => process.stderr.write(`${line}\n`)
): Promise<number> {
	const parsed = parseCommand(argv);
	if (!parsed.ok) {
		if (parsed.error.code === 'help') {
			stderr(USAGE);
			return EXIT.ok;
		}
		stderr(`huitou: ${parsed.error.detail}\n\n${USAGE}`);
		return EXIT.usage;
	}
	const cmd = parsed.value;
	const started = performance.now();
	const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
	// Each progress line says when it happened, so a long import shows where its time goes.
	const progress = cmd.quiet ? () => undefined : (line: string) => stderr(`[${elapsed()}] ${line}`);

	// A report keeps its tables in a scratch database file, so data larger than memory spills to
	// disk; `db` builds its file beside the one asked for and puts it in place only when written,
	// so a failed run leaves an earlier database as it was.
	const scratch = mkdtempSync(path.join(cmd.tempDir ?? tmpdir(), 'huitou-'));
	const building =
		cmd.command === 'db' ? `${cmd.out}.partial` : path.join(scratch, 'report.duckdb');
	const removeDatabase = (file: string) => {
		for (const f of [file, `${file}.wal`]) rmSync(f, { force: true });
	};
	removeDatabase(building);
	let engine: NativeSqlEngine | undefined;
	let exit: number = EXIT.failed;
	try {
		engine = await createNativeSqlEngine({
			database: building,
			tempDirectory: cmd.tempDir ? scratch : undefined,
			memoryLimit: cmd.memoryLimit,
			// A notebook's SQL cells are untrusted input, as in the page.
			sandbox: true
		});
		exit = await runCommand(cmd, engine, stderr, progress);
	} catch (e) {
		stderr(`huitou: ${(e as Error).message ?? e}`);
	} finally {
		engine?.close();
		rmSync(scratch, { recursive: true, force: true });
	}
	const written = exit === EXIT.ok || exit === EXIT.partial;
	if (cmd.command === 'db') {
		if (written) {
			removeDatabase(cmd.out);
			renameSync(building, cmd.out);
		} else removeDatabase(building);
	}
	if (written) stderr(`wrote ${cmd.out} in ${elapsed()}`);
	return exit;
}

async function runCommand(
	cmd: Command,
	engine: NativeSqlEngine,
	stderr: (line: string) => void,
	progress: (line: string) => void
): Promise<number> {
	const loaded = await loadFiles(engine, cmd.files, {
		preset: cmd.preset,
		encoding: cmd.encoding,
		dateOrder: cmd.dateOrder,
		mappingFile: cmd.mapping,
		now: now(),
		log: progress
	});
	summarize(loaded, stderr);
	if (cmd.rejects && loaded.report) writeFileSync(cmd.rejects, rejectedRowsCsv(loaded.report));
	if (!loaded.report?.files.length && !loaded.contactLists.length) return EXIT.importFailed;
	if (cmd.command === 'db') {
		await engine.query('CHECKPOINT');
		return loaded.failures.length ? EXIT.partial : EXIT.ok;
	}
	const base: Globals = { asOf: '', revenue: 'net', currency: 'CNY' };
	const notebook = resolveNotebook(cmd.notebook, base, cmd.lang);
	if (!notebook.ok) {
		stderr(`huitou: ${describeFailure(notebook.error)}`);
		return EXIT.usage;
	}
	const globals: Globals = {
		...notebook.value.globals,
		asOf: cmd.asOf ?? dayAfter(loaded.report?.totals.lastOrder ?? null)
	};
	progress(`notebook "${notebook.value.title}", as of ${globals.asOf}`);
	const runs = await runNotebook(engine, notebook.value, globals, progress);
	const failures = failuresOf(runs);
	for (const f of failures) stderr(`${f.label}: failed: ${describeFailure(f.error)}`);
	writeFileSync(cmd.out, buildNotebookReport(notebook.value, runs, globals, cmd.lang, now()));
	return loaded.failures.length || failures.length ? EXIT.partial : EXIT.ok;
}
