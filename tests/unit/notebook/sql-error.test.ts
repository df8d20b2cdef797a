/** Messages below are DuckDB 1.4.3's own (duckdb-wasm), captured from the test engine. */
import { describe, expect, it } from 'vitest';
import { locateSqlError } from '../../../src/ui/notebook/sql-error.ts';

const span = (sql: string, message: string) => {
	const s = locateSqlError(sql, message);
	return s && sql.slice(s.from, s.to);
};

describe('locateSqlError', () => {
	it('finds a misspelt column on a later line', () => {
		const sql = 'SELECT order_id,\n  amout\nFROM orders';
		const msg =
			'Binder Error: Referenced column "amout" not found in FROM clause!\nCandidate bindings: "amount"\n\nLINE 2:   amout\n          ^';
		expect(locateSqlError(sql, msg)).toEqual({ from: 19, to: 24 });
		expect(span(sql, msg)).toBe('amout');
	});

	it('finds the token of a syntax error', () => {
		const sql = 'SELECT * FORM orders';
		const msg =
			'Parser Error: syntax error at or near "orders"\n\nLINE 1: SELECT * FORM orders\n                      ^';
		expect(span(sql, msg)).toBe('orders');
	});

	it('marks one character when the position is punctuation', () => {
		const sql = "SELECT 1 +\n'x'::INTEGER";
		const msg =
			"Conversion Error: Could not convert string 'x' to INT32\n\nLINE 2: 'x'::INTEGER\n           ^";
		expect(span(sql, msg)).toBe(':');
	});

	it('finds the position in a line DuckDB cut short', () => {
		const sql = 'SELECT ' + 'a, '.repeat(60) + 'zz FROM orders';
		const msg =
			'Binder Error: Referenced column "a" not found in FROM clause!\n\nLINE 1: SELECT a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a...\n               ^';
		expect(locateSqlError(sql, msg)).toEqual({ from: 7, to: 8 });
	});

	it('returns null without a position, or when the quoted line is not in the SQL', () => {
		expect(locateSqlError('SELECT 1', 'Out of Memory Error: failed to allocate')).toBeNull();
		expect(locateSqlError('SELECT 1', 'x\n\nLINE 3: SELECT 1\n        ^')).toBeNull();
		expect(locateSqlError('SELECT 1', 'x\n\nLINE 1: SELECT 2\n        ^')).toBeNull();
	});
});
