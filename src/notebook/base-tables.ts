import type { SqlEngine } from '../engine/types.ts';
import { cteChain, cteText } from '../analyses/base.ts';
import type { Globals, SharedCte } from '../analyses/types.ts';
import { ident } from '../lib/sql.ts';

interface Entry {
	table: string;
	ready: Promise<boolean>;
	scope: string;
	/** Its rows, once made (0 before). */
	rows: number;
}

/**
 * Rows the base tables may hold together before the least recently used are dropped. All
 * analyses under one set of controls make about 9M rows of them on 1M orders, so up to there
 * nothing is dropped. On 5M orders they make about 45M rows, some 650 MB even compressed, which
 * stayed beside every later cell's working memory: the products cell's largest statement then
 * grew the page's memory past what the import and the first notebook (Store health, about 23M
 * rows of tables, all kept) had needed.
 */
const ROW_BUDGET = 25_000_000;

/** The keys of the controls a table was made under: all of them, and all but the as-of date. */
interface Scope {
	dated: string;
	undated: string;
}

/** The currency only changes how numbers are shown, so it makes no table of its own. */
const scopeOf = (g: Globals | undefined): Scope => ({
	dated: g ? JSON.stringify({ ...g, currency: undefined }) : '',
	undated: `undated ${g ? JSON.stringify({ ...g, asOf: undefined, currency: undefined }) : ''}`
});

/**
 * Every preset cell starts from the same filtered order set and first orders (src/analyses/base.ts
 * sharedCtes). Each cell's SQL stays self-contained — it can be opened as SQL, exported, tested —
 * but when the notebook runs it, a shared CTE found in it word for word is computed once into a
 * table and the cell reads that table instead. On 1M orders this spares every cell its own
 * scan, filter and first-order window.
 *
 * The tables live in the page's compressed database beside the canonical tables (a plain
 * `CREATE TABLE`), not in the temp catalog: uncompressed, one set of them held about 630 MB on 1M
 * orders, 14× the canonical tables, and was most of a page's peak; compressed it is about 160 MB,
 * and the cells take about as long (measured on duckdb-wasm, one thread, "All analyses"). Like
 * the canonical tables, a SQL cell cannot change them (see sql-cell-run.ts). With a database file
 * (the command line) the native engine makes them temp tables, which spill.
 *
 * The tables follow the data: `reset()` (called whenever the result cache is cleared) drops them.
 * Each is a copy in the page's memory, so only the current controls' tables are kept (see
 * `rewrite`'s globals), at most `capacity`, and at most `rowBudget` rows together (ROW_BUDGET):
 * on a large store the least recently used are dropped, and made again if a cell asks. One set
 * of controls makes about ten: the first orders and what the analyses declare
 * (`Analysis.shared`): RFM's customer summaries now and at the movement's earlier date and their
 * pair, the acquired customers (with and without their first category), the ranked customers, the
 * order days; and, under the category filter only, the
 * filtered orders with and without the date range (without it they are read from the orders as
 * written: `SharedCte.inline`).
 *
 * A shared CTE that declares `undated` rows is read from a table made without the as-of date,
 * filtered by it: the filtered orders (under the category filter), first orders, acquired customers and order days. Those
 * tables are kept when only the as-of date changes, so a new date re-makes only what truly
 * depends on it (RFM's summaries, the products' ranked customers).
 */
export class BaseTables {
	#entries = new Map<string, Entry>();
	#made = 0;
	#generation = 0;
	#scope: Scope = scopeOf(undefined);

	/** The tables the current rewrite reads: never dropped to make room for another. */
	#inUse = new Set<Entry>();

	constructor(
		private readonly engine: SqlEngine,
		private readonly capacity = 16,
		private readonly rowBudget = ROW_BUDGET
	) {}

	/**
	 * `sql` with every shared CTE it contains read from its table. A CTE whose table cannot be made
	 * stays as written, so a failure here never changes a result.
	 *
	 * `globals` are the controls the cell runs under. The first rewrite under new controls drops
	 * the tables made under others, except the undated ones when only the as-of date changed: only
	 * one set is kept, since a set is several copies of the orders (on 5M orders, two sets would
	 * not fit beside the data).
	 */
	async rewrite(sql: string, shared: readonly SharedCte[], globals?: Globals): Promise<string> {
		const scope = scopeOf(globals);
		if (scope.dated !== this.#scope.dated) this.#enter(scope);
		this.#inUse = new Set();
		return this.#rewrite(sql, shared, scope.dated, scope.undated);
	}

	async #rewrite(
		sql: string,
		shared: readonly SharedCte[],
		scope: string,
		undatedScope: string
	): Promise<string> {
		let out = sql;
		for (const cte of shared) {
			const text = cteChain(cte);
			if (!out.includes(text)) continue;
			const others = shared.filter((s) => s !== cte);
			let body: string | undefined = cte.inline ? cte.body : undefined;
			if (body === undefined && cte.undated) {
				// Made from the other CTEs' undated tables: the same for every date.
				const undatedOthers = others.flatMap((s) => (s.undated ? [s.undated.cte] : []));
				const table = await this.#table(cte.undated.cte, undatedOthers, undatedScope, undatedScope);
				if (table) body = cte.undated.read(ident(table));
			}
			if (body === undefined) {
				const table = await this.#table(cte, others, scope, undatedScope);
				if (!table) continue;
				body = `SELECT * FROM ${ident(table)}`;
			}
			const before = (cte.after ?? []).map(cteText).join(',\n');
			// A scan of a kept table (or of the orders), so never materialized: DuckDB copies a CTE
			// that a query reads twice into memory, uncompressed, which on 1M orders was ~100 MB of a
			// cell's peak.
			const read = `${cte.name} AS NOT MATERIALIZED (${body})`;
			out = out.split(text).join(before ? `${before},\n${read}` : read);
		}
		return out;
	}

	/** The table of `cte`'s rows; a CTE that reads others is made from their tables, where they have them. */
	#table(
		cte: SharedCte,
		others: readonly SharedCte[],
		scope: string,
		undatedScope: string
	): Promise<string | undefined> {
		const before = (cte.after ?? []).map(cteText).join(',\n');
		const query = before ? `WITH ${before}\n${cte.body}` : cte.body;
		return this.#ensure(query, scope, () =>
			before ? this.#rewrite(query, others, scope, undatedScope) : Promise.resolve(query)
		);
	}

	/** Drops every table: the data changed, or the engine was replaced. */
	reset(): void {
		this.#generation++;
		const tables = [...this.#entries.values()].map((e) => e.table);
		this.#entries.clear();
		for (const t of tables) void this.engine.query(`DROP TABLE IF EXISTS ${ident(t)}`);
	}

	#enter(scope: Scope): void {
		this.#scope = scope;
		for (const [body, entry] of this.#entries)
			if (entry.scope !== scope.dated && entry.scope !== scope.undated) {
				this.#entries.delete(body);
				void this.engine.query(`DROP TABLE IF EXISTS ${ident(entry.table)}`);
			}
	}

	/** The table holding `body`'s rows, made from `create()`'s SQL (the same rows) if new. */
	async #ensure(
		body: string,
		scope: string,
		create: () => Promise<string>
	): Promise<string | undefined> {
		let entry = this.#entries.get(body);
		if (entry) {
			// most recently used last
			this.#entries.delete(body);
			this.#entries.set(body, entry);
		} else {
			const table = `__base_${++this.#made}`;
			const generation = this.#generation;
			const made: Entry = { table, ready: Promise.resolve(false), scope, rows: 0 };
			made.ready = create()
				.then((sql) => this.engine.query(`CREATE OR REPLACE TABLE ${ident(table)} AS ${sql}`))
				.then(async (r) => {
					if (!r.ok || generation !== this.#generation) return false;
					const counted = await this.engine.query(
						`SELECT count(*)::DOUBLE AS n FROM ${ident(table)}`
					);
					made.rows = counted.ok ? Number(counted.value.get(0)?.n ?? 0) : 0;
					return true;
				});
			entry = made;
			this.#entries.set(body, entry);
			this.#evict();
		}
		this.#inUse.add(entry);
		const ok = await entry.ready;
		if (ok) this.#fit();
		if (!ok && this.#entries.get(body) === entry) this.#entries.delete(body);
		return ok ? entry.table : undefined;
	}

	/** Drops the least recently used tables not in use while the tables hold over the budget. */
	#fit(): void {
		let rows = 0;
		for (const e of this.#entries.values()) rows += e.rows;
		for (const [body, e] of this.#entries) {
			if (rows <= this.rowBudget) break;
			if (this.#inUse.has(e) || e.rows === 0) continue;
			rows -= e.rows;
			this.#entries.delete(body);
			void this.engine.query(`DROP TABLE IF EXISTS ${ident(e.table)}`);
		}
	}

	#evict(): void {
		while (this.#entries.size > this.capacity) {
			const [body, oldest] = this.#entries.entries().next().value!;
			this.#entries.delete(body);
			void this.engine.query(`DROP TABLE IF EXISTS ${ident(oldest.table)}`);
		}
	}
}
