/**
 * Date formats decided from all of a sample of values, and one cell read in JS exactly as the
 * import's SQL reads it: the same answer from JS, duckdb-wasm and native DuckDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine } from '../../helpers/wasm-engine.ts';
import {
	createNativeEngine,
	rowsOf,
	type NativeEngine,
	type PlainRow
} from '../../helpers/native-engine.ts';
import { compileDateFormat, dateOrderOf } from '../../../src/ingest/dates/format.ts';
import { countDateShapes, detectDateFormat } from '../../../src/ingest/dates/detect.ts';
import { parseDateText } from '../../../src/ingest/dates/parse.ts';
import { buildDateShapeProbeSql } from '../../../src/ingest/dates/sql.ts';
import { INGEST_TABLES, buildParseRowsSql } from '../../../src/ingest/canonicalize.ts';
import { createMapping } from '../../../src/ingest/mapping.ts';
import { literal } from '../../../src/lib/sql.ts';

describe('detectDateFormat', () => {
	it.each([
		// Excel's US default with a two-digit year, as in the UCI invoice file.
		[['12/1/09 7:45', '12/1/09 8:26', '12/13/10 14:05'], 'M/D/YY H:mm'],
		[['1/12/09 7:45', '13/1/10 9:00'], 'D/M/YY H:mm'],
		[['01.02.2024', '15.03.2024 10:00'], 'D.M.YYYY H:mm'],
		[['15-03-2024'], 'D-M-YYYY'],
		[['11/13/2024 10:03:15 PM', '11/12/2024 12:05 AM'], 'M/D/YYYY h:mm:ss A'],
		[['2024/1/5', '2024/11/11 0:03'], 'iso'],
		[['2024年1月5日 9:05', '2024年11月11日 23:59'], 'iso'],
		[['2024-11-11T00:03:15Z', '2024-11-11T00:03:15+08:00', '2024-11-11 10:00:00 +0100'], 'iso'],
		[['20241111', '20240105'], 'YYYYMMDD'],
		[['20241111103000', '20240105'], 'YYYYMMDDHHmmss'],
		[['45607.5', '45608'], 'excel'],
		[['1731283395', '1731283400.5'], 'unix-s'],
		[['1731283395000', '1731283400000'], 'unix-ms']
	])('%j is %s', (values, format) => {
		const d = detectDateFormat(values);
		expect(d).toMatchObject({ format, parsed: values.length, total: values.length });
	});

	it('says when day and month cannot be told apart, and offers the other order', () => {
		const values = ['11/12/2024 10:03 PM', '1/2/2024 9:00 AM'];
		expect(detectDateFormat(values)).toMatchObject({
			format: 'M/D/YYYY h:mm A',
			ambiguous: true,
			alternative: 'D/M/YYYY h:mm A',
			parsed: 2
		});
		expect(detectDateFormat(values, { ambiguousDefault: 'dmy' }).format).toBe('D/M/YYYY h:mm A');
		// A hand-set order is not a guess.
		expect(detectDateFormat(values, { order: 'dmy' })).toMatchObject({
			format: 'D/M/YYYY h:mm A',
			ambiguous: false
		});
	});

	it('decides from every value, not the first', () => {
		// The first three could be either order; the fourth has a day above 12 in second place.
		const values = ['1/2/09 7:45', '3/4/09 7:45', '5/6/09 7:45', '12/25/09 10:00'];
		expect(detectDateFormat(values)).toMatchObject({ format: 'M/D/YY H:mm', ambiguous: false });
	});

	it('keeps to the most common shape among junk, counting what it reads', () => {
		const values = ['12/1/09 7:45', 'n/a', '', '12/2/09 8:00', 'yesterday', '2009-12-03'];
		// The year-first value is read by every format (the plain reading comes first).
		expect(detectDateFormat(values)).toMatchObject({
			format: 'M/D/YY H:mm',
			matched: 2,
			parsed: 3,
			total: 5
		});
	});

	it('flags a column that mixes day-first and month-first dates', () => {
		expect(detectDateFormat(['13/1/2024', '1/13/2024'])).toMatchObject({ mixedOrder: true });
	});

	it('reads year-first dates only when the order is ymd', () => {
		expect(detectDateFormat(['12/1/09 7:45'], { order: 'ymd' })).toMatchObject({
			format: 'iso',
			parsed: 0,
			total: 1
		});
	});

	it('an empty sample is year first', () => {
		expect(detectDateFormat(['', ' '])).toMatchObject({ format: 'iso', total: 0, parsed: 0 });
	});
});

describe('parseDateText', () => {
	it.each([
		['12/1/09 7:45', 'M/D/YY H:mm', '2009-12-01 07:45:00', null],
		// Two-digit years pivot at 70.
		['12/1/69 7:45', 'M/D/YY H:mm', '2069-12-01 07:45:00', null],
		['12/1/70 7:45', 'M/D/YY H:mm', '1970-12-01 07:45:00', null],
		// The time may be absent, seconds may be added.
		['12/1/09', 'M/D/YY H:mm', '2009-12-01 00:00:00', null],
		['12/1/09 7:45:30', 'M/D/YY H:mm', '2009-12-01 07:45:30', null],
		['1/12/09 7:45', 'D/M/YY H:mm', '2009-12-01 07:45:00', null],
		['11/12/2024 10:03:15 PM', 'M/D/YYYY h:mm:ss A', '2024-11-12 22:03:15', null],
		['11/12/2024 12:05 AM', 'M/D/YYYY h:mm:ss A', '2024-11-12 00:05:00', null],
		['11/12/2024 12:05 p.m.', 'M/D/YYYY h:mm A', '2024-11-12 12:05:00', null],
		['11/12/2024 3:05 下午', 'M/D/YYYY h:mm A', '2024-11-12 15:05:00', null],
		['12.11.2024', 'DD.MM.YYYY', '2024-11-12 00:00:00', null],
		['1.2.2024 9:05', 'D.M.YYYY H:mm', '2024-02-01 09:05:00', null],
		['2024/1/5', 'YYYY/M/D', '2024-01-05 00:00:00', null],
		['2024年1月5日 9:05', 'YYYY年M月D日 H:mm', '2024-01-05 09:05:00', null],
		['20241112', 'YYYYMMDD', '2024-11-12 00:00:00', null],
		['20241112220315', 'YYYYMMDDHHmmss', '2024-11-12 22:03:15', null],
		['20241112', 'YYYYMMDDHHmmss', '2024-11-12 00:00:00', null],
		['2024-07-15 10:00:00 +0100', 'iso', '2024-07-15 10:00:00', 60],
		['2024-11-11T00:03:15Z', 'iso', '2024-11-11 00:03:15', 0],
		['2024-11-10T20:00:00-05:00', 'YYYY-MM-DDTHH:mm:ssZ', '2024-11-10 20:00:00', -300],
		['2024-11-11 00:03:15', 'D/M/YYYY', '2024-11-11 00:03:15', null],
		['45607.5', 'excel', '2024-11-11 12:00:00', null],
		['1731283395', 'unix-s', '2024-11-11 00:03:15', 0],
		['1731283395000', 'unix-ms', '2024-11-11 00:03:15', 0]
	])('%s in %s is %s', (text, format, local, offsetMinutes) => {
		expect(parseDateText(text, format)).toEqual({ local, offsetMinutes });
	});

	it.each([
		['31/02/2024', 'D/M/YYYY'],
		['13/1/2024', 'M/D/YYYY'],
		['1.2.2024', 'DD.MM.YYYY'],
		['11/12/2024 13:05 PM', 'M/D/YYYY h:mm A'],
		['12/1/09 24:00', 'M/D/YY H:mm'],
		['2024-11-11 25:00', 'iso'],
		['2024-13-45', 'iso'],
		['yesterday', 'iso'],
		['', 'iso'],
		['12/1/2009', 'M/D/YY'],
		['1731283395.5', 'unix-ms'],
		['0.5', 'excel']
	])('%s is not a date in %s', (text, format) => {
		expect(parseDateText(text, format)).toBeNull();
	});
});

describe('compileDateFormat', () => {
	it.each([
		['YYYY-MM', 'has no D'],
		['M/D', 'has no YYYY or YY'],
		['YYYY-MM-DD YYYY', 'names YYYY twice']
	])('refuses %s (%s)', (format, detail) => {
		const compiled = compileDateFormat(format);
		expect(compiled.ok).toBe(false);
		if (!compiled.ok)
			expect(compiled.error).toEqual({
				code: 'ingest.date-format-invalid',
				detail: `"${format}" ${detail}`
			});
	});

	it.each([
		['M/D/YY H:mm', 'mdy'],
		['D.M.YYYY', 'dmy'],
		['YYYY年M月D日', 'ymd'],
		['iso', 'ymd'],
		['excel', 'ymd']
	])('%s writes dates %s', (format, order) => {
		expect(dateOrderOf(format)).toBe(order);
	});
});

/** Every case above that reads, and a few that do not, through the import's SQL. */
const SQL_CASES: [string, string][] = [
	['12/1/09 7:45', 'M/D/YY H:mm'],
	['12/1/70 7:45', 'M/D/YY H:mm'],
	['12/1/09', 'M/D/YY H:mm'],
	['12/1/09 7:45:30', 'M/D/YY H:mm'],
	['11/12/2024 10:03:15 PM', 'M/D/YYYY h:mm:ss A'],
	['11/12/2024 12:05 AM', 'M/D/YYYY h:mm:ss A'],
	['11/12/2024 3:05 下午', 'M/D/YYYY h:mm A'],
	['11/12/2024 13:05 PM', 'M/D/YYYY h:mm A'],
	['12/1/09 24:00', 'M/D/YY H:mm'],
	['31/02/2024', 'D/M/YYYY'],
	['1.2.2024 9:05', 'D.M.YYYY H:mm'],
	['1.2.2024', 'DD.MM.YYYY'],
	['2024年1月5日 9:05', 'YYYY年M月D日 H:mm'],
	['20241112220315', 'YYYYMMDDHHmmss'],
	['20241112', 'YYYYMMDDHHmmss'],
	['2024-07-15 10:00:00 +0100', 'iso'],
	['2024-11-10T20:00:00-05:00', 'YYYY-MM-DDTHH:mm:ssZ'],
	['2024-11-11 00:03:15', 'D/M/YYYY'],
	['2024-11-11 25:00', 'iso'],
	['45607.5', 'excel'],
	['1731283395', 'unix-s'],
	['1731283395000', 'unix-ms'],
	['1731283395.5', 'unix-ms']
];

/** The cases staged once, then read format by format; store and source at UTC. */
function casesSql(): string[] {
	const values = SQL_CASES.map(([t], i) => `(${literal(t)}, ${i + 2})`).join(', ');
	const stage = `CREATE OR REPLACE TABLE cases AS SELECT CAST(t AS VARCHAR) AS t, '1' AS id, '1' AS amt, CAST(line AS BIGINT) AS __line FROM (VALUES ${values}) v(t, line)`;
	const formats = [...new Set(SQL_CASES.map(([, f]) => f))];
	return formats.map((format) => {
		const lines = SQL_CASES.flatMap(([, f], i) => (f === format ? [i + 2] : []));
		const mapping = createMapping(
			{ order_id: 'id', order_time: 't', order_amount: 'amt' },
			{ dateFormat: format }
		);
		return `${stage};
CREATE OR REPLACE TABLE raw AS SELECT * FROM cases WHERE __line IN (${lines.join(', ')});
${buildParseRowsSql(mapping, 'raw')};
SELECT __line AS line, strftime(row_time, '%Y-%m-%d %H:%M:%S') AS t, reject_format FROM ${INGEST_TABLES.rows} ORDER BY __line`;
	});
}

/** What the SQL should give: the JS reading, moved from its own offset to UTC. */
function expectedRow(text: string, format: string, line: number) {
	const parsed = parseDateText(text, format);
	if (!parsed) return { line, t: null, reject_format: format };
	const ms =
		Date.parse(parsed.local.replace(' ', 'T') + 'Z') - (parsed.offsetMinutes ?? 0) * 60_000;
	return {
		line,
		t: new Date(ms).toISOString().replace('T', ' ').slice(0, 19),
		reject_format: null
	};
}

describe('the SQL reads a cell as parseDateText does', () => {
	let wasm: Awaited<ReturnType<typeof createTestEngine>>;
	let native: NativeEngine;
	// Two engines start on a shared machine: more than the default 10 s.
	beforeAll(async () => {
		wasm = await createTestEngine();
		native = await createNativeEngine();
	}, 60_000);
	afterAll(() => {
		wasm.close();
		native.close();
	});

	it('in duckdb-wasm and native DuckDB alike', async () => {
		const expected = SQL_CASES.map(([t, f], i) => expectedRow(t, f, i + 2));
		const fromWasm: PlainRow[] = [];
		const fromNative: PlainRow[] = [];
		for (const sql of casesSql()) {
			const statements = sql.split(';\n');
			for (const s of statements.slice(0, -1)) await rowsOf(wasm, s);
			fromWasm.push(...(await rowsOf(wasm, statements.at(-1)!)));
			const n = await native.query(sql);
			if (!n.ok) throw new Error(n.error.detail);
			fromNative.push(...n.value);
		}
		const byLine = (a: PlainRow, b: PlainRow) => Number(a.line) - Number(b.line);
		expect(fromWasm.sort(byLine)).toEqual(expected);
		expect(fromNative.sort(byLine)).toEqual(fromWasm);
	}, 120_000);

	it('counts the shapes of a column in SQL as detectDateFormat does in JS', async () => {
		const values = [
			'12/1/09 7:45',
			'12/13/10 14:05:10',
			'n/a',
			'-',
			'2024-11-11',
			'45607.5',
			'1731283395',
			'20241111',
			'1/2/2024 9:00 PM'
		];
		const rows = values.map((v, i) => `(${literal(v)}, ${i})`).join(', ');
		const stage = `CREATE OR REPLACE TABLE shapes AS SELECT CAST(v AS VARCHAR) AS d FROM (VALUES ${rows}) t(v, i)`;
		const probe = buildDateShapeProbeSql('shapes', 'd', ['-']);
		await rowsOf(wasm, stage);
		const fromWasm = await rowsOf(wasm, probe);
		const n = await native.query(`${stage}; ${probe}`);
		if (!n.ok) throw new Error(n.error.detail);
		expect(n.value).toEqual(fromWasm);
		const js = countDateShapes(values.filter((v) => v !== '-'));
		const asRows = js
			.map((c) => ({
				shape: c.shape,
				separators: c.separators,
				year_digits: c.yearDigits,
				count: c.count,
				first_over_12: c.firstOver12,
				second_over_12: c.secondOver12,
				with_time: c.withTime,
				with_seconds: c.withSeconds,
				with_am_pm: c.withAmPm
			}))
			.sort((a, b) =>
				JSON.stringify(Object.values(a)).localeCompare(JSON.stringify(Object.values(b)))
			);
		const sorted = [...fromWasm].sort((a, b) =>
			JSON.stringify(Object.values(a)).localeCompare(JSON.stringify(Object.values(b)))
		);
		expect(sorted).toEqual(asRows);
	});
});
