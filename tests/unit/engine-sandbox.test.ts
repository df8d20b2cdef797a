import { describe, expect, test } from 'vitest';
import { createTestEngine } from '../helpers/wasm-engine.ts';

describe('engine sandbox (duckdb-wasm, as in the page)', () => {
	test('registered files under /huitou/ are readable', async () => {
		const db = await createTestEngine();
		await db.registerFile('a.csv', new TextEncoder().encode('x,y\n1,2\n3,4\n'));
		const r = await db.query("SELECT sum(x + y)::INT AS s FROM read_csv('/huitou/a.csv')");
		expect(r.ok && r.value.getChild('s')?.get(0)).toBe(10);
	});

	test.each([
		"SELECT * FROM read_csv('https://example.com/x.csv')",
		"SELECT * FROM read_csv('http://127.0.0.1:1/x.csv')",
		"SELECT * FROM read_csv('/huitou/../etc/passwd')",
		"SELECT * FROM read_csv('/etc/passwd')"
	])('refuses %s', async (sql) => {
		const db = await createTestEngine();
		const r = await db.query(sql);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.code).toBe('engine.sandbox');
	});

	test('extension autoload is off: parquet fails at once with a catalog error', async () => {
		const db = await createTestEngine();
		const r = await db.query("COPY (SELECT 1) TO '/huitou/x.parquet' (FORMAT parquet)");
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.detail).toMatch(/parquet/i);
	});

	test('settings cannot be switched back by user SQL', async () => {
		const db = await createTestEngine();
		const r = await db.query('SET enable_external_access=true');
		expect(r.ok).toBe(false);
	});
});
