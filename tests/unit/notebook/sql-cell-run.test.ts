/**
 * Issue 21: a SQL cell reads unless its owner allowed changes, and even then it cannot touch the
 * canonical tables. On the page's DuckDB build (duckdb-wasm), sandboxed as in the page.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../../helpers/wasm-engine.ts';
import {
	runSqlCell,
	publishSqlResult,
	ROW_CAP,
	VALUE_CAP
} from '../../../src/notebook/sql-cell-run.ts';
import { splitStatements } from '../../../src/notebook/sql-statements.ts';
import type { SqlEngine } from '../../../src/engine/types.ts';
import { tableToRows } from '../../../src/engine/decode.ts';

let db: SqlEngine;
beforeAll(async () => {
	db = await createTestEngine();
	for (const sql of [
		'CREATE TABLE orders AS SELECT range AS id, range % 3 AS s FROM range(5)',
		'CREATE TABLE order_lines (id INT)',
		'CREATE TEMP TABLE __base_1 AS SELECT 1 AS x'
	])
		expect((await db.query(sql)).ok).toBe(true);
}, 60_000);

const count = async () => {
	const r = await db.query('SELECT count(*)::INT AS n FROM huitou.main.orders');
	return r.ok ? tableToRows(r.value)[0].n : r.error.detail;
};

describe('splitting a cell into statements', () => {
	test('quotes and comments hide semicolons; keywords come out upper case', () => {
		const sts = splitStatements(
			`-- a; comment\nSELECT ';' AS "a;b" /* x; /* y; */ z; */; delete from t; E'\\';' ; $$;$$`
		);
		expect(sts.map((s) => s.keyword)).toEqual(['SELECT', 'DELETE', 'E']);
		expect(sts[1].text).toBe('delete from t');
		expect(sts[0].words).toContain('a;b');
	});
});

describe('read-only by default', () => {
	test.each([
		'SELECT count(*) AS n FROM orders',
		'FROM orders',
		'WITH a AS (SELECT 1 AS x) SELECT * FROM a',
		'VALUES (1), (2)',
		'TABLE orders',
		'DESCRIBE orders',
		'SHOW TABLES',
		'SUMMARIZE orders',
		'PIVOT orders ON s USING count(*)',
		'PIVOT orders ON s IN (0, 1) USING count(*)',
		'UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME k VALUE v',
		'EXPLAIN SELECT 1',
		'EXPLAIN ANALYZE SELECT 1',
		'(SELECT 1) UNION ALL (SELECT 2)',
		'SELECT 1; SELECT 2 AS two'
	])('%s runs', async (sql) => {
		const r = await runSqlCell(db, sql);
		expect(r.ok ? 'ok' : r.error).toBe('ok');
	});

	test.each([
		['DELETE FROM orders', 'DELETE'],
		['  -- gone\n delete from orders', 'DELETE'],
		['INSERT INTO orders VALUES (9, 0)', 'INSERT'],
		['UPDATE orders SET s = 0', 'UPDATE'],
		['DROP TABLE orders', 'DROP'],
		['ALTER TABLE orders RENAME TO o2', 'ALTER'],
		['CREATE TABLE x AS SELECT 1', 'CREATE'],
		["COPY orders TO '/huitou/orders.csv'", 'COPY'],
		["EXPORT DATABASE '/huitou/x'", 'EXPORT'],
		["ATTACH ':memory:' AS other", 'ATTACH'],
		['DETACH scratch', 'DETACH'],
		['USE memory', 'USE'],
		['SET threads = 1', 'SET'],
		['RESET threads', 'RESET'],
		['PRAGMA enable_profiling', 'PRAGMA'],
		['INSTALL httpfs', 'INSTALL'],
		['LOAD httpfs', 'LOAD'],
		['CHECKPOINT', 'CHECKPOINT'],
		['VACUUM', 'VACUUM'],
		['CALL pragma_version()', 'CALL'],
		['WITH a AS (SELECT 1) DELETE FROM orders', 'WITH'],
		['EXPLAIN ANALYZE DELETE FROM orders', 'EXPLAIN'],
		['SELECT 1; DROP TABLE orders', 'DROP'],
		['BEGIN TRANSACTION', 'BEGIN']
	])('%s is refused as %s, before anything runs', async (sql, keyword) => {
		const r = await runSqlCell(db, sql);
		expect(r.ok ? 'ran' : `${r.error.code} ${r.error.detail}`).toBe(`sql.read-only ${keyword}`);
		expect(await count()).toBe(5);
	});

	test('a syntax error is reported as one, pointing into the cell', async () => {
		const r = await runSqlCell(db, 'SELECT 1;\nSELECT FROM WHERE');
		expect(r.ok ? '' : r.error.code).toBe('engine.syntax');
		const r2 = await runSqlCell(db, 'SELECT 1;\nSELECT nope FROM orders');
		expect(r2.ok ? '' : r2.error.detail).toMatch(/LINE 2: SELECT nope/);
	});

	test('a word DuckDB cannot read as a query is refused, not run', async () => {
		const r = await runSqlCell(db, 'SELEC 2');
		expect(r.ok ? '' : `${r.error.code} ${r.error.detail}`).toBe('sql.read-only SELEC');
	});

	test('rows and long values are capped in the engine', async () => {
		const r = await runSqlCell(
			db,
			`SELECT range AS n, repeat('x', 200000) AS s FROM range(${ROW_CAP + 50})`
		);
		if (!r.ok) throw new Error(r.error.detail);
		expect(r.value.truncated).toBe(true);
		expect(r.value.table.numRows).toBe(ROW_CAP);
		const s = String(r.value.table.getChild('s')?.get(0));
		expect(s.length).toBe(VALUE_CAP + 1);
		expect(s.endsWith('…')).toBe(true);
		expect(r.value.table.getChild('n')?.get(0)).toBe(0n);
	});

	test('a named result is published from the last query only', async () => {
		const r = await runSqlCell(db, 'SELECT 1 AS a; SELECT 2 AS b');
		if (!r.ok) throw new Error(r.error.detail);
		expect(r.value.query).toBe('SELECT 2 AS b');
		expect((await publishSqlResult(db, 'mine', r.value.query!)).ok).toBe(true);
		expect((await publishSqlResult(db, 'bad', 'SELECT 1; DROP TABLE orders')).ok).toBe(false);
		expect(await count()).toBe(5);
	});
});

describe('a cell that may change data', () => {
	const write = (sql: string) => runSqlCell(db, sql, { mayWrite: true });

	test('writes its own tables in scratch, reading the canonical ones', async () => {
		const r = await write(
			'CREATE OR REPLACE TABLE top AS SELECT * FROM orders WHERE id < 2; INSERT INTO top VALUES (7, 1); SELECT count(*)::INT AS n FROM top'
		);
		expect(r.ok ? tableToRows(r.value.table)[0].n : r.error).toBe(3);
		const read = await runSqlCell(db, 'SELECT count(*)::INT AS n FROM scratch.top');
		expect(read.ok ? tableToRows(read.value.table)[0].n : read.error).toBe(3);
		// The other queries still read the canonical tables by their plain names.
		expect(await count()).toBe(5);
	});

	test.each([
		'DELETE FROM orders',
		'DELETE FROM huitou.main.orders',
		'UPDATE "ORDERS" SET s = 9',
		'DROP TABLE orders',
		'DROP TABLE huitou.orders',
		'ALTER TABLE orders RENAME TO gone',
		'INSERT INTO order_lines VALUES (1)',
		'CREATE TABLE huitou.main.extra AS SELECT 1'
	])('%s cannot touch the canonical tables', async (sql) => {
		const r = await write(sql);
		expect(r.ok ? 'ran' : r.error.code).toBe('sql.protected');
		expect(await count()).toBe(5);
	});

	test.each([
		["COPY orders TO '/huitou/orders.csv'", 'sql.never'],
		['USE memory', 'sql.never'],
		["SET search_path = 'scratch.main'", 'sql.never'],
		["ATTACH ':memory:' AS x", 'sql.never'],
		['DETACH scratch', 'sql.never'],
		["CREATE SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')", 'sql.never'],
		['COMMIT', 'sql.never'],
		['DROP SECRET s', 'sql.never'],
		['CREATE TEMP VIEW orders AS SELECT 1 AS id', 'sql.temp'],
		['CREATE TEMPORARY TABLE t AS SELECT 1', 'sql.temp'],
		['DROP TABLE __base_1', 'sql.temp'],
		['DELETE FROM temp.main.__base_1', 'sql.temp']
	])('%s is refused (%s)', async (sql, code) => {
		const r = await write(sql);
		expect(r.ok ? 'ran' : r.error.code).toBe(code);
		expect(await count()).toBe(5);
		const base = await db.query('SELECT count(*)::INT AS n FROM __base_1');
		expect(base.ok && tableToRows(base.value)[0].n).toBe(1);
	});
});
