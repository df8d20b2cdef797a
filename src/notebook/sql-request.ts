/**
 * What a SQL cell's run does: its text as it is when the run starts (src/notebook/sql-cell-run.ts
 * decides what may run), fresh, since user SQL may read named results that changed; then the
 * shown query published under the cell's name. It never touches the other cells' cached results
 * or base tables: Run asks for a run of this cell only.
 */
import type { SqlEngine } from '../engine/types.ts';
import type { CellQuery } from '../analyses/types.ts';
import type { RunRequest } from './cell-run.svelte.ts';
import type { QueryOutcome } from './run-cell.ts';
import { publishSqlResult, runSqlCell } from './sql-cell-run.ts';

/** A SQL cell's value: its outcome, whether rows were cut, and the text it ran. */
export interface SqlValue {
	outcome: QueryOutcome;
	truncated: boolean;
	ran: string;
}

const QUERY: Omit<CellQuery, 'sql'> = { id: 'sql', title: { en: 'Result', zh: '结果' } };

export interface SqlInput {
	/** The cell's text; read when a run starts, so typing never starts one. */
	sql: () => string;
	mayWrite: boolean;
	name?: string;
}

/**
 * The run request of a SQL cell. It starts by itself on open and with new data, never because
 * the text changed; a cell that may change data starts only on Run. Its Cancel holds until Run.
 */
export function sqlRequest(engine: SqlEngine, input: SqlInput): RunRequest<SqlValue> {
	return {
		key: '',
		auto: !input.mayWrite,
		async work() {
			const sql = input.sql();
			if (!sql.trim()) return undefined;
			const t0 = performance.now();
			const r = await runSqlCell(engine, sql, { mayWrite: input.mayWrite });
			const outcome: QueryOutcome = {
				query: { ...QUERY, sql },
				result: r.ok ? { ok: true, value: r.value.table } : r,
				ms: Math.round(performance.now() - t0),
				cached: false
			};
			if (r.ok && input.name && r.value.query)
				await publishSqlResult(engine, input.name, r.value.query);
			return { outcome, truncated: r.ok && r.value.truncated, ran: sql };
		}
	};
}

/**
 * What a stopped SQL cell shows: its Cancel (`engine.cancelled`), or that the last page died
 * running it (`sql.crashed`), as the result of the text it holds.
 */
export function stoppedOutcome(sql: string, crashed: boolean): QueryOutcome {
	const code = crashed ? 'sql.crashed' : 'engine.cancelled';
	return {
		query: { ...QUERY, sql },
		result: { ok: false, error: { code, detail: '' } },
		ms: 0,
		cached: false
	};
}
