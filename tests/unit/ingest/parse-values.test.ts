/**
 * How single cells are read: ids as text, money in its many spellings, dates in every format the
 * exports use, with time zones applied once. Each case is one staged row.
 */
import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/wasm-engine.ts';
import { INGEST_TABLES, buildParseRowsSql } from '../../../src/ingest/canonicalize.ts';
import { createMapping, type Mapping } from '../../../src/ingest/mapping.ts';
import { detectDateFormat } from '../../../src/ingest/dates/detect.ts';
import { rowsOf, run, stageRows } from './stage-fixture.ts';

const engine = useTestEngine();

const fields = { order_id: 'id', order_time: 't', order_amount: 'amt' };

/** Parses rows of (id, time, amount) and returns what stage 1 made of them. */
async function parse(rows: [string, string, string][], overrides: Partial<Mapping> = {}) {
	await stageRows(engine, 'raw', ['id', 't', 'amt'], rows);
	await run(engine, buildParseRowsSql(createMapping(fields, overrides), 'raw'));
	return rowsOf(
		engine,
		`SELECT order_id, row_time, order_amount, reject_reason FROM ${INGEST_TABLES.rows} ORDER BY __line`
	);
}

describe('dates', () => {
	const china = { timezoneOffsetMinutes: 480, sourceOffsetMinutes: 480 };
	it.each([
		['2024-11-11 00:03:15', '2024-11-11 00:03:15'],
		['2024/11/11 0:03', '2024-11-11 00:03:00'],
		['2024/1/5', '2024-01-05 00:00:00'],
		['2024年11月11日', '2024-11-11 00:00:00'],
		['20241111', '2024-11-11 00:00:00'],
		// Explicit offsets: +08:00 is already store time; Z is 8 hours behind it.
		['2024-11-11T00:03:15+08:00', '2024-11-11 00:03:15'],
		['2024-11-11T00:03:15Z', '2024-11-11 08:03:15'],
		// 20:00 at UTC−5 = 01:00 UTC next day = 09:00 in UTC+8.
		['2024-11-10T20:00:00-05:00', '2024-11-11 09:00:00'],
		['2024-11-11T00:03:15.250Z', '2024-11-11 08:03:15'],
		// Excel serial: day 45607 = 2024-11-11, .5 = noon; serials are wall-clock, not shifted.
		['45607.5', '2024-11-11 12:00:00'],
		// Unix time is UTC: 1731283395 = 2024-11-11 00:03:15 UTC.
		['1731283395', '2024-11-11 08:03:15'],
		['1731283395000', '2024-11-11 08:03:15']
	])('reads %s', async (text, expected) => {
		// The import decides the format from the column; here the column is this one value.
		const dateFormat = detectDateFormat([text]).format;
		const [row] = await parse([['1', text, '1']], { ...china, dateFormat });
		expect(row).toMatchObject({ row_time: expected, reject_reason: null });
	});

	it('converts naive source times to the store zone once', async () => {
		// A UTC+8 export read for a store in UTC: 00:03 Beijing = 16:03 the day before.
		const [row] = await parse([['1', '2024-11-11 00:03:15', '1']], {
			timezoneOffsetMinutes: 0,
			sourceOffsetMinutes: 480
		});
		expect(row.row_time).toBe('2024-11-10 16:03:15');
	});

	it('reads year-last dates in the chosen day/month order, with AM/PM', async () => {
		const rows: [string, string, string][] = [
			['1', '11/12/2024', '1'],
			['2', '11/12/2024 10:03:15 PM', '1'],
			['3', '11/12/2024 12:05 AM', '1']
		];
		const dmy = await parse(rows, { dateFormat: 'D/M/YYYY h:mm:ss A' });
		const mdy = await parse(rows, { dateFormat: 'M/D/YYYY h:mm:ss A' });
		expect(dmy.map((r) => r.row_time)).toEqual([
			'2024-12-11 00:00:00',
			'2024-12-11 22:03:15',
			'2024-12-11 00:05:00'
		]);
		expect(mdy.map((r) => r.row_time)).toEqual([
			'2024-11-12 00:00:00',
			'2024-11-12 22:03:15',
			'2024-11-12 00:05:00'
		]);
		const ymd = await parse(rows, { dateFormat: 'iso' });
		expect(ymd.map((r) => r.reject_reason)).toEqual(['bad-date', 'bad-date', 'bad-date']);
	});

	it.each(['2024-13-45', '2024-02-30', 'yesterday', '31/31/2024', '2024-11-11 25:00', '12345'])(
		'rejects %s as bad-date',
		async (text) => {
			const [row] = await parse([['1', text, '1']]);
			expect(row).toMatchObject({ row_time: null, reject_reason: 'bad-date' });
		}
	);
});

describe('amounts', () => {
	it.each([
		['¥1,234.50', 1234.5],
		['￥88', 88],
		['$12', 12],
		['US$ 7.5', 7.5],
		['(12.00)', -12],
		['-3.5', -3.5],
		['3.5-', -3.5],
		['12.50 元', 12.5],
		['RMB 5', 5],
		['="12.5"', 12.5],
		['1,234,567', 1234567],
		['.5', 0.5]
	])('reads %s with a decimal point', async (text, expected) => {
		const [row] = await parse([['1', '2024-01-01', text]]);
		expect(row).toMatchObject({ order_amount: expected, reject_reason: null });
	});

	it.each([
		['1.234,50', 1234.5],
		['12,5', 12.5],
		['€ 3,00', 3],
		['1.234.567', 1234567]
	])('reads %s with a decimal comma', async (text, expected) => {
		const [row] = await parse([['1', '2024-01-01', text]], { decimal: ',' });
		expect(row).toMatchObject({ order_amount: expected, reject_reason: null });
	});

	it.each(['12abc', 'about 5', '1,5', '1.2.3', '¥', '1,234.50 with tax'])(
		'rejects %s as bad-amount',
		async (text) => {
			const [row] = await parse([['1', '2024-01-01', text]]);
			expect(row).toMatchObject({ order_amount: null, reject_reason: 'bad-amount' });
		}
	);

	it('rejects a point-decimal amount when the file uses decimal commas', async () => {
		const [row] = await parse([['1', '2024-01-01', '1,234.50']], { decimal: ',' });
		expect(row.reject_reason).toBe('bad-amount');
	});
});

describe('ids', () => {
	it.each([
		['="1234567890123456789"', '1234567890123456789'],
		['=0012', '0012'],
		// Chinese exports put a tab before long numbers so Excel keeps them as text.
		['\t3901234567890123456', '3901234567890123456'],
		['3901234567890123456\t', '3901234567890123456'],
		['=1+1', '=1+1'],
		['1234567890123456789012', '1234567890123456789012'],
		[' "A-17" ', 'A-17'],
		["'0012", '0012'],
		['\u3000#1001\u3000', '#1001'],
		['=HYPERLINK("http://x.test","y")', '=HYPERLINK("http://x.test","y")'],
		['<script>alert(1)</script>', '<script>alert(1)</script>']
	])('keeps %s as %s', async (text, expected) => {
		const [row] = await parse([[text, '2024-01-01', '1']]);
		expect(row.order_id).toBe(expected);
	});

	it('rejects a row without an order id, and treats null tokens as empty', async () => {
		const rows = await parse(
			[
				['', '2024-01-01', '1'],
				['-', '2024-01-01', '1'],
				['7', '2024-01-01', '-']
			],
			{ nullTokens: ['-'] }
		);
		expect(rows.map((r) => [r.order_id, r.order_amount, r.reject_reason])).toEqual([
			[null, 1, 'missing-order-id'],
			[null, 1, 'missing-order-id'],
			['7', null, null]
		]);
	});
});
