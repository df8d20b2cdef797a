/**
 * What a preset cell's run does: the analysis' `prepare` step when it has one (Predict's fit),
 * then its queries (from the result cache where the SQL is unchanged, shared CTEs read from the
 * base tables), then its first result published under the cell's name.
 */
import type { SqlEngine } from '../engine/types.ts';
import type { Analysis, CellQuery, Globals } from '../analyses/types.ts';
import type { Result } from '../lib/result.ts';
import { sharedCtes } from '../analyses/base.ts';
import type { BaseTables } from './base-tables.ts';
import { publishResult, runQueries, type QueryOutcome, type ResultCache } from './run-cell.ts';
import type { RunRequest } from './cell-run.svelte.ts';

export interface PresetRunEnv {
	engine: SqlEngine;
	cache: ResultCache;
	baseTables?: BaseTables;
}

/** A preset cell's value: what `prepare` produced (or null without one) and its queries' outcomes. */
export interface PresetValue {
	prepared: Result<unknown> | null;
	outcomes: QueryOutcome[];
}

export interface PresetInput {
	analysis: Analysis;
	params: Record<string, unknown>;
	globals: Globals;
	queries: CellQuery[];
	/** The data's version: `prepare` is redone when it changes. */
	dataVersion: number;
	/** The cell's result name, if it has one. */
	name?: string;
}

/**
 * The run request of a preset cell. `memo` keeps the last `prepare` and the inputs it was made
 * under, so it is redone only when parameters, controls or data change, or on Run.
 */
export function presetRequest(
	env: PresetRunEnv,
	input: PresetInput,
	memo: { key: string; value: Result<unknown> | null }
): RunRequest<PresetValue> {
	const { analysis: a, params, globals, queries } = input;
	return {
		key: JSON.stringify([params, globals]),
		auto: true,
		async work({ signal, byHand, previous, show, step }) {
			const prepareKey = JSON.stringify([params, globals, input.dataVersion]);
			if (a.prepare && (byHand || prepareKey !== memo.key)) {
				step({ kind: 'prepare' });
				const r = await a.prepare(env.engine, params, globals, signal);
				if (signal.aborted) return undefined;
				memo.key = prepareKey;
				memo.value = r;
				if (!r.ok) return { prepared: r, outcomes: [] };
				show({ prepared: r, outcomes: previous?.outcomes ?? [] });
			}
			const outcomes = await runQueries(env.engine, queries, env.cache, {
				// Prepared tables are rewritten by each prepare: their results are never cached.
				fresh: !!a.prepare,
				base: env.baseTables && {
					tables: env.baseTables,
					// The analysis' own shared CTEs first: they may read the global ones' tables.
					shared: [...(a.shared?.(params, globals) ?? []), ...sharedCtes(globals)],
					globals
				},
				signal,
				onStep: step
			});
			if (signal.aborted) return undefined;
			if (input.name && queries[0]) await publishResult(env.engine, input.name, queries[0].sql);
			return { prepared: a.prepare ? memo.value : null, outcomes };
		}
	};
}
