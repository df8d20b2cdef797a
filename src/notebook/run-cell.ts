import type { Table } from 'apache-arrow';
import type { SqlEngine } from '../engine/types.ts';
import type { CellQuery } from '../analyses/types.ts';
import type { Result } from '../lib/result.ts';
import { ident, stripTrailingSemicolon } from '../lib/sql.ts';

/** A query's outcome as a cell shows it. */
export interface QueryOutcome {
	query: CellQuery;
	result: Result<Table>;
	ms: number;
	cached: boolean;
}

/**
 * Remembers results by their exact SQL, so changing one cell's parameter re-runs only the queries
 * whose text changed. Cleared whenever the data changes.
 */
export class ResultCache {
	#map = new Map<string, { table: Table; ms: number }>();
	constructor(private readonly capacity = 200) {}

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
	}
}

/** Runs a cell's queries in order, from the cache where the SQL is unchanged. */
export async function runQueries(
	engine: SqlEngine,
	queries: CellQuery[],
	cache: ResultCache,
	opts: { fresh?: boolean } = {}
): Promise<QueryOutcome[]> {
	const out: QueryOutcome[] = [];
	for (const query of queries) {
		const hit = opts.fresh ? undefined : cache.get(query.sql);
		if (hit) {
			out.push({ query, result: { ok: true, value: hit.table }, ms: hit.ms, cached: true });
			continue;
		}
		const t0 = performance.now();
		const result = await engine.query(query.sql);
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
