import type { Table } from 'apache-arrow';
import type { SqlEngine } from '../engine/types.ts';
import type { CellQuery } from '../analyses/types.ts';
import type { Result } from '../lib/result.ts';
import { ident, stripTrailingSemicolon } from '../lib/sql.ts';
import type { Globals, SharedCte } from '../analyses/types.ts';
import type { BaseTables } from './base-tables.ts';
import type { Msg } from '../lib/msg.ts';

/** A query's outcome as a cell shows it. */
export interface QueryOutcome {
	query: CellQuery;
	result: Result<Table>;
	ms: number;
	cached: boolean;
}

/** What a running cell does now, for its placeholder. */
export type RunStep =
	/** The analysis' own step before its queries (Predict's fit). */
	| { kind: 'prepare' }
	/** The tables every cell reads (filtered orders, first orders) made for the current controls. */
	| { kind: 'tables' }
	/** Its `n`th query of `of` (from 1), by title. */
	| { kind: 'query'; n: number; of: number; title: Msg };

/**
 * Remembers results by their exact SQL, so changing one cell's parameter re-runs only the queries
 * whose text changed. Cleared whenever the data changes.
 */
export class ResultCache {
	#map = new Map<string, { table: Table; ms: number }>();
	#onClear = new Set<() => void>();
	constructor(private readonly capacity = 200) {}

	/** Other caches of derived data (the base tables) are dropped with the results. */
	onClear(fn: () => void): void {
		this.#onClear.add(fn);
	}

	get(sql: string) {
		const hit = this.#map.get(sql);
		if (hit) {
			// refresh recency
			this.#map.delete(sql);
			this.#map.set(sql, hit);
		}
		return hit;
	}

	set(sql: string, table: Table, ms: number) {
		this.#map.set(sql, { table, ms });
		if (this.#map.size > this.capacity) this.#map.delete(this.#map.keys().next().value!);
	}

	clear() {
		this.#map.clear();
		for (const fn of this.#onClear) fn();
	}
}

/**
 * Runs a cell's queries in order, from the cache where the SQL is unchanged. With `base`, shared
 * CTEs are read from their tables; the cache is keyed by the SQL as written either way.
 */
export async function runQueries(
	engine: SqlEngine,
	queries: CellQuery[],
	cache: ResultCache,
	opts: {
		fresh?: boolean;
		/** `globals`: the controls the cell runs under, as BaseTables.rewrite takes them. */
		base?: { tables: BaseTables; shared: readonly SharedCte[]; globals?: Globals };
		/** A run nobody waits for any more (new parameters, another notebook) stops here. */
		signal?: AbortSignal;
		/** Told each step that reaches the engine: the shared tables, then each query. */
		onStep?: (step: RunStep) => void;
	} = {}
): Promise<QueryOutcome[]> {
	const out: QueryOutcome[] = [];
	for (const [i, query] of queries.entries()) {
		if (opts.signal?.aborted) break;
		const hit = opts.fresh ? undefined : cache.get(query.sql);
		if (hit) {
			out.push({ query, result: { ok: true, value: hit.table }, ms: hit.ms, cached: true });
			continue;
		}
		const t0 = performance.now();
		// The tables the query reads are made here when the controls are new; when they exist
		// already this takes no engine turn, and the step is never painted.
		if (opts.base) opts.onStep?.({ kind: 'tables' });
		const sql = opts.base
			? await opts.base.tables.rewrite(query.sql, opts.base.shared, opts.base.globals)
			: query.sql;
		// Given up while its tables were made (the controls changed): they may be gone already.
		if (opts.signal?.aborted) break;
		opts.onStep?.({ kind: 'query', n: i + 1, of: queries.length, title: query.title });
		let result = await engine.query(sql);
		// A base table dropped under the query (the data changed meanwhile): run it as written.
		if (!result.ok && sql !== query.sql && result.error.code !== 'engine.cancelled')
			result = await engine.query(query.sql);
		const ms = Math.round(performance.now() - t0);
		if (result.ok) cache.set(query.sql, result.value, ms);
		out.push({ query, result, ms, cached: false });
		if (!result.ok && result.error.code === 'engine.cancelled') break;
	}
	return out;
}

/**
 * Makes a cell's result queryable by later cells under its name. A view, so it follows the data
 * and the global controls without copying rows.
 */
export async function publishResult(
	engine: SqlEngine,
	name: string,
	sql: string
): Promise<Result<void>> {
	const r = await engine.query(
		`CREATE OR REPLACE TEMP VIEW ${ident(name)} AS ${stripTrailingSemicolon(sql)}`
	);
	return r.ok ? { ok: true, value: undefined } : r;
}
