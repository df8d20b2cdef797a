/**
 * How a SQL cell's text runs: read-only unless its owner allowed changes, with results capped in
 * the engine so a huge one never reaches the page whole.
 *
 * Read or write is DuckDB's call, not ours. A statement reads iff DuckDB parses it as a subquery:
 * `DESCRIBE SELECT * FROM (<statement>)` binds it without running it, and DuckDB's grammar only
 * accepts queries there (SELECT, FROM, WITH … SELECT, VALUES, TABLE, PIVOT, DESCRIBE, SHOW,
 * SUMMARIZE), never INSERT, DELETE, COPY, ATTACH, SET…. Every statement runs as a prepared
 * statement, which DuckDB refuses to make of two statements, so nothing rides along.
 *
 * A cell that may change data writes into the `scratch` database only. Its statements run in a
 * transaction that first writes to `scratch`; DuckDB lets a transaction write to one attached
 * database ("a single transaction can only write to a single attached database",
 * https://duckdb.org/docs/stable/sql/statements/attach#transactions), so a DELETE, DROP or ALTER
 * of `orders` fails in the engine however it is spelled. The temp catalog is outside that rule
 * (DuckDB writes it in any transaction), so statements naming it or a temp object are refused.
 */
import type { Table } from 'apache-arrow';
import type { SqlEngine } from '../engine/types.ts';
import { HOME_DB, SCRATCH_DB } from '../engine/types.ts';
import { fail, ok, type Failure, type Result } from '../lib/result.ts';
import { ident } from '../lib/sql.ts';
import { splitStatements, type Statement } from './sql-statements.ts';

/** Rows a SQL cell shows; one more is asked for, to know there were more. */
export const ROW_CAP = 10_000;
/** Characters kept of one text value (a longer one ends in `…`). */
export const VALUE_CAP = 2_000;

/** Statements a cell that may change data may run: tables, views and macros of its own. */
const WRITES = new Set([
	'CREATE',
	'INSERT',
	'UPDATE',
	'DELETE',
	'DROP',
	'ALTER',
	'TRUNCATE',
	'WITH'
]);
/** What may follow CREATE [OR REPLACE], DROP or ALTER: not SECRET, not TEMP (see the module comment). */
const CREATABLE = new Set(['table', 'view', 'macro', 'function', 'sequence', 'type', 'index']);

export interface SqlCellResult {
	table: Table;
	/** More rows than ROW_CAP came back; `table` holds the first ROW_CAP. */
	truncated: boolean;
	/** The statement whose rows are shown (the last query), to publish under the cell's name. */
	query: string | null;
}

type Kind = { reads: true } | { reads: false; keyword: string };
type Runner = Pick<SqlEngine, 'query' | 'queryOne'>;

/** The wrapper every query runs in; the statement sits on its own lines (see `fromWrapped`). */
const wrap = (select: string, text: string, tail = '') =>
	`${select} FROM (\n${text}\n) AS huitou_query${tail}`;

/**
 * DuckDB's error for a wrapped statement, its `LINE n:` pointing into the cell's text instead of
 * the wrapper (the statement starts on the wrapper's line 2).
 */
function fromWrapped(error: Failure, cellSql: string, st: Statement, lines = 1): Failure {
	const before = cellSql.slice(0, st.start).split('\n').length - 1;
	const detail = error.detail.replace(
		/^LINE (\d+): (.*)\n( *)\^/m,
		(_all, n: string, quoted: string, pad: string) => {
			const to = `LINE ${Number(n) - lines + before}: `;
			const shift = to.length - `LINE ${n}: `.length;
			return `${to}${quoted}\n${' '.repeat(Math.max(0, pad.length + shift))}^`;
		}
	);
	const { sql: _sql, ...rest } = error;
	return { ...rest, detail, sql: cellSql };
}

/** Keywords a query may start with; anything else that DuckDB cannot read as a query writes. */
const QUERY_START = new Set(['SELECT', 'FROM', 'VALUES', 'TABLE', 'PIVOT', 'UNPIVOT', '(']);

/**
 * Whether DuckDB reads `st` as a query. Only the wrapped statement is prepared: preparing some
 * others already acts (DuckDB's EXPORT DATABASE creates its directory while it binds).
 */
async function classify(engine: SqlEngine, st: Statement, cellSql: string): Promise<Result<Kind>> {
	if (st.keyword === 'EXPLAIN') {
		// EXPLAIN ANALYZE runs what it explains: it reads only if that does.
		const rest = st.text.slice(st.keywordEnd).replace(/^\s*analy[sz]e\b/i, '');
		const [explained] = splitStatements(rest);
		if (!explained) return ok({ reads: false, keyword: 'EXPLAIN' });
		const inner = await classify(
			engine,
			{ ...st, text: rest, keyword: explained.keyword },
			cellSql
		);
		return inner.ok && !inner.value.reads ? ok({ reads: false, keyword: 'EXPLAIN' }) : inner;
	}
	const described = await engine.check(wrap('DESCRIBE SELECT *', st.text));
	if (described.ok || described.error.code !== 'engine.syntax') return ok({ reads: true });
	// A query with a typo: DuckDB's own words, pointing into the cell.
	if (QUERY_START.has(st.keyword))
		return { ok: false, error: fromWrapped(described.error, cellSql, st) };
	return ok({ reads: false, keyword: st.keyword });
}

/** Why a cell that may change data still may not run `st`, or null. */
async function refuseWrite(engine: SqlEngine, st: Statement): Promise<Failure | null> {
	const temp = await engine.query(
		`SELECT table_name AS name FROM duckdb_tables() WHERE temporary
		UNION SELECT view_name FROM duckdb_views() WHERE temporary`
	);
	const names = new Set(['temp', 'temporary']);
	if (temp.ok)
		for (const n of temp.value.getChild('name')?.toArray() ?? [])
			names.add(String(n).toLowerCase());
	const named = st.words.find((w) => names.has(w));
	if (named) return { code: 'sql.temp', detail: named, sql: st.text };
	// What a CREATE, DROP or ALTER acts on: a table, view, macro… of the cell's own, not a SECRET.
	const what = ['CREATE', 'DROP', 'ALTER'].includes(st.keyword)
		? st.words.slice(1).find((w) => w !== 'or' && w !== 'replace')
		: undefined;
	if (!WRITES.has(st.keyword) || (what !== undefined && !CREATABLE.has(what)))
		return {
			code: 'sql.never',
			detail: [st.keyword, what?.toUpperCase()].join(' ').trim(),
			sql: st.text
		};
	return null;
}

/** The query with long text cut and the rows capped, from the columns DuckDB says it returns. */
async function cappedQuery(db: Runner, text: string): Promise<Result<string>> {
	const columns = await db.queryOne(wrap('DESCRIBE SELECT *', text));
	if (!columns.ok) return columns;
	const names = columns.value.getChild('column_name')?.toArray() ?? [];
	const types = columns.value.getChild('column_type')?.toArray() ?? [];
	const select = names.map((name: string, i: number) => {
		const type = String(types[i]);
		const col = ident(name);
		// Nested values and blobs are shown as text anyway (src/engine/decode.ts).
		const text =
			type === 'VARCHAR'
				? col
				: /[[\]]|STRUCT|MAP|UNION|BLOB|BIT/.test(type)
					? `${col}::VARCHAR`
					: null;
		if (!text) return col;
		return `CASE WHEN length(${text}) > ${VALUE_CAP} THEN left(${text}, ${VALUE_CAP}) || '…' ELSE ${text} END AS ${col}`;
	});
	return ok(wrap(`SELECT ${select.join(', ') || '*'}`, text, ` LIMIT ${ROW_CAP + 1}`));
}

/** Runs one query statement, capped; a PIVOT whose columns come from the data runs as written. */
async function runQuery(db: Runner, st: Statement): Promise<Result<Table>> {
	const capped = await cappedQuery(db, st.text);
	if (capped.ok) return db.queryOne(capped.value);
	// DuckDB turns such a PIVOT into two statements (it first reads the column values), which a
	// prepared statement refuses. Without a `;` in the text it is one PIVOT of the user's.
	if (
		(st.keyword === 'PIVOT' || st.keyword === 'UNPIVOT') &&
		/multiple statements/.test(capped.error.detail) &&
		!st.text.includes(';')
	)
		return db.query(st.text);
	return capped;
}

/** One write, in a transaction that has written to `scratch` first (the guard). */
async function runWrite(db: Runner, text: string): Promise<Result<Table>> {
	const begin = await db.query(
		`BEGIN TRANSACTION;
		CREATE OR REPLACE TABLE ${ident(SCRATCH_DB)}.main.huitou_write_guard AS SELECT 1 AS guard`
	);
	if (!begin.ok) return begin;
	const r = await db.queryOne(text);
	const end = await db.query(r.ok ? 'COMMIT' : 'ROLLBACK');
	if (!r.ok)
		return /single attached database/.test(r.error.detail)
			? fail('sql.protected', r.error.detail, text)
			: r;
	return end.ok ? r : end;
}

/**
 * Runs a SQL cell. Every statement is classified before any runs, so a refused one leaves the
 * data as it was. `mayWrite`: the owner switched the cell to "may change data".
 */
export async function runSqlCell(
	engine: SqlEngine,
	sql: string,
	opts: { mayWrite?: boolean } = {}
): Promise<Result<SqlCellResult>> {
	const statements = splitStatements(sql);
	if (!statements.length) return fail('sql.empty', '');
	const kinds: Kind[] = [];
	for (const st of statements) {
		const kind = await classify(engine, st, sql);
		if (!kind.ok) return kind;
		if (!kind.value.reads) {
			if (!opts.mayWrite) return fail('sql.read-only', kind.value.keyword, st.text);
			const refused = await refuseWrite(engine, st);
			if (refused) return { ok: false, error: refused };
		}
		kinds.push(kind.value);
	}
	const run = async (db: Runner): Promise<Result<SqlCellResult>> => {
		let last: Result<Table> = fail('sql.empty', '');
		let query: string | null = null;
		for (const [i, st] of statements.entries()) {
			const kind = kinds[i];
			if (kind.reads && st.keyword !== 'EXPLAIN') {
				last = await runQuery(db, st);
				if (!last.ok) return { ok: false, error: fromWrapped(last.error, sql, st) };
				query = st.text;
			} else {
				last = kind.reads ? await db.queryOne(st.text) : await runWrite(db, st.text);
				if (!last.ok) return { ok: false, error: { ...last.error, sql } };
				query = null;
			}
		}
		if (!last.ok) return last;
		const truncated = last.value.numRows > ROW_CAP;
		return ok({ table: truncated ? last.value.slice(0, ROW_CAP) : last.value, truncated, query });
	};
	if (!opts.mayWrite) return run(engine);
	// New tables go to scratch, whose tables the cell reads by their plain names, canonical ones too.
	return engine.exclusive(async (db) => {
		const into = await db.query(`SET search_path = '${SCRATCH_DB}.main,${HOME_DB}.main'`);
		if (!into.ok) return into;
		const r = await run(db);
		const back = await db.query(`USE ${HOME_DB}`);
		return back.ok ? r : back;
	});
}

/**
 * Makes the shown query readable by later cells under `name`: a view, so it follows the data.
 * A prepared statement, so the cell's text cannot add a second one.
 */
export async function publishSqlResult(
	engine: SqlEngine,
	name: string,
	query: string
): Promise<Result<void>> {
	const r = await engine.queryOne(`CREATE OR REPLACE TEMP VIEW ${ident(name)} AS\n${query}`);
	return r.ok ? ok(undefined) : r;
}
