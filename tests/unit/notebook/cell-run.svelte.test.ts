// @vitest-environment jsdom
// (jsdom: the page's Svelte, whose effects run; in Node's default Svelte they never do.)
/**
 * The run of a cell (src/notebook/cell-run.svelte.ts) on the page's DuckDB build, with preset
 * and SQL cells' requests as the page makes them. What breaks without it: a cell that shows a
 * half-loaded engine's error after a cancel, a stopped cell that starts its runaway query again
 * on the reload, a SQL cell whose Run throws away every other cell's results, a writing cell that
 * runs when the notebook opens, a cell the last page died in that runs into the same crash.
 */
import { flushSync } from 'svelte';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../helpers/wasm-engine.ts';
import { loadOrders, queryRows } from '../../helpers/orders-fixture.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import type { Analysis, Globals } from '../../../src/analyses/types.ts';
import type { Result } from '../../../src/lib/result.ts';
import { getAnalysis } from '../../../src/analyses/registry.ts';
import { CellQueue } from '../../../src/notebook/cell-queue.ts';
import { BaseTables } from '../../../src/notebook/base-tables.ts';
import { ResultCache } from '../../../src/notebook/run-cell.ts';
import { RunMarks } from '../../../src/notebook/run-marks.ts';
import {
	CellRun,
	type CellRunEnv,
	type CellRunOptions,
	type RunRequest
} from '../../../src/notebook/cell-run.svelte.ts';
import { presetRequest, type PresetValue } from '../../../src/notebook/preset-run.ts';
import { sqlRequest, type SqlValue } from '../../../src/notebook/sql-request.ts';
import { DataLoading } from '../../../src/notebook/data-load.svelte.ts';

let db: SqlEngine & { close(): void };
/** Every statement sent to the engine, to tell what a run did. */
let sent: string[] = [];
/** Called with each statement as it is sent: what a run says it does at that moment. */
let onSend: ((sql: string) => void) | null = null;
let engine: SqlEngine;

const globals: Globals = { asOf: '2024-04-01', revenue: 'net', currency: 'CNY' };

beforeAll(async () => {
	db = await createTestEngine();
	await loadOrders(db, [
		{ id: 'o1', customer: 'c1', time: '2024-01-05 10:00', gross: 100 },
		{ id: 'o2', customer: 'c1', time: '2024-02-05 10:00', gross: 60 },
		{ id: 'o3', customer: 'c2', time: '2024-03-01 10:00', gross: 40 }
	]);
	engine = {
		...db,
		query: (sql: string) => {
			sent.push(sql);
			onSend?.(sql);
			return db.query(sql);
		},
		queryOne: (sql: string) => {
			sent.push(sql);
			return db.queryOne(sql);
		}
	};
}, 60_000);
afterAll(() => db.close());

/** A page's engine as a run sees it: `settled` waits while `reload` is open; cancels counted. */
function pageEngine() {
	let reloaded: () => void = () => undefined;
	let settled = Promise.resolve();
	const page = {
		cancels: 0,
		restarting: false,
		settled: () => settled,
		cancel: () => page.cancels++,
		/** A restart under way: runs wait until `done()`. */
		reload() {
			page.restarting = true;
			settled = new Promise((resolve) => (reloaded = resolve));
			return {
				done: () => {
					page.restarting = false;
					reloaded();
				}
			};
		}
	};
	return page;
}

/** The page's shared pieces, fresh per test. */
function setup(storage?: Map<string, string>) {
	const page = pageEngine();
	const store = storage && {
		getItem: (k: string) => storage.get(k) ?? null,
		setItem: (k: string, v: string) => void storage.set(k, v)
	};
	const env: CellRunEnv = {
		engine: page,
		data: new DataLoading(),
		queue: new CellQueue(),
		marks: new RunMarks(store)
	};
	return {
		page,
		env,
		loading: env.data as DataLoading,
		cache: new ResultCache(),
		baseTables: new BaseTables(engine)
	};
}

const roots: (() => void)[] = [];
/** Makes a run where effects may live, as a component would; torn down after the test. */
function cellRun<T>(env: CellRunEnv, opts: CellRunOptions, request: () => RunRequest<T> | null) {
	let run!: CellRun<T>;
	roots.push(
		$effect.root(() => {
			run = new CellRun(env, opts, request);
		})
	);
	flushSync();
	return run;
}
afterAll(() => roots.forEach((stop) => stop()));

/** Lets the run's promises settle and its state reach the page, until `done` holds. */
async function until(done: () => boolean): Promise<void> {
	for (let i = 0; i < 500 && !done(); i++) {
		flushSync();
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	flushSync();
	expect(done()).toBe(true);
}

const overview = getAnalysis('overview')!;

/** A preset cell's inputs, changeable as the page's state is. */
function presetCell(
	shared: ReturnType<typeof setup>,
	id: string,
	analysis: Analysis = overview,
	index = 0
) {
	const input = $state({ dataVersion: 0, params: { ...analysis.defaults } });
	const memo: { key: string; value: Result<unknown> | null } = { key: '', value: null };
	const run = cellRun<PresetValue>(shared.env, { id, index: () => index }, () =>
		presetRequest(
			{ engine, cache: shared.cache, baseTables: shared.baseTables },
			{
				analysis,
				params: input.params,
				globals,
				queries: analysis.build(input.params, globals),
				dataVersion: input.dataVersion
			},
			memo
		)
	);
	return { run, input };
}

/** A SQL cell's inputs: its text, whether it may change data, whether it is trusted. */
function sqlCell(
	shared: ReturnType<typeof setup>,
	id: string,
	sql: string,
	more: { mayWrite?: boolean; notebook?: string } = {}
) {
	const input = $state({ dataVersion: 0, sql, mayWrite: !!more.mayWrite, trusted: true });
	const run = cellRun<SqlValue>(
		shared.env,
		{ id, index: () => 5, mark: { notebook: more.notebook ?? 'nb', cell: id } },
		() => {
			if (!input.trusted) return null;
			void input.dataVersion;
			return sqlRequest(engine, {
				sql: () => input.sql,
				mayWrite: input.mayWrite
			});
		}
	);
	return { run, input };
}

const firstValue = (v: SqlValue | null) =>
	v?.outcome.result.ok ? v.outcome.result.value.toArray()[0]?.toJSON() : v?.outcome.result;

describe('a preset cell', () => {
	test('runs its queries, then reads unchanged SQL from the cache', async () => {
		const shared = setup();
		const { run } = presetCell(shared, 'a');
		await until(() => run.phase.kind === 'done');
		const outcomes = run.value!.outcomes;
		expect(outcomes.length).toBe(overview.build(overview.defaults, globals).length);
		expect(outcomes.every((o) => o.result.ok && !o.cached)).toBe(true);
		// The key figures cover the last whole month before the as-of date, March 2024: o3 alone.
		const kpis = outcomes[0].result.ok ? outcomes[0].result.value.toArray()[0].toJSON() : {};
		expect(Number(kpis.orders)).toBe(1);
		expect(Number(kpis.customers)).toBe(1);

		const again = presetCell(shared, 'b');
		await until(() => again.run.phase.kind === 'done');
		expect(again.run.value!.outcomes.every((o) => o.cached)).toBe(true);
	});

	test('waits for a reload to finish, then for its turn, saying how many come first', async () => {
		const shared = setup();
		const restart = shared.page.reload();
		sent = [];
		const { run } = presetCell(shared, 'a');
		await until(() => run.phase.kind === 'reloading');
		expect(sent).toEqual([]);
		// Another cell holds the engine meanwhile.
		const release = shared.env.queue.acquire('other', 0);
		restart.done();
		await until(() => run.phase.kind === 'pending');
		expect(run.phase).toEqual({ kind: 'pending', ahead: 1 });
		expect(sent).toEqual([]);
		(await release)!();
		await until(() => run.phase.kind === 'done');
		expect(run.value!.outcomes.length).toBeGreaterThan(0);
	});

	test('waits for an import, naming its step and figures as they change', async () => {
		const shared = setup();
		shared.loading.show({ kind: 'import', step: 'reading', rows: 1000 });
		sent = [];
		const { run } = presetCell(shared, 'a');
		await until(() => run.phase.kind === 'reloading');
		expect(run.phase).toEqual({
			kind: 'reloading',
			load: { kind: 'import', step: 'reading', rows: 1000 }
		});
		const load = {
			kind: 'import',
			step: 'building',
			rows: 5000,
			orders: 40,
			customers: 9
		} as const;
		shared.loading.show(load);
		expect(run.phase).toEqual({ kind: 'reloading', load });
		await until(() => true);
		expect(sent).toEqual([]);
		shared.loading.end();
		await until(() => run.phase.kind === 'done');
		expect(run.value!.outcomes.length).toBeGreaterThan(0);
	});

	test('a cell waiting for its turn when files are added waits for their import instead', async () => {
		const shared = setup();
		const hold = shared.env.queue.acquire('other', 0);
		sent = [];
		const { run } = presetCell(shared, 'a');
		await until(() => run.phase.kind === 'pending');
		shared.loading.show({ kind: 'import', step: 'preview' });
		(await hold)!();
		// Its turn came during the import: it gave it up without sending anything.
		await until(() => run.phase.kind === 'reloading');
		expect(run.phase).toEqual({ kind: 'reloading', load: { kind: 'import', step: 'preview' } });
		expect(shared.env.queue.waiting).toBe(0);
		expect(sent).toEqual([]);
		shared.loading.end();
		await until(() => run.phase.kind === 'done');
	});

	test('a cell whose turn comes while the engine restarts waits for the data, not on an empty engine', async () => {
		const shared = setup();
		const hold = shared.env.queue.acquire('other', 0);
		sent = [];
		const { run } = presetCell(shared, 'a');
		await until(() => run.phase.kind === 'pending');
		// The cell holding the engine was cancelled: the engine restarts, then its turn ends.
		const restart = shared.page.reload();
		(await hold)!();
		await until(() => run.phase.kind === 'reloading');
		expect(shared.env.queue.waiting).toBe(0);
		expect(sent).toEqual([]);
		restart.done();
		await until(() => run.phase.kind === 'done');
		expect(run.value!.outcomes.every((o) => o.result.ok)).toBe(true);
	});

	test('while it runs, it says which query of how many, and when it makes the shared tables', async () => {
		const shared = setup();
		const queries = overview.build(overview.defaults, globals);
		expect(queries.length).toBeGreaterThan(1);
		// What the cell said when each statement reached the engine.
		const said: { sql: string; phase: unknown }[] = [];
		let run!: CellRun<PresetValue>;
		onSend = (sql) => said.push({ sql, phase: run?.phase });
		try {
			run = presetCell(shared, 'a').run;
			await until(() => run.phase.kind === 'done');
		} finally {
			onSend = null;
		}
		const made = said.filter((s) => /CREATE OR REPLACE (TEMP )?TABLE "?__base_/.test(s.sql));
		expect(made.length).toBeGreaterThan(0);
		for (const s of made) expect(s.phase).toEqual({ kind: 'running', step: { kind: 'tables' } });
		for (const [i, q] of queries.entries()) {
			// Each query reaches the engine as written but for its shared CTEs, read from the tables.
			const asSent = said.find((s) => s.sql.includes(q.sql.slice(-80)));
			expect(asSent?.phase).toEqual({
				kind: 'running',
				step: { kind: 'query', n: i + 1, of: queries.length, title: q.title }
			});
		}
	});

	test('stopped by its Cancel, it waits through a reload until its inputs change or Run', async () => {
		const shared = setup();
		// Holds the queue, so the cell is stopped while it waits: no engine cancel for that.
		const hold = shared.env.queue.acquire('other', 0);
		const { run, input } = presetCell(shared, 'a');
		await until(() => run.phase.kind === 'pending');
		run.stop();
		flushSync();
		expect(run.phase).toEqual({ kind: 'stopped', crashed: false });
		expect(shared.page.cancels).toBe(0);
		(await hold)!();

		// The data reloads (as after a cancel): the same inputs, so it stays stopped.
		sent = [];
		input.dataVersion++;
		flushSync();
		await until(() => shared.env.queue.waiting === 0);
		expect(run.phase.kind).toBe('stopped');
		expect(sent).toEqual([]);

		// Run again starts it.
		run.run();
		await until(() => run.phase.kind === 'done');
		expect(run.value!.outcomes.length).toBeGreaterThan(0);

		// Stopped while it runs, the engine is cancelled and what the run returns is dropped; new
		// parameters start it again.
		let open: () => void = () => undefined;
		const gate = new Promise<void>((resolve) => (open = resolve));
		const slow: Analysis = {
			...overview,
			id: 'slow',
			async prepare() {
				await gate;
				return { ok: true, value: null };
			}
		};
		const mid = presetCell(shared, 'c', slow);
		await until(() => mid.run.phase.kind === 'running');
		mid.run.stop();
		expect(shared.page.cancels).toBe(1);
		open();
		await until(() => shared.env.queue.waiting === 0);
		expect(mid.run.phase).toEqual({ kind: 'stopped', crashed: false });
		expect(mid.run.value).toBeNull();
		mid.input.params = { ...mid.input.params, another: 1 };
		await until(() => mid.run.phase.kind === 'done');
		expect(mid.run.value!.outcomes.length).toBeGreaterThan(0);
	});

	test('prepare runs again only when parameters or data change, or on Run', async () => {
		const shared = setup();
		let prepares = 0;
		const prepared: Analysis = {
			id: 'prepared',
			title: { en: 'P', zh: 'P' },
			definition: { en: '', zh: '' },
			defaults: { k: 1 },
			params: [],
			async prepare(e, p) {
				prepares++;
				const r = await e.query(`CREATE OR REPLACE TEMP TABLE prep AS SELECT ${Number(p.k)} AS k`);
				return r.ok ? { ok: true, value: { k: p.k } } : r;
			},
			build: () => [{ id: 'q', title: { en: 'Q', zh: 'Q' }, sql: 'SELECT k FROM prep' }]
		};
		const { run, input } = presetCell(shared, 'p', prepared);
		await until(() => run.phase.kind === 'done');
		expect(prepares).toBe(1);
		expect(run.value!.prepared).toEqual({ ok: true, value: { k: 1 } });

		run.run();
		await until(() => prepares === 2 && run.phase.kind === 'done');
		input.params = { k: 7 };
		await until(() => prepares === 3 && run.phase.kind === 'done');
		const [q] = run.value!.outcomes;
		expect(q.result.ok && q.result.value.toArray()[0].toJSON()).toEqual({ k: 7 });
		// Unchanged inputs re-read (a re-render): no new fit.
		input.params = { ...input.params };
		await until(() => run.phase.kind === 'done');
		expect(prepares).toBe(3);
		input.dataVersion++;
		await until(() => prepares === 4 && run.phase.kind === 'done');
	});
});

describe('a SQL cell', () => {
	test('runs on open and on new data, never because its text changed', async () => {
		const shared = setup();
		const { run, input } = sqlCell(shared, 's', 'SELECT count(*)::INT AS n FROM orders');
		await until(() => run.phase.kind === 'done');
		expect(firstValue(run.value)).toEqual({ n: 3 });
		sent = [];
		input.sql = 'SELECT 2 AS n';
		flushSync();
		await until(() => true);
		expect(sent).toEqual([]);
		expect(run.value!.ran).toBe('SELECT count(*)::INT AS n FROM orders');
		input.dataVersion++;
		await until(() => run.value?.ran === 'SELECT 2 AS n');
		expect(firstValue(run.value)).toEqual({ n: 2 });
	});

	test('its Run asks for a fresh run of itself only: other cells keep their results and base tables', async () => {
		const shared = setup();
		const preset = presetCell(shared, 'a');
		await until(() => preset.run.phase.kind === 'done');
		const presetSql = overview.build(overview.defaults, globals).map((q) => q.sql);
		expect(presetSql.every((s) => shared.cache.get(s))).toBe(true);
		const bases = async () =>
			(
				await queryRows(
					db,
					`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '__base_%'`
				)
			)
				.map((r) => String(r.table_name))
				.sort();
		const before = await bases();
		expect(before.length).toBeGreaterThan(0);

		const { run } = sqlCell(shared, 's', 'SELECT 1 AS one');
		await until(() => run.phase.kind === 'done');
		sent = [];
		run.run();
		await until(() => run.phase.kind === 'done' && sent.length > 0);
		expect(firstValue(run.value)).toEqual({ one: 1 });
		// Fresh: the engine was asked again, and nothing else was.
		expect(sent.some((s) => s.includes('SELECT 1 AS one'))).toBe(true);
		expect(sent.some((s) => /DROP|__base_/.test(s))).toBe(false);
		expect(presetSql.every((s) => shared.cache.get(s))).toBe(true);
		expect(await bases()).toEqual(before);
		expect(preset.run.phase.kind).toBe('done');
	});

	test('a cell that may change data runs only on Run; an untrusted one not at all', async () => {
		const shared = setup();
		sent = [];
		const writer = sqlCell(shared, 'w', 'CREATE OR REPLACE TABLE t AS SELECT 1 AS x', {
			mayWrite: true
		});
		const untrusted = sqlCell(shared, 'u', 'SELECT 1 AS x');
		untrusted.input.trusted = false;
		flushSync();
		writer.input.dataVersion++;
		await until(() => true);
		expect(writer.run.phase.kind).toBe('idle');
		expect(untrusted.run.phase.kind).toBe('idle');
		expect(sent.filter((s) => s.includes('AS x'))).toEqual([]);
		writer.run.run();
		await until(() => writer.run.phase.kind === 'done');
		expect(writer.run.value!.outcome.result.ok).toBe(true);
		expect(await queryRows(db, 'SELECT x FROM scratch.t')).toEqual([{ x: 1 }]);
		untrusted.input.trusted = true;
		await until(() => untrusted.run.phase.kind === 'done');
	});

	test('a cell the last page died running opens stopped, until Run', async () => {
		const storage = new Map([
			['huitou.runningCells', JSON.stringify([{ notebook: 'nb', cell: 'dead' }])]
		]);
		const shared = setup(storage);
		sent = [];
		const { run, input } = sqlCell(shared, 'dead', 'SELECT 42 AS answer');
		expect(run.phase).toEqual({ kind: 'stopped', crashed: true });
		input.dataVersion++;
		await until(() => true);
		expect(run.phase).toEqual({ kind: 'stopped', crashed: true });
		expect(sent).toEqual([]);
		run.run();
		await until(() => run.phase.kind === 'done');
		expect(firstValue(run.value)).toEqual({ answer: 42 });
		// The run ended: its mark is gone, so the next page opens it as usual.
		expect(JSON.parse(storage.get('huitou.runningCells')!)).toEqual([]);
		expect(
			new RunMarks({ getItem: (k) => storage.get(k) ?? null, setItem: () => undefined }).died({
				notebook: 'nb',
				cell: 'dead'
			})
		).toBe(false);
	});
});
