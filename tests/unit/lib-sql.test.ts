import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestEngine } from './../helpers/wasm-engine.ts';
import { queryRows } from './../helpers/orders-fixture.ts';
import { doubleLiteral } from '../../src/lib/sql.ts';

let db: Awaited<ReturnType<typeof createTestEngine>>;
beforeAll(async () => {
	db = await createTestEngine();
}, 60_000);
afterAll(() => db.close());

test.each([
	0.1,
	1 / 3,
	0.243,
	-2.5e-300,
	4e6,
	123456789.123,
	Number.MAX_VALUE,
	Number.MIN_VALUE,
	0
])('doubleLiteral(%s) is that DOUBLE in DuckDB, to the last bit', async (v) => {
	const [row] = await queryRows(
		db,
		`SELECT ${doubleLiteral(v)} AS v, typeof(${doubleLiteral(v)}) AS t`
	);
	expect(row).toEqual({ v, t: 'DOUBLE' });
});

test('NaN and infinities as DuckDB spells them', async () => {
	const [row] = await queryRows(
		db,
		`SELECT isnan(${doubleLiteral(NaN)}) AS nan, ${doubleLiteral(Infinity)} AS inf, ${doubleLiteral(-Infinity)} AS neg`
	);
	expect(row).toEqual({ nan: true, inf: Infinity, neg: -Infinity });
});
