import { beforeAll, describe, expect, test } from 'vitest';
import { createTestEngine } from '../helpers/wasm-engine.ts';
import { tableToRows, getCell } from '../../src/engine/decode.ts';
import type { SqlEngine } from '../../src/engine/types.ts';

let db: SqlEngine;
beforeAll(async () => {
	db = await createTestEngine();
});

describe('Arrow decoding', () => {
	test('dates, 64-bit ints, decimals and nulls become plain values', async () => {
		const r = await db.query(
			`SELECT TIMESTAMP '2024-11-11 00:03:15' AS ts, DATE '2024-11-11' AS d, 12::BIGINT AS b,
			 9007199254740993::BIGINT AS big, 1.5::DECIMAL(10,2) AS dc, 'x' AS s, NULL::VARCHAR AS n,
			 count(*) AS c, 0.5::DOUBLE AS dd`
		);
		if (!r.ok) throw new Error(r.error.detail);
		const [row] = tableToRows(r.value);
		expect(row.ts).toEqual(new Date(Date.UTC(2024, 10, 11, 0, 3, 15)));
		expect(row.d).toEqual(new Date(Date.UTC(2024, 10, 11)));
		expect(row.b).toBe(12);
		// beyond 2^53 a number would lose digits: kept as text
		expect(row.big).toBe('9007199254740993');
		expect(row.dc).toBe(1.5);
		expect(row.s).toBe('x');
		expect(row.n).toBeNull();
		expect(row.c).toBe(1);
		expect(row.dd).toBe(0.5);
		expect(getCell(r.value, 0, 'dc')).toBe(1.5);
	});
});
