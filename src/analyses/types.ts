import type { SqlEngine } from '../engine/types.ts';
import type { Result } from '../lib/result.ts';
import type { ColumnFormat } from '../lib/column-format.ts';
import type { Msg } from '../lib/msg.ts';
import type { ChartSpec } from '../charts/spec.ts';

/**
 * The contract every analysis module fulfils. A module is pure: parameters and global controls in,
 * SQL and a description of how to show it out. The notebook runs the SQL through the engine and
 * hands the Arrow result to src/charts; the UI renders the parameter form from `params`.
 */

/** Controls every cell follows (the header bar). Dates are `YYYY-MM-DD`, store-local. */
export interface Globals {
	/** As-of date: recency, censoring and "today" are measured against its start (exclusive). */
	asOf: string;
	/** Optional date range of orders to include (inclusive days). */
	from?: string;
	to?: string;
	channels?: string[];
	provinces?: string[];
	categories?: string[];
	/** 'net' excludes refunded/cancelled/closed orders and refunded amounts; 'gross' counts all. */
	revenue: 'net' | 'gross';
	/** ISO 4217 code used only for display. */
	currency: string;
}

/** One field of a cell's parameter form. */
export type ParamField =
	| { key: string; label: Msg; kind: 'number'; min?: number; max?: number; step?: number }
	/** An editable list, e.g. thresholds; `empty` says what an empty list means. */
	| { key: string; label: Msg; kind: 'numbers'; hint?: Msg; empty?: Msg }
	| {
			key: string;
			label: Msg;
			kind: 'select';
			options: { value: string; label: Msg }[];
			/** SQL whose first column adds options from the data (e.g. the loaded campaigns). */
			optionsSql?: string;
	  }
	| { key: string; label: Msg; kind: 'date' }
	| { key: string; label: Msg; kind: 'text' }
	| { key: string; label: Msg; kind: 'toggle' }
	/** A table of rules (e.g. RFM segment rules); columns describe each rule's fields. */
	| {
			key: string;
			label: Msg;
			kind: 'rules';
			columns: { key: string; label: Msg; kind: 'text' | 'number' }[];
	  };

export interface ColumnSpec {
	key: string;
	label: Msg;
	format?: ColumnFormat;
}

/** One query of a cell: its SQL, how to draw it, which columns to show in the table. */
export interface CellQuery {
	id: string;
	title: Msg;
	sql: string;
	chart?: ChartSpec;
	columns?: ColumnSpec[];
	/**
	 * Clicking a row/mark drills into its customers: names the result columns whose values select
	 * them, passed to `Analysis.customersSql` as `selection`.
	 */
	drill?: string[];
	/**
	 * Display labels for coded values, per result column (weekday 1–7, lifecycle stage, …): tables,
	 * axes, legends and tooltips show the label in the user's language; charts order the domain as
	 * listed.
	 */
	valueLabels?: Record<string, ValueLabel[]>;
	/**
	 * Order columns the view groups by: without a value in any of them (a file with no channel
	 * column) the cell says so instead of drawing one "(none)" bar.
	 */
	needs?: DataColumn[];
	/** What an empty result means and how to fill it, said instead of a bare "no rows". */
	whenEmpty?: Msg;
}

/** Optional order columns a view may group by. */
export type DataColumn = 'channel' | 'province' | 'category';

/** A catalog key, or a key with the values its message interpolates. */
export type Notice = string | { key: string; vars: Record<string, string | number> };

/** A coded value and how to show it. */
export type ValueLabel = { value: string | number; label: Msg };

export interface Analysis<P extends Record<string, unknown> = Record<string, unknown>> {
	/**
	 * Work done before the queries run, when SQL alone cannot do it (Predict fits its models in a
	 * worker and writes their tables). Its value is shown by the cell; queries then run uncached.
	 */
	prepare?(
		engine: SqlEngine,
		params: P,
		globals: Globals,
		signal?: AbortSignal
	): Promise<Result<unknown>>;
	id: string;
	title: Msg;
	/** The definition shown under the title, so an analyst can trust and explain the number. */
	definition: Msg;
	/** The definition for these params, when a param changes the rule (else `definition`). */
	definitionFor?(params: P): Msg;
	defaults: P;
	params: ParamField[];
	build(params: P, globals: Globals): CellQuery[];
	/**
	 * CTEs its queries repeat word for word that do not depend on every parameter (RFM's customer
	 * summary does not depend on the scoring): the notebook keeps each as a table, so a parameter
	 * change re-reads it instead of recomputing it. See src/notebook/base-tables.ts.
	 */
	shared?(params: P, globals: Globals): SharedCte[];
	/**
	 * SQL returning `customer_id` (plus any columns worth exporting) for a drill selection from
	 * query `queryId`, e.g. `{segment: 'Champions'}`. Contact columns are joined by the caller.
	 */
	customersSql?(
		params: P,
		globals: Globals,
		queryId: string,
		selection: Record<string, unknown>
	): string;
	/**
	 * Catalog keys (src/ui/i18n/<area>.ts) of the notices a result calls for, from the decoded rows
	 * of query `queryId`: e.g. every customer bought once, every cohort cell still masked. A notice
	 * with numbers in its text comes with them as `vars`.
	 */
	notices?(queryId: string, rows: Record<string, unknown>[]): Notice[];
	/** Views of its own the cell shows beside its queries, named by kind (see `AnalysisPanels`). */
	panels?: AnalysisPanels;
}

/**
 * An analysis' own views, each named by a kind the page maps to its component
 * (src/ui/cells/panels.ts), so no cell asks which analysis it shows.
 */
interface AnalysisPanels {
	/** Shown above the results with what `prepare` produced (Predict's fitted models). */
	prepared?: string;
	/** Leads the results, read from them (Campaigns' verdicts in plain words). */
	headline?: string;
	/** Opened from the cell's header (Campaigns' builder). */
	tools?: string[];
}

/** A CTE many cells' SQL contains word for word: its name and its query. */
export interface SharedCte {
	name: string;
	body: string;
	/**
	 * The CTEs written right before it, in order, those its body reads among them (`a AS (…),\nb AS
	 * (…),\nname AS (body)`, as `cteChain` writes them): it only matches there, so a body naming
	 * `f_orders` is never read against another `f_orders`. Its table is made from them.
	 */
	after?: SharedCte[];
	/**
	 * The same rows read from a table made without the as-of date, which a new date keeps: `cte`
	 * is the undated CTE (the same for every date), `read(table)` the body that takes this date's
	 * rows from its table (typically `WHERE … < asOf`).
	 */
	undated?: { cte: SharedCte; read: (table: string) => string };
	/**
	 * Read as written (`NOT MATERIALIZED`), never made a table: a filter of the orders that costs
	 * less to apply again than a copy of them costs to make and hold.
	 */
	inline?: boolean;
}
