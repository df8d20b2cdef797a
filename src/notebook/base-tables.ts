import type { SqlEngine } from '../engine/types.ts';
import type { SharedCte } from '../analyses/base.ts';
import { ident } from '../lib/sql.ts';

interface Entry {
	table: string;
	ready: Promise<boolean>;
}

/**
 * Every preset cell starts from the same filtered order set and first orders (src/analyses/base.ts
 * sharedCtes). Each cell's SQL stays self-contained — it can be opened as SQL, exported, tested —
 * but when the notebook runs it, a shared CTE found in it word for word is computed once into a
 * temp table and the cell reads that table instead. On 1M orders this spares every cell its own
 * scan, filter and first-order window.
 *
 * The tables follow the data: `reset()` (called whenever the result cache is cleared) drops them.
 * Only the last few are kept (one set of controls makes up to four: the filtered orders, the first
 * orders, RFM's customer summaries now and 90 days back), since each is a copy in the page's memory.
 */
export class BaseTables {
	#entries = new Map<string, Entry>();
	#made = 0;
	#generation = 0;

	constructor(
		private readonly engine: SqlEngine,
		private readonly capacity = 5
	) {}

	/**
	 * `sql` with every shared CTE it contains read from its table. A CTE whose table cannot be made
	 * stays as written, so a failure here never changes a result.
	 */
	async rewrite(sql: string, shared: readonly SharedCte[]): Promise<string> {
		let out = sql;
		for (const cte of shared) {
			const own = `${cte.name} AS (${cte.body})`;
			const before = cte.after ? `${cte.after.name} AS (${cte.after.body}),\n` : '';
			if (!out.includes(before + own)) continue;
			// A CTE that reads another is made from that one's table, when it has one.
			const query = before ? `WITH ${before.slice(0, -2)}\n${cte.body}` : cte.body;
			const table = await this.#ensure(query, () =>
				before
					? this.rewrite(
							query,
							shared.filter((s) => !s.after)
						)
					: Promise.resolve(query)
			);
			if (table)
				out = out
					.split(before + own)
					.join(`${before}${cte.name} AS (SELECT * FROM ${ident(table)})`);
		}
		return out;
	}

	/** Drops every table: the data changed, or the engine was replaced. */
	reset(): void {
		this.#generation++;
		const tables = [...this.#entries.values()].map((e) => e.table);
		this.#entries.clear();
		for (const t of tables) void this.engine.query(`DROP TABLE IF EXISTS ${ident(t)}`);
	}

	/** The table holding `body`'s rows, made from `create()`'s SQL (the same rows) if new. */
	async #ensure(body: string, create: () => Promise<string>): Promise<string | undefined> {
		let entry = this.#entries.get(body);
		if (entry) {
			// most recently used last
			this.#entries.delete(body);
			this.#entries.set(body, entry);
		} else {
			const table = `__base_${++this.#made}`;
			const generation = this.#generation;
			const ready = create()
				.then((sql) => this.engine.query(`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS ${sql}`))
				.then((r) => r.ok && generation === this.#generation);
			entry = { table, ready };
			this.#entries.set(body, entry);
			this.#evict();
		}
		const ok = await entry.ready;
		if (!ok && this.#entries.get(body) === entry) this.#entries.delete(body);
		return ok ? entry.table : undefined;
	}

	#evict(): void {
		while (this.#entries.size > this.capacity) {
			const [body, oldest] = this.#entries.entries().next().value!;
			this.#entries.delete(body);
			void this.engine.query(`DROP TABLE IF EXISTS ${ident(oldest.table)}`);
		}
	}
}
