/**
 * A notebook as a `.sql` script for the DuckDB CLI: the way on for data larger than a browser
 * holds. The script creates the canonical tables and imports the files the page loaded as the
 * page mapped them (their recipes: preset or mapping, encoding, date order, time zone), saying
 * which steps only exist in JS (transcoding, XLSX) and what does them; with no recipe it reads
 * the generic layout (a CSV whose header names the columns of `orders`). Then it runs every cell
 * in order. Named cells become views, so later cells can query them as in the page.
 */
import { CANONICAL_DDL } from '../ingest/canonical.ts';
import { buildReplaySql, type ImportRecipe } from '../ingest/recipe.ts';
import { ident, literal } from '../lib/sql.ts';
import type { Notebook, PresetCell } from './schema.ts';

export interface SqlScriptOptions {
	/** The SQL of a preset cell, as the page runs it; several queries run in order. */
	sqlFor: (cell: PresetCell) => string | string[];
	/** Path of the orders CSV as the CLI will see it; the user edits it in the script. */
	dataPath?: string;
	/** How the page imported each loaded file; without any, the generic layout is read. */
	imports?: readonly ImportRecipe[];
}

/** Columns of the generic layout, in `orders` order (source_file is filled by the script). */
const GENERIC_COLUMNS: [name: string, type: string][] = [
	['order_id', 'VARCHAR'],
	['customer_id', 'VARCHAR'],
	['order_time', 'TIMESTAMP'],
	['status', 'VARCHAR'],
	['gross_amount', 'DOUBLE'],
	['refund_amount', 'DOUBLE'],
	['net_amount', 'DOUBLE'],
	['channel', 'VARCHAR'],
	['campaign', 'VARCHAR'],
	['province', 'VARCHAR'],
	['city', 'VARCHAR']
];

/**
 * The loaded orders in the generic layout, for the page to save as CSV next to the script: the
 * script then runs on the same data the page analysed.
 */
export const GENERIC_ORDERS_SQL = `SELECT ${GENERIC_COLUMNS.map(([n]) => ident(n)).join(', ')}
FROM orders
ORDER BY order_time, order_id`;

/** Text as SQL line comments; every line break starts a new `--`, so text cannot end the comment. */
const comment = (text: string): string =>
	text
		.split(/\r\n|\r|\n/)
		.map((line) => `-- ${line}`.trimEnd())
		.join('\n');

/** Cell SQL without trailing semicolons; the terminator goes on its own line after a comment. */
const body = (sql: string): string =>
	sql
		.trim()
		.replace(/;+\s*$/, '')
		.trimEnd();

function loadOrdersSql(dataPath: string): string {
	const cols = GENERIC_COLUMNS.map(([name, type]) => {
		const cell = `NULLIF(trim(${ident(name)}), '')`;
		const value = type === 'VARCHAR' ? cell : `CAST(${cell} AS ${type})`;
		return name === 'refund_amount' ? `coalesce(${value}, 0)` : value;
	});
	return `INSERT INTO orders
SELECT ${cols.join(',\n\t')},
	${literal(dataPath)}
FROM read_csv(${literal(dataPath)}, header = true, all_varchar = true)
;`;
}

/** Creating the tables and loading the orders from the generic layout: for no recipe. */
function genericImport(dataPath: string): string[] {
	return [
		comment(
			[
				'This script reads the generic layout: a UTF-8 CSV with a header row naming these',
				'columns (any order, empty = NULL):',
				`  ${GENERIC_COLUMNS.map(([n]) => n).join(', ')}`,
				'Dates as YYYY-MM-DD HH:MM:SS in store-local time; status one of paid, refunded,',
				'cancelled, closed. Edit the path below, or replace the INSERT with your own mapping.',
				'order_lines, customers and campaign_contacts are created empty: fill them the same way.'
			].join('\n')
		),
		...CANONICAL_DDL.map((ddl) => `${ddl};`),
		loadOrdersSql(dataPath)
	];
}

/** Creating the tables and importing each file as the page did. */
function replayImports(imports: readonly ImportRecipe[]): string[] {
	const parts = [
		comment(
			[
				'The import replays what the page did with each file, in the order loaded. Run the',
				'script in the folder holding the files (or edit their paths). The same tables come',
				'from the command line too:  huitou db FILE… --out shop.duckdb',
				'(then keep only the cells below), which also loads campaign contact lists.'
			].join('\n')
		),
		...CANONICAL_DDL.map((ddl) => `${ddl};`)
	];
	for (const recipe of imports) {
		const { notes, run } = buildReplaySql(recipe);
		parts.push([comment(notes.join('\n')), ...run.map((sql) => `${body(sql)}\n;`)].join('\n'));
	}
	return parts;
}

export function buildSqlScript(nb: Notebook, opts: SqlScriptOptions): string {
	const dataPath = opts.dataPath ?? 'orders.csv';
	const g = nb.globals;
	const parts: string[] = [
		comment(
			[
				`huitou notebook: ${nb.title}`,
				`Saved ${nb.updatedAt}. As of ${g.asOf}, ${g.revenue} revenue` +
					(g.from || g.to ? `, orders ${g.from ?? '…'} to ${g.to ?? '…'}` : '') +
					'.',
				'',
				'Run it with the DuckDB CLI:  duckdb shop.duckdb < notebook.sql'
			].join('\n')
		),
		...(opts.imports?.length ? replayImports(opts.imports) : genericImport(dataPath))
	];

	nb.cells.forEach((cell, i) => {
		const label = `Cell ${i + 1}`;
		if (cell.kind === 'markdown') {
			if (cell.text.trim()) parts.push(comment(`${label} (note)\n${cell.text}`));
			return;
		}
		const queries = (cell.kind === 'sql' ? [cell.sql] : [opts.sqlFor(cell)].flat())
			.map(body)
			.filter((q) => q !== '');
		if (!queries.length) return;
		const what = cell.kind === 'sql' ? 'SQL' : `analysis ${cell.analysis}`;
		const out = [comment(`${label} (${what})${cell.name ? `: ${cell.name}` : ''}`)];
		queries.forEach((q, k) => {
			if (k === 0 && cell.name) {
				const view = ident(cell.name);
				out.push(`CREATE OR REPLACE VIEW ${view} AS\n${q}\n;`, `SELECT * FROM ${view};`);
			} else out.push(`${q}\n;`);
		});
		parts.push(out.join('\n'));
	});
	return parts.join('\n\n') + '\n';
}
