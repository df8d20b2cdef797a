/**
 * The preview's reading of an amount cell (JS) agrees with the import's (SQL), value for value,
 * and names the currency the cell carries.
 */
import { expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { parseAmountText } from '../../../src/ingest/amounts.ts';
import { parseNumber } from '../../../src/ingest/canonicalize.ts';
import { literal } from '../../../src/lib/sql.ts';

const engine = useTestEngine();

const point: [string, number | null, string | null][] = [
	['12', 12, null],
	['12.5', 12.5, null],
	['-3', -3, null],
	['1e3', 1000, null],
	['¥1,234.50', 1234.5, 'CNY'],
	['￥88', 88, 'CNY'],
	['88元', 88, 'CNY'],
	['RMB 12.00', 12, 'CNY'],
	['$12', 12, 'USD'],
	['US$1,000', 1000, 'USD'],
	['HK$120.00', 120, 'HKD'],
	['NT$350', 350, 'TWD'],
	['£12.00', 12, 'GBP'],
	['12.00 GBP', 12, 'GBP'],
	['€5', 5, 'EUR'],
	['JPY 1200', 1200, 'JPY'],
	['(12.00)', -12, null],
	['12.00-', -12, null],
	['-£3.50', -3.5, 'GBP'],
	['1,23', null, null],
	['12.3.4', null, null],
	['free', null, null],
	['', null, null]
];
const comma: [string, number | null, string | null][] = [
	['1.234,50', 1234.5, null],
	['3,50 €', 3.5, 'EUR'],
	['12', 12, null],
	['1.234', 1234, null],
	['1,234.50', null, null]
];

it.each([...point.map((c) => ['.', ...c] as const), ...comma.map((c) => [',', ...c] as const)])(
	'decimal %s: %j is %s %s',
	async (decimal, text, value, currency) => {
		expect(parseAmountText(text, decimal)).toEqual({ value, currency });
		const sql = await engine.query(
			`SELECT ${parseNumber(`CAST(${literal(text)} AS VARCHAR)`, decimal)} AS v`
		);
		if (!sql.ok) throw new Error(sql.error.detail);
		expect(sql.value.get(0)?.v ?? null).toBe(value);
	}
);

it('reads ¥ as yen when the file says JPY', () => {
	expect(parseAmountText('¥1,200', '.', 'JPY')).toEqual({ value: 1200, currency: 'JPY' });
});
