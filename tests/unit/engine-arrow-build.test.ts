import { beforeAll, expect, test } from 'vitest';
import { Table } from 'apache-arrow';
import { createTestEngine } from '../helpers/wasm-engine.ts';
import { utf8Vector } from '../../src/engine/arrow-build.ts';
import type { SqlEngine } from '../../src/engine/types.ts';

let db: SqlEngine;
beforeAll(async () => {
	db = await createTestEngine();
});

test('utf8Vector keeps text, nulls and multi-byte characters through DuckDB', async () => {
	const values = ['订单编号', null, '', '=HYPERLINK("x")', undefined, 'é€'];
	const v = utf8Vector(values);
	expect(v.length).toBe(6);
	expect(v.nullCount).toBe(2);
	expect([...v]).toEqual(['订单编号', null, '', '=HYPERLINK("x")', null, 'é€']);
	const ins = await db.insertArrow('t', new Table({ s: v }), 'create');
	expect(ins.ok).toBe(true);
	const r = await db.query('SELECT count(s) AS n, max(length(s)) AS longest FROM t');
	if (!r.ok) throw new Error(r.error.detail);
	// 4 non-null values; the longest is '=HYPERLINK("x")', 15 characters
	expect(Number(r.value.getChild('n')?.get(0))).toBe(4);
	expect(Number(r.value.getChild('longest')?.get(0))).toBe(15);
});
